/** XLSX page breaks (issue 13): a multi-row header never splits across printed pages. */
import { describe, expect, it } from 'vitest';
import type { Cell, Table } from '../../src/model/doc.js';
import { placeCells } from '../../src/write/table-grid.js';
import { headerGroups, keepTogetherBreaks } from '../../src/write/xlsx-print.js';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { pagePieces, tablesToXlsx } from '../../src/write/xlsx.js';

const h = (t: string, rowSpan = 1): Cell => ({ value: { kind: 'text', text: t }, role: 'header', ...(rowSpan > 1 ? { rowSpan } : {}) });
const v = (t: string): Cell => ({ value: { kind: 'text', text: t }, role: 'value' });
const frame = { orientation: 'portrait' as const, margins: { top: 0.8, bottom: 0.8, left: 0.6, right: 0.6 }, widthUnits: 80, titleHeight: 40, leadHeight: 40 };

/** Ten value rows, a two-row header (任务名称 spanning both), ten more value rows. */
const table: Table = {
  id: 't',
  sheetName: 't',
  title: 't',
  columns: [1, 1],
  headerRows: 0,
  notes: [],
  orientation: 'portrait',
  rows: [
    ...Array.from({ length: 10 }, () => [v('a'), v('b')]),
    [h('任务名称', 2), h('批复金额')],
    [h('总额')],
    ...Array.from({ length: 10 }, () => [v('c'), v('d')]),
  ],
};

/** The first sheet of the table's workbook as written and read back, with the rows its manual page breaks come after. */
async function written(t: Table): Promise<{ ws: ExcelJS.Worksheet; breaks: number[] }> {
  const bytes = await tablesToXlsx([t], { title: 't', when: new Date('2025-03-31') });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
  const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
  return { ws: wb.worksheets[0]!, breaks };
}

describe('XLSX print breaks', () => {
  it('finds the two-row header, not a header label spanning value rows', () => {
    expect(headerGroups(placeCells(table))).toEqual([[10, 11]]);
    const label: Table = { ...table, rows: [[h('一级', 2), v('x')], [v('y')]] };
    expect(headerGroups(placeCells(label))).toEqual([]);
  });

  it('moves a header that the page would cut to the next page, whole', () => {
    const grid = placeCells(table);
    // Note: the frame's page counts on 0.85 × 726.8 ≈ 618 pt; ten rows of 55 pt end at 590, the 110 pt header would not fit.
    const heights = grid.rows.map(() => 55);
    const breaks = keepTogetherBreaks(grid, heights, frame);
    expect(breaks).toContain(10);
    expect(breaks).not.toContain(11);
  });

  it('breaks nowhere when the table fits one page', () => {
    const grid = placeCells(table);
    expect(
      keepTogetherBreaks(
        grid,
        grid.rows.map(() => 20),
        frame,
      ),
    ).toEqual([]);
  });

  it('cuts a cell spanning rows at each page break into pieces of the same cell', () => {
    const p = { cell: h('产出指标', 10), text: '产出指标', row: 2, col: 0, rowSpan: 10, colSpan: 1 };
    expect(pagePieces(p, [5, 9, 20]).map((x) => [x.row, x.rowSpan])).toEqual([
      [2, 3],
      [5, 4],
      [9, 3],
    ]);
    expect(pagePieces(p, [2, 12])).toEqual([p]);
  });

  it('shows a continued 一级/二级 label again on the new page of the sheet, merged on each page, as a reference to the first', async () => {
    const long = 'x'.repeat(400);
    const rows: Cell[][] = [[h('一级指标'), h('二级指标'), h('三级指标')]];
    rows.push([h('产出指标', 60), h('数量指标', 60), v(long)]);
    for (let i = 1; i < 60; i++) rows.push([v(long)]);
    const t: Table = { ...table, columns: [1, 1, 3], headerRows: 1, rows };
    const { ws, breaks } = await written(t);
    expect(breaks.length).toBeGreaterThan(1);
    const merges = (ws.model as unknown as { merges: string[] }).merges.filter((m) => /^A\d/.test(m));
    expect(merges.length).toBeGreaterThan(breaks.length);
    for (const b of breaks) {
      // The row after a break starts a page: both labels are there, and no merge of column A crosses the break.
      // The repeat refers to the label it continues, so it reads as the same group, not a new one.
      expect(ws.getCell(b + 1, 1).value, `A${b + 1}`).toEqual({ formula: 'A3', result: '产出指标' });
      expect(ws.getCell(b + 1, 2).value, `B${b + 1}`).toEqual({ formula: 'B3', result: '数量指标' });
      for (const m of merges) {
        const [top, bottom] = m.split(':').map((a) => Number(a.replace(/^[A-Z]+/, '')));
        expect(top! <= b && bottom! > b, m).toBe(false);
      }
    }
  });

  it('prints the inner indicator header on every page when the table declares one (repeatFrom), as the DOCX repeats it', async () => {
    const rows: Cell[][] = [
      [h('主管部门'), v('x'), v('y')],
      [h('一级指标'), h('二级指标'), h('三级指标')],
      [h('产出指标', 3), h('数量', 3), v('a')],
      [v('b')],
      [v('c')],
    ];
    const t: Table = { ...table, columns: [1, 1, 3], headerRows: 0, rows, repeatFrom: 1, repeatRows: 1 };
    const { ws } = await written(t);
    // Row 1 is the sheet's title, so the table's row 1 (一级指标…) is sheet row 3.
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.getCell('A3').value).toBe('一级指标');
    const { repeatFrom: _f, repeatRows: _r, ...rest } = t;
    const { ws: plain } = await written({ ...rest, headerRows: 1 });
    expect(plain.pageSetup.printTitlesRow).toBe('1:2');
  });
});
