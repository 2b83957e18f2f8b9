/** XLSX page breaks (issue 13): a multi-row header never splits across printed pages. */
import { describe, expect, it } from 'vitest';
import type { Cell, Table } from '../../src/model/doc.js';
import { placeCells } from '../../src/write/table-grid.js';
import { headerGroups, keepTogetherBreaks } from '../../src/write/xlsx-print.js';

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
});
