/** What a CLI child process's main thread loaded, as recorded by main-thread-modules.mjs (node --import). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './fixtures.js';

/** The preload that records the modules the main thread resolves in the file $JIXIAO_MODULES_LOG. */
export const MODULES_HOOK = pathToFileURL(join(ROOT, 'tests', 'support', 'main-thread-modules.mjs')).href;

/**
 * The packages in the log (`docx`, `fflate`) and dist/'s writer chunks (`dist:xlsx`, the XLSX one holding exceljs's
 * bundled Workbook), sorted, each once; none when nothing was logged.
 */
export function loadedModules(log: string): string[] {
  let text = '';
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    /* nothing was resolved */
  }
  const names = text.split('\n').flatMap((url) => {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (pkg) return [pkg[1]!];
    const chunk = /\/dist\/(xlsx|summary-xlsx|docx|entry-workbook)-[A-Z0-9]+\.js$/.exec(url);
    return chunk ? [`dist:${chunk[1]!}`] : [];
  });
  return [...new Set(names)].sort();
}
