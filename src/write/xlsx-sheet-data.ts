/**
 * 工作表的行与单元格，直接写成 exceljs 的工作表模型（worksheet.model 的 rows），不经它的 Row、Cell、Range 对象：
 * 同样的模型交给 exceljs 同样的 prepare、render，写出的 XML 逐字节相同（issue 14）。
 */
import type ExcelJS from 'exceljs';

/** exceljs's value types (lib/doc/enums.js, ValueType) of the cells a table has. */
const NULL = 0;
const MERGE = 1;
const NUMBER = 2;
const STRING = 3;
const FORMULA = 6;

/** A cell's model as exceljs's Cell.model gives it for the values a table has (lib/doc/cell.js, the *Value classes). */
interface CellModel {
  address: string;
  type: number;
  style: Partial<ExcelJS.Style>;
  value?: string | number;
  master?: string;
  formula?: string;
  result?: string;
}

/** A row's model as exceljs's Row.model gives it (lib/doc/row.js). */
interface RowModel {
  cells: CellModel[];
  number: number;
  min: number;
  max: number;
  height: number | undefined;
  style: Partial<ExcelJS.Style>;
  hidden: boolean;
  outlineLevel: number;
  collapsed: boolean;
}

/** A value a cell is given: text, a number, or a formula with its cached result. */
export type SheetValue = string | number | { readonly formula: string; readonly result: string };

/** Excel's columns per row, and one more: row × COLUMNS + column orders cells by row, then column. */
const COLUMNS = 16385;

/** Column letters by number (1 = A), built as they are first asked for. */
const LETTERS: string[] = [''];
export function columnLetters(col: number): string {
  for (let n = LETTERS.length; n <= col; n++) {
    let s = '';
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
    LETTERS.push(s);
  }
  return LETTERS[col]!;
}

/** Whether a style sets nothing, so that exceljs gives it style id 0 (the workbook's default). */
function isUnstyled(style: Partial<ExcelJS.Style>): boolean {
  // Note: without Object.keys, which made an array for every covered cell.
  for (const _ in style) return false;
  return true;
}

/** The style a row has: none. One object, as exceljs registers each style object it has not seen (styles-xform.js). */
const ROW_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/**
 * The cells of one worksheet, built row by row and handed to exceljs as its worksheet model.
 * Note: exceljs's own path (ws.getCell, ws.mergeCells) makes a Cell and a value object for every cell of every merge and
 * turns addresses into strings and back; this keeps one plain model per cell, the object exceljs would have made from
 * them, so the XML it writes is the same (tests/kit/xlsx-sheet-data.test.ts compares it with exceljs's own path).
 */
export class SheetData {
  private readonly rows: CellModel[][] = [];
  private readonly heights: (number | undefined)[] = [];
  /** The merges exceljs writes, each with the place of its first covered cell (row × COLUMNS + column). */
  private readonly listed: { readonly at: number; readonly range: string }[] = [];

  /** The cell at row r, column c (1-based), an empty one if it has not been touched. */
  private cell(r: number, c: number): CellModel {
    let row = this.rows[r - 1];
    if (!row) {
      row = [];
      this.rows[r - 1] = row;
    }
    let cell = row[c - 1];
    if (!cell) {
      cell = { address: columnLetters(c) + r, type: NULL, style: ROW_STYLE };
      row[c - 1] = cell;
    }
    return cell;
  }

  /** The address of the cell at row r, column c: A1 for (1, 1). */
  address(r: number, c: number): string {
    return columnLetters(c) + r;
  }

