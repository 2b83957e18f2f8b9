/**
 * DOCX 正文：把文档模型的块直接写成 WordprocessingML 文本（段落、表格、分节），
 * 与 docx 库对同样内容写出的 XML 逐字节相同，但不经过它的对象树。
 */
import type { Block, Cell, DocSection, Table } from '../model/doc.js';
import { cellText } from './cell-text.js';
import { placeCells, type PlacedCell } from './table-grid.js';
import { officialParts } from './docx-official.js';
import { escapeXml } from './xml-escape.js';
import { ALIGN, CANT_SPLIT_MAX_CHARS, CELL_MARGINS, CELL_SPACING, FONTS, SIZE, textWidth } from './styles.js';

// Note: docx's Packer spends most of a unit's time building and serialising an object per XML element
// (bench/RESULTS.md); our blocks use a handful of fixed shapes, so they are written as text here.
// tests/kit/docx-writer.test.ts holds the docx-library version of every block and asserts the same bytes.

/** A body element; a paragraph keeps its properties apart, because a section break is appended to them. */
type Part = { readonly p: true; readonly props: string; readonly content: string } | { readonly p: false; readonly xml: Iterable<string> };
const para = (props: string, content: string): Part => ({ p: true, props, content });
const partXml = (x: Part): string => (x.p ? `<w:p>${x.props === '' ? '' : `<w:pPr>${x.props}</w:pPr>`}${x.content}</w:p>` : [...x.xml].join(''));

