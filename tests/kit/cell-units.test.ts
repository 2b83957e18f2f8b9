/** Cell values in 百元 and percentages without their sign (the sichuan completion tables): DOCX text and XLSX number agree. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/model/doc.js';
import { Money } from '../../src/model/money.js';
import { cellNumber, cellText } from '../../src/write/cell-text.js';
import { formatByNumFmt } from '../support/dump.js';

const d = (s: string) => new Money(s);
const scaled = (big: bigint, places: number) => new Money(big.toString()).div(new Money(10).pow(places));
const shown = (value: CellValue) => {
  const n = cellNumber(value);
  return n === null ? null : formatByNumFmt(n.value, n.numFmt);
};

describe('百元 amounts', () => {
  it('print the 2-decimal 万元 figure ×100 as a whole number (1772.93 万元 ↔ 177293 百元)', () => {
    expect(cellText({ kind: 'amount', value: d('1772.93'), unit: '百元' })).toBe('177293');
    expect(cellText({ kind: 'amount', value: d('0.67'), unit: '百元' })).toBe('67');
    expect(cellText({ kind: 'amount', value: d('0.005'), unit: '百元' })).toBe('1');
    expect(cellText({ kind: 'amount', value: d('-0.004'), unit: '百元' })).toBe('0');
    expect(cellNumber({ kind: 'amount', value: d('1772.93'), unit: '百元' })).toEqual({ value: 177293, numFmt: '0' });
    expect(cellText({ kind: 'amount', value: d('1772.93'), unit: '万元' })).toBe('1772.93');
  });

  it('always equal the 万元 text without its point, and the XLSX shows the DOCX text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (micro) => {
        const x = scaled(micro, 6);
        const hundred: CellValue = { kind: 'amount', value: x, unit: '百元' };
        expect(cellText(hundred)).toBe(
          cellText({ kind: 'amount', value: x })
            .replace('.', '')
            .replace(/^(-?)0+(?=\d)/, '$1')
            .replace(/^-0$/, '0'),
        );
        expect(shown(hundred)).toBe(cellText(hundred));
      }),
    );
  });
});

describe('percentages', () => {
  it('print without % in the bare style, with the given places', () => {
    expect(cellText({ kind: 'percent', value: d('0.000378'), style: 'bare' })).toBe('0.04');
    expect(cellText({ kind: 'percent', value: d('-0.912073'), style: 'bare' })).toBe('-91.21');
    expect(cellText({ kind: 'percent', value: d('0.000378'), style: 'bare', places: 0 })).toBe('0');
    expect(cellNumber({ kind: 'percent', value: d('0.000467'), style: 'bare' })).toEqual({ value: 0.05, numFmt: '0.00' });
    expect(cellText({ kind: 'percent', value: d('0.99963'), places: 1 })).toBe('100.0%');
    expect(cellNumber({ kind: 'percent', value: d('0.99963'), places: 1 })).toEqual({ value: 1, numFmt: '0.0%' });
    expect(cellText({ kind: 'percent', value: d('0.99963'), style: 'sign' })).toBe('99.96%');
  });

  it('the XLSX number shown with its format equals the DOCX text, for every style and 0–3 places', () => {
    const fraction = fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }).map((n) => scaled(n, 8));
    fc.assert(
      fc.property(fraction, fc.constantFrom('sign' as const, 'bare' as const), fc.integer({ min: 0, max: 3 }), (x, style, places) => {
        const value: CellValue = { kind: 'percent', value: x, style, places };
        expect(shown(value)).toBe(cellText(value));
      }),
    );
  });
});
