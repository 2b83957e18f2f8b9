/** 填报工作簿写出：输入数据 → 中文 .xlsx（表头、列宽、冻结表头、下拉选项、金额校验、填写说明）。 */
import type ExcelJS from 'exceljs';
import { ExcelWorkbook } from './exceljs-workbook.js';
import {
  LIST_SEPARATOR,
  valueAt,
  FIXED_LISTS,
  INSTRUCTIONS_SHEET,
  CHECKS_SHEET,
  CHECK_SETTINGS,
  PARENT_KEY,
  PAIR_SEPARATOR,
  NAMES_SHEET,
  RECORD_KEY,
  RECORD_NAME,
  sheetDataPath,
  type EntryNames,
  YES_NO_SEPARATOR,
  LINE_SEPARATOR,
  YES_NO,
  YUNNAN_LAYOUT,
  headerRows,
  isPlainNumber,
  type EntryLayout,
  type Field,
  type ListId,
  type TableSheet,
} from '../model/entry-workbook.js';
import { workbookBytes } from './xlsx-parts.js';
import { instructions } from './entry-instructions.js';

/** What the workbook needs besides the data. */
export interface EntryWorkbookOptions {
  /** 一级/二级指标 drop-down lists, from the profile's framework. */
  readonly lists: { readonly level1: readonly string[]; readonly level2: readonly string[] };
  /** Stamped into the file, for byte-identical output. */
  readonly when: Date;
  /** The profile's sheets and columns (default: yunnan's). */
  readonly layout?: EntryLayout;
  /** Known 代号 of the keyed maps with their names (the profile's entryNames). */
  readonly names?: EntryNames;
}

/** Rows below the header that carry drop-downs and number checks. */
export const VALIDATED_ROWS = 1000;

const FONT = { name: '宋体', size: 11, charset: 134 } as const;
/** Note: printed on A4 landscape, one page wide, so a printout (or a LibreOffice PDF) shows whole rows. */
const PAGE: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
const thin = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER: Partial<ExcelJS.Style> = {
  font: { ...FONT, name: '黑体', bold: true },
  border: box,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};

/** Writes a data-entry workbook holding `data` (a plain input object, as read from YAML or a workbook). */
export async function writeEntryWorkbook(data: unknown, opts: EntryWorkbookOptions): Promise<Uint8Array> {
  const wb = new ExcelWorkbook();
  Object.assign(wb, { creator: 'jixiao', lastModifiedBy: 'jixiao', created: opts.when, modified: opts.when });
  const layout = opts.layout ?? YUNNAN_LAYOUT;
  const names = nameRanges(layout, opts.names ?? {});
  addInstructions(wb, layout, names.size > 0);
  addUnitSheet(wb, layout, data, opts);
  for (const sheet of layout.tables) addTableSheet(wb, sheet, rowsOf(sheet, data, names.get(sheet)), opts, layout, names.get(sheet));
  if (names.size > 0) addNamesSheet(wb, names);
  addChecksSheet(wb, valueAt(data, 'checks'));
  // Note: every sheet is protected without a password (Review → Unprotect Sheet lifts it): only the value cells are
  // unlocked, so headers, labels, field codes and the 说明 text cannot be typed over by mistake, while rows can still
  // be inserted, deleted and resized. No password, so exceljs writes no random salt and the bytes stay reproducible.
  for (const ws of wb.worksheets) await ws.protect('', PROTECTION);
  return workbookBytes(wb, opts.when);
}

