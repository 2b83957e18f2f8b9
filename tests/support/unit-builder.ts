/** 检查测试用的输入构造器：一个完整、无任何诊断的基础单位，以及逐处修改它的辅助函数。 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { join } from 'node:path';
import YAML from 'yaml';
import type * as z from 'zod';
import { unitYearSchema, type UnitYear } from '../../src/model/unit-year.js';
import { ProfileSchema, type Profile } from '../../src/model/profile.js';
import type { Derived } from '../../src/model/derived.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { derive } from '../../src/profiles/yunnan/derive/derive.js';
import { check } from '../../src/profiles/yunnan/check/check.js';
import type { CheckOptions } from '../../src/check/severity.js';
import { withTables } from './tables.js';

/** An input object as a user writes it (before zod turns amounts into Decimals). */
type RawInput = z.input<ReturnType<typeof unitYearSchema>>;
/** The builders' units print every document, so narrative, finance and dept are always there. */
export type RawUnit = Omit<RawInput, 'narrative' | 'finance' | 'dept'> & {
  narrative: NonNullable<RawInput['narrative']>;
  finance: NonNullable<RawInput['finance']>;
  dept: NonNullable<RawInput['dept']>;
};
export type RawProject = RawUnit['projects'][number];
export type RawIndicator = RawProject['indicators'][number];
export type RawKeyTask = RawUnit['dept']['keyTasks'][number];

const ROOT = join(import.meta.dirname, '..', '..');

/** The yunnan profile as shipped. */
export const yunnan: Profile = withTables(
  ProfileSchema.parse(YAML.parse(readFileSync(join(ROOT, 'templates', 'yunnan', 'profile.yaml'), 'utf8'))),
  join(ROOT, 'templates', 'yunnan'),
);

const indicator = (
  level1: string,
  level2: string,
  name: string,
  nature: string,
  target: string,
  unit: string,
  actual: string,
  weight?: string,
): RawIndicator => ({ level1, level2, name, nature, target, unit, actual, ...(weight !== undefined ? { weight } : {}) });

/**
 * A small complete unit that raises no diagnostic at all: 2 projects (30.00 and 20.00 万元, fully executed) with
 * 3 indicators each (10 + 50/30/10, all met), a department with 2 linked key tasks and 2 indicators, and
 * finance that adds up (收入 200.00 = 基本支出 150.00 + 项目支出 50.00).
 */
