/**
 * DOCX 命名样式：正文、标题、表格文字、表头、表下注释及公文各要素的字体、字号、间距都在 word/styles.xml 的样式里，
 * 段落只引用样式（`w:pStyle`），用户在 Word/WPS 中改样式即可改全文（issue 13），文档也因此更小（issue 14）。
 */
import { escapeXml } from './xml-escape.js';
import { TABLE_LINE } from './docx-pages.js';
import { BODY_FIRST_LINE, CHAR_LAYOUT, FONTS, LINE_PITCH, NO_GRID_CHARACTER_SPACING, RED, SIZE } from './styles.js';

/** The style ids the body refers to; names are what Word and WPS show in their style gallery. */
export const STYLE = {
  title: 'JxTitle',
  heading1: 'JxHeading1',
  heading2: 'JxHeading2',
  heading3: 'JxHeading3',
  heading4: 'JxHeading4',
  body: 'JxBody',
  subtitle: 'JxTableCaption',
  tableText: 'JxTableText',
  tableHeader: 'JxTableHeader',
  note: 'JxTableNote',
  official: {
    body: 'JxOfficialBody',
    masthead: 'JxMasthead',
    docNumber: 'JxDocNumber',
    title: 'JxOfficialTitle',
    heading1: 'JxOfficialHeading1',
    heading2: 'JxOfficialHeading2',
    heading3: 'JxOfficialHeading3',
    heading4: 'JxOfficialHeading4',
    attachments: 'JxAttachments',
    signatory: 'JxSignatory',
    date: 'JxDate',
    attachmentMark: 'JxAttachmentMark',
    colophon: 'JxColophon',
  },
} as const;

const LATIN = 'Times New Roman';

interface StyleDef {
  readonly id: string;
  readonly name: string;
  readonly basedOn?: string;
  readonly next?: string;
  /** Outline level 0–8: the heading shows in Word's navigation pane and in an automatic table of contents. */
  readonly outline?: number;
  readonly keepNext?: boolean;
  readonly snapToGrid?: false;
  /** [before, after, line, rule] in twips. */
  readonly spacing?: readonly [number, number, number, 'auto' | 'exact'];
  readonly firstLine?: number;
  readonly jc?: 'left' | 'center' | 'right' | 'both';
  readonly face?: string;
  readonly size?: number;
  readonly color?: string;
  /** Character spacing in twentieths of a point. */
  readonly charSpacing?: number;
}

/** `<w:rPr>` of a style: fonts (all four slots), colour, character spacing, size — in schema order. */
function styleRPr(s: StyleDef): string {
  const fonts =
    s.face === undefined ? '' : `<w:rFonts w:ascii="${LATIN}" w:cs="${LATIN}" w:eastAsia="${escapeXml(s.face)}" w:hAnsi="${LATIN}" w:hint="eastAsia"/>`;
  const color = s.color === undefined ? '' : `<w:color w:val="${s.color}"/>`;
  const spacing = s.charSpacing === undefined ? '' : `<w:spacing w:val="${s.charSpacing}"/>`;
  const size = s.size === undefined ? '' : `<w:sz w:val="${s.size}"/><w:szCs w:val="${s.size}"/>`;
  const inner = fonts + color + spacing + size;
  return inner === '' ? '' : `<w:rPr>${inner}</w:rPr>`;
}

/** `<w:pPr>` of a style, in schema order (keepNext, snapToGrid, spacing, ind, jc, outlineLvl). */
function stylePPr(s: StyleDef): string {
  const inner =
    (s.keepNext ? '<w:keepNext/>' : '') +
    (s.snapToGrid === false ? '<w:snapToGrid w:val="0"/>' : '') +
    (s.spacing ? `<w:spacing w:before="${s.spacing[0]}" w:after="${s.spacing[1]}" w:line="${s.spacing[2]}" w:lineRule="${s.spacing[3]}"/>` : '') +
    (s.firstLine !== undefined ? `<w:ind w:firstLine="${s.firstLine}"/>` : '') +
    (s.jc ? `<w:jc w:val="${s.jc}"/>` : '') +
    (s.outline !== undefined ? `<w:outlineLvl w:val="${s.outline}"/>` : '');
  return inner === '' ? '' : `<w:pPr>${inner}</w:pPr>`;
}

