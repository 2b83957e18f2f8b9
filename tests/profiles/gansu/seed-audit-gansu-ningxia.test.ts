/**
 * DOMAIN.md §8.3 and §8.4: the checker finds the published seeds' own machine-checkable problems, at the right place.
 * The fixtures tests/fixtures/seeds/seed-00{2,3}-as-published.yaml hold the figures as published; the sample inputs
 * (inputs/hongsibu-renda-2023.yaml, inputs/zhengning-renda-2023.yaml) correct only what blocks generation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../../src/load/read-input.js';
import { validateUnit } from '../../../src/load/validate.js';
import { INPUT_SCHEMAS, type AnyUnit } from '../../../src/profiles/registry.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import type { GansuUnit } from '../../../src/profiles/gansu/schema.js';
import type { NingxiaUnit } from '../../../src/profiles/ningxia/schema.js';
import { deriveGansu } from '../../../src/profiles/gansu/derive/derive.js';
import { checkGansu } from '../../../src/profiles/gansu/check/check.js';
import { deriveNingxia } from '../../../src/profiles/ningxia/derive/derive.js';
import { checkNingxia } from '../../../src/profiles/ningxia/check/check.js';
import { fixturePath, inputPath } from '../../support/fixtures.js';
import { shippedProfile } from '../../support/profiles.js';
import { codesAndPaths } from '../../support/unit-builder.js';

/** Loads an input the way the CLI does; validation must pass (the seeds' problems are all found by the checks). */
function load<T>(file: string): T {
  const read = readInput(file, readFileSync(file));
  expect(read.diagnostics).toEqual([]);
  const validated = validateUnit<AnyUnit>(read.loaded!, INPUT_SCHEMAS);
  expect(validated.diagnostics).toEqual([]);
  return validated.unit as T;
}

const gansu = shippedProfile('gansu');
const ningxia = shippedProfile('ningxia');
const auditGansu = (file: string, optional = true): Diagnostic[] => {
  const u = load<GansuUnit>(file);
  return checkGansu(u, deriveGansu(u, gansu), gansu, { optional });
};
const auditNingxia = (file: string, optional = true): Diagnostic[] => {
  const u = load<NingxiaUnit>(file);
  return checkNingxia(u, deriveNingxia(u, ningxia), ningxia, { optional });
};

const I = (j: number, key: string) => ['indicators', j, key];

describe('seed 003 as published (正宁县人大常委会办公室, DOMAIN.md §8.4)', () => {
  const ds = auditGansu(fixturePath('seeds', 'seed-003-as-published.yaml'));
  const found = codesAndPaths(ds);
  const expected = [
    ['#1 项目支出 59 while its items add up to 58', 'E-SUM-BREAKDOWN', ['budget', 'projects', 'items']],
    ['#2 同比增加9.21% while the parts give 12.54%', 'E-STATED-RATE', ['budget', 'statedChangeRate']],
    ['#2 项目支出 同比增加59.32%, which no two-decimal base gives', 'E-STATED-RATE', ['budget', 'projects', 'statedChangeRate']],
    ['#3 自评得分100分 in the text', 'W-NARRATIVE-GRADE', ['narrative', 'performanceManagement']],
    ['#4 分值 110 with the execution line', 'E-WEIGHT-TOTAL', ['indicators']],
    ['#4 总分 97 printed, 106 by the rules with the execution line', 'E-SCORE-TOTAL', ['statedTotal', 'score']],
    ['#4 分值 100 printed, 110 with the execution line', 'E-SCORE-TOTAL', ['statedTotal', 'weight']],
    ['#5 level-1 points 40 / 33 / 19 / 8', 'W-WEIGHT-LEVEL1', ['indicators']],
    ['#6 干部职工满意度 500%', 'E-PERCENT-OVER-100', I(25, 'actual')],
    ['#6 人民群众对廉洁文化宣传满意度 500%', 'E-PERCENT-OVER-100', I(26, 'actual')],
    ['#7 结转结余变动率 ≤10% vs ≤100%', 'W-TARGET-DIVERGENT', I(1, 'yearTarget')],
    ['#7 结转结余变动率 scored 3, the rule gives 0', 'E-SCORE-UNJUSTIFIED', I(1, 'score')],
    ['#8 项目支出预算执行率 met but 3/4', 'E-SCORE-UNJUSTIFIED', I(2, 'score')],
    ['#8 建设规划 met but 3/4', 'E-SCORE-UNJUSTIFIED', I(15, 'score')],
    ['#9 基本支出预算执行率 actual ≤100%', 'E-ACTUAL-HAS-SYMBOL', I(0, 'actual')],
    ['#9 党建工作(项) actual ≥1项', 'E-ACTUAL-HAS-SYMBOL', I(10, 'actual')],
    ['#9 农业生产 actual ≥1项', 'E-ACTUAL-HAS-SYMBOL', I(11, 'actual')],
    ['#9 安全生产监管 actual ≥1项', 'E-ACTUAL-HAS-SYMBOL', I(12, 'actual')],
    ['#10 工作任务量计划完成率 target 1', 'W-FRACTION-PERCENT', I(13, 'target')],
    ['#10 工作任务量计划完成率 actual 1', 'W-FRACTION-PERCENT', I(13, 'actual')],
    ['#10 人员考核合格率 target 1', 'W-FRACTION-PERCENT', I(23, 'target')],
    ['#10 人员考核合格率 actual 1', 'W-FRACTION-PERCENT', I(23, 'actual')],
    ['#11 项目资金 58.00 instead of the department total', 'W-DEPT-FUNDS-SCOPE', ['funds']],
    ['#12 “两室四工委”…6个工作机构 naming five (optional)', 'W-ENUM-COUNT', ['narrative', 'mandate']],
    ['#13 纪检监察 text from another body (optional)', 'W-FOREIGN-TERMS', ['narrative', 'actualPerformance']],
    ['#14 县委办发（2012）63号', 'W-DOCNUM-BRACKETS', ['narrative', 'mandate']],
    ['#15 （一）（二） again under （五）', 'W-MANUAL-NUMBERING', ['narrative', 'budgetRemarks']],
    ['#16 no 发文机关署名', 'E-REQUIRED', ['document', 'signatory']],
    ['#16 no 成文日期', 'E-REQUIRED', ['document', 'issueDate']],
    ['#17 工作人员满意度 under 能力建设', 'W-LEVEL2-MISFIT', I(20, 'level2')],
    ['#17 服务对象满意度 under 能力建设', 'W-LEVEL2-MISFIT', I(21, 'level2')],
  ] as const;
  for (const [finding, code, path] of expected) {
    it(`reports ${finding} as ${code}`, () => {
      expect(found).toContainEqual({ code, path });
    });
  }

  it('reports only warnings besides: the two target columns, overachieved targets, satisfaction outside its 一级指标', () => {
    const listed = new Set(expected.map(([, code, path]) => JSON.stringify({ code, path })));
    const others = found.filter((f) => !listed.has(JSON.stringify(f)));
    expect(ds.filter((d) => d.severity === 'error' && others.some((o) => o.code === d.code && JSON.stringify(o.path) === JSON.stringify(d.path)))).toEqual([]);
    expect([...new Set(others.map((o) => o.code))].sort()).toEqual(['W-LEVEL2-UNKNOWN', 'W-OVERACHIEVED', 'W-TARGET-DIVERGENT']);
  });

  it('leaves the optional checks off by default', () => {
    const codes = auditGansu(fixturePath('seeds', 'seed-003-as-published.yaml'), false).map((d) => d.code);
    expect(codes).not.toContain('W-ENUM-COUNT');
    expect(codes).not.toContain('W-FOREIGN-TERMS');
  });
});

