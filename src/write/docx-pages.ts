/**
 * DOCX 表格分页：按偏大的行高估计算出表格在每页的起止行，在页尾把表格切成相邻的表，续页的表先重复表头，
 * 跨页的 一级/二级 指标标签在续页重新写出，过长的行在页尾按行切开（issue 13）。
 * Word、WPS、LibreOffice 各自分页，都不会在续页重复纵向合并的标签，所以分页由 jixiao 定：每行写出估计的最小行高
 * （`atLeast`），阅读器排出的行高就是估计的行高，每页的内容也就不会多于一页。
 */
import type { Block, Table } from '../model/doc.js';
import { cutAfterLines, textLines } from './docx-measure.js';
import { spanWidth, type Grid, type PlacedCell } from './table-grid.js';
import { CANT_SPLIT_MAX_LINES, CELL_MARGINS, LINE_PITCH, SIZE } from './styles.js';

/** 表格文字 and 表头 are set on an exact 15 pt line (`JxTableText`), so a row's height follows from its lines. */
export const TABLE_LINE = 300;
/** 五号 in twips: the em the cell widths are measured in. */
const CELL_EM = 210;
/** Room a line keeps free for what the estimate cannot see (a wider glyph, justification), in ems. */
const LINE_SLACK = 0.25;
/** Height of a row beyond its lines: the cell margins, and a border. */
const ROW_EXTRA = CELL_MARGINS.top + CELL_MARGINS.bottom + 10;
/** Room a page keeps free below its last row, in twips (10 pt). */
const PAGE_SLACK = 100;
/** A long row is cut at the foot of a page only when at least this many of its lines go there. */
const MIN_CUT_LINES = 2;
/** The 1 pt paragraph between two pieces of a table (docx-body.ts JOINT). */
export const JOINT_HEIGHT = 20;

/** Lines of a cell's text in a column `twips` wide. */
export const cellLines = (text: string, twips: number, bold = false): number => textLines(text, widthEms(twips), bold);
const widthEms = (twips: number) => (twips - CELL_MARGINS.left - CELL_MARGINS.right) / CELL_EM - LINE_SLACK;

/** A table row as written: the whole row, or a part of a row cut at a page foot (its cells' text in `texts`). */
export interface RowPart {
  readonly row: number;
  /** The text of each single-row cell of a cut row, by grid column; absent: the cell's own text. */
  readonly texts?: ReadonlyMap<number, string>;
  /** The second or later part of a cut row: its values stay in the first part (an amount is never printed twice). */
  readonly continued?: boolean;
  /** Lines of its tallest one-row cell. */
  readonly lines: number;
  /** Height in twips (written as the row's least height). */
  readonly height: number;
}

/** One DOCX table of a written table. */
export interface Piece {
  /** The piece starts a page: the paragraph before it breaks the page. */
  readonly newPage: boolean;
  /** Rows repeated from above at its top (the header, on a continued page), marked as header rows. */
  readonly headerCopy: readonly RowPart[];
  readonly parts: readonly RowPart[];
  /** Leading parts that are the table's own header rows, repeated by the viewer if it breaks the piece. */
  readonly headerRows: number;
}

/** The running texts (role 'text') that span several rows, row `r` among them. */
const textSpans = (grid: Grid, r: number): PlacedCell[] =>
  [...grid.rows[r]!, ...grid.coveredFromAbove[r]!.filter((p): p is PlacedCell => p !== undefined)].filter((p) => p.rowSpan > 1 && p.cell.role === 'text');

/** The last row a running text spanning row `r` covers; `r` when there is none. */
const textSpanEnd = (grid: Grid, r: number): number => Math.max(r, ...textSpans(grid, r).map((p) => p.row + p.rowSpan - 1));

/** Whether a row holds labels only (section lines, column headers): it keeps with the row below. */
export const labelsOnly = (grid: Grid, r: number): boolean => grid.rows[r]!.every((p) => p.cell.role === 'header' || p.cell.role === 'section');

