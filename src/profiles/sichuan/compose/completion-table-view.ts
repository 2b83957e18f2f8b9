/**
 * 绩效目标完成情况表（四川 S3 部门、S6 项目）的表格视图：预算执行情况各行、按预算账户的结构、年度总体目标、
 * 分组排好的指标（c4 的“指标n:”由声明按二级指标内的序号写出）。金额为万元，百元由声明精确换算。
 */
import type { Profile } from '../../../model/profile.js';
import type { BookColumn, CompletionIndicatorFigures, MoneyRow, SichuanDerived, SichuanProjectFigures } from '../derived.js';
import type { SichuanSettings } from '../settings.js';
import type { CompletionIndicatorInput, GoalInput, SichuanProject, SichuanUnit } from '../schema.js';
import { actualCell, targetCell } from '../derive/indicator-text.js';
import { level1Of } from '../derive/indicators.js';
import { MODEL_UNIT, type TableView } from '../../../compose/table-layout/view.js';
import { groupIndicators } from '../../../compose/indicator-rows.js';

/** Each book's row by key; a book the unit has no money in is null, so its cells print blank (missing). */
const booksOf = (books: readonly BookColumn[]): Record<string, MoneyRow | null> => Object.fromEntries(books.map((b) => [b.key, b.used ? b.row : null]));

/**
 * Indicator rows in block order. With `split`, the first row of the first group after the 产出指标 rows is marked
 * `restartLead`: seed 001's project tables print the 年度绩效指标 label again there.
 */
function indicatorItems(
  inds: readonly CompletionIndicatorInput[],
  figs: readonly CompletionIndicatorFigures[],
  p: Profile,
  s: SichuanSettings,
  split: boolean,
): Record<string, unknown>[] {
  let marked = false;
  return groupIndicators(inds, p).flatMap((g, gi) =>
    g.level2s.flatMap((g2, k) =>
      g2.items.map((idx, m) => {
        const ind = inds[idx]!;
        const restartLead = split && !marked && gi > 0 && k === 0 && m === 0 && level1Of(inds[g.level2s[0]!.items[0]!]!, p) !== '产出指标';
        if (restartLead) marked = true;
        return {
          level1: g.level1,
          level2: g2.level2,
          target: targetCell(ind, s.natureStyle),
          actual: actualCell(ind),
          deviation: figs[idx]!.deviationText,
          restartLead,
        };
      }),
    ),
  );
}

const goalOf = (goal: GoalInput, p: Profile) => ({ expected: goal.expected, achieved: goal.achieved, deviation: goal.deviation ?? p.noDeviationText });

/** The fields both completion tables print in their head rows: unit, code, 预算级次, year, and the rate decimals. */
const headOf = (u: SichuanUnit, d: SichuanDerived) => ({
  amountUnit: MODEL_UNIT,
  year: u.year,
  level: u.unit.fiscalLevel,
  unitName: u.unit.name,
  code: u.unit.code,
  places: d.settings.percentPlaces.table,
});

/** The view of S3. */
export function deptCompletionView(u: SichuanUnit, d: SichuanDerived, p: Profile): TableView {
  const { rows } = d.dept;
  return {
    ...headOf(u, d),
    execution: rows,
    structure: { total: rows.total, ...booksOf(d.dept.books) },
    goal: goalOf(u.dept.goal, p),
    indicators: indicatorItems(u.dept.indicators, d.dept.indicators, p, d.settings, false),
  };
}

/** The view of S6 for project `i`. */
export function projectCompletionView(u: SichuanUnit, proj: SichuanProject, f: SichuanProjectFigures, i: number, d: SichuanDerived, p: Profile): TableView {
  const { checked, unchecked } = d.settings.checkbox;
  return {
    ...headOf(u, d),
    n: i + 1,
    name: proj.name,
    projectTypes: d.settings.projectTypes.map((t) => ({ name: t, mark: t === proj.type ? checked : unchecked })),
    execution: f.rows,
    structure: { total: f.rows.appropriation, ...booksOf(f.books) },
    goal: goalOf(proj.goal, p),
    indicators: indicatorItems(proj.indicators, f.indicators, p, d.settings, d.settings.splitIndicatorBlock),
  };
}
