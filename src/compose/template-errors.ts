/** 模板错误的定位与中文说明：把 Handlebars 的各种异常（语法、字段、助手、块）变成带 行:列（从 1 起）的 E-TEMPLATE。 */

/** A 1-based line and column in a template file. */
export interface TemplatePlace {
  readonly line: number;
  readonly column: number;
}

/** What a template problem says and where it is. */
export interface TemplateProblem {
  readonly message: string;
  readonly place: TemplatePlace;
}

/** The helpers a template may use (Handlebars' built-ins; knownHelpersOnly refuses every other). */
export const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'];

/** The 1-based place of a 0-based offset in a text. */
export function placeOf(source: string, offset: number): TemplatePlace {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

/** The place of the first match of a pattern, or the start of the file. */
function find(source: string, pattern: RegExp): TemplatePlace {
  const m = pattern.exec(source);
  return placeOf(source, m ? m.index : 0);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Column of a jison parse error on `line`: the message shows up to 20 characters before the error with newlines
 * removed, then a caret; find where in the line that text ends.
 */
function parseErrorColumn(source: string, line: number, message: string): number {
  const [, excerpt = '', caret = ''] = message.split('\n');
  let pre = excerpt.slice(0, Math.max(0, caret.indexOf('^')));
  if (pre.startsWith('...')) pre = pre.slice(3);
  const lines = source.split('\n');
  const text = lines[line - 1] ?? '';
  const earlier = lines.slice(0, line - 1).join('');
  for (let c = text.length; c >= 0; c--) if ((earlier + text.slice(0, c)).endsWith(pre)) return c + 1;
  return 1;
}

/** Turns what Handlebars threw while compiling or running a template into a Chinese message and a 1-based place. */
export function describeTemplateError(source: string, e: unknown): TemplateProblem {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e);
  const first = message.split('\n')[0] ?? '';
  // Note: Handlebars' own positions are 1-based lines and 0-based columns.
  const located: TemplatePlace | undefined = typeof err.lineNumber === 'number' ? { line: err.lineNumber, column: (err.column ?? 0) + 1 } : undefined;

  const parse = /^Parse error on line (\d+):/.exec(first);
  if (parse) {
    const line = Number(parse[1]);
    const got = /got '([^']+)'/.exec(message)?.[1];
    const place = { line, column: parseErrorColumn(source, line, message) };
    if (got === 'EOF')
      return { place, message: '模板语法错误：文件结束时还有没有结束的块（{{#if …}}、{{#each …}} 或 {{#with …}} 缺少对应的 {{/if}}、{{/each}}、{{/with}}）' };
    return {
      place,
      message: `模板语法错误：此处的 {{…}} 写法不正确（应为 {{字段}}、{{#if 字段}}…{{/if}} 这样成对的花括号；解析器读到 ${got ?? '无法识别的内容'}）`,
    };
  }
  const field = /^"([^"]+)" not defined/.exec(first)?.[1];
  if (field !== undefined) {
    return { place: located ?? find(source, new RegExp(`\\b${escapeRe(field)}\\b`)), message: `模板引用了不存在的字段“${field}”；请对照随附模板中的字段名` };
  }
  const helper = /unknown helper (\S+)/.exec(first)?.[1];
  if (helper !== undefined) {
    return {
      place: located ?? find(source, new RegExp(`{{~?\\s*${escapeRe(helper)}\\b`)),
      message: `模板使用了不存在的助手“${helper}”；只能使用 ${BUILT_IN_HELPERS.join('、')}`,
    };
  }
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(first);
  if (mismatch) {
    return { place: located ?? find(source, /{{\//), message: `模板语法错误：块的开始 {{#${mismatch[1]} …}} 与结束 {{/${mismatch[2]}}} 不配对` };
  }
  const partial = /^The partial (\S+) could not be found/.exec(first)?.[1];
  if (partial !== undefined) {
    return {
      place: find(source, new RegExp(`{{~?\\s*>\\s*${escapeRe(partial)}\\b`)),
      message: `模板引用了不存在的片段“${partial}”（{{> ${partial}}}）；片段须先在本模板中用 {{#*inline "${partial}"}}…{{/inline}} 定义`,
    };
  }
  const iterator = /^Must pass iterator to #(\w+)/.exec(first)?.[1];
  if (iterator !== undefined) {
    return {
      place: find(source, new RegExp(`{{~?#${iterator}\\s*~?}}`)),
      message: `模板语法错误：{{#${iterator}}} 须指明列表或对象，例如 {{#${iterator} projects}}`,
    };
  }
  const inOperator = /Cannot use 'in' operator to search for '([^']+)'/.exec(first)?.[1];
  if (inOperator !== undefined) {
    return {
      place: find(source, new RegExp(`\\.${escapeRe(inOperator)}\\b`)),
      message: `模板引用了不存在的字段“${inOperator}”（它前面的字段是文字或数字，没有下级字段）`,
    };
  }
  return { place: located ?? { line: 1, column: 1 }, message: `模板无法使用：${first}` };
}

/**
 * The first line of a template that prints text before any heading: not blank, not a comment, not a heading,
 * not only block tags. Note: used to place markup errors found in the rendered text back in the template.
 */
export function firstTextLine(source: string): TemplatePlace {
  const blanked = source.replace(/{{!--[\s\S]*?--}}|{{![\s\S]*?}}/g, (c) => c.replace(/[^\n]/g, ' '));
  const lines = blanked.split('\n');
  const onlyTags = /^(\s*{{~?\s*(#|\/|\^|else\b)[^}]*}}\s*)+$/;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '' || /^\s*#{1,4}\s/.test(text) || onlyTags.test(text)) continue;
    return { line: i + 1, column: text.length - text.trimStart().length + 1 };
  }
  return { line: 1, column: 1 };
}

/** The first line of a template whose text starts with `prefix` (after indentation), or the start of the file. */
export function lineStartingWith(source: string, prefix: string): TemplatePlace {
  return find(source, new RegExp(`^[ \\t]*${escapeRe(prefix)}`, 'm'));
}
