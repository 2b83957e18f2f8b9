/** 可重复输出：重新打包 OOXML（DOCX/XLSX），使同一内容总是得到同样的字节。 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { XML_FORBIDDEN, stripForbiddenChars } from '../model/xml-chars.js';

/** A random 21-character relationship id as docx writes for ExternalHyperlink (nanoid alphabet). */
const RANDOM_RID = /rId[A-Za-z0-9_-]{21}/g;

/** One part of an OOXML package: its path in the zip and its bytes (or XML text). */
export type OoxmlPart = readonly [name: string, data: Uint8Array | string];

/**
 * Re-packs an OOXML zip so that the same content always gives the same bytes.
 *
 * Works for docx's output (fflate, local-time stamps, random `rId…`, "now" in core.xml) and for
 * exceljs's (JSZip, current time, directory entries such as `xl/`). Entry order is kept as written.
 */
export function normalizeOoxml(zip: Uint8Array, when: Date): Uint8Array {
  // Note: JSZip adds directory entries ("xl/", "_rels/"); Word, Excel and LibreOffice do not need them.
  const entries = Object.entries(unzipSync(zip))
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, bytes]): [string, Uint8Array] => [name, cleanPart(name, bytes)]);
  const ids = new Map<string, string>();
  for (const [name, bytes] of entries) {
    if (!name.endsWith('.rels')) continue;
    for (const [, id] of strFromU8(bytes).matchAll(/Id="(rId[A-Za-z0-9_-]{21})"/g)) if (id && !ids.has(id)) ids.set(id, `rIdX${ids.size + 1}`);
  }
  if (ids.size === 0) return packOoxml(entries, when);
  return packOoxml(
    entries.map(([name, bytes]): OoxmlPart => (isXmlPart(name) ? [name, strFromU8(bytes).replace(RANDOM_RID, (id) => ids.get(id) ?? id)] : [name, bytes])),
    when,
  );
}

const isXmlPart = (name: string): boolean => /\.(xml|rels)$/.test(name);

/**
 * An XML part without the characters XML 1.0 forbids (exceljs writes U+FFFF into sharedStrings.xml as is).
 * Note: defence in depth; load rejects such input text (E-INPUT-CHARACTER).
 */
function cleanPart(name: string, bytes: Uint8Array): Uint8Array {
  if (!isXmlPart(name)) return bytes;
  const xml = strFromU8(bytes);
  return XML_FORBIDDEN.test(xml) ? strToU8(stripForbiddenChars(xml)) : bytes;
}

/**
 * Zips the parts in the given order with every entry time and the core.xml dates set to `when`,
 * so the same parts always give the same bytes.
 */
export function packOoxml(parts: readonly OoxmlPart[], when: Date): Uint8Array {
  // Note: fflate writes the local-time fields of mtime; pass the UTC fields as local so TZ never matters.
  const mtime = new Date(when.getUTCFullYear(), when.getUTCMonth(), when.getUTCDate(), when.getUTCHours(), when.getUTCMinutes(), when.getUTCSeconds());
  const stamp = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out: Zippable = {};
  for (const [name, data] of parts) {
    let bytes = typeof data === 'string' ? strToU8(isXmlPart(name) ? stripForbiddenChars(data) : data) : data;
    if (name === 'docProps/core.xml') {
      const xml = typeof data === 'string' ? data : strFromU8(data);
      bytes = strToU8(xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${stamp}`));
    }
    out[name] = [bytes, { mtime, level: 6 }];
  }
  return zipSync(out); // entry order is kept; Word and LibreOffice open it
}
