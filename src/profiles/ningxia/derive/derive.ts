/** 宁夏格式派生入口：各项目与合计的预算、执行、实际到位资金和执行率。 */
import { Money, sum } from '../../../model/money.js';
import type { NingxiaDerived, NingxiaFunds } from '../derived.js';
import type { NingxiaProject, NingxiaUnit } from '../schema.js';
import type { Profile } from '../../../model/profile.js';
import { executionRate } from '../../../derive/funds.js';

/**
 * One project's money. A missing budget (E-REQUIRED from the checks) is taken from the other one,
 * so the remaining checks still see sensible figures.
 */
function projectFunds(p: NingxiaProject): NingxiaFunds {
  const initialBudget = p.funds.initialBudget ?? p.funds.adjustedBudget ?? new Money(0);
  const adjustedBudget = p.funds.adjustedBudget ?? p.funds.initialBudget ?? new Money(0);
  const { executed } = p.funds;
  return { initialBudget, adjustedBudget, executed, available: p.available ?? adjustedBudget, rate: executionRate(executed, adjustedBudget) };
}

/** Σ over the projects, column by column, with the rate of the sums. */
function totalFunds(fs: readonly NingxiaFunds[]): NingxiaFunds {
  const col = (k: 'initialBudget' | 'adjustedBudget' | 'executed' | 'available') => sum(fs.map((f) => f[k]));
  const adjustedBudget = col('adjustedBudget');
  const executed = col('executed');
  return { initialBudget: col('initialBudget'), adjustedBudget, executed, available: col('available'), rate: executionRate(executed, adjustedBudget) };
}

/** Computes every figure of N1 that is not typed in (pure). */
export function deriveNingxia(u: NingxiaUnit, _p: Profile): NingxiaDerived {
  const projects = u.projects.map(projectFunds);
  return { projects, totals: totalFunds(projects), diagnostics: [] };
}
