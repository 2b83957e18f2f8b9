/** 可重复输出：重新打包 OOXML（DOCX/XLSX），使同一内容总是得到同样的字节。 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { hasForbiddenChar, stripForbiddenChars } from '../model/xml-chars.js';
import { isStable, stableBytes, zipEntries, type ZipEntry } from './zip.js';

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
  return normalizeParts(
    Object.entries(unzipSync(zip)).filter(([name]) => !name.endsWith('/')),
    when,
  );
}

/**
 * What normalizeOoxml does once the zip is unpacked: the same parts, in the same order, give the same bytes.
 * Note: for writers whose parts are at hand before zipping (exceljs through xlsx-parts.ts), so that nothing is zipped
 * and unzipped only to be zipped again.
 */
export function normalizeParts(parts: readonly OoxmlPart[], when: Date): Uint8Array {
  return zipEntries(normalizedEntries(parts, when), when); // entry order is kept; Word and LibreOffice open it
}

/**
 * The entries normalizeParts zips, each as the bytes it zips. Note: for a package that is not zipped whole but taken
 * apart again (the DOCX shell, docx-package.ts): the same bytes, without deflating and inflating them.
 */
export function normalizedEntries(parts: readonly OoxmlPart[], when: Date): ZipEntry[] {
  const entries = parts.map(([name, data]): OoxmlPart => [name, cleanPart(name, data)]);
  const ids = new Map<string, string>();
  for (const [name, data] of entries) {
    if (!name.endsWith('.rels')) continue;
    for (const [, id] of asText(data).matchAll(/Id="(rId[A-Za-z0-9_-]{21})"/g)) if (id && !ids.has(id)) ids.set(id, `rIdX${ids.size + 1}`);
  }
  const renamed =
    ids.size === 0
      ? entries
      : entries.map(([name, data]): OoxmlPart => (isXmlPart(name) ? [name, asText(data).replace(RANDOM_RID, (id) => ids.get(id) ?? id)] : [name, data]));
  return packedEntries(
    renamed.map(([name, data]): OoxmlPart => [name, SAME_IN_EVERY_PACKAGE.has(name) ? sameBytes(name, data) : data]),
    when,
  );
}

/**
 * Parts whose text is the same in nearly every package of a batch (an XLSX's theme, package relationships, the styles
 * of a form's tables, the content types and workbook relationships of a number of sheets). They are packed as stable
 * parts (zip.ts) whatever came before, so their bytes depend on their text only: deflated once per process for each
 * text, and as small as a part made once is packed.
 */
const SAME_IN_EVERY_PACKAGE = new Set(['xl/theme/theme1.xml', '_rels/.rels', 'xl/styles.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels']);
/** The last text of each such part and its stable bytes. */
const LAST = new Map<string, { readonly text: string; readonly bytes: Uint8Array }>();

function sameBytes(name: string, data: Uint8Array | string): Uint8Array {
  if (typeof data !== 'string' && isStable(data)) return data;
  const text = asText(data);
  const last = LAST.get(name);
  if (last?.text === text) return last.bytes;
  // Note: what packOoxml does to a part given as text, done here once for the text.
  const bytes = stableBytes(strToU8(stripForbiddenChars(text)));
  LAST.set(name, { text, bytes });
  return bytes;
}

const asText = (data: Uint8Array | string): string => (typeof data === 'string' ? data : strFromU8(data));

const isXmlPart = (name: string): boolean => /\.(xml|rels)$/.test(name);

/**
 * An XML part without the characters XML 1.0 forbids (exceljs writes U+FFFF into sharedStrings.xml as is).
 * Note: defence in depth; load rejects such input text (E-INPUT-CHARACTER). A part given as text is left to packOoxml,
 * which strips every XML text part it zips, so that no part is scanned twice.
 */
function cleanPart(name: string, data: Uint8Array | string): Uint8Array | string {
  // Note: a stable part (zip.ts) was made from clean text once, and is not scanned again for every package.
  if (typeof data === 'string' || !isXmlPart(name) || isStable(data)) return data;
  const xml = strFromU8(data);
  return hasForbiddenChar(xml) ? stripForbiddenChars(xml) : data;
}

/**
 * Zips the parts in the given order with every entry time and the core.xml dates set to `when`,
 * so the same parts always give the same bytes. Parts made once and marked with `stableBytes` (zip.ts) are deflated
 * once per process.
 */
export function packOoxml(parts: readonly OoxmlPart[], when: Date): Uint8Array {
  return zipEntries(packedEntries(parts, when), when); // entry order is kept; Word and LibreOffice open it
}

/** The bytes packOoxml zips for each part: core.xml dated `when`, text parts UTF-8 without forbidden characters. */
function packedEntries(parts: readonly OoxmlPart[], when: Date): ZipEntry[] {
  const stamp = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return parts.map(([name, data]): ZipEntry => {
    if (name === 'docProps/core.xml')
      return [name, strToU8(stripForbiddenChars(asText(data)).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${stamp}`))];
    return [name, typeof data === 'string' ? strToU8(isXmlPart(name) ? stripForbiddenChars(data) : data) : data];
  });
}
