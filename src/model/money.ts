/** 金额与比率：Decimal 的唯一入口，四舍五入只在显示时发生一次。 */
import { Decimal } from 'decimal.js';

/** A Decimal class with half-up rounding (四舍五入) and enough precision for any budget. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO: Decimal = new Money(0);
export const HUNDRED: Decimal = new Money(100);

const AMOUNT_TEXT = /^[-+]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/** Parses an amount as typed by a person: "1522.66", "1,522.66", " 6 ". Returns undefined for anything else. */
export function parseAmount(text: string): Decimal | undefined {
  const t = text.trim();
  if (!AMOUNT_TEXT.test(t)) return undefined;
  const x = new Money(t.replace(/,/g, ''));
  // Note: "-0" and "-0.00" are zero, not negative (decimal.js keeps the sign of zero).
  return x.isZero() ? new Money(0) : x;
}

/** Number of decimals written in an amount text ("10.560" → 3). */
export function decimalsOf(text: string): number {
  const m = /\.(\d+)$/.exec(text.trim());
  return m?.[1]?.length ?? 0;
}

/** Rounds to n decimals half-up and never returns negative zero. */
export function roundTo(x: Decimal, places: number): Decimal {
  const r = x.toDecimalPlaces(places, Money.ROUND_HALF_UP);
  return r.isZero() ? new Money(0) : r;
}

/** 万元 with 2 decimals, the precision every table prints. */
export const round2 = (x: Decimal): Decimal => roundTo(x, 2);

/** Table amount "1522.66"; with grouping (narratives that ask for it) "1,522.66". */
export function formatAmount(x: Decimal, grouping = false, places = 2): string {
  const [int = '0', frac] = roundTo(x, places).toFixed(places).split('.');
  const grouped = grouping ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** A fraction printed as a percentage: 0.95123 → "95.12%". */
export function formatPercent(fraction: Decimal, places = 2): string {
  return `${roundTo(fraction.times(100), places).toFixed(places)}%`;
}

/** A score: whole numbers print whole ("40"), others with 2 decimals ("9.50"). */
export function formatScore(x: Decimal): string {
  const r = round2(x);
  return r.isInteger() ? r.toFixed(0) : r.toFixed(2);
}

/** A plain number as written, without exponent or trailing zeros: 95.0 → "95", 0.5 → "0.5". */
export function formatPlain(x: Decimal): string {
  const s = x.toFixed();
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** 执行率 and every other ratio: null when the base is zero (prints "—", never 0% or NaN). */
export function ratio(part: Decimal, base: Decimal): Decimal | null {
  return base.isZero() ? null : part.div(base);
}

/** Σ of a list of Decimals. */
export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), new Money(0));
}

/**
 * 占比 of a group that must add up to exactly 100% at the given precision (largest remainder, DOMAIN.md §4.5).
 * Returns percentages (not fractions) rounded to `places`; a zero total gives nulls.
 */
export function largestRemainderShares(amounts: readonly Decimal[], places = 2): (Decimal | null)[] {
  const total = sum(amounts);
  if (total.isZero()) return amounts.map(() => null);
  const unit = new Money(10).pow(-places);
  const exact = amounts.map((a) => a.div(total).times(100).div(unit));
  const floors = exact.map((e) => e.floor());
  let missing = new Money(100).div(unit).minus(sum(floors)).toNumber();
  const order = amounts
    .map((a, i) => ({ i, rem: exact[i]!.minus(floors[i]!), a }))
    .filter((x) => !x.a.isZero())
    .sort((x, y) => y.rem.comparedTo(x.rem) || y.a.comparedTo(x.a) || x.i - y.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = floors[i]!.plus(1);
    missing -= 1;
  }
  return floors.map((f) => f.times(unit));
}
