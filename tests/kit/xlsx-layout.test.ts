/** The XLSX row-height estimate's text measure (src/write/xlsx-layout.ts), against the rule it implements. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textUnits, wrappedLines } from '../../src/write/xlsx-layout.js';

/** The rule, by code point: full-width characters 2 units, half-width ones (below U+1100, and U+FF61–FFDC) 1. */
const units = (text: string) =>
  [...text].reduce((n, ch) => n + (ch.codePointAt(0)! < 0x1100 || (ch.codePointAt(0)! >= 0xff61 && ch.codePointAt(0)! <= 0xffdc) ? 1 : 2), 0);

describe('textUnits', () => {
  it('counts each character by its code point, a surrogate pair or a lone surrogate as one character', () => {
    expect(textUnits('绩效a１ｱ𠀀')).toBe(2 + 2 + 1 + 2 + 1 + 2);
    expect(textUnits('\ud800x\udc00')).toBe(5);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (t) => textUnits(t) === units(t)),
      { numRuns: 3000 },
    );
  });

  it('wraps each paragraph on its own', () => {
    expect(wrappedLines('一二三四五', 4)).toBe(3);
    expect(wrappedLines('一二\n三四五', 4)).toBe(1 + 2);
    expect(wrappedLines('', 4)).toBe(1);
  });
});
