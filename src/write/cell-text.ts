/** 单元格取值：同一个值在 DOCX 中打印的文字，与在 XLSX 中存储的数字及其数字格式。 */
import type { Decimal } from 'decimal.js';
import type { CellValue } from '../model/doc.js';
import { HUNDRED, formatAmount, formatPercent, formatPlain, formatScore, round2, roundTo } from '../model/money.js';

/** 不适用 ("not applicable"), printed as an em dash (U+2014), DOMAIN.md §3.0. */
export const NOT_APPLICABLE = '—';

/**
 * The text a cell prints in DOCX and in print: "10.56", "100.00%", "40", "9.50", "—". Note: the writers take it from the
 * placed grid (table-grid.ts), which formats each cell once for both.
 */
export function cellText(v: CellValue): string {
  switch (v.kind) {
    case 'text':
      return v.text;
    case 'amount':
      return formatAmount(v.unit === '百元' ? v.value.times(HUNDRED) : v.value, v.grouping ?? false, amountPlaces(v));
    case 'percent':
      return v.style === 'bare' ? formatAmount(v.value.times(HUNDRED), false, v.places ?? 2) : formatPercent(v.value, v.places ?? 2);
    case 'score':
      return v.places !== undefined ? formatAmount(v.value, false, v.places) : v.fixed ? formatAmount(v.value) : formatScore(v.value);
    case 'number':
      return formatPlain(v.value);
    case 'na':
      return NOT_APPLICABLE;
    case 'empty':
      return '';
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
    case 'amount': {
      const places = amountPlaces(v);
      const format = fixedFormat(places);
      return { value: toNumber(roundTo(v.unit === '百元' ? v.value.times(HUNDRED) : v.value, places)), numFmt: v.grouping ? `#,##${format}` : format };
    }
    case 'percent': {
      const places = v.places ?? 2;
      // Note: a bare percentage is stored as the number printed (0.04 for 0.04%), so the sheet shows what the DOCX shows.
      if (v.style === 'bare') return { value: toNumber(roundTo(v.value.times(HUNDRED), places)), numFmt: fixedFormat(places) };
      // Note: places + 2 decimals of the fraction are the places of the percentage, so 0.9512 shows "95.12%".
      return { value: toNumber(roundTo(v.value, places + 2)), numFmt: `${fixedFormat(places)}%` };
    }
    case 'score': {
      if (v.places !== undefined) return { value: toNumber(roundTo(v.value, v.places)), numFmt: fixedFormat(v.places) };
      const r = round2(v.value);
      return { value: toNumber(r), numFmt: r.isInteger() && !v.fixed ? '0' : '0.00' };
    }
    // Note: formatPlain keeps every written decimal, so the format shows exactly that many ('General' may not).
    case 'number':
      return { value: toNumber(v.value), numFmt: fixedFormat(v.value.decimalPlaces()) };
    case 'text':
    case 'na':
    case 'empty':
      return null;
  }
}

/** Decimals an amount prints with: as given, else 0 for 百元 and 2 for 万元 and 元. */
const amountPlaces = (v: Extract<CellValue, { kind: 'amount' }>): number => v.places ?? (v.unit === '百元' ? 0 : 2);

/** Decimal → JS number; never negative zero. */
function toNumber(x: Decimal): number {
  const n = x.toNumber();
  return n === 0 ? 0 : n;
}
