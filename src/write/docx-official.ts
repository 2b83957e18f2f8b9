/**
 * 公文正文（GB/T 9704-2012）：官方版式各节中的块写成 WordprocessingML 文本——发文机关标志、发文字号与红色分隔线、
 * 标题、各级标题、正文、附件说明、署名与成文日期、版记（DOMAIN.md §9.3）。
 */
import type { Block, Run } from '../model/doc.js';
import {
  BODY_CHAR,
  BODY_FIRST_LINE,
  COLOPHON_RULES,
  COLOPHON_SLACK,
  LINE_PITCH,
  MASTHEAD_SIZES,
  MASTHEAD_TOP,
  OFFICIAL_TEXT_HEIGHT,
  OFFICIAL_TEXT_WIDTH,
  RED,
  RED_RULE,
  RULE_HEIGHT,
  SMALL_CHAR,
} from './styles.js';
import { escapeXml } from './xml-escape.js';
import { STYLE } from './docx-styles.js';

/** A body paragraph, its properties kept apart so a section break can be appended (the shape docx-body.ts uses). */
export type OfficialPart = { readonly p: true; readonly props: string; readonly content: string };
const para = (props: string, content: string): OfficialPart => ({ p: true, props, content });

// Note: fonts, sizes, colours, the −0.25 pt character spacing and the exact 28.95 pt lines live in the named styles
// (docx-styles.ts); a paragraph names its style and writes only what differs (indents, borders, tabs).
const pStyle = (id: string) => `<w:pStyle w:val="${id}"/>`;
const run = (text: string, props = ''): string => (text === '' ? '' : `<w:r>${props}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`);
const BOLD = '<w:rPr><w:b/><w:bCs/></w:rPr>';
const S = STYLE.official;

const jc = (v: 'left' | 'center' | 'right' | 'both') => `<w:jc w:val="${v}"/>`;
const ind = (a: { firstLine?: number; left?: number; right?: number; hanging?: number }) =>
  `<w:ind${a.left !== undefined ? ` w:left="${a.left}"` : ''}${a.right !== undefined ? ` w:right="${a.right}"` : ''}` +
  `${a.firstLine !== undefined ? ` w:firstLine="${a.firstLine}"` : ''}${a.hanging !== undefined ? ` w:hanging="${a.hanging}"` : ''}/>`;
const border = (side: 'top' | 'bottom', size: number, color = '000000', space = 1) =>
  `<w:${side} w:val="single" w:color="${color}" w:space="${space}" w:sz="${size}"/>`;

const HEADING_STYLES = { 1: S.heading1, 2: S.heading2, 3: S.heading3, 4: S.heading4 } as const;
const ALIGN_OF = { left: 'left', center: 'center', right: 'right' } as const;

/** Width of a text in 三号 characters: full-width glyphs 1, half-width (digits, Latin) ½. */
export function charWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) < 0x1100 ? 0.5 : 1;
  return n;
}

/** The masthead size: the largest standard size, up to 小初, at which the longest line fits the 156 mm 版心. */
export function mastheadSize(lines: readonly string[]): number {
  const widest = Math.max(1, ...lines.map(charWidth));
  const fits = MASTHEAD_SIZES.find((pt) => pt * 20 * widest <= OFFICIAL_TEXT_WIDTH);
  return (fits ?? MASTHEAD_SIZES[MASTHEAD_SIZES.length - 1]!) * 2;
}

/**
 * Right indents of the 署名 and the 成文日期 in characters (GB/T 9704 7.3.5.2, no seal): the 署名 2 characters in
 * from the right, the date starting 2 characters right of the 署名's start; a longer date stays 2 characters in and
 * pushes the 署名 left.
 */
export function signatureIndents(signatory: string, date: string): { signatory: number; date: number } {
  const sig = charWidth(signatory);
  const dat = charWidth(date);
  const dateRight = sig - dat;
  return dateRight >= 2 ? { signatory: 2, date: dateRight } : { signatory: dat + 4 - sig, date: 2 };
}

