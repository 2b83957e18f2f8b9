/** 项目支出绩效自评表的派生数字：资金块、执行率得分、指标得分、总分、等级。 */
import { Money, roundTo } from '../../../model/money.js';
import type { ProjectFigures } from '../../../model/derived.js';
import type { ProjectInput } from '../../../model/unit-year.js';
import type { Profile } from '../../../model/profile.js';
import type { Diagnostic } from '../../../model/diagnostic.js';
import { fundFigures, sumLines } from '../../../derive/funds.js';
import { deriveIndicator, indicatorTotals } from '../../../derive/indicator.js';
import { executionScore, grade } from '../../../derive/scoring.js';

/** Derives the figures of project `index`. */
export function deriveProject(p: ProjectInput, index: number, profile: Profile, executionPlaces = 2): { figures: ProjectFigures; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { current, carryover, other } = p.funds;
  const total = sumLines([current, carryover, other]);
  const indicators = p.indicators.map((ind, j) => {
    const r = deriveIndicator(ind, ['projects', index, 'indicators', j], profile);
    diagnostics.push(...r.diagnostics);
    return r.figures;
  });
  const executionWeight = p.executionWeight ?? new Money(profile.executionWeight);
  // Note: some forms score execution to whole points (settings.executionScorePlaces), rounded half up.
  const execScore = roundTo(executionScore(executionWeight, total.rate), executionPlaces);
  const sums = indicatorTotals(indicators);
  const totalScore = execScore.plus(sums.score);
  return {
    figures: {
      total,
      current: fundFigures(current),
      carryover: carryover ? fundFigures(carryover) : null,
      other: other ? fundFigures(other) : null,
      appropriation: sumLines([current, carryover]),
      executionWeight,
      executionScore: execScore,
      indicators,
      totalWeight: executionWeight.plus(sums.weight),
      totalScore,
      grade: grade(totalScore, profile.gradeBands),
    },
    diagnostics,
  };
}
