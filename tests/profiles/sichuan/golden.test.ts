/**
 * Golden test of the sichuan profile against seed 001 (资阳市人大常委会, part 4 附件): every generated table, DOCX and
 * XLSX, row by row and cell by cell (non-empty cells), equals the seed's — except the differences listed here. Each
 * names the cells where the seed and jixiao part, what each prints, and why: a seed error of DOMAIN.md §8.2 (then the
 * derived value), or a cell jixiao derives where the seed typed prose or left a blank.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UnitResult } from '../../../src/run/pipeline.js';
import type { SichuanDerived } from '../../../src/profiles/sichuan/derived.js';
import { docxTables, dumpDocx, xlsxSheetRows } from '../../support/dump.js';
import { expectGoldenDumps } from '../../support/golden.js';
import { cells, seedCellTables } from '../../support/seed-tables.js';
import { buildInput } from '../../support/build.js';

const SEED = '001_541a3aa2ed15f5eb.txt';

/** Why a row differs. */
const W = {
  formula: '依据及说明 shows the rubric’s formula with the derived figures (issue 4); the seed typed a sentence',
  rate2: 'rates print with 2 decimals (DOMAIN.md §3.0); the seed wrote “100%”',
  score2: 'a score that is not whole prints with 2 decimals (DOMAIN.md §3.0)',
  total: 'the seed omits the 合计 row on the department sheet; jixiao prints it (setting deptTotalRow, DOMAIN.md §3.2)',
  points: 'c3 prints every 三级 label with its points; the seed left them off 可持续影响',
  derived: '当年结转结余额 and 结转结余率 are derived and never left blank (DOMAIN.md §3.2 S6); 结转结余变动率 prints “—” over a zero 上年结转结余 (§4.4)',
  checkbox: 'a checked 项目类型 prints ☑ (DOMAIN.md §3.2, configurable); the seed printed “□√” (or a stray “(”)',
  quarters: '§8.2 #42: 完成及时率 “100%” is not what the printed formula gives; jixiao prints the quarter result that was scored',
  saving: '§8.2 #22 #27 #31 #34 #39: 成本节约率 = (全年预算数 − 全年执行数) ÷ 全年预算数, printed with its formula',
  arrival: '资金到位率 = 实际到位资金 ÷ 全年预算数, printed with its formula (the seed wrote “100%”)',
  arrivalLow: '§8.2 #26 / #37: only the 财政拨款 named in the report arrived, so 资金到位率 is about 80% and scores 0 by its rule',
  satisfaction: 'the 满意度 line scores the mean of the completion table’s 满意度指标 (DOMAIN.md §5.8); §8.2 #23 #29 #30 #40 list the seed’s scores',
  projectTotal: 'the total follows from the corrected line scores (§8.2 #23 #26 #29 #30 #37 #40)',
  execLow: '§8.2 #25 #33 #36: execution below 90% needs a reason (W-EXEC-LOW-UNEXPLAINED is an error in sichuan); the seed said 无偏差',
  blankRow: 'the seed prints an empty 经济/生态效益指标 row (“指标1:” and nothing else); the sample has no such indicator (W-RUBRIC-NO-TARGET)',
  effectBlock:
    'the seed merged this 项目效益 row into 项目完成 and did not restart 年度绩效指标; jixiao gives it its 一级指标 and starts the second block there',
  unit: 'the sample gives the 度量单位, printed after a bare number; the seed printed “8”, “1”, “132.5” (§8.2 #35)',
  level2Merge: 'the seed repeats 经济成本指标 instead of merging it; jixiao merges equal 二级指标 (DOMAIN.md §3.0)',
  ordinal: 'the seed numbered the only 可持续影响指标 “指标2:”; numbering restarts at 1 in each 二级指标',
  percent800: '§8.2 #38: “800%” (E-PERCENT-OVER-100) corrected to 80% in the sample',
  costDeviation: 'read as “=”, 25万元 → 16.81万元 is not met, so no 无偏差 is printed (W-DEVIATION-UNEXPLAINED; §8.2 #28)',
} as const;

/** The cells where a seed row and our row part (by position; ∅ for a cell one side lacks), or a row only one side has. */
interface KnownDifference {
  table: number;
  at: string;
  seed: string[] | null;
  ours: string[] | null;
  why: string;
}