/**
 * Right indents with a seal (GB/T 9704 7.3.5.1, the Gansu report): the 成文日期 4 characters in from the right
 * margin, the 署名 centred on the date. Note: a 署名 more than 8 characters longer than the date cannot be
 * centred inside the margin; it then ends at the margin.
 */
export function sealedSignatureIndents(signatory: string, date: string): { signatory: number; date: number } {
  return { signatory: Math.max(0, 4 + (printedWidth(date) - printedWidth(signatory)) / 2), date: 4 };
}

/**
 * The printed width in characters: charWidth plus the space the renderer puts between Chinese and Latin text
 * (digits). Note: measured in LibreOffice (pdftotext -bbox-layout) as 3.2 pt at 三号, 0.2 character per boundary;
 * “2024年3月8日” prints 7 characters wide, not 6, which put the 署名 half a character off its centre.
 */
export function printedWidth(text: string): number {
  let boundaries = 0;
  let previous: boolean | undefined;
  for (const ch of text) {
    const wide = (ch.codePointAt(0) ?? 0) >= 0x1100;
    if (previous !== undefined && wide !== previous) boundaries++;
    previous = wide;
  }
  return charWidth(text) + 0.2 * boundaries;
}

const runsOf = (text: string, runs: readonly Run[] | undefined): Run[] => (runs ? [...runs] : [{ text }]);
const bodyRuns = (runs: readonly Run[]): string => runs.map((r) => run(r.text, r.bold ? BOLD : '')).join('');

type Handlers = { readonly [K in Block['type']]: (b: Extract<Block, { type: K }>) => OfficialPart[] };
const handlers: Handlers = {
  masthead: (b) => {
    const size = mastheadSize(b.lines);
    // Note: the masthead is larger than a grid line, so it leaves the grid and gets lines of its own size; half the
    // extra leading sits above the glyphs, so the first line starts that much short of the 35 mm.
    const line = Math.round(size * 10 * 1.25);
    const before = MASTHEAD_TOP - Math.round((line - size * 10) / 2);
    return b.lines.map((t, i) =>
      para(
        `${pStyle(S.masthead)}<w:spacing w:after="0" w:before="${i === 0 ? before : 0}" w:line="${line}" w:lineRule="exact"/>`,
        run(t, `<w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`),
      ),
    );
  },
  docNumber: (b) => [para(`${pStyle(S.docNumber)}<w:pBdr>${border('bottom', RED_RULE.size, RED, RED_RULE.space)}</w:pBdr>`, run(b.text))],
  // Note: a 2号 title would take two cells of a character grid per glyph; titles are never snapped to it (the style says so).
  title: (b) => b.text.split('\n').map((t) => para(pStyle(S.title), run(t))),
  // Note: a heading keeps with the paragraph after it (its style), so it never ends a page alone.
  heading: (b) => [para(pStyle(HEADING_STYLES[b.level]), run(b.text))],
  paragraph: (b) => [
    para(pStyle(S.body) + (b.indent ? ind({ firstLine: BODY_FIRST_LINE }) : '') + (b.align ? jc(ALIGN_OF[b.align]) : ''), bodyRuns(runsOf(b.text, b.runs))),
  ],
  attachments: (b) =>
    b.items.map((item, i) => {
      // Note: continuation lines align after 附件：, so the first line hangs back by those three characters.
      const lead = i === 0 ? '附件：' : '';
      const number = b.items.length > 1 ? `${i + 1}.` : '';
      return para(pStyle(S.attachments) + ind({ left: BODY_FIRST_LINE + 3 * BODY_CHAR, hanging: i === 0 ? 3 * BODY_CHAR : 0 }), run(`${lead}${number}${item}`));
    }),
  signature: (b) => {
    const at =
      b.placement === 'gbt'
        ? signatureIndents(b.signatory, b.date)
        : b.placement === 'gbt-sealed'
          ? sealedSignatureIndents(b.signatory, b.date)
          : { signatory: 2, date: 2 };
    return [
      para(pStyle(S.signatory) + ind({ right: Math.round(at.signatory * BODY_CHAR) }), run(b.signatory)),
      para(pStyle(S.date) + ind({ right: Math.round(at.date * BODY_CHAR) }), run(b.date)),
    ];
  },
  attachmentMark: (b) => [para(pStyle(S.attachmentMark), run(b.text))],
  colophon: (b) => colophon(b),
  table: () => {
    throw new Error('tables go in form sections, not in official ones');
  },
  pageBreak: () => [para('', '<w:r><w:br w:type="page"/></w:r>')],
};

