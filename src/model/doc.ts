/** 文档模型：compose 与 write 之间的契约（段落、标题、表格、分页）。 */
import type { Decimal } from 'decimal.js';

/** A typed cell value, so XLSX stores real numbers and DOCX prints the same numbers as text. */
export type CellValue =
  | { readonly kind: 'text'; readonly text: string }
  /**
   * 万元 (default): DOCX "1522.66", XLSX 1522.66 with '0.00'. 百元: the 万元 value ×100 as whole numbers, DOCX
   * "152266", XLSX '0'. 元: the value is in 元, DOCX "387664.62". `places` and `grouping` (thousands separators,
   * "387,664.62", XLSX '#,##0.00') override the unit's defaults (2 decimals, or 0 for 百元; no separators).
   */
  | { readonly kind: 'amount'; readonly value: Decimal; readonly unit?: '万元' | '百元' | '元'; readonly places?: number; readonly grouping?: boolean }
  /**
   * A fraction. style 'sign' (default): DOCX "95.12%", XLSX 0.9512 with '0.00%'. style 'bare': the percentage
   * without its sign, as the sichuan completion tables print it: DOCX "0.04", XLSX 0.04 with '0.00'. places defaults to 2.
   */
  | { readonly kind: 'percent'; readonly value: Decimal; readonly style?: 'sign' | 'bare'; readonly places?: number }
  /** DOCX "40" or "9.50"; fixed: always 2 decimals, "10.00" (gansu money block); places: always that many ("9" for a form scored in whole points). */
  | { readonly kind: 'score'; readonly value: Decimal; readonly fixed?: boolean; readonly places?: number }
  | { readonly kind: 'number'; readonly value: Decimal } // an indicator value as written: "92", "0.5"
  | { readonly kind: 'na' } // "—"
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
  /**
   * An inner header repeated on every page instead (the indicator header of a 自评表, issue 13): from this row on,
   * `repeatRows` rows (default 1) are the heading of the rest of the table. DOCX writes the rest as an adjacent second
   * table whose leading rows repeat; XLSX prints those rows as print titles.
   */
  readonly repeatFrom?: number;
  readonly repeatRows?: number;
  readonly rows: readonly (readonly Cell[])[];
  /** Lines printed under the table (备注). */
  readonly notes: readonly string[];
  /** Lines printed above the table after the title (e.g. 部门：…). */
  readonly subtitle?: string;
  readonly orientation: 'portrait' | 'landscape';
}

/** A stretch of paragraph text; bold for run-in headings and marked phrases. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
}

export type Block =
  /** A document title; in an official section, lines separated by "\n" (标题, 2号小标宋). */
  | { readonly type: 'title'; readonly text: string }
  /** 一、(黑体) （一）(楷体) 1. and （1）(仿宋), the number as literal text. */
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string }
  /** `runs`, when given, are the same text in stretches (their concatenation is `text`). */
  | {
      readonly type: 'paragraph';
      readonly text: string;
      readonly align?: 'left' | 'center' | 'right';
      readonly indent?: boolean;
      readonly runs?: readonly Run[];
    }
  | { readonly type: 'table'; readonly table: Table }
  | { readonly type: 'pageBreak' }
  // GB/T 9704 elements of an official document (红头文件), DOMAIN.md §9.3.
  /** 发文机关标志: red 方正小标宋简体, centred, one entry per line. */
  | { readonly type: 'masthead'; readonly lines: readonly string[] }
  /** 发文字号 `代字〔年份〕序号号`, centred, with the red rule (分隔线) under it. */
  | { readonly type: 'docNumber'; readonly text: string }
  /** 附件说明: `附件：` and the names, numbered 1. 2. when there are several. */
  | { readonly type: 'attachments'; readonly items: readonly string[] }
  /** 发文机关署名 and 成文日期: placed as GB/T 9704 7.3.5.2 says without a seal ('gbt'), as 7.3.5.1 says
   *  with one ('gbt-sealed': date 4 characters in, 署名 centred on it), or both flush right ('right'). */
  | { readonly type: 'signature'; readonly signatory: string; readonly date: string; readonly placement: 'gbt' | 'gbt-sealed' | 'right' }
  /** The `附件` label on the first line of an attachment (黑体, flush left). */
  | { readonly type: 'attachmentMark'; readonly text: string }
  /** 版记: optional 抄送, `{印发机关}　{印发日期}印发`, optional 份数, between thick and thin rules. */
  | { readonly type: 'colophon'; readonly cc: readonly string[]; readonly printedBy: string; readonly printedOn: string; readonly copies?: string };

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
  /**
   * Page layout: 'form' (default) the table pages; 'official' the GB/T 9704 page (版心 156 × 225 mm, 22 lines of
   * 28 characters, 3号仿宋). A document with an official section numbers every page "— n —", odd right, even left.
   */
  readonly layout?: 'form' | 'official';
  /** false: no page number on these pages. */
  readonly numbered?: boolean;
  /**
   * 'even': the section starts on an even page (a blank page before it when needed), as the GB/T 9704 版记 does.
   * Its odd pages carry no number: a one-page section on an even page has an odd footer only for that blank page,
   * which GB/T 9704 7.5 leaves unnumbered. Note: whether the blank page is needed depends on the page count, which
   * only the viewer knows, so the even page itself stays numbered (7.5 unnumbers it too when the blank page is there).
   */
  readonly startsOn?: 'even';
  /** 'bottom': the blocks sit at the foot of the page (the 版记, whose last rule is the bottom edge of the 版心). */
  readonly verticalAlign?: 'top' | 'bottom';
}

export const text = (t: string): CellValue => ({ kind: 'text', text: t });
export const na: CellValue = { kind: 'na' };
export const empty: CellValue = { kind: 'empty' };
