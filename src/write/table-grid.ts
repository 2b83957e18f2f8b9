/** 表格网格：把带跨行跨列的行放到绝对网格上，供 DOCX 与 XLSX 两个写出器共用。 */
import assert from 'node:assert/strict';
import type { Cell, Table } from '../model/doc.js';
import { cellText } from './cell-text.js';

/** A cell placed on the grid: its top-left position and extent, and the text it prints (cell-text.ts). */
export interface PlacedCell {
  readonly cell: Cell;
  /** cellText of the cell's value, once per cell: both writers measure and write it. */
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** The grid of a table: placed cells per row, and for each slot whether a span from above covers it. */
export interface Grid {
  readonly width: number;
  readonly rows: readonly (readonly PlacedCell[])[];
  /** covered[r][c] is the cell whose row span covers (r, c) from an earlier row, if any. */
  readonly coveredFromAbove: readonly (readonly (PlacedCell | undefined)[])[];
}

/** The width of a placed cell: the sum of the widths (any unit) of the columns it spans. */
export function spanWidth(widths: readonly number[], p: PlacedCell): number {
  let sum = 0;
  for (let c = p.col; c < p.col + p.colSpan; c++) sum += widths[c] ?? 0;
  return sum;
}

/** The grids placed so far: a unit's DOCX and XLSX writers place the same tables (a table is never changed once made). */
const GRIDS = new WeakMap<Table, Grid>();

/**
 * Places the cells of each row left to right, skipping slots covered by row spans from above; once per table.
 * A row that does not fill the grid exactly is a bug in compose/, not a user error.
 */
export function placeCells(table: Table): Grid {
  let grid = GRIDS.get(table);
  if (!grid) {
    grid = place(table);
    GRIDS.set(table, grid);
  }
  return grid;
}

function place(table: Table): Grid {
  const width = table.columns.length;
  const covered: (PlacedCell | undefined)[][] = table.rows.map(() => new Array<PlacedCell | undefined>(width).fill(undefined));
  const rows: PlacedCell[][] = [];
  table.rows.forEach((cells, r) => {
    const placed: PlacedCell[] = [];
    let col = 0;
    const skipCovered = () => {
      while (col < width && covered[r]![col]) col++;
    };
    skipCovered();
    for (const cell of cells) {
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      // Note: each message is made only when its check fails; made for every cell they were a tenth of a unit's allocation.
      if (col + colSpan > width) assert.fail(`table "${table.id}" row ${r} overflows ${width} columns`);
      if (r + rowSpan > table.rows.length) assert.fail(`table "${table.id}" row ${r} spans past the last row`);
      for (let dc = 0; dc < colSpan; dc++)
        if (covered[r]![col + dc]) assert.fail(`table "${table.id}" row ${r} spans over a merged cell at column ${col + dc}`);
      const p: PlacedCell = { cell, text: cellText(cell.value), row: r, col, rowSpan, colSpan };
      placed.push(p);
      for (let dr = 1; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) {
          if (covered[r + dr]![col + dc]) assert.fail(`table "${table.id}" row ${r + dr} has two spans over column ${col + dc}`);
          covered[r + dr]![col + dc] = p;
        }
      col += colSpan;
      skipCovered();
    }
    if (col !== width) assert.fail(`table "${table.id}" row ${r} fills ${col} of ${width} columns`);
    rows.push(placed);
  });
  return { width, rows, coveredFromAbove: covered };
}
