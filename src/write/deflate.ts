/** DEFLATE of one part: libdeflate's compressor as WebAssembly (src/vendor/libdeflate/), fflate for very large parts. */
import { deflateSync } from 'fflate';
import { LIBDEFLATE_WASM } from '../vendor/libdeflate/wasm.js';

/** libdeflate's level 6, zlib's default ratio. */
const LEVEL = 6;
/** Parts larger than this go to fflate: the WebAssembly memory grows to hold input and output and never shrinks. */
export const WASM_MAX_BYTES = 8 << 20;

/**
 * The module's exports, by the names Emscripten minified them to (libdeflate.js 0.1.0's glue maps them the same way):
 * c the memory, d the constructors, e libdeflate_alloc_compressor, f libdeflate_deflate_compress,
 * h libdeflate_deflate_compress_bound, n malloc, o free.
 */
interface Exports {
  readonly c: WasmMemory;
  d(): void;
  e(level: number): number;
  f(compressor: number, input: number, inputSize: number, output: number, outputSize: number): number;
  h(compressor: number, inputSize: number): number;
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

let wasm: { x: Exports; compressor: number } | undefined;

/** Instantiates the module once per thread; it imports only Emscripten's heap growth and large memcpy. */
function libdeflate(): { x: Exports; compressor: number } {
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
  wasm = { x, compressor: x.e(LEVEL) };
  return wasm;
}

function base64Bytes(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The raw DEFLATE stream of `data`. Note: WebAssembly computes the same on every machine (unlike node:zlib, whose
 * bytes depend on the CPU), so the same input gives the same bytes, in Node and in the browser page.
 */
export function deflateRaw(data: Uint8Array): Uint8Array {
  if (data.length > WASM_MAX_BYTES) return deflateSync(data, { level: LEVEL });
  const { x, compressor } = libdeflate();
  const input = x.n(Math.max(1, data.length));
  const bound = x.h(compressor, data.length);
  const output = x.n(bound);
  if (input === 0 || output === 0) throw new RangeError('libdeflate: out of WebAssembly memory');
  try {
    // Note: the memory's buffer is taken after every malloc, which may have grown it.
    new Uint8Array(x.c.buffer).set(data, input);
    const written = x.f(compressor, input, data.length, output, bound);
    if (written === 0) throw new Error('libdeflate: the output did not fit its bound');
    return new Uint8Array(x.c.buffer).slice(output, output + written);
  } finally {
    x.o(output);
    x.o(input);
  }
}
