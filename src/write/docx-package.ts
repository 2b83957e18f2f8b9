/** DOCX 外壳：样式、页脚、节属性等固定部件由 docx 库按各节版式生成一次并缓存；正文另由 docx-body.ts 写出。 */
import { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, SectionType, TextRun, type ISectionOptions } from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { stripForbiddenChars } from '../model/xml-chars.js';
import type { DocSection } from '../model/doc.js';
import { normalizeOoxml, normalizedEntries, type OoxmlPart } from './reproducible.js';
import { stableBytes, type ZipEntry } from './zip.js';
import { jixiaoStylesFragment, mergeStyles } from './docx-styles.js';
import { isOfficial, officialFrame, withOfficialOptions, withSideNumbers } from './official-page.js';
import { A4, FONTS, LANDSCAPE_MARGINS, PORTRAIT_MARGINS, SIZE, font } from './styles.js';

/** The package parts of a document with a given section layout, everything except the body's content. */
export interface DocxShell {
  /** Every part in docx's order; `word/document.xml` and `docProps/core.xml` are replaced per document. */
  readonly parts: readonly OoxmlPart[];
  /** word/document.xml up to and including `<w:body>`. */
  readonly head: string;
  /** One `<w:sectPr>` per section, with its page size, margins and footer reference. */
  readonly sectionProperties: readonly string[];
  /** word/document.xml from `</w:body>` on. */
  readonly tail: string;
  /** docProps/core.xml with the document title filled in. */
  readonly coreXml: (escapedTitle: string) => string;
}

/** The document-wide options: metadata and the default run (仿宋_GB2312 三号). */
export const documentOptions = (title: string) => ({
  creator: 'jixiao',
  lastModifiedBy: 'jixiao',
  title,
  styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.三号, language: { value: 'en-US', eastAsia: 'zh-CN' } } } } },
});

/** “— n —” centred in 宋体 四号. */
const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.四号, font: font(FONTS.song) })],
      }),
    ],
  });

/** A section's page (A4, margins by orientation) and footer, without its content. */
export function sectionFrame(orientation: DocSection['orientation']): Omit<ISectionOptions, 'children'> {
  const landscape = orientation === 'landscape';
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: { width: A4.width, height: A4.height, ...(landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) },
        margin: { ...(landscape ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS), header: 567, footer: 567 },
      },
    },
    footers: { default: pageFooter() },
  };
}

const TITLE_MARK = 'JIXIAO-TITLE-MARK';
const cache = new Map<string, Promise<DocxShell>>();

/** The shell for these sections' orientations, built once per process and layout. */
export function docxShell(sections: readonly DocSection[]): Promise<DocxShell> {
  const key = sections
    .map((s) => `${s.orientation}/${s.layout ?? 'form'}/${String(s.numbered ?? true)}/${s.verticalAlign ?? 'top'}/${s.startsOn ?? 'next'}`)
    .join(',');
  let shell = cache.get(key);
  if (!shell) {
    shell = buildShell(sections);
    cache.set(key, shell);
    shell.catch(() => cache.delete(key));
  }
  return shell;
}

/** What docx's Packer zips (docx 9: `Packer.compiler.compile`, the files of the package by path, in zip order). */
interface DocxCompiler {
  compile(file: Document, prettify?: undefined, overrides?: readonly never[]): Map<string, string | Uint8Array>;
}

/**
 * The parts of the package docx would write for `document`, as normalizeOoxml would make them, without docx deflating
 * every part, normalizeOoxml inflating and deflating them again and the shell inflating them once more: a fifth of a
 * one-unit build, run cold (issue 14). A docx without its compiler falls back to that round trip (and `viaZip` takes it).
 */
export async function normalizedFiles(document: Document, when: Date, viaZip = false): Promise<ZipEntry[]> {
  const compiler = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;
  if (viaZip || typeof compiler?.compile !== 'function')
    return Object.entries(unzipSync(normalizeOoxml(new Uint8Array(await Packer.toBuffer(document)), when)));
  return normalizedEntries([...(compiler as DocxCompiler).compile(document, undefined, [])], when);
}

