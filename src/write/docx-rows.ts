/** DOCX 行高估算：按列宽与字号估计每行文字的行数，决定哪些行整行不跨页（issue 13）。 */
import type { Grid } from './table-grid.js';
import { cellText } from './cell-text.js';
import { CANT_SPLIT_MAX_LINES, CELL_MARGINS } from './styles.js';
import { wrappedLines } from './xlsx-layout.js';

/** Twips per XLSX width unit at 五号: a CJK glyph of 10.5 pt is 210 twips wide and counts 2 units. */
const TWIPS_PER_UNIT = 105;

/** Lines of text a cell `twips` wide (its margins included) holds at 五号, as the XLSX estimate counts them. */
export const cellLines = (text: string, twips: number): number => wrappedLines(text, (twips - CELL_MARGINS.left - CELL_MARGINS.right) / TWIPS_PER_UNIT);

/** Lines of each row's tallest one-row cell; a cell spanning rows is a short label and leaves the rows free. */
export function rowLines(grid: Grid, widths: readonly number[]): number[] {
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  return grid.rows.map((row) => Math.max(1, ...row.filter((p) => p.rowSpan === 1).map((p) => cellLines(cellText(p.cell.value), spanWidth(p.col, p.colSpan)))));
}

/** Whether a row of this many lines stays whole on one page (`w:cantSplit`). */
export const keepsWhole = (lines: number): boolean => lines <= CANT_SPLIT_MAX_LINES;
