/** 读取填报工作簿：.xlsx → 与 YAML 相同的纯数据（数字为文字），并记下每个字段所在的单元格（工作表!C7）。 */
import type ExcelJS from 'exceljs';
import type { Diagnostic, DiagnosticCode, DiagnosticExtras } from '../model/diagnostic.js';
import { diagnostic } from '../model/diagnostic.js';
import {
  CHECKS_SHEET,
  CHECK_SETTINGS,
  LIST_SEPARATORS,
  PAIR_SEPARATORS,
  PARENT_KEY,
  RECORD_KEY,
  RECORD_NAME,
  YES_NO,
  YUNNAN_LAYOUT,
  type EntryLayout,
  type FormSheet,
  columnTitle,
  headerRows,
  type Field,
  type TableSheet,
  valueAt,
} from '../model/entry-workbook.js';
import { MAX_INPUT_BYTES, tooLargeInput } from './decode.js';
import type { Loaded, Location } from './read-input.js';
import { orderLikeSchema } from './schema-order.js';
import { checkWorkbookZip } from './zip-guard.js';

/** exceljs, once readWorkbook has loaded it. */
let excel: typeof ExcelJS | undefined;

type Path = readonly (string | number)[];
type Obj = Record<string, unknown>;

/** A table row read into an input object, with the cell of each field (by dot key) and of the row itself. */
interface Row {
  readonly item: Obj;
  readonly first: string;
  readonly cells: ReadonlyMap<string, string>;
  readonly parent?: string;
  /** The entry's name on a record sheet (RECORD_KEY column). */
  readonly key?: string;
}

/** The workbook layout of a form id (from the 单位 sheet's 格式 row), or undefined for yunnan's. */
export type LayoutOf = (profile: string | undefined) => Promise<EntryLayout | undefined>;

