/** 甘肃部门预算检查：分项缺失、明细与合计不符、手填同比变动率、自评表资金口径（DOMAIN.md §7.2–§7.3）。 */
import type { Decimal } from 'decimal.js';
import { formatAmount } from '../../../model/money.js';
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import type { GansuDerived, BudgetPartFigures } from '../derived.js';
import type { GansuUnit } from '../schema.js';
import { atStatedPrecision, parseStatedPercent, statedAgrees } from '../../../check/stated.js';

const PARTS = [
  ['personnel', '人员支出'],
  ['goodsAndServices', '商品服务支出'],
  ['projects', '项目支出'],
] as const;

/** Runs the budget checks of G1 一（五） and the G2 money row. */
export function checkBudget(u: GansuUnit, d: GansuDerived): Diagnostic[] {
  return [...requiredParts(u), ...breakdowns(u, d), ...statedRates(u, d), ...fundsScope(u, d), ...execWithoutBudget(u)];
}

/** E-REQUIRED: 人员支出 and 商品服务支出 need an amount; 项目支出 an amount or its items. */
function requiredParts(u: GansuUnit): Diagnostic[] {
  return PARTS.flatMap(([key, name]) => {
    const part = u.budget[key];
    if (part.amount !== undefined || (key === 'projects' && u.budget.projects.items !== undefined)) return [];
    return [diagnostic('E-REQUIRED', ['budget', key, 'amount'], `部门预算 › ${name}：缺少必填项“预算数”（amount）。`, { expected: '预算数（万元）' })];
  });
}

const breakdown = (path: readonly PropertyKey[], name: string, parts: Decimal, total: Decimal): Diagnostic[] =>
  parts.equals(total)
    ? []
    : [
        diagnostic(
          'E-SUM-BREAKDOWN',
          path,
          `${name}：明细合计${formatAmount(parts)}万元，与所列总数${formatAmount(total)}万元不一致（差${formatAmount(total.minus(parts).abs())}万元）。`,
          { expected: formatAmount(parts), actual: formatAmount(total) },
        ),
      ];

/** E-SUM-BREAKDOWN: the project items against 项目支出, the parts against a stated 部门预算指标. */
function breakdowns(u: GansuUnit, d: GansuDerived): Diagnostic[] {
  const out: Diagnostic[] = [];
  const items = d.budget.projectItemsTotal;
  if (items !== null && u.budget.projects.amount !== undefined) {
    out.push(...breakdown(['budget', 'projects', 'items'], '项目支出预算', items, u.budget.projects.amount));
  }
  if (u.budget.statedTotal !== undefined) out.push(...breakdown(['budget', 'statedTotal'], '部门预算指标', d.budget.total.amount, u.budget.statedTotal));
  return out;
}

/** E-STATED-RATE: a typed 同比变动率 that the amounts do not give. */
function statedRates(u: GansuUnit, d: GansuDerived): Diagnostic[] {
  const rows: [readonly PropertyKey[], string, string | undefined, BudgetPartFigures][] = [
    [['budget', 'statedChangeRate'], '部门预算指标同比变动率', u.budget.statedChangeRate, d.budget.total],
    ...PARTS.map(([key, name]): [readonly PropertyKey[], string, string | undefined, BudgetPartFigures] => [
      ['budget', key, 'statedChangeRate'],
      `${name}预算同比变动率`,
      u.budget[key].statedChangeRate,
      d.budget[key],
    ]),
  ];
  return rows.flatMap(([path, name, text, fig]) => {
    if (text === undefined || text === '') return [];
    const stated = parseStatedPercent(text);
    if (stated && statedAgrees(stated, fig.change)) return [];
    const formula =
      fig.prior === null ? '（缺少上年预算数，无法计算）' : `（${formatAmount(fig.amount)}−${formatAmount(fig.prior)}）÷${formatAmount(fig.prior)}`;
    const should = fig.change === null ? '—' : stated ? atStatedPrecision(fig.change, stated) : `${fig.change.times(100).toFixed(2)}%`;
    return [diagnostic('E-STATED-RATE', path, `${name}：填报为${text}，按${formula}计算应为${should}。`, { expected: should, actual: text })];
  });
}

/** W-DEPT-FUNDS-SCOPE: the G2 money row holds 项目支出 instead of the department total. */
function fundsScope(u: GansuUnit, d: GansuDerived): Diagnostic[] {
  const total = d.budget.total.amount;
  const project = [u.budget.projects.amount, d.budget.projectItemsTotal].filter((x): x is Decimal => x !== undefined && x !== null);
  const current = u.funds.initialBudget;
  if (current.equals(total) || !project.some((x) => x.equals(current))) return [];
  return [
    diagnostic(
      'W-DEPT-FUNDS-SCOPE',
      ['funds'],
      `整体支出自评表的资金应为部门预算总额${formatAmount(total)}万元，当前为${formatAmount(current)}万元（疑为项目支出）。`,
      { expected: formatAmount(total), actual: formatAmount(current) },
    ),
  ];
}

/** E-EXEC-WITHOUT-BUDGET on the G2 money row. */
function execWithoutBudget(u: GansuUnit): Diagnostic[] {
  const f = u.funds;
  if (!f.adjustedBudget.isZero() || !f.executed.greaterThan(0)) return [];
  return [
    diagnostic('E-EXEC-WITHOUT-BUDGET', ['funds', 'executed'], `整体支出绩效目标自评表：全年预算数为0，但全年执行数为${formatAmount(f.executed)}万元。`, {
      expected: '0.00',
      actual: formatAmount(f.executed),
    }),
  ];
}
