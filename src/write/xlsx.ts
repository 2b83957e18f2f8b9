/** XLSX 写出：每张自评表一个工作表，含合并单元格、真实数字与数字格式、行高和 A4 打印设置。 */
import type ExcelJS from 'exceljs';
import { ExcelWorkbook } from './exceljs-workbook.js';
import type { Cell, CellRole, Table } from '../model/doc.js';
import { keepTogetherBreaks } from './xlsx-print.js';
import { cellNumber } from './cell-text.js';
import { workbookBytes } from './xlsx-parts.js';
import { placeCells, type PlacedCell } from './table-grid.js';
import { SheetData } from './xlsx-sheet-data.js';
import { TITLE_FONT_SIZE, TITLE_ROW_HEIGHT, CELL_FONT_SIZE, columnWidths, heightForLines, rowHeights, wrappedLines } from './xlsx-layout.js';

/** Workbook metadata: the title goes into docProps/core.xml, `when` into every date and zip time. */
export interface XlsxMeta {
  readonly title: string;
  readonly when: Date;
}

/** 方正小标宋简体 for titles, 黑体 for header cells, 仿宋_GB2312 for everything else (DOMAIN.md §3.0). */
const FONT = { title: '方正小标宋简体', header: '黑体', body: '仿宋_GB2312' } as const;
/** Note: charset 134 (GB2312) tells Excel these are Chinese faces, so it does not swap in a Latin font. */
const font = (name: string, size: number, bold = false): Partial<ExcelJS.Font> => ({ name, size, bold, charset: 134 });
const thin = { style: 'thin', color: { argb: 'FF000000' } } as const;
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const centred: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
const leftMiddle: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true };
const leftTop: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'top', wrapText: true };
/** Page margins in inches. */
const MARGINS = { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 };
/** 第 n 页，共 N 页, centred in the footer. Note: in a LibreOffice PDF, &N counts the pages of every sheet. */
const FOOTER = '&C第 &P 页，共 &N 页';
/** xlPaperSize 9 = A4. Note: exceljs declares PaperSize as an ambient const enum, unusable under isolatedModules. */
const A4 = 9 as ExcelJS.PaperSize;

/** Writes the self-evaluation tables (自评表) as one workbook, one worksheet per table, normalised for reproducible bytes. */
export async function tablesToXlsx(tables: readonly Table[], meta: XlsxMeta): Promise<Uint8Array> {
  return workbookBytes(tablesWorkbook(tables, meta), meta.when);
}

/** The exceljs workbook of the tables, before it is written. */
export function tablesWorkbook(tables: readonly Table[], meta: XlsxMeta): ExcelJS.Workbook {
  const wb = new ExcelWorkbook();
  Object.assign(wb, { creator: 'jixiao', lastModifiedBy: 'jixiao', title: meta.title, created: meta.when, modified: meta.when });
  const used: string[] = [];
  for (const table of tables) {
    const name = safeSheetName(table.sheetName, used);
    used.push(name);
    writeSheet(wb, name, table);
  }
  return wb;
}

