/**
 * DOCX 正文：把文档模型的块直接写成 WordprocessingML 文本（段落、表格、分节），
 * 与 docx 库对同样内容写出的 XML 逐字节相同，但不经过它的对象树。
 */
import type { Block, Cell, DocSection, Table } from '../model/doc.js';
import { cellText } from './cell-text.js';
import { placeCells, type PlacedCell } from './table-grid.js';
import { officialParts } from './docx-official.js';
import { escapeXml } from './xml-escape.js';
import { ALIGN, CELL_MARGINS, OFFICIAL_LANDSCAPE_WIDTH, SIZE, textWidth } from './styles.js';
import { isOfficial } from './official-page.js';
import { keepsWhole, rowLines } from './docx-rows.js';
import { STYLE } from './docx-styles.js';

// Note: docx's Packer spends most of a unit's time building and serialising an object per XML element
// (bench/RESULTS.md); our blocks use a handful of fixed shapes, so they are written as text here.
// tests/kit/docx-writer.test.ts holds the docx-library version of every block and asserts the same bytes.

/** A body element; a paragraph keeps its properties apart, because a section break is appended to them. */
type Part = { readonly p: true; readonly props: string; readonly content: string } | { readonly p: false; readonly xml: Iterable<string> };
const para = (props: string, content: string): Part => ({ p: true, props, content });
const partXml = (x: Part): string => (x.p ? `<w:p>${x.props === '' ? '' : `<w:pPr>${x.props}</w:pPr>`}${x.content}</w:p>` : [...x.xml].join(''));

type Alignment = (typeof ALIGN)[keyof typeof ALIGN];
const jc = (a: Alignment) => `<w:jc w:val="${a}"/>`;
const pStyle = (id: string) => `<w:pStyle w:val="${id}"/>`;

/** Bold is the one run property written on a run; fonts and sizes come from the paragraph's style. */
const BOLD = '<w:rPr><w:b/><w:bCs/></w:rPr>';
const run = (text: string, props = '') => `<w:r>${props}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const styled = (style: string, text: string, extra = '') => para(pStyle(style) + extra, text === '' ? '' : run(text));

const titleParagraph = (text: string) => styled(STYLE.title, text);
/** A 正文 paragraph: justified unless aligned otherwise; the first-line indent only when asked for. */
const bodyParagraph = (text: string, alignment: Alignment, indent: boolean) =>
  styled(STYLE.body, text, (indent ? `<w:ind w:firstLine="${2 * SIZE.三号 * 10}"/>` : '') + (alignment === ALIGN.justified ? '' : jc(alignment)));
const HEADING_STYLE = { 1: STYLE.heading1, 2: STYLE.heading2, 3: STYLE.heading3, 4: STYLE.heading4 } as const;

/** Column widths in twips: the relative widths scaled to the text width, the rounding remainder on the last column. */
export function columnTwips(table: Table, total = textWidth(table.orientation)): number[] {
  const sumRel = table.columns.reduce((a, b) => a + b, 0);
  const widths = table.columns.map((w) => Math.floor((w / sumRel) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

// Note: borders and cell margins are set once per table (`tblBorders`, `tblCellMar`), never repeated per cell.
const TABLE_PROPS = (width: number) =>
  `<w:tblPr><w:tblW w:type="dxa" w:w="${width}"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:color="auto" w:sz="4"/>`).join('')}</w:tblBorders>` +
  `<w:tblLayout w:type="fixed"/><w:tblCellMar>${(['top', 'left', 'bottom', 'right'] as const).map((s) => `<w:${s} w:type="dxa" w:w="${CELL_MARGINS[s]}"/>`).join('')}</w:tblCellMar></w:tblPr>`;

/** Alignment of a cell's text: long text and section lines left, everything else centred (the styles' default). */
const cellAlignment = (cell: Cell): Alignment => (cell.role === 'text' || cell.role === 'section' ? ALIGN.left : ALIGN.center);
const cellJc = (cell: Cell) => (cellAlignment(cell) === ALIGN.center ? '' : jc(cellAlignment(cell)));

/** Paragraphs of a cell: one per line of its text; header and section cells in the 表头 style, the rest 表格文字. */
function cellParagraphs(cell: Cell, keepNext: boolean): string {
  const role = cell.role ?? 'value';
  const style = role === 'header' || role === 'section' ? STYLE.tableHeader : STYLE.tableText;
  const pPr = `<w:pPr>${pStyle(style)}${keepNext ? '<w:keepNext/>' : ''}${cellJc(cell)}</w:pPr>`;
  const props = cell.bold ? BOLD : '';
  return cellText(cell.value)
    .split('\n')
    .map((t) => `<w:p>${pPr}${t === '' ? '' : run(t, props)}</w:p>`)
    .join('');
}

