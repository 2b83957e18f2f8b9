/** 四川格式派生阶段入口：完成情况表的金额与指标、两张计分表的得分、总分与等级（纯函数）。 */
import type { Decimal } from 'decimal.js';
import { Money, ratio, round2, sum } from '../../../model/money.js';
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import { readSettings, type Profile } from '../../../model/profile.js';
import type { Rubric } from '../rubric.js';
import type { SichuanDeptFigures, SichuanDerived, SichuanProjectFigures } from '../derived.js';
import { SichuanSettingsSchema, type SichuanSettings } from '../settings.js';
import type { SichuanProject, SichuanUnit } from '../schema.js';
import { addRows, bookColumns, moneyRow } from './money.js';
import { completionIndicator, satisfactionRate } from './indicators.js';
import { readRubric } from './rubric.js';
import { scoreSheet } from './sheet.js';

const ZERO = new Money(0);

/** Grade bands of a label set, in the shape the shared grader takes. */
const bands = (s: SichuanSettings, kind: 'dept' | 'project'): Profile['gradeBands'] => s.grades[kind];

function deriveDept(u: SichuanUnit, p: Profile, s: SichuanSettings, rubric: Rubric | null): SichuanDeptFigures {
  const f = u.dept.finance;
  const basic = moneyRow(f.budget.basic, f.executed.basic, f.priorCarryover.basic);
  const project = moneyRow(f.budget.projects, f.executed.projects, f.priorCarryover.projects);
  const total = addRows([basic, project]);
  const indicators = u.dept.indicators.map((ind) => completionIndicator(ind, p));
  const bindings: Record<string, Decimal> = {
    budget: total.budget,
    executed: total.executed,
    carryover: total.carryover,
    priorCarryover: total.prior,
    projectBudget: project.budget,
  };
  const ctx = { bindings, satisfaction: satisfactionRate(u.dept.indicators, indicators, p), amountUnit: u.amountUnit };
  return {
    rows: { total, basic, projects: project },
    books: bookColumns(f.books, total),
    incomeTotal: f.income.basic.plus(f.income.projects),
    indicators,
    sheet: rubric && scoreSheet(rubric, u.dept.scoresheet, ctx, bands(s, 'dept')),
  };
}

function deriveProject(u: SichuanUnit, proj: SichuanProject, p: Profile, s: SichuanSettings, rubric: Rubric | null): SichuanProjectFigures {
  const { funds } = proj;
  const adjustment = sum(funds.adjustments.map((a) => a.amount));
  const adjustedBudget = funds.initialBudget.plus(adjustment);
  const appropriation = moneyRow(adjustedBudget, funds.executed, funds.priorCarryover ?? ZERO);
  const other = funds.other ? moneyRow(funds.other.budget, funds.other.executed) : null;
  const total = other ? addRows([appropriation, other]) : appropriation;
  const indicators = proj.indicators.map((ind) => completionIndicator(ind, p));
  const satisfaction = satisfactionRate(proj.indicators, indicators, p);
  const bindings: Record<string, Decimal> = { budget: total.budget, executed: total.executed, carryover: total.carryover, priorCarryover: total.prior };
  return {
    initialBudget: funds.initialBudget,
    adjustment,
    adjustedBudget,
    executionRate: ratio(round2(funds.executed), round2(adjustedBudget)),
    rows: { total, appropriation, other },
    books: bookColumns(funds.books, appropriation),
    indicators,
    satisfaction,
    sheet: rubric && scoreSheet(rubric, proj.scoresheet, { bindings, satisfaction, amountUnit: u.amountUnit }, bands(s, 'project')),
  };
}

/** Computes every figure the sichuan documents print that is not typed in. */
export function deriveSichuan(u: SichuanUnit, p: Profile): SichuanDerived {
  const diagnostics: Diagnostic[] = [];
  const settings = readSettings(p, SichuanSettingsSchema);
  if (settings.problem) diagnostics.push(diagnostic('E-PROFILE', [], settings.problem));
  const s = settings.value;
  const dept = readRubric(p.data, s.rubrics.dept, 'dept');
  const project = readRubric(p.data, s.rubrics.project, 'project');
  diagnostics.push(...dept.problems, ...project.problems);
  const rubrics = dept.rubric && project.rubric ? { dept: dept.rubric, project: project.rubric } : null;
  return {
    settings: s,
    rubrics,
    dept: deriveDept(u, p, s, rubrics?.dept ?? null),
    projects: u.projects.map((proj) => deriveProject(u, proj, p, s, rubrics?.project ?? null)),
    diagnostics,
  };
}
