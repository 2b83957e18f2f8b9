/**
 * The sheet's cells go to exceljs as its worksheet model (src/write/xlsx-sheet-data.ts), not through its Cell objects.
 * These tests hold that path to exceljs's own: the same sheet built with ws.getCell and ws.mergeCells is the same file.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../../src/write/xlsx-parts.js';
import { SheetData, columnLetters } from '../../src/write/xlsx-sheet-data.js';

const when = new Date('2025-03-31T00:00:00Z');
const thin = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BOXED: Partial<ExcelJS.Style> = { font: { name: '仿宋_GB2312', size: 10.5 }, border: { top: thin, left: thin, bottom: thin, right: thin } };
const MONEY: Partial<ExcelJS.Style> = { ...BOXED, numFmt: '#,##0.00' };
const TITLE: Partial<ExcelJS.Style> = { font: { name: '黑体', size: 16 }, alignment: { horizontal: 'center' } };
const NONE: Partial<ExcelJS.Style> = {};

/** What a sheet is made of, told to one builder or the other. */
interface Builder {
  merge(top: number, left: number, bottom: number, right: number): void;
  style(r: number, c: number, s: Partial<ExcelJS.Style>): void;
  value(r: number, c: number, v: string | number | { formula: string; result: string }): void;
  height(r: number, h: number): void;
}

/**
 * A title across the sheet, a label over three rows, a number, a formula, a merge over two columns, a gap row and a block
 * merged over three rows and columns; the merges are made in another order than the one exceljs lists them in.
 */
function build(b: Builder): void {
  b.merge(1, 1, 1, 5);
  b.value(1, 1, '2023年度项目支出绩效自评表');
  b.style(1, 1, TITLE);
  for (let c = 2; c <= 5; c++) b.style(1, c, NONE);
  b.height(1, 36);
  b.merge(2, 1, 4, 1);
  for (let r = 2; r <= 4; r++) b.style(r, 1, BOXED);
  b.value(2, 1, '产出指标');
  b.style(2, 2, MONEY);
  b.value(2, 2, 1234.5);
  b.merge(2, 3, 2, 4);
  b.style(2, 3, BOXED);
  b.style(2, 4, BOXED);
  b.value(2, 3, '数量指标');
  b.style(3, 2, BOXED);
  b.value(3, 2, { formula: 'A2', result: '产出指标' });
  b.style(4, 5, BOXED);
  b.height(3, 20.7);
  b.height(6, 15);
  b.style(7, 27, BOXED);
  b.value(7, 27, '');
  // A block of three rows by three columns: cells between its first and last covered cell, with a style and without.
  b.merge(8, 1, 10, 3);
  for (let r = 8; r <= 10; r++) for (let c = 1; c <= 3; c++) b.style(r, c, r === 9 && c === 2 ? NONE : BOXED);
  b.value(8, 1, '项目名称');
  // A row span whose last cell comes after that of a column span it starts before.
  b.merge(12, 1, 14, 1);
  b.merge(13, 2, 13, 3);
  for (const [r, c] of [
    [12, 1],
    [13, 1],
    [14, 1],
    [13, 2],
    [13, 3],
  ] as const)
    b.style(r, c, BOXED);
}

async function bytesOf(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  Object.assign(wb, { creator: 'jixiao', created: when, modified: when });
  fill(wb.addWorksheet('表'));
  return Buffer.from(await workbookBytes(wb, when));
}

describe('a worksheet written from its model', () => {
  it('is the same file as the one exceljs writes from its own cells', async () => {
    const theirs = await bytesOf((ws) =>
      build({
        merge: (t, l, b, r) => ws.mergeCells(t, l, b, r),
        style: (r, c, s) => {
          ws.getCell(r, c).style = s;
        },
        value: (r, c, v) => {
          ws.getCell(r, c).value = v === '' ? null : v;
        },
        height: (r, h) => {
          ws.getRow(r).height = h;
        },
      }),
    );
    const ours = await bytesOf((ws) => {
      const data = new SheetData();
      data.attachTo(ws);
      build({
        merge: (t, l, b, r) => data.merge(t, l, b, r),
        style: (r, c, s) => data.style(r, c, s),
        value: (r, c, v) => {
          if (v !== '') data.value(r, c, v);
        },
        height: (r, h) => data.setHeight(r, h),
      });
    });
    expect(ours.length).toBeGreaterThan(1000);
    expect(ours.equals(theirs)).toBe(true);
  });

  it('reads back as the cells it was given', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    const data = new SheetData();
    data.attachTo(ws);
    data.merge(1, 1, 2, 2);
    data.value(1, 1, '标题');
    data.value(3, 28, 7);
    data.value(4, 1, { formula: 'A1', result: '标题' });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(await workbookBytes(wb, when)) as unknown as ExcelJS.Buffer);
    const sheet = back.getWorksheet('表')!;
    expect(sheet.getCell('A1').value).toBe('标题');
    expect(sheet.getCell('B2').isMerged).toBe(true);
    expect(sheet.getCell('AB3').value).toBe(7);
    expect(sheet.getCell('A4').value).toEqual({ formula: 'A1', result: '标题' });
    expect(sheet.dimensions.range).toBe('A1:AB4');
  });

  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});
