/** 四川金额检查（DOMAIN.md §7.2–7.3）：结转结余平衡、预算结构合计、项目支出、完成情况表的填报数。 */
import type { Decimal } from 'decimal.js';
import { HUNDRED, Money, formatAmount, formatPercent, round2, sum } from '../../../model/money.js';
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import type { MoneyRow, SichuanDerived } from '../derived.js';
import type { BooksInput, SichuanUnit, StatedRowInput } from '../schema.js';
import { BOOK_KEYS } from '../derive/money.js';
import { rateAgrees, shownStated, statedNumber, statedPercent } from './stated.js';

const amt = (x: Decimal): string => formatAmount(x);

/** E-CARRYOVER-BALANCE: 预算额 must be 上年结转结余 + 收入, so that 年末结转结余 = 年初 + 收入 − 支出 (I8). */
function carryoverBalance(u: SichuanUnit, d: SichuanDerived): Diagnostic[] {
  const f = u.dept.finance;
  const income = f.income.basic.plus(f.income.projects);
  const { total } = d.dept.rows;
  const expected = total.prior.plus(income).minus(total.executed);
  if (expected.equals(total.carryover)) return [];
  return [
    diagnostic(
      'E-CARRYOVER-BALANCE',
      ['dept', 'finance', 'income'],
      `年末结转结余应为${amt(total.prior)}+${amt(income)}−${amt(total.executed)}=${amt(expected)}万元，填报为${amt(total.carryover)}万元（预算额${amt(total.budget)}万元−执行额${amt(total.executed)}万元）。`,
      { expected: amt(expected), actual: amt(total.carryover) },
    ),
  ];
}

/** E-SUM-BREAKDOWN: declared books must add up to the row they split (I4). */
function booksAddUp(books: BooksInput | undefined, row: MoneyRow, path: readonly PropertyKey[], what: string): Diagnostic[] {
  if (!books) return [];
  const lines = BOOK_KEYS.flatMap((k) => (books[k] ? [books[k]] : []));
  return (['budget', 'executed'] as const).flatMap((k) => {
    const parts = sum(lines.map((l) => l[k]));
    if (parts.equals(row[k])) return [];
    const label = k === 'budget' ? '预算额' : '执行额';
    return [
      diagnostic(
        'E-SUM-BREAKDOWN',
        path,
        `${what}${label}：明细合计${amt(parts)}万元，与所列总数${amt(row[k])}万元不一致（差${amt(parts.minus(row[k]).abs())}万元）。`,
        { expected: amt(row[k]), actual: amt(parts) },
      ),
    ];
  });
}

/** E-EXEC-WITHOUT-BUDGET for a money row. */
function execWithoutBudget(row: MoneyRow, path: readonly PropertyKey[], who: string): Diagnostic[] {
  return row.budget.isZero() && row.executed.greaterThan(0)
    ? [
        diagnostic('E-EXEC-WITHOUT-BUDGET', path, `${who}：全年预算数为0，但全年执行数为${amt(row.executed)}万元。`, {
          expected: '0.00',
          actual: amt(row.executed),
        }),
      ]
    : [];
}

/** 政策和项目支出 against the listed projects: I9 when the list is complete, and the carryover conflict always. */
function projectsAgainstDept(u: SichuanUnit, d: SichuanDerived): Diagnostic[] {
  const out: Diagnostic[] = [];
  const dept = d.dept.rows.projects;
  const budgets = sum(d.projects.map((p) => p.rows.total.budget));
  const executed = sum(d.projects.map((p) => p.rows.total.executed));
  if (u.dept.finance.projectsComplete) {
    if (!budgets.equals(dept.budget))
      out.push(
        diagnostic(
          'E-SUM-PROJECT-BUDGET',
          ['dept', 'finance', 'budget', 'projects'],
          `项目支出预算${amt(dept.budget)}万元，与各项目全年预算数合计${amt(budgets)}万元不一致。`,
          { expected: amt(budgets), actual: amt(dept.budget) },
        ),
      );
    if (!executed.equals(dept.executed))
      out.push(
        diagnostic(
          'E-SUM-PROJECT-ACTUAL',
          ['dept', 'finance', 'executed', 'projects'],
          `项目支出${amt(dept.executed)}万元，与各项目全年执行数合计${amt(executed)}万元不一致。`,
          { expected: amt(executed), actual: amt(dept.executed) },
        ),
      );
  }
  const unspent = sum(d.projects.map((p) => Money.max(0, p.rows.total.carryover)));
  if (dept.carryover.lessThan(unspent)) {
    out.push(
      diagnostic(
        'W-PROJECT-CARRYOVER-CONFLICT',
        ['dept', 'finance', 'executed', 'projects'],
        `部门项目支出结转结余为${amt(dept.carryover)}万元，但所列项目未执行金额合计${amt(unspent)}万元，二者矛盾。`,
        { expected: `≥ ${amt(unspent)}`, actual: amt(dept.carryover) },
      ),
    );
  }
  return out;
}

