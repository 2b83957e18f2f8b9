/**
 * The DOCX body is written as text for speed (src/write/docx-body.ts). These tests hold it to the docx
 * library's own output: for the seed units and for a document using every block type and table shape,
 * the file is byte-identical to the one the docx library's object model and Packer produce.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cell, CellValue, Doc, Table } from '../../src/model/doc.js';
import { Money } from '../../src/model/money.js';
import { runUnit } from '../../src/run/pipeline.js';
import { docToDocx } from '../../src/write/docx.js';
import { composeDocuments } from '../../src/profiles/yunnan/compose/documents.js';
import type { Derived } from '../../src/model/derived.js';
import type { UnitYear } from '../../src/model/unit-year.js';
import { profileFor } from '../../src/run/pipeline.js';
import { docxTables, dumpDocx } from '../support/dump.js';
import { strFromU8, unzipSync } from 'fflate';
import { JOINT } from '../../src/write/docx-body.js';
import { referenceDocx } from '../support/docx-reference.js';
import { inputPath, tempDir, testContext } from '../support/fixtures.js';

const WHEN = new Date('2024-03-31T00:00:00Z');
const h = (t: string, span: Partial<Cell> = {}): Cell => ({ value: { kind: 'text', text: t }, role: 'header', ...span });
const v = (value: CellValue, span: Partial<Cell> = {}): Cell => ({ value, role: 'value', ...span });
const LONG = '依法履行监督职责，完成年度监督计划，组织开展执法检查和专题调研。'.repeat(9);

/** Row spans over two and three rows (one over a column span), a long splittable row, bold, several lines, empty cells. */
const shapes = (orientation: Table['orientation'], notes: string[]): Table => ({
  id: 'shapes',
  sheetName: 'shapes',
  title: `表格 <${orientation}> & “引号” 'x'`,
  orientation,
  headerRows: 2,
  columns: [2, 1.5, 1.5, 1.5, 1, 1],
  notes,
  rows: [
    [h('项目', { rowSpan: 3, colSpan: 2 }), h('资金（万元）', { colSpan: 3 }), h('得分', { rowSpan: 2 })],
    [h('年初'), h('全年'), h('执行')],
    [v({ kind: 'amount', value: new Money('10.555') }), v({ kind: 'empty' }, { rowSpan: 2 }), v({ kind: 'na' }), v({ kind: 'score', value: new Money('9.5') })],
    [
      { value: { kind: 'text', text: '第一行\n\n第三行\u0001' }, role: 'text', colSpan: 2, bold: true },
      v({ kind: 'percent', value: new Money('0.88') }),
      v({ kind: 'text', text: 'a&b' }),
      v({ kind: 'number', value: new Money('0.50') }),
    ],
    [
      { value: { kind: 'text', text: '说明' }, role: 'label' },
      { value: { kind: 'text', text: LONG }, role: 'text', colSpan: 5 },
    ],
    [{ value: { kind: 'text', text: '一、分节' }, role: 'section', colSpan: 6, bold: true }],
  ],
});

const everything: Doc = {
  id: 'all',
  fileBase: 'all',
  title: '全部块 & <标题>',
  sections: [
    {
      orientation: 'portrait',
      blocks: [
        { type: 'title', text: '标题' },
        { type: 'heading', level: 1, text: '一、一级' },
        { type: 'heading', level: 2, text: '（一）二级' },
        { type: 'heading', level: 3, text: '1. 三级' },
        { type: 'paragraph', text: '两端对齐，首行缩进。', indent: true },
        { type: 'paragraph', text: '居中', align: 'center' },
        { type: 'paragraph', text: '右', align: 'right' },
        { type: 'paragraph', text: '左', align: 'left' },
        { type: 'table', table: { ...shapes('portrait', []), subtitle: '部门：某单位' } },
        // A table split at a repeated inner heading: the 项目 span is cut and starts again in the second piece.
        { type: 'table', table: { ...shapes('portrait', []), id: 'split', repeatFrom: 2, repeatRows: 1 } },
      ],
    },
    { orientation: 'landscape', blocks: [{ type: 'table', table: shapes('landscape', ['备注：', '1. 说明。']) }, { type: 'pageBreak' }] },
    { orientation: 'landscape', blocks: [] },
    { orientation: 'portrait', blocks: [{ type: 'paragraph', text: '末节' }] },
  ],
};

describe('DOCX writer', () => {
  it('writes the same bytes as the docx library for every block type, table shape and section ending', async () => {
    const [ours, theirs] = await Promise.all([docToDocx(everything, WHEN), referenceDocx(everything, WHEN)]);
    expect(dumpDocx(ours)).toBe(dumpDocx(theirs));
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
  });

  it.each(['zhanyi-renda-2023.yaml', 'zhanyi-czj-2023.yaml'])('writes the same bytes as the docx library for %s', async (input) => {
    const ctx = await testContext(tempDir());
    const r = await runUnit(inputPath(input), ctx, { write: true });
    const lp = await profileFor(ctx, 'yunnan');
    const docs = composeDocuments(r.unit as UnitYear, r.derived as Derived, lp.profile, lp.templates, ctx.render);
    const ours = new Uint8Array(readFileSync(r.outputs[0]!));
    const theirs = await referenceDocx(docs.docx, ctx.fixedDate!);
    expect(dumpDocx(ours)).toBe(dumpDocx(theirs));
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
  });
});

