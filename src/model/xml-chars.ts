/** XML 1.0 不允许的字符：C0 控制字符（Tab、换行、回车除外）、不成对的代理码元、U+FFFE/U+FFFF 与其他非字符。 */

// Note: XML 1.0 §2.2 allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Word and
// Excel refuse a part holding anything else, and escaping < and & does not remove it. The non-characters
// U+FDD0–U+FDEF and U+nFFFE/U+nFFFF of every plane are allowed by the grammar but "discouraged"; we refuse them too.
const PLANE_NONCHARS = Array.from({ length: 16 }, (_, k) => `\\u{${(k + 1).toString(16)}FFFE}\\u{${(k + 1).toString(16)}FFFF}`).join('');
// Note: with the u flag, [\uD800-\uDFFF] matches only lone surrogates; a valid pair is one code point.
const SOURCE = `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${PLANE_NONCHARS}]`;

/** Matches one character that XML 1.0 forbids (or that we treat as forbidden: non-characters). */
export const XML_FORBIDDEN = new RegExp(SOURCE, 'u');
const XML_FORBIDDEN_ALL = new RegExp(SOURCE, 'gu');
/**
 * Every UTF-16 code unit that can be, or be part of, a forbidden character: a text without any is clean.
 * Note: a scan by code unit (no u flag) is several times faster than XML_FORBIDDEN on long parts; a text with
 * astral characters (any surrogate) still goes through the exact test (issue 14: 5 % of writing an XLSX).
 */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** Whether a text holds a character XML 1.0 forbids (or that we treat as forbidden). */
export const hasForbiddenChar = (text: string): boolean => SUSPECT.test(text) && XML_FORBIDDEN.test(text);

/** The first forbidden character of a text: its UTF-16 index and code point; undefined when the text is clean. */
export function findForbiddenChar(text: string): { readonly index: number; readonly codePoint: number } | undefined {
  if (!SUSPECT.test(text)) return undefined;
  const m = XML_FORBIDDEN.exec(text);
  return m ? { index: m.index, codePoint: m[0].codePointAt(0)! } : undefined;
}

/** A text with every forbidden character removed (defence in depth for the writers; input is rejected at load). */
export function stripForbiddenChars(text: string): string {
  return hasForbiddenChar(text) ? text.replace(XML_FORBIDDEN_ALL, '') : text;
}

/** `U+FFFF` for a code point. */
export const codePointName = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** What kind of character it is, in Chinese: 控制字符, 不成对的代理码元, 非字符. */
export function forbiddenKind(cp: number): string {
  if (cp < 0x20) return '控制字符';
  if (cp >= 0xd800 && cp <= 0xdfff) return '不成对的代理码元，即损坏的 UTF-16 文字';
  return '非字符，即 Unicode 保留不用的码位';
}
