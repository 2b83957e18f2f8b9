/** 单位摘要：批量汇总表每行的数字，各格式都能给出（执行率、得分、等级、项目得分）。 */
import type { Decimal } from 'decimal.js';

/** One unit's headline figures, computed by its profile from the derived model. */
export interface UnitSummary {
  readonly budget: Decimal;
  readonly executed: Decimal;
  readonly rate: Decimal | null;
  /** 部门整体 总分 and 等级 where the profile scores the department (not Yunnan). */
  readonly score: Decimal | null;
  readonly grade: string | null;
  readonly projects: readonly { readonly name: string; readonly score: Decimal | null; readonly grade: string | null }[];
}