type Alignment = (typeof ALIGN)[keyof typeof ALIGN];
const jc = (a: Alignment) => `<w:jc w:val="${a}"/>`;
const spacing = (after: number, line: number) => `<w:spacing w:after="${after}" w:before="0" w:line="${line}" w:lineRule="${CELL_SPACING.lineRule}"/>`;
const keepNextXml = (on: boolean) => (on ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>');
const indentXml = (size: number) => `<w:ind w:firstLine="${2 * size * 10}"/>`;

const runProps = new Map<string, string>();
/** `<w:rPr>` of a run: all four font slots with the east-Asian face, optional bold, size in half-points; memoised. */
function rPr(face: string, size: number, bold?: boolean): string {
  const key = `${face}|${size}|${String(bold)}`;
  let xml = runProps.get(key);
  if (xml === undefined) {
    const b = bold === undefined ? '' : bold ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>';
    const latin = 'Times New Roman';
    xml = `<w:rPr><w:rFonts w:ascii="${latin}" w:cs="${latin}" w:eastAsia="${escapeXml(face)}" w:hAnsi="${latin}" w:hint="eastAsia"/>${b}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
    runProps.set(key, xml);
  }
  return xml;
}
const run = (text: string, props: string) => `<w:r>${props}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

const titleParagraph = (text: string) => para(spacing(160, 240) + jc(ALIGN.center), run(text, rPr(FONTS.title, SIZE.小二)));
const plainParagraph = (text: string, size: number, alignment: Alignment = ALIGN.left, indent = false) =>
  para(spacing(0, size > SIZE.五号 ? 300 : 240) + (indent ? indentXml(size) : '') + jc(alignment), run(text, rPr(FONTS.body, size)));

/** Column widths in twips: the relative widths scaled to the text width, the rounding remainder on the last column. */
export function columnTwips(table: Table): number[] {
  const total = textWidth(table.orientation);
  const sumRel = table.columns.reduce((a, b) => a + b, 0);
  const widths = table.columns.map((w) => Math.floor((w / sumRel) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const TABLE_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:color="auto" w:sz="4"/>`).join('')}</w:tblBorders>`;
const CELL_BORDERS = `<w:tcBorders>${['top', 'left', 'bottom', 'right'].map((s) => `<w:${s} w:val="single" w:color="000000" w:sz="4"/>`).join('')}</w:tcBorders>`;
const CELL_MARGIN_XML = `<w:tcMar>${(['top', 'left', 'bottom', 'right'] as const).map((s) => `<w:${s} w:type="dxa" w:w="${CELL_MARGINS[s]}"/>`).join('')}</w:tcMar>`;

/** Alignment of a cell's text: long text and section lines left, everything else centred. */
const cellAlignment = (cell: Cell): Alignment => (cell.role === 'text' || cell.role === 'section' ? ALIGN.left : ALIGN.center);

/** Paragraphs of a cell: one per line of its text; header cells in 黑体, the rest in 仿宋_GB2312. */
function cellParagraphs(cell: Cell, keepNext: boolean): string {
  const role = cell.role ?? 'value';
  const props = rPr(role === 'header' || role === 'section' ? FONTS.heading : FONTS.body, SIZE.五号, cell.bold ?? false);
  const pPr = `<w:pPr>${keepNextXml(keepNext)}${spacing(0, CELL_SPACING.line)}${jc(cellAlignment(cell))}</w:pPr>`;
  return cellText(cell.value)
    .split('\n')
    .map((t) => `<w:p>${pPr}${t === '' ? '' : run(t, props)}</w:p>`)
    .join('');
}

function cellXml(p: PlacedCell, width: number, content: string, merge: '' | 'restart' | 'continue'): string {
  const span = p.colSpan > 1 ? `<w:gridSpan w:val="${p.colSpan}"/>` : '';
  const vMerge = merge === '' ? '' : `<w:vMerge w:val="${merge}"/>`;
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span}${vMerge}${CELL_BORDERS}${CELL_MARGIN_XML}<w:vAlign w:val="center"/></w:tcPr>${content}</w:tc>`;
}

/**
 * A table on a fixed grid; a row span becomes a restart cell and one continuation cell in each row below, as in docx.
 * Yielded one string per row, lazily: joined, a table of 10,000 indicators is over 80 MB of text.
 */
function* tableXml(table: Table): Generator<string> {
  const grid = placeCells(table);
  const widths = columnTwips(table);
  const spanWidth = (p: PlacedCell) => widths.slice(p.col, p.col + p.colSpan).reduce((a, b) => a + b, 0);
  const row: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${textWidth(table.orientation)}"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`,
  ];
  for (const w of widths) row.push(`<w:gridCol w:w="${w}"/>`);
  row.push('</w:tblGrid>');
  for (const [r, placed] of grid.rows.entries()) {
    const longest = Math.max(0, ...placed.map((p) => cellText(p.cell.value).length));
    // Note: a row of labels only (section lines, column headers) keeps with the row below, so it never ends a page alone.
    const keepNext = r + 1 < grid.rows.length && placed.every((p) => p.cell.role === 'header' || p.cell.role === 'section');
    row.push(
      `<w:tr><w:trPr>${longest < CANT_SPLIT_MAX_CHARS ? '<w:cantSplit/>' : '<w:cantSplit w:val="off"/>'}`,
      `${r < table.headerRows ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}<w:trHeight w:val="300" w:hRule="atLeast"/></w:trPr>`,
    );
    const own = new Map(placed.map((p) => [p.col, p]));
    for (let c = 0; c < grid.width; ) {
      const above = grid.coveredFromAbove[r]?.[c];
      const p = above ?? own.get(c);
      if (!p) throw new Error(`table "${table.id}" row ${r} has no cell at column ${c}`);
      row.push(
        above
          ? cellXml(p, spanWidth(p), `<w:p><w:pPr>${jc(cellAlignment(p.cell))}</w:pPr></w:p>`, 'continue')
          : cellXml(p, spanWidth(p), cellParagraphs(p.cell, keepNext), p.rowSpan > 1 ? 'restart' : ''),
      );
      c += p.colSpan;
    }
    row.push('</w:tr>');
    // Note: one string per row keeps every string small; one string for the whole table grew past V8's limit.
    yield row.join('');
    row.length = 0;
  }
  if (row.length > 0) yield row.join(''); // Note: a table without rows still has its properties and grid
  yield '</w:tbl>';
}

type Handlers = { readonly [K in Block['type']]: (b: Extract<Block, { type: K }>) => Part[] };
const handlers: Handlers = {
  title: (b) => [titleParagraph(b.text)],
  heading: (b) => [
    para(spacing(0, 300) + indentXml(SIZE.三号), run(b.text, rPr(b.level === 1 ? FONTS.heading : b.level === 2 ? FONTS.kai : FONTS.body, SIZE.三号))),
  ],
  paragraph: (b) => [plainParagraph(b.text, SIZE.三号, ALIGN[b.align === undefined ? 'justified' : b.align], b.indent ?? false)],
  table: (b) => [
    titleParagraph(b.table.title),
    ...(b.table.subtitle ? [plainParagraph(b.table.subtitle, SIZE.四号), plainParagraph('', SIZE.五号)] : []),
    { p: false, xml: tableXml(b.table) },
    ...b.table.notes.map((n) => plainParagraph(n, SIZE.小五)),
  ],
  pageBreak: () => [para('', '<w:r><w:br w:type="page"/></w:r>')],
  // Note: the GB/T 9704 elements look the same on any page; they are written by docx-official.ts.
  masthead: (b) => officialParts(b),
  docNumber: (b) => officialParts(b),
  attachments: (b) => officialParts(b),
  signature: (b) => officialParts(b),
  attachmentMark: (b) => officialParts(b),
  colophon: (b) => officialParts(b),
};
/** Dispatches a block to its handler; the Handlers type makes a new block type break the build until handled. */
const blockParts = (b: Block): Part[] => (handlers[b.type] as (x: Block) => Part[])(b);

/**
 * The content of `<w:body>`: each section's blocks, its `<w:sectPr>` appended to the properties of its last
 * paragraph (or to an empty paragraph when it ends otherwise), and the last section's as the body's last child.
 * Yielded in pieces, lazily (a table gives one per row), so that neither one string nor the list of all pieces
 * grows with the document: the caller encodes each piece as it comes.
 */
export function* bodyChunks(sections: readonly DocSection[], sectionProperties: readonly string[]): Generator<string> {
  for (const [i, s] of sections.entries()) {
    const parts: Part[] = s.layout === 'official' ? s.blocks.flatMap(officialParts) : s.blocks.flatMap(blockParts);
    const sectPr = sectionProperties[i] ?? '';
    if (i < sections.length - 1) {
      const last = parts[parts.length - 1];
      if (last?.p) parts[parts.length - 1] = para(last.props + sectPr, last.content);
      else parts.push(para(sectPr, ''));
    }
    for (const part of parts) {
      if (part.p) yield partXml(part);
      else yield* part.xml;
    }
  }
  yield sectionProperties[sections.length - 1] ?? '';
}

/** The content of `<w:body>` as one string (for small documents and tests). */
export const bodyXml = (sections: readonly DocSection[], sectionProperties: readonly string[]): string => [...bodyChunks(sections, sectionProperties)].join('');
