/** 自由文字检查（DOMAIN.md §7.7）：自带序号、称“N个”而列举项数不符、外单位用语；各格式的叙述字段通用。 */
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { labelPath } from '../model/labels.js';

/** One free-text field of an input: where it is and what it says. */
export interface TextField {
  readonly path: readonly PropertyKey[];
  readonly text: string;
}

/** 一、 （一） (一) 1. 1、 （1） (1) at the start of a line; "1.5万元" is a number, not a heading number. */
const MANUAL_NUMBER =
  /^\s*(（[一二三四五六七八九十]{1,3}）|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)|（\d{1,2}）|\(\d{1,2}\))/;

/** W-MANUAL-NUMBERING: a paragraph (line) of a field starts with its own heading number. */
export function manualNumbering(fields: readonly TextField[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { path, text } of fields) {
    for (const line of text.split('\n')) {
      const m = MANUAL_NUMBER.exec(line);
      if (!m) continue;
      const number = m[1]!.trim();
      out.push(
        diagnostic('W-MANUAL-NUMBERING', path, `${labelPath(path)}：文字中自带序号“${number}”，可能与自动编号冲突。`, {
          expected: '不带序号的文字',
          actual: number,
        }),
      );
    }
  }
  return out;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** "6", "六", "十二" → 6, 6, 12; undefined for anything else. */
function countOf(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CHINESE_DIGITS[s];
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  return m ? (m[1] ? CHINESE_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CHINESE_DIGITS[m[2]]! : 0) : undefined;
}

const NUM = '(\\d{1,3}|[一二两三四五六七八九十]{1,3})';
/** "（甲、乙、丙）3个…" and "3个…（甲、乙、丙）": a count next to a list in parentheses. */
const LIST_THEN_COUNT = new RegExp(`[（(]([^（）()]+、[^（）()]+)[）)]\\s*${NUM}\\s*个`, 'gu');
const COUNT_THEN_LIST = new RegExp(`${NUM}\\s*个[^，。；、（）()]{0,10}[（(]([^（）()]+、[^（）()]+)[）)]`, 'gu');

/** W-ENUM-COUNT (optional): "N个…" next to a list in parentheses whose items are not N. */
export function enumCount(fields: readonly TextField[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (path: readonly PropertyKey[], said: string, list: string) => {
    const n = countOf(said);
    const m = list.split('、').filter((x) => x.trim() !== '').length;
    if (n === undefined || n === m) return;
    out.push(diagnostic('W-ENUM-COUNT', path, `${labelPath(path)}：称“${said}个”，但列举了${m}项。`, { expected: `${m}个`, actual: `${said}个` }));
  };
  for (const { path, text } of fields) {
    for (const x of text.matchAll(LIST_THEN_COUNT)) report(path, x[2]!, x[1]!);
    for (const x of text.matchAll(COUNT_THEN_LIST)) report(path, x[1]!, x[2]!);
  }
  return out;
}

/** W-FOREIGN-TERMS (optional): a term configured as foreign to this kind of unit, once per field and term. */
export function foreignTerms(fields: readonly TextField[], terms: readonly string[]): Diagnostic[] {
  return fields.flatMap(({ path, text }) =>
    terms
      .filter((t) => t !== '' && text.includes(t))
      .map((t) => diagnostic('W-FOREIGN-TERMS', path, `${labelPath(path)}：出现“${t}”，疑为他单位材料。`, { expected: '本单位的材料', actual: t })),
  );
}
