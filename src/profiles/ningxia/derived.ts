/** 宁夏格式的派生数据：各项目与合计的预算、执行、到位资金和执行率。 */
import type { Decimal } from 'decimal.js';
import type { Diagnostic } from '../../model/diagnostic.js';

/** One project's money, or the sum over all projects. */
export interface NingxiaFunds {
  readonly initialBudget: Decimal;
  readonly adjustedBudget: Decimal;
  readonly executed: Decimal;
  /** 实际到位资金 (the input's, else 全年预算数). */
  readonly available: Decimal;
  /** 预算执行率 on the displayed amounts; null when 全年预算数 is 0. */
  readonly rate: Decimal | null;
}

/** Everything the Ningxia narrative prints that is not typed in. */
export interface NingxiaDerived {
  readonly projects: readonly NingxiaFunds[];
  readonly totals: NingxiaFunds;
  readonly diagnostics: readonly Diagnostic[];
}
