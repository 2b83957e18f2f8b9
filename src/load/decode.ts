/** 读入文件字节：检查大小与编码（UTF-8、带 BOM 的 UTF-16、GB18030），得到文本。 */
import type { Diagnostic, DiagnosticCode, DiagnosticExtras } from '../model/diagnostic.js';
import { diagnostic } from '../model/diagnostic.js';

/** The largest input file accepted (5 MiB); a budget year is a few hundred KiB at most. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Text encodings an input file may arrive in. */
export type InputEncoding = 'utf-8' | 'gb18030' | 'utf-16';

/** Result of decoding: the text and its encoding, or diagnostics saying why there is none. */
export interface Decoded {
  readonly text?: string;
  readonly encoding?: InputEncoding;
  readonly diagnostics: Diagnostic[];
}

/** How to re-save a file as UTF-8, in the words of the programs our users have. */
export const RESAVE_HINT = '请用记事本“另存为”并选择编码 UTF-8，或在 WPS/Excel 中导出为 UTF-8';

const MIB = 1024 * 1024;
type Place = NonNullable<Diagnostic['place']>;

/**
 * Why an input file of `size` bytes (over MAX_INPUT_BYTES) is not read. Note: a batch asks the file system for the
 * size before reading (run/context.ts), so an oversized file is refused without being loaded into memory.
 */
export function tooLargeInput(file: string, size: number): Diagnostic {
  const actual = `${(size / MIB).toFixed(2)} MiB（${size} 字节）`;
  const limit = `${MAX_INPUT_BYTES / MIB} MiB（${MAX_INPUT_BYTES} 字节）`;
  const message = /\.xlsx$/i.test(file)
    ? `工作簿大小为 ${actual}，超过上限 ${limit}；请确认选择的是按录入模板填写的工作簿。`
    : `文件大小为 ${actual}，超过上限 ${limit}；请确认选择的是单位年度的 YAML/JSON 文件。`;
  return {
    ...diagnostic('E-INPUT-TOO-LARGE', [], message, {
      expected: `≤ ${MAX_INPUT_BYTES} 字节`,
      actual: `${size} 字节`,
    }),
    file,
  };
}

/** Thrown by FileSystem.readFile given a limit, for a file larger than the limit: its size, and nothing read. */
export class FileTooLargeError extends Error {
  readonly size: number;
  constructor(size: number) {
    super(`file of ${size} bytes is over the limit`);
    this.size = size;
  }
}

/** Decodes an input file's bytes (UTF-8, UTF-16 with BOM, or GB18030/GBK) into text, refusing oversized, empty and binary files. */
export function decodeInput(bytes: Uint8Array, file: string): Decoded {
  const fail = (code: DiagnosticCode, message: string, extras: DiagnosticExtras & { place?: Place } = {}): Decoded => ({
    diagnostics: [{ ...diagnostic(code, [], message, extras), file, ...(extras.place ? { place: extras.place } : {}) }],
  });

  if (bytes.length > MAX_INPUT_BYTES) return { diagnostics: [tooLargeInput(file, bytes.length)] };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return fail('E-INPUT-UNREADABLE', '这是 Excel/Word 文档或压缩包，不是 YAML/JSON 文本文件；请选择按示例填写的 .yaml 或 .json 文件。');
  }

  const decoded = decodeText(bytes);
  if ('bad' in decoded) {
    const { line, column, offset } = decoded.bad;
    const byte = `0x${hex(bytes[offset] ?? 0)}`;
    return fail(
      'E-INPUT-ENCODING',
      `文件既不是 UTF-8 编码，也不是 GBK/GB18030 编码（第 ${line} 行第 ${column} 列附近有无法识别的字节 ${byte}）。${RESAVE_HINT}。`,
      { place: { line, column }, expected: 'UTF-8', actual: byte },
    );
  }
  if ('utf16' in decoded) {
    return fail('E-INPUT-ENCODING', `文件疑为不带 BOM 的 UTF-16 编码或已损坏，无法读取。${RESAVE_HINT}。`, { expected: 'UTF-8' });
  }
  const { text, encoding } = decoded;
  if (text.trim() === '') return fail('E-INPUT-UNREADABLE', '文件为空。', { expected: '按示例填写的 YAML/JSON 内容' });
  if (text.includes('\u0000')) {
    return fail('E-INPUT-UNREADABLE', '文件含有二进制内容（NUL 字节），不是 YAML/JSON 文本文件。');
  }
  return { text, encoding, diagnostics: [] };
}

type Attempt = { text: string; encoding: InputEncoding } | { bad: { offset: number; line: number; column: number } } | { utf16: true };

/** BOM first, then strict UTF-8, then strict GB18030. */
function decodeText(bytes: Uint8Array): Attempt {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = strict('utf-8', bytes.subarray(3));
    return text === undefined ? { bad: badUtf8(bytes, 3) } : { text, encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const text = strict(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', bytes.subarray(2));
    return text === undefined ? { utf16: true } : { text, encoding: 'utf-16' };
  }
  if (looksLikeUtf16(bytes)) return { utf16: true };
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = strict('gb18030', bytes);
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  return { bad: badUtf8(bytes, 0) };
}

function strict(label: string, bytes: Uint8Array): string | undefined {
  try {
    // Note: ignoreBOM keeps a BOM we did not strip ourselves visible as text, so nothing is dropped silently.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Many NULs in alternate positions: UTF-16 text saved without a BOM. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return n >= 4 && zeros >= n / 4;
}

/** Position (1-based line:column, counted in decoded characters) of the first byte that is not valid UTF-8. */
function badUtf8(bytes: Uint8Array, start: number): { offset: number; line: number; column: number } {
  const offset = firstInvalidUtf8(bytes, start);
  let lineStart = start;
  let line = 1;
  for (let i = start; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  return { offset, line, column };
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (overlong, surrogate, truncated, > U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c === undefined || c < min || c > max) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const hex = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');
