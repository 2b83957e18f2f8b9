/**
 * 宁夏填报数核对：旧报告手填的项目支出数、实际到位资金、各项目“实际支出”和执行率与数据比较（DOMAIN.md §8.3）。
 * 生成的叙述只用计算值，这些填报数只用于找出旧报告的矛盾。
 */
import type { Decimal } from 'decimal.js';
import { formatAmount } from '../../../model/money.js';
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import type { NingxiaDerived } from '../derived.js';
import type { NingxiaUnit } from '../schema.js';
import { executionRate } from '../../../derive/funds.js';
import { atStatedPrecision, parseStatedPercent, statedAgrees } from '../../../check/stated.js';

/** Runs the stated-figure checks; `narrativeFigure` switches on the optional W-NARRATIVE-FIGURE. */
export function checkStated(u: NingxiaUnit, d: NingxiaDerived, narrativeFigure: boolean): Diagnostic[] {
  return [...totals(u, d), ...u.projects.flatMap((_, i) => project(u, d, i, narrativeFigure))];
}

/** E-SUM-PROJECT-ACTUAL (项目支出数 ≠ Σ 全年执行数) and E-STATED-AMOUNT (实际到位资金). */
function totals(u: NingxiaUnit, d: NingxiaDerived): Diagnostic[] {
  const out: Diagnostic[] = [];
  const executed = u.stated?.projectsExecuted;
  if (executed !== undefined && !executed.equals(d.totals.executed)) {
    out.push(
      diagnostic(
        'E-SUM-PROJECT-ACTUAL',
        ['stated', 'projectsExecuted'],
        `项目支出${formatAmount(executed)}万元，与各项目全年执行数合计${formatAmount(d.totals.executed)}万元不一致。`,
        { expected: formatAmount(d.totals.executed), actual: formatAmount(executed) },
      ),
    );
  }
  const available = u.stated?.available;
  if (available !== undefined && !available.equals(d.totals.available)) {
    out.push(
      diagnostic(
        'E-STATED-AMOUNT',
        ['stated', 'available'],
        `实际到位资金：填报为${formatAmount(available)}万元，计算应为${formatAmount(d.totals.available)}万元。`,
        { expected: formatAmount(d.totals.available), actual: formatAmount(available) },
      ),
    );
  }
  return out;
}

/** W-NARRATIVE-FIGURE for a project's typed 全年预算数 / 实际支出, E-STATED-RATE for its typed 预算执行率. */
function project(u: NingxiaUnit, d: NingxiaDerived, i: number, narrativeFigure: boolean): Diagnostic[] {
  const proj = u.projects[i]!;
  const f = d.projects[i]!;
  const stated = proj.stated;
  if (!stated) return [];
  const out: Diagnostic[] = [];
  const figure = (key: 'adjustedBudget' | 'executed', name: string, typed: Decimal | undefined, data: Decimal) => {
    if (!narrativeFigure || typed === undefined || typed.equals(data)) return;
    out.push(
      diagnostic(
        'W-NARRATIVE-FIGURE',
        ['projects', i, 'stated', key],
        `项目“${proj.name}”：“${name}${formatAmount(typed)}万元”与数据不符，数据为${formatAmount(data)}万元。`,
        { expected: formatAmount(data), actual: formatAmount(typed) },
      ),
    );
  };
  figure('adjustedBudget', '全年预算', stated.adjustedBudget, f.adjustedBudget);
  figure('executed', '实际支出', stated.executed, f.executed);
  if (stated.rate !== undefined && stated.rate !== '') {
    // Note: the typed rate is checked against the amounts of its own sentence, as a reader would recompute it.
    const budget = stated.adjustedBudget ?? f.adjustedBudget;
    const executed = stated.executed ?? f.executed;
    const rate = executionRate(executed, budget);
    const typed = parseStatedPercent(stated.rate);
    if (!(typed && statedAgrees(typed, rate))) {
      const should = rate === null ? '—' : typed ? atStatedPrecision(rate, typed) : `${rate.times(100).toFixed(2)}%`;
      out.push(
        diagnostic(
          'E-STATED-RATE',
          ['projects', i, 'stated', 'rate'],
          `项目“${proj.name}”预算执行率：填报为${stated.rate}，按${formatAmount(executed)}÷${formatAmount(budget)}计算应为${should}。`,
          { expected: should, actual: stated.rate },
        ),
      );
    }
  }
  return out;
}
