/** 四川表中填报数的读取：旧报告印出的比率（“115%”或完成情况表的“0.04”）、金额与得分，按表格精度与计算值比较。 */
import type { Decimal } from 'decimal.js';
import { HUNDRED, parseAmount, roundTo } from '../../../model/money.js';
import { parseStatedPercent } from '../../../check/stated.js';

/** A stated rate in percent ("115%", "0.04" as the completion tables print it), or undefined when it is not a number. */
export function statedPercent(text: string): Decimal | undefined {
  return parseStatedPercent(text)?.value ?? parseAmount(text.replace(/[%％]$/, ''));
}

/**
 * Whether a stated percentage agrees with a fraction at the table's precision (2 decimals, or more when the
 * stated figure has more): "100%" disagrees with 99.96%, "99.82%" with 99.83%.
 */
export function rateAgrees(stated: Decimal, fraction: Decimal, places: number): boolean {
  const p = Math.max(places, stated.decimalPlaces());
  return roundTo(fraction.times(HUNDRED), p).equals(roundTo(stated, p));
}

/** A stated number (an amount or a score). */
export const statedNumber = (text: string): Decimal | undefined => parseAmount(text);

/** How a stated text reads in a message: "空白" for a blank cell. */
export const shownStated = (text: string): string => (text === '' ? '空白' : text);
