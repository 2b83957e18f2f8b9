/**
 * 表格组装：(表格声明, 表格视图) → Table。逐行展开声明（固定行、按列表重复的行、带首列合并单元格的行组），
 * 相同的一级/二级指标向下合并，再把单元格排进完整的列网格，去掉声明为不存在的列（DOMAIN.md §3.0）。
 */
import type { Cell, Table } from '../../model/doc.js';
import type { CellDecl, RowDecl, TableLayout } from '../../model/table-layout.js';
import { cellOf } from './cell-value.js';
import { TemplateError } from '../templates.js';
import { UnknownFieldError, interpolate, lookup, type Scope, type TableView } from './view.js';

/** A declared cell with its scope and spans, before the grid is known. */
interface Pending {
  readonly decl: CellDecl;
  readonly scope: Scope;
  readonly colSpan: number;
  rowSpan: number;
}

type Row = Pending[];
type Cells = readonly CellDecl[];
type Each = { readonly each: string; readonly cells: Cells };

const pending = (decl: CellDecl, scope: Scope, colSpan = decl.cols ?? 1): Pending => ({ decl, scope, colSpan, rowSpan: decl.rows ?? 1 });

/** The items of a view list; a missing list has none. */
function itemsOf(scope: Scope, path: string): Readonly<Record<string, unknown>>[] {
  const v = lookup(scope, path);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new UnknownFieldError(`表格视图的字段 ${path} 不是列表`);
  return v as Readonly<Record<string, unknown>>[];
}

/** A row's cells; a cell with `each` becomes one cell per item, sharing its columns (the first ones one wider). */
function rowOf(cells: Cells, scope: Scope): Row {
  return cells.flatMap((decl) => {
    if (decl.each === undefined) return [pending(decl, scope)];
    const items = itemsOf(scope, decl.each);
    const cols = decl.cols ?? 1;
    if (items.length > cols) throw new LayoutError(`${decl.each} 有 ${items.length} 项，多于这些单元格共有的 ${cols} 列`);
    return items.map((item, k) => pending(decl, { ...scope, item }, Math.floor(cols / items.length) + (k < cols % items.length ? 1 : 0)));
  });
}

/**
 * One row per item. Cells marked `merge` span down over the following items with the same value, nested: a merge
 * cell continues only while every merge cell before it in the row continues too. `$n` counts items from 1, `$k`
 * counts items within the innermost merged group (指标1:, 指标2: under each 二级指标).
 */
function eachRows(spec: Each, scope: Scope): Row[] {
  const items = itemsOf(scope, spec.each);
  const mergeIdx = spec.cells.flatMap((c, i) => (c.merge ? [i] : []));
  // Note: each item's merge values are worked out once (as JSON, so that equal figures compare equal), not again for
  // every cell of every row (issue 14).
  const mergeValues = items.map((item) =>
    mergeIdx.map((i) => {
      const c = spec.cells[i]!;
      const v = c.field !== undefined ? lookup({ ...scope, item }, c.field) : interpolate(c.text ?? '', { ...scope, item });
      return JSON.stringify(v) ?? 'null';
    }),
  );
  /** Whether item n has the same values as item n−1 in every merge cell up to column `upTo`. */
  const continues = (n: number, upTo: number): boolean => n > 0 && mergeIdx.every((i, j) => i > upTo || mergeValues[n - 1]![j] === mergeValues[n]![j]);
  const rows: Row[] = [];
  const open = new Map<number, Pending>();
  let k = 0;
  items.forEach((item, n) => {
    const innermost = mergeIdx.at(-1);
    k = innermost !== undefined && continues(n, innermost) ? k + 1 : 1;
    const itemScope: Scope = { ...scope, item, vars: { ...scope.vars, $n: n + 1, $k: k } };
    const row: Row = [];
    spec.cells.forEach((decl, i) => {
      if (decl.merge && continues(n, i)) {
        open.get(i)!.rowSpan += 1;
        return;
      }
      const p = pending(decl, itemScope);
      if (decl.merge) open.set(i, p);
      row.push(p);
    });
    rows.push(row);
  });
  return rows;
}

/** The rows of a block, the lead cell prepended to its first row (and again where `restartAt` is true) spanning down. */
function blockRows(block: { readonly lead: CellDecl; readonly restartAt?: string | undefined; readonly rows: readonly (Cells | Each)[] }, scope: Scope): Row[] {
  const rows: Row[] = [];
  const starts: number[] = [0];
  for (const r of block.rows) {
    if (isEach(r)) {
      const items = itemsOf(scope, r.each);
      const expanded = eachRows(r, scope);
      if (block.restartAt !== undefined) {
        items.forEach((item, i) => {
          if (lookup({ ...scope, item }, block.restartAt!) === true) starts.push(rows.length + i);
        });
      }
      rows.push(...expanded);
    } else rows.push(rowOf(r, scope));
  }
  const bounds = [...new Set(starts)].sort((a, b) => a - b);
  bounds.forEach((start, j) => {
    const end = bounds[j + 1] ?? rows.length;
    if (end <= start) return;
    rows[start]!.unshift({ ...pending(block.lead, scope), rowSpan: end - start });
  });
  return rows;
}

