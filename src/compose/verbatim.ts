/**
 * 输入文字原样输出：模板渲染前，把视图中每个字符串里对叙述标记有意义的字符（# * :）换成内部占位符，
 * 标记解析之后再换回，所以只有模板本身的文字能成为标题、加粗或指令行。
 */

// Note: the placeholders are Unicode non-characters U+FDD0–U+FDD3. Load refuses them in every input
// (E-INPUT-CHARACTER) and the writers strip them, so they can never be confused with user text.
const HASH = '\uFDD0';
const STAR = '\uFDD1';
/** A `**` of a value whose `**` come in pairs on one line: bold inside that value only (ningxia's “一是**…**”). */
export const VALUE_BOLD = '\uFDD2';
const COLON = '\uFDD3';

const ENCODE: Readonly<Record<string, string>> = { '#': HASH, '*': STAR, ':': COLON };
const DECODE: Readonly<Record<string, string>> = { [HASH]: '#', [STAR]: '*', [COLON]: ':', [VALUE_BOLD]: '**' };
const SIGNIFICANT = /[#*:]/g;
const PLACEHOLDER = /[\uFDD0-\uFDD3]/g;

/**
 * One interpolated value, protected: `#`, `*` and `:` can no longer start a heading, close the template's bold or
 * form a directive line. Note: a line of the value whose `**` are balanced keeps them as bold confined to itself
 * (README: “文字中的 **……**”); a stray `**` prints as written.
 */
export function protectText(text: string): string {
  if (!/[#*:]/.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const parts = line.split('**');
      const literal = (s: string) => s.replace(SIGNIFICANT, (c) => ENCODE[c] ?? c);
      return parts.length >= 3 && parts.length % 2 === 1 ? parts.map(literal).join(VALUE_BOLD) : literal(line);
    })
    .join('\n');
}

/** The text as the reader sees it: placeholders back to `#`, `*`, `:`, a value's bold marker back to `**`. */
export const plainText = (text: string): string => text.replace(PLACEHOLDER, (c) => DECODE[c] ?? c);

/** A template view with every string protected (plain objects and arrays are copied; other values kept). */
export function protectView(view: unknown): unknown {
  if (typeof view === 'string') return protectText(view);
  if (Array.isArray(view)) return view.map(protectView);
  if (view !== null && typeof view === 'object') {
    const proto = Object.getPrototypeOf(view) as unknown;
    if (proto !== Object.prototype && proto !== null) return view;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(view)) out[k] = protectView(v);
    return out;
  }
  return view;
}