const heightOf = (lines: number) => lines * TABLE_LINE + ROW_EXTRA;

/** Lines of each row's tallest one-row cell, and its height with what its spanning labels still lack. */
export function rowMeasures(grid: Grid, widths: readonly number[]): { lines: number[]; heights: number[] } {
  const lines = grid.rows.map((row) =>
    Math.max(1, ...row.filter((p) => p.rowSpan === 1).map((p) => cellLines(p.text, spanWidth(widths, p), p.cell.bold ?? false))),
  );
  const heights = lines.map(heightOf);
  for (const row of grid.rows)
    for (const p of row) {
      if (p.rowSpan === 1) continue;
      const need = heightOf(cellLines(p.text, spanWidth(widths, p), p.cell.bold ?? false));
      const lack = need - heights.slice(p.row, p.row + p.rowSpan).reduce((a, b) => a + b, 0);
      if (lack > 0) for (let r = p.row; r < p.row + p.rowSpan; r++) heights[r]! += Math.ceil(lack / p.rowSpan);
    }
  return { lines, heights };
}

/** The pieces of a table the viewer paginates itself: one, or two where the table repeats an inner header. */
export function flowingPieces(table: Table, grid: Grid, widths: readonly number[]): Piece[] {
  const { lines, heights } = rowMeasures(grid, widths);
  const part = (r: number): RowPart => ({ row: r, lines: lines[r]!, height: heights[r]! });
  return basePieces(table).map(([from, to, header]) => ({
    newPage: false,
    headerCopy: [],
    parts: Array.from({ length: to - from }, (_, k) => part(from + k)),
    headerRows: header,
  }));
}

/** The stretches of a table written as adjacent DOCX tables: [first row, end row, leading rows repeated on each page]. */
function basePieces(table: Table): [number, number, number][] {
  const at = table.repeatFrom;
  const n = table.rows.length;
  if (at === undefined || at <= 0 || at >= n) return [[0, n, table.headerRows]];
  return [
    [0, at, Math.min(table.headerRows, at)],
    [at, n, Math.min(table.repeatRows ?? 1, n - at)],
  ];
}

/**
 * The pieces of a table that starts `used` twips down a page whose text is `pageHeight` twips high: each page's rows
 * in a piece of its own; a continued page starts with the header of its stretch (the indicator header after
 * `repeatFrom`, else the leading header rows). A row of labels only moves with the row after it; a row of more than
 * CANT_SPLIT_MAX_LINES lines is cut at the page foot (at least MIN_CUT_LINES lines on each side), any other row moves
 * whole to the next page.
 */