/** Reads a data-entry workbook (as written by `jixiao init --xlsx` or `jixiao convert`) into a Loaded input. */
export async function readWorkbook(file: string, bytes: Uint8Array, layoutOf?: LayoutOf): Promise<{ loaded?: Loaded; diagnostics: Diagnostic[] }> {
  const problems: Diagnostic[] = [];
  const fail = (code: DiagnosticCode, message: string, cell?: string, extras: DiagnosticExtras = {}) =>
    problems.push({ ...diagnostic(code, [], message, extras), file, ...(cell ? { cell } : {}) });
  if (bytes.length > MAX_INPUT_BYTES) return { diagnostics: [tooLargeInput(file, bytes.length)] };
  // Note: exceljs inflates every entry and builds an object per row and cell; bounds are checked before it runs.
  const zipProblem = checkWorkbookZip(bytes);
  if (zipProblem) {
    const { code, message, where, ref, expected, actual } = zipProblem;
    fail(code, message, where === undefined ? undefined : `${where}!${ref ?? 'A1'}`, { ...(expected ? { expected } : {}), ...(actual ? { actual } : {}) });
    return { diagnostics: problems };
  }
  // Note: exceljs (~160 ms to load) is imported only when a workbook is read, so YAML inputs never load it.
  excel ??= (await import('exceljs')).default;
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    fail('E-INPUT-UNREADABLE', `无法作为 Excel 工作簿（.xlsx）读取（${(e as Error).message}）；旧版 .xls 或 WPS .et 文件请先另存为 .xlsx。`);
    return { diagnostics: problems };
  }
  if (!wb.getWorksheet(UNIT_SHEET_NAME) && !wb.getWorksheet('项目')) {
    fail(
      'E-INPUT-UNREADABLE',
      `这不是 jixiao 填报工作簿（没有“${UNIT_SHEET_NAME}”“项目”等工作表）；生成的报表 XLSX 不能作为输入。可用 jixiao init --xlsx 写出填报模板。`,
    );
    return { diagnostics: problems };
  }

  const cells = new Map<string, string>();
  const at = (path: Path, cell: string) => {
    for (let n = path.length; n >= 0; n--) {
      const k = pathKey(path.slice(0, n));
      if (!cells.has(k)) cells.set(k, cell);
    }
  };
  at([], `${UNIT_SHEET_NAME}!A1`);
  // Note: the 格式 row of the 单位 sheet says which form's sheets the workbook holds; yunnan's when it names none.
  const unitWs = wb.getWorksheet(UNIT_SHEET_NAME);
  const layout = (unitWs && (await layoutOf?.(profileOf(unitWs)))) ?? YUNNAN_LAYOUT;
  const data: Obj = {};
  const sheetOf = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) fail('E-SCHEMA', `工作簿中缺少工作表“${name}”；请对照 jixiao init --xlsx 写出的模板，不要删除或改名工作表。`, undefined, { expected: name });
    return ws;
  };

  const unitSheet = sheetOf(layout.unit.name);
  if (unitSheet) readUnitSheet(unitSheet, layout.unit, data, at, fail);

  const tables = new Map<TableSheet, Row[]>();
  for (const sheet of layout.tables) {
    const ws = sheetOf(sheet.name);
    tables.set(sheet, ws ? readTable(ws, sheet, fail) : []);
  }
  const projectRows = [...tables].find(([s]) => s.path.join('.') === 'projects')?.[1] ?? [];
  const projectIndex = indexProjects(projectRows, fail);

  for (const [sheet, rows] of tables) {
    if (!sheet.child) {
      // Note: an empty sheet of a list inside a section (finance.income) whose section the 单位 sheet left empty
      // adds nothing: a form that has no such section (central has no 部门整体收支) reads back without it.
      if (rows.length === 0 && sheet.path.length > 1 && valueAt(data, sheet.path.slice(0, -1).join('.')) === undefined) continue;
      if (rows.length === 0 && sheet.optional) continue;
      if (rows[0]) at(sheet.path, rows[0].first);
      set(data, sheet.path, collect(sheet, rows, sheet.path, at, fail));
      continue;
    }
    const lists = new Map<number, Row[]>();
    for (const r of rows) {
      const i = projectOf(r, sheet, projectIndex, fail);
      if (i !== undefined) lists.set(i, [...(lists.get(i) ?? []), r]);
    }
    projectRows.forEach((p, i) => {
      const own = lists.get(i) ?? [];
      const path = ['projects', i, ...sheet.path];
      if (own.length === 0 && !sheet.child?.required) return;
      at(path, p.first);
      set(data, path, collect(sheet, own, path, at, fail));
    });
  }

  const checksWs = wb.getWorksheet(CHECKS_SHEET);
  if (checksWs) readChecks(checksWs, data, at, fail);

  const locate = (path: readonly PropertyKey[]): Location => {
    for (let n = path.length; n >= 0; n--) {
      const cell = cells.get(pathKey(path.slice(0, n)));
      if (cell) return { cell };
    }
    return {};
  };
  const ordered = orderLikeSchema(layout.schema, data);
  return { loaded: { file, data: ordered, locate }, diagnostics: problems };
}

const UNIT_SHEET_NAME = YUNNAN_LAYOUT.unit.name;

/**
 * The 检查设置 sheet into the input's `checks:` (code → off / warning / error); nothing when it has no rows, so a
 * workbook without settings reads as before. The codes and values are checked where YAML's are (load/input-checks.ts).
 */
function readChecks(ws: ExcelJS.Worksheet, data: Obj, at: (p: Path, cell: string) => void, fail: Fail): void {
  reportMerges(ws, 1, fail);
  const checks: Obj = {};
  for (const r of filledRows(ws, 2)) {
    const code = textOf(ws.getCell(r, 1).value);
    const value = textOf(ws.getCell(r, 2).value);
    if (code === undefined && value === undefined) continue;
    const key = code ?? '';
    at(['checks', key], `${ws.name}!${value === undefined ? 'B' : code === undefined ? 'A' : 'B'}${r}`);
    checks[key] = value === undefined ? '' : (CHECK_SETTINGS.find(([shown]) => shown === value)?.[1] ?? value);
    if (Object.keys(checks).length === 1) at(['checks'], `${ws.name}!A${r}`);
  }
  if (Object.keys(checks).length > 0) data['checks'] = checks;
}

