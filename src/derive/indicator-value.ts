/** 指标值解析：指标性质的各种写法归一，指标值/实际完成值拆成数值、单位、比较符（DOMAIN.md §6.4–6.5）。 */
import type { Decimal } from 'decimal.js';
import { Money } from '../model/money.js';
import type { Nature, ParsedValue } from '../model/derived.js';

const NATURE_SPELLINGS: readonly (readonly [Nature, readonly string[]])[] = [
  ['≥', ['≥', '>=', '＞＝', '>＝', '＞=', '≧', '大于等于', '不低于', '不少于', '不小于', '达到', '至少']],
  ['≤', ['≤', '<=', '＜＝', '<＝', '＜=', '≦', '小于等于', '不高于', '不超过', '不大于', '不多于', '最多']],
  ['>', ['>', '＞', '大于', '高于', '超过', '多于']],
  ['<', ['<', '＜', '小于', '低于', '少于']],
  ['=', ['=', '＝', '等于']],
  ['定性', ['定性']],
];

/** Normalises a 指标性质 spelling; undefined when it is not one. */
export function parseNature(text: string | undefined): Nature | undefined {
  const t = (text ?? '').trim();
  if (t === '') return undefined;
  for (const [nature, spellings] of NATURE_SPELLINGS) if (spellings.includes(t)) return nature;
  return undefined;
}

/** Comparators that may lead a value text, longest first. */
const LEADING = NATURE_SPELLINGS.filter(([n]) => n !== '定性')
  .flatMap(([n, ss]) => ss.map((s) => [n, s] as const))
  .sort((a, b) => b[1].length - a[1].length);

/**
 * Comparison words written after the number and its unit ("95%以上", "2天以内"), longest first. Note: in Chinese
 * usage 以上 and 以下 include the number itself (含本数), so they are ≥ and ≤.
 */
const TRAILING: readonly (readonly [Nature, string])[] = [
  ['≥', '及以上'],
  ['≤', '及以下'],
  ['≥', '以上'],
  ['≤', '以下'],
  ['≤', '以内'],
];

const FULL_WIDTH_DIGITS = /[０-９．％]/g;
const toHalfWidth = (s: string) => s.replace(FULL_WIDTH_DIGITS, (c) => (c === '．' ? '.' : c === '％' ? '%' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

const NUMBER = String.raw`[-+]?\d+(?:,\d{3})*(?:\.\d+)?`;
const SINGLE = new RegExp(`^(${NUMBER})\\s*(.*)$`);
const RANGE = new RegExp(`^(${NUMBER})\\s*(?:-|－|~|～|—|至|到)\\s*(${NUMBER})\\s*(.*)$`);

/** Splits "≥95%", "不低于95%", "2天以内", "1-2次", "92", "有效" into comparator, number(s) and unit. */
export function parseValue(raw: string): ParsedValue {
  const text = raw.trim();
  let rest = toHalfWidth(text);
  let comparator: Nature | null = null;
  for (const [n, s] of LEADING) {
    if (rest.startsWith(s)) {
      comparator = n;
      rest = rest.slice(s.length).trim();
      break;
    }
  }
  // Note: only after a number ("以上" alone, or "3项以上工作", stays text); a leading word wins over a trailing one.
  for (const [n, s] of TRAILING) {
    if (rest.endsWith(s) && /\d/.test(rest.slice(0, -s.length))) {
      comparator ??= n;
      rest = rest.slice(0, -s.length).trim();
      break;
    }
  }
  const num = (s: string): Decimal => new Money(s.replace(/,/g, ''));
  const unitOf = (s: string | undefined) => {
    const u = (s ?? '').trim();
    return u === '' ? null : u;
  };
  const range = RANGE.exec(rest);
  if (range) return { kind: 'range', low: num(range[1]!), high: num(range[2]!), unit: unitOf(range[3]), comparator, text };
  const single = SINGLE.exec(rest);
  if (single && isUnitLike(single[2] ?? '')) return { kind: 'number', value: num(single[1]!), unit: unitOf(single[2]), comparator, text };
  return { kind: 'text', text };
}

/** A unit is short and has no sentence punctuation ("次", "%", "人次", "万元", "元/人"); "2023年12月31日前" is not one. */
function isUnitLike(s: string): boolean {
  const t = s.trim();
  return t.length <= 6 && !/[，,。；;、\d]/.test(t);
}

/** True when the unit means percent. */
export const isPercentUnit = (unit: string | null | undefined): boolean => unit === '%' || unit === '％' || unit === '百分比';