const DIFFERENCES: KnownDifference[] = [
  // S2 部门整体支出绩效自评计分表
  {
    table: 0,
    at: '预算配置（15分）',
    seed: ['在职人数48人，编制数52人，在职人员控制率小于1。'],
    ours: ['在职人数48人/编制数52人×100%=92.31%。'],
    why: W.formula,
  },
  {
    table: 0,
    at: '“三公经费”变动率（5分）',
    seed: ['2023年“三公”经费总额4.17万元，比2022年减少19.64万元。'],
    ours: ['2023年“三公”经费总额4.17万元，比2022年减少19.63万元，变动率-82.48%。'],
    why: '§8.2 #16: 23.80 − 4.17 = 19.63',
  },
  {
    table: 0,
    at: '重点支出安排率（5分）',
    seed: ['重点项目支出337.57万元/项目总支出337.57万元*100%=100%'],
    ours: ['重点项目支出337.57万元/项目总支出337.57万元*100%=100.00%'],
    why: W.rate2,
  },
  {
    table: 0,
    at: '过程（30分）',
    seed: ['预算完成数1765.3万元/预算数1765.3万元*100%=100%。'],
    ours: ['预算完成数1772.26万元/预算数1772.93万元*100%=99.96%。'],
    why: '§8.2 #13: the seed used income; 预算完成率 = 执行额 ÷ 预算额',
  },
  {
    table: 0,
    at: '预算调整率（2分）',
    seed: ['本年度预算无调整。'],
    ours: ['预算调整数0.00万元/预算数1772.93万元×100%=0.00%。本年度预算无调整。'],
    why: W.formula,
  },
  {
    table: 0,
    at: '结转结余率（2分）',
    seed: ['结转结余总额0.67万元/支出预算数1772.93×100%=0.04%'],
    ours: ['结转结余总额0.67万元/支出预算数1772.93万元×100%=0.04%'],
    why: 'the formula names the unit of both amounts; the seed dropped 万元 once',
  },
  {
    table: 0,
    at: '结转结余变动率（2分）',
    seed: ['本年度结转结余变动率低于15%。'],
    ours: ['（本年度结转结余0.67万元-上年度结转结余7.62万元）/上年度结转结余7.62万元×100%=-91.21%'],
    why: W.formula,
  },
  {
    table: 0,
    at: '公用经费控制率（2分）',
    seed: ['（实际支出公用经费总额382.73万元/预算安排公用经费总额383.39万元）×100%=99.82%'],
    ours: ['（实际支出公用经费总额382.73万元/预算安排公用经费总额383.39万元）×100%=99.83%'],
    why: '§8.2 #14: 382.73 ÷ 383.39 = 99.83%',
  },
  {
    table: 0,
    at: '“三公经费”控制率（2分）',
    seed: ['（“三公经费”实际支出数4.17万元/“三公经费”预算安排数3.61万元）×100%=115%', '∅'],
    ours: ['0', '（“三公经费”实际支出数4.17万元/“三公经费”预算安排数3.61万元）×100%=115.51%'],
    why: '§8.2 #15: 4.17 ÷ 3.61 = 115.51%, and the blank score is 0 by the rule',
  },
  { table: 0, at: '合计', seed: null, ours: ['合计', '98'], why: W.total },
  // S3 部门整体支出绩效目标完成情况表
  { table: 1, at: '合计', seed: ['∅'], ours: ['-91.21'], why: '§8.2 #17: 结转结余变动率 (0.67 − 7.62) ÷ 7.62 was left blank' },
  { table: 1, at: '基本支出', seed: ['0.04', '∅'], ours: ['0.05', '-91.21'], why: '§8.2 #12: 67 ÷ 143536 = 0.05%; #17' },
  { table: 1, at: '政策和项目支出', seed: ['∅', '∅'], ours: ['0.00', '—'], why: W.derived },
  { table: 1, at: '结转结余变动率%', seed: ['∅', '∅'], ours: ['-91.21', '-91.21'], why: '§8.2 #17' },
  // S5/S6 市人代会经费
  { table: 2, at: '资金落实（10分）', seed: ['资金到位率100%。'], ours: ['实际到位资金130.00万元/计划投入资金130.00万元×100%=100.00%'], why: W.arrival },
  { table: 2, at: '完成及时率（6分）', seed: ['完成及时率100%。'], ours: ['1—4季度均按计划完成。'], why: W.quarters },
  {
    table: 2,
    at: '成本节约率（5分）',
    seed: ['成本节约率100%。'],
    ours: ['（计划成本130.00万元-实际成本130.00万元）/计划成本130.00万元×100%=0.00%'],
    why: W.saving,
  },
  { table: 2, at: '可持续影响', seed: ['可持续影响'], ours: ['可持续影响（5分）'], why: W.points },
  {
    table: 2,
    at: '社会公众或服务对象满意度（10分）',
    seed: ['9', '∅'],
    ours: ['9.50', '绩效目标完成情况表满意度指标平均满意率95.00%，得分=95.00%×10分=9.50分。'],
    why: W.satisfaction,
  },
  { table: 2, at: '合计', seed: ['99'], ours: ['99.50'], why: W.projectTotal },
  { table: 3, at: '□', seed: ['（'], ours: ['☑'], why: W.checkbox },
  { table: 3, at: '合计', seed: ['∅', '∅', '∅'], ours: ['0', '0.00', '—'], why: W.derived },
  { table: 3, at: '财政拨款', seed: ['∅', '∅', '∅'], ours: ['0', '0.00', '—'], why: W.derived },
  { table: 3, at: '当年结转结余额（百元）', seed: ['∅', '∅'], ours: ['0', '0'], why: W.derived },
  { table: 3, at: '结转结余率%', seed: ['∅', '∅'], ours: ['0.00', '0.00'], why: W.derived },
  { table: 3, at: '结转结余变动率%', seed: ['∅', '∅'], ours: ['—', '—'], why: W.derived },
  {
    table: 3,
    at: '年度绩效指标',
    seed: ['经济效益指标', '∅', '∅', '∅'],
    ours: ['社会效益指标', '议定事项对各项工作的推动作用', '有效促进', '无偏差'],
    why: W.blankRow,
  },
  { table: 3, at: '社会效益指标', seed: ['社会效益指标', '指标1:', '议定事项对各项工作的推动作用', '有效促进', '无偏差'], ours: null, why: W.blankRow },
  { table: 3, at: '生态效益指标', seed: ['生态效益指标', '指标1:'], ours: null, why: W.blankRow },
  // S5/S6 地方立法专项经费
  {
    table: 4,
    at: '资金落实（10分）',
    seed: ['5', '资金到位率100%。'],
    ours: ['0', '实际到位资金33.13万元/计划投入资金41.32万元×100%=80.18%'],
    why: W.arrivalLow,
  },
  { table: 4, at: '完成及时率（6分）', seed: ['完成及时率100%。'], ours: ['1—4季度均按计划完成。'], why: W.quarters },
  {
    table: 4,
    at: '成本节约率（5分）',
    seed: ['成本节约率100%。'],
    ours: ['（计划成本41.32万元-实际成本33.13万元）/计划成本41.32万元×100%=19.82%'],
    why: W.saving,
  },
  { table: 4, at: '可持续影响', seed: ['可持续影响'], ours: ['可持续影响（5分）'], why: W.points },
  {
    table: 4,
    at: '社会公众或服务对象满意度（10分）',
    seed: ['9', '∅'],
    ours: ['8.50', '绩效目标完成情况表满意度指标平均满意率85.00%，得分=85.00%×10分=8.50分。'],
    why: W.satisfaction,
  },
  { table: 4, at: '合计', seed: ['99'], ours: ['93.50'], why: W.projectTotal },
  { table: 5, at: '□', seed: ['□√'], ours: ['☑'], why: W.checkbox },
  { table: 5, at: '合计', seed: ['∅', '∅', '∅'], ours: ['819', '19.82', '—'], why: `§8.2 #25: 819 百元 were left blank. ${W.derived}` },
  { table: 5, at: '财政拨款', seed: ['∅', '∅', '∅'], ours: ['819', '19.82', '—'], why: '§8.2 #25' },
  { table: 5, at: '当年结转结余额（百元）', seed: ['∅', '∅'], ours: ['819', '819'], why: '§8.2 #25' },
  { table: 5, at: '结转结余率%', seed: ['∅', '∅'], ours: ['19.82', '19.82'], why: '§8.2 #25' },
  { table: 5, at: '结转结余变动率%', seed: ['∅', '∅'], ours: ['—', '—'], why: W.derived },
  {
    table: 5,
    at: '依法开展法规审议、法规调研、规范性文件备案审查等工作；做好基层立法联系点标准化建设考核工作，积极开展地方立法法制宣传；做好备案审查信息平台日常维护、使用管理。',
    seed: ['无偏差'],
    ours: ['全年预算41.32万元（年初25万元、追加16.32万元），实际到位财政拨款33.13万元并已全部支出，未到位的8.19万元形成结转结余。'],
    why: W.execLow,
  },
  { table: 5, at: '成本指标', seed: ['无偏差'], ours: ['∅'], why: W.costDeviation },
  {
    table: 5,
    at: '社会效益指标',
    seed: [
      '社会效益指标',
      '指标1:',
      '城乡建设与管理、环境保护、历史文化保护、基层治理的发展促进情况',
      '颁布《资阳市城区建筑垃圾管理条例》，《资阳市优化营商环境条例》，对《资阳市农贸市场管理条例》进行第二次审议。对《资阳市天府国际艺术城建设与管理条例》进行第一次审议，开展四部立法调研。有力助推资阳法治化建设，推动资阳经济社会进一步发展。',
      '无偏差',
      '∅',
      '∅',
    ],
    ours: [
      '年度绩效指标',
      '项目效益',
      '社会效益指标',
      '指标1:',
      '城乡建设与管理、环境保护、历史文化保护、基层治理的发展促进情况',
      '颁布《资阳市城区建筑垃圾管理条例》，《资阳市优化营商环境条例》，对《资阳市农贸市场管理条例》进行第二次审议。对《资阳市天府国际艺术城建设与管理条例》进行第一次审议，开展四部立法调研。有力助推资阳法治化建设，推动资阳经济社会进一步发展。',
      '无偏差',
    ],
    why: W.effectBlock,
  },
  // S5/S6 常委会组成人员及人大干部培训经费
  { table: 6, at: '资金落实（10分）', seed: ['资金到位率100%。'], ours: ['实际到位资金25.00万元/计划投入资金25.00万元×100%=100.00%'], why: W.arrival },
  { table: 6, at: '完成及时率（6分）', seed: ['完成及时率100%。'], ours: ['1—4季度均按计划完成。'], why: W.quarters },
  {
    table: 6,
    at: '成本节约率（5分）',
    seed: ['成本节约率100%。'],
    ours: ['（计划成本25.00万元-实际成本25.00万元）/计划成本25.00万元×100%=0.00%'],
    why: W.saving,
  },
  { table: 6, at: '可持续影响', seed: ['可持续影响'], ours: ['可持续影响（5分）'], why: W.points },
  {
    table: 6,
    at: '社会公众或服务对象满意度（10分）',
    seed: ['9', '∅'],
    ours: ['9.50', '绩效目标完成情况表满意度指标平均满意率95.00%，得分=95.00%×10分=9.50分。'],
    why: W.satisfaction,
  },
  { table: 6, at: '合计', seed: ['99'], ours: ['99.50'], why: W.projectTotal },
  { table: 7, at: '□', seed: ['□√'], ours: ['☑'], why: W.checkbox },
  { table: 7, at: '合计', seed: ['∅', '∅'], ours: ['0.00', '—'], why: W.derived },
  { table: 7, at: '财政拨款', seed: ['∅', '∅'], ours: ['0.00', '—'], why: W.derived },
  { table: 7, at: '当年结转结余额（百元）', seed: ['∅', '∅'], ours: ['0', '0'], why: W.derived },
  { table: 7, at: '结转结余率%', seed: ['∅', '∅'], ours: ['0.00', '0.00'], why: W.derived },
  { table: 7, at: '结转结余变动率%', seed: ['∅', '∅'], ours: ['—', '—'], why: W.derived },
  // S5/S6 预算审查及监督经费
  { table: 8, at: '资金落实（10分）', seed: ['资金到位率100%。'], ours: ['实际到位资金22.40万元/计划投入资金22.40万元×100%=100.00%'], why: W.arrival },
  { table: 8, at: '完成及时率（6分）', seed: ['完成及时率100%。'], ours: ['1—4季度均按计划完成。'], why: W.quarters },
  {
    table: 8,
    at: '成本节约率（5分）',
    seed: ['成本节约率100%。'],
    ours: ['（计划成本22.40万元-实际成本19.40万元）/计划成本22.40万元×100%=13.39%'],
    why: W.saving,
  },
  { table: 8, at: '可持续影响', seed: ['可持续影响'], ours: ['可持续影响（5分）'], why: W.points },
  {
    table: 8,
    at: '社会公众或服务对象满意度（10分）',
    seed: ['9.5', '∅'],
    ours: ['9.50', '绩效目标完成情况表满意度指标平均满意率95.00%，得分=95.00%×10分=9.50分。'],
    why: `${W.score2}; ${W.satisfaction}`,
  },
  { table: 8, at: '合计', seed: ['99.5'], ours: ['99.50'], why: W.score2 },
  { table: 9, at: '□', seed: ['□√'], ours: ['☑'], why: W.checkbox },
  { table: 9, at: '合计', seed: ['∅', '∅', '∅'], ours: ['300', '13.39', '—'], why: `§8.2 #33: 300 百元 (13.39%) were not shown. ${W.derived}` },
  { table: 9, at: '财政拨款', seed: ['∅', '∅', '∅'], ours: ['300', '13.39', '—'], why: '§8.2 #33' },
  { table: 9, at: '当年结转结余额（百元）', seed: ['∅', '∅'], ours: ['300', '300'], why: '§8.2 #33' },
  { table: 9, at: '结转结余率%', seed: ['∅', '∅'], ours: ['13.39', '13.39'], why: '§8.2 #33' },
  { table: 9, at: '结转结余变动率%', seed: ['∅', '∅'], ours: ['—', '—'], why: W.derived },
  {
    table: 9,
    at: '对市政府及其部门开展年度预算审查及全过程全口径审查监督。',
    seed: ['无偏差'],
    ours: ['全年预算22.4万元（年初20万元、追加2.4万元），实际支出19.4万元，结余3万元（自评报告未说明结余原因）。'],
    why: W.execLow,
  },
  { table: 9, at: '产出指标', seed: ['8'], ours: ['8天'], why: W.unit },
  { table: 9, at: '指标2:', seed: ['1'], ours: ['1次'], why: W.unit },
  { table: 9, at: '指标3:', seed: ['132.5'], ours: ['132.5亿元'], why: W.unit },
  { table: 9, at: '指标4:', seed: ['3'], ours: ['3次'], why: W.unit },
  { table: 9, at: '指标5:', seed: ['1'], ours: ['1次'], why: W.unit },
  { table: 9, at: '年度绩效指标', seed: ['50'], ours: ['50元/人'], why: W.unit },
  {
    table: 9,
    at: '经济成本指标',
    seed: ['经济成本指标', '指标2:', '预算审查会议每天费用标准≤380元/人', '260', '无偏差'],
    ours: ['指标2:', '预算审查会议每天费用标准≤380元/人', '260元/人', '无偏差', '∅'],
    why: `${W.level2Merge}; ${W.unit}`,
  },
  { table: 9, at: '可持续影响指标', seed: ['指标2:'], ours: ['指标1:'], why: W.ordinal },
  // S5/S6 代表活动经费
  {
    table: 10,
    at: '资金落实（10分）',
    seed: ['5', '资金到位率100%。'],
    ours: ['0', '实际到位资金53.44万元/计划投入资金66.50万元×100%=80.36%'],
    why: W.arrivalLow,
  },
  { table: 10, at: '完成及时率（6分）', seed: ['完成及时率100%。'], ours: ['1—4季度均按计划完成。'], why: W.quarters },
  {
    table: 10,
    at: '成本节约率（5分）',
    seed: ['成本节约率100%。'],
    ours: ['（计划成本66.50万元-实际成本53.44万元）/计划成本66.50万元×100%=19.64%'],
    why: W.saving,
  },
  { table: 10, at: '可持续影响', seed: ['可持续影响'], ours: ['可持续影响（5分）'], why: W.points },
  {
    table: 10,
    at: '社会公众或服务对象满意度（10分）',
    seed: ['10', '∅'],
    ours: ['9', '绩效目标完成情况表满意度指标平均满意率90.00%，得分=90.00%×10分=9分。'],
    why: W.satisfaction,
  },
  { table: 10, at: '合计', seed: ['100'], ours: ['94'], why: W.projectTotal },
  { table: 11, at: '□', seed: ['□√'], ours: ['☑'], why: W.checkbox },
  { table: 11, at: '合计', seed: ['∅', '∅', '∅'], ours: ['1306', '19.64', '—'], why: `§8.2 #36: 1306 百元 were left blank. ${W.derived}` },
  { table: 11, at: '财政拨款', seed: ['∅', '∅', '∅'], ours: ['1306', '19.64', '—'], why: '§8.2 #36' },
  { table: 11, at: '当年结转结余额（百元）', seed: ['∅', '∅'], ours: ['1306', '1306'], why: '§8.2 #36' },
  { table: 11, at: '结转结余率%', seed: ['∅', '∅'], ours: ['19.64', '19.64'], why: '§8.2 #36' },
  { table: 11, at: '结转结余变动率%', seed: ['∅', '∅'], ours: ['—', '—'], why: W.derived },
  {
    table: 11,
    at: '2023年，拟组织各组市人大代表开展集中视察、调研至少1次，组织代表开展意见建议收集及履行其他代表职责，反映群众诉求，为资阳市经济、社会发展和民生等事项建言献策。',
    seed: ['无偏差'],
    ours: ['全年预算66.5万元（年初55万元、追加11.5万元），实际到位财政拨款53.44万元并已全部支出，未到位的13.06万元形成结转结余。'],
    why: W.execLow,
  },
  { table: 11, at: '质量指标', seed: ['代表视察调研参与率800%'], ours: ['代表视察调研参与率80%'], why: W.percent800 },
  {
    table: 11,
    at: '年度绩效指标',
    seed: ['经济效益指标', '∅', '∅', '∅'],
    ours: ['社会效益指标', '意见建议对社会、民生事业的发展促进情况', '对市、县两级政府和相关部门决策和社会民生事业的良好发展有促进作用', '无偏差'],
    why: W.blankRow,
  },
  {
    table: 11,
    at: '社会效益指标',
    seed: ['社会效益指标', '指标1:', '意见建议对社会、民生事业的发展促进情况', '对市、县两级政府和相关部门决策和社会民生事业的良好发展有促进作用', '无偏差'],
    ours: null,
    why: W.blankRow,
  },
];

