/** DEFLATE of one part: libdeflate (WebAssembly) for the parts of a document, fflate for very large ones. */
import { deflateSync } from 'fflate';
import { deflate } from 'libdeflate';

/** libdeflate's level 6, zlib's default ratio. */
const LEVEL = 6;
/** Parts larger than this go to fflate: the WebAssembly memory grows to hold input and output and never shrinks. */
export const WASM_MAX_BYTES = 8 << 20;

/** The raw DEFLATE stream of `data`; the same bytes on every machine for the same jixiao (pinned libraries). */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return data.length > WASM_MAX_BYTES ? deflateSync(data, { level: LEVEL }) : deflate(data, LEVEL);
}
