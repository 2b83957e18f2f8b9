/** 单位摘要：批量汇总表每行的数字，各格式都能给出（执行率、得分、等级、项目得分），以及汇总表一行的纯数据。 */
import type { Decimal } from 'decimal.js';

/** One unit's headline figures, computed by its profile from the derived model. */
export interface UnitSummary {
  readonly budget: Decimal;
  readonly executed: Decimal;
  readonly rate: Decimal | null;
  /** 部门整体 总分 and 等级 where the profile scores the department (not Yunnan). */
  readonly score: Decimal | null;
  readonly grade: string | null;
  readonly projects: readonly SummaryProjectFigures[];
}

/** One project's headline figures: its 全年预算数 and 全年执行数 (万元), 执行率, 得分 and 等级 where scored. */
export interface SummaryProjectFigures {
  readonly name: string;
  readonly budget: Decimal | null;
  readonly executed: Decimal | null;
  readonly rate: Decimal | null;
  readonly score: Decimal | null;
  readonly grade: string | null;
}

/** A project's 得分 and 等级 as the row shows them; numbers are exact decimal text. */
export interface SummaryProject {
  readonly name: string;
  /** 全年预算数, 全年执行数 (万元) and 执行率; absent in manifests written before they were kept. */
  readonly budget?: string | null | undefined;
  readonly executed?: string | null | undefined;
  readonly rate?: string | null | undefined;
  readonly score: string | null;
  readonly grade: string | null;
}

/**
 * One unit's row of 汇总表. Amounts, rates and scores are exact decimal text (never JS numbers), so the row
 * survives the manifest and worker messages unchanged; the workbook writer rounds them once.
 */
export interface SummaryRow {
  readonly file: string;
  readonly year: number | null;
  /** 单位名称, or the input file's name when the input could not be read as a unit. */
  readonly unitName: string;
  /** The form that ran the unit (its grade words are that form's); absent in older manifests. */
  readonly profile?: string | null | undefined;
  /** 金额单位 of budget and executed (万元 or 元). */
  readonly amountUnit: string | null;
  readonly budget: string | null;
  readonly executed: string | null;
  /** 执行率 as a fraction; null when the budget is zero or the unit failed early. */
  readonly rate: string | null;
  /** 部门整体 得分 and 等级, where the profile scores the department. */
  readonly score: string | null;
  readonly grade: string | null;
  readonly projects: readonly SummaryProject[];
  readonly warnings: number;
  readonly errors: number;
  /** The unit's files, relative to the output folder. */
  readonly outputs: readonly string[];
}