/** What a person may still do on a protected sheet. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  deleteRows: true,
  autoFilter: true,
};

function addInstructions(wb: ExcelJS.Workbook, layout: EntryLayout, names: boolean): void {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET, { views: [{ showGridLines: false }], pageSetup: PAGE });
  ws.columns = [{ width: 18 }, { width: 100 }];
  for (const [label, text] of instructions(layout, names)) {
    const row = ws.addRow([label, text]);
    row.font = label === '' || text !== '' ? FONT : { ...FONT, name: '黑体', bold: true, size: 12 };
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = lineHeight(text, 100);
  }
  ws.getRow(1).font = { ...FONT, name: '黑体', bold: true, size: 14 };
}

function addUnitSheet(wb: ExcelJS.Workbook, layout: EntryLayout, data: unknown, opts: EntryWorkbookOptions): void {
  const sheet = layout.unit;
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...PAGE, printTitlesRow: '1:1' } });
  ws.columns = [{ width: 30 }, { width: 70 }, { width: 44 }, { width: 28 }];
  ws.getRow(1).values = ['字段', '填写内容', '填写说明', '字段代码（请勿修改）'];
  ws.getRow(1).eachCell((c) => {
    c.style = HEADER;
  });
  for (const section of sheet.sections) {
    const title = ws.addRow([section.title]);
    title.getCell(1).font = { ...FONT, name: '黑体', bold: true };
    for (const field of section.fields) {
      const row = ws.addRow([field.header, toCell(field, valueAt(data, field.key)), field.hint ?? '', field.key]);
      const value = row.getCell(2);
      styleValueCell(value, field);
      value.border = box;
      row.getCell(3).font = { ...FONT, size: 9, color: { argb: 'FF595959' } };
      row.getCell(3).alignment = { vertical: 'top', wrapText: true };
      row.getCell(4).font = { ...FONT, size: 9, color: { argb: 'FF808080' } };
      row.getCell(4).alignment = { vertical: 'top' };
      row.getCell(1).alignment = { vertical: 'top' };
      row.height = Math.max(lineHeight(String(value.value ?? ''), 70), lineHeight(field.hint ?? '', 44));
      const dv = validation(field, value.address, opts, layout);
      if (dv) value.dataValidation = dv;
    }
  }
}

/** The known 代号 of a record sheet and where the 代号 sheet lists them (two columns from `column`, rows from 3). */
interface NameRange {
  readonly entries: readonly (readonly [string, string])[];
  readonly title: string;
  readonly column: number;
}

/** Each record sheet with known 代号, and its two columns on the 代号 sheet (a blank column between sheets). */
function nameRanges(layout: EntryLayout, names: EntryNames): Map<TableSheet, NameRange> {
  const out = new Map<TableSheet, NameRange>();
  for (const sheet of layout.tables) {
    const entries = sheet.record ? names[sheetDataPath(sheet)] : undefined;
    if (entries && entries.length > 0) out.set(sheet, { entries, title: sheet.name, column: 1 + 3 * out.size });
  }
  return out;
}

/** The lookup range of a NameRange on the 代号 sheet: its 代号 column, or 代号 and 名称. */
function nameRef(range: NameRange, both: boolean): string {
  const col = (c: number) => colLetter(c);
  const last = 2 + range.entries.length;
  return `'${NAMES_SHEET}'!$${col(range.column)}$3:$${col(range.column + (both ? 1 : 0))}$${last}`;
}

/** A column number as its letters (1 → A, 27 → AA). */
function colLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** The 代号 sheet: for each record sheet, its known 代号 and their names, under the sheet's name. */
function addNamesSheet(wb: ExcelJS.Workbook, names: ReadonlyMap<TableSheet, NameRange>): void {
  const ws = wb.addWorksheet(NAMES_SHEET, { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { ...PAGE, printTitlesRow: '1:2' } });
  for (const range of names.values()) {
    ws.getColumn(range.column).width = 24;
    ws.getColumn(range.column + 1).width = 30;
    ws.getCell(1, range.column).value = range.title;
    ws.mergeCells(1, range.column, 1, range.column + 1);
    ws.getCell(2, range.column).value = '代号';
    ws.getCell(2, range.column + 1).value = '名称';
    for (let r = 1; r <= 2; r++) for (const c of [range.column, range.column + 1]) ws.getCell(r, c).style = HEADER;
    range.entries.forEach(([key, name], i) => {
      for (const [c, v] of [
        [range.column, key],
        [range.column + 1, name],
      ] as const) {
        const cell = ws.getCell(3 + i, c);
        cell.value = v;
        cell.font = FONT;
        cell.border = box;
      }
    });
  }
}

/** Rows below the data of a record sheet that still get the 名称 formula, for 代号 typed in later. */
const NAME_FORMULA_SPARE = 100;

