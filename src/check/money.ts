/** 金额勾稽检查（DOMAIN.md §7.2）：调整预算、收支缺口、项目支出合计、重点工作任务、无预算执行、四舍五入尾差。 */
import type { Decimal } from 'decimal.js';
import { formatAmount, round2, sum } from '../model/money.js';
import type { Derived, FundFigures } from '../model/derived.js';
import type { Profile } from '../model/profile.js';
import type { FundLineInput, UnitYear } from '../model/unit-year.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { checkKeyTasks } from './key-tasks.js';

const LINES = [
  ['current', '当年财政拨款'],
  ['carryover', '上年结转资金'],
  ['other', '其他资金'],
] as const;
const COLUMNS = [
  ['initialBudget', '年初预算数'],
  ['adjustedBudget', '全年预算数'],
  ['executed', '全年执行数'],
] as const;

/** Runs the §7.2 checks that this input can support (it states no totals, so E-SUM-EXPENSE/-INCOME cannot fail). */
export function checkMoney(u: UnitYear, d: Derived, _profile: Profile): Diagnostic[] {
  return [...incomeGap(d, u), ...projectActual(u, d), ...projects(u, d), ...checkKeyTasks(u, d), ...taskWithoutBudget(u, d), ...roundingTails(u, d)];
}

/** W-INCOME-EXPENSE-GAP: 支出合计 > 收入合计 and 年初结转结余 does not cover the gap. */
function incomeGap(d: Derived, u: UnitYear): Diagnostic[] {
  const { totalIncome, totalExpenditure } = d.dept;
  const gap = totalExpenditure.minus(totalIncome);
  if (!gap.greaterThan(0)) return [];
  const opening = u.finance.openingCarryover;
  if (opening?.greaterThanOrEqualTo(gap)) return [];
  return [
    diagnostic(
      'W-INCOME-EXPENSE-GAP',
      ['finance', 'openingCarryover'],
      `支出合计${formatAmount(totalExpenditure)}万元超过收入合计${formatAmount(totalIncome)}万元，差额${formatAmount(gap)}万元，未说明年初结转结余。`,
      { expected: `年初结转结余 ≥ ${formatAmount(gap)}`, actual: opening === undefined ? '未填写' : formatAmount(opening) },
    ),
  ];
}

/** E-SUM-PROJECT-ACTUAL (I9): with the project list declared complete, 项目支出 = Σ 全年执行数. */
function projectActual(u: UnitYear, d: Derived): Diagnostic[] {
  if (!u.finance.projectsComplete) return [];
  const { projectExpenditure, projectsExecuted } = d.dept;
  if (projectExpenditure.equals(projectsExecuted)) return [];
  return [
    diagnostic(
      'E-SUM-PROJECT-ACTUAL',
      ['finance', 'projectExpenditure'],
      `项目支出${formatAmount(projectExpenditure)}万元，与各项目全年执行数合计${formatAmount(projectsExecuted)}万元不一致。`,
      { expected: formatAmount(projectsExecuted), actual: formatAmount(projectExpenditure) },
    ),
  ];
}

/** E-SUM-BUDGET-ADJUST (I1) and E-EXEC-WITHOUT-BUDGET per fund line of each project. */
function projects(u: UnitYear, d: Derived): Diagnostic[] {
  const out: Diagnostic[] = [];
  u.projects.forEach((p, i) => {
    const total = d.projects[i]!.total;
    // Note: with 年初预算数 absent there is nothing to add the adjustments to.
    if (p.adjustments && p.adjustments.length > 0 && total.initialBudget !== null) {
      const adj = sum(p.adjustments.map((a) => a.amount));
      const expected = total.initialBudget.plus(adj);
      if (!expected.equals(total.adjustedBudget)) {
        out.push(
          diagnostic(
            'E-SUM-BUDGET-ADJUST',
            ['projects', i, 'adjustments'],
            `项目“${p.name}”：全年预算数${formatAmount(total.adjustedBudget)}万元，不等于年初预算数${formatAmount(total.initialBudget)}万元加调整预算${formatAmount(adj)}万元。`,
            { expected: formatAmount(expected), actual: formatAmount(total.adjustedBudget) },
          ),
        );
      }
    }
    for (const [key, label] of LINES) {
      const line: FundLineInput | undefined = p.funds[key];
      if (!line?.adjustedBudget.isZero() || !line.executed.greaterThan(0)) continue;
      out.push(
        diagnostic(
          'E-EXEC-WITHOUT-BUDGET',
          ['projects', i, 'funds', key, 'executed'],
          `项目“${p.name}”（${label}）：全年预算数为0，但全年执行数为${formatAmount(line.executed)}万元。`,
          { expected: '0.00', actual: formatAmount(line.executed) },
        ),
      );
    }
  });
  return out;
}

/** E-EXEC-WITHOUT-BUDGET for a key task that states its own amounts. */
function taskWithoutBudget(u: UnitYear, d: Derived): Diagnostic[] {
  return d.dept.keyTasks.flatMap((t, i) => {
    if (t.projectIndex !== null || !t.approvedTotal.isZero() || !t.spent.greaterThan(0) || u.dept.keyTasks[i]!.spent === undefined) return [];
    return [
      diagnostic(
        'E-EXEC-WITHOUT-BUDGET',
        ['dept', 'keyTasks', i, 'spent'],
        `重点工作任务“${t.name}”：全年预算数为0，但全年执行数为${formatAmount(t.spent)}万元。`,
        { expected: '0.00', actual: formatAmount(t.spent) },
      ),
    ];
  });
}

/**
 * W-ROUNDING-TAIL: printed parts that do not add up to the printed total.
 * Note: with 万元 inputs (at most 2 decimals) this cannot happen; amounts typed in 元 can leave a tail.
 */
function roundingTails(u: UnitYear, d: Derived): Diagnostic[] {
  const out: Diagnostic[] = [];
  const tail = (name: string, path: readonly PropertyKey[], parts: readonly Decimal[], total: Decimal) => {
    const partsSum = sum(parts.map(round2));
    const printed = round2(total);
    if (partsSum.equals(printed)) return;
    out.push(
      diagnostic(
        'W-ROUNDING-TAIL',
        path,
        `${name}：分项四舍五入后合计${formatAmount(partsSum)}，与合计${formatAmount(printed)}存在尾差${formatAmount(partsSum.minus(printed))}。`,
        { expected: formatAmount(printed), actual: formatAmount(partsSum) },
      ),
    );
  };
  tail(
    '收入合计',
    ['finance', 'income'],
    d.dept.income.map((x) => x.amount),
    d.dept.totalIncome,
  );
  tail('支出合计', ['finance', 'basicExpenditure'], [d.dept.basicExpenditure, d.dept.projectExpenditure], d.dept.totalExpenditure);
  u.projects.forEach((p, i) => {
    const pf = d.projects[i]!;
    const lines = [pf.current, pf.carryover, pf.other].filter((l): l is FundFigures => l !== null);
    for (const [key, label] of COLUMNS) {
      const parts = lines.map((l) => l[key]);
      const total = pf.total[key];
      // Note: an absent 年初预算数 leaves the total unknown; there is no tail to check.
      if (total === null || parts.some((x) => x === null)) continue;
      tail(`项目“${p.name}”年度资金总额（${label}）`, ['projects', i, 'funds'], parts as Decimal[], total);
    }
  });
  d.dept.keyTasks.forEach((t, i) => {
    tail(`重点工作任务“${t.name}”批复金额总额`, ['dept', 'keyTasks', i], [t.appropriation, t.other], t.approvedTotal);
  });
  return out;
}
