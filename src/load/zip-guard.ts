/**
 * 压缩包检查：在把 .xlsx 交给 exceljs 之前读取 zip 的中央目录，条目数、每个条目与合计的解压大小、每个工作表的行数
 * 超过上限时报告 E-INPUT-LIMIT；解压时以声明的大小为上限，声明不实（“压缩炸弹”）同样在解压出上限之前停止。
 */
import { inflateRawSync } from 'node:zlib';

/** The most entries a workbook's zip may have (an entry workbook has about 20). */
export const MAX_ZIP_ENTRIES = 2_000;
/** The largest declared uncompressed size of one entry. */
export const MAX_ZIP_ENTRY_BYTES = 50 * 1024 * 1024;
/** The largest declared uncompressed size of all entries together. */
export const MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024;
/** The most rows (`<row>` elements) one worksheet may have. */
export const MAX_SHEET_ROWS = 50_000;

/** One entry of the central directory. */
interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly size: number;
  readonly localOffset: number;
}

/** What is wrong with a workbook's zip, in Chinese; `code` says whether it is a bound or a broken file; `where` a sheet name. */
export interface ZipProblem {
  readonly code: 'E-INPUT-LIMIT' | 'E-INPUT-UNREADABLE' | 'E-WORKBOOK-CELL';
  readonly message: string;
  readonly where?: string;
  readonly ref?: string;
  readonly expected?: string;
  readonly actual?: string;
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The entries of the central directory, or a problem when the zip's end records are missing or inconsistent. */
function centralDirectory(buf: Buffer): Entry[] | ZipProblem {
  const broken = (why: string): ZipProblem => ({
    code: 'E-INPUT-UNREADABLE',
    message: `无法作为 Excel 工作簿（.xlsx）读取（${why}）；旧版 .xls 或 WPS .et 文件请先另存为 .xlsx。`,
  });
  // Note: the end-of-central-directory record is 22 bytes plus a comment of at most 65,535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return broken('找不到目录结尾');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return broken('ZIP64 格式，填报工作簿不会用到');
  if (count > MAX_ZIP_ENTRIES)
    return {
      code: 'E-INPUT-LIMIT',
      message: `压缩包中有 ${count} 个条目，超过上限 ${MAX_ZIP_ENTRIES} 个；这不是正常的填报工作簿。`,
      expected: `≤ ${MAX_ZIP_ENTRIES} 个条目`,
      actual: `${count} 个条目`,
    };
  if (cdOffset + cdSize > eocd) return broken('目录位置超出文件');
  const entries: Entry[] = [];
  let at = cdOffset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== 0x02014b50) return broken(`目录第 ${k + 1} 项损坏`);
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** Number of `<row` elements (`<row ` or `<row>`) in worksheet XML. */
function countRows(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) {
    const next = xml[i + 4];
    if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f) n++;
  }
  return n;
}

/** Number of `<si>` items of the shared strings part. */
function countSharedStrings(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf('<si'); i >= 0; i = xml.indexOf('<si', i + 3)) {
    const next = xml[i + 3];
    if (next === 0x3e || next === 0x20 || next === 0x2f) n++;
  }
  return n;
}

/** The shared-string cell (`t="s"`) of a worksheet with the highest index, with its reference (`B7`). */
function maxSharedIndex(xml: Buffer): { index: number; ref: string } | undefined {
  if (xml.indexOf('t="s"') < 0) return undefined;
  let best: { index: number; ref: string } | undefined;
  for (const m of xml.toString('utf8').matchAll(/<c\b([^>]*)>\s*<v>\s*(\d+)\s*<\/v>/g)) {
    if (!/\bt="s"/.test(m[1]!)) continue;
    const index = Number(m[2]);
    if (!best || index > best.index) best = { index, ref: /\br="([A-Z]+\d+)"/.exec(m[1]!)?.[1] ?? '?' };
  }
  return best;
}

/** `xl/worksheets/sheet1.xml` → sheet name, from workbook.xml and its relationships (best effort; the part name otherwise). */
function sheetNames(parts: ReadonlyMap<string, Buffer>): Map<string, string> {
  const names = new Map<string, string>();
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name && target)
      names.set(
        target,
        name
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'"),
      );
  }
  return names;
}

/**
 * Checks a workbook's zip before it is inflated by exceljs: entry count and declared sizes from the central directory,
 * then each entry inflated with its declared size as the output limit (a lying size stops there), and rows counted.
 * Returns the first problem, or undefined when the workbook is within every bound.
 */