export function baseUnit(): RawUnit {
  return {
    profile: 'yunnan',
    year: 2023,
    amountUnit: '万元',
    unit: { name: '曲靖市沾益区测试局', code: 'TEST-01' },
    narrative: {
      overview: '测试局是区人民政府工作部门，内设5个科室，有职工30人。',
      goalSetting: '按照目标引领、绩效引导的原则设立部门绩效目标。',
      budgetManagement: '建立财务管理、固定资产管理等制度。',
      threePublicControl: '严格控制“三公”经费支出。',
      evaluationPurpose: '检验资金支出效率和效果。',
      preparation: '成立绩效自评工作小组，制定自评工作方案。',
      implementation: '收集整理资料，对照指标逐项开展自评。',
      conclusion: '各项目按计划实施，资金使用合规，绩效目标全部实现。',
      problems: '绩效目标设置不够细化。',
      resultUse: '自评结果作为下一年度预算安排的重要参考。',
      experience: '坚持预算绩效全过程管理。',
    },
    finance: {
      income: [{ name: '财政拨款收入', amount: '200.00' }],
      basicExpenditure: '150.00',
      projectExpenditure: '50.00',
    },
    dept: {
      mandate: '负责本区测试工作。',
      overallGoal: '保障机构正常运转，提高资金使用效益。',
      yearGoals: [
        { year: 2023, goal: '完成年度测试任务。', achieved: '全面完成年度测试任务，取得良好的社会效益。' },
        { year: 2024, goal: '继续完成年度测试任务。' },
        { year: 2025, goal: '提升测试质量。' },
      ],
      keyTasks: [
        { project: 'P1', fundingLevel: '区级', description: '购置办公设备。' },
        { project: 'P2', fundingLevel: '区级', description: '开展业务培训。' },
      ],
      indicators: [
        indicator('产出指标', '数量指标', '开展专项检查', '≥', '4', '次', '4'),
        indicator('满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '92'),
      ],
    },
    projects: [
      {
        id: 'P1',
        name: '办公设备购置',
        funds: { current: { initialBudget: '30.00', adjustedBudget: '30.00', executed: '30.00' } },
        goal: { expected: '购置办公设备10台。', achieved: '已购置办公设备10台并投入使用。' },
        indicators: [
          indicator('产出指标', '数量指标', '购置设备数量', '≥', '10', '台', '10', '50'),
          indicator('效益指标', '社会效益指标', '设备使用率', '≥', '90', '%', '90', '30'),
          indicator('满意度指标', '服务对象满意度指标', '职工满意度', '≥', '90', '%', '90', '10'),
        ],
      },
      {
        id: 'P2',
        name: '业务培训',
        funds: { current: { initialBudget: '20.00', adjustedBudget: '20.00', executed: '20.00' } },
        goal: { expected: '培训业务人员100人次。', achieved: '培训业务人员100人次，考核合格率95%。' },
        indicators: [
          indicator('产出指标', '数量指标', '培训人次', '≥', '100', '人次', '100', '50'),
          indicator('效益指标', '社会效益指标', '培训合格率', '≥', '95', '%', '95', '30'),
          indicator('满意度指标', '服务对象满意度指标', '学员满意度', '≥', '90', '%', '90', '10'),
        ],
      },
    ],
  };
}

/** A copy of `base` (default: baseUnit()) changed by `fn`. */
export function withChange(fn: (u: RawUnit) => void, base: RawUnit = baseUnit()): RawUnit {
  const u = structuredClone(base);
  fn(u);
  return u;
}

/** Project `i`, which must exist. */
export function project(u: RawUnit, i: number): RawProject {
  const p = u.projects[i];
  if (!p) throw new Error(`no project ${i}`);
  return p;
}

/** Indicator `j` of project `i`. */
export function projectIndicator(u: RawUnit, i: number, j: number): RawIndicator {
  const x = project(u, i).indicators[j];
  if (!x) throw new Error(`no indicator ${i}/${j}`);
  return x;
}

/** Department indicator `j`. */
export function deptIndicator(u: RawUnit, j: number): RawIndicator {
  const x = u.dept.indicators[j];
  if (!x) throw new Error(`no dept indicator ${j}`);
  return x;
}

/** Key task `i`. */
export function keyTask(u: RawUnit, i: number): RawKeyTask {
  const t = u.dept.keyTasks[i];
  if (!t) throw new Error(`no key task ${i}`);
  return t;
}

/** Sets project `i`'s 当年财政拨款 line and keeps finance consistent (项目支出 = Σ 全年执行数, 收入 = 支出). */
export function setFunds(u: RawUnit, i: number, initialBudget: string, adjustedBudget: string, executed: string): void {
  project(u, i).funds.current = { initialBudget, adjustedBudget, executed };
  rebalance(u);
}

/** Recomputes 项目支出 from the projects' 全年执行数 (万元 inputs) and sets the income to cover 支出合计. */
export function rebalance(u: RawUnit): void {
  const cents = (x: string | number | undefined) => Math.round(Number(x ?? 0) * 100);
  let projectCents = 0;
  for (const p of u.projects) for (const line of [p.funds.current, p.funds.carryover, p.funds.other]) projectCents += cents(line?.executed);
  u.finance.projectExpenditure = (projectCents / 100).toFixed(2);
  u.finance.income = [{ name: '财政拨款收入', amount: ((projectCents + cents(u.finance.basicExpenditure)) / 100).toFixed(2) }];
}

/** Parses `raw` with the schema of its amountUnit. */
export function parse(raw: RawUnit): UnitYear {
  return unitYearSchema(raw.amountUnit === '元' ? '元' : '万元').parse(raw) as UnitYear;
}

/** Parses, derives and checks `raw`. */
export function run(raw: RawUnit, opts: CheckOptions = {}, profile: Profile = yunnan): { unit: UnitYear; derived: Derived; diagnostics: Diagnostic[] } {
  const unit = parse(raw);
  const derived = derive(unit, profile);
  return { unit, derived, diagnostics: check(unit, derived, profile, opts) };
}

/** The diagnostics of checking `raw`. */
export const diagnosticsOf = (raw: RawUnit, opts: CheckOptions = {}, profile: Profile = yunnan): Diagnostic[] => run(raw, opts, profile).diagnostics;

/** Diagnostics with `code`. */
export const withCode = (ds: readonly Diagnostic[], code: string): Diagnostic[] => ds.filter((d) => d.code === code);

/** Code and path only, for assertions that never look at the wording. */
export const codesAndPaths = (ds: readonly Diagnostic[]): { code: string; path: readonly PropertyKey[] | undefined }[] =>
  ds.map((d) => ({ code: d.code, path: d.path }));

/** Asserts that checking `raw` reports `code` at `path`. */
export function expectFires(raw: RawUnit, code: string, path: readonly PropertyKey[], opts: CheckOptions = {}): Diagnostic {
  const ds = diagnosticsOf(raw, opts);
  expect(codesAndPaths(ds)).toContainEqual({ code, path });
  return ds.find((d) => d.code === code && JSON.stringify(d.path) === JSON.stringify(path))!;
}

/** Asserts that checking `raw` reports no `code` anywhere. */
export function expectQuiet(raw: RawUnit, code: string, opts: CheckOptions = {}): void {
  expect(codesAndPaths(withCode(diagnosticsOf(raw, opts), code))).toEqual([]);
}
