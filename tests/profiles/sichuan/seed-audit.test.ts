/**
 * Seed 001 as published (tests/fixtures/seeds/seed-001-as-published.yaml) must raise the DOMAIN.md §8.2 findings
 * that concern its 附件 (#11–#42), each by code and data path. Not covered: #1–#10 (part 2, the 决算说明, is not
 * part of the sichuan input), #19 (W-NARRATIVE-FIGURE) and #24 #32 (W-UNIT-COST), optional checks jixiao does not
 * implement yet, and #43, which the design prevents (one grade label set per document kind).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runUnit, type UnitResult } from '../../../src/run/pipeline.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { fixturePath, inputPath, tempDir, testContext } from '../../support/fixtures.js';

const line = (sheet: readonly PropertyKey[], id: string, ...rest: PropertyKey[]) => [...sheet, 'scoresheet', 'lines', id, ...rest];
const dept: PropertyKey[] = ['dept'];
const project = (i: number): PropertyKey[] => ['projects', i];

/** [finding, code, path] for every §8.2 finding of the 附件. */
const FINDINGS: [string, string, readonly PropertyKey[]][] = [
  ['#11 1765.30 + 7.62 ≠ 1772.93', 'E-CARRYOVER-BALANCE', ['dept', 'finance', 'income']],
  ['#12 基本支出 0.04 → 0.05', 'E-STATED-RATE', ['dept', 'finance', 'stated', 'basic', 'carryoverRate']],
  ['#13 预算完成率 100% → 99.96%', 'E-STATED-RATE', line(dept, 'budgetCompletion', 'stated', 'ratio')],
  ['#14 公用经费控制率 99.82% → 99.83%', 'E-STATED-RATE', line(dept, 'publicCostControl', 'stated', 'ratio')],
  ['#14 382.73 vs 机关运行经费 382.72', 'W-FIGURE-PAIR-DIFFERS', ['dept', 'finance', 'agencyRunningCost']],
  ['#15 三公控制率 115% → 115.51%', 'E-STATED-RATE', line(dept, 'threePublicControlRate', 'stated', 'ratio')],
  ['#15 blank score', 'E-REQUIRED', line(dept, 'threePublicControlRate', 'stated', 'score')],
  ['#16 减少19.64 → 19.63', 'E-STATED-AMOUNT', line(dept, 'threePublicChange', 'stated', 'difference')],
  ['#17 结转结余变动率 blank', 'E-REQUIRED', ['dept', 'finance', 'stated', 'total', 'changeRate']],
  ['#18 开展立法调研', 'W-TARGET-DIVERGENT', ['dept', 'indicators', 2, 'target']],
  ['#20 代表人数 369人 vs ≤382', 'W-TARGET-DIVERGENT', ['dept', 'indicators', 4, 'target']],
  ['#20 人民代表报 约29份', 'W-FUZZY-TARGET', ['dept', 'indicators', 8, 'target']],
  ['#20 人民代表报 约29 vs 30', 'W-TARGET-DIVERGENT', ['dept', 'indicators', 8, 'target']],
  ['#20 中国人大 约372份', 'W-FUZZY-TARGET', ['dept', 'indicators', 9, 'target']],
  ['#20 中国人大 约372 vs ≤382', 'W-TARGET-DIVERGENT', ['dept', 'indicators', 9, 'target']],
  ['#20 人民权力报 约390份', 'W-FUZZY-TARGET', ['dept', 'indicators', 10, 'target']],
  ['#20 人民权力报 约390 vs ≤402', 'W-TARGET-DIVERGENT', ['dept', 'indicators', 10, 'target']],
  ['#20 参会人数 >=600 vs ≥650', 'W-TARGET-DIVERGENT', ['dept', 'indicators', 12, 'target']],
  ['#21 项目结转结余 0 vs 24.25', 'W-PROJECT-CARRYOVER-CONFLICT', ['dept', 'finance', 'executed', 'projects']],
  ['#22 人代会 成本节约率', 'E-STATED-RATE', line(project(0), 'costSavingRate', 'stated', 'ratio')],
  ['#23 人代会 满意度 9 → 9.50', 'E-SCORE-UNJUSTIFIED', line(project(0), 'satisfaction', 'stated', 'score')],
  ['#25 地方立法 80.18%', 'W-EXEC-LOW-UNEXPLAINED', ['projects', 1, 'goal', 'deviation']],
  ['#25 地方立法 无偏差', 'E-DEVIATION-DENIED', ['projects', 1, 'goal', 'deviation']],
  ['#26 地方立法 资金到位率', 'E-STATED-RATE', line(project(1), 'fundsArrival', 'stated', 'ratio')],
  ['#26 地方立法 资金到位率 score', 'E-SCORE-UNJUSTIFIED', line(project(1), 'fundsArrival', 'stated', 'score')],
  ['#27 地方立法 成本节约率', 'E-STATED-RATE', line(project(1), 'costSavingRate', 'stated', 'ratio')],
  ['#28 地方立法 16.81', 'W-COST-TOTAL-MISMATCH', ['projects', 1, 'indicators', 8, 'actual']],
  ['#29 地方立法 满意度 9 → 8.50', 'E-SCORE-UNJUSTIFIED', line(project(1), 'satisfaction', 'stated', 'score')],
  ['#30 培训 满意度 9 → 9.50', 'E-SCORE-UNJUSTIFIED', line(project(2), 'satisfaction', 'stated', 'score')],
  ['#31 培训 成本节约率', 'E-STATED-RATE', line(project(2), 'costSavingRate', 'stated', 'ratio')],
  ['#33 预算审查 86.61%', 'W-EXEC-LOW-UNEXPLAINED', ['projects', 3, 'goal', 'deviation']],
  ['#33 预算审查 无偏差', 'E-DEVIATION-DENIED', ['projects', 3, 'goal', 'deviation']],
  ['#34 预算审查 成本节约率', 'E-STATED-RATE', line(project(3), 'costSavingRate', 'stated', 'ratio')],
  ['#35 132.5 without 亿元', 'E-REQUIRED', ['projects', 3, 'indicators', 2, 'actual']],
  ['#36 代表活动 80.36%', 'W-EXEC-LOW-UNEXPLAINED', ['projects', 4, 'goal', 'deviation']],
  ['#36 代表活动 无偏差', 'E-DEVIATION-DENIED', ['projects', 4, 'goal', 'deviation']],
  ['#37 代表活动 资金到位率', 'E-STATED-RATE', line(project(4), 'fundsArrival', 'stated', 'ratio')],
  ['#37 代表活动 资金到位率 score', 'E-SCORE-UNJUSTIFIED', line(project(4), 'fundsArrival', 'stated', 'score')],
  ['#38 参与率 800%', 'E-PERCENT-OVER-100', ['projects', 4, 'indicators', 8, 'actual']],
  ['#39 代表工作经费 53.44', 'W-COST-TOTAL-MISMATCH', ['projects', 4, 'indicators', 13, 'target']],
  ['#39 代表活动 成本节约率', 'E-STATED-RATE', line(project(4), 'costSavingRate', 'stated', 'ratio')],
  ['#40 代表活动 满意度 10 → 9.00', 'E-SCORE-UNJUSTIFIED', line(project(4), 'satisfaction', 'stated', 'score')],
  ...[dept, ...[0, 1, 2, 3, 4].map(project)].flatMap((sheet): [string, string, readonly PropertyKey[]][] => [
    ['#41 经济效益 without a target', 'W-RUBRIC-NO-TARGET', line(sheet, 'economic')],
    ['#41 生态效益 without a target', 'W-RUBRIC-NO-TARGET', line(sheet, 'ecological')],
  ]),
  ...[0, 1, 2, 3, 4].map((i): [string, string, readonly PropertyKey[]] => [
    '#42 完成及时率 100%',
    'E-STATED-RATE',
    line(project(i), 'timeliness', 'stated', 'ratio'),
  ]),
];

