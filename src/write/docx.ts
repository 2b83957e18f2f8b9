/** DOCX 写出：文档模型 → Word 文件（固定部件来自 docx 库生成的外壳，正文直接写成 XML）。 */
import type { Doc } from '../model/doc.js';
import { bodyChunks } from './docx-body.js';
import { escapeXml } from './xml-escape.js';
import { utf8Concat } from './utf8-chunks.js';
import { docxShell } from './docx-package.js';
import { keepsTableMetrics, mergeStyles } from './docx-styles.js';
import { packOoxml, type OoxmlPart } from './reproducible.js';
import { strFromU8, strToU8 } from 'fflate';
import { stripForbiddenChars } from '../model/xml-chars.js';
import { stableBytes } from './zip.js';

/** Each shell's styles.xml merged with a reference's styles, made once per process and reference (a batch has one). */
const MERGED = new WeakMap<Uint8Array, Map<string, Uint8Array>>();
/** At most this many references' merged styles are kept per shell. */
const MERGED_KEPT = 8;

/**
 * The shell's styles with a reference's styles merged in, as bytes marked stable (zip.ts): packed once, and as small
 * as the shell's own styles.xml, so that a reference holding jixiao's own styles gives the same bytes as none.
 */
function referencedStyles(shellStyles: Uint8Array, referenceStyles: string): Uint8Array {
  const byReference = MERGED.get(shellStyles) ?? new Map<string, Uint8Array>();
  MERGED.set(shellStyles, byReference);
  let merged = byReference.get(referenceStyles);
  if (!merged) {
    merged = stableBytes(strToU8(stripForbiddenChars(mergeStyles(strFromU8(shellStyles), referenceStyles))));
    if (byReference.size >= MERGED_KEPT) byReference.clear();
    byReference.set(referenceStyles, merged);
  }
  return merged;
}

/**
 * Writes a document model as DOCX bytes; the same content always gives the same bytes. `referenceStyles` (the
 * styles.xml of a reference .docx) replaces jixiao's styles of the same id; page geometry is never taken from it.
 */
export async function docToDocx(doc: Doc, when: Date, referenceStyles?: string): Promise<Uint8Array> {
  const shell = await docxShell(doc.sections);
  // Note: encoded piece by piece into one buffer; one string of the whole body was quadratic-ish in time and
  // memory for very large tables and hits V8's string length limit near 500 MB (issue 10).
  const documentXml = utf8Concat(
    (function* () {
      yield shell.head;
      // Note: a reference that changes the sizes or spacing jixiao measures leaves the tables' page breaks to the viewer.
      yield* bodyChunks(doc.sections, shell.sectionProperties, referenceStyles === undefined || keepsTableMetrics(referenceStyles));
      yield shell.tail;
    })(),
  );
  const parts = shell.parts.map(
    ([name, data]): OoxmlPart =>
      name === 'word/document.xml'
        ? [name, documentXml]
        : name === 'docProps/core.xml'
          ? [name, shell.coreXml(escapeXml(doc.title))]
          : name === 'word/styles.xml' && referenceStyles !== undefined
            ? [name, typeof data === 'string' ? mergeStyles(data, referenceStyles) : referencedStyles(data, referenceStyles)]
            : [name, data],
  );
  return packOoxml(parts, when);
}
