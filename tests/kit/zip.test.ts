/**
 * jixiao's zip writer (src/write/zip.ts) gives the bytes fflate's zipSync gave before it, so that a build's output did
 * not change with it; stable parts are deflated once and still give the same archive.
 */
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, stableBytes, zipEntries, type ZipEntry } from '../../src/write/zip.js';

/** What packOoxml did before zip.ts: fflate's zipSync, level 6, the UTC fields of `when` passed as local time. */
function fflateZip(entries: readonly ZipEntry[], when: Date): Uint8Array {
  const mtime = new Date(when.getUTCFullYear(), when.getUTCMonth(), when.getUTCDate(), when.getUTCHours(), when.getUTCMinutes(), when.getUTCSeconds());
  const files: Zippable = {};
  for (const [name, data] of entries) files[name] = [data, { mtime, level: 6 }];
  return zipSync(files);
}

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

describe('zip writer', () => {
  it('gives the same bytes as fflate zipSync for any entries and time', () => {
    fc.assert(
      fc.property(entries, when, (es, t) => {
        const ours = zipEntries(es, t);
        expect(Buffer.from(ours).equals(Buffer.from(fflateZip(es, t)))).toBe(true);
        const back = unzipSync(ours);
        expect(Object.keys(back)).toEqual(es.map(([n]) => n));
        for (const [n, d] of es) expect(Buffer.from(back[n]!).equals(Buffer.from(d))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('deflates a stable part once and gives the same archive each time', () => {
    const part = stableBytes(strToU8('<w:ftr>— 1 —</w:ftr>'.repeat(200)));
    const t = new Date(Date.UTC(2024, 2, 31));
    const first = zipEntries([['word/footer1.xml', part]], t);
    const again = zipEntries(
      [
        ['word/footer1.xml', part],
        ['word/footer2.xml', part],
      ],
      t,
    );
    expect(
      Buffer.from(again).equals(
        Buffer.from(
          fflateZip(
            [
              ['word/footer1.xml', part],
              ['word/footer2.xml', part],
            ],
            t,
          ),
        ),
      ),
    ).toBe(true);
    expect(Buffer.from(first).equals(Buffer.from(fflateZip([['word/footer1.xml', part]], t)))).toBe(true);
  });

  it('refuses an entry time that ZIP cannot hold', () => {
    expect(() => zipEntries([], new Date(Date.UTC(1979, 11, 31)))).toThrow(RangeError);
  });
});