const has = (ds: readonly Diagnostic[], code: string, path: readonly PropertyKey[]) =>
  ds.some((d) => d.code === code && JSON.stringify(d.path) === JSON.stringify(path));

describe('seed 001 as published', () => {
  let published: UnitResult;
  beforeAll(async () => {
    published = await runUnit(fixturePath('seeds', 'seed-001-as-published.yaml'), await testContext(tempDir()), { write: false });
  });

  it.each(FINDINGS)('§8.2 %s → %s', (_finding, code, path) => {
    expect(has(published.diagnostics, code, path), `${code} at ${JSON.stringify(path)}`).toBe(true);
  });

  it('raises W-EXEC-LOW-UNEXPLAINED as an error, as the sichuan profile says', () => {
    const low = published.diagnostics.filter((d) => d.code === 'W-EXEC-LOW-UNEXPLAINED');
    expect(low.map((d) => d.severity)).toEqual(['error', 'error', 'error']);
  });

  it('places every finding in the file (line:column)', () => {
    expect(published.diagnostics.filter((d) => d.place === undefined)).toEqual([]);
  });
});

describe('the corrected sample', () => {
  it('keeps only the warnings of findings it does not correct', async () => {
    const r = await runUnit(inputPath('ziyang-renda-2023.yaml'), await testContext(tempDir()), { write: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const codes = new Set(r.diagnostics.map((d) => d.code));
    expect([...codes].sort()).toEqual([
      'W-COST-TOTAL-MISMATCH',
      'W-DEVIATION-UNEXPLAINED',
      'W-FIGURE-PAIR-DIFFERS',
      'W-FUZZY-TARGET',
      'W-OVERACHIEVED',
      'W-PROJECT-CARRYOVER-CONFLICT',
      'W-RUBRIC-NO-TARGET',
      'W-TARGET-DIVERGENT',
    ]);
  });
});
