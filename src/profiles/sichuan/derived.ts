/** 四川格式的派生数据：完成情况表的金额与比率、计分表每一行的取值与得分、总分与等级。 */
import type { Decimal } from 'decimal.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Nature, ParsedValue } from '../../model/derived.js';
import type { Rubric, RubricLine } from './rubric.js';
import type { SichuanSettings } from './settings.js';

/** One money row of a completion table: 预算额, 执行额, 当年结转结余额, 结转结余率, 结转结余变动率. */
export interface MoneyRow {
  readonly budget: Decimal;
  readonly executed: Decimal;
  /** 当年结转结余额 = 预算额 − 执行额. */
  readonly carryover: Decimal;
  /** 结转结余率 as a fraction of the displayed amounts; null when 预算额 is 0. */
  readonly rate: Decimal | null;
  /** 上年结转结余. */
  readonly prior: Decimal;
  /** 结转结余变动率 = (本年 − 上年) ÷ 上年; null when 上年 is 0. */
  readonly changeRate: Decimal | null;
}

/** A budget book column of the structure block; `used` is false for a book the unit has no money in. */
export interface BookColumn {
  readonly key: 'general' | 'govFund' | 'stateCapital' | 'socialFund';
  readonly row: MoneyRow;
  readonly used: boolean;
}

/** A quantity found in an indicator text ("开展立法调研4部" → 4 部). */
export interface Quantity {
  readonly value: Decimal;
  readonly unit: string | null;
}

/** One indicator row of a completion table. */
export interface CompletionIndicatorFigures {
  /** 指标性质 normalised; null when the target is a number written without one. */
  readonly nature: Nature | null;
  readonly target: ParsedValue | null;
  readonly qualitative: boolean;
  /** The number the actual text states, if it states exactly one. */
  readonly actual: Quantity | null;
  /** Whether the actual meets the target; null when it cannot be told. */
  readonly met: boolean | null;
  /** 偏差情况及原因分析 as printed (the input, or 无偏差). */
  readonly deviationText: string;
}

/** One input value of a line: bound to a derived figure, or entered. */
export interface LineValue {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly value: Decimal | null;
  readonly bound: boolean;
}

/** One 三级 line of a 计分表 after scoring. */
export interface LineFigures {
  readonly line: RubricLine;
  readonly level1: string;
  readonly level2: string;
  readonly values: readonly LineValue[];
  /** The rate the rule scored, as a fraction; null for checklist, quarters and degree lines or an undefined rate. */
  readonly rate: Decimal | null;
  /** Whether the rate was entered rather than computed. */
  readonly rateEntered: boolean;
  /** a − b of a change or saving formula. */
  readonly difference: Decimal | null;
  /** The formula's base is zero. */
  readonly undefinedBase: boolean;
  /** Keys of inputs (or answers) the unit did not give. */
  readonly missing: readonly string[];
  /** 得分 printed: the override when there is one, else the rule result; null when it cannot be scored. */
  readonly score: Decimal | null;
  readonly ruleScore: Decimal | null;
  readonly overrideReason: string | null;
}

/** A scored 计分表. */
export interface SheetFigures {
  readonly lines: readonly LineFigures[];
  /** Σ of the printed scores (lines without a score count 0). */
  readonly total: Decimal;
  readonly grade: string;
}

/** The department: S3 money rows, S3 indicators, S2 score sheet. */
export interface SichuanDeptFigures {
  readonly rows: { readonly total: MoneyRow; readonly basic: MoneyRow; readonly projects: MoneyRow };
  readonly books: readonly BookColumn[];
  readonly incomeTotal: Decimal;
  readonly indicators: readonly CompletionIndicatorFigures[];
  readonly sheet: SheetFigures | null;
}

/** One project: 预算资金 figures, S6 money rows and indicators, S5 score sheet. */
export interface SichuanProjectFigures {
  readonly initialBudget: Decimal;
  readonly adjustment: Decimal;
  /** 全年预算数 of 财政拨款 = 年初预算数 + Σ 调整. */
  readonly adjustedBudget: Decimal;
  /** 执行率 of 财政拨款. */
  readonly executionRate: Decimal | null;
  readonly rows: { readonly total: MoneyRow; readonly appropriation: MoneyRow; readonly other: MoneyRow | null };
  readonly books: readonly BookColumn[];
  readonly indicators: readonly CompletionIndicatorFigures[];
  /** Mean 满意度 of the completion table's 满意度指标, as a fraction. */
  readonly satisfaction: Decimal | null;
  readonly sheet: SheetFigures | null;
}

/** Everything the sichuan documents print that is not typed in. */
export interface SichuanDerived {
  readonly settings: SichuanSettings;
  /** The rubrics, or null when the profile's rubric files are invalid (E-RUBRIC-INVALID). */
  readonly rubrics: { readonly dept: Rubric; readonly project: Rubric } | null;
  readonly dept: SichuanDeptFigures;
  readonly projects: readonly SichuanProjectFigures[];
  readonly diagnostics: readonly Diagnostic[];
}
