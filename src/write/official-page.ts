/** 公文页面（GB/T 9704-2012）：官方版式的页边距与文档网格、“— n —”奇右偶左页码、版记页不编页码（DOMAIN.md §9.1、§9.3）。 */
import {
  AlignmentType,
  DocumentGridType,
  Footer,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  TextRun,
  VerticalAlignSection,
  type ISectionOptions,
} from 'docx';
import type { DocSection } from '../model/doc.js';
import {
  A4,
  CHAR_LAYOUT,
  FONTS,
  GRID_CHAR_SPACE,
  OFFICIAL_LANDSCAPE_MARGINS,
  LINE_PITCH,
  OFFICIAL_FOOTER,
  OFFICIAL_MARGINS,
  OFFICIAL_TEXT_WIDTH,
  PORTRAIT_MARGINS,
  SIZE,
  SMALL_CHAR,
  font,
} from './styles.js';

/** Whether a document is an official one: any GB/T section makes every page number GB/T style. */
export const isOfficial = (sections: readonly DocSection[]): boolean => sections.some((s) => s.layout === 'official');

/** “— n —” in 宋体 四号: odd pages right, even pages left, one character in from the edge of the 版心. */
function pageNumber(odd: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: SMALL_CHAR } : { left: SMALL_CHAR },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.四号, font: font(FONTS.song) })],
      }),
    ],
  });
}

/** Text standing in for a side page number in a footer docx writes; replaced by withSideNumbers. */
const SIDE_MARK = 'JIXIAO-SIDE-PAGE-NUMBER-';
const sideNumber = (odd: boolean) => new Footer({ children: [new Paragraph({ children: [new TextRun(`${SIDE_MARK}${odd ? 'odd' : 'even'}`)] })] });

const PAGE_NUMBER_RUN = (content: string) =>
  `<w:r><w:rPr><w:rFonts w:ascii="${font(FONTS.song).ascii}" w:eastAsia="${font(FONTS.song).eastAsia}" w:hAnsi="${font(FONTS.song).hAnsi}" w:cs="${font(FONTS.song).cs}" w:hint="eastAsia"/>` +
  `<w:sz w:val="${SIZE.四号}"/><w:szCs w:val="${SIZE.四号}"/></w:rPr>${content}</w:r>`;
/** Where the side number's line starts, from the left edge of a landscape page: its glyphs then span the same 23–29 mm from the edge as a portrait footer's (measured in a render). */
export const SIDE_NUMBER_LEFT = 1282;
/** The width of the side number's box: one line of 四号 at single spacing. */
const SIDE_NUMBER_LINE = 364;

/**
 * The page number of a landscape page, in the same physical place as on a portrait page once the sheet is turned
 * (its top to the left): a VML text box anchored to the page, in the left margin, its text turned 90° clockwise
 * (`layout-flow:vertical`), spanning the 版心's 156 mm from the top edge as a portrait footer spans it from the left;
 * odd pages end 1 character short of its far end (the bottom), even ones start 1 character in. `id` is its z-index,
 * fixed per footer part so the bytes never change.
 * Note: not a Word 2010 shape (wps) with this box as its fallback: LibreOffice puts a wps shape of an even-page footer
 * at the page's corner on every page that follows a manual page break (jixiao ends table pages with one, docx-pages.ts),
 * and it places the VML box right on every page. Word and WPS show VML text boxes as well; it is valid transitional
 * WordprocessingML.
 */
export function sideNumberXml(odd: boolean, id: number): string {
  const text = (t: string) => PAGE_NUMBER_RUN(`<w:t xml:space="preserve">${t}</w:t>`);
  const field =
    PAGE_NUMBER_RUN('<w:fldChar w:fldCharType="begin"/>') +
    PAGE_NUMBER_RUN('<w:instrText xml:space="preserve">PAGE</w:instrText>') +
    PAGE_NUMBER_RUN('<w:fldChar w:fldCharType="separate"/>') +
    text('1') +
    PAGE_NUMBER_RUN('<w:fldChar w:fldCharType="end"/>');
  const number =
    `<w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/>${odd ? `<w:ind w:right="${SMALL_CHAR}"/><w:jc w:val="right"/>` : `<w:ind w:left="${SMALL_CHAR}"/><w:jc w:val="left"/>`}</w:pPr>` +
    `${text('— ')}${field}${text(' —')}</w:p>`;
  const pt = (twips: number) => `${twips / 20}pt`;
  const box =
    `<w:pict><v:rect style="position:absolute;margin-left:${pt(SIDE_NUMBER_LEFT)};margin-top:${pt(OFFICIAL_MARGINS.left)};width:${pt(SIDE_NUMBER_LINE)};height:${pt(OFFICIAL_TEXT_WIDTH)};` +
    `z-index:${id};mso-position-horizontal-relative:page;mso-position-vertical-relative:page;v-text-anchor:middle" filled="f" stroked="f">` +
    `<v:textbox style="layout-flow:vertical" inset="0,0,0,0"><w:txbxContent>${number}</w:txbxContent></v:textbox></v:rect></w:pict>`;
  return `<w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr><w:r>${box}</w:r></w:p>`;
}