describe('seed 002 as published (红寺堡区人大常委会办公室, DOMAIN.md §8.3)', () => {
  const ds = auditNingxia(fixturePath('seeds', 'seed-002-as-published.yaml'));
  const found = codesAndPaths(ds);
  const expected = [
    ['#1 项目支出数217.06 vs Σ 实际支出 195.76', 'E-SUM-PROJECT-ACTUAL', ['stated', 'projectsExecuted']],
    ['#2 人大综合业务 143 vs 148 (optional)', 'W-NARRATIVE-FIGURE', ['projects', 0, 'stated', 'executed']],
    ['#3 148万元，预算执行率为95.33%', 'E-STATED-RATE', ['projects', 0, 'stated', 'rate']],
    ['#4 人大会议 38.7 vs 60 (optional)', 'W-NARRATIVE-FIGURE', ['projects', 1, 'stated', 'executed']],
    ['#4 人大会议 64.50% unexplained', 'W-EXEC-LOW-UNEXPLAINED', ['projects', 1, 'deviationReason']],
    ['#5 实际到位资金217.06 vs budgets 224.06', 'E-STATED-AMOUNT', ['stated', 'available']],
    ['#6 人大综合业务 without 全年预算数', 'E-REQUIRED', ['projects', 0, 'funds', 'adjustedBudget']],
    ['#6 人大会议 without 全年预算数', 'E-REQUIRED', ['projects', 1, 'funds', 'adjustedBudget']],
    ['#6 2022年效能目标考核 without 年初预算数', 'E-REQUIRED', ['projects', 2, 'funds', 'initialBudget']],
    ['#6 赴河北… without 年初预算数', 'E-REQUIRED', ['projects', 3, 'funds', 'initialBudget']],
  ] as const;
  for (const [finding, code, path] of expected) {
    it(`reports ${finding} as ${code}`, () => {
      expect(found).toContainEqual({ code, path });
    });
  }
  it('reports nothing else', () => {
    expect(found.length).toBe(expected.length);
  });
});

describe('the corrected sample inputs', () => {
  it('inputs/zhengning-renda-2023.yaml has no error, so its documents can be built', () => {
    expect(auditGansu(inputPath('zhengning-renda-2023.yaml'), false).filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('inputs/hongsibu-renda-2023.yaml has no error and one warning: the unexplained 64.50%', () => {
    expect(codesAndPaths(auditNingxia(inputPath('hongsibu-renda-2023.yaml'), false))).toEqual([
      { code: 'W-EXEC-LOW-UNEXPLAINED', path: ['projects', 1, 'deviationReason'] },
    ]);
  });
});
