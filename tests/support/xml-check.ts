/** Well-formedness of generated files: every XML part of a DOCX/XLSX parsed by a strict XML 1.0 parser (saxes). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** The well-formedness errors of one XML text (empty when it is well-formed). */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser();
  parser.on('error', (e) => errors.push(e.message));
  parser.write(xml).close();
  return errors;
}

/** `part: error` for every XML part (`.xml`, `.rels`) of an OOXML zip that is not well-formed. */
export function ooxmlErrors(zip: Uint8Array): string[] {
  return Object.entries(unzipSync(zip))
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .flatMap(([name, bytes]) => xmlErrors(strFromU8(bytes)).map((e) => `${name}: ${e}`));
}

/** Every .docx/.xlsx file under a folder (recursively). */
export function officeFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(docx|xlsx)$/.test(f))
    .map((f) => join(dir, f));
}

/** `file › part: error` for every generated file under a folder. */
export function folderXmlErrors(dir: string): string[] {
  return officeFiles(dir).flatMap((f) => ooxmlErrors(new Uint8Array(readFileSync(f))).map((e) => `${f} › ${e}`));
}
