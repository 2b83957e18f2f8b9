/**
 * Golden tests of the ningxia profile against seed 002 (红寺堡区人大常委会办公室): every paragraph of the project
 * narrative equals the published text, except where the seed typed a figure that contradicts its own data
 * (DOMAIN.md §8.3). Every figure jixiao prints comes from the project data, so the same project's spending
 * can no longer appear as 143 in one section and 148 in another.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runUnit, type UnitResult } from '../../../src/run/pipeline.js';
import type { NingxiaDerived } from '../../../src/profiles/ningxia/derived.js';
import type { NingxiaUnit } from '../../../src/profiles/ningxia/schema.js';
import { dumpDocx, xlsxSheetRows } from '../../support/dump.js';
import { expectGoldenDumps } from '../../support/golden.js';
import { compareProse, dumpParagraphs, seedParagraphs, type ProseDifference } from '../../support/seed-prose.js';
import { cells } from '../../support/seed-tables.js';
import { inputPath, tempDir, testContext } from '../../support/fixtures.js';
import { buildInput } from '../../support/build.js';

const SEED = '002_fa705e8658a37762.txt';
const INPUT = 'hongsibu-renda-2023.yaml';

const UNIFIED = '4 of the 5 items say “预算执行率 100%”, the first “预算执行率为 95.33%”; the template words them all alike';

/** Paragraphs that differ from the seed. */
const DIFFERENCES: ProseDifference[] = [
  {
    why: 'the title is printed on two centred lines, unit and subject',
    seed: ['红寺堡区人大常委会办公室2023年红寺堡区本级项目绩效自评'],
    ours: ['红寺堡区人大常委会办公室', '2023年红寺堡区本级项目绩效自评'],
  },
  {
    why: '项目支出数 is Σ 实际支出 = 143 + 38.7 + 7 + 7.06 = 195.76, not 217.06 (E-SUM-PROJECT-ACTUAL, seed audit 002 #1)',
    seed: ['（一）资金投入情况分析。2023年度共有4个项目，项目支出数217.06万元，其中：'],
    ours: ['（一）资金投入情况分析。2023年度共有4个项目，项目支出数195.76万元，其中：'],
  },
  {
    why: 'every project states its 全年预算数; the seed gave two 年初 and two 全年 budgets (E-REQUIRED, #6)',
    seed: [
      '人大综合业务项目年初预算150万元，实际支出143万元，主要用于人大代表开展集中视察、专题调研、执法检查等区人民代表大会闭会期间代表履职活动的费用活动直接发生的各项费用和参加代表议案审议等活动的差旅费、人大代表及人大干部履职能力提升培训费、保障人大办公区域办公设备正常运转、保障代表依法履职，推动代表密切联系群众，代表联系人民群众听取和反映原选区选民和人民群众的意见所发生的通讯交通费补贴、订购人大公报杂志费用等；',
      '人大会议项目年初预算60万元，实际支出38.7万元，主要用于保障2023年四届人民代表大会四次会议顺利举行；',
    ],
    ours: [
      '人大综合业务项目全年预算150万元，实际支出143万元，主要用于人大代表开展集中视察、专题调研、执法检查等区人民代表大会闭会期间代表履职活动的费用活动直接发生的各项费用和参加代表议案审议等活动的差旅费、人大代表及人大干部履职能力提升培训费、保障人大办公区域办公设备正常运转、保障代表依法履职，推动代表密切联系群众，代表联系人民群众听取和反映原选区选民和人民群众的意见所发生的通讯交通费补贴、订购人大公报杂志费用等；',
      '人大会议项目全年预算60万元，实际支出38.7万元，主要用于保障2023年四届人民代表大会四次会议顺利举行；',
    ],
  },
  {
    why: '实际到位资金 is Σ 全年预算数 = 224.06; the seed’s 217.06 is 7.00 short without explanation (E-STATED-AMOUNT, #5)',
    seed: [
      '（2）项目成本（预算）节约情况。资金按年初红寺堡区财政局《关于批复2023年各部门预算的通知》文件安排，区人大综合业务及人大会议等项目经费实际到位资金217.06万元，资金使用严格执行中央八项规定，严格遵守厉行节约和有关财经纪律，符合法律法规和相关政策要求。',
    ],
    ours: [
      '（2）项目成本（预算）节约情况。资金按年初红寺堡区财政局《关于批复2023年各部门预算的通知》文件安排，区人大综合业务及人大会议等项目经费实际到位资金224.06万元，资金使用严格执行中央八项规定，严格遵守厉行节约和有关财经纪律，符合法律法规和相关政策要求。',
    ],
  },
  {
    why: `each item repeats the project's own figures: 人大综合业务 spent 143 (the seed says 148 here, 143 above; 95.33% is 143 ÷ 150: W-NARRATIVE-FIGURE and E-STATED-RATE, #2 and #3); 人大会议 spent 38.7 of 60, 64.5% (the seed says 60 and 100%, #4); ${UNIFIED}; the project's name is printed as it is named everywhere (the seed adds 工作 here)`,
    seed: [
      '1.2023年应支出人大综合业务经费150万元，实际支出人大综合事务管理工作经费148万元,预算执行率为95.33%，属于正常偏差范围；',
      '2.2023年应支出人大会议经费60万元，实际支出会议经费60万元，预算执行率100%；',
      '3.2023年应支出2022年效能目标考核经费7万元，实际支出7万元，预算执行率100%；',
      '4.2023年应支出赴河北等省区考察学习易地搬迁移民安置区工作经费7.06万元，实际支出7.06万元，预算执行率100%；',
    ],
    ours: [
      '1.2023年应支出人大综合业务经费150万元，实际支出143万元，预算执行率为95.33%，属于正常偏差范围；',
      '2.2023年应支出人大会议经费60万元，实际支出38.7万元，预算执行率为64.5%；',
      '3.2023年应支出2022年效能目标考核经费7万元，实际支出7万元，预算执行率为100%；',
      '4.2023年应支出赴河北等省区考察学习易地搬迁移民安置区经费7.06万元，实际支出7.06万元，预算执行率为100%；',
    ],
  },
  {
    why: 'the signature block is two right-aligned lines, unit and date (the seed’s text runs them together)',
    seed: ['红寺堡区人大常委会办公室2024年11月25日'],
    ours: ['红寺堡区人大常委会办公室', '2024年11月25日'],
  },
];

