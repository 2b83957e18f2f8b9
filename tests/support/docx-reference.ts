/**
 * The DOCX writer as it was built on the docx library's object model: the reference that src/write/docx-body.ts
 * must match byte for byte (tests/docx-writer.test.ts). Kept in tests only; jixiao writes the body as text.
 */
import {
  BookmarkEnd,
  BookmarkStart,
  Document,
  type IParagraphOptions,
  type ParagraphChild,
  HeightRule,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  Table as DocxTable,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { Block, Cell, Doc, Table } from '../../src/model/doc.js';
import { cellText } from '../../src/write/cell-text.js';
import { placeCells, spanWidth, type PlacedCell } from '../../src/write/table-grid.js';
import { CONTINUED_MARK } from '../../src/write/docx-body.js';
import { flowingPieces, keepsWhole, labelsOnly, pagedPieces, pageTops, partText, tableLeadHeight } from '../../src/write/docx-pages.js';
import { STYLE } from '../../src/write/docx-styles.js';
import { strToU8, unzipSync } from 'fflate';
import { normalizeOoxml, packOoxml } from '../../src/write/reproducible.js';
import { documentOptions, sectionFrame, withJixiaoStyles, withSharedFooters } from '../../src/write/docx-package.js';
import { stableBytes } from '../../src/write/zip.js';
import { ALIGN, CELL_MARGINS, SIZE, textHeight, textWidth } from '../../src/write/styles.js';

type Out = Paragraph | DocxTable;

const cellAlignment = (cell: Cell) => (cell.role === 'text' || cell.role === 'section' ? ALIGN.left : undefined);

function cellParagraphs(cell: Cell, keepNext: boolean, text = cellText(cell.value), mark?: number): Paragraph[] {
  const role = cell.role ?? 'value';
  const style = role === 'header' || role === 'section' ? STYLE.tableHeader : STYLE.tableText;
  const alignment = cellAlignment(cell);
  // Note: the hidden bookmark that marks the rest of a cut row (docx-body.ts CONTINUED_MARK), in its first paragraph.
  const marks = (i: number) =>
    mark === undefined || i > 0
      ? []
      : // Note: docx's Bookmark numbers its ids from a process-wide counter; its start and end, built here, take the document's own numbers.
        ([new BookmarkStart(`${CONTINUED_MARK}${mark}`, mark), new BookmarkEnd(mark)] as unknown as ParagraphChild[]);
  return text.split('\n').map(
    (t, i) =>
      new Paragraph({
        style,
        ...(keepNext ? { keepNext } : {}),
        ...(alignment ? { alignment } : {}),
        children: [...marks(i), ...(t === '' ? [] : [new TextRun({ text: t, ...(cell.bold ? { bold: true } : {}) })])],
      }),
  );
}

/** The pieces of a table as DOCX tables, from the same page plan as jixiao's writer (docx-pages.ts). */
function tablesToDocx(table: Table, top: number | undefined, marks: { n: number }): { newPage: boolean; table: DocxTable }[] {
  const grid = placeCells(table);
  const total = textWidth(table.orientation);
  const sumRel = table.columns.reduce((a, b) => a + b, 0);
  const widths = table.columns.map((w) => Math.floor((w / sumRel) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  const width = (p: PlacedCell) => ({ size: spanWidth(widths, p), type: WidthType.DXA });
  const pieces =
    top === undefined
      ? flowingPieces(table, grid, widths)
      : pagedPieces(table, grid, widths, textHeight(table.orientation), top + tableLeadHeight(table, total));
  return pieces.map((piece) => {
    const parts = [...piece.headerCopy, ...piece.parts];
    const body = piece.headerCopy.length;
    const rows = parts.map((part, i) => {
      const r = part.row;
      let mark = part.continued && i === body ? marks.n++ : undefined;
      const keepNext = i + 1 < parts.length && labelsOnly(grid, r);
      const own = new Map(grid.rows[r]!.map((p) => [p.col, p]));
      const prev = i > 0 && i !== body ? parts[i - 1]!.row : undefined;
      const cells: TableCell[] = [];
      for (let c = 0; c < grid.width; ) {
        const above = grid.coveredFromAbove[r]?.[c];
        const goesOn = above !== undefined && prev !== undefined && prev >= above.row && prev < r;
        const p = (above ?? own.get(c))!;
        const common = { width: width(p), verticalAlign: VerticalAlign.CENTER, ...(p.colSpan > 1 ? { columnSpan: p.colSpan } : {}) };
        if (goesOn) {
          const alignment = cellAlignment(p.cell);
          cells.push(
            new TableCell({
              ...common,
              verticalMerge: VerticalMergeType.CONTINUE,
              children: [new Paragraph({ style: STYLE.tableText, ...(alignment ? { alignment } : {}) })],
            }),
          );
        } else {
          const text = above ? cellText(p.cell.value) : partText(part, p);
          cells.push(
            new TableCell({
              ...common,
              ...(p.rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
              children: cellParagraphs(p.cell, keepNext, text, mark),
            }),
          );
          mark = undefined;
        }
        c += p.colSpan;
      }
      return new TableRow({
        ...(i < body + piece.headerRows ? { tableHeader: true } : {}),
        ...(keepsWhole(part.lines) ? { cantSplit: true } : {}),
        height: { value: part.height, rule: HeightRule.ATLEAST },
        children: cells,
      });
    });
    return {
      newPage: piece.newPage,
      table: new DocxTable({
        width: { size: total, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        margins: { ...CELL_MARGINS, marginUnitType: WidthType.DXA },
        rows,
      }),
    };
  });
}

const styled = (style: string, text: string, extra: Partial<IParagraphOptions> = {}) =>
  new Paragraph({ style, ...extra, children: text === '' ? [] : [new TextRun({ text })] });
/** The 1 pt paragraph that keeps the pieces of a split table two tables (docx-body.ts JOINT). */
const joint = (newPage: boolean) =>
  new Paragraph({
    style: STYLE.tableText,
    keepNext: true,
    ...(newPage ? { pageBreakBefore: true } : {}),
    spacing: { line: 20, lineRule: LineRuleType.EXACT },
    run: { size: 2 },
  });
const HEADING = { 1: STYLE.heading1, 2: STYLE.heading2, 3: STYLE.heading3, 4: STYLE.heading4 } as const;

/** The document's count of continued-row marks, as docx-body.ts keeps it; reset for each document. */
let marks = { n: 0 };

type Handlers = { readonly [K in Block['type']]: (b: Extract<Block, { type: K }>, top: number | undefined) => Out[] };
const handlers: Handlers = {
  title: (b) => [styled(STYLE.title, b.text)],
  heading: (b) => [styled(HEADING[b.level], b.text)],
  paragraph: (b) => [
    styled(STYLE.body, b.text, {
      ...(b.indent ? { indent: { firstLine: 2 * SIZE.三号 * 10 } } : {}),
      ...(b.align === undefined ? {} : { alignment: ALIGN[b.align] }),
    }),
  ],
  table: (b, top) => [
    styled(STYLE.title, b.table.title),
    ...(b.table.subtitle ? [styled(STYLE.subtitle, b.table.subtitle), styled(STYLE.tableText, '', { keepNext: true })] : []),
    ...tablesToDocx(b.table, top, marks).flatMap((t, k) => (k === 0 ? [t.table] : [joint(t.newPage), t.table])),
    ...b.table.notes.map((n) => styled(STYLE.note, n)),
  ],
  pageBreak: () => [new Paragraph({ children: [new PageBreak()] })],
  // Note: the GB/T 9704 elements of official documents are not part of this reference (tests/official-docx.test.ts covers them).
  masthead: notInReference,
  docNumber: notInReference,
  attachments: notInReference,
  signature: notInReference,
  attachmentMark: notInReference,
  colophon: notInReference,
};
function notInReference(b: Block): never {
  throw new Error(`the docx-library reference does not write "${b.type}" blocks`);
}
const blockToDocx = (b: Block, top: number | undefined): Out[] => (handlers[b.type] as (x: Block, top: number | undefined) => Out[])(b, top);

/** The document built with the docx library's objects and Packer, normalised as jixiao normalises every file. */
export async function referenceDocx(doc: Doc, when: Date): Promise<Uint8Array> {
  marks = { n: 0 };
  const document = new Document({
    ...documentOptions(doc.title),
    sections: doc.sections.map((s) => ({
      ...sectionFrame(s.orientation),
      children: ((tops) => s.blocks.flatMap((b, k) => blockToDocx(b, tops[k])))(pageTops(s.blocks, textWidth(s.orientation))),
    })),
  });
  const normal = normalizeOoxml(new Uint8Array(await Packer.toBuffer(document)), when);
  // Note: the named styles are jixiao's own styles.xml content, merged into docx's as the shell does, equal footers are
  // shared as the shell shares them, and every part but the two made per document is packed as the shell's fixed parts.
  const parts = withSharedFooters(withJixiaoStyles(Object.entries(unzipSync(normal))));
  return packOoxml(
    parts.map(([name, data]) => [
      name,
      name === 'word/document.xml' || name === 'docProps/core.xml' ? data : stableBytes(typeof data === 'string' ? strToU8(data) : data),
    ]),
    when,
  );
}