/** Stated figures of one completion-table row (百元 amounts, rates without %): E-REQUIRED when blank, else compared. */
function statedRow(stated: StatedRowInput | undefined, row: MoneyRow, path: readonly PropertyKey[], name: string): Diagnostic[] {
  if (!stated) return [];
  const out: Diagnostic[] = [];
  const blank = (key: string, label: string, shouldBe: string) =>
    diagnostic('E-REQUIRED', [...path, key], `完成情况表“${name}”${label}：填报为空白，按数据应为${shouldBe}；缺少必填项。`, {
      expected: shouldBe,
      actual: '空白',
    });
  if (stated.carryover !== undefined) {
    const want = round2(row.carryover).times(HUNDRED);
    const got = statedNumber(stated.carryover);
    if (stated.carryover === '') out.push(blank('carryover', '当年结转结余额', want.toFixed(0)));
    else if (!got?.equals(want))
      out.push(
        diagnostic(
          'E-STATED-AMOUNT',
          [...path, 'carryover'],
          `完成情况表“${name}”当年结转结余额：填报为${shownStated(stated.carryover)}百元，计算应为${want.toFixed(0)}百元。`,
          { expected: want.toFixed(0), actual: stated.carryover },
        ),
      );
  }
  for (const [key, label, value] of [
    ['carryoverRate', '结转结余率', row.rate],
    ['changeRate', '结转结余变动率', row.changeRate],
  ] as const) {
    const text = stated[key];
    if (text === undefined) continue;
    const got = statedPercent(text);
    if (value === null) {
      if (got !== undefined)
        out.push(
          diagnostic('W-RATE-ZERO-DENOMINATOR', [...path, key], `完成情况表“${name}”${label}：分母为0，比率无意义，应显示为“—”（填报为${text}）。`, {
            expected: '—',
            actual: text,
          }),
        );
    } else if (text === '') out.push(blank(key, label, formatPercent(value)));
    else if (!got || !rateAgrees(got, value, 2)) {
      out.push(
        diagnostic(
          'E-STATED-RATE',
          [...path, key],
          `完成情况表“${name}”${label}：填报为${text}，按${label === '结转结余率' ? '当年结转结余额÷预算额' : '（本年结转结余−上年结转结余）÷上年结转结余'}计算应为${formatPercent(value)}。`,
          { expected: formatPercent(value), actual: text },
        ),
      );
    }
  }
  return out;
}

/** W-FIGURE-PAIR-DIFFERS: 机关运行经费 against the 实际支出公用经费总额 of 公用经费控制率. */
function runningCostPair(u: SichuanUnit, d: SichuanDerived): Diagnostic[] {
  const cost = u.dept.finance.agencyRunningCost;
  const line = d.dept.sheet?.lines.find((l) => l.line.id === 'publicCostControl');
  const actual = line?.values.find((v) => v.key === 'spent')?.value;
  if (!cost || !actual || cost.equals(actual)) return [];
  return [
    diagnostic(
      'W-FIGURE-PAIR-DIFFERS',
      ['dept', 'finance', 'agencyRunningCost'],
      `机关运行经费为${amt(cost)}万元，公用经费控制率的实际支出公用经费总额为${amt(actual)}万元，二者应为同一数。`,
      { expected: amt(actual), actual: amt(cost) },
    ),
  ];
}

/** Runs the money checks of the department and the projects. */
export function checkFinance(u: SichuanUnit, d: SichuanDerived): Diagnostic[] {
  const f = u.dept.finance;
  const rows = d.dept.rows;
  const names = { total: '合计', basic: '基本支出', projects: '政策和项目支出' } as const;
  return [
    ...carryoverBalance(u, d),
    ...booksAddUp(f.books, rows.total, ['dept', 'finance', 'books'], '预算结构'),
    ...(['basic', 'projects'] as const).flatMap((k) => execWithoutBudget(rows[k], ['dept', 'finance', 'executed', k], `部门${names[k]}`)),
    ...(['total', 'basic', 'projects'] as const).flatMap((k) => statedRow(f.stated?.[k], rows[k], ['dept', 'finance', 'stated', k], names[k])),
    ...projectsAgainstDept(u, d),
    ...runningCostPair(u, d),
    ...u.projects.flatMap((p, i) => [
      ...booksAddUp(p.funds.books, d.projects[i]!.rows.appropriation, ['projects', i, 'funds', 'books'], `项目“${p.name}”财政拨款结构`),
      ...execWithoutBudget(d.projects[i]!.rows.appropriation, ['projects', i, 'funds', 'executed'], `项目“${p.name}”`),
    ]),
  ];
}
