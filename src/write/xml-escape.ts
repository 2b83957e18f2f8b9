/** XML 文本转义：与 docx 库相同的写法（DOCX 正文与公文要素共用）。 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/** Escapes text as docx does: the five XML entities, and control characters other than tab and line breaks dropped. */
export const escapeXml = (s: string): string => s.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
