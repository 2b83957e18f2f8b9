/** 部门整体的派生数字：收入与支出合计、占比、重点工作任务金额与执行率、部门指标。 */
import { Money, largestRemainderShares, sum } from '../../../model/money.js';
import type { DeptFigures, KeyTaskFigures, ProjectFigures } from '../../../model/derived.js';
import type { UnitYear } from '../../../model/unit-year.js';
import type { Profile } from '../../../model/profile.js';
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import { executionRate } from '../../../derive/funds.js';
import { deriveIndicator } from '../../../derive/indicator.js';
import { deriveDeptFunds } from './dept-funds.js';

/** Derives the department-wide figures from the input and the already derived projects. */
export function deriveDept(
  u: UnitYear,
  projects: readonly ProjectFigures[],
  profile: Profile,
  executionPlaces = 2,
): { figures: DeptFigures; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { finance } = u;
  const incomeShares = largestRemainderShares(
    finance.income.map((i) => i.amount),
    profile.sharePlaces,
  );
  const totalExpenditure = finance.basicExpenditure.plus(finance.projectExpenditure);
  const [basicShare = null, projectShare = null] = largestRemainderShares([finance.basicExpenditure, finance.projectExpenditure], profile.sharePlaces);
  const ids = new Map(u.projects.map((p, i) => [p.id, i] as const));
  const keyTasks = u.dept.keyTasks.map((t, i): KeyTaskFigures => {
    const path = ['dept', 'keyTasks', i];
    const projectIndex = t.project !== undefined ? (ids.get(t.project) ?? null) : null;
    if (t.project !== undefined && projectIndex === null) {
      diagnostics.push(
        diagnostic(
          'E-SCHEMA',
          [...path, 'project'],
          `重点工作任务第${i + 1}项：对应项目“${t.project}”不存在，可用的项目标识为 ${[...ids.keys()].join('、') || '（无）'}。`,
          { expected: [...ids.keys()].join(' | '), actual: t.project },
        ),
      );
    }
    const linked = projectIndex !== null ? { input: u.projects[projectIndex]!, figures: projects[projectIndex]! } : null;
    if (!linked && (!t.approved || !t.spent)) {
      diagnostics.push(diagnostic('E-REQUIRED', path, `重点工作任务第${i + 1}项：未关联项目（project）时须填写批复金额（approved）和实际支出金额（spent）。`));
    }
    if (!linked && !t.name) diagnostics.push(diagnostic('E-REQUIRED', path, `重点工作任务第${i + 1}项：缺少必填项“任务名称”（name）。`));
    const appropriation = linked ? linked.figures.appropriation.adjustedBudget : (t.approved?.appropriation ?? new Money(0));
    const other = linked ? (linked.figures.other?.adjustedBudget ?? new Money(0)) : (t.approved?.other ?? new Money(0));
    const approvedTotal = appropriation.plus(other);
    const spent = linked ? linked.figures.total.executed : (t.spent ?? new Money(0));
    const rate = executionRate(spent, approvedTotal);
    const low = rate?.lessThan(profile.executionLowThreshold);
    const reasonText = t.lowExecutionReason ?? (low ? '' : profile.noDeviationText);
    return { name: t.name ?? linked?.input.name ?? '', projectIndex, approvedTotal, appropriation, other, spent, rate, reasonText };
  });
  const indicators = u.dept.indicators.map((ind, j) => {
    const r = deriveIndicator(ind, ['dept', 'indicators', j], profile);
    diagnostics.push(...r.diagnostics);
    return r.figures;
  });
  return {
    figures: {
      income: finance.income.map((i, k) => ({ name: i.name, amount: i.amount, share: incomeShares[k] ?? null })),
      totalIncome: sum(finance.income.map((i) => i.amount)),
      basicExpenditure: finance.basicExpenditure,
      projectExpenditure: finance.projectExpenditure,
      totalExpenditure,
      basicShare,
      projectShare,
      keyTasks,
      indicators,
      funds: u.dept.funds ? deriveDeptFunds(u.dept.funds, indicators, profile, executionPlaces) : null,
      projectsBudget: sum(projects.map((p) => p.total.adjustedBudget)),
      projectsExecuted: sum(projects.map((p) => p.total.executed)),
    },
    diagnostics,
  };
}