/** Every "万元" figure printed next to a project's name, in both places the narrative names it. */
function projectFigures(paragraphs: readonly string[], name: string): { budget: string[]; spent: string[]; rate: string[] } {
  const text = paragraphs.join('\n');
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const inputs = [...text.matchAll(new RegExp(`${esc}项目全年预算([\\d.]+)万元，实际支出([\\d.]+)万元`, 'g'))];
  const items = [...text.matchAll(new RegExp(`应支出${esc}经费([\\d.]+)万元，实际支出([\\d.]+)万元，预算执行率为([\\d.]+%)`, 'g'))];
  return { budget: [...inputs, ...items].map((m) => m[1]!), spent: [...inputs, ...items].map((m) => m[2]!), rate: items.map((m) => m[3]!) };
}

describe(`${INPUT} against seed ${SEED}`, () => {
  let result: UnitResult;
  let docx: Uint8Array;
  let xlsx: Uint8Array;
  beforeAll(async () => {
    ({ result, docx, xlsx } = await buildInput(INPUT));
  });

  it('builds without errors; the one warning is the seed’s unexplained 64.50% (W-EXEC-LOW-UNEXPLAINED)', () => {
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([['W-EXEC-LOW-UNEXPLAINED', ['projects', 1, 'deviationReason']]]);
    expect(result.outputs.map((o) => o.slice(o.lastIndexOf('.')))).toEqual(['.docx', '.xlsx']);
  });

  it('prints every paragraph as the seed does, except the figures the seed typed twice', () => {
    const ours = dumpParagraphs(dumpDocx(docx));
    const unused = compareProse(ours, seedParagraphs(SEED, { until: /^\u0000/ }), DIFFERENCES, (a, b, what) => expect(a, what).toBe(b));
    expect(unused).toEqual([]);
  });

  it('prints each project’s budget and spending the same wherever it names them, and the rate they give', () => {
    const ours = dumpParagraphs(dumpDocx(docx));
    const d = result.derived as NingxiaDerived;
    const expected = [
      ['150', '143', '95.33%'],
      ['60', '38.7', '64.5%'],
      ['7', '7', '100%'],
      ['7.06', '7.06', '100%'],
    ];
    (result.unit as NingxiaUnit).projects.forEach((p, i) => {
      const [budget, spent, rate] = expected[i]!;
      const f = projectFigures(ours, p.name);
      expect(f, p.name).toEqual({ budget: [budget, budget], spent: [spent, spent], rate: [rate] });
      expect(d.projects[i]!.executed.toString()).toBe(spent);
    });
    expect(ours.join('')).toContain('项目支出数195.76万元');
    expect(ours.join('')).toContain('实际到位资金224.06万元');
  });

  it('moves every mention of a figure together when the data changes (143 → 148 changes both sections and the rate)', async () => {
    const dir = tempDir();
    const file = join(dir, 'changed.yaml');
    writeFileSync(file, readFileSync(inputPath(INPUT), 'utf8').replace('adjustedBudget: 150, executed: 143 }', 'adjustedBudget: 150, executed: 148 }'));
    const changed = await runUnit(file, await testContext(join(dir, 'out')), { write: true });
    const ours = dumpParagraphs(dumpDocx(new Uint8Array(readFileSync(changed.outputs[0]!))));
    expect(projectFigures(ours, '人大综合业务')).toEqual({ budget: ['150', '150'], spent: ['148', '148'], rate: ['98.67%'] });
    expect(ours.join('')).toContain('项目支出数200.76万元');
  });

  it('writes the projects’ money as a workbook: real numbers, a total row, the rates the narrative gives', async () => {
    const rows = (await xlsxSheetRows(xlsx, '项目资金执行情况')).map(cells);
    expect(rows.slice(1, 7).map((r) => r.join('|'))).toEqual([
      '项目名称|年初预算数|全年预算数|全年执行数|预算执行率|实际到位资金',
      '人大综合业务|150.00|150.00|143.00|95.33%|150.00',
      '人大会议|60.00|60.00|38.70|64.50%|60.00',
      '2022年效能目标考核|7.00|7.00|7.00|100.00%|7.00',
      '赴河北等省区考察学习易地搬迁移民安置区|7.06|7.06|7.06|100.00%|7.06',
      '合计|224.06|224.06|195.76|87.37%|224.06',
    ]);
  });

  it('matches its committed golden dumps', async () => {
    await expectGoldenDumps(basename(INPUT), { docx, xlsx });
  });
});
