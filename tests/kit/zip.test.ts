/**
 * jixiao's zip writer (src/write/zip.ts): every field of the archive is read back by hand and checked against the
 * ZIP format (APPNOTE 6.3), each entry inflates (node:zlib) to its bytes, fflate's reader agrees, and stable parts are
 * deflated once. The deflate itself (src/write/deflate.ts) is libdeflate's, with a digest pinned so that an upgrade
 * that changes the bytes is seen.
 */
import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { WASM_MAX_BYTES, crc32, deflatePart } from '../../src/write/deflate.js';
import { stableBytes, zipEntries, type ZipEntry } from '../../src/write/zip.js';

const name = fc.oneof(
  fc.stringMatching(/^[a-z_]{1,8}(\/[a-z0-9]{1,8}){0,3}\.(xml|rels|png)$/),
  fc.constantFrom('word/document.xml', '[Content_Types].xml', 'xl/worksheets/sheet1.xml', '附件/说明.xml', 'docProps/core.xml'),
);
const data = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.string({ unit: 'grapheme', maxLength: 2000 }).map((s) => strToU8(s)),
  fc.constantFrom('<w:tc><w:p><w:r><w:t>一</w:t></w:r></w:p></w:tc>').map((s) => strToU8(s.repeat(500))),
);
const entries = fc.uniqueArray(fc.tuple(name, data), { minLength: 0, maxLength: 8, selector: ([n]) => n });
const when = fc.date({ min: new Date(Date.UTC(1980, 0, 1)), max: new Date(Date.UTC(2099, 11, 31, 23, 59, 59)), noInvalidDate: true });

/** The MS-DOS time and date fields of `t`'s UTC fields (two-second steps). */
const dosFields = (t: Date) => ({
  time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1),
  date: ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
});

