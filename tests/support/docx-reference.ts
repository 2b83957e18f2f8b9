/**
 * The DOCX writer as it was built on the docx library's object model: the reference that src/write/docx-body.ts
 * must match byte for byte (tests/docx-writer.test.ts). Kept in tests only; jixiao writes the body as text.
 */
import {
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  PageBreak,
  Paragraph,
  Table as DocxTable,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Block, Cell, Doc, Table } from '../../src/model/doc.js';
import { cellText } from '../../src/write/cell-text.js';
import { placeCells } from '../../src/write/table-grid.js';
import { normalizeOoxml } from '../../src/write/reproducible.js';
import { documentOptions, sectionFrame } from '../../src/write/docx-package.js';
import { ALIGN, CANT_SPLIT_MAX_CHARS, CELL_MARGINS, CELL_SPACING, FONTS, SIZE, font, textWidth } from '../../src/write/styles.js';

type Out = Paragraph | DocxTable;
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const borders = { top: line, bottom: line, left: line, right: line };

function cellParagraphs(cell: Cell, keepNext: boolean): Paragraph[] {
  const role = cell.role ?? 'value';
  const face = role === 'header' || role === 'section' ? FONTS.heading : FONTS.body;
  const alignment = role === 'text' || role === 'section' ? ALIGN.left : ALIGN.center;
  return cellText(cell.value)
    .split('\n')
    .map(
      (t) =>
        new Paragraph({
          alignment,
          spacing: CELL_SPACING,
          keepNext,
          children: t === '' ? [] : [new TextRun({ text: t, font: font(face), size: SIZE.五号, bold: cell.bold ?? false })],
        }),
    );
}

function tableToDocx(table: Table): DocxTable {
  const grid = placeCells(table);
  const total = textWidth(table.orientation);
  const sumRel = table.columns.reduce((a, b) => a + b, 0);
  const widths = table.columns.map((w) => Math.floor((w / sumRel) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  const rows = grid.rows.map((placed, r) => {
    const longest = Math.max(0, ...placed.map((p) => cellText(p.cell.value).length));
    const keepNext = r + 1 < grid.rows.length && placed.every((p) => p.cell.role === 'header' || p.cell.role === 'section');
    return new TableRow({
      tableHeader: r < table.headerRows,
      cantSplit: longest < CANT_SPLIT_MAX_CHARS,
      height: { value: 300, rule: HeightRule.ATLEAST },
      children: placed.map(
        (p) =>
          new TableCell({
            children: cellParagraphs(p.cell, keepNext),
            borders,
            margins: CELL_MARGINS,
            verticalAlign: VerticalAlign.CENTER,
            width: { size: widths.slice(p.col, p.col + p.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
            ...(p.colSpan > 1 ? { columnSpan: p.colSpan } : {}),
            ...(p.rowSpan > 1 ? { rowSpan: p.rowSpan } : {}),
          }),
      ),
    });
  });
  return new DocxTable({ width: { size: total, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows });
}

const titleParagraph = (text: string) =>
  new Paragraph({
    alignment: ALIGN.center,
    spacing: { before: 0, after: 160, line: 240, lineRule: CELL_SPACING.lineRule },
    children: [new TextRun({ text, font: font(FONTS.title), size: SIZE.小二 })],
  });
const plainParagraph = (text: string, size: number, alignment: (typeof ALIGN)[keyof typeof ALIGN] = ALIGN.left, indent = false) =>
  new Paragraph({
    alignment,
    spacing: { before: 0, after: 0, line: size > SIZE.五号 ? 300 : 240, lineRule: CELL_SPACING.lineRule },
    ...(indent ? { indent: { firstLine: 2 * size * 10 } } : {}),
    children: [new TextRun({ text, font: font(FONTS.body), size })],
  });

type Handlers = { readonly [K in Block['type']]: (b: Extract<Block, { type: K }>) => Out[] };
const handlers: Handlers = {
  title: (b) => [titleParagraph(b.text)],
  heading: (b) => [
    new Paragraph({
      spacing: { before: 0, after: 0, line: 300, lineRule: CELL_SPACING.lineRule },
      indent: { firstLine: 2 * SIZE.三号 * 10 },
      children: [new TextRun({ text: b.text, font: font(b.level === 1 ? FONTS.heading : b.level === 2 ? FONTS.kai : FONTS.body), size: SIZE.三号 })],
    }),
  ],
  paragraph: (b) => [plainParagraph(b.text, SIZE.三号, ALIGN[b.align === undefined ? 'justified' : b.align], b.indent ?? false)],
  table: (b) => [
    titleParagraph(b.table.title),
    ...(b.table.subtitle ? [plainParagraph(b.table.subtitle, SIZE.四号), plainParagraph('', SIZE.五号)] : []),
    tableToDocx(b.table),
    ...b.table.notes.map((n) => plainParagraph(n, SIZE.小五)),
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
const blockToDocx = (b: Block): Out[] => (handlers[b.type] as (x: Block) => Out[])(b);

/** The document built with the docx library's objects and Packer, normalised as jixiao normalises every file. */
export async function referenceDocx(doc: Doc, when: Date): Promise<Uint8Array> {
  const document = new Document({
    ...documentOptions(doc.title),
    sections: doc.sections.map((s) => ({ ...sectionFrame(s.orientation), children: s.blocks.flatMap(blockToDocx) })),
  });
  return normalizeOoxml(new Uint8Array(await Packer.toBuffer(document)), when);
}