async function buildShell(sections: readonly DocSection[]): Promise<DocxShell> {
  // Note: an official (GB/T 9704) document gets its page frames and odd/even page numbers from official-page.ts.
  const official = isOfficial(sections);
  const options = official ? withOfficialOptions(documentOptions(TITLE_MARK)) : documentOptions(TITLE_MARK);
  const document = new Document({
    ...options,
    sections: sections.map((s) => ({ ...(official ? officialFrame(s) : sectionFrame(s.orientation)), children: [] })),
  });
  // Note: normalised once here so ids and times are what normalizeOoxml would make of a whole document.
  const packed = await normalizedFiles(document, new Date(Date.UTC(2000, 0, 1)));
  const parts = withSharedFooters(withJixiaoStyles(official ? withSideNumbers(packed, strFromU8) : packed));
  const text = (name: string) => {
    const data = parts.find(([n]) => n === name)?.[1] ?? '';
    return typeof data === 'string' ? data : strFromU8(data);
  };
  const xml = text('word/document.xml');
  const bodyStart = xml.indexOf('<w:body>') + '<w:body>'.length;
  const bodyEnd = xml.lastIndexOf('</w:body>');
  const sectionProperties = [...xml.slice(bodyStart, bodyEnd).matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map(([s]) => s);
  const [before, after] = text('docProps/core.xml').split(TITLE_MARK);
  if (bodyStart < '<w:body>'.length || sectionProperties.length !== sections.length || after === undefined) {
    throw new Error(`docx shell: unexpected document.xml or core.xml from docx (${sectionProperties.length} of ${sections.length} sections)`);
  }
  // Note: the fixed parts as bytes made once and marked stable, so that each is deflated once per process, not once per
  // document (zip.ts; styles, theme and a footer per section are a sixth of a unit's DOCX before compression).
  const bytes = parts.map(([name, data]): OoxmlPart => [name, stableBytes(typeof data === 'string' ? strToU8(stripForbiddenChars(data)) : data)]);
  return { parts: bytes, head: xml.slice(0, bodyStart), sectionProperties, tail: xml.slice(bodyEnd), coreXml: (title) => `${before}${title}${after}` };
}

/**
 * The parts with every footer that is byte for byte the same as an earlier one (with the same relationships) dropped,
 * and the sections that used it pointing at the earlier one: docx writes a footer part per section, and a unit with
 * fourteen tables had fourteen equal footers and their relationships, a quarter of its DOCX after compression.
 * Note: several sections may name one footer part (ECMA-376 Part 1, §17.10.2); the official layout's footers differ
 * (each has its own text box id), so they stay as they are.
 */
export function withSharedFooters(parts: readonly [string, Uint8Array | string][]): [string, Uint8Array | string][] {
  const text = (data: Uint8Array | string) => (typeof data === 'string' ? data : strFromU8(data));
  const byName = new Map(parts.map(([n, d]) => [n, d]));
  const firstByContent = new Map<string, string>();
  /** Duplicate footer file name (footer7.xml) → the equal footer kept (footer1.xml). */
  const sameAs = new Map<string, string>();
  for (const [name, data] of parts) {
    const m = /^word\/(footer\d+\.xml)$/.exec(name);
    if (!m) continue;
    const key = `${text(data)}\u0000${text(byName.get(`word/_rels/${m[1]}.rels`) ?? '')}`;
    const first = firstByContent.get(key);
    if (first) sameAs.set(m[1]!, first);
    else firstByContent.set(key, m[1]!);
  }
  if (sameAs.size === 0) return [...parts];
  const rels = text(byName.get('word/_rels/document.xml.rels') ?? '');
  const idOf = new Map<string, string>();
  for (const [, id, target] of rels.matchAll(/<Relationship Id="([^"]+)" Type="[^"]+\/footer" Target="([^"]+)"\/>/g)) idOf.set(target!, id!);
  /** A dropped footer's relationship id → the kept footer's. */
  const idMap = new Map<string, string>();
  for (const [dup, kept] of sameAs) {
    const dupId = idOf.get(dup);
    const keptId = idOf.get(kept);
    if (!dupId || !keptId) throw new Error(`docx shell: no relationship for ${dupId ? kept : dup}`);
    idMap.set(dupId, keptId);
  }
  const dropped = new Set([...sameAs.keys()].flatMap((f) => [`word/${f}`, `word/_rels/${f}.rels`]));
  return parts
    .filter(([name]) => !dropped.has(name))
    .map(([name, data]): [string, Uint8Array | string] => {
      if (name === 'word/_rels/document.xml.rels')
        return [name, rels.replace(/<Relationship Id="([^"]+)"[^>]*\/>/g, (all, id: string) => (idMap.has(id) ? '' : all))];
      if (name === '[Content_Types].xml')
        return [name, text(data).replace(/<Override [^>]*PartName="\/word\/(footer\d+\.xml)"\/>/g, (all, f: string) => (sameAs.has(f) ? '' : all))];
      if (name === 'word/document.xml')
        return [
          name,
          text(data).replace(/(<w:footerReference [^>]*r:id=")([^"]+)"/g, (all, head: string, id: string) =>
            idMap.has(id) ? `${head}${idMap.get(id)}"` : all,
          ),
        ];
      return [name, data];
    });
}

/** The parts with jixiao's named styles (docx-styles.ts) merged into docx's word/styles.xml. */
export function withJixiaoStyles(parts: readonly OoxmlPart[]): [string, Uint8Array | string][] {
  return parts.map(([name, data]) => [
    name,
    name === 'word/styles.xml' ? mergeStyles(typeof data === 'string' ? data : strFromU8(data), jixiaoStylesFragment()) : data,
  ]);
}
