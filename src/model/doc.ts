/** 文档模型：compose 与 write 之间的契约（段落、标题、表格、分页）。 */
import type { Decimal } from 'decimal.js';

/** A typed cell value, so XLSX stores real numbers and DOCX prints the same numbers as text. */
export type CellValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'amount'; readonly value: Decimal }      // DOCX "1522.66"; XLSX 1522.66 with '0.00'
  | { readonly kind: 'percent'; readonly value: Decimal }     // a fraction: DOCX "95.12%"; XLSX 0.9512 with '0.00%'
  | { readonly kind: 'score'; readonly value: Decimal }       // DOCX "40" or "9.50"; XLSX 40 with '0' or '0.00'
  | { readonly kind: 'number'; readonly value: Decimal }      // an indicator value as written: "92", "0.5"
  | { readonly kind: 'na' }                                    // "—"
  | { readonly kind: 'empty' };

/** How a cell's text sits: header cells are 黑体 and centred; text cells may be long and left-aligned. */
export type CellRole = 'header' | 'label' | 'value' | 'text' | 'section';

export interface Cell {
  readonly value: CellValue;
  readonly colSpan?: number;
  readonly rowSpan?: number;
  readonly role?: CellRole;
  readonly bold?: boolean;
}

/** A fixed-grid table: every row fills `columns.length` columns once spans are placed. */
export interface Table {
  readonly id: string;
  /** Sheet name for XLSX (≤ 31 characters, unique within a workbook). */
  readonly sheetName: string;
  readonly title: string;
  /** Relative column widths; writers scale them to the page. */
  readonly columns: readonly number[];
  /** Leading rows repeated on every page (DOCX) and frozen/printed as titles (XLSX). */
  readonly headerRows: number;
  readonly rows: readonly (readonly Cell[])[];
  /** Lines printed under the table (备注). */
  readonly notes: readonly string[];
  /** Lines printed above the table after the title (e.g. 部门：…). */
  readonly subtitle?: string;
  readonly orientation: 'portrait' | 'landscape';
}

export type Block =
  | { readonly type: 'title'; readonly text: string }
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly type: 'paragraph'; readonly text: string; readonly align?: 'left' | 'center' | 'right'; readonly indent?: boolean }
  | { readonly type: 'table'; readonly table: Table }
  | { readonly type: 'pageBreak' };

/** One output document: a DOCX of blocks; its tables also go to one XLSX workbook. */
export interface Doc {
  readonly id: string;
  /** File name without extension, already safe for every file system. */
  readonly fileBase: string;
  readonly title: string;
  readonly sections: readonly DocSection[];
}

/** A run of blocks on pages of one orientation. */
export interface DocSection {
  readonly orientation: 'portrait' | 'landscape';
  readonly blocks: readonly Block[];
}

export const text = (t: string): CellValue => ({ kind: 'text', text: t });
export const na: CellValue = { kind: 'na' };
export const empty: CellValue = { kind: 'empty' };