function writeSheet(wb: ExcelJS.Workbook, name: string, table: Table): void {
  const grid = placeCells(table);
  const widths = columnWidths(table);
  const total = widths.reduce((a, b) => a + b, 0);
  const titleRows = table.subtitle === undefined ? 1 : 2;
  const frozen = titleRows + table.headerRows;
  // Note: an inner heading repeated on every page (the indicator header of a 自评表, Table.repeatFrom) is what the
  // printed pages repeat, as in the DOCX; otherwise the title and the leading header rows.
  const inner = table.repeatFrom === undefined ? undefined : { from: titleRows + 1 + table.repeatFrom, rows: table.repeatRows ?? 1 };
  const printTitlesRow = inner ? `${inner.from}:${inner.from + inner.rows - 1}` : `1:${frozen}`;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: A4,
      orientation: table.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: MARGINS,
      printTitlesRow,
    },
    headerFooter: { oddFooter: FOOTER },
    views: [{ state: 'frozen', xSplit: 0, ySplit: frozen }],
  });
  widths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  const data = new SheetData();
  data.attachTo(ws);

  const fullRow = (row: number, text: string, style: Partial<ExcelJS.Style>, height: number) => {
    data.merge(row, 1, row, grid.width);
    data.value(row, 1, text);
    // Note: the cells the line covers have its style, as Excel gives a merge's cells the format of its first: the same
    // shared object, so that exceljs registers one style (it registers each style object it has not seen), and every
    // covered cell is a plain styled cell (xlsx-sheet-data.ts), none a merge cell whose address exceljs decodes.
    for (let c = 1; c <= grid.width; c++) data.style(row, c, style);
    data.setHeight(row, height);
  };
  const titleLines = wrappedLines(table.title, total, TITLE_FONT_SIZE);
  fullRow(1, table.title, TITLE_STYLE, Math.max(TITLE_ROW_HEIGHT, heightForLines(titleLines, TITLE_FONT_SIZE) + 2));
  if (table.subtitle !== undefined) {
    fullRow(2, table.subtitle, LINE_STYLE, heightForLines(wrappedLines(table.subtitle, total)));
  }

  const heights = rowHeights(grid, widths);
  // Note: print titles repeat the title and the leading header rows; a manual break before a multi-row header that the
  // page would cut keeps it whole (xlsx-print.ts). The breaks are known before the cells are written, so that a label
  // spanning rows across a break (一级/二级指标 beside their indicators) is merged on each page and shown on both.
  const titleHeight = [...Array(titleRows).keys()].reduce((a, r) => a + (data.height(r + 1) ?? 0), 0);
  const printTitles = inner
    ? heights.slice(inner.from - titleRows - 1, inner.from - titleRows - 1 + inner.rows).reduce((a, b) => a + b, 0)
    : titleHeight + heights.slice(0, table.headerRows).reduce((a, b) => a + b, 0);
  const breaks = keepTogetherBreaks(grid, heights, {
    orientation: table.orientation,
    margins: MARGINS,
    widthUnits: total,
    titleHeight: printTitles,
    leadHeight: titleHeight,
  });
  for (const row of grid.rows)
    for (const whole of row)
      for (const p of pagePieces(whole, breaks)) {
        const top = titleRows + 1 + p.row;
        const left = p.col + 1;
        const bottom = top + p.rowSpan - 1;
        const right = left + p.colSpan - 1;
        // Note: placeCells has asserted that the grid's spans never overlap, so no merge is checked against the others.
        if (bottom > top || right > left) data.merge(top, left, bottom, right);
        const num = cellNumber(p.cell.value);
        // Note: Excel draws borders cell by cell, so every cell of a merged range gets its own box.
        for (let r = top; r <= bottom; r++)
          for (let c = left; c <= right; c++) data.style(r, c, styleOf(p.cell, r === top && c === left ? num?.numFmt : undefined));
        if (num) {
          if (p.row === whole.row) data.value(top, left, num.value); // Note: an amount is never repeated (it would read as twice)
        } else {
          const text = whole.text;
          // Note: a label repeated on a new page refers to the cell it continues (=A18), so a reader can tell it from a
          // new group that happens to start the page with the same text, and an edit of the label carries over.
          // Note: '' would become a shared string; empty stays null
          if (text !== '') data.value(top, left, p.row === whole.row ? text : { formula: data.address(titleRows + 1 + whole.row, left), result: text });
        }
      }
  heights.forEach((h, r) => {
    data.setHeight(titleRows + 1 + r, h);
  });
  for (const r of breaks) ws.getRow(titleRows + r).addPageBreak();

  let row = titleRows + grid.rows.length;
  for (const note of table.notes) {
    row += 1;
    fullRow(row, note, LINE_STYLE, heightForLines(wrappedLines(note, total)));
  }
}

