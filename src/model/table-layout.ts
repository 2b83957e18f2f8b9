/**
 * 表格声明：一张表的版式（列、表头、各行单元格与数据字段的绑定、金额单位与数字格式、空白规则、备注），
 * 写在格式目录的 tables/<名称>.yaml 中，由 compose/table-layout/compose.ts 解释（DOMAIN.md §3.0）。
 * A declaration holds layout and wording only: every number comes from the table view built in TypeScript.
 */
import * as z from 'zod';

const Span = z.number().int().min(1).max(60);
/** A dotted path into the table view: `funds.total.executed`, `indicators`, `books.0.budget`. */
const Path = z.string().regex(/^\$?[\w]+(\.\$?[\w]+)*$/, { error: '应为数据字段路径，如 funds.total.executed' });

export const MONEY_UNITS = ['万元', '元', '百元'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

/** How amounts print: the unit (converted exactly from the view's unit), decimals and thousands separators. */
export const MoneyFormatSchema = z.strictObject({
  unit: z.enum(MONEY_UNITS, { error: '金额单位应为 万元、元 或 百元' }).optional(),
  places: z.number().int().min(0).max(6).optional(),
  grouping: z.boolean().optional(),
});

const CellBase = {
  /** Fixed wording; `{path}` inserts a view value (`指标{$k}:`, `{remarksLabel}\n{otherNotes}`). */
  text: z.string().optional(),
  /** The view field this cell prints. */
  field: Path.optional(),
  /** A fixed value cell: blank, or "—" (不适用). */
  value: z.enum(['empty', 'na']).optional(),
  cols: Span.optional(),
  rows: Span.optional(),
  role: z.enum(['header', 'label', 'value', 'text', 'section']).optional(),
  bold: z.boolean().optional(),
  /** How a field's value is typed; a value the view already typed (indicator values) needs none. */
  format: z.enum(['text', 'amount', 'percent', 'score', 'number']).optional(),
  ...MoneyFormatSchema.shape,
  /** percent: 'sign' "95.12%" (default), 'bare' "95.12"; places 2 unless given; trimWhole prints "100%". */
  percent: z.enum(['sign', 'bare']).optional(),
  trimWhole: z.boolean().optional(),
  /** What a zero prints: the value (default), blank, or "—". */
  zero: z.enum(['print', 'empty', 'na']).optional(),
  /** What a null value prints (a rate over a zero base): blank or "—"; default "—" for percentages, blank otherwise. */
  absent: z.enum(['empty', 'na']).optional(),
  /** What a field the view does not have prints (a fund source or a row the unit has none of); default as `absent`. */
  missing: z.enum(['empty', 'na']).optional(),
  /** The decimals, read from a view field (a profile setting such as sichuan's percentPlaces.table). */
  placesFrom: Path.optional(),
  /**
   * This cell's row heads the rest of the table and repeats on every page it continues on (the indicator header of a
   * 自评表, issue 13); the first marked row and the marked rows right after it are the repeated heading.
   */
  repeat: z.boolean().optional(),
  /** In a repeated row: merge this cell down over the following rows with the same value (一级/二级指标). */
  merge: z.boolean().optional(),
  /** One cell per item of this view list, the cell's `cols` shared among them (项目类型 boxes); fields of the item. */
  each: Path.optional(),
};

export const CellDeclSchema = z.strictObject(CellBase).check((ctx) => {
  const c = ctx.value;
  if ([c.text, c.field, c.value].filter((x) => x !== undefined).length !== 1) {
    ctx.issues.push({ code: 'custom', input: c, message: '单元格应写 text（固定文字）、field（数据字段）或 value（empty 空白、na 即“—”）三者之一' });
  }
});
export type CellDecl = z.output<typeof CellDeclSchema>;

const Cells = z.array(CellDeclSchema).min(1, { error: '一行至少应有一个单元格' });

/** One row per item of a view list; the cells' fields are the item's. */
export const EachRowsSchema = z.strictObject({
  each: Path,
  cells: Cells,
});

/** A group of rows with a lead cell in the first column spanning all of them (预算执行情况, 年度绩效指标). */
export const BlockSchema = z.strictObject({
  lead: CellDeclSchema,
  /** An item field of the block's repeated rows: the lead cell starts again at the item where it is true. */
  restartAt: Path.optional(),
  rows: z
    .array(
      z.unknown().transform((v, ctx): z.output<typeof Cells> | z.output<typeof EachRowsSchema> => {
        const parsed = (Array.isArray(v) ? Cells : EachRowsSchema).safeParse(v);
        if (parsed.success) return parsed.data;
        for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: issue.path, message: issue.message } as never);
        return z.NEVER;
      }),
    )
    .min(1),
});

const BlockRowSchema = z.strictObject({ block: BlockSchema });

/**
 * A row entry: a list of cells, `each:` repeated rows, or a `block:`. Note: chosen by shape before validating, so a
 * mistake is reported inside the entry the author meant, not as "no alternative matched".
 */