/** Reads an archive by hand and checks every field against the entries it was made from. */
function checkArchive(zip: Uint8Array, es: readonly ZipEntry[], t: Date): void {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const { time, date } = dosFields(t);
  const eocd = zip.length - 22;
  expect(v.getUint32(eocd, true)).toBe(0x06054b50);
  expect([v.getUint16(eocd + 4, true), v.getUint16(eocd + 6, true)]).toEqual([0, 0]);
  expect([v.getUint16(eocd + 8, true), v.getUint16(eocd + 10, true)]).toEqual([es.length, es.length]);
  const cdSize = v.getUint32(eocd + 12, true);
  const cdAt = v.getUint32(eocd + 16, true);
  expect(cdAt + cdSize).toBe(eocd);
  expect(v.getUint16(eocd + 20, true)).toBe(0);
  let local = 0;
  let central = cdAt;
  for (const [entryName, bytes] of es) {
    const nameBytes = Buffer.from(entryName, 'utf8');
    const utf8 = nameBytes.length !== entryName.length ? 0x800 : 0;
    // Local header, then the central record: the same fields in the same order after their first bytes.
    expect(v.getUint32(local, true)).toBe(0x04034b50);
    expect(v.getUint32(central, true)).toBe(0x02014b50);
    expect(v.getUint16(central + 4, true)).toBe(20); // made by: version 2.0, MS-DOS
    for (const [at, label] of [
      [local + 4, 'local'],
      [central + 6, 'central'],
    ] as const) {
      const got = {
        label,
        version: v.getUint16(at, true),
        flags: v.getUint16(at + 2, true),
        method: v.getUint16(at + 4, true),
        time: v.getUint16(at + 6, true),
        date: v.getUint16(at + 8, true),
        crc: v.getUint32(at + 10, true),
        size: v.getUint32(at + 18, true),
        nameLength: v.getUint16(at + 22, true),
        extra: v.getUint16(at + 24, true),
      };
      expect(got).toEqual({
        label,
        version: 20,
        flags: utf8,
        method: 8,
        time,
        date,
        crc: zlibCrc32(bytes),
        size: bytes.length,
        nameLength: nameBytes.length,
        extra: 0,
      });
    }
    const deflatedSize = v.getUint32(local + 18, true);
    expect(v.getUint32(central + 20, true)).toBe(deflatedSize);
    // Note: comment length, disk number, internal and external attributes are 0; then the local header's offset.
    expect([v.getUint16(central + 32, true), v.getUint16(central + 34, true), v.getUint16(central + 36, true), v.getUint32(central + 38, true)]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(v.getUint32(central + 42, true)).toBe(local);
    expect(Buffer.from(zip.subarray(local + 30, local + 30 + nameBytes.length)).equals(nameBytes)).toBe(true);
    expect(Buffer.from(zip.subarray(central + 46, central + 46 + nameBytes.length)).equals(nameBytes)).toBe(true);
    const start = local + 30 + nameBytes.length;
    expect(inflateRawSync(zip.subarray(start, start + deflatedSize)).equals(Buffer.from(bytes))).toBe(true);
    local = start + deflatedSize;
    central += 46 + nameBytes.length;
  }
  expect(local).toBe(cdAt);
  expect(central).toBe(eocd);
}

describe('zip writer', () => {
  it('writes every ZIP field as the format says, and each entry inflates to its bytes', () => {
    fc.assert(
      fc.property(entries, when, (es, t) => {
        const ours = zipEntries(es, t);
        checkArchive(ours, es, t);
        const back = unzipSync(ours);
        expect(Object.keys(back)).toEqual(es.map(([n]) => n));
        for (const [n, d] of es) expect(Buffer.from(back[n]!).equals(Buffer.from(d))).toBe(true);
        expect(Buffer.from(zipEntries(es, t)).equals(Buffer.from(ours))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (d) => crc32(d) === zlibCrc32(d)));
  });

  it('deflates a stable part once and gives the same archive each time', () => {
    const part = stableBytes(strToU8('<w:ftr>— 1 —</w:ftr>'.repeat(200)));
    const t = new Date(Date.UTC(2024, 2, 31));
    const first = zipEntries([['word/footer1.xml', part]], t);
    const twice: ZipEntry[] = [
      ['word/footer1.xml', part],
      ['word/footer2.xml', part],
    ];
    const again = zipEntries(twice, t);
    checkArchive(again, twice, t);
    expect(Buffer.from(zipEntries([['word/footer1.xml', part]], t)).equals(Buffer.from(first))).toBe(true);
  });

  it('refuses an entry time that ZIP cannot hold', () => {
    expect(() => zipEntries([], new Date(Date.UTC(1979, 11, 31)))).toThrow(RangeError);
  });
});

describe('deflate', () => {
  it('inflates back to any input', () => {
    fc.assert(
      fc.property(data, fc.constantFrom('fast' as const, 'small' as const), (d, effort) =>
        inflateRawSync(deflatePart(d, effort).deflated).equals(Buffer.from(d)),
      ),
      { numRuns: 100 },
    );
  });

  it('gives the pinned bytes for a fixed part at each effort (libdeflate 0.1.0, levels 1 and 9)', () => {
    // Note: if a libdeflate upgrade changes these bytes, every DOCX and XLSX changes with it: say so in the README's
    // "byte-identical" paragraph and the changelog, then update the digest.
    const xml = strToU8('<w:tr><w:tc><w:p><w:r><w:t>项目支出绩效自评表 2023 年度 65.72 89.33%</w:t></w:r></w:p></w:tc></w:tr>'.repeat(300));
    const digest = (effort: 'fast' | 'small') => createHash('sha256').update(deflatePart(xml, effort).deflated).digest('hex');
    expect(digest('fast')).toBe('8dd705864c6c99470f1ec3db83cab065eafa78882babf97c952b139557ddbc76');
    expect(digest('small')).toBe('38e0484ac318cf2a779c20cf97661ef706328fd56a13232087b968df33d52e63');
    // The default is the effort for parts made per document.
    expect(deflatePart(xml).deflated).toEqual(deflatePart(xml, 'fast').deflated);
  });

  it('gives the CRC-32 of the bytes with their stream, from libdeflate and from fflate for a part over the limit', () => {
    fc.assert(
      fc.property(data, (d) => deflatePart(d).crc === zlibCrc32(d)),
      { numRuns: 100 },
    );
    const big = new Uint8Array(WASM_MAX_BYTES + 1000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251 < 40 ? (i % 26) + 97 : 32;
    const packed = deflatePart(big);
    expect(packed.crc).toBe(zlibCrc32(big));
    expect(inflateRawSync(packed.deflated).equals(Buffer.from(big))).toBe(true);
  });
});
