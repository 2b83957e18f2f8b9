/** DOCX 写出：文档模型 → Word 文件（每种块一个处理函数，表格带合并单元格与重复表头）。 */
import {
  AlignmentType, BorderStyle, Document, Footer, HeightRule, Packer, PageBreak, PageNumber, PageOrientation, Paragraph, SectionType,
  Table as DocxTable, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import type { Block, Cell, Doc, DocSection, Table } from '../model/doc.js';
import { cellText } from './cell-text.js';
import { placeCells } from './table-grid.js';
import { normalizeOoxml } from './reproducible.js';
import {
  A4, ALIGN, CANT_SPLIT_MAX_CHARS, CELL_MARGINS, CELL_SPACING, FONTS, LANDSCAPE_MARGINS, PORTRAIT_MARGINS, SIZE, font, textWidth,
} from './styles.js';

type Out = Paragraph | DocxTable;
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const borders = { top: line, bottom: line, left: line, right: line };

/** Paragraphs of a cell: one per line of its text; header cells in 黑体, the rest in 仿宋_GB2312. */
function cellParagraphs(cell: Cell, keepNext: boolean): Paragraph[] {
  const role = cell.role ?? 'value';
  const face = role === 'header' || role === 'section' ? FONTS.heading : FONTS.body;
  const alignment = role === 'text' || role === 'section' ? ALIGN.left : ALIGN.center;
  return cellText(cell.value).split('\n').map((t) => new Paragraph({
    alignment, spacing: CELL_SPACING, keepNext,
    children: t === '' ? [] : [new TextRun({ text: t, font: font(face), size: SIZE.五号, bold: cell.bold ?? false })],
  }));
}

/** Converts a table to a docx table whose grid matches the column widths scaled to the page. */
function tableToDocx(table: Table): DocxTable {
  const grid = placeCells(table);
  const total = textWidth(table.orientation);
  const sumRel = table.columns.reduce((a, b) => a + b, 0);
  const widths = table.columns.map((w) => Math.floor((w / sumRel) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  const rows = grid.rows.map((placed, r) => {
    const longest = Math.max(0, ...placed.map((p) => cellText(p.cell.value).length));
    // Note: a row of labels only (section lines, column headers) keeps with the row below, so it never ends a page alone.
    const keepNext = r + 1 < grid.rows.length && placed.every((p) => p.cell.role === 'header' || p.cell.role === 'section');
    return new TableRow({
      tableHeader: r < table.headerRows,
      cantSplit: longest < CANT_SPLIT_MAX_CHARS,
      height: { value: 300, rule: HeightRule.ATLEAST },
      children: placed.map((p) => new TableCell({
        children: cellParagraphs(p.cell, keepNext),
        borders, margins: CELL_MARGINS, verticalAlign: VerticalAlign.CENTER,
        width: { size: widths.slice(p.col, p.col + p.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
        ...(p.colSpan > 1 ? { columnSpan: p.colSpan } : {}),
        ...(p.rowSpan > 1 ? { rowSpan: p.rowSpan } : {}),
      })),
    });
  });
  return new DocxTable({ width: { size: total, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows });
}

const titleParagraph = (text: string) => new Paragraph({
  alignment: AlignmentType.CENTER, spacing: { before: 0, after: 160, line: 240, lineRule: CELL_SPACING.lineRule },
  children: [new TextRun({ text, font: font(FONTS.title), size: SIZE.小二 })],
});
const plainParagraph = (text: string, size: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT, indent = false) => new Paragraph({
  alignment, spacing: { before: 0, after: 0, line: size > SIZE.五号 ? 300 : 240, lineRule: CELL_SPACING.lineRule },
  ...(indent ? { indent: { firstLine: 2 * size * 10 } } : {}),
  children: [new TextRun({ text, font: font(FONTS.body), size })],
});

type Handlers = { readonly [K in Block['type']]: (b: Extract<Block, { type: K }>) => Out[] };
const handlers: Handlers = {
  title: (b) => [titleParagraph(b.text)],
  heading: (b) => [new Paragraph({
    spacing: { before: 0, after: 0, line: 300, lineRule: CELL_SPACING.lineRule }, indent: { firstLine: 2 * SIZE.三号 * 10 },
    children: [new TextRun({ text: b.text, font: font(b.level === 1 ? FONTS.heading : b.level === 2 ? FONTS.kai : FONTS.body), size: SIZE.三号 })],
  })],
  paragraph: (b) => [plainParagraph(b.text, SIZE.三号, ALIGN[b.align === undefined ? 'justified' : b.align], b.indent ?? false)],
  table: (b) => [
    titleParagraph(b.table.title),
    ...(b.table.subtitle ? [plainParagraph(b.table.subtitle, SIZE.四号), plainParagraph('', SIZE.五号)] : []),
    tableToDocx(b.table),
    ...b.table.notes.map((n) => plainParagraph(n, SIZE.小五)),
  ],
  pageBreak: () => [new Paragraph({ children: [new PageBreak()] })],
};
/** Dispatches a block to its handler; the Handlers type makes a new block type break the build until handled. */
export const blockToDocx = (b: Block): Out[] => (handlers[b.type] as (x: Block) => Out[])(b);

const pageFooter = () => new Footer({ children: [new Paragraph({
  alignment: AlignmentType.CENTER,
  children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.四号, font: font(FONTS.song) })],
})] });

function sectionToDocx(s: DocSection) {
  const landscape = s.orientation === 'landscape';
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: { width: A4.width, height: A4.height, ...(landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) },
        margin: { ...(landscape ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS), header: 567, footer: 567 },
      },
    },
    footers: { default: pageFooter() },
    children: s.blocks.flatMap(blockToDocx),
  };
}

/** Writes a document model as DOCX bytes, re-packed so the same content always gives the same bytes. */
export async function docToDocx(doc: Doc, when: Date): Promise<Uint8Array> {
  const document = new Document({
    creator: 'jixiao', lastModifiedBy: 'jixiao', title: doc.title,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.三号, language: { value: 'en-US', eastAsia: 'zh-CN' } } } } },
    sections: doc.sections.map(sectionToDocx),
  });
  const bytes = await Packer.toBuffer(document);
  return normalizeOoxml(new Uint8Array(bytes), when);
}
