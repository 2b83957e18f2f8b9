/** 检查阶段入口：运行 DOMAIN.md §7 的各组检查，套用格式的严重程度设置与 --strict，按数据位置排序。 */
import type { Derived } from '../../../model/derived.js';
import type { Profile } from '../../../model/profile.js';
import type { UnitYear } from '../../../model/unit-year.js';
import type { Diagnostic } from '../../../model/diagnostic.js';
import { applySeverity, type CheckOptions } from '../../../check/severity.js';
import { checkValues } from '../../../check/values.js';
import { checkMoney } from '../../../check/money.js';
import { checkExecution, checkScoreExecDivergence } from '../../../check/execution.js';
import { checkScoring } from '../../../check/scoring.js';
import { checkIndicators } from '../../../check/indicators.js';
import { checkNarrative } from '../../../check/narrative.js';
import { sortByPath } from '../../../check/order.js';
import { checkStatedScores } from '../../../check/stated-scores.js';

/** One group of consistency checks (a section of DOMAIN.md §7). */
export type CheckGroup = (u: UnitYear, d: Derived, profile: Profile) => Diagnostic[];

/** The default check groups, in the order of DOMAIN.md §7. */
export const CHECK_GROUPS: readonly CheckGroup[] = [checkValues, checkMoney, checkExecution, checkScoring, checkIndicators, checkNarrative, checkStatedScores];

/** 一致性检查: every diagnostic of derive and of the §7 checks, with the profile's severities, sorted by data path (pure). */
export function check(u: UnitYear, d: Derived, profile: Profile, opts: CheckOptions = {}): Diagnostic[] {
  const found: Diagnostic[] = [...d.diagnostics];
  for (const group of CHECK_GROUPS) found.push(...group(u, d, profile));
  if (opts.optional) found.push(...checkScoreExecDivergence(u, d));
  return sortByPath(applySeverity(found, profile, opts.strict));
}
