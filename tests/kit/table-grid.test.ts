/** The grid of a table (src/write/table-grid.ts): a malformed row is a bug in compose/, named by its table and row. */
import { describe, expect, it } from 'vitest';
import type { Cell, Table } from '../../src/model/doc.js';
import { placeCells } from '../../src/write/table-grid.js';

const c = (text: string, span: Partial<Cell> = {}): Cell => ({ value: { kind: 'text', text }, role: 'value', ...span });
const table = (rows: Cell[][]): Table => ({ id: 't', orientation: 'portrait', columns: [{ width: 1 }, { width: 1 }, { width: 1 }], rows }) as unknown as Table;

describe('placeCells', () => {
  it('places row spans from above and column spans', () => {
    const g = placeCells(
      table([
        [c('a', { rowSpan: 2 }), c('b', { colSpan: 2 })],
        [c('d'), c('e')],
      ]),
    );
    expect(g.rows.map((r) => r.map((p) => [p.col, p.rowSpan, p.colSpan]))).toEqual([
      [
        [0, 2, 1],
        [1, 1, 2],
      ],
      [
        [1, 1, 1],
        [2, 1, 1],
      ],
    ]);
    expect(g.coveredFromAbove[1]![0]?.cell.value).toEqual({ kind: 'text', text: 'a' });
  });

  it.each([
    ['overflows 3 columns', [[c('a', { colSpan: 2 }), c('b', { colSpan: 2 })]]],
    ['spans past the last row', [[c('a', { rowSpan: 2 }), c('b'), c('c')]]],
    ['fills 2 of 3 columns', [[c('a'), c('b')]]],
    [
      'spans over a merged cell at column 1',
      [
        [c('a'), c('b', { rowSpan: 2 }), c('c')],
        [c('d', { colSpan: 2 }), c('e')],
      ],
    ],
  ])('throws for a row that %s', (message, rows) => {
    expect(() => placeCells(table(rows))).toThrow(message);
  });
});
