/** The golden runner every profile's golden test shares: a sample input's DOCX and XLSX dumps against tests/golden/<name>/. */
import { join } from 'node:path';
import { expect } from 'vitest';
import { dumpDocx, dumpXlsx } from './dump.js';
import { ROOT } from './fixtures.js';

/** The folder of an input's committed dumps (tests/golden/<input name without .yaml>). */
export const goldenDir = (name: string): string => join(ROOT, 'tests', 'golden', name.replace(/\.ya?ml$/, ''));

/**
 * Asserts the built DOCX and XLSX print exactly as the committed dumps of `name` (`npm run test:update` rewrites them;
 * under CI=true a missing dump fails).
 */
export async function expectGoldenDumps(name: string, built: { readonly docx: Uint8Array; readonly xlsx: Uint8Array }): Promise<void> {
  await expect(dumpDocx(built.docx)).toMatchFileSnapshot(join(goldenDir(name), 'report.docx.txt'));
  await expect(await dumpXlsx(built.xlsx)).toMatchFileSnapshot(join(goldenDir(name), 'tables.xlsx.txt'));
}