/** The 格式 written on a 单位 sheet (the row whose field code is `profile`), if any. */
function profileOf(ws: ExcelJS.Worksheet): string | undefined {
  let found: string | undefined;
  ws.eachRow((row) => {
    if (found === undefined && textOf(row.getCell(4).value) === 'profile') found = textOf(row.getCell(2).value);
  });
  return found;
}

type Fail = (code: DiagnosticCode, message: string, cell?: string, extras?: DiagnosticExtras) => void;

/** The 单位 sheet: the key in column D (or, when that is blank, the label in A) says which field column B holds. */
function readUnitSheet(ws: ExcelJS.Worksheet, sheet: FormSheet, data: Obj, at: (p: Path, cell: string) => void, fail: Fail): void {
  const fields = sheet.sections.flatMap((s) => s.fields);
  const byKey = new Map(fields.map((x) => [x.key, x]));
  const byLabel = new Map(fields.map((x) => [x.header, x]));
  const seen = new Map<string, number>();
  reportMerges(ws, 1, fail);
  for (const r of filledRows(ws, 2)) {
    const row = ws.getRow(r);
    const key = textOf(row.getCell(4).value);
    const label = textOf(row.getCell(1).value);
    const field = key !== undefined ? byKey.get(key) : label !== undefined ? byLabel.get(label) : undefined;
    const value = field ? dataValue(ws, r, 2, 'B', field, fail) : rawValue(row.getCell(2).value);
    const where = (col: string) => `${ws.name}!${col}${r}`;
    // Note: a row with neither a field code nor a value is a section title (or empty), even where its text is also a
    // field's name (gansu's 填报的合计 section and field).
    if (key === undefined && value === undefined) continue;
    if (!field) {
      if (key !== undefined) fail('E-UNKNOWN-KEY', `${ws.name}表第${r}行：未知的字段代码“${key}”。`, where('D'), { actual: key });
      else if (value !== undefined) fail('E-UNKNOWN-KEY', `${ws.name}表第${r}行：未知的字段“${label ?? ''}”。`, where('A'), { actual: label ?? '' });
      continue;
    }
    if (seen.has(field.key)) {
      fail('E-SCHEMA', `${ws.name}表第${r}行：字段“${field.header}”重复（第${seen.get(field.key)}行已填写）。`, where('B'));
      continue;
    }
    seen.set(field.key, r);
    const path = field.key.split('.');
    at(path, where('B'));
    if (value !== undefined) set(data, path, fromCell(field, value));
  }
}

