/** 按扩展名读取输入文件：.xlsx 为填报工作簿，其余为 YAML/JSON 文本。 */
import type { Diagnostic } from '../model/diagnostic.js';
import { characterProblems } from './characters.js';
import { readInput, type Loaded } from './read-input.js';
import { readWorkbook, type LayoutOf } from './read-workbook.js';

/** A data-entry workbook rather than a YAML/JSON text file. */
export const isWorkbookFile = (file: string): boolean => /\.xlsx$/i.test(file);

/**
 * Reads one input file's bytes, a workbook or a YAML/JSON text, into the same plain data; `layoutOf` gives a
 * workbook's sheets by the form its 格式 row names (yunnan's without it).
 * Note: text holding a character XML 1.0 forbids (U+FFFF, most control characters) is an error here, since
 * no DOCX/XLSX can carry it (issue 10).
 */
export async function readInputFile(file: string, bytes: Uint8Array, layoutOf?: LayoutOf): Promise<{ loaded?: Loaded; diagnostics: Diagnostic[] }> {
  const read = isWorkbookFile(file) ? await readWorkbook(file, bytes, layoutOf) : readInput(file, bytes);
  if (!read.loaded) return read;
  return { ...read, diagnostics: [...read.diagnostics, ...characterProblems(read.loaded)] };
}
