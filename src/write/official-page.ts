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

const EMU = 635; // per twip
const PAGE_NUMBER_RUN = (content: string) =>
  `<w:r><w:rPr><w:rFonts w:ascii="${font(FONTS.song).ascii}" w:eastAsia="${font(FONTS.song).eastAsia}" w:hAnsi="${font(FONTS.song).hAnsi}" w:cs="${font(FONTS.song).cs}" w:hint="eastAsia"/>` +
  `<w:sz w:val="${SIZE.四号}"/><w:szCs w:val="${SIZE.四号}"/></w:rPr>${content}</w:r>`;
/** Where the side number's line starts, from the left edge of a landscape page: its glyphs then span the same 23–29 mm from the edge as a portrait footer's (measured in a render). */
export const SIDE_NUMBER_LEFT = 1282;
/** The width of the side number's box: one line of 四号 at single spacing. */
const SIDE_NUMBER_LINE = 364;

/**
 * The page number of a landscape page, in the same physical place as on a portrait page once the sheet is turned
 * (its top to the left): a text box in the left margin, its text turned 90° clockwise (`vert="vert"`), spanning the
 * 版心's 156 mm from the top edge as a portrait footer spans it from the left; odd pages end 1 character short of its
 * far end (the bottom), even ones start 1 character in. Note: a DrawingML shape anchored to the page; `id` is the
 * shape's docPr id, fixed per footer part so the bytes never change.
 */
export function sideNumberXml(odd: boolean, id: number): string {
  const cx = SIDE_NUMBER_LINE * EMU;
  const cy = OFFICIAL_TEXT_WIDTH * EMU;
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
  // Note: a VML text box for readers without Word 2010's shapes (wps), as Word itself writes one (Markup Compatibility).
  const pt = (twips: number) => `${twips / 20}pt`;
  const fallback =
    `<w:pict><v:rect style="position:absolute;margin-left:${pt(SIDE_NUMBER_LEFT)};margin-top:${pt(OFFICIAL_MARGINS.left)};width:${pt(SIDE_NUMBER_LINE)};height:${pt(OFFICIAL_TEXT_WIDTH)};` +
    `z-index:${id};mso-position-horizontal-relative:page;mso-position-vertical-relative:page;v-text-anchor:middle" filled="f" stroked="f">` +
    `<v:textbox style="layout-flow:vertical" inset="0,0,0,0"><w:txbxContent>${number}</w:txbxContent></v:textbox></v:rect></w:pict>`;
  return (
    `<w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>` +
    `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
    `<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>${SIDE_NUMBER_LEFT * EMU}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="page"><wp:posOffset>${OFFICIAL_MARGINS.left * EMU}</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="${id}" name="Page number ${id}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
    `<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>` +
    `<wps:txbx><w:txbxContent>${number}</w:txbxContent></wps:txbx>` +
    `<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr>` +
    `</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent></w:r></w:p>`
  );
}

/** The parts with each side-number stand-in replaced by its text box; the box's id is 1000 + the footer's number. */
export function withSideNumbers<T extends string | Uint8Array>(parts: readonly [string, T][], text: (data: T) => string): [string, T | string][] {
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
