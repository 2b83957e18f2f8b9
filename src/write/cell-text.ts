/** 单元格取值：同一个值在 DOCX 中打印的文字，与在 XLSX 中存储的数字及其数字格式。 */
import type { Decimal } from 'decimal.js';
import type { CellValue } from '../model/doc.js';
import { formatAmount, formatPercent, formatPlain, formatScore, round2, roundTo } from '../model/money.js';

/** 不适用 ("not applicable"), printed as an em dash (U+2014), DOMAIN.md §3.0. */
export const NOT_APPLICABLE = '—';

/** The text a cell prints in DOCX and in print: "10.56", "100.00%", "40", "9.50", "—". */
export function cellText(v: CellValue): string {
  switch (v.kind) {
    case 'text': return v.text;
    case 'amount': return formatAmount(v.value);
    case 'percent': return formatPercent(v.value);
    case 'score': return formatScore(v.value);
    case 'number': return formatPlain(v.value);
    case 'na': return NOT_APPLICABLE;
    case 'empty': return '';
  }
}

/** A number as the XLSX stores it, with the format that makes a spreadsheet show `cellText` of the same value. */
export interface XlsxNumber {
  readonly value: number;
  readonly numFmt: string;
}

/** Format with exactly `places` decimals and no thousands separator: 0 → '0', 2 → '0.00'. */
const fixedFormat = (places: number): string => (places === 0 ? '0' : `0.${'0'.repeat(places)}`);

/**
 * The XLSX number of a cell, already rounded exactly as `cellText` rounds it, or null for
 * text, 不适用 and empty cells. This is the one place where a Decimal becomes a JS number.
 */
export function cellNumber(v: CellValue): XlsxNumber | null {
  switch (v.kind) {
    case 'amount': return { value: toNumber(round2(v.value)), numFmt: '0.00' };
    // Note: 4 decimals of the fraction are the 2 decimals of the percentage, so 0.9512 shows "95.12%".
    case 'percent': return { value: toNumber(roundTo(v.value, 4)), numFmt: '0.00%' };
    case 'score': {
      const r = round2(v.value);
      return { value: toNumber(r), numFmt: r.isInteger() ? '0' : '0.00' };
    }
    // Note: formatPlain keeps every written decimal, so the format shows exactly that many ('General' may not).
    case 'number': return { value: toNumber(v.value), numFmt: fixedFormat(v.value.decimalPlaces()) };
    case 'text':
    case 'na':
    case 'empty':
      return null;
  }
}

/** Decimal → JS number; never negative zero. */
function toNumber(x: Decimal): number {
  const n = x.toNumber();
  return n === 0 ? 0 : n;
}
