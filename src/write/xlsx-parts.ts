/** exceljs 的工作簿直接交出各部件（不经 JSZip 打包再解包），再由 normalizeParts 一次打包成可重复的字节。 */
import type ExcelJS from 'exceljs';
import { normalizeOoxml, normalizeParts, type OoxmlPart } from './reproducible.js';

/** The steps of exceljs's XLSX.write (lib/xlsx/xlsx.js, exceljs 4.4), each appending parts to a zip writer. */
interface XlsxInternals {
  prepareModel(model: unknown, options: object): void;
  addContentTypes(zip: PartSink, model: unknown): Promise<void>;
  addOfficeRels(zip: PartSink, model: unknown): Promise<void>;
  addWorkbookRels(zip: PartSink, model: unknown): Promise<void>;
  addWorksheets(zip: PartSink, model: unknown): Promise<void>;
  addSharedStrings(zip: PartSink, model: unknown): Promise<void>;
  addDrawings(zip: PartSink, model: unknown): Promise<void>;
  addTables(zip: PartSink, model: unknown): Promise<void>;
  addThemes(zip: PartSink, model: unknown): Promise<void>;
  addStyles(zip: PartSink, model: unknown): Promise<void>;
  addMedia(zip: PartSink, model: unknown): Promise<void>;
  addApp(zip: PartSink, model: unknown): Promise<void>;
  addCore(zip: PartSink, model: unknown): Promise<void>;
  addWorkbook(zip: PartSink, model: unknown): Promise<void>;
}

/** What exceljs's steps call on its zip writer. */
interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

const STEPS = [
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
  'addSharedStrings',
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const;

/**
 * The workbook as reproducible XLSX bytes: the same as `normalizeOoxml(await wb.xlsx.writeBuffer(), when)`, without
 * JSZip zipping every part (and computing its CRC) and fflate unzipping it again.
 * Note: this drives exceljs's own write steps in its own order with a sink in place of its JSZip writer, so the parts
 * and their order are exactly what writeBuffer would zip (tests/kit/xlsx-parts.test.ts compares the bytes). An exceljs
 * without these steps falls back to writeBuffer.
 */
export async function workbookBytes(wb: ExcelJS.Workbook, when: Date): Promise<Uint8Array> {
  const xlsx = wb.xlsx as unknown as Partial<XlsxInternals>;
  if (typeof xlsx.prepareModel !== 'function' || STEPS.some((s) => typeof xlsx[s] !== 'function')) return writtenBytes(wb, when);
  const x = xlsx as XlsxInternals;
  const parts: [string, string | Uint8Array][] = [];
  const index = new Map<string, number>();
  const sink: PartSink = {
    append(data, { name, base64 }) {
      const bytes = base64 ? new Uint8Array(Buffer.from(data as string, 'base64')) : data;
      // Note: JSZip keeps a name's first position when the same name is added again, with the last data.
      const at = index.get(name);
      if (at === undefined) {
        index.set(name, parts.length);
        parts.push([name, bytes]);
      } else parts[at] = [name, bytes];
    },
  };
  const { model } = wb as unknown as { model: unknown };
  x.prepareModel(model, {});
  // Note: the same sequence as XLSX.write; the steps that exceljs runs together append in this order too.
  await x.addContentTypes(sink, model);
  await x.addOfficeRels(sink, model);
  await x.addWorkbookRels(sink, model);
  await x.addWorksheets(sink, model);
  await x.addSharedStrings(sink, model);
  await x.addDrawings(sink, model);
  await x.addTables(sink, model);
  await Promise.all([x.addThemes(sink, model), x.addStyles(sink, model)]);
  await x.addMedia(sink, model);
  await Promise.all([x.addApp(sink, model), x.addCore(sink, model)]);
  await x.addWorkbook(sink, model);
  return normalizeParts(
    parts.map(([name, data]): OoxmlPart => [name, typeof data === 'string' ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)]),
    when,
  );
}

/** The reference path: exceljs's own zip (stored, since it is re-packed anyway), normalised. */
export async function writtenBytes(wb: ExcelJS.Workbook, when: Date): Promise<Uint8Array> {
  return normalizeOoxml(new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })), when);
}