/** The parts with each side-number stand-in replaced by its text box; the box's id is 1000 + the footer's number. */
export function withSideNumbers<T extends string | Uint8Array>(parts: readonly (readonly [string, T])[], text: (data: T) => string): [string, T | string][] {
  return parts.map(([name, data]) => {
    const footer = /^word\/footer(\d+)\.xml$/.exec(name);
    if (!footer) return [name, data];
    const xml = text(data);
    if (!xml.includes(SIDE_MARK)) return [name, data];
    const id = 1000 + Number(footer[1]);
    return [
      name,
      xml.replace(new RegExp(`<w:p>(?:(?!<w:p>).)*?${SIDE_MARK}(odd|even)(?:(?!</w:p>).)*</w:p>`, 's'), (_, side: string) => sideNumberXml(side === 'odd', id)),
    ];
  });
}

/** An empty footer; a section without one would inherit the page number of the section before. */
const noNumber = () => new Footer({ children: [new Paragraph({})] });

/**
 * A section's page in an official document: GB/T margins and the 22-line grid for official sections, the form
 * margins for table pages; GB/T page numbers on both, so a landscape table keeps the numbering of the document.
 */
export function officialFrame(s: DocSection): Omit<ISectionOptions, 'children'> {
  const official = s.layout === 'official';
  const landscape = s.orientation === 'landscape';
  const margins = official
    ? { ...OFFICIAL_MARGINS, header: 851, footer: OFFICIAL_FOOTER }
    : { ...(landscape ? OFFICIAL_LANDSCAPE_MARGINS : PORTRAIT_MARGINS), header: 567, footer: 567 };
  const numbered = s.numbered ?? true;
  return {
    properties: {
      type: s.startsOn === 'even' ? SectionType.EVEN_PAGE : SectionType.NEXT_PAGE,
      page: { size: { width: A4.width, height: A4.height, ...(landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) }, margin: margins },
      // Note: the 版记 page (bottom-aligned) has no grid: LibreOffice snaps even exact-height paragraphs to a line grid,
      // which would push the 版记's last rule onto a new page.
      ...(official && s.verticalAlign !== 'bottom'
        ? {
            grid:
              CHAR_LAYOUT === 'grid'
                ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: GRID_CHAR_SPACE }
                : { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
          }
        : {}),
      ...(s.verticalAlign === 'bottom' ? { verticalAlign: VerticalAlignSection.BOTTOM } : {}),
    },
    footers: !numbered
      ? { default: noNumber(), even: noNumber() }
      : landscape
        ? { default: sideNumber(true), even: sideNumber(false) }
        : // Note: a section that starts on an even page (the 版记) shows its odd footer on the blank page a viewer
          // inserts before it, which GB/T 9704 7.5 leaves unnumbered; see DocSection.startsOn.
          { default: s.startsOn === 'even' ? noNumber() : pageNumber(true), even: pageNumber(false) },
  };
}

/**
 * The document-wide options of an official document added to `base`: separate odd and even footers, and 三号 on
 * the Normal style. Note: LibreOffice sizes the character grid from the Normal style's font size.
 */
export function withOfficialOptions<T extends { styles: object }>(base: T): T & { evenAndOddHeaderAndFooters: true } {
  const paragraphStyles = [{ id: 'Normal', name: 'Normal', run: { size: SIZE.三号, font: font(FONTS.body) } }];
  return { ...base, evenAndOddHeaderAndFooters: true, styles: { ...base.styles, paragraphStyles } };
}