function styleXml(s: StyleDef): string {
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${s.id}"><w:name w:val="${escapeXml(s.name)}"/>` +
    `<w:basedOn w:val="${s.basedOn ?? 'Normal'}"/>${s.next ? `<w:next w:val="${s.next}"/>` : ''}<w:qFormat/>${stylePPr(s)}${styleRPr(s)}</w:style>`
  );
}

// Note: the form pages' text is auto-spaced (single for 五号 and smaller, 1.25 lines above); the official pages sit
// on the 22-line grid with exact 28.95 pt lines and the −0.25 pt character spacing of CHAR_LAYOUT 'spacing'.
const auto = (line: number, after = 0) => [0, after, line, 'auto'] as const;
const exact = [0, 0, LINE_PITCH, 'exact'] as const;
const officialSpacing = CHAR_LAYOUT === 'spacing' ? NO_GRID_CHARACTER_SPACING : undefined;
const heading = (id: string, name: string, level: number, face: string): StyleDef => ({
  id,
  name,
  next: STYLE.body,
  outline: level,
  keepNext: true,
  spacing: auto(300),
  firstLine: 2 * SIZE.三号 * 10,
  jc: 'left',
  face,
  size: SIZE.三号,
});
const officialHeading = (id: string, name: string, level: number, face: string): StyleDef => ({
  id,
  name,
  next: STYLE.official.body,
  outline: level,
  keepNext: true,
  spacing: exact,
  firstLine: BODY_FIRST_LINE,
  jc: 'both',
  face,
  size: SIZE.三号,
  ...(officialSpacing === undefined ? {} : { charSpacing: officialSpacing }),
});
const official = (id: string, name: string, extra: Partial<StyleDef> = {}): StyleDef => ({
  id,
  name,
  spacing: exact,
  face: FONTS.body,
  size: SIZE.三号,
  ...(officialSpacing === undefined ? {} : { charSpacing: officialSpacing }),
  ...extra,
});

/** jixiao's named paragraph styles. */
export const JIXIAO_STYLES: readonly StyleDef[] = [
  { id: STYLE.title, name: '文档标题', next: STYLE.body, keepNext: true, spacing: auto(240, 160), jc: 'center', face: FONTS.title, size: SIZE.小二 },
  heading(STYLE.heading1, '一级标题', 0, FONTS.heading),
  heading(STYLE.heading2, '二级标题', 1, FONTS.kai),
  heading(STYLE.heading3, '三级标题', 2, FONTS.body),
  heading(STYLE.heading4, '四级标题', 3, FONTS.body),
  { id: STYLE.body, name: '报告正文', spacing: auto(300), jc: 'both', face: FONTS.body, size: SIZE.三号 },
  { id: STYLE.subtitle, name: '表上说明', keepNext: true, spacing: auto(300), jc: 'left', face: FONTS.body, size: SIZE.四号 },
  // Note: table text sits on an exact 15 pt line, so that the height of a row follows from its lines (docx-pages.ts).
  { id: STYLE.tableText, name: '表格文字', spacing: [0, 0, TABLE_LINE, 'exact'], jc: 'center', face: FONTS.body, size: SIZE.五号 },
  { id: STYLE.tableHeader, name: '表头', basedOn: STYLE.tableText, face: FONTS.heading },
  { id: STYLE.note, name: '表下注释', spacing: auto(240), jc: 'left', face: FONTS.body, size: SIZE.小五 },
  official(STYLE.official.body, '公文正文', { next: STYLE.official.body, jc: 'both' }),
  official(STYLE.official.masthead, '发文机关标志', { snapToGrid: false, jc: 'center', face: FONTS.title, color: RED }),
  official(STYLE.official.docNumber, '发文字号', { jc: 'center' }),
  official(STYLE.official.title, '公文标题', { snapToGrid: false, jc: 'center', face: FONTS.title, size: SIZE.二号, keepNext: true }),
  officialHeading(STYLE.official.heading1, '公文一级标题', 0, FONTS.heading),
  officialHeading(STYLE.official.heading2, '公文二级标题', 1, FONTS.kai),
  officialHeading(STYLE.official.heading3, '公文三级标题', 2, FONTS.body),
  officialHeading(STYLE.official.heading4, '公文四级标题', 3, FONTS.body),
  official(STYLE.official.attachments, '附件说明', { jc: 'left' }),
  official(STYLE.official.signatory, '署名', { jc: 'right' }),
  official(STYLE.official.date, '成文日期', { jc: 'right' }),
  official(STYLE.official.attachmentMark, '附件标识', { jc: 'left', face: FONTS.heading }),
  official(STYLE.official.colophon, '版记', { jc: 'left', size: SIZE.四号 }),
];

