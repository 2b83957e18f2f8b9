/** 部门预算及同比变动（甘肃 G1 一（五））：各部分预算数、合计、上年数与变动率。 */
import type { Decimal } from 'decimal.js';
import { Money, ratio, round2, sum } from '../../../model/money.js';
import type { BudgetPartFigures, GansuBudgetFigures } from '../derived.js';
import type { GansuBudgetPart, GansuUnit } from '../schema.js';

/** 变动率 = (本年 − 上年) ÷ 上年 on the displayed amounts (DOMAIN.md §4.6); null without a prior or over a zero base. */
export function changeRate(current: Decimal, prior: Decimal | null): Decimal | null {
  if (prior === null) return null;
  return ratio(round2(current).minus(round2(prior)), round2(prior));
}

const part = (amount: Decimal, prior: Decimal | null): BudgetPartFigures => ({ amount, prior, change: changeRate(amount, prior) });
const fromInput = (p: GansuBudgetPart, fallback: Decimal | null): BudgetPartFigures => part(p.amount ?? fallback ?? new Money(0), p.prior ?? null);

/** Derives the budget parts, the total (Σ parts) and their changes; 项目支出 without an amount is Σ of its items. */
export function deriveBudget(b: GansuUnit['budget']): GansuBudgetFigures {
  const projectItemsTotal = b.projects.items ? sum(b.projects.items.map((i) => i.amount)) : null;
  const personnel = fromInput(b.personnel, null);
  const goodsAndServices = fromInput(b.goodsAndServices, null);
  const projects = fromInput(b.projects, projectItemsTotal);
  const parts = [personnel, goodsAndServices, projects];
  const priors = parts.map((p) => p.prior);
  const prior = priors.every((p): p is Decimal => p !== null) ? sum(priors) : null;
  return { personnel, goodsAndServices, projects, projectItemsTotal, total: part(sum(parts.map((p) => p.amount)), prior) };
}
