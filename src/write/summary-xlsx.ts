/**
 * 汇总表写出：工作表“单位”每个单位一行并有合计行（预算数、执行数、由合计重算的执行率、各等级的单位数），工作表“项目”每个项目
 * 一行并有合计行；金额一律以万元计（表头写明），数字是真正的数字，没有的数字留空；首行冻结并带筛选。
 */
import type ExcelJS from 'exceljs';
import { ExcelWorkbook } from './exceljs-workbook.js';
import type { Decimal } from 'decimal.js';
import { Money, ZERO } from '../model/money.js';
import type { SummaryRow } from '../model/summary.js';
import { cellNumber } from './cell-text.js';
import { workbookBytes } from './xlsx-parts.js';
import { SheetData } from './xlsx-sheet-data.js';
import { CELL_FONT_SIZE, heightForLines, wrappedLines } from './xlsx-layout.js';

/** Note: charset 134 (GB2312) tells Excel these are Chinese faces, as in the unit workbooks. */
const font = (name: string): Partial<ExcelJS.Font> => ({ name, size: CELL_FONT_SIZE, charset: 134 });
const thin = { style: 'thin', color: { argb: 'FF000000' } } as const;
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

type Value =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly numFmt: string }
  | { readonly kind: 'blank' };
const BLANK: Value = { kind: 'blank' };
const text = (t: string | null | undefined): Value => (t === null || t === undefined || t === '' ? BLANK : { kind: 'text', text: t });
const int = (n: number): Value => ({ kind: 'number', value: n, numFmt: '0' });
/** A decimal (text or Decimal) through the unit workbooks' own rounding and formats, so both show the same figure; none is blank. */
const decimal = (s: string | Decimal | null | undefined, kind: 'amount' | 'percent' | 'score'): Value => {
  const n = s === null || s === undefined ? null : cellNumber({ kind, value: new Money(s) });
  return n ? { kind: 'number', ...n } : BLANK;
};

/** 金额 in the summary are 万元 whatever the input's 金额单位 (load/ converts 元 to 万元). */
const AMOUNT_UNIT = '万元';

/** The form's id and name of its grade scale: the grade words are each form's own (DOMAIN.md), so the column says whose. */
const formCell = (profile: string | null | undefined): Value => text(profile);

interface Column<R> {
  readonly header: string;
  readonly width: number;
  readonly cell: (r: R) => Value;
}

/** 执行率 of totals: recomputed from the summed amounts, never a sum or mean of the rows' rates. */
const rateOf = (executed: Decimal, budget: Decimal): Decimal | null => (budget.isZero() ? null : executed.div(budget));
const sum = (xs: readonly (string | null | undefined)[]): Decimal =>
  xs.reduce<Decimal>((a, x) => (x === null || x === undefined ? a : a.plus(new Money(x))), ZERO);
/** “优 2、良 1” in order of first appearance; ungraded rows are not counted. */
const gradeCounts = (grades: readonly (string | null | undefined)[]): string => {
  const counts = new Map<string, number>();
  for (const g of grades) if (g) counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts].map(([g, n]) => `${g} ${n}`).join('、');
};

const UNIT_COLUMNS: readonly Column<SummaryRow>[] = [
  { header: '年度', width: 7, cell: (r) => (r.year === null ? BLANK : int(r.year)) },
  { header: '单位名称', width: 28, cell: (r) => text(r.unitName) },
  { header: '格式（等级用词）', width: 10, cell: (r) => formCell(r.profile) },
  { header: `预算数（${AMOUNT_UNIT}）`, width: 13, cell: (r) => decimal(r.budget, 'amount') },
  { header: `执行数（${AMOUNT_UNIT}）`, width: 13, cell: (r) => decimal(r.executed, 'amount') },
  { header: '执行率', width: 10, cell: (r) => decimal(r.rate, 'percent') },
  { header: '部门得分', width: 9, cell: (r) => decimal(r.score, 'score') },
  { header: '部门等级', width: 12, cell: (r) => text(r.grade) },
  { header: '项目数', width: 7, cell: (r) => int(r.projects.length) },
  { header: '警告数', width: 7, cell: (r) => int(r.warnings) },
  { header: '错误数', width: 7, cell: (r) => int(r.errors) },
  { header: '生成的文件（相对输出文件夹）', width: 50, cell: (r) => text(r.outputs.join('\n')) },
  { header: '输入文件（相对输出文件夹）', width: 30, cell: (r) => text(r.file) },
];

/** One project of one unit, as the 项目 sheet shows it. */
interface ProjectLine {
  readonly unit: SummaryRow;
  readonly project: SummaryRow['projects'][number];
}

const PROJECT_COLUMNS: readonly Column<ProjectLine>[] = [
  { header: '年度', width: 7, cell: (l) => (l.unit.year === null ? BLANK : int(l.unit.year)) },
  { header: '单位名称', width: 28, cell: (l) => text(l.unit.unitName) },
  { header: '项目名称', width: 32, cell: (l) => text(l.project.name) },
  { header: `预算数（${AMOUNT_UNIT}）`, width: 13, cell: (l) => decimal(l.project.budget, 'amount') },
  { header: `执行数（${AMOUNT_UNIT}）`, width: 13, cell: (l) => decimal(l.project.executed, 'amount') },
  { header: '执行率', width: 10, cell: (l) => decimal(l.project.rate, 'percent') },
  { header: '得分', width: 9, cell: (l) => decimal(l.project.score, 'score') },
  { header: '等级', width: 12, cell: (l) => text(l.project.grade) },
  { header: '格式（等级用词）', width: 10, cell: (l) => formCell(l.unit.profile) },
];

