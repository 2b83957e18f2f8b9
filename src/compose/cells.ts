/** 单元格构造：表格中反复出现的几类单元格（表头、标签、金额、比率、得分、指标值）。 */
import type { Decimal } from 'decimal.js';
import type { Cell, CellValue } from '../model/doc.js';
import type { ParsedValue } from '../model/derived.js';
import { isPercentUnit } from '../derive/indicator-value.js';

interface Span {
  readonly colSpan?: number;
  readonly rowSpan?: number;
  readonly bold?: boolean;
}
const spans = (s: Span) => ({
  ...(s.colSpan && s.colSpan > 1 ? { colSpan: s.colSpan } : {}),
  ...(s.rowSpan && s.rowSpan > 1 ? { rowSpan: s.rowSpan } : {}),
  ...(s.bold ? { bold: true } : {}),
});

/** A fixed label of the form, printed in 黑体 and centred. */
export const header = (t: string, s: Span = {}): Cell => ({ value: { kind: 'text', text: t }, role: 'header', ...spans(s) });
/** A full-width section line such as 一、部门年度目标. */
export const section = (t: string, width: number): Cell => ({ value: { kind: 'text', text: t }, role: 'section', colSpan: width, bold: true });
/** Short entered text, centred (names, units, 项目级次). */
export const label = (t: string, s: Span = {}): Cell => ({ value: { kind: 'text', text: t }, role: 'label', ...spans(s) });
/** Long entered text, left-aligned and wrapped. */
export const prose = (t: string, s: Span = {}): Cell => ({ value: { kind: 'text', text: t }, role: 'text', ...spans(s) });
/** A typed value cell (amount, rate, score, "—", empty). */
export const val = (v: CellValue, s: Span = {}): Cell => ({ value: v, role: 'value', ...spans(s) });

export const amount = (x: Decimal): CellValue => ({ kind: 'amount', value: x });
export const percent = (x: Decimal | null): CellValue => (x === null ? { kind: 'na' } : { kind: 'percent', value: x });
export const score = (x: Decimal | null): CellValue => (x === null ? { kind: 'empty' } : { kind: 'score', value: x });
export const NA: CellValue = { kind: 'na' };
export const EMPTY: CellValue = { kind: 'empty' };

/**
 * 指标值 / 实际完成值 as a typed cell: percentages as real percentages ("95.00%") or bare numbers ("95"),
 * other numbers as numbers, anything else (ranges, verbal values) as its text.
 */
export function indicatorValue(v: ParsedValue, unit: string | undefined, style: 'with-sign' | 'bare'): CellValue {
  if (v.kind !== 'number') return { kind: 'text', text: v.text };
  if (v.comparator) return { kind: 'text', text: v.text };
  const percentUnit = isPercentUnit(unit) || (v.unit !== null && isPercentUnit(v.unit));
  if (percentUnit && style === 'with-sign') return { kind: 'percent', value: v.value.div(100) };
  return { kind: 'number', value: v.value };
}
