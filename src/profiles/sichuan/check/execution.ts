/** 四川执行检查（DOMAIN.md §7.4）：执行率偏低或超支须说明、不得写“无偏差”，追加调减须有理由，目标执行结果不得照抄。 */
import { formatAmount, ratio, round2 } from '../../../model/money.js';
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import type { Profile } from '../../../model/profile.js';
import type { MoneyRow, SichuanDerived } from '../derived.js';
import type { GoalInput, SichuanUnit } from '../schema.js';
import { squash } from '../../../check/common.js';
import { rateDeviationDenied, rateDiagnostics, rateProblem } from '../../../check/execution.js';

/** 执行率 problems of a money row, explained in the 年度总体目标 偏差情况及原因分析 cell. */
function executionOf(who: string, row: MoneyRow, goal: GoalInput, path: readonly PropertyKey[], p: Profile): Diagnostic[] {
  const rate = ratio(round2(row.executed), round2(row.budget));
  const problem = rateProblem(rate, p);
  if (rate === null || problem === null) return [];
  const at = [...path, 'goal', 'deviation'];
  return [...rateDiagnostics(who, at, rate, problem, goal.deviation, p), ...rateDeviationDenied(who, at, rate, problem, goal.deviation, p)];
}

/** W-GOAL-TEXT-COPIED: 执行结果 identical to 预算总体目标. */
function goalCopied(who: string, goal: GoalInput, path: readonly PropertyKey[]): Diagnostic[] {
  const achieved = squash(goal.achieved);
  return achieved !== '' && achieved === squash(goal.expected)
    ? [
        diagnostic('W-GOAL-TEXT-COPIED', [...path, 'goal', 'achieved'], `${who}：年度总体目标的“执行结果”与“预算总体目标”完全相同，请填写实际完成情况。`, {
          expected: '实际完成情况',
          actual: goal.achieved,
        }),
      ]
    : [];
}

/** Runs the §7.4 checks on the department and every project. */
export function checkExecution(u: SichuanUnit, d: SichuanDerived, p: Profile): Diagnostic[] {
  const out: Diagnostic[] = [...executionOf('部门整体支出', d.dept.rows.total, u.dept.goal, ['dept'], p), ...goalCopied('部门整体支出', u.dept.goal, ['dept'])];
  u.projects.forEach((proj, i) => {
    const f = d.projects[i]!;
    const who = `项目“${proj.name}”`;
    const path = ['projects', i];
    out.push(...executionOf(who, f.rows.total, proj.goal, path, p), ...goalCopied(who, proj.goal, path));
    proj.funds.adjustments.forEach((a, k) => {
      if (squash(a.reason ?? '') !== '') return;
      out.push(
        diagnostic(
          'W-ADJUSTMENT-UNEXPLAINED',
          [...path, 'funds', 'adjustments', k, 'reason'],
          `${who}：预算由${formatAmount(f.initialBudget)}万元调整为${formatAmount(f.adjustedBudget)}万元，须说明调整理由。`,
          { expected: '调整理由（adjustments[].reason）', actual: '' },
        ),
      );
    });
  });
  return out;
}
