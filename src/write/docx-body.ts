/**
 * DOCX 正文：把文档模型的块直接写成 WordprocessingML 文本（段落、表格、分节），
 * 与 docx 库对同样内容写出的 XML 逐字节相同，但不经过它的对象树。
 */
import type { Block, Cell, DocSection, Table } from '../model/doc.js';
import { placeCells, spanWidth, type PlacedCell } from './table-grid.js';
import { officialParts } from './docx-official.js';
import { escapeXml } from './xml-escape.js';
import { ALIGN, CELL_MARGINS, OFFICIAL_LANDSCAPE_WIDTH, SIZE, textHeight, textWidth } from './styles.js';
import { isOfficial } from './official-page.js';
import { flowingPieces, keepsWhole, labelsOnly, pagedPieces, pageTops, partText, tableLeadHeight } from './docx-pages.js';
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
function cellParagraphs(cell: Cell, keepNext: boolean, text: string, mark: string): string {
  const pPr = cellPPr(cell, keepNext);
  const props = cell.bold ? BOLD : '';
  // Note: most cells are one line; only a text with line breaks is split.
  if (!text.includes('\n')) return `<w:p>${pPr}${mark}${text === '' ? '' : run(text, props)}</w:p>`;
  return text
    .split('\n')
    .map((t, i) => `<w:p>${pPr}${i === 0 ? mark : ''}${t === '' ? '' : run(t, props)}</w:p>`)
    .join('');
}

/** The paragraph properties of a cell's paragraphs, by style, keep-with-next and alignment: a dozen strings, made once. */
const CELL_PPR = new Map<string, string>();
function cellPPr(cell: Cell, keepNext: boolean): string {
  const role = cell.role ?? 'value';
  const style = role === 'header' || role === 'section' ? STYLE.tableHeader : STYLE.tableText;
  const align = cellAlignment(cell);
  const key = `${style}${keepNext ? 'k' : ''}${align}`;
  let pPr = CELL_PPR.get(key);
  if (pPr === undefined) {
    pPr = `<w:pPr>${pStyle(style)}${keepNext ? '<w:keepNext/>' : ''}${cellJc(cell)}</w:pPr>`;
    CELL_PPR.set(key, pPr);
  }
  return pPr;
}

