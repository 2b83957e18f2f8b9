/** node:zlib for the browser build: the raw inflate that the workbook zip guard uses, by fflate. */
import { inflateSync } from 'fflate';

export const inflateRawSync = (data: Uint8Array, opts: { maxOutputLength?: number } = {}): Buffer => {
  const out = inflateSync(data);
  if (opts.maxOutputLength !== undefined && out.byteLength > opts.maxOutputLength) throw new RangeError('Cannot create a Buffer larger than maxOutputLength');
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
};
