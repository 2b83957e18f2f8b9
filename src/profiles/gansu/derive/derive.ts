/** 甘肃格式派生入口：部门预算、自评表资金行与执行率得分、指标得分、总分与等级（DOMAIN.md §5.9）。 */
import { Money } from '../../../model/money.js';
import type { Diagnostic } from '../../../model/diagnostic.js';
import type { GansuDerived } from '../derived.js';
import type { GansuUnit } from '../schema.js';
import { readSettings, type Profile } from '../../../model/profile.js';
import { GansuSettingsSchema } from '../settings.js';
import { fundFigures } from '../../../derive/funds.js';
import { deriveIndicator, indicatorTotals } from '../../../derive/indicator.js';
import { executionScore, grade } from '../../../derive/scoring.js';
import { deriveBudget } from './budget.js';
import { scoredIndicator } from './indicators.js';

/** Computes every figure of G1 and G2 that is not typed in (pure). */
export function deriveGansu(u: GansuUnit, p: Profile): GansuDerived {
  const settings = readSettings(p, GansuSettingsSchema).value;
  const diagnostics: Diagnostic[] = [];
  const funds = fundFigures(u.funds);
  const executionWeight = u.executionWeight ?? new Money(p.executionWeight);
  const execScore = executionScore(executionWeight, funds.rate);
  const indicators = u.indicators.map((ind, j) => {
    const r = deriveIndicator(scoredIndicator(ind, settings), ['indicators', j], p);
    diagnostics.push(...r.diagnostics);
    return r.figures;
  });
  const sums = indicatorTotals(indicators);
  const totalScore = execScore.plus(sums.score);
  return {
    budget: deriveBudget(u.budget),
    funds,
    executionWeight,
    executionScore: execScore,
    indicators,
    totalWeight: executionWeight.plus(sums.weight),
    totalScore,
    grade: grade(totalScore, p.gradeBands),
    diagnostics,
  };
}
