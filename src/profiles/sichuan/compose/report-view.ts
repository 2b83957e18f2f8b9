/** 四川自评报告的模板视图：收支句、评价结论、扣分情况等数字全部格式化后交给模板。 */
import type { Decimal } from 'decimal.js';
import { formatAmount, formatPercent, formatScore } from '../../../model/money.js';
import type { Profile } from '../../../model/profile.js';
import type { SheetFigures, SichuanDerived, SichuanProjectFigures } from '../derived.js';
import type { ScoresheetInput, SichuanProject, SichuanUnit } from '../schema.js';

/** "“三公经费”控制率115.5%，得0分，扣2分（因新冠疫情解除…）" for every line that lost points. */
export function deductions(sheet: SheetFigures, input: ScoresheetInput, places: number): string[] {
  return sheet.lines.flatMap((l) => {
    if (l.score === null || !l.score.lessThan(l.line.points)) return [];
    const rate = l.rate !== null ? formatPercent(l.rate, places) : '';
    const reason = input.lines[l.line.id]?.deductionReason;
    return [`${l.line.label}${rate}，得${formatScore(l.score)}分，扣${formatScore(l.line.points.minus(l.score))}分${reason ? `（${reason}）` : ''}`];
  });
}

/** Shared parts of both report views. */
function common(u: SichuanUnit, p: Profile) {
  return {
    year: String(u.year),
    priorYear: String(u.year - 1),
    level: u.unit.fiscalLevel,
    unitName: u.unit.reportName ?? u.unit.name,
    amt: (x: Decimal) => formatAmount(x, p.narrativeGrouping),
  };
}

/** View of dept-report.md.hbs (S1). */
export function deptReportView(u: SichuanUnit, d: SichuanDerived, p: Profile) {
  const { amt, ...base } = common(u, p);
  const f = u.dept.finance;
  const { rows } = d.dept;
  const sheet = d.dept.sheet!;
  return {
    ...base,
    report: u.dept.report,
    income: { total: amt(d.dept.incomeTotal), basic: amt(f.income.basic), project: amt(f.income.projects) },
    prior: amt(rows.total.prior),
    spending: { total: amt(rows.total.executed), basic: amt(rows.basic.executed), project: amt(rows.projects.executed) },
    closing: amt(rows.total.carryover),
    score: formatScore(sheet.total),
    grade: sheet.grade,
    deductions: deductions(sheet, u.dept.scoresheet, d.settings.percentPlaces.narrative),
  };
}

/** View of project-report.md.hbs (S4). */
export function projectReportView(u: SichuanUnit, proj: SichuanProject, f: SichuanProjectFigures, d: SichuanDerived, p: Profile) {
  const { amt, ...base } = common(u, p);
  const sheet = f.sheet!;
  return {
    ...base,
    name: proj.name,
    report: proj.report,
    initial: amt(f.initialBudget),
    adjusted: !f.adjustment.isZero(),
    adjustVerb: f.adjustment.isNegative() ? '调减' : '追加',
    adjustment: amt(f.adjustment.abs()),
    budget: amt(f.adjustedBudget),
    executed: amt(proj.funds.executed),
    rate: f.executionRate && formatPercent(f.executionRate, d.settings.percentPlaces.narrative),
    score: formatScore(sheet.total),
    grade: sheet.grade,
    deductions: deductions(sheet, proj.scoresheet, d.settings.percentPlaces.narrative),
  };
}
