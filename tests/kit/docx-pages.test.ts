/**
 * jixiao's own page ends in DOCX tables (issue 13): the line estimate never counts fewer lines than a greedy setter
 * would, every row is written once (a cut row's parts give back its text), no page is planned fuller than it holds,
 * and a 一级/二级 span cut by a page end starts again, with its label, on the next page.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Cell, Doc, Table } from '../../src/model/doc.js';
import { cutAfterLines, greedyLineStarts, lineStarts, textLines } from '../../src/write/docx-measure.js';
import { PAGE_JOINT } from '../../src/write/docx-body.js';
import { pagedPieces, pageTops, partText, rowMeasures } from '../../src/write/docx-pages.js';
import { docToDocx } from '../../src/write/docx.js';
import { textHeight } from '../../src/write/styles.js';
import { placeCells } from '../../src/write/table-grid.js';
import { cellText } from '../../src/write/cell-text.js';
import { docxTables } from '../support/dump.js';

const WHEN = new Date('2024-03-31T00:00:00Z');
const h = (t: string, span: Partial<Cell> = {}): Cell => ({ value: { kind: 'text', text: t }, role: 'header', ...span });
const txt = (t: string): Cell => ({ value: { kind: 'text', text: t }, role: 'text' });
const score = (n: string): Cell => ({ value: { kind: 'text', text: n }, role: 'value' });
const LONG = '部门（单位）本年度预算调整数与预算数的比率，用以反映和考核部门（单位）预算的调整程度。';

/** A 计分表: header, then groups of rows under 一级/二级 labels, some with long 评分标准 text, and a 合计 row. */
function scoresheet(groups: number[][], orientation: Table['orientation'] = 'landscape'): Table {
  const rows: Cell[][] = [[h('一级指标'), h('二级指标'), h('三级指标'), h('指标说明'), h('自评分')]];
  groups.forEach((sizes, g) => {
    const count = sizes.length;
    sizes.forEach((paras, k) => {
      const text = Array.from({ length: paras }, (_, i) => `${i + 1}. ${LONG}`).join('\n');
      rows.push([...(k === 0 ? [h(`一级${g}`, { rowSpan: count }), h(`二级${g}`, { rowSpan: count })] : []), h(`指标${g}-${k}（5分）`), txt(text), score('5')]);
    });
  });
  rows.push([h('合计', { colSpan: 4 }), score('100')]);
  return { id: 't', sheetName: 't', title: '计分表', columns: [1, 1, 1.5, 4, 0.8], headerRows: 1, rows, notes: [], orientation };
}

describe('line estimate', () => {
  it('breaks CJK text anywhere, keeps a closing mark off a line start and an ASCII word whole', () => {
    expect(textLines('一二三四五', 5)).toBe(1);
    expect(textLines('一二三四五六', 5)).toBe(2);
    // “，” may not start the second line: the character before it goes along.
    const starts = lineStarts('一二三四五，六', 5);
    expect(starts).toEqual([4]);
    // 130.00 is one word: it moves whole to the next line.
    expect(lineStarts('一二三四130.00', 5)).toEqual([4]);
  });

  it('takes the short cut only where the greedy setting finds one line too (issue 14)', () => {
    const text = fc
      .array(fc.constantFrom('一', '，', '（', '“', '”', 'a', 'W', 'm', '1', ' ', '.', '%', '\u0001', '𠀀'), { maxLength: 40 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.double({ min: 0.5, max: 60, noNaN: true }), fc.boolean(), (t, width, bold) => {
        expect(lineStarts(t, width, bold)).toEqual(greedyLineStarts(t, width * 1000, bold));
      }),
      { numRuns: 3000 },
    );
    // At the bound itself: every character a full em with a quarter em between kinds still fits.
    const mixed = '一a一a一a一a';
    expect(greedyLineStarts(mixed, mixed.length * 1250, true)).toEqual([]);
  });

  it('cuts a text after n lines so that both parts give back the whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[一二三四五六七八九十，。（）a-z0-9 ]{0,60}$/), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 8 }),
        (paras, n) => {
          const text = paras.join('\n');
          const lines = textLines(text, 6);
          const [head, tail] = cutAfterLines(text, 6, n);
          if (n >= lines) {
            expect([head, tail]).toEqual([text, '']);
            return;
          }
          expect(textLines(head, 6)).toBe(n);
          expect(textLines(tail, 6)).toBe(lines - n);
          // Paragraphs are kept or cut in two; the text itself is all there, in order.
          expect((head + tail).replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
        },
      ),
    );
  });
});