const isEach = (r: unknown): r is Each => typeof r === 'object' && r !== null && !Array.isArray(r) && 'each' in r;

function expand(decls: readonly RowDecl[], scope: Scope): Row[] {
  return decls.flatMap((r): Row[] => {
    if (Array.isArray(r)) return [rowOf(r, scope)];
    if ('block' in r) return blockRows(r.block, scope);
    return eachRows(r, scope);
  });
}

/**
 * Places the rows on the declared grid and narrows it to the present columns: a cell keeps the present columns it
 * covers, and disappears when it covers none. Throws when a declaration does not fill its grid (a faulty form).
 */
function place(rows: readonly Row[], layout: TableLayout): Cell[][] {
  const width = layout.columns.length;
  const present = layout.columns.map((c) => c.present);
  const busy = new Array<number>(width).fill(0);
  return rows.map((row, r) => {
    let col = 0;
    const out: Cell[] = [];
    const skipBusy = () => {
      while (col < width && busy[col]! > 0) col++;
    };
    for (const p of row) {
      skipBusy();
      if (col + p.colSpan > width) throw new LayoutError(`第 ${r + 1} 行超出 ${width} 列`);
      let kept = 0;
      for (let c = col; c < col + p.colSpan; c++) {
        if (present[c]) kept += 1;
        busy[c] = p.rowSpan;
      }
      col += p.colSpan;
      if (kept === 0) continue;
      const cell = cellOf(p.decl, p.scope, layout);
      // Note: most cells span nothing; they are the cell cellOf made, not a copy of it.
      out.push(kept > 1 || p.rowSpan > 1 ? { ...cell, ...(kept > 1 ? { colSpan: kept } : {}), ...(p.rowSpan > 1 ? { rowSpan: p.rowSpan } : {}) } : cell);
    }
    skipBusy();
    if (col !== width) throw new LayoutError(`第 ${r + 1} 行只排满 ${col} / ${width} 列`);
    for (let c = 0; c < width; c++) if (busy[c]! > 0) busy[c]! -= 1;
    return out;
  });
}

/** Widths of the present columns, scaled so that together they keep the declared total width. */
function widths(layout: TableLayout): number[] {
  const all = layout.columns.reduce((s, c) => s + c.width, 0);
  const kept = layout.columns.filter((c) => c.present);
  const sum = kept.reduce((s, c) => s + c.width, 0);
  if (sum === all) return kept.map((c) => c.width);
  return kept.map((c) => Math.round((c.width * all * 100) / sum) / 100);
}

/** Excel's sheet-name rules: none of []:*?/\ and at most 31 characters. */
const sheetName = (name: string): string => name.replace(/[[\]:*?/\\]/g, '').slice(0, 31);

/**
 * Builds the table a declaration describes from its view; pure. A declaration that names a field the view lacks,
 * or whose rows do not fill the grid, is a mistake in the form: a TemplateError naming `source`.
 */
export function composeTable(layout: TableLayout, view: TableView, source = 'tables'): Table {
  try {
    return build(layout, view);
  } catch (e) {
    if (e instanceof UnknownFieldError || e instanceof LayoutError) throw new TemplateError(source, `表格声明 ${source} 有误：${e.message}`);
    throw e;
  }
}

/** A declaration whose rows do not fit its columns. */
class LayoutError extends Error {
  override name = 'LayoutError';
}

function build(layout: TableLayout, view: TableView): Table {
  // Note: `{$moneyUnit}` labels a header in the unit the table prints (项目资金（{$moneyUnit}）).
  const scope: Scope = { root: view, vars: { $moneyUnit: layout.money.unit ?? '万元' } };
  const id = interpolate(layout.id, scope);
  const fromView = layout.notesFrom === undefined ? [] : lookup(scope, layout.notesFrom);
  const notes = [...layout.notes.map((n) => interpolate(n, scope)), ...(Array.isArray(fromView) ? (fromView as string[]) : [])];
  const subtitle = layout.subtitle === undefined ? undefined : interpolate(layout.subtitle, scope);
  const expanded = expand(layout.rows, scope);
  return {
    id,
    sheetName: sheetName(interpolate(layout.sheetName, scope)),
    title: interpolate(layout.title, scope),
    columns: widths(layout),
    headerRows: layout.headerRows,
    ...repeatedHeading(expanded),
    rows: place(expanded, layout),
    notes,
    ...(subtitle !== undefined ? { subtitle } : {}),
    orientation: layout.orientation,
  };
}

/** The first run of rows with a `repeat` cell: where the repeated inner heading starts and how many rows it has. */
function repeatedHeading(rows: readonly Row[]): { repeatFrom: number; repeatRows: number } | Record<string, never> {
  const marked = (r: number) => rows[r]?.some((p) => p.decl.repeat === true) ?? false;
  const from = rows.findIndex((_, r) => marked(r));
  if (from < 0) return {};
  let to = from;
  while (marked(to)) to++;
  return { repeatFrom: from, repeatRows: to - from };
}