function cellXml(p: PlacedCell, width: number, content: string, merge: '' | 'restart' | 'continue'): string {
  const span = p.colSpan > 1 ? `<w:gridSpan w:val="${p.colSpan}"/>` : '';
  const vMerge = merge === '' ? '' : `<w:vMerge w:val="${merge}"/>`;
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span}${vMerge}<w:vAlign w:val="center"/></w:tcPr>${content}</w:tc>`;
}

const JOINT_PROPS = `${pStyle(STYLE.tableText)}<w:keepNext/>`;
const JOINT_TAIL = '<w:spacing w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>';
/** The paragraph between the pieces of a split table: 1 pt high, kept with the table after it. */
export const JOINT = `<w:p><w:pPr>${JOINT_PROPS}${JOINT_TAIL}`;
/** The same paragraph where jixiao ends a page: it starts the next page (docx-pages.ts). */
export const PAGE_JOINT = `<w:p><w:pPr>${JOINT_PROPS}<w:pageBreakBefore/>${JOINT_TAIL}`;

/**
 * Name of the hidden bookmark that marks the rest of a row cut at a page foot, numbered per document: a reader of the
 * DOCX (the golden dumps) can join it to the row it continues. Note: a bookmark whose name starts with “_” is hidden in
 * Word's bookmark list.
 */
export const CONTINUED_MARK = '_JxContinued';

/**
 * A table on a fixed grid; a row span becomes a restart cell and one continuation cell in each row below, as in docx.
 * Written as the pieces docx-pages.ts plans: each a DOCX table, those that start a page after a page-breaking joint and
 * with a copy of the header; a span cut by a piece starts again, with its label, in the next. Note: every cell of a row
 * span is a merge restart, even where a piece leaves it one row, so that a reader can tell a cut span from a plain cell.
 * Yielded one string per row, lazily: joined, a table of 10,000 indicators is over 80 MB of text.
 */
function* tableXml(
  table: Table,
  total: number,
  paged: { readonly pageHeight: number; readonly used: number } | undefined,
  marks: { n: number },
): Generator<string> {
  const grid = placeCells(table);
  const widths = columnTwips(table, total);
  const pieces = paged ? pagedPieces(table, grid, widths, paged.pageHeight, paged.used) : flowingPieces(table, grid, widths);
  // Note: each row's own cells by column, once per table (a header copy writes its rows again).
  const ownCells = grid.rows.map((cells) => {
    const byCol: (PlacedCell | undefined)[] = new Array<PlacedCell | undefined>(grid.width);
    for (const p of cells) byCol[p.col] = p;
    return byCol;
  });
  for (const [k, piece] of pieces.entries()) {
    // Note: Word and LibreOffice join tables that touch into one, whose leading rows would then repeat; a 1 pt paragraph
    // between the pieces keeps them two tables, so the second one's heading repeats.
    if (k > 0) yield piece.newPage ? PAGE_JOINT : JOINT;
    const row: string[] = [`<w:tbl>${TABLE_PROPS(total)}<w:tblGrid>`];
    for (const w of widths) row.push(`<w:gridCol w:w="${w}"/>`);
    row.push('</w:tblGrid>');
    const parts = [...piece.headerCopy, ...piece.parts];
    const body = piece.headerCopy.length;
    for (const [i, part] of parts.entries()) {
      const r = part.row;
      // Note: a row of labels only (section lines, column headers) keeps with the row below, so it never ends a page alone.
      const keepNext = i + 1 < parts.length && labelsOnly(grid, r);
      const header = i < body + piece.headerRows ? '<w:tblHeader/>' : '';
      row.push(`<w:tr><w:trPr>${keepsWhole(part.lines) ? '<w:cantSplit/>' : ''}${header}<w:trHeight w:val="${part.height}" w:hRule="atLeast"/></w:trPr>`);
      const own = ownCells[r]!;
      const prev = i > 0 && i !== body ? parts[i - 1]!.row : undefined;
      let mark = '';
      if (part.continued && i === body) {
        const id = marks.n++;
        mark = `<w:bookmarkStart w:name="${CONTINUED_MARK}${id}" w:id="${id}"/><w:bookmarkEnd w:id="${id}"/>`;
      }
      for (let c = 0; c < grid.width; ) {
        const above = grid.coveredFromAbove[r]?.[c];
        // A span goes on from the row written above it in this piece; anywhere else it starts again with its label.
        const goesOn = above !== undefined && prev !== undefined && prev >= above.row && prev < r;
        const p = above ?? own[c];
        if (!p) throw new Error(`table "${table.id}" row ${r} has no cell at column ${c}`);
        const content = goesOn
          ? `<w:p><w:pPr>${pStyle(STYLE.tableText)}${cellJc(p.cell)}</w:pPr>${mark}</w:p>`
          : cellParagraphs(p.cell, keepNext, above ? p.text : partText(part, p), mark);
        row.push(cellXml(p, spanWidth(widths, p), content, goesOn ? 'continue' : p.rowSpan > 1 ? 'restart' : ''));
        mark = '';
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

/**
 * Where a block is written: the text width of its section's pages in twips when it is not the table's orientation's
 * default; how far down its page it starts (twips) when that is known, which lets a table be paginated by jixiao
 * (docx-pages.ts); the document's count of continued-row marks.
 */
interface Place {
  readonly width: number | undefined;
  readonly top: number | undefined;
  readonly marks: { n: number };
}
type Handlers = { readonly [K in Block['type']]: (b: Extract<Block, { type: K }>, at: Place) => Part[] };
const handlers: Handlers = {
  title: (b) => [titleParagraph(b.text)],
  heading: (b) => [styled(HEADING_STYLE[b.level], b.text)],
  paragraph: (b) => [bodyParagraph(b.text, ALIGN[b.align === undefined ? 'justified' : b.align], b.indent ?? false)],
  table: (b, at) => {
    const total = at.width ?? textWidth(b.table.orientation);
    const paged = at.top === undefined ? undefined : { pageHeight: textHeight(b.table.orientation), used: at.top + tableLeadHeight(b.table, total) };
    return [
      titleParagraph(b.table.title),
      ...(b.table.subtitle ? [styled(STYLE.subtitle, b.table.subtitle), styled(STYLE.tableText, '', '<w:keepNext/>')] : []),
      { p: false, xml: tableXml(b.table, total, paged, at.marks) },
      ...b.table.notes.map((n) => styled(STYLE.note, n)),
    ];
  },
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
const blockParts = (b: Block, at: Place): Part[] => (handlers[b.type] as (x: Block, at: Place) => Part[])(b, at);

/**
 * The content of `<w:body>`: each section's blocks, its `<w:sectPr>` appended to the properties of its last
 * paragraph (or to an empty paragraph when it ends otherwise), and the last section's as the body's last child.
 * Yielded in pieces, lazily (a table gives one per row), so that neither one string nor the list of all pieces
 * grows with the document: the caller encodes each piece as it comes. `paginate` false leaves every page break
 * to the viewer (a reference .docx whose table styles jixiao cannot measure).
 */
export function* bodyChunks(sections: readonly DocSection[], sectionProperties: readonly string[], paginate = true): Generator<string> {
  const official = isOfficial(sections);
  const marks = { n: 0 };
  for (const [i, s] of sections.entries()) {
    // Note: an official document's landscape pages keep a wider left margin for the page number (official-page.ts).
    const width = official && s.orientation === 'landscape' ? OFFICIAL_LANDSCAPE_WIDTH : undefined;
    const tops = paginate ? pageTops(s.blocks, width ?? textWidth(s.orientation)) : s.blocks.map(() => undefined);
    const parts: Part[] = s.layout === 'official' ? s.blocks.flatMap(officialParts) : s.blocks.flatMap((b, k) => blockParts(b, { width, top: tops[k], marks }));
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
export const bodyXml = (sections: readonly DocSection[], sectionProperties: readonly string[], paginate = true): string =>
  [...bodyChunks(sections, sectionProperties, paginate)].join('');
