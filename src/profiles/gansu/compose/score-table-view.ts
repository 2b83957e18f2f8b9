/** 整体支出绩效目标自评表（甘肃 G2）的表格视图：资金行、执行率得分、年度总体目标、分组排好的指标、总分。 */
import type { GansuDerived } from '../derived.js';
import type { GansuUnit } from '../schema.js';
import { profileDefault, profileNotes, type Profile } from '../../../model/profile.js';
import { yearTarget } from '../derive/indicators.js';
import { MODEL_UNIT, type TableView } from '../../../compose/table-layout/view.js';
import { groupIndicators } from '../../../compose/indicator-rows.js';
import { typedValue } from './typed-value.js';

/** The view of G2 for one unit. */
export function scoreTableView(u: GansuUnit, d: GansuDerived, p: Profile): TableView {
  return {
    amountUnit: MODEL_UNIT,
    year: u.year,
    titleName: u.unit.shortName ?? u.unit.name,
    supervisor: u.unit.supervisor ?? u.unit.name,
    implementer: u.unit.implementer ?? u.unit.name,
    funds: d.funds,
    executionWeight: d.executionWeight,
    executionScore: d.executionScore,
    goal: { expected: u.goal.expected, achieved: u.goal.achieved ?? '' },
    indicators: groupIndicators(u.indicators, p).flatMap((g) =>
      g.level2s.flatMap((g2) =>
        g2.items.map((idx) => {
          const ind = u.indicators[idx]!;
          const fi = d.indicators[idx]!;
          return {
            level1: g.level1,
            level2: g2.level2,
            name: ind.name,
            target: typedValue(ind.target),
            yearTarget: typedValue(yearTarget(ind)),
            actual: typedValue(ind.actual),
            weight: fi.weight,
            score: fi.score,
          };
        }),
      ),
    ),
    totalWeight: d.totalWeight,
    totalScore: d.totalScore,
    remarksLabel: profileDefault(p, 'remarksLabel'),
    otherNotes: u.otherNotes ?? profileDefault(p, 'otherNotes'),
    notes: profileNotes(p, 'scoreTable'),
  };
}
