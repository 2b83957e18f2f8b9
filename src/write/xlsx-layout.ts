/** XLSX 版面估算：列宽缩放与行高估计（exceljs 的 wrapText 不会自动撑高行）。 */
import type { Table } from '../model/doc.js';
import { spanWidth, type Grid, type PlacedCell } from './table-grid.js';

/** 五号, the size of every table cell, in points. */
export const CELL_FONT_SIZE = 10.5;
/** 小二 would be 18 pt; 16 pt keeps a long 自评表 title on one line of a landscape sheet. */
export const TITLE_FONT_SIZE = 16;
/** Height of the title row, in points. */
export const TITLE_ROW_HEIGHT = 36;

/** Line pitch as a multiple of the font size, and the padding of a row, in points. */
const LINE_FACTOR = 1.4;
const ROW_PADDING = 6;

/**
 * Column widths in Excel width units (one unit ≈ one Latin digit of the default font; a CJK glyph
 * at 10.5 pt is about 2), scaled so a landscape table totals ~150 units and a portrait one ~100.
 */
export function columnWidths(table: Table): number[] {
  const total = table.orientation === 'landscape' ? 150 : 100;
  const sum = table.columns.reduce((a, b) => a + b, 0);
  return table.columns.map((w) => Math.round((sum > 0 ? w / sum : 1 / table.columns.length) * total * 10) / 10);
}

/** Display width of a text in width units: full-width (CJK) characters count 2, half-width ones 1. */
export function textUnits(text: string): number {
  let units = 0;
  // Note: by UTF-16 unit, without a string per character; a surrogate pair is one character of 2 units, as a lone
  // surrogate is.
  for (let i = 0; i < text.length; i++) {
    const cu = text.charCodeAt(i);
    if (cu >= 0xd800 && cu <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    units += cu < 0x1100 || (cu >= 0xff61 && cu <= 0xffdc) ? 1 : 2;
  }
  return units;
}

/**
 * Lines a text wraps to in a cell `width` units wide at 10.5 pt:
 * ⌈characters ÷ ⌊width ÷ 2⌋⌉ per paragraph, counting a half-width character as half a character.
 */
export function wrappedLines(text: string, width: number, fontSize = CELL_FONT_SIZE): number {
  const scale = fontSize / CELL_FONT_SIZE;
  const perLine = Math.max(1, Math.floor(width / (2 * scale)));
  const lines = (para: string) => Math.max(1, Math.ceil(textUnits(para) / 2 / perLine));
  return text.includes('\n') ? text.split('\n').reduce((n, para) => n + lines(para), 0) : lines(text);
}

/** Row height in points for a number of lines at a font size. */
export const heightForLines = (lines: number, fontSize = CELL_FONT_SIZE): number => Math.ceil((lines * fontSize * LINE_FACTOR + ROW_PADDING) * 10) / 10;

/**
 * Estimated heights of the table rows: each row fits its tallest single-row cell; a cell spanning
 * several rows adds whatever its text still lacks, split evenly over the rows it spans.
 */
export function rowHeights(grid: Grid, widths: readonly number[]): number[] {
  const heights = grid.rows.map(() => heightForLines(1));
  const need = (p: PlacedCell) => heightForLines(wrappedLines(p.text, spanWidth(widths, p)));
  for (const row of grid.rows) for (const p of row) if (p.rowSpan === 1) heights[p.row] = Math.max(heights[p.row]!, need(p));
  for (const row of grid.rows)
    for (const p of row) {
      if (p.rowSpan === 1) continue;
      let spanned = 0;
      for (let r = p.row; r < p.row + p.rowSpan; r++) spanned += heights[r]!;
      const lack = need(p) - spanned;
      if (lack <= 0) continue;
      const extra = Math.ceil((lack / p.rowSpan) * 10) / 10;
      for (let r = p.row; r < p.row + p.rowSpan; r++) heights[r] = Math.round((heights[r]! + extra) * 10) / 10;
    }
  return heights;
}