describe('paged tables', () => {
  const widths = [1100, 1100, 1600, 9000, 1770];
  const pageHeight = textHeight('landscape');

  it('writes every row once, cut rows in parts that give back their text, no page fuller than it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (groups) => {
        const table = scoresheet(groups);
        const grid = placeCells(table);
        const { heights } = rowMeasures(grid, widths);
        const pieces = pagedPieces(table, grid, widths, pageHeight, 1000);
        const seen = new Map<number, string[]>();
        for (const piece of pieces)
          for (const part of piece.parts)
            seen.set(part.row, [...(seen.get(part.row) ?? []), partText(part, grid.rows[part.row]!.find((p) => p.col === 3 || p.colSpan > 1)!)]);
        expect([...seen.keys()]).toEqual(table.rows.map((_, r) => r));
        for (const [r, texts] of seen) {
          const own = cellText(grid.rows[r]!.find((p) => p.col === 3 || p.colSpan > 1)!.cell.value);
          expect(texts.join('').replace(/\n/g, ''), `row ${r}`).toBe(own.replace(/\n/g, ''));
        }
        // Each page: the piece (and the joint before it) within the page, unless one row alone is taller than a page.
        let used = 1000;
        for (const [k, piece] of pieces.entries()) {
          if (piece.newPage) used = 20;
          else if (k > 0) used += 20;
          const rows = [...piece.headerCopy, ...piece.parts];
          used += rows.reduce((a, p) => a + p.height, 0);
          if (piece.parts.length > 1) expect(used, `page of piece ${k}`).toBeLessThanOrEqual(pageHeight);
        }
        // The page plan follows the estimate: a whole row is as high as rowMeasures says.
        for (const piece of pieces) for (const part of piece.parts) if (!part.texts) expect(part.height).toBe(heights[part.row]);
      }),
      { numRuns: 60 },
    );
  });

  it('starts a cut 一级/二级 group again with its labels on the next page, under a copy of the header', async () => {
    const table = scoresheet([[9, 9, 9, 9, 9, 9]]);
    const doc: Doc = { id: 'd', fileBase: 'd', title: 'd', sections: [{ orientation: 'landscape', blocks: [{ type: 'table', table }] }] };
    const xml = strFromU8(unzipSync(await docToDocx(doc, WHEN))['word/document.xml']!);
    const pages = xml.split(PAGE_JOINT);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(1)) {
      const rows = [...page.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map(([r]) => r);
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows[0]).toContain('一级指标');
      // The first row of values restarts both labels.
      expect(rows[1]).toMatch(/<w:vMerge w:val="restart"\/>.*一级0.*<w:vMerge w:val="restart"\/>.*二级0/s);
    }
    // Read back, it is the one table it was: the header once, every row once, the cut rows joined.
    const [read] = docxTables(await docToDocx(doc, WHEN));
    const flowing = docxTables(await docToDocx(doc, WHEN, '<w:styles><w:style w:styleId="JxTableText"><w:rPr><w:sz w:val="22"/></w:rPr></w:style></w:styles>'));
    expect(read).toHaveLength(table.rows.length);
    expect(read!.map((r) => r.map((c) => c.replace(/\n/g, '')))).toEqual(flowing[0]!.map((r) => r.map((c) => c.replace(/\n/g, ''))));
  });

  it('never ends a page inside a running text that spans rows, and keeps an empty table one table', () => {
    // Groups of 4 indicators sharing one 评分标准 (as the Sichuan 效益 block does), many of them.
    const rows: Cell[][] = [[h('一级指标'), h('二级指标'), h('三级指标'), h('指标说明'), h('自评分')]];
    for (let g = 0; g < 12; g++)
      for (let k = 0; k < 4; k++)
        rows.push([
          ...(k === 0 ? [h(`一级${g}`, { rowSpan: 4 }), h(`二级${g}`, { rowSpan: 4 })] : []),
          h(`指标${g}-${k}`),
          ...(k === 0 ? [{ ...txt(LONG.repeat(2)), rowSpan: 4 }] : []),
          score('5'),
        ]);
    const table: Table = { id: 't', sheetName: 't', title: '计分表', columns: [1, 1, 1.5, 4, 0.8], headerRows: 1, rows, notes: [], orientation: 'landscape' };
    const grid = placeCells(table);
    const pieces = pagedPieces(table, grid, widths, pageHeight, 1000);
    expect(pieces.length).toBeGreaterThan(1);
    // Each page starts at a group's first row: (row − 1) is a multiple of 4.
    for (const piece of pieces.slice(1)) expect((piece.parts[0]!.row - 1) % 4).toBe(0);
    const empty: Table = { ...table, rows: [] };
    expect(pagedPieces(empty, placeCells(empty), widths, pageHeight, 0)).toHaveLength(1);
  });

  it('knows where a table starts only at the top of a page: after a section start or a page break and measured paragraphs', () => {
    const table = scoresheet([[1]]);
    const tops = pageTops(
      [{ type: 'title', text: '标题' }, { type: 'table', table }, { type: 'table', table }, { type: 'pageBreak' }, { type: 'table', table }],
      13000,
    );
    expect(tops[0]).toBe(0);
    expect(tops[1]).toBeGreaterThan(0);
    expect(tops[2]).toBeUndefined();
    expect(tops[4]).toBe(0);
    // The 附件 label of an official document's attachment is one line of the official grid.
    expect(
      pageTops(
        [
          { type: 'attachmentMark', text: '附件' },
          { type: 'table', table },
        ],
        13000,
      )[1],
    ).toBe(579);
  });
});