/** The seed and jixiao number 指标N with a half- or full-width colon alike (the seed mixes them); compare them as one. */
const ordinal = (c: string): string => c.replace(/^(指标\d+)：/, '$1:');
const rowsOf = (t: readonly string[][]): string[][] => t.map((r) => r.map(ordinal));

/** The cells in which two rows part, by position; ∅ for a cell the shorter row lacks. */
function partingCells(a: readonly string[], b: readonly string[]): [string[], string[]] {
  const sa: string[] = [];
  const sb: string[] = [];
  for (let k = 0; k < Math.max(a.length, b.length); k++)
    if (a[k] !== b[k]) {
      sa.push(a[k] ?? '∅');
      sb.push(b[k] ?? '∅');
    }
  return [sa, sb];
}

/**
 * Aligns our rows with the seed's (longest common subsequence of whole rows) and returns every difference found,
 * in the shape of `KnownDifference` without its reason.
 */
function differences(table: number, seed: readonly string[][], ours: readonly string[][]): Omit<KnownDifference, 'why'>[] {
  const s = seed.map((r) => r.join('|'));
  const o = ours.map((r) => r.join('|'));
  const lcs: number[][] = Array.from({ length: s.length + 1 }, () => new Array<number>(o.length + 1).fill(0));
  for (let i = s.length - 1; i >= 0; i--)
    for (let j = o.length - 1; j >= 0; j--) {
      lcs[i]![j] = s[i] === o[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  const out: Omit<KnownDifference, 'why'>[] = [];
  let i = 0;
  let j = 0;
  while (i < s.length || j < o.length) {
    if (i < s.length && j < o.length && s[i] === o[j]) {
      i++;
      j++;
      continue;
    }
    if (i < s.length && j < o.length && lcs[i + 1]![j + 1] === lcs[i]![j]) {
      const [a, b] = partingCells(seed[i]!, ours[j]!);
      out.push({ table, at: seed[i]![0]!, seed: a, ours: b });
      i++;
      j++;
    } else if (j >= o.length || (i < s.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push({ table, at: seed[i]![0]!, seed: [...seed[i]!], ours: null });
      i++;
    } else {
      out.push({ table, at: ours[j]![0]!, seed: null, ours: [...ours[j]!] });
      j++;
    }
  }
  return out;
}

/** Every difference between our tables and the seed's must be a known one, and every known one must still occur. */
function expectOnlyKnownDifferences(ours: readonly (readonly string[][])[]): void {
  const seed = seedCellTables(SEED);
  expect(ours.map((_, t) => seed[t]?.title)).toEqual(seed.map((t) => t.title));
  const found = seed.flatMap((t, k) => differences(k, rowsOf(t.rows), rowsOf(ours[k] as string[][])));
  const strip = ({ why: _why, ...d }: KnownDifference) => d;
  expect(found).toEqual(DIFFERENCES.map(strip));
}

describe('ziyang-renda-2023.yaml against seed 001 (附件1–6)', () => {
  let result: UnitResult;
  let docx: Uint8Array;
  let xlsx: Uint8Array;
  beforeAll(async () => {
    ({ result, docx, xlsx } = await buildInput('ziyang-renda-2023.yaml'));
  });

  it('builds without errors and writes one DOCX and one XLSX', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.outputs.map((o) => o.slice(o.lastIndexOf('.')))).toEqual(['.docx', '.xlsx']);
  });

  it('prints every DOCX table as the seed does, apart from the listed differences', () => {
    expectOnlyKnownDifferences(docxTables(docx).map((t) => t.map(cells)));
  });

  it('prints every XLSX sheet as the seed does, apart from the same differences', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx) as unknown as ExcelJS.Buffer);
    const docxRows = docxTables(docx).map((t) => t.map(cells));
    const sheets = await Promise.all(
      wb.worksheets.map(async (ws, t) => {
        const rows = (await xlsxSheetRows(xlsx, ws.name)).map(cells).filter((r) => r.length > 0);
        // Note: a sheet holds the title (and the 计分表 header line) above the table; the table starts at its first row.
        const start = rows.findIndex((r) => r.join('|') === docxRows[t]![0]!.join('|'));
        return rows.slice(start);
      }),
    );
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      '部门整体支出绩效自评计分表',
      '部门整体支出绩效目标完成情况表',
      '项目1计分表-市人代会经费',
      '项目1完成情况表-市人代会经费',
      '项目2计分表-地方立法专项经费',
      '项目2完成情况表-地方立法专项经费',
      '项目3计分表-常委会组成人员及人大干部培训经费',
      '项目3完成情况表-常委会组成人员及人大干部培训经费',
      '项目4计分表-预算审查及监督经费',
      '项目4完成情况表-预算审查及监督经费',
      '项目5计分表-代表活动经费',
      '项目5完成情况表-代表活动经费',
    ]);
    expectOnlyKnownDifferences(sheets);
  });

  it('matches its committed golden dumps', async () => {
    await expectGoldenDumps('ziyang-renda-2023', { docx, xlsx });
  });

  it('prints the 计分表 header lines with 预算单位编码 and the computed 自评等级', () => {
    const text = dumpDocx(docx);
    expect(text).toContain('部门（单位）名称：资阳市人民代表大会常务委员会　预算单位编码：102001　自评等级：优');
    expect(text.match(/预算单位名称：资阳市人大常委会　预算单位编码：102001　自评等级：优秀/g)).toHaveLength(5);
  });

  it('scores the department 98 (优) and the projects as DOMAIN.md §8.2 recomputes them', () => {
    const d = result.derived as SichuanDerived;
    expect([d.dept.sheet!.total.toFixed(2), d.dept.sheet!.grade]).toEqual(['98.00', '优']);
    expect(d.projects.map((p) => [p.sheet!.total.toFixed(2), p.sheet!.grade])).toEqual([
      ['99.50', '优秀'],
      ['93.50', '优秀'],
      ['99.50', '优秀'],
      ['99.50', '优秀'],
      ['94.00', '优秀'],
    ]);
  });
});
