/** 部门年度重点工作任务与项目的对应（DOMAIN.md §7.2 I10）：金额、名称、合计、无对应。 */
import type { Decimal } from 'decimal.js';
import { Money, formatAmount, round2, sum } from '../model/money.js';
import type { Derived } from '../model/derived.js';
import type { UnitYear } from '../model/unit-year.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { squash } from './common.js';

/** How each key task finds its project: by `project` id, by an equal 全年预算数, or not at all. */
export interface TaskMatch {
  readonly projectIndex: number | null;
  readonly by: 'link' | 'amount' | 'broken-link' | null;
}

/** Pairs key tasks with projects; an unlinked task claims the first unclaimed project with the same 全年预算数. */
export function matchTasks(u: UnitYear, d: Derived): TaskMatch[] {
  const claimed = new Set<number>();
  const matches: TaskMatch[] = d.dept.keyTasks.map((t, i) => {
    if (t.projectIndex !== null) {
      claimed.add(t.projectIndex);
      return { projectIndex: t.projectIndex, by: 'link' };
    }
    return { projectIndex: null, by: u.dept.keyTasks[i]!.project !== undefined ? 'broken-link' : null };
  });
  return matches.map((m, i) => {
    if (m.by !== null) return m;
    const total = d.dept.keyTasks[i]!.approvedTotal;
    const k = d.projects.findIndex((p, j) => !claimed.has(j) && p.total.adjustedBudget.equals(total));
    if (k < 0) return m;
    claimed.add(k);
    return { projectIndex: k, by: 'amount' };
  });
}

/** E-TASK-AMOUNT, W-TASK-NAME, W-TASK-SUM, W-TASK-UNMATCHED. */
export function checkKeyTasks(u: UnitYear, d: Derived): Diagnostic[] {
  const out: Diagnostic[] = [];
  const matches = matchTasks(u, d);
  u.dept.keyTasks.forEach((t, i) => {
    const path = ['dept', 'keyTasks', i];
    const fig = d.dept.keyTasks[i]!;
    const m = matches[i]!;
    if (m.projectIndex === null) {
      if (m.by === null) {
        out.push(
          diagnostic('W-TASK-UNMATCHED', path, `重点工作任务“${fig.name}”没有对应的项目支出绩效自评表。`, {
            expected: '对应项目（project）或金额相同的项目',
            actual: fig.name,
          }),
        );
      }
      return;
    }
    const proj = u.projects[m.projectIndex]!;
    const pf = d.projects[m.projectIndex]!;
    if (t.name !== undefined && t.name !== '' && squash(t.name) !== squash(proj.name)) {
      out.push(
        diagnostic('W-TASK-NAME', [...path, 'name'], `重点工作任务“${t.name}”与项目支出绩效自评表“${proj.name}”名称不一致，请统一。`, {
          expected: proj.name,
          actual: t.name,
        }),
      );
    }
    if (m.by !== 'link') return;
    const amount = (column: string, key: readonly PropertyKey[], mine: Decimal, projectColumn: string, theirs: Decimal) => {
      if (mine.equals(theirs)) return;
      out.push(
        diagnostic(
          'E-TASK-AMOUNT',
          [...path, ...key],
          `重点工作任务“${fig.name}”${column}${formatAmount(mine)}万元，与项目“${proj.name}”的${projectColumn}${formatAmount(theirs)}万元不一致。`,
          { expected: formatAmount(theirs), actual: formatAmount(mine) },
        ),
      );
    };
    if (t.approved) {
      const total = t.approved.appropriation.plus(t.approved.other ?? new Money(0));
      if (!total.equals(pf.total.adjustedBudget)) amount('批复金额总额', ['approved'], total, '全年预算数', pf.total.adjustedBudget);
      else amount('批复金额中的财政拨款', ['approved', 'appropriation'], t.approved.appropriation, '财政拨款全年预算数', pf.appropriation.adjustedBudget);
    }
    if (t.spent !== undefined) amount('实际支出金额', ['spent'], t.spent, '全年执行数', pf.total.executed);
  });
  const matched = new Set(matches.flatMap((m) => (m.projectIndex !== null ? [m.projectIndex] : [])));
  u.projects.forEach((p, k) => {
    if (!matched.has(k))
      out.push(
        diagnostic('W-TASK-UNMATCHED', ['projects', k], `项目“${p.name}”没有对应的重点工作任务。`, {
          expected: '部门年度重点工作任务中对应的一项',
          actual: p.name,
        }),
      );
  });
  out.push(...taskSum(d));
  return out;
}

/**
 * W-TASK-SUM: Σ 批复金额 of the key tasks against 项目支出.
 * Note: 项目支出 is an expenditure figure, so Σ 实际支出金额 matching it is accepted too; otherwise every project that left
 * money unspent would raise this warning although tasks and projects agree.
 */
function taskSum(d: Derived): Diagnostic[] {
  const tasks = d.dept.keyTasks;
  if (tasks.length === 0) return [];
  const approved = sum(tasks.map((t) => t.approvedTotal));
  const spent = sum(tasks.map((t) => t.spent));
  const target = d.dept.projectExpenditure;
  if (round2(approved).equals(round2(target)) || round2(spent).equals(round2(target))) return [];
  return [
    diagnostic('W-TASK-SUM', ['dept', 'keyTasks'], `重点工作任务批复金额合计${formatAmount(approved)}万元，与项目支出${formatAmount(target)}万元不一致。`, {
      expected: formatAmount(target),
      actual: formatAmount(approved),
    }),
  ];
}
