/** XML 文本转义：与 docx 库相同的写法（DOCX 正文与公文要素共用）。 */
import { stripForbiddenChars } from '../model/xml-chars.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/**
 * Escapes text as docx does: the five XML entities, and control characters other than tab and line breaks dropped.
 * Note: every other character XML 1.0 forbids (U+FFFE, U+FFFF, lone surrogates) is dropped too; load already
 * rejects them (E-INPUT-CHARACTER), this is defence in depth for text from templates and profiles.
 */
export const escapeXml = (s: string): string => stripForbiddenChars(s).replace(/[&"'<>]/g, (c) => ESCAPES[c] ?? '');
