/** 版式常量：字体、字号、页边距、表格宽度，每个数字都说明来由。 */
import { AlignmentType, LineRuleType } from 'docx';

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

/** Single line spacing for table cells: exact spacing would clip wrapped cell text. */
export const CELL_SPACING = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } as const;

/** Cell text margins in twips (about 1 mm left and right). */
export const CELL_MARGINS = { top: 20, bottom: 20, left: 60, right: 60 } as const;

/** Rows whose longest cell text is shorter than this never split across pages; longer ones may, so nothing is clipped. */
export const CANT_SPLIT_MAX_CHARS = 240;

export const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justified: AlignmentType.JUSTIFIED } as const;