export function pagedPieces(table: Table, grid: Grid, widths: readonly number[], pageHeight: number, used: number): Piece[] {
  const { lines, heights } = rowMeasures(grid, widths);
  const whole = (r: number): RowPart => ({ row: r, lines: lines[r]!, height: heights[r]! });
  const capacity = pageHeight - PAGE_SLACK;
  const pieces: Piece[] = [];
  let rowsOnPage = 0;
  /** The header of the stretch before, and its height. */
  let last: { header: RowPart[]; height: number } = { header: [], height: 0 };
  for (const [from, to, header] of basePieces(table)) {
    const headerParts = Array.from({ length: header }, (_, k) => whole(from + k));
    const headerHeight = headerParts.reduce((a, p) => a + p.height, 0);
    if (pieces.length > 0) used += JOINT_HEIGHT;
    let parts: RowPart[] = [];
    let copy: RowPart[] = [];
    let newPage = false;
    let own = header;
    const place = (part: RowPart) => {
      parts.push(part);
      used += part.height;
      rowsOnPage++;
    };
    /** Ends the page: the next piece starts a page, with a copy of the stretch's header unless it starts the stretch. */
    const turnPage = (withCopy: boolean) => {
      if (parts.length > 0) pieces.push({ newPage, headerCopy: copy, parts, headerRows: own });
      parts = [];
      newPage = true;
      copy = withCopy ? headerParts : [];
      own = withCopy ? 0 : header;
      used = JOINT_HEIGHT + (withCopy ? headerHeight : 0);
      rowsOnPage = 0;
    };
    let r = from;
    while (r < to) {
      // A row of labels goes with the rows of labels after it and the first row of values (or its first lines).
      // So do the rows a running text spans (the Sichuan 计分表's one 评分标准 for four 效益 indicators): cut, it would
      // be printed again whole on the next page, in rows made for a part of it.
      let end = r;
      for (let more = true; more; ) {
        more = false;
        while (end + 1 < to && labelsOnly(grid, end)) end++;
        const spanned = textSpanEnd(grid, end);
        if (spanned > end && spanned < to) {
          end = spanned;
          more = true;
        }
      }
      const group = heights.slice(r, end).reduce((a, b) => a + b, 0);
      const room = capacity - used - group;
      const cut = heights[end]! <= room ? undefined : cutRow(grid, widths, whole(end), room);
      if (heights[end]! <= room || cut || rowsOnPage === 0) {
        for (let k = r; k < end; k++) place(whole(k));
        if (!cut) place(whole(end));
        else {
          // The rest of the row starts the next page, and may be cut again there.
          let [first, rest] = cut;
          for (;;) {
            place(first);
            turnPage(true);
            const more = rest.height <= capacity - used ? undefined : cutRow(grid, widths, rest, capacity - used);
            if (!more) break;
            [first, rest] = more;
          }
          place(rest);
        }
        r = end + 1;
      } else {
        // The last row (合计) never stands alone on a page: the row before it goes along, if it is whole.
        const before = parts[parts.length - 1];
        if (r === to - 1 && rowsOnPage >= 2 && before && !before.texts && !labelsOnly(grid, before.row)) {
          parts.pop();
          turnPage(true);
          place(before);
        } else if (r === from && moveLabels()) {
          // The stretch goes on after them, on the new page.
        } else turnPage(r !== from);
      }
    }
    if (parts.length > 0) pieces.push({ newPage, headerCopy: copy, parts, headerRows: own });
    last = { header: headerParts, height: headerHeight };
  }
  // Note: a table without rows is still one (empty) table, as the viewer would have it.
  return pieces.length > 0 ? pieces : flowingPieces(table, grid, widths);

  /**
   * A stretch that starts on a new page takes along the rows of labels that end the stretch before it (a section line
   * such as “三、部门整体支出绩效指标” never ends a page): they start the page, under their own stretch's header.
   */
  function moveLabels(): boolean {
    const before = pieces[pieces.length - 1];
    if (!before) return false;
    let k = before.parts.length;
    while (k > 0 && !before.parts[k - 1]!.texts && labelsOnly(grid, before.parts[k - 1]!.row)) k--;
    if (k === before.parts.length || k === 0) return false;
    const moved = before.parts.slice(k);
    pieces[pieces.length - 1] = { ...before, parts: before.parts.slice(0, k) };
    pieces.push({ newPage: true, headerCopy: last.header, parts: moved, headerRows: 0 });
    used = JOINT_HEIGHT + last.height + moved.reduce((a, p) => a + p.height, 0) + JOINT_HEIGHT;
    rowsOnPage = moved.length;
    return true;
  }
}

/**
 * A row (or the rest of a cut row) cut so that its first part fits `room` twips: [first part, the rest], or
 * undefined when the row is not long enough to cut, the room holds fewer than MIN_CUT_LINES of its lines, or a cell
 * other than running text would not fit.
 */