function addTableSheet(
  wb: ExcelJS.Workbook,
  sheet: TableSheet,
  rows: readonly unknown[],
  opts: EntryWorkbookOptions,
  layout: EntryLayout,
  names?: NameRange,
): void {
  const top = headerRows(sheet);
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: top, xSplit: 1 }], pageSetup: { ...PAGE, printTitlesRow: `1:${top}` } });
  sheet.fields.forEach((field, i) => {
    const col = ws.getColumn(i + 1);
    col.width = field.width ?? 14;
    styleValueCell(col, field);
  });
  writeHeader(ws, sheet, top);
  const keyCol = sheet.fields.findIndex((x) => x.key === RECORD_KEY) + 1;
  rows.forEach((item, i) => {
    const row = ws.getRow(top + 1 + i);
    let height = 0;
    sheet.fields.forEach((field, j) => {
      const cell = row.getCell(j + 1);
      cell.value = field.key === RECORD_NAME ? null : toCell(field, valueAt(item, field.key));
      cell.border = box;
      if (WRAPPED.has(field.kind)) height = Math.max(height, lineHeight(String(cell.value ?? ''), field.width ?? 14));
    });
    row.height = height;
  });
  sheet.fields.forEach((field, j) => {
    const letter = ws.getColumn(j + 1).letter;
    const dv = field.key === RECORD_KEY ? keyValidation(field, names) : validation(field, `${letter}${top + 1}`, opts, layout);
    if (dv) addRangeValidation(ws, `${letter}${top + 1}:${letter}${top + VALIDATED_ROWS}`, dv);
  });
  // Note: the 名称 column looks each row's 代号 up on the 代号 sheet, so a 代号 typed or changed later shows its name too;
  // its text is cached in the file for readers that do not calculate. It is locked and never read back.
  const nameCol = sheet.fields.findIndex((x) => x.key === RECORD_NAME) + 1;
  if (nameCol > 0) {
    const byKey = new Map(names?.entries ?? []);
    const keyLetter = colLetter(keyCol);
    for (let r = top + 1; names && r <= top + rows.length + NAME_FORMULA_SPARE; r++) {
      const key = rows[r - top - 1] === undefined ? undefined : valueAt(rows[r - top - 1], RECORD_KEY);
      const cell = ws.getCell(r, nameCol);
      cell.value = {
        formula: `IFERROR(VLOOKUP(${keyLetter}${r},${nameRef(names, true)},2,FALSE),"")`,
        result: typeof key === 'string' ? (byKey.get(key) ?? '') : '',
      };
      if (r <= top + rows.length) cell.border = box;
    }
  }
}

/** The drop-down of a 代号 column: the record sheet's known 代号 on the 代号 sheet (others allowed after a warning). */
function keyValidation(field: Field, names: NameRange | undefined): ExcelJS.DataValidation | undefined {
  if (!names) return undefined;
  return {
    type: 'list',
    allowBlank: true,
    formulae: [nameRef(names, false)],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: field.header,
    error: `“${NAMES_SHEET}”表中没有这个代号。`,
  };
}