export const RowDeclSchema = z.unknown().transform((v, ctx): z.output<typeof Cells> | z.output<typeof EachRowsSchema> | z.output<typeof BlockRowSchema> => {
  const schema = Array.isArray(v) ? Cells : typeof v === 'object' && v !== null && 'block' in v ? BlockRowSchema : EachRowsSchema;
  const parsed = schema.safeParse(v);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: issue.path, message: issue.message } as never);
  return z.NEVER;
});
export type RowDecl = z.output<typeof RowDeclSchema>;

export const ColumnSchema = z.strictObject({
  /** A name for the column (指标性质 → nature); used by look-alike forms to drop or resize it. */
  id: z.string().regex(/^[\w-]+$/, { error: '列名只能含字母、数字、- 和 _' }),
  width: z.number().positive(),
  /** false: the form has no such column; cells only in it disappear, cells over it narrow. */
  present: z.boolean().default(true),
});

export const TableLayoutSchema = z
  .strictObject({
    /** Table id and sheet name, with `{path}` view values: `project-{n}`, `项目{n}-{name}`. */
    id: z.string().min(1),
    sheetName: z.string().min(1),
    title: z.string(),
    subtitle: z.string().optional(),
    orientation: z.enum(['portrait', 'landscape']).default('portrait'),
    /** Leading rows repeated on every page. */
    headerRows: z.number().int().min(0).default(0),
    columns: z.array(ColumnSchema).min(1),
    /** How amount cells print unless a cell says otherwise (default 万元, 2 decimals, no separators). */
    money: MoneyFormatSchema.default({}),
    rows: z.array(RowDeclSchema).min(1),
    /** Lines under the table, verbatim (with `{path}` values)… */
    notes: z.array(z.string()).default([]),
    /** …or taken from a view field (the profile's notes). */
    notesFrom: Path.optional(),
    /** Note: set by the loader to the declaration's file, so that a mistake found when composing names it. */
    source: z.string().optional(),
  })
  .check((ctx) => {
    const ids = ctx.value.columns.map((c) => c.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.issues.push({ code: 'custom', input: id, path: ['columns', i, 'id'], message: `列名 ${id} 重复` });
    });
    if (!ctx.value.columns.some((c) => c.present)) ctx.issues.push({ code: 'custom', input: ctx.value.columns, path: ['columns'], message: '至少应保留一列' });
    const problem = gridProblem(ctx.value.rows, ctx.value.columns.length);
    if (problem) ctx.issues.push({ code: 'custom', input: ctx.value.rows, path: ['rows', ...problem.path], message: problem.message });
  });

/** One row as the grid check sees it: each cell's span, and the path of its entry in the declaration. */
interface ShapeRow {
  readonly spans: readonly (readonly [cols: number, rows: number])[];
  readonly path: readonly (string | number)[];
}

const shape = (cells: readonly CellDecl[]): (readonly [number, number])[] => cells.map((c) => [c.cols ?? 1, c.rows ?? 1] as const);

/**
 * Checks at load that the rows fill the declared columns, taking every repeated row once (one item per list)
 * and a block's lead cell as spanning the block; the first row that cannot fit, or a row span that runs past
 * the last row, is reported at its entry.
 */
function gridProblem(rows: readonly RowDecl[], width: number): { path: (string | number)[]; message: string } | null {
  const flat: ShapeRow[] = rows.flatMap((r, i): ShapeRow[] => {
    if (Array.isArray(r)) return [{ spans: shape(r), path: [i] }];
    if ('block' in r) {
      const inner = r.block.rows.map((x, j): ShapeRow => ({ spans: shape(Array.isArray(x) ? x : x.cells), path: [i, 'block', 'rows', j] }));
      return inner.map((x, j) => (j === 0 ? { ...x, spans: [[r.block.lead.cols ?? 1, inner.length] as const, ...x.spans] } : x));
    }
    return [{ spans: shape(r.cells), path: [i, 'cells'] }];
  });
  const busy = new Array<number>(width).fill(0);
  for (const [k, row] of flat.entries()) {
    let col = 0;
    const skip = () => {
      while (col < width && busy[col]! > 0) col++;
    };
    for (const [cols, span] of row.spans) {
      skip();
      if (col + cols > width) return { path: [...row.path], message: `这一行的单元格超出了声明的 ${width} 列` };
      for (let c = col; c < col + cols; c++) busy[c] = span;
      col += cols;
    }
    skip();
    if (col < width) return { path: [...row.path], message: `这一行只排满 ${col} 列，应为 ${width} 列（上面各行的 rows 跨行也占位）` };
    if (k === flat.length - 1 && busy.some((b) => b > 1)) return { path: [...row.path], message: '有单元格的 rows 跨过了表格的最后一行' };
    for (let c = 0; c < width; c++) if (busy[c]! > 0) busy[c]! -= 1;
  }
  return null;
}

/** A validated table declaration. */
export type TableLayout = z.output<typeof TableLayoutSchema>;
