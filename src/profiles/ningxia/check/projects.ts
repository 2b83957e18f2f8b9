/** 宁夏项目检查：年初与全年预算数必填、预算调整理由、无预算执行、执行率偏离的说明（DOMAIN.md §3.4、§7.2、§7.4）。 */
import { formatAmount } from '../../../model/money.js';
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import type { NingxiaDerived } from '../derived.js';
import type { NingxiaUnit } from '../schema.js';
import type { Profile } from '../../../model/profile.js';
import { squash } from '../../../check/common.js';
import { rateDeviationDenied, rateDiagnostics, rateProblem } from '../../../check/execution.js';

/** Runs the per-project checks. */
export function checkProjects(u: NingxiaUnit, d: NingxiaDerived, p: Profile): Diagnostic[] {
  return u.projects.flatMap((proj, i) => {
    const out: Diagnostic[] = [];
    const f = d.projects[i]!;
    const who = `项目“${proj.name}”`;
    for (const [key, name] of [
      ['initialBudget', '年初预算数'],
      ['adjustedBudget', '全年预算数'],
    ] as const) {
      if (proj.funds[key] !== undefined) continue;
      out.push(
        diagnostic('E-REQUIRED', ['projects', i, 'funds', key], `${who}：缺少必填项“${name}”（${key}）。每个项目须同时填写年初预算数和全年预算数。`, {
          expected: name,
        }),
      );
    }
    const { initialBudget, adjustedBudget } = proj.funds;
    if (initialBudget && adjustedBudget && !initialBudget.equals(adjustedBudget) && squash(proj.adjustmentReason ?? '') === '') {
      out.push(
        diagnostic(
          'W-ADJUSTMENT-UNEXPLAINED',
          ['projects', i, 'adjustmentReason'],
          `${who}：预算由${formatAmount(initialBudget)}万元调整为${formatAmount(adjustedBudget)}万元，须说明调整理由。`,
          { expected: '预算调整理由（adjustmentReason）', actual: '' },
        ),
      );
    }
    if (f.adjustedBudget.isZero() && f.executed.greaterThan(0)) {
      out.push(
        diagnostic('E-EXEC-WITHOUT-BUDGET', ['projects', i, 'funds', 'executed'], `${who}：全年预算数为0，但全年执行数为${formatAmount(f.executed)}万元。`, {
          expected: '0.00',
          actual: formatAmount(f.executed),
        }),
      );
    }
    const problem = rateProblem(f.rate, p);
    if (f.rate !== null && problem !== null) {
      const path = ['projects', i, 'deviationReason'];
      out.push(
        ...rateDiagnostics(who, path, f.rate, problem, proj.deviationReason, p),
        ...rateDeviationDenied(who, path, f.rate, problem, proj.deviationReason, p),
      );
    }
    return out;
  });
}
