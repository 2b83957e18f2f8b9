/** ZIP 打包：按 ZIP 格式（APPNOTE 6.3）写出，每个部件用 deflate.ts 压缩；标记为不变的部件只压缩一次，以后直接复用。 */
import { deflatePart, type Deflated } from './deflate.js';

/** One file of the archive: its name in the zip and its bytes. */
export type ZipEntry = readonly [name: string, data: Uint8Array];

/** Byte arrays that never change once made (a document shell's parts), so that their deflated form can be kept. */
const STABLE = new WeakSet<Uint8Array>();
const PACKED = new WeakMap<Uint8Array, Deflated>();

/**
 * Marks bytes that will never be changed, so that every archive holding them reuses one deflated copy (the styles,
 * theme and footers of a DOCX shell are the same for thousands of documents; issue 14). Returns the same array.
 */
export function stableBytes(data: Uint8Array): Uint8Array {
  STABLE.add(data);
  return data;
}

/** Whether `data` was marked with stableBytes. */
export const isStable = (data: Uint8Array): boolean => STABLE.has(data);

function pack(data: Uint8Array): Deflated {
  const known = PACKED.get(data);
  if (known) return known;
  // Note: a part made once is packed as small as libdeflate goes short of its slowest levels, since it is packed once.
  const stable = STABLE.has(data);
  const packed = deflatePart(data, stable ? 'small' : 'fast');
  if (stable) PACKED.set(data, packed);
  return packed;
}

const encoder = new TextEncoder();

/**
 * A ZIP archive of the entries in the given order, each deflated, every entry time set to `when` (its UTC fields, so
 * that the time zone never matters). Note: the container has the fields fflate's `zipSync` wrote, which jixiao used
 * before; only the deflated data differ since libdeflate compresses (tests/kit/zip.test.ts reads every field back).
 */
export function zipEntries(entries: readonly ZipEntry[], when: Date): Uint8Array {
  const year = when.getUTCFullYear() - 1980;
  if (year < 0 || year > 119) throw new RangeError(`zip: a ZIP entry time must fall in 1980–2099, not ${when.toISOString()}`);
  const dosTime =
    ((year << 25) |
      ((when.getUTCMonth() + 1) << 21) |
      (when.getUTCDate() << 16) |
      (when.getUTCHours() << 11) |
      (when.getUTCMinutes() << 5) |
      (when.getUTCSeconds() >> 1)) >>>
    0;
  const files = entries.map(([name, data]) => {
    const nameBytes = encoder.encode(name);
    if (nameBytes.length > 0xffff) throw new RangeError(`zip: entry name too long: ${name.slice(0, 40)}…`);
    return { nameBytes, utf8: nameBytes.length !== name.length, size: data.length, ...pack(data) };
  });
  const localSize = files.reduce((a, f) => a + 30 + f.nameBytes.length + f.deflated.length, 0);
  const centralSize = files.reduce((a, f) => a + 46 + f.nameBytes.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  // Note: the fields fflate wrote; version 2.0 needed and made by (host 0), bit 11 (UTF-8) for a non-ASCII name.
  const common = (f: (typeof files)[number]) => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, f.utf8 ? 0x800 : 0, true);
    view.setUint16(at + 4, 8, true);
    view.setUint32(at + 6, dosTime, true);
    view.setUint32(at + 10, f.crc, true);
    view.setUint32(at + 14, f.deflated.length, true);
    view.setUint32(at + 18, f.size, true);
    view.setUint16(at + 22, f.nameBytes.length, true);
    view.setUint16(at + 24, 0, true);
    at += 26;
  };
  const offsets: number[] = [];
  for (const f of files) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    at += 4;
    common(f);
    out.set(f.nameBytes, at);
    at += f.nameBytes.length;
    out.set(f.deflated, at);
    at += f.deflated.length;
  }
  files.forEach((f, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    at += 6;
    common(f);
    // Note: comment length, disk number, internal and external attributes stay 0.
    view.setUint32(at + 10, offsets[i]!, true);
    at += 14;
    out.set(f.nameBytes, at);
    at += f.nameBytes.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, localSize, true);
  return out;
}