function cutRow(grid: Grid, widths: readonly number[], part: RowPart, room: number): [RowPart, RowPart] | undefined {
  // Note: a row under a running text that spans rows is not cut (the text would be printed again whole on the next page).
  if (part.lines <= CANT_SPLIT_MAX_LINES || textSpans(grid, part.row).length > 0) return undefined;
  const fit = Math.floor((room - ROW_EXTRA) / TABLE_LINE);
  if (fit < MIN_CUT_LINES || part.lines - fit < MIN_CUT_LINES) return undefined;
  const head = new Map<number, string>();
  const tail = new Map<number, string>();
  for (const p of grid.rows[part.row]!) {
    if (p.rowSpan > 1) continue;
    const text = part.texts?.get(p.col) ?? p.text;
    const w = spanWidth(widths, p);
    const bold = p.cell.bold ?? false;
    if (cellLines(text, w, bold) <= fit) {
      head.set(p.col, text);
      // Note: the rest of a row repeats its labels (the 三级指标 name), never a value.
      tail.set(p.col, p.cell.role === 'header' || p.cell.role === 'section' ? text : '');
      continue;
    }
    if (p.cell.role !== 'text') return undefined;
    const [a, b] = cutAfterLines(text, widthEms(w), fit, bold);
    head.set(p.col, a);
    tail.set(p.col, b);
  }
  const measure = (texts: Map<number, string>) =>
    Math.max(
      1,
      ...grid.rows[part.row]!.filter((p) => p.rowSpan === 1).map((p) => cellLines(texts.get(p.col) ?? '', spanWidth(widths, p), p.cell.bold ?? false)),
    );
  const headLines = measure(head);
  const tailLines = measure(tail);
  return [
    { row: part.row, texts: head, ...(part.continued ? { continued: true } : {}), lines: headLines, height: heightOf(headLines) },
    { row: part.row, texts: tail, continued: true, lines: tailLines, height: heightOf(tailLines) },
  ];
}

/** The text a part shows in a one-row cell. */
export const partText = (part: RowPart, p: PlacedCell): string => part.texts?.get(p.col) ?? p.text;

/** Whether a row of this many lines stays whole on one page (`w:cantSplit`). */
export const keepsWhole = (lines: number): boolean => lines <= CANT_SPLIT_MAX_LINES;

/**
 * A single line of an auto-spaced paragraph, as a multiple of its font size: the CJK fonts that stand in for
 * 仿宋_GB2312 and 方正小标宋 are about 1.3 (Word, 宋体) to 1.44 (LibreOffice, Noto CJK) high; 1.5 errs high.
 */
const SINGLE_LINE = 1.5;

/** Height in twips of an auto-spaced paragraph at `size` half-points with `line`/240 line spacing and `after` twips after it. */
function paragraphHeight(text: string, width: number, size: number, line: number, after = 0, indentEms = 0): number {
  const em = size * 10;
  const lines = textLines(text, width / em - indentEms - LINE_SLACK);
  return Math.ceil(lines * em * SINGLE_LINE * (line / 240)) + after;
}

/** The title (文档标题: 小二, 8 pt after) of a table or a document. */
const titleHeight = (text: string, width: number) => paragraphHeight(text, width, SIZE.小二, 240, 160);

/** Height of what a table block writes above its first row: its title, and its subtitle with the empty line under it. */
export function tableLeadHeight(table: Table, width: number): number {
  return titleHeight(table.title, width) + (table.subtitle ? paragraphHeight(table.subtitle, width, SIZE.四号, 300) + TABLE_LINE : 0);
}

/**
 * How far down its page each block of a form section starts, in twips, where that is known: the section starts a page,
 * and so does a page break; titles, headings, paragraphs and the 附件 label are measured; after a table (or anything else) it is not
 * known until the next page break. A table whose start is known is paginated by jixiao.
 */
export function pageTops(blocks: readonly Block[], width: number): (number | undefined)[] {
  let top: number | undefined = 0;
  return blocks.map((b) => {
    const at = top;
    if (b.type === 'pageBreak') top = 0;
    else if (top === undefined) top = undefined;
    else if (b.type === 'title') top += titleHeight(b.text, width);
    else if (b.type === 'heading' || b.type === 'paragraph') top += paragraphHeight(b.text, width, SIZE.三号, 300, 0, b.type === 'heading' || b.indent ? 2 : 0);
    // Note: the 附件 label of an official document's attachment is one line of the official grid (docx-official.ts).
    else if (b.type === 'attachmentMark') top += LINE_PITCH;
    else top = undefined;
    return at;
  });
}
