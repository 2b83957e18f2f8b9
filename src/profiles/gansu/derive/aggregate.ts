/**
 * 汇总（DOMAIN.md §5.9、表下注释2）：部门本级与所属单位的自评表合成部门整体——定量指标的绝对值直接相加，
 * 相对值（比率、百分数）和定性指标的完成比例按资金额度加权平均。
 */
import type { Decimal } from 'decimal.js';
import { Money, sum } from '../../../model/money.js';

/** One unit's contribution to a line: its fund amount (the weight) and its value or completion ratio. */
export interface RollUpPart {
  /** 资金额度 of the unit (its 全年预算数). */
  readonly funds: Decimal;
  /** The actual value of a quantitative line, in its unit; null where the unit has no such line. */
  readonly value: Decimal | null;
  /** 得分 ÷ 分值 of the line in the unit's own table (0 to 1). */
  readonly ratio: Decimal;
}

/** How a line rolls up: an absolute count or amount, a relative value (%), or a qualitative line. */
export type RollUpKind = 'absolute' | 'relative' | 'qualitative';

/** Σ funds-weighted average of `pick` over the parts that have it; null when they carry no funds. */
function weighted(parts: readonly RollUpPart[], pick: (p: RollUpPart) => Decimal | null): Decimal | null {
  const present = parts.filter((p) => pick(p) !== null);
  const total = sum(present.map((p) => p.funds));
  if (total.isZero()) return null;
  return sum(present.map((p) => pick(p)!.times(p.funds))).div(total);
}

/**
 * The department's value of a quantitative line: absolute values summed, relative ones weighted by fund amount.
 * The department's score then follows from this value and its own target (§5.3).
 */
export function rollUpValue(kind: Exclude<RollUpKind, 'qualitative'>, parts: readonly RollUpPart[]): Decimal | null {
  const present = parts.filter((p) => p.value !== null);
  if (present.length === 0) return null;
  return kind === 'absolute' ? sum(present.map((p) => p.value!)) : weighted(present, (p) => p.value);
}

/** The department's score of a qualitative line: 分值 × the fund-weighted completion ratio, rounded by the caller. */
export function rollUpQualitative(weight: Decimal, parts: readonly RollUpPart[]): Decimal | null {
  const ratio = weighted(parts, (p) => p.ratio);
  return ratio === null ? null : weight.times(Money.min(Money.max(ratio, 0), 1));
}
