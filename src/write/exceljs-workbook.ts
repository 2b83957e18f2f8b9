/** exceljs 的 Workbook 类，只载入读写工作簿所需的模块（不载入流式读写器）。 */
import type ExcelJS from 'exceljs';
import Workbook from 'exceljs/lib/doc/workbook.js';

/**
 * exceljs's Workbook, the class `new ExcelJS.Workbook()` makes. Note: the package's root also loads its streaming
 * reader and writer (archiver, unzipper and their streams): 660 modules in ~280 ms on this VM, in every worker of a
 * batch. Workbook alone, which is all jixiao uses to write and read a workbook, is 278 modules in ~115 ms
 * (bench/RESULTS.md, tenth round); dist/ bundles those into the writers' chunk (scripts/build.mjs, eleventh round). The
 * page (scripts/build-web.ts) maps this import to the root's own Workbook.
 */
export const ExcelWorkbook: typeof ExcelJS.Workbook = Workbook;
