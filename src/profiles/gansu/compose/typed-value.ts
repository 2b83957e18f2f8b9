/** 甘肃指标值：按输入原样打印，能作为数字的存为数字（XLSX 中为真数字），打印文字不变。 */
import type { CellValue } from '../../../model/doc.js';
import { formatPercent, formatPlain } from '../../../model/money.js';
import { isPercentUnit, parseValue } from '../../../derive/indicator-value.js';

/**
 * An indicator value exactly as typed, as a real number where it is one ("98.00%" a percentage with 2 decimals,
 * "1" a number) and as text otherwise ("≥1项", "健全"); the printed text never changes.
 */
export function typedValue(text: string): CellValue {
  const v = parseValue(text);
  const typed = text.trim();
  if (v.kind !== 'number' || v.comparator !== null) return { kind: 'text', text };
  if (v.unit === null && formatPlain(v.value) === typed) return { kind: 'number', value: v.value };
  const places = /\.(\d+)/.exec(typed)?.[1]?.length ?? 0;
  const fraction = v.value.div(100);
  if (v.unit !== null && isPercentUnit(v.unit) && formatPercent(fraction, places) === typed) return { kind: 'percent', value: fraction, places };
  return { kind: 'text', text };
}