function cellXml(p: PlacedCell, width: number, content: string, merge: '' | 'restart' | 'continue'): string {
  const span = p.colSpan > 1 ? `<w:gridSpan w:val="${p.colSpan}"/>` : '';
  const vMerge = merge === '' ? '' : `<w:vMerge w:val="${merge}"/>`;
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span}${vMerge}<w:vAlign w:val="center"/></w:tcPr>${content}</w:tc>`;
}

/** The paragraph between the pieces of a split table: 1 pt high, kept with the table after it. */
export const JOINT = `<w:p><w:pPr>${pStyle(STYLE.tableText)}<w:keepNext/><w:spacing w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`;

/** The stretches of a table written as adjacent DOCX tables: [first row, end row, leading rows repeated on each page]. */
export function tablePieces(table: Table): [number, number, number][] {
  const at = table.repeatFrom;
  const n = table.rows.length;
  if (at === undefined || at <= 0 || at >= n) return [[0, n, table.headerRows]];
  return [
    [0, at, Math.min(table.headerRows, at)],
    [at, n, Math.min(table.repeatRows ?? 1, n - at)],
  ];
}

/**
 * A table on a fixed grid; a row span becomes a restart cell and one continuation cell in each row below, as in docx.
 * Note: a table whose declaration repeats an inner header (the indicator header of a 自评表) is written as two adjacent
 * DOCX tables, since Word and LibreOffice repeat only a table's leading rows; a span cut by the split starts again,
 * with its label, in the second table. Note: every cell of a row span is a merge restart, even where the split leaves
 * it one row, so that a reader can tell a cut span from a plain cell.
 * Yielded one string per row, lazily: joined, a table of 10,000 indicators is over 80 MB of text.
 */
function* tableXml(table: Table, total = textWidth(table.orientation)): Generator<string> {
  const grid = placeCells(table);
  const widths = columnTwips(table, total);
  const spanWidth = (p: PlacedCell) => widths.slice(p.col, p.col + p.colSpan).reduce((a, b) => a + b, 0);
  const lines = rowLines(grid, widths);
  for (const [k, [from, to, header]] of tablePieces(table).entries()) {
    // Note: Word and LibreOffice join tables that touch into one, whose leading rows would then repeat; a 1 pt paragraph
    // between the pieces keeps them two tables, so the second one's heading repeats.
    if (k > 0) yield JOINT;
    const row: string[] = [`<w:tbl>${TABLE_PROPS(total)}<w:tblGrid>`];
    for (const w of widths) row.push(`<w:gridCol w:w="${w}"/>`);
    row.push('</w:tblGrid>');
    for (let r = from; r < to; r++) {
      const placed = grid.rows[r]!;
      // Note: a row of labels only (section lines, column headers) keeps with the row below, so it never ends a page alone.
      const keepNext = r + 1 < to && placed.every((p) => p.cell.role === 'header' || p.cell.role === 'section');
      row.push(
        `<w:tr><w:trPr>${keepsWhole(lines[r]!) ? '<w:cantSplit/>' : ''}${r - from < header ? '<w:tblHeader/>' : ''}<w:trHeight w:val="300" w:hRule="atLeast"/></w:trPr>`,
      );
      const own = new Map(placed.map((p) => [p.col, p]));
      for (let c = 0; c < grid.width; ) {
        const above = grid.coveredFromAbove[r]?.[c];
        const cut = above !== undefined && above.row < from && r === from;
        const p = above ?? own.get(c);
        if (!p) throw new Error(`table "${table.id}" row ${r} has no cell at column ${c}`);
        row.push(
          above && !cut
            ? cellXml(p, spanWidth(p), `<w:p><w:pPr>${pStyle(STYLE.tableText)}${cellJc(p.cell)}</w:pPr></w:p>`, 'continue')
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
}

/** A block's parts; `width` is the text width of its section's pages in twips when it is not the table's orientation's default. */
type Handlers = { readonly [K in Block['type']]: (b: Extract<Block, { type: K }>, width: number | undefined) => Part[] };
const handlers: Handlers = {
  title: (b) => [titleParagraph(b.text)],
  heading: (b) => [styled(HEADING_STYLE[b.level], b.text)],
  paragraph: (b) => [bodyParagraph(b.text, ALIGN[b.align === undefined ? 'justified' : b.align], b.indent ?? false)],
  table: (b, width) => [
    titleParagraph(b.table.title),
    ...(b.table.subtitle ? [styled(STYLE.subtitle, b.table.subtitle), styled(STYLE.tableText, '', '<w:keepNext/>')] : []),
    { p: false, xml: tableXml(b.table, width) },
    ...b.table.notes.map((n) => styled(STYLE.note, n)),
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
const blockParts = (b: Block, width: number | undefined): Part[] => (handlers[b.type] as (x: Block, w: number | undefined) => Part[])(b, width);

/**
 * The content of `<w:body>`: each section's blocks, its `<w:sectPr>` appended to the properties of its last
 * paragraph (or to an empty paragraph when it ends otherwise), and the last section's as the body's last child.
 * Yielded in pieces, lazily (a table gives one per row), so that neither one string nor the list of all pieces
 * grows with the document: the caller encodes each piece as it comes.
 */
export function* bodyChunks(sections: readonly DocSection[], sectionProperties: readonly string[]): Generator<string> {
  const official = isOfficial(sections);
  for (const [i, s] of sections.entries()) {
    // Note: an official document's landscape pages keep a wider left margin for the page number (official-page.ts).
    const width = official && s.orientation === 'landscape' ? OFFICIAL_LANDSCAPE_WIDTH : undefined;
    const parts: Part[] = s.layout === 'official' ? s.blocks.flatMap(officialParts) : s.blocks.flatMap((b) => blockParts(b, width));
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
