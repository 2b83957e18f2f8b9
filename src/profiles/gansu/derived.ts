/** 甘肃格式的派生数据：部门预算及同比变动、自评表资金行、各指标得分、总分与等级。 */
import type { Decimal } from 'decimal.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { FundFigures, ProjectFigures } from '../../model/derived.js';

/** One part of the department budget with its 同比 change. */
export interface BudgetPartFigures {
  readonly amount: Decimal;
  readonly prior: Decimal | null;
  /** (本年 − 上年) ÷ 上年 as a fraction; null without a prior figure or over a zero base. */
  readonly change: Decimal | null;
}

/** 部门预算: 人员支出 + 商品服务支出 + 项目支出, and the total's change. */
export interface GansuBudgetFigures {
  readonly personnel: BudgetPartFigures;
  readonly goodsAndServices: BudgetPartFigures;
  readonly projects: BudgetPartFigures;
  /** Σ of the project items, when they are listed. */
  readonly projectItemsTotal: Decimal | null;
  readonly total: BudgetPartFigures;
}

/**
 * Everything the Gansu documents print that is not typed in: the budget, and G2 scored as a project table is
 * (执行率分值 and 得分, indicator scores, 总分 including the execution line, 等级).
 */
export interface GansuDerived extends Pick<ProjectFigures, 'executionWeight' | 'executionScore' | 'indicators' | 'totalWeight' | 'totalScore' | 'grade'> {
  readonly budget: GansuBudgetFigures;
  /** The G2 money row (department totals) with 预算执行率. */
  readonly funds: FundFigures;
  readonly diagnostics: readonly Diagnostic[];
}
