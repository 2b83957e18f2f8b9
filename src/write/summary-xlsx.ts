/** 汇总表写出：每个单位一行（年度、单位、金额、执行率、得分等级、项目得分、问题数、文件），首行冻结并带筛选。 */
import ExcelJS from 'exceljs';
import { Money, formatScore } from '../model/money.js';
import type { SummaryRow } from '../model/summary.js';
import { cellNumber, NOT_APPLICABLE } from './cell-text.js';
import { workbookBytes } from './xlsx-parts.js';
import { CELL_FONT_SIZE, heightForLines, wrappedLines } from './xlsx-layout.js';

/** Note: charset 134 (GB2312) tells Excel these are Chinese faces, as in the unit workbooks. */
const font = (name: string): Partial<ExcelJS.Font> => ({ name, size: CELL_FONT_SIZE, charset: 134 });
const thin = { style: 'thin', color: { argb: 'FF000000' } } as const;
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

type Value =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly numFmt: string }
  | { readonly kind: 'na' };
const text = (t: string): Value => ({ kind: 'text', text: t });
const int = (n: number): Value => ({ kind: 'number', value: n, numFmt: '0' });
/** A decimal text through the unit workbooks' own rounding and formats, so both show the same figure. */
const decimal = (s: string | null, kind: 'amount' | 'percent' | 'score'): Value => {
  const n = s === null ? null : cellNumber({ kind, value: new Money(s) });
  return n ? { kind: 'number', ...n } : { kind: 'na' };
};
const projectText = (r: SummaryRow) =>
  r.projects
    .map((p) => [p.name, p.score === null ? NOT_APPLICABLE : formatScore(new Money(p.score)), p.grade ?? ''].filter((x) => x !== '').join(' '))
    .join('；');

/** The columns of 汇总表: header, width in Excel units, and the cell of a row. */
const COLUMNS: readonly { readonly header: string; readonly width: number; readonly cell: (r: SummaryRow) => Value }[] = [
  { header: '年度', width: 7, cell: (r) => (r.year === null ? { kind: 'na' } : int(r.year)) },
  { header: '单位名称', width: 28, cell: (r) => text(r.unitName) },
  { header: '金额单位', width: 9, cell: (r) => (r.amountUnit === null ? { kind: 'na' } : text(r.amountUnit)) },
  { header: '预算数', width: 12, cell: (r) => decimal(r.budget, 'amount') },
  { header: '执行数', width: 12, cell: (r) => decimal(r.executed, 'amount') },
  { header: '执行率', width: 10, cell: (r) => decimal(r.rate, 'percent') },
  { header: '部门得分', width: 9, cell: (r) => decimal(r.score, 'score') },
  { header: '部门等级', width: 9, cell: (r) => text(r.grade ?? NOT_APPLICABLE) },
  { header: '项目数', width: 7, cell: (r) => int(r.projects.length) },
  { header: '项目得分', width: 40, cell: (r) => text(projectText(r)) },
  { header: '警告数', width: 7, cell: (r) => int(r.warnings) },
  { header: '错误数', width: 7, cell: (r) => int(r.errors) },
  { header: '生成的文件', width: 50, cell: (r) => text(r.outputs.join('\n')) },
  { header: '输入文件', width: 30, cell: (r) => text(r.file) },
];

/** Writes 汇总表 with one row per unit in the given order; `when` goes into every date and zip time. */
export async function summaryToXlsx(rows: readonly SummaryRow[], when: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  Object.assign(wb, { creator: 'jixiao', lastModifiedBy: 'jixiao', title: '绩效自评汇总表', created: when, modified: when });
  const ws = wb.addWorksheet('汇总表', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9 as ExcelJS.PaperSize, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    const cell = ws.getCell(1, i + 1);
    cell.value = c.header;
    cell.style = { font: font('黑体'), alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border };
  });
  ws.getRow(1).height = heightForLines(1);
  // Note: one style object per distinct style; exceljs remembers the id of each object it has seen (see write/xlsx.ts).
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (left: boolean, numFmt: string | undefined) => {
    const key = `${String(left)}|${numFmt ?? ''}`;
    let style = styles.get(key);
    if (!style) {
      style = {
        font: font('仿宋_GB2312'),
        alignment: { horizontal: left ? 'left' : 'center', vertical: 'middle', wrapText: true },
        border,
        ...(numFmt ? { numFmt } : {}),
      };
      styles.set(key, style);
    }
    return style;
  };
  rows.forEach((r, k) => {
    let lines = 1;
    COLUMNS.forEach((c, i) => {
      const v = c.cell(r);
      const cell = ws.getCell(k + 2, i + 1);
      cell.style = styleOf(v.kind === 'text' && c.width >= 28, v.kind === 'number' ? v.numFmt : undefined);
      if (v.kind === 'number') {
        cell.value = v.value;
      } else {
        const t = v.kind === 'na' ? NOT_APPLICABLE : v.text;
        if (t !== '') cell.value = t; // Note: '' would become a shared string; empty stays null
        lines = Math.max(lines, wrappedLines(t, c.width));
      }
    });
    ws.getRow(k + 2).height = heightForLines(lines);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: COLUMNS.length } };
  return workbookBytes(wb, when);
}