  /** Merges top..bottom × left..right into its top-left cell, as ws.mergeCells does: every other cell refers to it. */
  merge(top: number, left: number, bottom: number, right: number): void {
    const master = this.cell(top, left);
    // Note: a one-cell merge (a full-width line of a one-column table) covers no cell; exceljs does not list it.
    if (top === bottom && left === right) return;
    const range = `${master.address}:${this.address(bottom, right)}`;
    // Note: exceljs lists a sheet's merges (<mergeCells>) from its merge cells, in the order their first covered cells
    // come in row order, decoding the address of every one of them (Merges.add in worksheet-xform's prepare: 2.8 % of a
    // build). This keeps the list itself, in that order (model()), and the covered cells are the same empty styled <c/>
    // as plain empty cells: they are those, with their master kept.
    const [firstRow, firstCol] = right > left ? [top, left + 1] : [top + 1, left];
    this.listed.push({ at: firstRow * COLUMNS + firstCol, range });
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        const cell = this.cell(r, c);
        cell.type = NULL;
        cell.master = master.address;
        cell.style = master.style;
      }
  }

  /** Gives the cell at (r, c) its style (an object shared by every cell that has it). */
  style(r: number, c: number, style: Partial<ExcelJS.Style>): void {
    this.cell(r, c).style = style;
  }

  /** Gives the cell at (r, c) its value, as `cell.value = value` does in exceljs. */
  value(r: number, c: number, value: SheetValue): void {
    const { address, style } = this.cell(r, c);
    this.rows[r - 1]![c - 1] =
      typeof value === 'string'
        ? { address, type: STRING, value, style }
        : typeof value === 'number'
          ? { address, type: NUMBER, value, style }
          : { address, type: FORMULA, formula: value.formula, result: value.result, style };
  }

  /** Sets row r's height in points. */
  setHeight(r: number, height: number): void {
    this.heights[r - 1] = height;
  }

  /** Row r's height in points, if it has one. */
  height(r: number): number | undefined {
    return this.heights[r - 1];
  }

  /**
   * The rows and the sheet's dimensions as exceljs's Worksheet.model has them (a row with neither cells nor a height is
   * left out, a row's cells in column order with the row's first and last column), and the merges as its prepare
   * lists them (mergeCells).
   */
  model(): { rows: RowModel[]; dimensions: string | undefined; mergeCells: string[] } {
    const rows: RowModel[] = [];
    let top = 0;
    let left = 0;
    let bottom = 0;
    let right = 0;
    const count = Math.max(this.rows.length, this.heights.length);
    for (let i = 0; i < count; i++) {
      const cells: CellModel[] = [];
      let min = 0;
      let max = 0;
      const row = this.rows[i];
      if (row)
        row.forEach((cell, c) => {
          // Note: exceljs writes no empty cell without a style (style id 0), but writes every merge cell: a covered
          // cell without a style stays a merge cell.
          if (cell.type === NULL && cell.master !== undefined && isUnstyled(cell.style)) cell.type = MERGE;
          if (!min) min = c + 1;
          max = c + 1;
          cells.push(cell);
        });
      const height = this.heights[i];
      if (!height && cells.length === 0) continue;
      const number = i + 1;
      rows.push({ cells, number, min, max, height, style: ROW_STYLE, hidden: false, outlineLevel: 0, collapsed: false });
      // Note: Range.expand, which treats 0 as "not yet set".
      if (!top || number < top) top = number;
      if (!left || min < left) left = min;
      if (!bottom || number > bottom) bottom = number;
      if (!right || max > right) right = max;
    }
    // Note: a sheet without rows has no dimension here, where exceljs would write its empty Range; a table always has its title.
    const dimensions = rows.length === 0 ? undefined : `${columnLetters(left) + top}:${columnLetters(right) + bottom}`;
    const mergeCells = [...this.listed].sort((a, b) => a.at - b.at).map((m) => m.range);
    return { rows, dimensions, mergeCells };
  }

  /**
   * Makes this the rows of `ws`'s model: what exceljs writes for the sheet, in place of the cells `ws` has.
   * Note: exceljs's prepare sets the model's mergeCells to the merges it found from its merge cells; the model keeps
   * this sheet's list instead (the setter is a no-op), which is the list exceljs would have found from all of them.
   */
  attachTo(ws: ExcelJS.Worksheet): void {
    const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(ws), 'model')?.get;
    if (!own) throw new Error('exceljs: Worksheet.model is not a getter');
    Object.defineProperty(ws, 'model', {
      configurable: true,
      get: () => {
        const { mergeCells, ...data } = this.model();
        const model = Object.assign(own.call(ws) as object, data);
        return Object.defineProperty(model, 'mergeCells', { enumerable: true, get: () => mergeCells, set: () => undefined });
      },
    });
  }
}
