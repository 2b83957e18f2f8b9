/** 部门整体的年度预算申请（全国部门整体支出绩效自评表）：按收入来源与支出用途分列，年度资金总额计预算执行率得分。 */
import { Money, roundTo } from '../../../model/money.js';
import type { DeptFundFigures, IndicatorFigures } from '../../../model/derived.js';
import type { DeptFundsInput, FundLineInput } from '../../../model/unit-year.js';
import type { Profile } from '../../../model/profile.js';
import { fundFigures, sumLines } from '../../../derive/funds.js';
import { indicatorTotals } from '../../../derive/indicator.js';
import { executionScore, grade } from '../../../derive/scoring.js';

const figures = (l: FundLineInput | undefined) => (l ? fundFigures(l) : null);

/** The department's money block and 总分; `places` are the decimals of the execution 得分. */
export function deriveDeptFunds(f: DeptFundsInput, indicators: readonly IndicatorFigures[], profile: Profile, places: number): DeptFundFigures {
  const inc = f.income ?? {};
  const use = f.use ?? {};
  const incomeLines = [inc.generalBudget, inc.governmentFund, inc.stateCapital, inc.fiscalSpecial, inc.unitFunds];
  const total = sumLines(incomeLines.some((l) => l !== undefined) ? incomeLines : [use.basic, use.project]);
  const executionWeight = f.executionWeight ?? new Money(profile.executionWeight);
  const execScore = roundTo(executionScore(executionWeight, total.rate), places);
  const sums = indicatorTotals(indicators);
  const totalScore = execScore.plus(sums.score);
  return {
    total,
    income: {
      generalBudget: figures(inc.generalBudget),
      governmentFund: figures(inc.governmentFund),
      stateCapital: figures(inc.stateCapital),
      fiscalSpecial: figures(inc.fiscalSpecial),
      unitFunds: figures(inc.unitFunds),
    },
    use: { basic: figures(use.basic), project: figures(use.project) },
    executionWeight,
    executionScore: execScore,
    totalWeight: executionWeight.plus(sums.weight),
    totalScore,
    grade: grade(totalScore, profile.gradeBands),
  };
}
