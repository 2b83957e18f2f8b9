/** 部门整体支出绩效自评表（云南 Y2）的表格视图：部门目标、年度目标、重点工作任务、指标，不做任何格式化。 */
import type { Derived } from '../../../model/derived.js';
import { profileDefault, profileNotes, type Profile } from '../../../model/profile.js';
import type { UnitYear } from '../../../model/unit-year.js';
import { MODEL_UNIT, type TableView } from '../../../compose/table-layout/view.js';
import { indicatorItems } from './project-table-view.js';

/** The view of the department table of one unit. */
export function deptTableView(u: UnitYear, d: Derived, p: Profile): TableView {
  const style = u.options?.percentValueStyle ?? p.percentValueStyle;
  const thisYear = u.dept.yearGoals.find((g) => g.year === u.year);
  return {
    amountUnit: MODEL_UNIT,
    year: u.year,
    name: u.unit.name,
    mandate: u.dept.mandate,
    mandateNote: u.dept.mandateNote ?? profileDefault(p, 'mandateNote'),
    overallGoal: u.dept.overallGoal,
    overallGoalNote: u.dept.overallGoalNote ?? profileDefault(p, 'overallGoalNote'),
    // Note: 部门年度目标 for the year and the next two; later years print "---" as 实际完成情况.
    yearGoals: u.dept.yearGoals.map((g) => ({ year: String(g.year), goal: g.goal, achieved: g.year > u.year ? '---' : (g.achieved ?? '') })),
    keyTasks: d.dept.keyTasks.map((t, i) => {
      const input = u.dept.keyTasks[i]!;
      return {
        name: t.name,
        level: input.fundingLevel,
        description: input.description,
        approvedTotal: t.approvedTotal,
        appropriation: t.appropriation,
        other: t.other,
        spent: t.spent,
        rate: t.rate,
        reason: t.reasonText,
      };
    }),
    indicators: indicatorItems(u.dept.indicators, d.dept.indicators, p, style),
    otherNotes: u.dept.otherNotes ?? profileDefault(p, 'otherNotes'),
    // Note: the national form's 年度总体目标 is the year's 部门年度目标 (预期) and its 实际完成情况.
    goal: { expected: thisYear?.goal ?? u.dept.overallGoal, achieved: thisYear?.achieved ?? '' },
    // Note: the national form's 年度预算申请 block and 总分 (null when the input gives no dept.funds).
    funds: d.dept.funds,
    totalWeight: d.dept.funds?.totalWeight ?? null,
    totalScore: d.dept.funds?.totalScore ?? null,
    grade: d.dept.funds?.grade ?? null,
    notes: profileNotes(p, 'deptTable'),
  };
}