/** Reads a table sheet's rows; columns are found by their titles, so they may be reordered. */
function readTable(ws: ExcelJS.Worksheet, sheet: TableSheet, fail: Fail): Row[] {
  const top = headerRows(sheet);
  const byTitle = new Map(sheet.fields.map((x) => [columnTitle(x), x]));
  const columns: { col: number; letter: string; field: Field }[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const lower = textOf(ws.getCell(top, c).value);
    const upper = top === 2 ? textOf(ws.getCell(1, c).value) : undefined;
    const title = upper !== undefined && upper !== lower ? `${upper}·${lower ?? ''}` : lower;
    if (title === undefined) continue;
    const field = byTitle.get(title);
    const letter = ws.getColumn(c).letter;
    // Note: a record sheet's 名称 column is a lookup of its 代号 (a formula), shown for the person filling it, never data.
    if (field?.key === RECORD_NAME) continue;
    if (field) columns.push({ col: c, letter, field });
    else
      fail('E-UNKNOWN-KEY', `${sheet.name}表：未知的列“${title}”。此表的列有：${[...byTitle.keys()].join('、')}。`, `${ws.name}!${letter}${top}`, {
        actual: title,
      });
  }
  const rows: Row[] = [];
  reportMerges(ws, top, fail);
  for (const r of filledRows(ws, top + 1)) {
    const values = columns.map((c) => ({ ...c, value: dataValue(ws, r, c.col, c.letter, c.field, fail) }));
    if (values.every((v) => v.value === undefined)) continue;
    const item: Obj = {};
    const cellsByKey = new Map<string, string>();
    let parent: string | undefined;
    let key: string | undefined;
    for (const { letter, field, value } of values) {
      cellsByKey.set(field.key, `${ws.name}!${letter}${r}`);
      if (field.key === PARENT_KEY) parent = value === undefined ? '' : String(value).trim();
      else if (field.key === RECORD_KEY) key = value === undefined ? '' : String(value).trim();
      else if (value !== undefined) set(item, field.key.split('.'), fromCell(field, value));
    }
    rows.push({
      item,
      first: `${ws.name}!${values[0]?.letter ?? 'A'}${r}`,
      cells: cellsByKey,
      ...(parent !== undefined ? { parent } : {}),
      ...(key !== undefined ? { key } : {}),
    });
  }
  return rows;
}

/** 项目标识 → project index; a repeated id is an error, since child rows could not tell the projects apart. */
function indexProjects(rows: readonly Row[], fail: Fail): Map<string, number> {
  const index = new Map<string, number>();
  rows.forEach((r, i) => {
    const id = r.item['id'] === undefined ? '' : String(r.item['id']).trim();
    if (id === '') return;
    const before = index.get(id);
    if (before === undefined) index.set(id, i);
    else fail('E-SCHEMA', `项目表：项目标识“${id}”重复（第${before + 1}个项目已使用）；各项目的标识不能相同。`, r.cells.get('id'), { actual: id });
  });
  return index;
}

function projectOf(r: Row, sheet: TableSheet, index: ReadonlyMap<string, number>, fail: Fail): number | undefined {
  const cell = r.cells.get(PARENT_KEY) ?? r.first;
  if (!r.parent) {
    fail('E-REQUIRED', `${sheet.name}表：缺少项目标识，无法确定本行属于哪个项目。`, cell, { actual: '未填写' });
    return undefined;
  }
  const i = index.get(r.parent);
  if (i === undefined)
    fail('E-SCHEMA', `${sheet.name}表：项目标识“${r.parent}”在“项目”表中不存在。`, cell, { expected: [...index.keys()].join('、'), actual: r.parent });
  return i;
}

/**
 * The value a sheet's rows make at `path`: a list in row order, or for a record sheet a map by each row's 代号 (an empty
 * or repeated 代号 is reported at its cell and the row left out). Places every row's cells under its data path.
 */
function collect(sheet: TableSheet, rows: readonly Row[], path: Path, at: (p: Path, cell: string) => void, fail: Fail): unknown {
  if (!sheet.record) {
    for (const [i, r] of rows.entries()) place([...path, i], r, at);
    return rows.map((r) => r.item);
  }
  const title = sheet.fields.find((x) => x.key === RECORD_KEY)?.header ?? '代号';
  const entries: [string, Obj][] = [];
  const seen = new Map<string, string>();
  for (const r of rows) {
    const cell = r.cells.get(RECORD_KEY) ?? r.first;
    const key = r.key ?? '';
    if (key === '') {
      fail('E-REQUIRED', `${sheet.name}表：缺少${title}，无法确定本行是哪一项。`, cell, { actual: '未填写' });
      continue;
    }
    const before = seen.get(key);
    if (before !== undefined) {
      fail('E-SCHEMA', `${sheet.name}表：${title}“${key}”重复（${before}已填写）；同一${sheet.child ? '项目' : '张表'}中每项只填一行。`, cell, {
        actual: key,
      });
      continue;
    }
    seen.set(key, cell);
    entries.push([key, r.item]);
    place([...path, key], r, at);
  }
  return Object.fromEntries(entries);
}

