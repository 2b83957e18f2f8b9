/** 派生数据：文档中所有非填报的数字（合计、执行率、占比、得分、总分、等级），只算一次。 */
import type { Decimal } from 'decimal.js';
import type { Diagnostic } from './diagnostic.js';

/** 指标性质 after normalisation (DOMAIN.md §6.4). */
export type Nature = '≥' | '>' | '=' | '≤' | '<' | '定性';

/** A target or actual split into number and unit (DOMAIN.md §6.5). */
export type ParsedValue =
  | { readonly kind: 'number'; readonly value: Decimal; readonly unit: string | null; readonly comparator: Nature | null; readonly text: string }
  | {
      readonly kind: 'range';
      readonly low: Decimal;
      readonly high: Decimal;
      readonly unit: string | null;
      readonly comparator: Nature | null;
      readonly text: string;
    }
  | { readonly kind: 'text'; readonly text: string };

/** 年初预算数 / 全年预算数 / 全年执行数 and 执行率 of one row of a money block. */
export interface FundFigures {
  /** null when absent (not typed, or a total over an absent one): printed blank, never as 0. */
  readonly initialBudget: Decimal | null;
  readonly adjustedBudget: Decimal;
  readonly executed: Decimal;
  /** 执行率 as a fraction of the displayed amounts; null when 全年预算数 is 0. */
  readonly rate: Decimal | null;
}

/** One scored or unscored indicator row. */
export interface IndicatorFigures {
  readonly nature: Nature | null;
  readonly target: ParsedValue;
  readonly actual: ParsedValue;
  /** Whether the actual meets the target by its nature; null when it cannot be told. */
  readonly met: boolean | null;
  readonly weight: Decimal | null;
  /** 得分 printed: the override when there is one, else the rule result. */
  readonly score: Decimal | null;
  /** 得分 by the scoring rule, before any override. */
  readonly ruleScore: Decimal | null;
  readonly overrideReason: string | null;
  /** 偏差原因分析及改进措施 as printed (input, the override reason, or the profile's 无偏差). */
  readonly deviationText: string;
}

export interface ProjectFigures {
  /** 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, per column. */
  readonly total: FundFigures;
  readonly current: FundFigures;
  readonly carryover: FundFigures | null;
  readonly other: FundFigures | null;
  /** 财政拨款 = 当年财政拨款 + 上年结转资金 (Yunnan note 3). */
  readonly appropriation: FundFigures;
  readonly executionWeight: Decimal;
  readonly executionScore: Decimal;
  readonly indicators: readonly IndicatorFigures[];
  readonly totalWeight: Decimal;
  readonly totalScore: Decimal;
  readonly grade: string;
}

export interface KeyTaskFigures {
  readonly name: string;
  /** Index into projects when the task is linked. */
  readonly projectIndex: number | null;
  /** 批复金额 总额 = 财政拨款 + 其他资金. */
  readonly approvedTotal: Decimal;
  readonly appropriation: Decimal;
  readonly other: Decimal;
  readonly spent: Decimal;
  readonly rate: Decimal | null;
  readonly reasonText: string;
}

/** 年度预算申请 of the national department table: 年度资金总额 by income and by use, scored like a project's money block. */
export interface DeptFundFigures {
  /** Σ of the income rows (or of the use rows when no income row is given). */
  readonly total: FundFigures;
  readonly income: {
    readonly generalBudget: FundFigures | null;
    readonly governmentFund: FundFigures | null;
    readonly stateCapital: FundFigures | null;
    readonly fiscalSpecial: FundFigures | null;
    readonly unitFunds: FundFigures | null;
  };
  readonly use: { readonly basic: FundFigures | null; readonly project: FundFigures | null };
  readonly executionWeight: Decimal;
  readonly executionScore: Decimal;
  /** 总分: execution weight/score plus the department indicators'. */
  readonly totalWeight: Decimal;
  readonly totalScore: Decimal;
  readonly grade: string;
}

export interface DeptFigures {
  readonly income: readonly { readonly name: string; readonly amount: Decimal; readonly share: Decimal | null }[];
  readonly totalIncome: Decimal;
  readonly basicExpenditure: Decimal;
  readonly projectExpenditure: Decimal;
  readonly totalExpenditure: Decimal;
  /** 占总支出的比例 in percent (largest remainder, DOMAIN.md §4.5). */
  readonly basicShare: Decimal | null;
  readonly projectShare: Decimal | null;
  readonly keyTasks: readonly KeyTaskFigures[];
  readonly indicators: readonly IndicatorFigures[];
  /** The 年度预算申请 block, when the input gives dept.funds. */
  readonly funds: DeptFundFigures | null;
  /** Σ over projects, for the consistency checks. */
  readonly projectsBudget: Decimal;
  readonly projectsExecuted: Decimal;
}

/** Everything the documents print that is not typed in. */
export interface Derived {
  readonly dept: DeptFigures;
  readonly projects: readonly ProjectFigures[];
  /** Diagnostics found while deriving (unparseable values, missing natures…). */
  readonly diagnostics: readonly Diagnostic[];
}
