/**
 * DOCX 文字量估算：按字宽把一段文字折成行（汉字与全角符号 1 字宽，西文按 Times New Roman 字宽，避头尾规则），
 * 估计偏大，使 Word、WPS、LibreOffice 排出的行数不多于估计（issue 13 的分页依据）。
 */

/**
 * Advance widths of Times New Roman (and its metric twin Liberation Serif) for ASCII 32–126, in thousandths of an em:
 * the widths of the standard Times-Roman font metrics.
 */
const TIMES = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564,
  444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333,
  469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200,
  480, 541,
] as const;

/** Characters that may not start a line (避头), and those that may not end one (避尾). */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉”’…‰%,.;:?!)]}']);
const NO_END = new Set([...'（《「『【〔〈“‘([{']);

/** Width of a character in thousandths of an em: ASCII by Times New Roman (5 % more when bold), anything else one em. */
// Note: with the east-Asian font hint, Word sets “ ” — · × in the CJK font, a full em; counting them so never undercounts.
const charWidth = (cp: number, bold: boolean): number => (cp >= 32 && cp < 127 ? TIMES[cp - 32]! * (bold ? 1.05 : 1) : cp < 32 ? 0 : 1000);

const isAscii = (cp: number) => cp < 127;

/** A piece a line break may not cut: a CJK character, a run of ASCII non-space characters, or a space. */
interface Token {
  readonly start: number;
  readonly end: number;
  /** Width in thousandths of an em. */
  readonly width: number;
  readonly kind: 'cjk' | 'word' | 'space';
}

function tokens(text: string, bold: boolean): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    if (cp === 32) {
      out.push({ start: i, end: i + 1, width: charWidth(cp, bold), kind: 'space' });
      i += 1;
    } else if (isAscii(cp)) {
      let j = i;
      let width = 0;
      while (j < text.length && text.charCodeAt(j) < 127 && text.charCodeAt(j) !== 32) {
        width += charWidth(text.charCodeAt(j), bold);
        j++;
      }
      out.push({ start: i, end: j, width, kind: 'word' });
      i = j;
    } else {
      out.push({ start: i, end: i + size, width: charWidth(cp, bold), kind: 'cjk' });
      i += size;
    }
  }
  return out;
}

/**
 * The offsets in `para` (one paragraph, no line feed) where each line after the first starts, when it is set in a line
 * `width` ems wide. Greedy, as Word and LibreOffice set text: CJK characters break anywhere, an ASCII word only at a
 * space (a word longer than the line at a character), a closing mark never starts a line and an opening mark never
 * ends one (the character before or after goes along), and a quarter em is counted where CJK and Latin text meet
 * (Word's automatic spacing). Note: every rule errs toward more lines, never fewer.
 */
export function lineStarts(para: string, width: number, bold = false): number[] {
  const max = width * 1000;
  // Note: no character is wider than 1 em and a quarter em at most is added between two of them, so a text this short
  // fits on one line whatever it holds; most table cells are (their tokens were a twentieth of a unit's allocation).
  return para.length * 1250 <= max ? [] : greedyLineStarts(para, max, bold);
}

/** lineStarts for any text, with the line's width in thousandths of an em; exported for the test of its short cut. */
export function greedyLineStarts(para: string, max: number, bold: boolean): number[] {
  const toks = tokens(para, bold);
  const starts: number[] = [];
  let lineTok = 0;
  let x = 0;
  let prev: Token['kind'] | undefined;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'space') {
      x += t.width;
      continue;
    }
    const gap = prev !== undefined && prev !== t.kind ? 250 : 0;
    if (x + gap + t.width <= max || i === lineTok) {
      if (t.kind === 'word' && t.width > max && i === lineTok) {
        // A word longer than the line: cut between characters.
        let w = 0;
        for (let k = t.start; k < t.end; k++) {
          const cw = charWidth(para.charCodeAt(k), bold);
          if (w + cw > max && k > t.start) {
            starts.push(k);
            w = 0;
          }
          w += cw;
        }
        x = w;
      } else x += gap + t.width;
      prev = t.kind;
      continue;
    }
    // Break before token i; a closing mark takes the token before it along, an opening mark before i goes too.
    let at = i;
    const first = (k: number) => para.codePointAt(toks[k]!.start)!;
    while (at > lineTok + 1 && (NO_START.has(String.fromCodePoint(first(at))) || NO_END.has(String.fromCodePoint(first(at - 1))))) at--;
    while (at < i && toks[at]!.kind === 'space') at++;
    starts.push(toks[at]!.start);
    lineTok = at;
    x = 0;
    prev = undefined;
    i = at - 1;
  }
  return starts;
}

/** Lines a text (paragraphs separated by "\n") takes in a line `width` ems wide. */
export function textLines(text: string, width: number, bold = false): number {
  let n = 0;
  for (const para of text.split('\n')) n += 1 + lineStarts(para, width, bold).length;
  return n;
}

/**
 * A text cut after its first `lines` lines in a line `width` ems wide: [what those lines hold, the rest]. A cut inside
 * a paragraph makes two paragraphs, one on each side. `lines` must be at least 1.
 */
export function cutAfterLines(text: string, width: number, lines: number, bold = false): [string, string] {
  const paras = text.split('\n');
  let left = lines;
  for (let p = 0; p < paras.length; p++) {
    const starts = lineStarts(paras[p]!, width, bold);
    const n = 1 + starts.length;
    if (n <= left) {
      left -= n;
      if (left === 0 && p + 1 < paras.length) return [paras.slice(0, p + 1).join('\n'), paras.slice(p + 1).join('\n')];
      continue;
    }
    const at = starts[left - 1]!;
    const head = [...paras.slice(0, p), paras[p]!.slice(0, at)].join('\n');
    const tail = [paras[p]!.slice(at), ...paras.slice(p + 1)].join('\n');
    return [head, tail];
  }
  return [text, ''];
}