/** Records the cell of a row and of each of its fields under the row's data path. */
function place(path: Path, r: Row, at: (p: Path, cell: string) => void): void {
  at(path, r.first);
  for (const [key, cell] of r.cells) if (key !== PARENT_KEY && key !== RECORD_KEY) at([...path, ...key.split('.')], cell);
}

/**
 * Numbers of the rows from `from` on that hold any value, ascending. Note: not 1…rowCount, which one cell in row
 * 1,048,576 makes a million getCell calls, each creating a row object; the zip guard has already bounded the rows.
 */
function filledRows(ws: ExcelJS.Worksheet, from: number): number[] {
  const out: number[] = [];
  ws.eachRow((_row, r) => {
    if (r >= from) out.push(r);
  });
  return out;
}

/** What a column of each kind holds, for the `expected` of E-WORKBOOK-CELL. */
const KIND_EXPECTED: Readonly<Record<Field['kind'], string>> = {
  text: '文字或数字',
  prose: '文字',
  amount: '数字（金额）',
  signedAmount: '数字（金额）',
  points: '数字（分值）',
  year: '四位年份',
  date: '日期或 YYYY-MM-DD',
  yesNo: '是 或 否',
  choice: '下拉列表中的一项',
  choiceList: '列出的几项，用“、”隔开',
  lines: '文字，一条一行',
  yesNoList: '是、否，按顺序用“、”隔开',
  pairs: '名称：数值，一行一项',
};

/**
 * The value of a data cell, or undefined after reporting E-WORKBOOK-CELL for a cell that is not a plain value of its
 * column's type: a date outside a date column, a formula (its cached value may be stale: jixiao does not calculate),
 * an error value such as #DIV/0!, a number that is NaN or infinite. Rich text is read as its text. The covered cells of
 * a merged range read as empty (the range itself is reported by reportMerges), never as the top-left cell's value again.
 */
function dataValue(ws: ExcelJS.Worksheet, r: number, col: number, letter: string, field: Field, fail: Fail): string | boolean | undefined {
  const cell = ws.getCell(r, col);
  if (cell.type === (excel as typeof ExcelJS).ValueType.Merge) return undefined;
  const v = cell.value;
  const bad = (what: string, actual: string): undefined => {
    fail('E-WORKBOOK-CELL', `${ws.name}表${letter}${r}（${field.header}）：${what}`, `${ws.name}!${letter}${r}`, {
      expected: KIND_EXPECTED[field.kind],
      actual,
    });
    return undefined;
  };
  if (v instanceof Date) {
    const day = v.toISOString().slice(0, 10);
    return field.kind === 'date'
      ? day
      : bad(`这是日期单元格（${day}），此列应填写${KIND_EXPECTED[field.kind]}；请把单元格格式设为“常规”或“文本”后重新填写。`, day);
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return bad(`不是有效的数字（${String(v)}）；请重新填写。`, String(v));
  if (typeof v === 'object' && v !== null) {
    if ('formula' in v || 'sharedFormula' in v) {
      const formula = 'formula' in v ? v.formula : v.sharedFormula;
      const cached = rawValue(v.result as ExcelJS.CellValue | undefined);
      return bad(
        `这是公式单元格（=${formula}，保存的计算结果为“${cached === undefined ? '空' : String(cached)}”）；jixiao 不计算公式，保存的结果可能已过时。请复制后“选择性粘贴 → 数值”。`,
        `=${formula}`,
      );
    }
    if ('error' in v) return bad(`单元格是错误值 ${v.error}；请改为实际的${KIND_EXPECTED[field.kind]}。`, String(v.error));
  }
  return rawValue(v);
}

/** E-WORKBOOK-CELL for each merged range that reaches below the header rows (`headerRows` rows at the top). */
function reportMerges(ws: ExcelJS.Worksheet, headerRows: number, fail: Fail): void {
  // Note: exceljs keeps merges in a private map (the public `model` would serialise the whole sheet to get them).
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number; range: string }> })._merges ?? {};
  for (const m of Object.values(merges)) {
    if (m.bottom <= headerRows) continue;
    const topLeft = `${ws.getColumn(m.left).letter}${m.top}`;
    fail(
      'E-WORKBOOK-CELL',
      `${ws.name}表${m.range}：数据区的单元格不能合并（合并后只有左上角的单元格有值，其余各行会读成空或同一个值）；请取消合并，在每个单元格中分别填写。`,
      `${ws.name}!${topLeft}`,
      { expected: '未合并的单元格', actual: `合并单元格 ${m.range}` },
    );
  }
}

