/** DOMAIN.md §8.1 and §8.5: the checker finds the published seeds' own machine-checkable problems, at the right place. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../../src/load/read-input.js';
import { validateUnit } from '../../../src/load/validate.js';
import { INPUT_SCHEMAS, type AnyUnit } from '../../../src/profiles/registry.js';
import { derive } from '../../../src/profiles/yunnan/derive/derive.js';
import { check } from '../../../src/profiles/yunnan/check/check.js';
import type { UnitYear } from '../../../src/model/unit-year.js';
import { fixturePath, inputPath } from '../../support/fixtures.js';
import { codesAndPaths, yunnan } from '../../support/unit-builder.js';

/** Loads an input the way the CLI does (numbers kept as written) and checks it. */
function audit(file: string) {
  const read = readInput(file, readFileSync(file));
  expect(read.diagnostics).toEqual([]);
  const validated = validateUnit<AnyUnit>(read.loaded!, INPUT_SCHEMAS);
  expect(validated.diagnostics).toEqual([]);
  const unit = validated.unit! as UnitYear;
  return check(unit, derive(unit, yunnan), yunnan);
}

const P = (i: number, j: number, key: string) => ['projects', i, 'indicators', j, key];
const D = (j: number, key: string) => ['dept', 'indicators', j, key];

describe('seed 000 as published (曲靖市沾益区人大常委会, DOMAIN.md §8.1)', () => {
  const ds = audit(fixturePath('seeds', 'seed-000-as-published.yaml'));
  const found = codesAndPaths(ds);
  const expected = [
    ['#1 支出 890.73 > 收入 867.05, no 年初结转', 'W-INCOME-EXPENSE-GAP', ['finance', 'openingCarryover']],
    ['#2 人民群众满意度 without 指标性质', 'E-NATURE-MISSING', D(6, 'nature')],
    ['#3 ≥ 1-2次', 'E-RANGE-WITH-SYMBOL', P(2, 0, 'target')],
    ['#3 unit repeated in 1-2次', 'W-UNIT-IN-VALUE', P(2, 0, 'target')],
    ['#4 召开…1-2次 measured in %', 'W-UNIT-CATEGORY', D(0, 'unit')],
    ['#5 成本指标 圆满完成区乡两级人大换届工作 in %', 'W-UNIT-CATEGORY', D(3, 'unit')],
    ['#5 经济效益指标 区人大三届三次会议圆满完成', 'W-LEVEL2-MISFIT', D(4, 'level2')],
    ['#6 曲靖市沾益区人大专项工作经费 vs 专项工作经费', 'W-TASK-NAME', ['dept', 'keyTasks', 1, 'name']],
    ['#6 曲靖市沾益区人代会会议经费 vs 三届三次人代会工作费', 'W-TASK-NAME', ['dept', 'keyTasks', 2, 'name']],
    ['#7 产出 60 / 效益 20 (履职能力提升)', 'W-WEIGHT-LEVEL1', ['projects', 0, 'indicators']],
    ['#7 产出 60 / 效益 20 (专项工作经费)', 'W-WEIGHT-LEVEL1', ['projects', 1, 'indicators']],
    ['#7 产出 60 / 效益 20 (三届三次人代会工作费)', 'W-WEIGHT-LEVEL1', ['projects', 2, 'indicators']],
    ['#8 履职能力提升专项资金: 实际完成情况 = 预期目标', 'W-GOAL-TEXT-COPIED', ['projects', 0, 'goal', 'achieved']],
    ['#8 专项工作经费: 实际完成情况 = 预期目标', 'W-GOAL-TEXT-COPIED', ['projects', 1, 'goal', 'achieved']],
  ] as const;
  for (const [finding, code, path] of expected) {
    it(`reports ${finding} as ${code}`, () => {
      expect(found).toContainEqual({ code, path });
    });
  }
  it('reports nothing else: errors only for the two published mistakes', () => {
    expect(found.length).toBe(expected.length);
    expect(ds.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['E-NATURE-MISSING', 'E-RANGE-WITH-SYMBOL']);
  });
  it('checks what the seed got right: 项目支出 = Σ projects, key-task amounts, totals of 100', () => {
    for (const code of ['E-SUM-PROJECT-ACTUAL', 'E-TASK-AMOUNT', 'W-TASK-SUM', 'E-WEIGHT-TOTAL', 'W-TASK-UNMATCHED'])
      expect(found.map((f) => f.code)).not.toContain(code);
  });
});

describe('the corrected renda input (inputs/zhanyi-renda-2023.yaml)', () => {
  it('has no error, so its documents can be built', () => {
    expect(audit(inputPath('zhanyi-renda-2023.yaml')).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('seed 004 (曲靖市沾益区财政局, DOMAIN.md §8.5)', () => {
  const ds = audit(inputPath('zhanyi-czj-2023.yaml'));
  const found = codesAndPaths(ds);
  const expected = [
    ['#1 评价结论 资金绩效评价情况良好 while every project is 优', 'W-NARRATIVE-GRADE', ['narrative', 'conclusion']],
    ['#1 部门年度目标 基本完成 while every project is 优', 'W-NARRATIVE-GRADE', ['dept', 'yearGoals', 0, 'achieved']],
    ['#2 保险户数 = 100 %', 'W-UNIT-CATEGORY', P(2, 0, 'unit')],
    ['#3 工资发放正确率 filed as 成本指标', 'W-UNIT-CATEGORY', D(3, 'unit')],
    ['#4 培训效果测试 under 经济效益', 'W-LEVEL2-MISFIT', P(3, 1, 'level2')],
    ['#4 贷款审批时间 under 经济效益', 'W-LEVEL2-MISFIT', P(5, 1, 'level2')],
    ['#4 群众知晓率 under 经济效益', 'W-LEVEL2-MISFIT', P(6, 1, 'level2')],
    ['#5 按时发放经费 under 数量', 'W-LEVEL2-MISFIT', P(5, 0, 'level2')],
    ['#5 业务合规率 under 数量', 'W-LEVEL2-MISFIT', P(6, 0, 'level2')],
    ...[0, 1, 2, 3, 4, 5, 6].map((i) => [`#7 weights 10 + 30 + 30 + 30 (project ${i + 1})`, 'W-WEIGHT-LEVEL1', ['projects', i, 'indicators']] as const),
  ] as const;
  for (const [finding, code, path] of expected) {
    it(`reports ${finding} as ${code}`, () => {
      expect(found).toContainEqual({ code, path });
    });
  }
  it('reports no error and, beyond the findings, only 正确率 under 成本指标 (W-LEVEL2-MISFIT by the spec keyword table)', () => {
    expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
    const extra = found.filter((f) => !expected.some(([, code, path]) => code === f.code && JSON.stringify(path) === JSON.stringify(f.path)));
    expect(extra).toEqual([{ code: 'W-LEVEL2-MISFIT', path: D(3, 'level2') }]);
  });
});
