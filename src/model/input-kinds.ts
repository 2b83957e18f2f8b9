/** 输入模式的基本积木（文字、金额、分值、年度……）各是哪种填报单元格，供填报工作簿由模式生成版式。 */

/**
 * How a cell of a data-entry workbook maps to an input value; the reader and the writer convert by kind. `lines`: a list
 * of texts, one per line; `yesNoList`: a list of booleans as 是、否、是; `pairs`: a map of names to numbers, one
 * `名称：数值` per line (sichuan's 计算参数).
 */
export type FieldKind =
  | 'text'
  | 'prose'
  | 'amount'
  | 'signedAmount'
  | 'points'
  | 'year'
  | 'date'
  | 'yesNo'
  | 'choice'
  | 'choiceList'
  | 'lines'
  | 'yesNoList'
  | 'pairs';

const KINDS = new WeakMap<object, FieldKind>();

/** Marks a schema building block with the cell kind it takes in a data-entry workbook; returns it unchanged. */
export function withKind<T extends object>(kind: FieldKind, schema: T): T {
  KINDS.set(schema, kind);
  return schema;
}

/** The cell kind a building block was marked with, if any. */
export const kindOf = (schema: object): FieldKind | undefined => KINDS.get(schema);
