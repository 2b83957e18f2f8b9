/**
 * The workbook says what it read (issue 10): a cell that is not a plain value of its column's type is an
 * E-WORKBOOK-CELL at 文件.xlsx!工作表!单元格 — merged data cells, dates outside date columns, formulas, error values,
 * NaN, shared strings out of range — while rich text is read as text and a date in a date column as YYYY-MM-DD.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readInputFile } from '../../src/load/read-file.js';
import { INPUT_SCHEMAS } from '../../src/profiles/registry.js';
import { validateUnit } from '../../src/load/validate.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { convertInput } from '../../src/run/convert.js';
import { inputPath, tempDir, testContext } from '../support/fixtures.js';

let workbook: string;
beforeAll(async () => {
  const ctx = await testContext(tempDir());
  workbook = join(tempDir(), 'czj.xlsx');
  const r = await convertInput(inputPath('zhanyi-czj-2023.yaml'), workbook, ctx);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});

async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(workbook) as unknown as ExcelJS.Buffer);
  edit(wb);
  const out = join(tempDir(), 'edited.xlsx');
  writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
  return out;
}

/** Read diagnostics, then (when reading found none) validation's; and the data read. */
async function read(file: string): Promise<{ ds: Diagnostic[]; data: unknown }> {
  const r = await readInputFile(file, readFileSync(file));
  const ds = r.loaded && r.diagnostics.length === 0 ? validateUnit(r.loaded, INPUT_SCHEMAS).diagnostics : r.diagnostics;
  return { ds, data: r.loaded?.data };
}
const cellOf = (wb: ExcelJS.Workbook, sheet: string, key: string): ExcelJS.Cell => {
  let found: ExcelJS.Cell | undefined;
  wb.getWorksheet(sheet)!.eachRow((row) => {
    if (row.getCell(4).value === key) found = row.getCell(2);
  });
  return found!;
};

describe('cells that are not plain values', () => {
  it('reads the unedited workbook without a diagnostic', async () => {
    expect((await read(workbook)).ds.filter((d) => d.code === 'E-WORKBOOK-CELL')).toEqual([]);
  });

  it('reports merged amount cells at the range instead of reading the top-left value twice', async () => {
    const file = await edited((wb) => {
      wb.getWorksheet('项目')!.mergeCells('F3:F4');
    });
    const { ds } = await read(file);
    expect(ds).toMatchObject([{ code: 'E-WORKBOOK-CELL', severity: 'error', cell: '项目!F3', actual: '合并单元格 F3:F4' }]);
    expect(ds[0]!.file).toBe(file);
  });

  it('reports a date in an amount column with the date it holds', async () => {
    // Note: as when one types 2024-01-01 in Excel: the cell gets a date format (its own style: the
    // writer shares one style object among cells), without it exceljs reads a serial number.
    const file = await edited((wb) => {
      const c = wb.getWorksheet('项目')!.getCell('F4');
      c.value = new Date(Date.UTC(2024, 0, 1));
      c.style = { ...c.style, numFmt: 'yyyy-mm-dd' };
    });
    expect((await read(file)).ds).toMatchObject([{ code: 'E-WORKBOOK-CELL', cell: '项目!F4', actual: '2024-01-01', expected: '数字（金额）' }]);
  });

  it('reports a formula (its cached value may be stale) and an error value', async () => {
    const file = await edited((wb) => {
      wb.getWorksheet('项目')!.getCell('F4').value = { formula: 'E4+0', result: 30 } as ExcelJS.CellFormulaValue;
      wb.getWorksheet('收入')!.getCell('B2').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    });
    const { ds } = await read(file);
    expect(ds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'E-WORKBOOK-CELL', cell: '项目!F4', actual: '=E4+0' }),
        expect.objectContaining({ code: 'E-WORKBOOK-CELL', cell: '收入!B2', actual: '#DIV/0!' }),
      ]),
    );
    expect(ds.find((d) => d.cell === '项目!F4')!.message).toContain('选择性粘贴');
  });

  it('reports a NaN number instead of reading it as 0', async () => {
    const file = await edited((wb) => {
      wb.getWorksheet('收入')!.getCell('B2').value = Number.NaN;
    });
    expect((await read(file)).ds).toMatchObject([{ code: 'E-WORKBOOK-CELL', cell: '收入!B2', actual: 'NaN' }]);
  });

  it('reports a shared-string index past the end at its cell', async () => {
    const parts = unzipSync(new Uint8Array(readFileSync(workbook)));
    const sheetPart = Object.keys(parts)
      .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
      .sort()
      .at(-1)!;
    const xml = strFromU8(parts[sheetPart]!);
    const ref = /<c r="([A-Z]+\d+)"[^>]*t="s"[^>]*><v>\d+<\/v>/.exec(xml)![1]!;
    parts[sheetPart] = strToU8(xml.replace(new RegExp(`(<c r="${ref}"[^>]*t="s"[^>]*><v>)\\d+(</v>)`), '$199999$2'));
    const file = join(tempDir(), 'broken.xlsx');
    writeFileSync(file, zipSync(parts));
    const { ds } = await read(file);
    expect(ds).toMatchObject([{ code: 'E-WORKBOOK-CELL', actual: '99999' }]);
    expect(ds[0]!.cell).toMatch(new RegExp(`^[^/]+!${ref}$`));
  });

  it('reads a value in the last row of the sheet without visiting the million rows above it', async () => {
    const file = await edited((wb) => {
      wb.getWorksheet('收入')!.getCell('A1048576').value = '其他收入';
    });
    // Note: counted, not timed: reading 1…rowCount called getCell (creating a row object) over two million times.
    const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('x')) as { getCell: (...a: unknown[]) => unknown };
    const spy = vi.spyOn(proto, 'getCell');
    try {
      const { ds } = await read(file);
      expect(ds).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'E-REQUIRED', cell: '收入!B1048576' })]));
      expect(spy.mock.calls.length).toBeLessThan(100_000);
    } finally {
      spy.mockRestore();
    }
  });

  it('accepts rich text as its text and a date in the date column as YYYY-MM-DD', async () => {
    const file = await edited((wb) => {
      wb.getWorksheet('收入')!.getCell('A2').value = { richText: [{ text: '财政', font: { bold: true } }, { text: '拨款收入' }] };
      const date = cellOf(wb, '单位', 'reportDate');
      date.value = new Date(Date.UTC(2024, 2, 30));
      date.style = { ...date.style, numFmt: 'yyyy-mm-dd' };
    });
    const { ds, data } = await read(file);
    expect(ds.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(data).toMatchObject({ reportDate: '2024-03-30', finance: { income: [{ name: '财政拨款收入' }] } });
  });
});