/**
 * A placed cell cut at the page breaks its row span crosses (`breaks`: the rows that start a page), as pieces of the
 * same cell: each is merged on its own page and shows the text again, so that a continued 一级/二级指标 group names
 * its label on the new page (issue 13). A cell that crosses no break is its one piece.
 */
export function pagePieces(p: PlacedCell, breaks: readonly number[]): PlacedCell[] {
  const end = p.row + p.rowSpan;
  const cuts = breaks.filter((b) => b > p.row && b < end);
  if (cuts.length === 0) return [p];
  return [p.row, ...cuts].map((start, i) => ({ ...p, row: start, rowSpan: (cuts[i] ?? end) - start }));
}

/**
 * Style of a table cell by its role: 黑体 for header and section lines, 仿宋_GB2312 otherwise; long text left and top;
 * with the number format of its value. One object per distinct style, shared by every cell of every workbook that has
 * it. Note: exceljs remembers the style id of each style object it has seen in a workbook, so sharing saves
 * registering the style of every cell (issue 14); the objects are frozen, as a cell must never mutate its style (set
 * numFmt through this, not cell.numFmt).
 */
function styleOf(cell: Cell, numFmt: string | undefined): Partial<ExcelJS.Style> {
  const role: CellRole = cell.role ?? 'value';
  const bold = cell.bold ?? false;
  // Note: by role and weight, then format, without making a key string for every cell.
  const byFormat = CELL_STYLES[role][bold ? 1 : 0];
  let style = byFormat.get(numFmt);
  if (!style) {
    const face = role === 'header' || role === 'section' ? FONT.header : FONT.body;
    const alignment = role === 'text' ? leftTop : role === 'section' ? leftMiddle : centred;
    style = Object.freeze({ font: font(face, CELL_FONT_SIZE, bold), alignment, border: box, ...(numFmt !== undefined ? { numFmt } : {}) });
    byFormat.set(numFmt, style);
  }
  return style;
}

/**
 * The cell styles met so far, by role, weight (plain, bold) and number format (a handful), shared by every workbook of
 * the process.
 */
type ByFormat = Map<string | undefined, Partial<ExcelJS.Style>>;
const byWeight = (): [ByFormat, ByFormat] => [new Map(), new Map()];
const CELL_STYLES: Record<CellRole, [ByFormat, ByFormat]> = {
  header: byWeight(),
  label: byWeight(),
  value: byWeight(),
  text: byWeight(),
  section: byWeight(),
};
/** The title row's style and the style of a full-width line (subtitle, note), for every cell the line covers. */
const TITLE_STYLE: Partial<ExcelJS.Style> = Object.freeze({ font: font(FONT.title, TITLE_FONT_SIZE), alignment: centred });
const LINE_STYLE: Partial<ExcelJS.Style> = Object.freeze({ font: font(FONT.body, CELL_FONT_SIZE), alignment: leftMiddle });

/**
 * A worksheet name Excel accepts: without []:*?/\ and apostrophes, at most 31 characters,
 * not "History", and unique (case-insensitively) among `used`.
 */
export function safeSheetName(wanted: string, used: readonly string[]): string {
  // Note: exceljs writes the name unescaped into the Print_Titles defined name, so an apostrophe would break it.
  const cleaned = wanted.replace(/[[\]:*?/\\']/g, '').trim();
  const base = cleaned === '' || cleaned.toLowerCase() === 'history' ? 'Sheet' : cleaned;
  const taken = new Set(used.map((u) => u.toLowerCase()));
  // Note: Excel counts UTF-16 units; never cut a surrogate pair in half.
  const clip = (s: string, n: number) => {
    let out = '';
    for (const ch of s) {
      if (out.length + ch.length > n) break;
      out += ch;
    }
    return out;
  };
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '' : `(${i})`;
    const name = clip(base, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
