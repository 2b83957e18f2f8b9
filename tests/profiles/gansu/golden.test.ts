/**
 * Golden tests of the gansu profile against seed 003 (正宁县人大常委会办公室): every cell of the 整体支出绩效目标自评表
 * (DOCX and XLSX) and every paragraph of the 红头文件 equals the published text, except the rows and paragraphs
 * listed here, where the seed is wrong (DOMAIN.md §8.4), damaged by the scan, or where jixiao derives what the seed
 * typed by hand. Each difference states what the seed printed, what jixiao prints, and why.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UnitResult } from '../../../src/run/pipeline.js';
import type { GansuDerived } from '../../../src/profiles/gansu/derived.js';
import { docxTables, dumpDocx, xlsxSheetRows } from '../../support/dump.js';
import { expectGoldenDumps } from '../../support/golden.js';
import { SEEDS_DIR, cells, norm } from '../../support/seed-tables.js';
import { compareProse, dumpParagraphs, seedParagraphs, type ProseDifference } from '../../support/seed-prose.js';
import { buildInput } from '../../support/build.js';

const SEED = '003_73134533154cb10e.txt';
const INPUT = 'zhengning-renda-2023.yaml';

/** The seed's G2: the rows (tab-separated lines) after its title line. */
function seedTable(): string[][] {
  const lines = readFileSync(`${SEEDS_DIR}/${SEED}`, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.includes('整体支出绩效目标自评表'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') continue;
    if (!line.includes('\t')) break;
    rows.push(cells(line.split('\t')));
  }
  return rows;
}

interface RowDifference {
  row: number;
  seed: string;
  ours: string;
  why: string;
}

const CORRECTED_WEIGHT =
  'sample input: 部门管理 lines weigh 3, not 4, so the points total 100 with the 10 of the execution rate (seed audit 003 #4, E-WEIGHT-TOTAL)';

/** Rows of G2 that differ from the seed, by row index of the seed table. */
const TABLE_DIFFERENCES: RowDifference[] = [
  {
    row: 0,
    seed: '省招主管部门|实施单位|正常机构办公',
    ours: '主管部门|正宁县人大常委会|实施单位|正宁县人大常委会办公室',
    why: 'scan damage in the seed; the sample input names the 主管部门 and 实施单位',
  },
  {
    row: 1,
    seed: '项目资金（万元）|年初预算数|年执行数|全年执行数|分值|预算执行率|得分',
    ours: '项目资金（万元）|年初预算数|全年预算数|全年执行数|分值|预算执行率|得分',
    why: 'scan damage: 年执行数 is the form’s 全年预算数 (DOMAIN.md §3.3 R2)',
  },
  {
    row: 2,
    seed: '年初预算数58.00|年执行数58.00|全年执行数58.00|10|100%|10.00',
    ours: '58.00|58.00|58.00|10|100%|10.00',
    why: 'scan damage repeats the column labels inside the amount cells',
  },
  {
    row: 5,
    seed: '指标项|细指标|被指标|指标值|年度目标值|实际完成值|分值|得分',
    ours: '一级指标|二级指标|三级指标|指标值|年度目标值|实际完成值|分值|得分',
    why: 'scan damage of the header labels; jixiao prints the standard labels (DOMAIN.md §3.3)',
  },
  {
    row: 6,
    seed: '部门管理|资金投入|基本支出预算执行率|≤100%|≤100%|≤100%|4|4',
    ours: '部门管理|资金投入|基本支出预算执行率|≤100%|≤100%|100%|3|3',
    why: `actual “≤100%” is not a value (E-ACTUAL-HAS-SYMBOL, seed audit #9), the sample states 100%; ${CORRECTED_WEIGHT}`,
  },
  {
    row: 7,
    seed: '结转结余变动率|≤10%|≤100%|100%|4|3',
    ours: '结转结余变动率|≤10%|≤100%|100%|3|0',
    why: `against the target ≤10% the actual 100% scores 0 (linear-to-zero-at-2x), not 3 (E-SCORE-UNJUSTIFIED, seed audit #7); ${CORRECTED_WEIGHT}`,
  },
  {
    row: 8,
    seed: '项目支出预算执行率|≤100%|≤100%|100%|4|3',
    ours: '项目支出预算执行率|≤100%|≤100%|100%|3|3',
    why: `the target is met, so the line scores its full points (E-SCORE-UNJUSTIFIED, seed audit #8); ${CORRECTED_WEIGHT}`,
  },
  ...[
    [9, '“三公经费控制率”|≤100%|≤100%|100%'],
    [10, '财务管理|政府采购规范性|规范|规范|规范'],
    [11, '财务管理制度健全性|健全|健全|健全'],
    [12, '资产管理规范性|规范|规范|规范'],
    [13, '资金使用规范性|规范|规范|规范'],
    [14, '人员管理|在职人员控制率|100%|100%|100%'],
  ].map(([row, text]) => ({ row: row as number, seed: `${text as string}|4|4`, ours: `${text as string}|3|3`, why: CORRECTED_WEIGHT })),
  {
    row: 15,
    seed: '重点工作管理制度|健全|健全|健全|健全|4|4',
    ours: '重点工作管理|重点工作管理制度|健全|健全|健全|3|3',
    why: `scan damage merged the 二级指标 重点工作管理 (DOMAIN.md §5.9) with the 三级 name; ${CORRECTED_WEIGHT}`,
  },
  ...[
    [16, '履职效果|部门履职目标|党建工作（项）'],
    [17, '农业生产'],
    [18, '安全生产监管'],
  ].map(([row, lead]) => ({
    row: row as number,
    seed: `${lead as string}|≥1项|≥1项|≥1项|3|3`,
    ours: `${lead as string}|≥1项|≥1项|1项|3|3`,
    why: 'actual “≥1项” is not a value (E-ACTUAL-HAS-SYMBOL, seed audit #9); the sample states 1项',
  })),
  {
    row: 21,
    seed: '建设规划|≥1项|≥1项|3项|4|3',
    ours: '建设规划|≥1项|≥1项|3项|4|4',
    why: 'the target is met, so the line scores its full 4 points (E-SCORE-UNJUSTIFIED, seed audit #8)',
  },
  {
    row: 26,
    seed: '能力建设|务对象满意度|工作人员满意度|≥95%|≥95%|98.00%|4|4',
    ours: '能力建设|服务对象满意度|工作人员满意度|≥95%|≥95%|98.00%|4|4',
    why: 'scan damage: 务对象满意度 is 服务对象满意度 (still filed under 能力建设: W-LEVEL2-MISFIT, seed audit #17)',
  },
  {
    row: 31,
    seed: '满意度指标|满意度指标|干部职工满意度|>90%|95%|500%|4|4',
    ours: '满意度指标|满意度指标|干部职工满意度|>90%|95%|95%|4|4',
    why: 'a satisfaction of 500% is impossible (E-PERCENT-OVER-100, seed audit #6); the sample states the year’s target 95%, which scores 4 as published',
  },
  {
    row: 32,
    seed: '人民群众对廉洁文化宣传满意度|>90%|92%|500%|4|4',
    ours: '人民群众对廉洁文化宣传满意度|>90%|92%|92%|4|4',
    why: 'as row 31 (E-PERCENT-OVER-100), with the year’s target 92%',
  },
];

/** jixiao prints the 其他需要说明的问题 line as the form’s last row; the seed’s text has it as a line after the table. */
const REMARKS_ROW = '其他需要说明的问题：请在此处简要说明中央和省委巡视、各级审计和财政监督中发现的问题及其所涉及的金额，如没有填无。\n无';

/** Compares our G2 rows with the seed's, honouring the differences; one extra row (the remarks) closes ours. */
function compareTable(ours: string[][], seed: string[][]): void {
  expect(ours.length, 'rows: the seed’s plus the remarks row').toBe(seed.length + 1);
  seed.forEach((seedRow, r) => {
    const known = TABLE_DIFFERENCES.find((d) => d.row === r);
    if (known) {
      expect(seedRow.join('|'), `seed row ${r} as published`).toBe(norm(known.seed).replace(/｜/g, '|'));
      expect(ours[r]!.join('|'), `row ${r}: ${known.why}`).toBe(known.ours);
    } else {
      expect(ours[r]!.join('|'), `row ${r}`).toBe(seedRow.join('|'));
    }
  });
  expect(ours[seed.length]!.join('|')).toBe(norm(REMARKS_ROW));
}

/** Paragraphs of G1 that differ from the seed. */
const PROSE_DIFFERENCES: ProseDifference[] = [
  {
    why: 'the closing sentence of 一（四） comes from the computed total, which includes the execution-rate line: 97, not the 100 the seed typed (W-NARRATIVE-GRADE, seed audit #3 and #4)',
    seed: [
      '按照绩效管理相关工作要求，县人大办高度重视，及时召开绩效自评工作会议，组织学习相关文件精神，全面部署开展此项工作。对预算执行进行跟踪监控，定期采集绩效运行信息并进行汇总分析，将绩效结果作为下一年度项目支出预算的重要依据。经评价，自评得分100分，自评等级为：优。',
    ],
    ours: [
      '按照绩效管理相关工作要求，县人大办高度重视，及时召开绩效自评工作会议，组织学习相关文件精神，全面部署开展此项工作。对预算执行进行跟踪监控，定期采集绩效运行信息并进行汇总分析，将绩效结果作为下一年度项目支出预算的重要依据。经评价，自评得分97分，自评等级为：优。',
    ],
  },
  {
    why:
      '一（五） is derived: the total is the sum of the parts (651.65, not 652.65 with 项目支出 typed as 59: E-SUM-BREAKDOWN, seed audit #1), ' +
      'every change is computed from last year’s figures (12.37% and 59.34%, not 9.21% and 59.32%: E-STATED-RATE, #2), and the sub-items are numbered 1. 2. 3., ' +
      'never a second （一） (W-MANUAL-NUMBERING, #15), with 项目支出 as an item of its own',
    seed: [
      '2023年部门预算指标652.65万元，同比增加9.21%。其中人员支出预算508.65万元，商品服务支出预算85万元，项目支出预算59万元。',
      '（一）人员支出预算508.65万元，同比增加9.3%，属在职人员变动因素，单位人员经费增加。',
      '（二）商品服务支出（公用经费）预算85万元，同比增加8.74%。项目支出预算58万元，同比增加59.32%，因本年增加了县人大常委会委员及代表外出培训经费和财政预算监督联网系统建设经费。其中2010101-代表外出培训经费5万元；2010108-人大代表及视察活动经费10万元；2010101-县级人大代表之家活动经费5万元；2010101-县人大常委会委员及代表外出培训经费21万元；2010101-财政预算监督联网系统建设17万元。',
    ],
    ours: [
      '2023年部门预算指标651.65万元，同比增加12.37%。其中人员支出预算508.65万元，商品服务支出预算85万元，项目支出预算58万元。',
      '1.人员支出预算508.65万元，同比增加9.3%，属在职人员变动因素，单位人员经费增加。',
      '2.商品服务支出（公用经费）预算85万元，同比增加8.74%。',
      '3.项目支出预算58万元，同比增加59.34%，因本年增加了县人大常委会委员及代表外出培训经费和财政预算监督联网系统建设经费。其中2010101-代表外出培训经费5万元；2010108-人大代表及视察活动经费10万元；2010101-县级人大代表之家活动经费5万元；2010101-县人大常委会委员及代表外出培训经费21万元；2010101-财政预算监督联网系统建设17万元。',
    ],
  },
];

describe(`${INPUT} against seed ${SEED}`, () => {
  let result: UnitResult;
  let docx: Uint8Array;
  let xlsx: Uint8Array;
  beforeAll(async () => {
    ({ result, docx, xlsx } = await buildInput(INPUT));
  });

  it('builds without errors and writes one DOCX and one XLSX', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.outputs.map((o) => o.slice(o.lastIndexOf('.')))).toEqual(['.docx', '.xlsx']);
  });

  it('scores G2 at 97 of 100 (10 execution + 27 + 33 + 19 + 8), graded 优', () => {
    const d = result.derived as GansuDerived;
    expect([d.totalWeight.toFixed(2), d.executionScore.toFixed(2), d.totalScore.toFixed(2), d.grade]).toEqual(['100.00', '10.00', '97.00', '优']);
  });

  it('prints every DOCX cell of G2 as the seed does', () => {
    const tables = docxTables(docx);
    expect(tables).toHaveLength(1);
    compareTable(tables[0]!.map(cells), seedTable());
  });

  it('prints every XLSX cell of G2 as the seed does', async () => {
    // Note: the sheet holds the title, the table, then the two 注 lines.
    const rows = (await xlsxSheetRows(xlsx, '整体支出绩效目标自评表')).map(cells);
    expect(rows[0]!.join('')).toBe('人大常委会办公室整体支出绩效目标自评表（2023年度）');
    compareTable(rows.slice(1, -2), seedTable());
  });

  it('prints every paragraph of the 红头文件 as the seed does, down to the last section', () => {
    const ours = dumpParagraphs(dumpDocx(docx));
    const seed = seedParagraphs(SEED, { until: /^---/ });
    const end = ours.findIndex((p) => p.startsWith('附件：'));
    const unused = compareProse(ours.slice(0, end), seed, PROSE_DIFFERENCES, (a, b, what) => expect(a, what).toBe(b));
    expect(unused).toEqual([]);
  });

  it('adds what GB/T 9704 requires after the body, and the 版记 the seed prints', () => {
    const ours = dumpParagraphs(dumpDocx(docx));
    const end = ours.findIndex((p) => p.startsWith('附件：'));
    // Note: the seed has no 附件说明, 署名 or 成文日期 (E-REQUIRED, seed audit #16); the sample input supplies the last two.
    expect(ours.slice(end, end + 5)).toEqual([
      '附件：人大常委会办公室整体支出绩效目标自评表（2023年度）',
      '正宁县人大常委会办公室',
      '2024年3月8日',
      '附件',
      '人大常委会办公室整体支出绩效目标自评表（2023年度）',
    ]);
    // Note: the seed's 版记 lines ("正宁县人大常委会办公室", "2024年3月8日印发", "(共印5份)"); jixiao sets 印发机关 and 印发日期 on one line.
    expect(ours.slice(-2)).toEqual(['正宁县人大常委会办公室2024年3月8日印发', '（共印5份）']);
  });

  it('matches its committed golden dumps', async () => {
    await expectGoldenDumps(basename(INPUT), { docx, xlsx });
  });
});