/** Every footer a section names, as [section index, footer type, part name]; throws on a reference that leads nowhere. */
function footerParts(docx: Uint8Array): { refs: [number, string, string][]; parts: string[]; overrides: string[] } {
  const files = unzipSync(docx);
  const text = (n: string) => strFromU8(files[n] ?? new Uint8Array());
  const rels = new Map([...text('word/_rels/document.xml.rels').matchAll(/<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"\/>/g)].map(([, id, t]) => [id!, t!]));
  const refs = [...text('word/document.xml').matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].flatMap(([s], i) =>
    [...s.matchAll(/<w:footerReference w:type="([^"]+)" r:id="([^"]+)"\/>/g)].map(([, type, id]): [number, string, string] => {
      const target = rels.get(id!);
      if (!target || !files[`word/${target}`]) throw new Error(`section ${i}: footer ${id} leads to ${target ?? 'no relationship'}`);
      return [i, type!, `word/${target}`];
    }),
  );
  return {
    refs,
    parts: Object.keys(files).filter((n) => /^word\/footer\d+\.xml$/.test(n)),
    overrides: [...text('[Content_Types].xml').matchAll(/PartName="\/(word\/footer\d+\.xml)"/g)].map(([, n]) => n!),
  };
}

describe('footers shared between sections (issue 14)', () => {
  it('writes one footer part for sections whose footers are the same, and every section names it', async () => {
    const f = footerParts(await docToDocx(everything, WHEN));
    expect(everything.sections.length).toBeGreaterThan(1);
    expect(f.refs.map(([i]) => i)).toEqual(everything.sections.map((_, i) => i));
    expect(f.parts).toEqual(['word/footer1.xml']);
    expect(new Set(f.refs.map(([, , part]) => part))).toEqual(new Set(f.parts));
    // No content type, relationship or part is left for a footer that was dropped.
    expect(f.overrides).toEqual(f.parts);
    expect(Object.keys(unzipSync(await docToDocx(everything, WHEN))).filter((n) => n.startsWith('word/_rels/footer'))).toEqual(['word/_rels/footer1.xml.rels']);
  });

  it('keeps the official layout’s different footers apart: odd and even pages, and the unnumbered ones', async () => {
    const r = await runUnit(inputPath('zhengning-renda-2023.yaml'), await testContext(tempDir()), { write: true });
    const f = footerParts(new Uint8Array(readFileSync(r.outputs[0]!)));
    const files = unzipSync(new Uint8Array(readFileSync(r.outputs[0]!)));
    // Each footer part kept differs from every other one, and each is named by some section.
    const contents = f.parts.map((n) => strFromU8(files[n]!));
    expect(new Set(contents).size).toBe(f.parts.length);
    expect(new Set(f.refs.map(([, , part]) => part))).toEqual(new Set(f.parts));
    expect(f.overrides.sort()).toEqual([...f.parts].sort());
    expect(new Set(f.refs.map(([, type]) => type))).toEqual(new Set(['default', 'even']));
  });
});

describe('tables split at a repeated inner heading (issue 13)', () => {
  const split: Table = { ...shapes('portrait', []), id: 'split', repeatFrom: 3, repeatRows: 1 };
  it('writes two tables with a 1 pt joint between them, the second one repeating its first row', async () => {
    const xml = strFromU8(
      unzipSync(await docToDocx({ ...everything, sections: [{ orientation: 'portrait', blocks: [{ type: 'table', table: split }] }] }, WHEN))[
        'word/document.xml'
      ]!,
    );
    const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map(([t]) => t);
    expect(tables).toHaveLength(2);
    expect(xml).toContain(`</w:tbl>${JOINT}<w:tbl>`);
    const headerRows = (t: string) => [...t.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map(([r]) => r.includes('<w:tblHeader/>'));
    expect(headerRows(tables[0]!)).toEqual([true, true, false]);
    expect(headerRows(tables[1]!)).toEqual([true, false, false]);
    // The row span of the empty cell (rows 2–3) is cut: a merge of one row on each side, no continuation.
    expect(tables[1]!.match(/w:val="continue"/g)).toBeNull();
    expect(tables[1]!.match(/w:val="restart"/g)).toHaveLength(1);
  });
  it('reads back as one table with the same cells as the unsplit table', async () => {
    const one = (t: Table) => docToDocx({ ...everything, sections: [{ orientation: 'portrait', blocks: [{ type: 'table', table: t }] }] }, WHEN);
    const { repeatFrom: _, ...whole } = split;
    const expected = docxTables(await one(whole));
    expect(docxTables(await one(split))).toEqual(expected);
    expect(docxTables(await one({ ...split, repeatFrom: 1 }))).toEqual(expected);
  });
});
