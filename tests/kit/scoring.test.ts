import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Money, formatPercent, formatScore, largestRemainderShares, sum } from '../../src/model/money.js';
import { executionScore, grade, meets, quantitativeScore } from '../../src/derive/scoring.js';
import { parseNature, parseValue } from '../../src/derive/indicator-value.js';

const m = (x: string | number) => new Money(x);
const rules = { lessThanRule: 'ratio', equalRule: 'as-positive' } as const;
const bands = [
  { min: 90, label: '优' },
  { min: 80, label: '良' },
  { min: 60, label: '中' },
  { min: 0, label: '差' },
];

describe('budget-execution score (DOMAIN.md §5.2)', () => {
  it('scores 10 × 80.18% = 8.02 for 33.13 of 41.32', () => {
    const rate = m('33.13').div('41.32');
    expect(formatPercent(rate)).toBe('80.18%');
    expect(formatScore(executionScore(m(10), rate))).toBe('8.02');
  });
  it('caps the score at the weight when execution passes 100%', () => {
    expect(formatScore(executionScore(m(10), m('1.0235')))).toBe('10');
  });
  it('scores 0 when there is no rate (全年预算数 0)', () => {
    expect(executionScore(m(10), null).isZero()).toBe(true);
  });
});

describe('quantitative indicators (DOMAIN.md §5.3)', () => {
  it('gives w × a ÷ t for a missed ≥ target: t=100, a=80, w=30 → 24', () => {
    expect(quantitativeScore('≥', m(100), m(80), m(30), rules).toFixed(2)).toBe('24.00');
  });
  it('gives the ratio rule 22.50 and the linear rule 20.00 for ≤ 30 天 with 40 天', () => {
    expect(quantitativeScore('≤', m(30), m(40), m(30), rules).toFixed(2)).toBe('22.50');
    expect(quantitativeScore('≤', m(30), m(40), m(30), { ...rules, lessThanRule: 'linear-to-zero-at-2x' }).toFixed(2)).toBe('20.00');
  });
  it('scores > like ≥ (a = t earns w) but the deviation test fails it', () => {
    expect(quantitativeScore('>', m(5), m(5), m(20), rules).toFixed(0)).toBe('20');
    expect(meets('>', m(5), m(5))).toBe(false);
  });
  it('scores = with t = 0 only when a = 0', () => {
    expect(quantitativeScore('=', m(0), m(0), m(10), rules).toFixed(0)).toBe('10');
    expect(quantitativeScore('=', m(0), m(1), m(10), rules).toFixed(0)).toBe('0');
  });
  it('never leaves [0, w] and is rounded to 2 decimals', () => {
    const natures = ['≥', '>', '=', '≤', '<'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...natures),
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 1, max: 100 }),
        (n, t, a, w) => {
          const s = quantitativeScore(n, m(t).div(100), m(a).div(100), m(w), rules);
          expect(s.greaterThanOrEqualTo(0) && s.lessThanOrEqualTo(w)).toBe(true);
          expect(s.decimalPlaces()).toBeLessThanOrEqual(2);
        },
      ),
    );
  });
});

describe('grades (DOMAIN.md §5.6)', () => {
  it.each([
    ['100', '优'],
    ['90.00', '优'],
    ['89.99', '良'],
    ['80', '良'],
    ['60.00', '中'],
    ['59.99', '差'],
    ['0', '差'],
  ])('%s → %s', (total, g) => {
    expect(grade(m(total), bands)).toBe(g);
  });
});

describe('shares of a total (DOMAIN.md §4.5)', () => {
  it('prints 76.01% + 23.99% for 1157.34 and 365.32 (seed 004)', () => {
    expect(largestRemainderShares([m('1157.34'), m('365.32')], 2).map((x) => x?.toFixed(2))).toEqual(['76.01', '23.99']);
  });
  it('gives 85.2 / 6.6 / 3.6 / 4.6 where half-up would give 99.9 (seed 001 功能分类)', () => {
    const parts = ['1570.82', '121.83', '65.26', '85.27'].map(m);
    expect(largestRemainderShares(parts, 1).map((x) => x?.toFixed(1))).toEqual(['85.2', '6.6', '3.6', '4.6']);
  });
  it('always adds up to exactly 100 for any non-zero group', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (cents, places) => {
        fc.pre(cents.some((c) => c > 0));
        const shares = largestRemainderShares(
          cents.map((c) => m(c).div(100)),
          places,
        );
        expect(sum(shares.map((s) => s ?? m(0))).toFixed(places)).toBe(m(100).toFixed(places));
      }),
    );
  });
});

describe('indicator values (DOMAIN.md §6.4–6.5)', () => {
  it.each([
    ['>=', '≥'],
    ['大于等于', '≥'],
    ['＝', '='],
    ['不超过', '≤'],
    ['定性', '定性'],
  ])('reads nature %s as %s', (text, n) => {
    expect(parseNature(text)).toBe(n);
  });
  it('splits ≥50个 into comparator, number and unit', () => {
    const v = parseValue('≥50个');
    expect(v.kind === 'number' && [v.comparator, v.value.toString(), v.unit]).toEqual(['≥', '50', '个']);
  });
  it('reads 1-2次 as a range and 有效 as text', () => {
    expect(parseValue('1-2次').kind).toBe('range');
    expect(parseValue('有效').kind).toBe('text');
    expect(parseValue('2023年12月31日前').kind).toBe('text');
  });
  it.each([
    ['不低于95%', '≥', '95', '%'],
    ['不少于50个', '≥', '50', '个'],
    ['不超过90万元', '≤', '90', '万元'],
    ['不高于5%', '≤', '5', '%'],
    ['达到100%', '≥', '100', '%'],
    ['95%以上', '≥', '95', '%'],
    ['100人次及以上', '≥', '100', '人次'],
    ['2天以内', '≤', '2', '天'],
    ['5%以下', '≤', '5', '%'],
    ['≥95%以上', '≥', '95', '%'],
    ['１０个以上', '≥', '10', '个'],
  ])('reads the comparison word of %s as %s %s %s', (text, comparator, value, unit) => {
    const v = parseValue(text);
    expect(v.kind === 'number' && [v.comparator, v.value.toString(), v.unit]).toEqual([comparator, value, unit]);
  });
  it('leaves comparison words that do not follow a number as text: 以上, 完成3项以上工作', () => {
    expect(parseValue('以上').kind).toBe('text');
    expect(parseValue('完成3项以上工作').kind).toBe('text');
  });
  it('scores 2天以内 as ≤: 3天 misses the target and earns less than full marks', () => {
    const t = parseValue('2天以内');
    const a = parseValue('3天');
    if (t.kind !== 'number' || a.kind !== 'number' || !t.comparator || t.comparator === '定性') throw new Error('not parsed as numbers');
    expect(meets(t.comparator, t.value, a.value)).toBe(false);
    expect(quantitativeScore(t.comparator, t.value, a.value, m(10), rules).toFixed(2)).toBe('6.67');
  });
  it('reads full-width digits and percent: ９５％', () => {
    const v = parseValue('９５％');
    expect(v.kind === 'number' && [v.value.toString(), v.unit]).toEqual(['95', '%']);
  });
});