/** A paragraph that only draws a rule of the 版记 (its bottom border), 1 pt high and off the line grid. */
const rule = (size: number): OfficialPart =>
  para(
    `${pStyle(S.colophon)}<w:pBdr>${border('bottom', size, '000000', 0)}</w:pBdr><w:snapToGrid w:val="0"/><w:spacing w:after="0" w:before="0" w:line="${RULE_HEIGHT}" w:lineRule="exact"/>`,
    '',
  );

/**
 * 版记: thick rule, optional 抄送, thin rule, 印发机关 left and 印发日期 right, optional 份数, thick rule, in 4号 and
 * full 版心 width. An empty paragraph of the remaining height comes first, so the last rule lands on the bottom edge of
 * the 版心 in every viewer (LibreOffice ignores the section's bottom alignment).
 */
function colophon(b: Extract<Block, { type: 'colophon' }>): OfficialPart[] {
  const text: OfficialPart[] = [];
  const rules: OfficialPart[] = [rule(COLOPHON_RULES.thick)];
  let lines = 0;
  if (b.cc.length > 0) {
    const cc = `抄送：${b.cc.join('，')}。`;
    // Note: continuation lines align after 抄送：, three 四号 characters in; a wrapped list takes more lines.
    lines += colophonLines(cc);
    rules.push(rule(COLOPHON_RULES.thin));
    text.push(para(pStyle(S.colophon) + ind({ left: 4 * SMALL_CHAR, right: SMALL_CHAR, hanging: 3 * SMALL_CHAR }), run(cc)));
  }
  const printed = [
    para(
      `${pStyle(S.colophon)}<w:tabs><w:tab w:val="right" w:pos="${OFFICIAL_TEXT_WIDTH - SMALL_CHAR}"/></w:tabs>${ind({ left: SMALL_CHAR })}`,
      `${run(b.printedBy)}<w:r><w:tab/></w:r>${run(`${b.printedOn}印发`)}`,
    ),
  ];
  if (b.copies) printed.push(para(pStyle(S.colophon) + ind({ right: SMALL_CHAR }) + jc('right'), run(b.copies)));
  lines += printed.length;
  rules.push(rule(COLOPHON_RULES.thick));
  const used = lines * LINE_PITCH + rules.length * RULE_HEIGHT;
  const filler = para(
    `${pStyle(S.colophon)}<w:snapToGrid w:val="0"/><w:spacing w:after="0" w:before="0" w:line="${Math.max(RULE_HEIGHT, OFFICIAL_TEXT_HEIGHT - used - COLOPHON_SLACK)}" w:lineRule="exact"/>`,
    '',
  );
  const [first, ...rest] = rules;
  return b.cc.length > 0 ? [filler, first!, text[0]!, rest[0]!, ...printed, rest[1]!] : [filler, first!, ...printed, rest[0]!];
}

/** Lines a 抄送 line takes at 4号: 29 characters on the first line, 26 on each continuation (after the hanging 抄送：). */
function colophonLines(text: string): number {
  const width = charWidth(text);
  return 1 + Math.max(0, Math.ceil((width - 29) / 26));
}

/** The parts of one block of an official section. */
export const officialParts = (b: Block): OfficialPart[] => (handlers[b.type] as (x: Block) => OfficialPart[])(b);