/** The totals row of the 单位 sheet, cell by cell (keyed by header). */
function unitTotals(rows: readonly SummaryRow[]): ReadonlyMap<string, Value> {
  const budget = sum(rows.map((r) => r.budget));
  const executed = sum(rows.map((r) => r.executed));
  return new Map<string, Value>([
    ['单位名称', text(`合计（${rows.length} 个单位）`)],
    [`预算数（${AMOUNT_UNIT}）`, decimal(budget, 'amount')],
    [`执行数（${AMOUNT_UNIT}）`, decimal(executed, 'amount')],
    ['执行率', decimal(rateOf(executed, budget), 'percent')],
    ['部门等级', text(gradeCounts(rows.map((r) => r.grade)))],
    ['项目数', int(rows.reduce((n, r) => n + r.projects.length, 0))],
    ['警告数', int(rows.reduce((n, r) => n + r.warnings, 0))],
    ['错误数', int(rows.reduce((n, r) => n + r.errors, 0))],
  ]);
}

function projectTotals(lines: readonly ProjectLine[]): ReadonlyMap<string, Value> {
  const budget = sum(lines.map((l) => l.project.budget));
  const executed = sum(lines.map((l) => l.project.executed));
  return new Map<string, Value>([
    ['项目名称', text(`合计（${lines.length} 个项目）`)],
    [`预算数（${AMOUNT_UNIT}）`, decimal(budget, 'amount')],
    [`执行数（${AMOUNT_UNIT}）`, decimal(executed, 'amount')],
    ['执行率', decimal(rateOf(executed, budget), 'percent')],
    ['等级', text(gradeCounts(lines.map((l) => l.project.grade)))],
  ]);
}

/** Adds one sheet: a bold header, a row per item, a totals row, frozen header and a filter over the item rows. */
function addSheet<R>(wb: ExcelJS.Workbook, name: string, columns: readonly Column<R>[], items: readonly R[], totals: ReadonlyMap<string, Value>): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9 as ExcelJS.PaperSize, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  // Note: the cells as exceljs's worksheet model (write/xlsx-sheet-data.ts), as the 自评表 sheets are: a 1,000-unit 汇总表
  // made a Cell object for every one of its cells, on the main thread after the workers had finished.
  const data = new SheetData();
  data.attachTo(ws);
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    data.value(1, i + 1, c.header);
    data.style(1, i + 1, { font: font('黑体'), alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border });
  });
  data.setHeight(1, heightForLines(Math.max(...columns.map((c) => wrappedLines(c.header, c.width)))));
  // Note: one style object per distinct style; exceljs remembers the id of each object it has seen (see write/xlsx.ts).
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (left: boolean, numFmt: string | undefined, bold: boolean) => {
    const key = `${String(left)}|${numFmt ?? ''}|${String(bold)}`;
    let style = styles.get(key);
    if (!style) {
      style = {
        font: font(bold ? '黑体' : '仿宋_GB2312'),
        alignment: { horizontal: left ? 'left' : 'center', vertical: 'middle', wrapText: true },
        border,
        ...(numFmt ? { numFmt } : {}),
      };
      styles.set(key, style);
    }
    return style;
  };
  const put = (row: number, values: readonly Value[], bold: boolean) => {
    let lines = 1;
    values.forEach((v, i) => {
      const c = columns[i]!;
      data.style(row, i + 1, styleOf(v.kind === 'text' && c.width >= 28, v.kind === 'number' ? v.numFmt : undefined, bold));
      if (v.kind === 'number') data.value(row, i + 1, v.value);
      else if (v.kind === 'text') {
        data.value(row, i + 1, v.text);
        lines = Math.max(lines, wrappedLines(v.text, c.width));
      }
      // Note: a blank stays an empty cell, so sums and filters in Excel see no text where there is no number.
    });
    data.setHeight(row, heightForLines(lines));
  };
  items.forEach((r, k) => {
    put(
      k + 2,
      columns.map((c) => c.cell(r)),
      false,
    );
  });
  put(
    items.length + 2,
    columns.map((c) => totals.get(c.header) ?? BLANK),
    true,
  );
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, items.length + 1), column: columns.length } };
}

/**
 * Writes 汇总表: the 单位 sheet (one row per unit, in the given order, then 合计) and the 项目 sheet (one row per project,
 * then 合计); `when` goes into every date and zip time.
 */
export async function summaryToXlsx(rows: readonly SummaryRow[], when: Date): Promise<Uint8Array> {
  const wb = new ExcelWorkbook();
  Object.assign(wb, { creator: 'jixiao', lastModifiedBy: 'jixiao', title: '绩效自评汇总表', created: when, modified: when });
  addSheet(wb, '单位', UNIT_COLUMNS, rows, unitTotals(rows));
  const lines = rows.flatMap((unit) => unit.projects.map((project) => ({ unit, project })));
  addSheet(wb, '项目', PROJECT_COLUMNS, lines, projectTotals(lines));
  return workbookBytes(wb, when);
}
