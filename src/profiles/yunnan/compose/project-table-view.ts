/** 项目支出绩效自评表（云南 Y3）的表格视图：项目的资金、目标、按一级/二级分组排好的指标、总分，不做任何格式化。 */
import type { IndicatorFigures, ProjectFigures } from '../../../model/derived.js';
import { profileDefault, profileNotes, type Profile } from '../../../model/profile.js';
import type { IndicatorInput, ProjectInput, UnitYear } from '../../../model/unit-year.js';
import { MODEL_UNIT, type TableView } from '../../../compose/table-layout/view.js';
import { indicatorValue } from '../../../compose/cells.js';
import { groupIndicators } from '../../../compose/indicator-rows.js';

const COMPARATORS = ['≥', '>', '≤', '<'];

/** A value with its comparison and unit in one text, for forms without 指标性质/度量单位 columns: `≥50个`. */
function written(value: string, nature: string | null, unit: string | undefined): string {
  const v = value.trim();
  const compared = nature !== null && COMPARATORS.includes(nature) && !/^[≥>≤<=]/.test(v) ? `${nature}${v}` : v;
  return unit && !compared.endsWith(unit) ? `${compared}${unit}` : compared;
}

/**
 * Indicator rows in block order (framework order of 一级, then 二级, input order within), typed for the table.
 * `level1Weight` is the 分值 of the row's 一级 group (null when none of its rows has one), for labels such as
 * `产出指标（50分）`; `targetWritten` and `actualWritten` carry the comparison and the unit in the value.
 */
export function indicatorItems(
  inds: readonly IndicatorInput[],
  figs: readonly IndicatorFigures[],
  p: Profile,
  style: 'with-sign' | 'bare',
): Record<string, unknown>[] {
  return groupIndicators(inds, p).flatMap((g) => {
    const weights = g.level2s.flatMap((g2) => g2.items.map((idx) => figs[idx]!.weight)).filter((w) => w !== null);
    const level1Weight = weights.length > 0 ? weights.reduce((a, b) => a.plus(b)) : null;
    return g.level2s.flatMap((g2) =>
      g2.items.map((idx) => {
        const ind = inds[idx]!;
        const fi = figs[idx]!;
        return {
          level1: g.level1,
          level2: g2.level2,
          level1Weight,
          name: ind.name,
          nature: fi.nature ?? '',
          unit: ind.unit ?? '',
          target: indicatorValue(fi.target, ind.unit, style),
          actual: indicatorValue(fi.actual, ind.unit, style),
          targetWritten: written(ind.target, fi.nature, ind.unit),
          actualWritten: written(ind.actual, null, ind.unit),
          weight: fi.weight,
          score: fi.score,
          deviation: fi.deviationText,
        };
      }),
    );
  });
}

/** The view of project `i`'s table. */
export function projectTableView(u: UnitYear, proj: ProjectInput, f: ProjectFigures, i: number, p: Profile): TableView {
  const style = u.options?.percentValueStyle ?? p.percentValueStyle;
  return {
    amountUnit: MODEL_UNIT,
    year: u.year,
    n: i + 1,
    name: proj.name,
    supervisor: proj.supervisor ?? u.unit.name,
    implementer: proj.implementer ?? u.unit.name,
    funds: { total: f.total, current: f.current, carryover: f.carryover, other: f.other, executionWeight: f.executionWeight, executionScore: f.executionScore },
    goal: proj.goal,
    indicators: indicatorItems(proj.indicators, f.indicators, p, style),
    otherNotes: proj.otherNotes ?? profileDefault(p, 'otherNotes'),
    totalWeight: f.totalWeight,
    totalScore: f.totalScore,
    grade: f.grade,
    notes: profileNotes(p, 'projectTable'),
  };
}
