/** 完成情况表的金额行：预算额、执行额、当年结转结余额、结转结余率、结转结余变动率，以及预算结构的各本预算。 */
import type { Decimal } from 'decimal.js';
import { Money, ratio, round2 } from '../../../model/money.js';
import type { BookColumn, MoneyRow } from '../derived.js';
import type { BooksInput } from '../schema.js';

const ZERO = new Money(0);

/** A money row; rates use the displayed (2-decimal 万元) amounts, so the printed 百元 figures reproduce them. */
export function moneyRow(budget: Decimal, executed: Decimal, prior: Decimal = ZERO): MoneyRow {
  const carryover = budget.minus(executed);
  return {
    budget,
    executed,
    carryover,
    prior,
    rate: ratio(round2(carryover), round2(budget)),
    changeRate: ratio(round2(carryover).minus(round2(prior)), round2(prior)),
  };
}

/** Column-wise Σ of money rows. */
export function addRows(rows: readonly MoneyRow[]): MoneyRow {
  const add = (k: 'budget' | 'executed' | 'prior') => rows.reduce((acc, r) => acc.plus(r[k]), ZERO);
  return moneyRow(add('budget'), add('executed'), add('prior'));
}

/** The four books in print order (一般公共预算, 政府性基金, 国有资本经营, 社保基金). */
export const BOOK_KEYS = ['general', 'govFund', 'stateCapital', 'socialFund'] as const;

/**
 * The structure block's columns: the declared books, or (when none are declared) the whole `total`
 * as 一般公共预算. A book with neither budget nor spending is unused and prints blank.
 */
export function bookColumns(books: BooksInput | undefined, total: MoneyRow): BookColumn[] {
  return BOOK_KEYS.map((key): BookColumn => {
    if (!books) return key === 'general' ? { key, row: total, used: true } : { key, row: moneyRow(ZERO, ZERO), used: false };
    const b = books[key];
    const row = b ? moneyRow(b.budget, b.executed, b.priorCarryover ?? ZERO) : moneyRow(ZERO, ZERO);
    return { key, row, used: !row.budget.isZero() || !row.executed.isZero() };
  });
}