export function checkWorkbookZip(bytes: Uint8Array): ZipProblem | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buf);
  if (!Array.isArray(entries)) return entries;
  let total = 0;
  for (const e of entries) {
    if (e.size === 0xffffffff || e.compressed === 0xffffffff)
      return { code: 'E-INPUT-UNREADABLE', message: `压缩包条目“${e.name}”使用 ZIP64 格式，填报工作簿不会用到；请用 Excel 或 WPS 重新保存。` };
    if (e.size > MAX_ZIP_ENTRY_BYTES) {
      return {
        code: 'E-INPUT-LIMIT',
        message: `压缩包条目“${e.name}”解压后为 ${MB(e.size)}，超过上限 ${MB(MAX_ZIP_ENTRY_BYTES)}；这不是正常的填报工作簿。`,
        expected: `≤ ${MAX_ZIP_ENTRY_BYTES} 字节`,
        actual: `${e.size} 字节`,
      };
    }
    total += e.size;
  }
  if (total > MAX_ZIP_TOTAL_BYTES) {
    return {
      code: 'E-INPUT-LIMIT',
      message: `压缩包解压后合计 ${MB(total)}，超过上限 ${MB(MAX_ZIP_TOTAL_BYTES)}；这不是正常的填报工作簿。`,
      expected: `≤ ${MAX_ZIP_TOTAL_BYTES} 字节`,
      actual: `${total} 字节`,
    };
  }
  const kept = new Map<string, Buffer>();
  const rows: { part: string; count: number; shared?: { index: number; ref: string } }[] = [];
  let sharedStrings = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const lh = e.localOffset;
    if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50)
      return { code: 'E-INPUT-UNREADABLE', message: `不是完整的 .xlsx 压缩包（条目“${e.name}”损坏）；请用 Excel 或 WPS 重新保存。` };
    const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    const raw = buf.subarray(start, Math.min(buf.length, start + e.compressed));
    let data: Buffer;
    if (e.method === 0) data = raw;
    else if (e.method === 8) {
      try {
        // Note: the declared size is the output limit, so a size that lies stops the inflater there, not at gigabytes.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        const tooBig = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
        return tooBig
          ? {
              code: 'E-INPUT-LIMIT',
              message: `压缩包条目“${e.name}”解压后超过它声明的大小 ${e.size} 字节（压缩炸弹）；这不是正常的填报工作簿。`,
              expected: `≤ ${e.size} 字节`,
              actual: `> ${e.size} 字节`,
            }
          : { code: 'E-INPUT-UNREADABLE', message: `不是完整的 .xlsx 压缩包（条目“${e.name}”无法解压）；请用 Excel 或 WPS 重新保存。` };
      }
    } else return { code: 'E-INPUT-UNREADABLE', message: `压缩包条目“${e.name}”使用了不支持的压缩方式（${e.method}）；请用 Excel 或 WPS 重新保存。` };
    if (data.length > e.size)
      return {
        code: 'E-INPUT-LIMIT',
        message: `压缩包条目“${e.name}”的大小与声明的 ${e.size} 字节不符；这不是正常的填报工作簿。`,
        expected: `${e.size} 字节`,
        actual: `${data.length} 字节`,
      };
    if (e.name === 'xl/workbook.xml' || e.name === 'xl/_rels/workbook.xml.rels') kept.set(e.name, data);
    if (e.name === 'xl/sharedStrings.xml') sharedStrings = countSharedStrings(data);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const shared = maxSharedIndex(data);
      rows.push({ part: e.name, count: countRows(data), ...(shared ? { shared } : {}) });
    }
  }
  const names = sheetNames(kept);
  for (const { part, count, shared } of rows) {
    const where = names.get(part) ?? part;
    if (shared && shared.index >= sharedStrings) {
      // Note: exceljs fails on such a cell with a TypeError that names no cell; say which cell it is.
      return {
        code: 'E-WORKBOOK-CELL',
        where,
        ref: shared.ref,
        message: `单元格引用了第 ${shared.index + 1} 个共享字符串，而工作簿只有 ${sharedStrings} 个；文件已损坏，请用 Excel 或 WPS 打开后重新保存。`,
        expected: `< ${sharedStrings}`,
        actual: String(shared.index),
      };
    }
    if (count <= MAX_SHEET_ROWS) continue;
    return {
      code: 'E-INPUT-LIMIT',
      where,
      message: `工作表“${where}”有 ${count} 行，超过上限 ${MAX_SHEET_ROWS} 行；请删除多余的行（或分成几个单位的工作簿）。`,
      expected: `≤ ${MAX_SHEET_ROWS} 行`,
      actual: `${count} 行`,
    };
  }
  return undefined;
}
