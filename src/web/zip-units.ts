/**
 * 网页版的“下载全部”：把各单位已生成的 DOCX、XLSX 按命令行的输出目录结构 `<年度>/<代号>/` 放进一个 zip，
 * 另加与 build 相同代码写出的 汇总表.xlsx。
 */
import { zipSync, type Zippable } from 'fflate';
import { safeSegment } from '../run/file-names.js';
import type { UnitResult } from '../run/pipeline.js';
import { summaryRow } from '../run/summary-row.js';
import { SUMMARY_NAME, summaryWorkbookBytes } from '../run/summary-workbook.js';

/** The download's file name. */
export const ZIP_NAME = '绩效自评.zip';

/**
 * The zip of every unit that has documents, plus 汇总表.xlsx with a row for every unit (failed ones too, as in a
 * CLI build). Note: the DOCX/XLSX are zips themselves, so they are stored, not deflated again; the entries' dates
 * are the 汇总表's date, so the same inputs give the same zip.
 */
export async function zipUnits(results: readonly UnitResult[], outDir: string): Promise<Uint8Array> {
  const entries: Zippable = {};
  const rows = results.map((r) => {
    const docs = r.documents;
    if (!docs || r.year === undefined || !r.unit) return summaryRow(fromOutDir(r, outDir), []);
    const dir = `${r.year}/${safeSegment(r.unit.unit.code)}`;
    const names = [`${dir}/${docs.fileBase}.docx`, `${dir}/${docs.fileBase}.xlsx`];
    entries[names[0]!] = [docs.docx, { level: 0 }];
    entries[names[1]!] = [docs.xlsx, { level: 0 }];
    return summaryRow(fromOutDir(r, outDir), names);
  });
  const summary = await summaryWorkbookBytes(rows, { outDir, fixedDate: undefined });
  const latest = Math.max(1999, ...results.map((r) => r.year ?? 0));
  entries[SUMMARY_NAME] = [summary, { level: 0 }];
  return zipSync(entries, { mtime: new Date(Date.UTC(latest + 1, 2, 31)) });
}

// Note: the page's inputs have no folder; placed in the output folder, 汇总表 names each by its bare file name.
const fromOutDir = (r: UnitResult, outDir: string): UnitResult => ({ ...r, file: `${outDir}/${r.file}` });