/** The 检查设置 sheet: the input's `checks:` as rows of 检查代码 and 设置 (关闭 / 警告 / 错误). */
function addChecksSheet(wb: ExcelJS.Workbook, checks: unknown): void {
  const ws = wb.addWorksheet(CHECKS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...PAGE, printTitlesRow: '1:1' } });
  ws.columns = [{ width: 24 }, { width: 12 }];
  for (const c of [1, 2]) {
    const col = ws.getColumn(c);
    col.font = FONT;
    col.protection = { locked: false };
    col.numFmt = '@';
  }
  ws.getRow(1).values = ['检查代码', '设置'];
  ws.getRow(1).eachCell((c) => {
    c.style = HEADER;
  });
  const entries = typeof checks === 'object' && checks !== null && !Array.isArray(checks) ? Object.entries(checks) : [];
  entries.forEach(([code, value], i) => {
    const row = ws.getRow(2 + i);
    row.getCell(1).value = code;
    row.getCell(2).value = CHECK_SETTINGS.find(([, stored]) => stored === value)?.[0] ?? String(value);
    for (const c of [1, 2]) row.getCell(c).border = box;
  });
  addRangeValidation(ws, `B2:B${1 + VALIDATED_ROWS}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${CHECK_SETTINGS.map(([shown]) => shown).join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '设置',
    error: '请选择 关闭、警告 或 错误。',
  });
}

/** One header row, or two with each group merged over its columns and ungrouped titles merged down. */
function writeHeader(ws: ExcelJS.Worksheet, sheet: TableSheet, top: number): void {
  sheet.fields.forEach((field, j) => {
    const c = j + 1;
    if (top === 1) ws.getCell(1, c).value = field.header;
    else if (field.group === undefined) {
      ws.getCell(1, c).value = field.header;
      ws.mergeCells(1, c, 2, c);
    } else {
      ws.getCell(2, c).value = field.header;
      if (sheet.fields[j - 1]?.group !== field.group) {
        let end = c;
        while (sheet.fields[end]?.group === field.group) end++;
        ws.getCell(1, c).value = field.group;
        if (end > c) ws.mergeCells(1, c, 1, end);
      }
    }
  });
  for (let r = 1; r <= top; r++) for (let c = 1; c <= sheet.fields.length; c++) ws.getCell(r, c).style = HEADER;
  ws.getRow(1).height = top === 1 ? 30 : 20;
}

/** Kinds whose cells wrap their text and set the row's height. */
const WRAPPED: ReadonlySet<Field['kind']> = new Set(['prose', 'text', 'lines', 'pairs', 'yesNoList']);

/** Number format and alignment of a value cell or column, by the field's kind. */
function styleValueCell(target: ExcelJS.Cell | ExcelJS.Column, field: Field): void {
  target.font = FONT;
  // Note: the cells meant to be filled are the only unlocked ones of the protected sheet; a table's rows take this
  // from their column, its header cells get HEADER's style (locked) instead.
  target.protection = { locked: field.key === RECORD_NAME };
  if (field.key === RECORD_NAME) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  target.alignment = { vertical: 'top', wrapText: WRAPPED.has(field.kind) };
  // Note: '@' keeps what is typed as text ("007", "95.0"); amounts are real numbers shown with two decimals.
  target.numFmt = field.kind === 'amount' || field.kind === 'signedAmount' ? '0.00' : field.kind === 'points' || field.kind === 'year' ? 'General' : '@';
}

/** The data-entry check of a field's cells; `first` is the top-left cell the relative formulas refer to. */
function validation(field: Field, first: string, opts: EntryWorkbookOptions, layout: EntryLayout): ExcelJS.DataValidation | undefined {
  const list = (items: readonly string[], style: 'stop' | 'warning', error: string): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [`"${items.join(',')}"`],
    showErrorMessage: true,
    errorStyle: style,
    errorTitle: field.header,
    error,
  });
  if (field.kind === 'choice')
    return list(
      (field.choices ?? []).map(([shown]) => shown),
      'stop',
      '请从下拉列表中选择。',
    );
  if (field.kind === 'yesNo') return list(Object.keys(YES_NO), 'stop', '请选择“是”或“否”。');
  if (field.list) return listValidation(field, field.list, opts, layout, list);
  const number = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: field.header } as const;
  if (field.kind === 'amount')
    return {
      ...number,
      type: 'custom',
      formulae: [`AND(ISNUMBER(${first}),${first}>=0,ROUND(${first},2)=${first})`],
      error: '金额须为不小于0、最多两位小数的数字。',
    };
  if (field.kind === 'signedAmount')
    return { ...number, type: 'custom', formulae: [`AND(ISNUMBER(${first}),ROUND(${first},2)=${first})`], error: '金额须为最多两位小数的数字（调减填负数）。' };
  if (field.kind === 'points')
    return { ...number, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], error: '应为不小于0的数字，例如 10 或 9.5。' };
  if (field.kind === 'year') return { ...number, type: 'whole', operator: 'between', formulae: [1900, 2099], error: '年度应为四位数字年份，例如 2023。' };
  return undefined;
}

function listValidation(
  field: Field,
  id: ListId,
  opts: EntryWorkbookOptions,
  layout: EntryLayout,
  list: (items: readonly string[], style: 'stop' | 'warning', error: string) => ExcelJS.DataValidation,
): ExcelJS.DataValidation | undefined {
  // Note: Excel rejects a file whose inline list is longer than 255 characters; a profile's longer list gets no drop-down.
  const fits = (dv: ExcelJS.DataValidation) => (String(dv.formulae[0]).length <= 257 ? dv : undefined);
  switch (id) {
    case 'level1':
      return fits(list(opts.lists.level1, 'warning', '不在指标框架中，仍要使用吗？（会提示 W-LEVEL2-UNKNOWN）'));
    case 'level2':
      return fits(list(opts.lists.level2, 'warning', '不在指标框架中，仍要使用吗？（会提示 W-LEVEL2-UNKNOWN）'));
    case 'nature':
      return list(FIXED_LISTS.nature, 'warning', '指标性质应为 ≥ > = ≤ < 或 定性。');
    case 'fundingLevel':
      return list(FIXED_LISTS.fundingLevel, 'warning', '不是常用的项目级次，仍要使用吗？');
    // Note: units are open-ended; the list only offers the common ones and never rejects a typed unit.
    case 'unit':
      return { ...list(FIXED_LISTS.unit, 'warning', ''), showErrorMessage: false };
    case 'projectIds': {
      const projects = layout.tables.find((s) => s.path.join('.') === 'projects');
      if (!projects) return undefined;
      const first = headerRows(projects) + 1;
      return {
        type: 'list',
        allowBlank: true,
        formulae: [`'${projects.name}'!$A$${first}:$A$${first + VALIDATED_ROWS - 1}`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: field.header,
        error: '“项目”表中没有这个项目标识。',
      };
    }
  }
}

/** Note: exceljs keeps range validations in `dataValidations`, which its type declarations leave out. */
function addRangeValidation(ws: ExcelJS.Worksheet, range: string, dv: ExcelJS.DataValidation): void {
  (ws as unknown as { dataValidations: { add: (address: string, v: ExcelJS.DataValidation) => void } }).dataValidations.add(range, dv);
}

/** An input value as a cell: amounts and scores as numbers when they are plain decimals, 是/否, shown choices, text. */
function toCell(field: Field, value: unknown): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (field.kind === 'yesNo' && typeof value === 'boolean') return value ? '是' : '否';
  if (field.kind === 'choice') return field.choices?.find(([, stored]) => stored === value)?.[0] ?? String(value);
  if (field.kind === 'choiceList' && Array.isArray(value))
    return value.map((v) => field.choices?.find(([, stored]) => stored === v)?.[0] ?? String(v)).join(LIST_SEPARATOR);
  if (field.kind === 'lines' && Array.isArray(value)) return value.map(String).join(LINE_SEPARATOR);
  if (field.kind === 'yesNoList' && Array.isArray(value)) return value.map((v) => (v === true ? '是' : v === false ? '否' : String(v))).join(YES_NO_SEPARATOR);
  if (field.kind === 'pairs' && typeof value === 'object' && !Array.isArray(value))
    return Object.entries(value as object)
      .map(([k, v]) => `${k}${PAIR_SEPARATOR}${String(v)}`)
      .join(LINE_SEPARATOR);
  const text = String(value);
  if (['amount', 'signedAmount', 'points', 'year'].includes(field.kind) && isPlainNumber(text)) return Number(text);
  return field.kind === 'prose' ? text.replace(/\s+$/, '') : text;
}

/**
 * The rows of a table sheet: the list at its path (a record sheet's map as rows with their 代号), or for a child sheet
 * every project's list with its 项目标识.
 */
function rowsOf(sheet: TableSheet, data: unknown, names?: NameRange): unknown[] {
  const items = (v: unknown): unknown[] => (sheet.record ? asEntries(v) : asArray(v));
  // Note: a map the input leaves out (a blank workbook) starts with a row for each known 代号, to be filled in.
  const at = valueAt(data, sheet.path.join('.'));
  if (!sheet.child && at === undefined && names) return names.entries.map(([key]) => ({ [RECORD_KEY]: key }));
  if (!sheet.child) return items(at);
  return asArray(valueAt(data, 'projects')).flatMap((p) =>
    items(valueAt(p, sheet.path.join('.'))).map((item) => ({ ...(item as object), [PARENT_KEY]: valueAt(p, 'id') })),
  );
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asEntries = (v: unknown): unknown[] =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.entries(v).map(([key, item]) => ({ ...(item as object), [RECORD_KEY]: key })) : [];

/** Row height (pt) for text wrapped in a column `width` characters wide; a CJK character takes two. */
function lineHeight(text: string, width: number): number {
  const perLine = Math.max(1, width - 2);
  const lines = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil([...l].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) / perLine)), 0);
  return Math.min(409, Math.max(1, lines) * 14.5 + 4);
}
