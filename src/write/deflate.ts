/** DEFLATE of one part: libdeflate's compressor as WebAssembly (src/vendor/libdeflate/), fflate for very large parts. */
import { deflateSync } from 'fflate';
import { LIBDEFLATE_WASM } from '../vendor/libdeflate/wasm.js';

/**
 * How hard a part is packed: `fast` (libdeflate's level 1) for the parts made anew for every document, `small` (level 9)
 * for the parts made once per process and reused by thousands of documents (zip.ts `stableBytes`). Note: level 1 is 1.8×
 * as fast as level 6 on a unit's document.xml and sheets and makes them 6–12 % larger; levels 2–6 are barely faster
 * than 6 (bench/RESULTS.md, seventh round).
 */
export type Effort = 'fast' | 'small';
const LEVELS: Record<Effort, 1 | 9> = { fast: 1, small: 9 };
/** Parts larger than this go to fflate: the WebAssembly memory grows to hold input and output and never shrinks. */
export const WASM_MAX_BYTES = 8 << 20;

/**
 * The module's exports, by the names Emscripten minified them to (libdeflate.js 0.1.0's glue maps them the same way):
 * c the memory, d the constructors, e libdeflate_alloc_compressor, l libdeflate_gzip_compress,
 * m libdeflate_gzip_compress_bound, n malloc, o free.
 */
interface Exports {
  readonly c: WasmMemory;
  d(): void;
  e(level: number): number;
  l(compressor: number, input: number, inputSize: number, output: number, outputSize: number): number;
  m(compressor: number, inputSize: number): number;
  n(size: number): number;
  o(pointer: number): void;
}

/** A WebAssembly.Memory: its current buffer, and growth by 64 KiB pages. */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The part of the WebAssembly JS API used here. Note: the project's type libraries declare its types, not the global. */
interface WasmApi {
  readonly Module: new (binary: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: unknown };
}

let wasm: { x: Exports; compressors: Record<Effort, number> } | undefined;

/** Instantiates the module once per thread; it imports only Emscripten's heap growth and large memcpy. */
function libdeflate(): { x: Exports; compressors: Record<Effort, number> } {
  if (wasm) return wasm;
  const binary = base64Bytes(LIBDEFLATE_WASM);
  let memory: WasmMemory | undefined;
  const imports = {
    a: {
      // emscripten_resize_heap(requested): grow to at least the requested bytes; 1 if it did.
      a: (requested: number) => {
        const m = memory!;
        const need = (requested >>> 0) - m.buffer.byteLength;
        if (need <= 0) return 1;
        try {
          m.grow(Math.ceil(need / 65536));
          return 1;
        } catch {
          return 0;
        }
      },
      // emscripten_memcpy_big(dest, src, n)
      b: (dest: number, src: number, n: number) => {
        new Uint8Array(memory!.buffer).copyWithin(dest, src, src + n);
      },
    },
  };
  const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const instance = new api.Instance(new api.Module(binary), imports);
  const x = instance.exports as unknown as Exports;
  memory = x.c;
  x.d();
  wasm = { x, compressors: { fast: x.e(LEVELS.fast), small: x.e(LEVELS.small) } };
  return wasm;
}

function base64Bytes(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** CRC-32 (IEEE 802.3) by table, for parts too large for the WebAssembly (libdeflate computes its own). */
const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

/** The CRC-32 of some bytes, as an unsigned 32-bit number. */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 255]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** A part as a ZIP entry stores it: the raw DEFLATE stream and the CRC-32 of the bytes. */
export interface Deflated {
  readonly crc: number;
  readonly deflated: Uint8Array;
}

/**
 * The raw DEFLATE stream of `data` and its CRC-32. Note: WebAssembly computes the same on every machine (unlike
 * node:zlib, whose bytes depend on the CPU), so the same input gives the same bytes, in Node and in the browser page.
 * libdeflate writes a gzip member (a 10-byte header, the DEFLATE stream libdeflate_deflate_compress gives, then the
 * CRC-32 and size), so the CRC comes from the same pass over the bytes.
 */
export function deflatePart(data: Uint8Array, effort: Effort = 'fast'): Deflated {
  if (data.length > WASM_MAX_BYTES) return { crc: crc32(data), deflated: deflateSync(data, { level: LEVELS[effort] }) };
  const { x, compressors } = libdeflate();
  const compressor = compressors[effort];
  const input = x.n(Math.max(1, data.length));
  const bound = x.m(compressor, data.length);
  const output = x.n(bound);
  if (input === 0 || output === 0) throw new RangeError('libdeflate: out of WebAssembly memory');
  try {
    // Note: the memory's buffer is taken after every malloc, which may have grown it.
    new Uint8Array(x.c.buffer).set(data, input);
    const written = x.l(compressor, input, data.length, output, bound);
    if (written < 18) throw new Error('libdeflate: the output did not fit its bound');
    const heap = new Uint8Array(x.c.buffer);
    const crc =
      (heap[output + written - 8]! | (heap[output + written - 7]! << 8) | (heap[output + written - 6]! << 16) | (heap[output + written - 5]! << 24)) >>> 0;
    return { crc, deflated: heap.slice(output + 10, output + written - 8) };
  } finally {
    x.o(output);
    x.o(input);
  }
}
