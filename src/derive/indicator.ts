/** 单个绩效指标的派生：性质、解析后的值、是否完成、得分与偏差说明。 */
import { Money } from '../model/money.js';
import type { IndicatorFigures, Nature, ParsedValue } from '../model/derived.js';
import type { IndicatorInput } from '../model/unit-year.js';
import type { Profile } from '../model/profile.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { parseNature, parseValue } from './indicator-value.js';
import { meets, quantitativeScore } from './scoring.js';

/** The nature an indicator is scored by: typed, else the comparator inside the target, else 定性 for verbal targets. */
export function effectiveNature(ind: IndicatorInput, target: ParsedValue): Nature | null {
  const typed = parseNature(ind.nature);
  if (typed) return typed;
  if (target.kind !== 'text' && target.comparator) return target.comparator;
  if (target.kind === 'text') return '定性';
  return null;
}

/** Derives one indicator row; `path` locates it in the input for diagnostics. */
export function deriveIndicator(ind: IndicatorInput, path: readonly PropertyKey[], profile: Profile): { figures: IndicatorFigures; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const target = parseValue(ind.target);
  const actual = parseValue(ind.actual);
  if (ind.nature && ind.nature.trim() !== '' && !parseNature(ind.nature)) {
    diagnostics.push(
      diagnostic('E-SCHEMA', [...path, 'nature'], `${ind.name}：指标性质“${ind.nature}”无法识别，应为 ≥、>、=、≤、< 或 定性。`, {
        expected: '≥ > = ≤ < 定性',
        actual: ind.nature,
      }),
    );
  }
  const nature = effectiveNature(ind, target);
  const weight = ind.weight ?? null;
  let met: boolean | null = null;
  let ruleScore = null;
  if (nature === '定性' || (target.kind === 'text' && actual.kind === 'text')) {
    const achievement = ind.achievement ?? (normalise(ind.actual) === normalise(ind.target) ? 'met' : undefined);
    met = achievement === undefined ? null : achievement === 'met';
    if (weight) ruleScore = achievement === 'met' ? (ind.score ?? weight) : (ind.score ?? null);
  } else if (nature && target.kind === 'number' && actual.kind === 'number') {
    met = meets(nature, target.value, actual.value);
    if (weight) ruleScore = quantitativeScore(nature, target.value, actual.value, weight, profile);
  }
  const override = ind.scoreOverride;
  const score = override ? override.value : ruleScore;
  const overrideReason = override ? override.reason : null;
  const stated = ind.deviationReason ?? '';
  const base = stated !== '' ? stated : met === false || (weight && score?.lessThan(weight)) ? '' : profile.noDeviationText;
  const deviationText = overrideReason ? [base, `人工调分理由：${overrideReason}`].filter((s) => s !== '').join('\n') : base;
  return { figures: { nature, target, actual, met, weight, score, ruleScore, overrideReason, deviationText }, diagnostics };
}

const normalise = (s: string): string => s.replace(/\s+/g, '');

/** Σ of the weights and scores of derived indicators (absent ones count 0). */
export function indicatorTotals(inds: readonly IndicatorFigures[]): { weight: Money; score: Money } {
  let weight = new Money(0);
  let score = new Money(0);
  for (const i of inds) {
    if (i.weight) weight = weight.plus(i.weight);
    if (i.score) score = score.plus(i.score);
  }
  return { weight, score };
}