/** Document defaults: 仿宋_GB2312 三号 with Times New Roman for Latin text and digits, no paragraph spacing. */
const DOC_DEFAULTS =
  `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${LATIN}" w:cs="${LATIN}" w:eastAsia="${FONTS.body}" w:hAnsi="${LATIN}" w:hint="eastAsia"/>` +
  `<w:sz w:val="${SIZE.三号}"/><w:szCs w:val="${SIZE.三号}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
  '<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>';
/** Note: LibreOffice sizes the GB/T character grid from the Normal style's font size, so Normal carries 三号 explicitly. */
const NORMAL = `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="${SIZE.三号}"/><w:szCs w:val="${SIZE.三号}"/></w:rPr></w:style>`;

/** jixiao's style definitions as a `w:styles` fragment: docDefaults, Normal and the named styles. */
export const jixiaoStylesFragment = (): string => DOC_DEFAULTS + NORMAL + JIXIAO_STYLES.map(styleXml).join('');

const STYLE_ELEMENT = /<w:style\b[^>]*?w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g;
const DOC_DEFAULTS_ELEMENT = /<w:docDefaults\b[\s\S]*?<\/w:docDefaults>|<w:docDefaults\/>/;

/**
 * `base` (a whole styles.xml) with the docDefaults and the styles of `overrides` (styles.xml text or a fragment)
 * put in: a style of the same id is replaced where it stood, a new one appended, the others kept.
 * Note: the pandoc `--reference-doc` rule — the reference's definitions win by style id.
 */
export function mergeStyles(base: string, overrides: string): string {
  const given = new Map<string, string>();
  for (const m of overrides.matchAll(STYLE_ELEMENT)) given.set(m[1]!, m[0]);
  const defaults = DOC_DEFAULTS_ELEMENT.exec(overrides)?.[0];
  const seen = new Set<string>();
  let out = base.replace(STYLE_ELEMENT, (whole, id: string) => {
    seen.add(id);
    return given.get(id) ?? whole;
  });
  if (defaults !== undefined)
    out = DOC_DEFAULTS_ELEMENT.test(out) ? out.replace(DOC_DEFAULTS_ELEMENT, defaults) : out.replace(/(<w:styles\b[^>]*>)/, `$1${defaults}`);
  const added = [...given].filter(([id]) => !seen.has(id)).map(([, xml]) => xml);
  const end = out.lastIndexOf('</w:styles>');
  if (end < 0) throw new Error('styles.xml without </w:styles>');
  return out.slice(0, end) + added.join('') + out.slice(end);
}

/** The styles whose sizes and line spacing jixiao's pagination of tables measures (docx-pages.ts). */
const MEASURED = [STYLE.tableText, STYLE.tableHeader, STYLE.title, STYLE.subtitle, STYLE.body, STYLE.heading1, STYLE.heading2, STYLE.heading3, STYLE.heading4];

/** The size, line and line rule a style element sets itself ('' where it sets none). */
function metricsOf(styleXml: string): string {
  const size = /<w:sz w:val="(\d+)"/.exec(styleXml)?.[1] ?? '';
  const spacing = /<w:spacing\b[^>]*>/.exec(styleXml)?.[0] ?? '';
  const line = /w:line="(\d+)"/.exec(spacing)?.[1] ?? '';
  const rule = /w:lineRule="(\w+)"/.exec(spacing)?.[1] ?? (line === '' ? '' : 'auto');
  return `${size}|${line}|${rule}`;
}

/**
 * Whether a reference .docx's styles (styles.xml text) leave the sizes and line spacing of the measured styles as
 * jixiao's: then jixiao still knows its table rows' heights and paginates the tables; otherwise the viewer does.
 */
export function keepsTableMetrics(reference: string): boolean {
  const ours = new Map(JIXIAO_STYLES.map((s) => [s.id, metricsOf(styleXml(s))]));
  for (const m of reference.matchAll(STYLE_ELEMENT)) {
    const id = m[1]!;
    if (MEASURED.includes(id as (typeof MEASURED)[number]) && metricsOf(m[0]) !== ours.get(id)) return false;
  }
  return true;
}
