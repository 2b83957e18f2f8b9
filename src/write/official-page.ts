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
  LANDSCAPE_MARGINS,
  LINE_PITCH,
  OFFICIAL_FOOTER,
  OFFICIAL_MARGINS,
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
    : { ...(landscape ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS), header: 567, footer: 567 };
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
    footers: numbered ? { default: pageNumber(true), even: pageNumber(false) } : { default: noNumber(), even: noNumber() },
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
