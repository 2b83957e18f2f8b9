/** 评分：定量/定性指标得分、预算执行率得分、总分与等级（DOMAIN.md §5）。 */
import type { Decimal } from 'decimal.js';
import { Money, round2 } from '../model/money.js';
import type { Nature } from '../model/derived.js';
import type { Profile } from '../model/profile.js';

const ONE = new Money(1);
const clamp = (x: Decimal, w: Decimal): Decimal => Money.max(0, Money.min(x, w));

/** Whether actual `a` meets target `t` under nature `n` (the deviation test). */
export function meets(n: Exclude<Nature, '定性'>, t: Decimal, a: Decimal): boolean {
  switch (n) {
    case '≥':
      return a.greaterThanOrEqualTo(t);
    case '>':
      return a.greaterThan(t);
    case '=':
      return t.isZero() ? a.isZero() : a.greaterThanOrEqualTo(t);
    case '≤':
      return a.lessThanOrEqualTo(t);
    case '<':
      return a.lessThan(t);
  }
}

/** 得分 of a quantitative indicator (DOMAIN.md §5.3), rounded to 2 decimals and within [0, w]. */
export function quantitativeScore(n: Exclude<Nature, '定性'>, t: Decimal, a: Decimal, w: Decimal, p: Pick<Profile, 'lessThanRule' | 'equalRule'>): Decimal {
  let s: Decimal;
  if (n === '≥' || n === '>') {
    s = a.greaterThanOrEqualTo(t) ? w : t.isZero() ? w : w.times(a).div(t);
  } else if (n === '=') {
    if (t.isZero()) s = a.isZero() ? w : new Money(0);
    else if (p.equalRule === 'symmetric') s = w.times(Money.max(0, ONE.minus(a.minus(t).abs().div(t))));
    else s = a.greaterThanOrEqualTo(t) ? w : w.times(a).div(t);
  } else {
    // Note: ≤ and < score alike (a = t scores w under <, as a = t does under >); only the deviation test tells them apart.
    if (a.lessThanOrEqualTo(t)) s = w;
    else if (t.isZero()) s = new Money(0);
    else if (p.lessThanRule === 'ratio') s = w.times(t).div(a);
    else s = a.greaterThanOrEqualTo(t.times(2)) ? new Money(0) : w.times(ONE.minus(a.minus(t).div(t)));
  }
  return round2(clamp(s, w));
}

/** 预算执行率得分 = 分值 × min(执行率, 1) (DOMAIN.md §5.2); no rate scores 0. */
export function executionScore(weight: Decimal, rate: Decimal | null): Decimal {
  if (rate === null) return new Money(0);
  return round2(weight.times(Money.min(rate, ONE)));
}

/** Band limits of a qualitative achievement level as [low, high) fractions of w (DOMAIN.md §5.4). */
export const QUALITATIVE_BANDS = { met: [0.8, 1], partial: [0.6, 0.8], unmet: [0, 0.6] } as const;

/** 等级 of a total by the profile's bands (lower bound inclusive, no rounding before grading). */
export function grade(total: Decimal, bands: Profile['gradeBands']): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  for (const b of sorted) if (total.greaterThanOrEqualTo(b.min)) return b.label;
  return sorted[sorted.length - 1]?.label ?? '';
}
