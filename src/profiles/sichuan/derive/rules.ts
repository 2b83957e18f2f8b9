/** 计分规则：DOMAIN.md §5.8 的每种规则类型一个纯函数，参数来自细则文件；得分四舍五入到两位、介于 0 与分值之间。 */
import type { Decimal } from 'decimal.js';
import { HUNDRED, Money, round2, sum } from '../../../model/money.js';
import type { Rule } from '../rubric.js';

const ZERO = new Money(0);
const ONE = new Money(1);
const clamp = (x: Decimal, low: Decimal, high: Decimal): Decimal => Money.max(low, Money.min(x, high));
/** The final score: 2 decimals, never below 0 nor above the line's points. */
const finish = (x: Decimal, w: Decimal): Decimal => round2(clamp(x, ZERO, w));

/** checklist: Σ points of the items marked met (answers beyond the items are ignored). */
export function checklistScore(items: readonly { readonly points: Decimal }[], answers: readonly boolean[]): Decimal {
  return round2(sum(items.filter((_, i) => answers[i] === true).map((it) => it.points)));
}

/** proportional: w × rate, the rate clamped to [0, cap] ("实际得分=完成率×8分"). */
export const proportionalScore = (w: Decimal, rate: Decimal, cap: Decimal = ONE): Decimal => finish(w.times(clamp(rate, ZERO, cap)), w);

/** degree: w × the asserted 实现程度 (0–100%). */
export const degreeScore = (w: Decimal, degree: Decimal): Decimal => finish(w.times(clamp(degree, ZERO, ONE)), w);

/** ratio-cap: full points up to `limit`, else w × limit ÷ rate ("小于或等于1计5分，否则按比例计分"). */
export const ratioCapScore = (w: Decimal, rate: Decimal, limit: Decimal): Decimal => (rate.lessThanOrEqualTo(limit) ? w : finish(w.times(limit).div(rate), w));

/** decrease-full: a fall (rate ≤ 0) scores w; a rise deducts in proportion ("下降的计5分，增加的按比例扣减"). */
export const decreaseFullScore = (w: Decimal, rate: Decimal): Decimal => (rate.lessThanOrEqualTo(0) ? w : finish(w.times(Money.max(ZERO, ONE.minus(rate))), w));

/** saving: a saving (rate ≥ 0) scores w; an overrun deducts in proportion ("节约的计5分，增加的按比例扣分"). */
export const savingScore = (w: Decimal, rate: Decimal): Decimal => (rate.greaterThanOrEqualTo(0) ? w : finish(w.times(Money.max(ZERO, ONE.plus(rate))), w));

/** inverse: w × (1 − rate) ("未调整的计2分，调整了的按比例扣减"). */
export const inverseScore = (w: Decimal, rate: Decimal): Decimal => finish(w.times(Money.max(ZERO, ONE.minus(rate))), w);

/** Parameters of threshold-step; threshold and step in percentage points. */
export interface ThresholdStep {
  readonly threshold: Decimal;
  readonly direction: 'above' | 'below';
  readonly step: Decimal;
  readonly deduct: Decimal;
  readonly mode: 'continuous' | 'ceil' | 'floor';
}

/**
 * threshold-step: how far the rate is past the threshold in the bad direction, in steps, times `deduct`
 * ("为100%的计2分，每超过1个百分点扣0.1分，扣完为止"). `mode` reads a part step as a fraction, a whole step or nothing.
 */
export function thresholdStepScore(w: Decimal, rate: Decimal, p: ThresholdStep): Decimal {
  const pct = rate.times(HUNDRED);
  const excess = Money.max(ZERO, p.direction === 'above' ? pct.minus(p.threshold) : p.threshold.minus(pct));
  const steps = excess.div(p.step);
  const counted = p.mode === 'ceil' ? steps.ceil() : p.mode === 'floor' ? steps.floor() : steps;
  return finish(w.minus(p.deduct.times(counted)), w);
}

/** quarters: perQuarter × the quarters on schedule ("1–4季度各得1分"). */
export const quartersScore = (perQuarter: Decimal, quarters: readonly boolean[]): Decimal => round2(perQuarter.times(quarters.filter((q) => q).length));

/** What a rule needs from the line: the rate (fraction), the asserted degree, checklist answers, quarters. */
export interface RuleArgs {
  readonly rate: Decimal | null;
  readonly degree: Decimal | null;
  readonly items: readonly boolean[] | null;
  readonly quarters: readonly boolean[] | null;
}

/** Scores one line by its rule; null when the rule lacks what it needs (missing answers, undefined rate). */
export function ruleScore(rule: Rule, w: Decimal, a: RuleArgs): Decimal | null {
  switch (rule.type) {
    case 'checklist':
      return a.items && checklistScore(rule.items, a.items);
    case 'quarters':
      return a.quarters && quartersScore(rule.perQuarter, a.quarters);
    case 'degree':
      return a.degree && degreeScore(w, a.degree);
    case 'proportional':
      return a.rate && proportionalScore(w, a.rate, rule.cap);
    case 'ratio-cap':
      return a.rate && ratioCapScore(w, a.rate, rule.limit);
    case 'decrease-full':
      return a.rate && decreaseFullScore(w, a.rate);
    case 'saving':
      return a.rate && savingScore(w, a.rate);
    case 'inverse':
      return a.rate && inverseScore(w, a.rate);
    case 'threshold-step':
      return a.rate && thresholdStepScore(w, a.rate, rule);
  }
}

/** Whether a rule scores a rate (as opposed to answers or an asserted degree). */
export const isRateRule = (rule: Rule): boolean => !['checklist', 'quarters', 'degree'].includes(rule.type);