/** A cell's value as the YAML reader would give it: text, or number text as Excel shows it (15 digits), or a boolean. */
export function rawValue(v: ExcelJS.CellValue | undefined): string | boolean | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return rawValue(v.richText.map((t) => t.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return rawValue(v.result as ExcelJS.CellValue | undefined);
  if ('error' in v) return v.error;
  if ('text' in v) return rawValue(v.text as ExcelJS.CellValue);
  return undefined;
}

/** Note: Excel shows at most 15 significant digits, so 0.1 + 0.2 typed through a formula reads as "0.3". */
export const numberText = (n: number): string => String(Number(n.toPrecision(15)) || 0);

const textOf = (v: ExcelJS.CellValue | undefined): string | undefined => {
  const raw = rawValue(v);
  return raw === undefined ? undefined : String(raw).trim();
};

/** The input value of a cell: 是/否 → boolean, a shown choice → its stored value, anything else as read. */
function fromCell(field: Field, value: string | boolean): unknown {
  if (field.kind === 'yesNo') {
    if (typeof value === 'boolean') return value;
    const t = value.trim();
    if (Object.hasOwn(YES_NO, t)) return YES_NO[t as keyof typeof YES_NO];
    return /^(true|false)$/i.test(t) ? t.toLowerCase() === 'true' : value;
  }
  if (field.kind === 'choice' && typeof value === 'string') return field.choices?.find(([shown]) => shown === value.trim())?.[1] ?? value.trim();
  if (field.kind === 'choiceList' && typeof value === 'string')
    return value
      .split(LIST_SEPARATORS)
      .filter((v) => v !== '')
      .map((v) => field.choices?.find(([shown]) => shown === v)?.[1] ?? v);
  if (field.kind === 'yesNoList' && typeof value === 'string')
    return value
      .split(LIST_SEPARATORS)
      .filter((v) => v !== '')
      .map((v) => (Object.hasOwn(YES_NO, v) ? YES_NO[v as keyof typeof YES_NO] : /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v));
  if (field.kind === 'yesNoList' && typeof value === 'boolean') return [value];
  if (field.kind === 'pairs' && typeof value === 'string') {
    // Note: a line without a separator keeps its text as the name with an empty value, which the schema reports at
    // this cell as not a number, rather than being dropped.
    const pairs = value
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .map((l): [string, string] => {
        const m = PAIR_SEPARATORS.exec(l);
        return m ? [l.slice(0, m.index).trim(), l.slice(m.index + 1).trim()] : [l, ''];
      });
    return Object.fromEntries(pairs);
  }
  if (field.kind === 'lines' && typeof value === 'string')
    return value
      .split(/\r?\n/)
      .map((v) => v.trim())
      .filter((v) => v !== '');
  return value;
}

const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join('\u001f');

/** Sets a value at a path, creating objects on the way (so an optional object exists only when one of its cells is filled). */
function set(target: Obj, path: Path, value: unknown): void {
  let o = target;
  for (const [i, step] of path.entries()) {
    if (i === path.length - 1) o[step] = value;
    else {
      o[step] ??= typeof path[i + 1] === 'number' ? [] : {};
      o = o[step] as Obj;
    }
  }
}
