/** 叙述中的数字与日期：金额、比率、变动方向和中文日期，格式由格式设置决定，模板只收到文字。 */
import type { Decimal } from 'decimal.js';
import { formatAmount, formatPercent, formatPlain, round2, roundTo } from '../model/money.js';

/** How a narrative prints figures: 'trim' as the seeds do ("85", "38.7", "9.3%"), 'fixed' with 2 decimals. */
export type NumberStyle = 'trim' | 'fixed';

/** An amount in 万元 for a sentence: "85" or "85.00". */
export const narrativeAmount = (x: Decimal, style: NumberStyle): string => (style === 'trim' ? formatPlain(round2(x)) : formatAmount(x));

/** A fraction as a percentage for a sentence: "9.3%" or "9.30%". */
export const narrativePercent = (fraction: Decimal, style: NumberStyle): string =>
  style === 'trim' ? `${formatPlain(roundTo(fraction.times(100), 2))}%` : formatPercent(fraction);

/** A 同比 change for a template: the direction as flags (the template words it: 增加/减少, 增长/下降) and the size. */
export interface ChangeView {
  readonly increase: boolean;
  readonly same: boolean;
  readonly rate: string;
}

/** The view of a change, or null when there is none to state (no prior figure, zero base). */
export function changeView(change: Decimal | null, style: NumberStyle): ChangeView | null {
  if (change === null) return null;
  const shown = roundTo(change.times(100), 2);
  return { increase: shown.isPositive() && !shown.isZero(), same: shown.isZero(), rate: narrativePercent(change.abs(), style) };
}

/** "2024-03-08" → "2024年3月8日": full year, no leading zeros (GB/T 9704 成文日期). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** Text without its closing punctuation, for a sentence that continues after it. */
export const openEnded = (text: string): string => text.replace(/[。；;，,.！!\s]+$/u, '');
