/** 甘肃红头文件的模板视图：文字原样，数字（预算、变动率、自评得分、等级）全部已按格式设置格式化。 */
import { formatScore } from '../../../model/money.js';
import type { BudgetPartFigures, GansuDerived } from '../derived.js';
import type { GansuBudgetPart, GansuUnit } from '../schema.js';
import type { GansuSettings } from '../settings.js';
import { changeView, narrativeAmount, openEnded, type NumberStyle } from '../../../compose/narrative-numbers.js';

const partView = (input: GansuBudgetPart | undefined, f: BudgetPartFigures, style: NumberStyle) => ({
  amount: narrativeAmount(f.amount, style),
  change: changeView(f.change, style),
  note: openEnded(input?.note ?? ''),
});

/** The view of the title and report templates of G1. */
export function gansuView(u: GansuUnit, d: GansuDerived, s: GansuSettings) {
  const style = s.narrativeNumbers;
  const { budget } = d;
  return {
    year: String(u.year),
    unit: { name: u.unit.name, shortName: u.unit.shortName ?? u.unit.name },
    issuer: u.document.issuer,
    narrative: { ...u.narrative, budgetRemarks: u.narrative.budgetRemarks ?? '' },
    score: { total: formatScore(d.totalScore), grade: d.grade },
    budget: {
      total: partView(undefined, budget.total, style),
      personnel: partView(u.budget.personnel, budget.personnel, style),
      goodsAndServices: partView(u.budget.goodsAndServices, budget.goodsAndServices, style),
      projects: {
        ...partView(u.budget.projects, budget.projects, style),
        items: (u.budget.projects.items ?? []).map((i) => ({ code: i.code ?? '', name: i.name, amount: narrativeAmount(i.amount, style) })),
      },
    },
  };
}
