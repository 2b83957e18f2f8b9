/** 项目支出绩效自评表（云南 Y3）的表格视图：项目的资金、目标、按一级/二级分组排好的指标、总分，不做任何格式化。 */
import type { IndicatorFigures, ProjectFigures } from '../model/derived.js';
import { profileDefault, profileNotes, type Profile } from '../model/profile.js';
import type { IndicatorInput, ProjectInput, UnitYear } from '../model/unit-year.js';
import type { TableView } from './table-layout/view.js';
import { indicatorValue } from './cells.js';
import { groupIndicators } from './indicator-rows.js';

/** Indicator rows in block order (framework order of 一级, then 二级, input order within), typed for the table. */
export function indicatorItems(inds: readonly IndicatorInput[], figs: readonly IndicatorFigures[], p: Profile, style: 'with-sign' | 'bare'): Record<string, unknown>[] {
  return groupIndicators(inds, p).flatMap((g) => g.level2s.flatMap((g2) => g2.items.map((idx) => {
    const ind = inds[idx]!;
    const fi = figs[idx]!;
    return {
      level1: g.level1, level2: g2.level2, name: ind.name, nature: fi.nature ?? '', unit: ind.unit ?? '',
      target: indicatorValue(fi.target, ind.unit, style), actual: indicatorValue(fi.actual, ind.unit, style),
      weight: fi.weight, score: fi.score, deviation: fi.deviationText,
    };
  })));
}

/** The view of project `i`'s table. */
export function projectTableView(u: UnitYear, proj: ProjectInput, f: ProjectFigures, i: number, p: Profile): TableView {
  const style = u.options?.percentValueStyle ?? p.percentValueStyle;
  return {
    amountUnit: u.amountUnit, year: u.year, n: i + 1, name: proj.name,
    supervisor: proj.supervisor ?? u.unit.name, implementer: proj.implementer ?? u.unit.name,
    funds: { total: f.total, current: f.current, carryover: f.carryover, other: f.other, executionWeight: f.executionWeight, executionScore: f.executionScore },
    goal: proj.goal,
    indicators: indicatorItems(proj.indicators, f.indicators, p, style),
    otherNotes: proj.otherNotes ?? profileDefault(p, 'otherNotes'),
    totalWeight: f.totalWeight, totalScore: f.totalScore, grade: f.grade,
    notes: profileNotes(p, 'projectTable'),
  };
}
