/** 项目资金块：各来源的年初预算数、全年预算数、全年执行数，合计与执行率。 */
import type { Decimal } from 'decimal.js';
import { ratio, round2, sum } from '../model/money.js';
import type { FundFigures } from '../model/derived.js';
import type { FundLineInput } from '../model/unit-year.js';

/** 执行率 on the displayed (2-decimal) amounts, so a reader can reproduce it (DOMAIN.md §4.2 rateBasis). */
export const executionRate = (executed: Decimal, budget: Decimal): Decimal | null => ratio(round2(executed), round2(budget));

/** One money-block row with its 执行率. */
export function fundFigures(line: FundLineInput): FundFigures {
  return {
    initialBudget: line.initialBudget ?? null,
    adjustedBudget: line.adjustedBudget,
    executed: line.executed,
    rate: executionRate(line.executed, line.adjustedBudget),
  };
}

/**
 * Column-wise Σ of money-block rows (年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金).
 * Note: 年初预算数 of the total is unknown (null, printed blank) when any present row leaves it absent.
 */
export function sumLines(lines: readonly (FundLineInput | undefined)[]): FundFigures {
  const present = lines.filter((l): l is FundLineInput => l !== undefined);
  const initial = present.every((l) => l.initialBudget !== undefined) ? sum(present.map((l) => l.initialBudget!)) : undefined;
  return fundFigures({
    ...(initial !== undefined ? { initialBudget: initial } : {}),
    adjustedBudget: sum(present.map((l) => l.adjustedBudget)),
    executed: sum(present.map((l) => l.executed)),
  });
}
