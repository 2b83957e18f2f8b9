/** 填报数核对（DOMAIN.md §7.3）：旧报告中手填的比率按其小数位与重新计算的值比较。 */
import type { Decimal } from 'decimal.js';
import { Money, roundTo } from '../model/money.js';

/** A percentage as typed ("9.3%", "-4.41%", "100%"): its value in percent and its number of decimals. */
export interface StatedPercent {
  readonly value: Decimal;
  readonly places: number;
}

/** Parses a typed percentage; undefined when the text is not one. */
export function parseStatedPercent(text: string): StatedPercent | undefined {
  const m = /^\s*([-+−]?)\s*(\d+)(?:\.(\d+))?\s*[%％]\s*$/.exec(text);
  if (!m) return undefined;
  const sign = m[1] === '-' || m[1] === '−' ? '-' : '';
  return { value: new Money(`${sign}${m[2]!}${m[3] ? `.${m[3]}` : ''}`), places: m[3]?.length ?? 0 };
}

/**
 * Whether a stated percentage agrees with a fraction at the precision it was typed with
 * ("9.3%" agrees with 0.092999…); a stated figure over an undefined rate never agrees.
 */
export function statedAgrees(stated: StatedPercent, fraction: Decimal | null): boolean {
  if (fraction === null) return false;
  return roundTo(fraction.times(100), stated.places).equals(stated.value);
}

/** The fraction printed at the stated precision, for the message: 0.123612 with 2 places → "12.36%". */
export const atStatedPrecision = (fraction: Decimal, stated: StatedPercent): string => `${roundTo(fraction.times(100), stated.places).toFixed(stated.places)}%`;
