/** 版式常量：字体、字号、页边距、表格宽度，每个数字都说明来由。 */
import { AlignmentType } from 'docx';

/** All four font slots plus the east-Asian hint, so “ ” — and digits never fall back to a Latin face. */
export const font = (eastAsia: string, latin = 'Times New Roman') => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' as const });

/** Font names Word and WPS expect (DOMAIN.md §9.4); never embedded. */
export const FONTS = { body: '仿宋_GB2312', heading: '黑体', title: '方正小标宋简体', kai: '楷体_GB2312', song: '宋体' } as const;

/** 字号 in half-points (docx `size`). */
export const SIZE = { 二号: 44, 小二: 36, 三号: 32, 小三: 30, 四号: 28, 小四: 24, 五号: 21, 小五: 18 } as const;

/** A4 in twips; docx swaps width and height for landscape sections. */
export const A4 = { width: 11906, height: 16838 } as const;

/**
 * Portrait form pages: 20 mm all round, leaving 170 × 257 mm, so a project form and its 备注 fit one page.
 * Note: the GB/T 9704 版心 (156 mm) is for official documents; the finance bureau's forms are printed wider.
 */
export const PORTRAIT_MARGINS = { top: 1134, bottom: 1134, left: 1134, right: 1134 } as const;
/** Landscape table pages: 2 cm all round, so a 10-column form gets 257 mm of width. */
export const LANDSCAPE_MARGINS = { top: 1134, bottom: 1134, left: 1134, right: 1134 } as const;

/** Width between the margins, in twips, for a page orientation. */
export function textWidth(orientation: 'portrait' | 'landscape'): number {
  return orientation === 'portrait' ? A4.width - PORTRAIT_MARGINS.left - PORTRAIT_MARGINS.right : A4.height - LANDSCAPE_MARGINS.left - LANDSCAPE_MARGINS.right;
}

/**
 * Height between the margins of a form page, in twips. Note: an official document's landscape pages have the same top
 * and bottom margins (only the left one is wider).
 */
export function textHeight(orientation: 'portrait' | 'landscape'): number {
  const m = orientation === 'portrait' ? PORTRAIT_MARGINS : LANDSCAPE_MARGINS;
  return (orientation === 'portrait' ? A4.height : A4.width) - m.top - m.bottom;
}

/** Cell text margins in twips (about 1 mm left and right). */
export const CELL_MARGINS = { top: 20, bottom: 20, left: 60, right: 60 } as const;

/**
 * Rows estimated at most this many lines high never split across pages; taller ones may, so that a page is not left
 * a quarter empty before a tall row (the Sichuan 计分表's 评分标准 cells) and nothing is clipped.
 */
export const CANT_SPLIT_MAX_LINES = 6;

export const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justified: AlignmentType.JUSTIFIED } as const;

// GB/T 9704-2012 page of an official document (红头文件), DOMAIN.md §9.

/** 天头 37 mm, 订口 28 mm, and the derived bottom 35 mm and right 26 mm, in twips; the 版心 is 156 × 225 mm. */
// Note: written as numbers, since docx's convertMillimetersToTwip floors (37 mm → 2097).
export const OFFICIAL_MARGINS = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;

/** Width of the 版心 in twips (156 mm). */
export const OFFICIAL_TEXT_WIDTH = A4.width - OFFICIAL_MARGINS.left - OFFICIAL_MARGINS.right;

/** Height of the 版心 in twips (225 mm). */
export const OFFICIAL_TEXT_HEIGHT = A4.height - OFFICIAL_MARGINS.top - OFFICIAL_MARGINS.bottom;

/** 22 lines in the 225 mm 版心: exactly 28.95 pt per line, in twips (`w:line` with `lineRule="exact"`, and the grid pitch). */
export const LINE_PITCH = 579;

/**
 * How the 28 characters per line are made; one setting, never both (ENGINEERING.md §2):
 * - 'spacing' (used): a line grid only (`w:docGrid lines`, pitch 579) and every run of an official section 0.25 pt
 *   narrower (`w:spacing w:val="-5"`), so 28 × 15.75 pt fill the 442.2 pt line in Word, WPS and LibreOffice alike.
 * - 'grid': Word's 文档网格 as DOMAIN.md §9.1 writes it (`w:docGrid linesAndChars`, charSpace −849). Word and WPS show 28 per
 *   line, but LibreOffice puts every 1-em glyph into two 15.79 pt cells and shows 14; no free 简体 仿宋 is narrower than
 *   the cell (cwTeXFangSong lacks the simplified glyphs), so this layout cannot be checked in a LibreOffice rendering.
 * Note: measured in LibreOffice 7 with Noto Serif CJK SC for 仿宋_GB2312 (tests/official-layout.test.ts, README).
 */
export const CHAR_LAYOUT: 'grid' | 'spacing' = 'spacing';

/** `w:charSpace` of the grid: 442.2 pt ÷ 28 = 15.79 pt per character at 三号 (16 pt). */
export const GRID_CHAR_SPACE = -849;

/** Character spacing of the no-grid layout, in twentieths of a point (−0.25 pt: 28 × 15.75 pt fits the 442.2 pt line). */
export const NO_GRID_CHARACTER_SPACING = -5;

/** 首行缩进2字符 at 三号, in twips. */
// Note: docx has no firstLineChars, so 2 characters × 16 pt × 20 twips/pt.
export const BODY_FIRST_LINE = 2 * 16 * 20;

/** One 三号 character in twips, for placing the 署名 and 成文日期. */
export const BODY_CHAR = 16 * 20;

/** One 四号 character in twips: the indent of the page number and of the 版记 lines. */
export const SMALL_CHAR = 14 * 20;

/** Footer distance from the page edge: puts the page number about 7 mm under the 版心 (23 mm, checked in a render). */
export const OFFICIAL_FOOTER = 1304;

/**
 * Landscape table pages of an official document: the left edge is the foot of the page once the sheet is turned
 * for binding (GB/T 9704 10.1: the table head toward the binding on odd pages, toward the cut edge on even ones), so
 * the left margin is the official bottom margin (35 mm) and the page number sits in it as on a portrait page.
 */
export const OFFICIAL_LANDSCAPE_MARGINS = { top: 1134, bottom: 1134, left: OFFICIAL_MARGINS.bottom, right: 1134 } as const;

/** Width between the margins of an official document's landscape pages, in twips (242 mm). */
export const OFFICIAL_LANDSCAPE_WIDTH = A4.height - OFFICIAL_LANDSCAPE_MARGINS.left - OFFICIAL_LANDSCAPE_MARGINS.right;

/** 发文机关标志 and 分隔线 colour. */
export const RED = 'FF0000';

/** The masthead's top edge sits 35 mm below the top of the 版心, in twips. */
export const MASTHEAD_TOP = 1984;

/** Standard 字号 in points from 小初 down, for the masthead (capped at 小初, DOMAIN.md §9.3). */
export const MASTHEAD_SIZES = [36, 26, 22, 18, 16] as const;

/** 分隔线 under the 发文字号: 1 pt thick (`w:sz` in eighths of a point), 4 mm below (`w:space` in points). */
export const RED_RULE = { size: 8, space: 11 } as const;

/** 版记 rules: the first and last thick (0.35 mm), those between thin (0.25 mm), in eighths of a point. */
export const COLOPHON_RULES = { thick: 8, thin: 6 } as const;

/** Height of a paragraph that only draws a 版记 rule, in twips (1 pt). */
export const RULE_HEIGHT = 20;

/** Room left under the 版记 so rounding in a viewer never pushes its last rule onto a new page, in twips (2 pt). */
export const COLOPHON_SLACK = 40;
