/**
 * XLSX 打印分页：估算每页能印的行，在多行表头（如云南部门整体表的两行“批复金额”表头）会被分页切开时，
 * 在它前面插入手动分页符，使合并的表头整体印在新页顶端（issue 13）。
 */
import type { Grid } from './table-grid.js';

/** A4 in points. */
const A4_POINTS = { width: 595, height: 842 } as const;
/** Points per Excel column width unit (a digit of the default 11 pt font is 7 px, 5.25 pt, plus padding). */
const POINTS_PER_UNIT = 5.6;
/**
 * Share of the estimated page height the breaks count on. Row heights are ours (every row has a custom height), so
 * the one estimate is the fit-to-width scale, from the column widths: a break placed a little early is harmless, one
 * placed late would let the viewer cut the header anyway. Note: 0.85 left Sichuan 计分表 pages a third empty.
 */
const SAFETY = 0.95;

export interface PrintFrame {
  readonly orientation: 'portrait' | 'landscape';
  /** Margins in inches, as exceljs takes them. */
  readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  /** Sum of the column widths, in width units. */
  readonly widthUnits: number;
  /** Height of the rows repeated on every page (print titles), in points. */
  readonly titleHeight: number;
  /** Height of the rows above the table on the first page, in points. */
  readonly leadHeight: number;
}

/**
 * Groups of table rows that must print on one page: rows joined by a row span of header cells (a two-row header).
 * Each group is [first row, last row], in table rows.
 */
export function headerGroups(grid: Grid): [number, number][] {
  const groups: [number, number][] = [];
  for (const row of grid.rows)
    for (const p of row) {
      if (p.rowSpan < 2 || p.cell.role === undefined || !['header'].includes(p.cell.role)) continue;
      // Note: a header cell spanning rows of values (the 一级指标 label beside its indicators) is no header group.
      const spanned = grid.rows.slice(p.row, p.row + p.rowSpan);
      if (!spanned.every((cells) => cells.every((c) => c.cell.role === 'header' || c.cell.role === 'section'))) continue;
      const last = groups[groups.length - 1];
      if (last && p.row <= last[1]) last[1] = Math.max(last[1], p.row + p.rowSpan - 1);
      else groups.push([p.row, p.row + p.rowSpan - 1]);
    }
  return groups;
}

/**
 * Table rows before which a page starts, from estimated row heights: the page is scaled to fit its width
 * (fitToWidth 1), each page after the first starts below the print titles, and a header group moves whole to the next
 * page. Note: every break is a manual one, on a page estimated short (SAFETY), so that the viewer's own breaks, which
 * would fall where its row heights put them, never come first and cut a header.
 */
export function keepTogetherBreaks(grid: Grid, heights: readonly number[], frame: PrintFrame): number[] {
  const groups = headerGroups(grid);
  const page = frame.orientation === 'landscape' ? { w: A4_POINTS.height, h: A4_POINTS.width } : { w: A4_POINTS.width, h: A4_POINTS.height };
  const printableW = page.w - (frame.margins.left + frame.margins.right) * 72;
  const printableH = page.h - (frame.margins.top + frame.margins.bottom) * 72;
  const scale = Math.min(1, printableW / Math.max(1, frame.widthUnits * POINTS_PER_UNIT));
  const capacity = (printableH / scale) * SAFETY;
  const breaks: number[] = [];
  let used = frame.leadHeight;
  const startOf = new Map(groups.map(([a, b]) => [a, b]));
  for (let r = 0; r < heights.length; r++) {
    const end = startOf.get(r);
    const need = end === undefined ? heights[r]! : heights.slice(r, end + 1).reduce((a, b) => a + b, 0);
    if (used + need > capacity && used > frame.titleHeight) {
      breaks.push(r);
      used = frame.titleHeight;
    }
    if (end !== undefined) {
      used += need;
      r = end;
    } else used += heights[r]!;
  }
  return breaks;
}
