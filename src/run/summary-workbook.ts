/** 汇总表文件：把本批各单位的行按年度、单位名称排序，原子地写到输出目录的 汇总表.xlsx。 */
import { join, relative, resolve, sep } from 'node:path';
import type { RunContext } from './context.js';
import type { SummaryRow } from './summary-row.js';

import { SUMMARY_NAME } from './own-names.js';

/** The summary workbook's file name inside the output folder. */
export { SUMMARY_NAME };

const collator = new Intl.Collator('zh-CN');

/** Rows by 年度, then 单位名称 (pinyin order), then input file, so the same batch always gives the same order. */
export function sortRows(rows: readonly SummaryRow[]): SummaryRow[] {
  return [...rows].sort(
    (a, b) => (a.year ?? 0) - (b.year ?? 0) || collator.compare(a.unitName, b.unitName) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
}

/**
 * Writes 汇总表 for these rows and returns its path. Its date is SOURCE_DATE_EPOCH when set, else 31 March after
 * the latest budget year, as for a unit without 报告日期, so identical input gives identical bytes. `bytes` are
 * those made elsewhere (a batch with workers has one of its workers make them, pool.ts Helper).
 */
export async function writeSummaryWorkbook(
  rows: readonly SummaryRow[],
  ctx: RunContext,
  bytes: Promise<Uint8Array> = summaryWorkbookBytes(rows, ctx),
): Promise<string> {
  const path = join(ctx.outDir, SUMMARY_NAME);
  await ctx.fs.writeAtomic(path, await bytes);
  return path;
}

/** The bytes of 汇总表 for these rows, as `writeSummaryWorkbook` writes them (the offline page zips them instead). */
export async function summaryWorkbookBytes(rows: readonly SummaryRow[], ctx: Pick<RunContext, 'outDir' | 'fixedDate'>): Promise<Uint8Array> {
  const latest = Math.max(1999, ...rows.map((r) => r.year ?? 0));
  const when = ctx.fixedDate ?? new Date(Date.UTC(latest + 1, 2, 31));
  // Note: the input's path as the bureau sees it from the workbook's own folder, so the folder can be moved as a whole.
  const located = rows.map((r) => ({ ...r, file: relative(resolve(ctx.outDir), resolve(r.file)).split(sep).join('/') }));
  // Note: imported here so that exceljs loads only when a build writes the summary workbook.
  const { summaryToXlsx } = await import('../write/summary-xlsx.js');
  return summaryToXlsx(sortRows(located), when);
}
