/**
 * Zip bombs and oversized workbooks (issue 10): rejected from the central directory, or while inflating with the
 * declared size as the limit, quickly and without inflating the bomb; each gives one located diagnostic.
 */
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { readWorkbook } from '../../src/load/read-workbook.js';
import { checkWorkbookZip, MAX_SHEET_ROWS, MAX_ZIP_ENTRIES } from '../../src/load/zip-guard.js';

const WORKBOOK =
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="项目指标" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS =
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const shell = (extra: Record<string, Uint8Array>) =>
  zipSync({ 'xl/workbook.xml': strToU8(WORKBOOK), 'xl/_rels/workbook.xml.rels': strToU8(RELS), ...extra }, { level: 9 });

/** Sets the declared uncompressed size of entry `name` in both its local header and the central directory. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    const [nameAt, sizeAt] = sig === 0x04034b50 ? [30, 22] : sig === 0x02014b50 ? [46, 24] : [-1, -1];
    if (nameAt < 0) continue;
    if (Buffer.from(out.subarray(i + nameAt, i + nameAt + nameBytes.length)).equals(Buffer.from(nameBytes))) view.setUint32(i + sizeAt, size, true);
  }
  return out;
}

/** Runs `f`, returning its result, the milliseconds it took and the growth of RSS in MB. */
async function measured<T>(f: () => Promise<T>): Promise<{ result: T; ms: number; rssMb: number }> {
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const result = await f();
  return { result, ms: performance.now() - started, rssMb: (process.memoryUsage().rss - before) / 1024 / 1024 };
}

describe('workbook zip guard', () => {
  it('rejects a 100 MB entry from its declared size, without inflating it', async () => {
    const bomb = shell({ 'xl/sharedStrings.xml': new Uint8Array(100 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200_000);
    const { result, rssMb } = await measured(() => readWorkbook('bomb.xlsx', bomb));
    expect(result.loaded).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'E-INPUT-LIMIT', severity: 'error', file: 'bomb.xlsx', actual: `${100 * 1024 * 1024} 字节` }]);
    expect(result.diagnostics[0]!.message).toContain('xl/sharedStrings.xml');
    expect(rssMb).toBeLessThan(150);
  });

  it('stops inflating an entry whose declared size lies, at the declared size', async () => {
    const honest = shell({ 'xl/worksheets/sheet1.xml': new Uint8Array(100 * 1024 * 1024).fill(0x20) });
    const lying = lieAboutSize(honest, 'xl/worksheets/sheet1.xml', 1000);
    const { result, rssMb } = await measured(() => readWorkbook('lie.xlsx', lying));
    expect(result.diagnostics).toMatchObject([{ code: 'E-INPUT-LIMIT', file: 'lie.xlsx', expected: '≤ 1000 字节' }]);
    expect(result.diagnostics[0]!.message).toContain('压缩炸弹');
    expect(rssMb).toBeLessThan(150);
  });

  it('rejects a total declared size over 200 MB made of entries each under 50 MB', () => {
    const parts = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`xl/media/image${i}.bin`, new Uint8Array(45 * 1024 * 1024)]));
    const p = checkWorkbookZip(shell(parts));
    expect(p?.code).toBe('E-INPUT-LIMIT');
    expect(Number(/^(\d+) 字节$/.exec(p?.actual ?? '')?.[1])).toBeGreaterThan(5 * 45 * 1024 * 1024);
    expect(p?.message).toContain('合计');
  });

  it('rejects more than 2,000 entries from the end record alone', () => {
    const parts = Object.fromEntries(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => [`x/${i}.xml`, strToU8('<a/>')]));
    expect(checkWorkbookZip(zipSync(parts))).toMatchObject({ code: 'E-INPUT-LIMIT', actual: '2001 个条目' });
  });

  it('rejects a small workbook of 200,000 rows at its sheet, before exceljs builds any row', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join('');
    const sheet = strToU8(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    const zip = shell({ 'xl/worksheets/sheet1.xml': sheet });
    expect(zip.length).toBeLessThan(1024 * 1024);
    const { result, ms } = await measured(() => readWorkbook('rows.xlsx', zip));
    expect(result.diagnostics).toMatchObject([
      { code: 'E-INPUT-LIMIT', file: 'rows.xlsx', cell: '项目指标!A1', actual: '200000 行', expected: `≤ ${MAX_SHEET_ROWS} 行` },
    ]);
    expect(ms).toBeLessThan(20_000); // Note: a generous bound; exceljs took minutes on such a file
  });

  it('accepts a workbook within every bound and reports a file that is not a zip as unreadable', () => {
    expect(checkWorkbookZip(shell({ 'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row r="1"/></sheetData></worksheet>') }))).toBeUndefined();
    expect(checkWorkbookZip(strToU8('not a zip at all'))).toMatchObject({ code: 'E-INPUT-UNREADABLE' });
  });
});
