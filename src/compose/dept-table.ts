/** 部门整体支出绩效自评表（云南 Y2，9列）。 */
import type { Cell, Table } from '../model/doc.js';
import type { Derived } from '../model/derived.js';
import { profileDefault, profileNotes, type Profile } from '../model/profile.js';
import type { UnitYear } from '../model/unit-year.js';
import { amount, amountOrBlank, header, indicatorValue, label, percent, prose, section, val } from './cells.js';
import { groupIndicators, indicatorBlockRows } from './indicator-rows.js';

const W = 9;

/** Builds the department table for one unit. */
export function deptTable(u: UnitYear, d: Derived, p: Profile): Table {
  const style = u.options?.percentValueStyle ?? p.percentValueStyle;
  const rows: Cell[][] = [
    [header('部门名称', { colSpan: 2 }), label(u.unit.name, { colSpan: 7 })],
    [header('内容', { colSpan: 6 }), header('说明', { colSpan: 3 })],
    [header('部门总体目标', { rowSpan: 2 }), header('部门职责'), prose(u.dept.mandate, { colSpan: 4 }), prose(u.dept.mandateNote ?? profileDefault(p, 'mandateNote'), { colSpan: 3 })],
    [header('总体绩效目标'), prose(u.dept.overallGoal, { colSpan: 4 }), prose(u.dept.overallGoalNote ?? profileDefault(p, 'overallGoalNote'), { colSpan: 3 })],
    [section('一、部门年度目标', W)],
    [header('财年'), header('目标', { colSpan: 4 }), header('实际完成情况', { colSpan: 4 })],
  ];
  for (const g of yearGoals(u)) rows.push([label(String(g.year)), prose(g.goal, { colSpan: 4 }), prose(g.achieved, { colSpan: 4 })]);
  rows.push(
    [section('二、部门年度重点工作任务', W)],
    [header('任务名称', { rowSpan: 2 }), header('项目级次', { rowSpan: 2 }), header('主要内容', { rowSpan: 2 }), header('批复金额（万元）', { colSpan: 3 }),
      header('实际支出金额（万元）', { rowSpan: 2 }), header('预算执行率', { rowSpan: 2 }), header('预算执行偏低原因及改进措施', { rowSpan: 2 })],
    [header('总额'), header('财政拨款'), header('其他资金')],
  );
  d.dept.keyTasks.forEach((t, i) => {
    const input = u.dept.keyTasks[i]!;
    rows.push([label(t.name), label(input.fundingLevel), prose(input.description), val(amount(t.approvedTotal)), val(amount(t.appropriation)),
      val(amountOrBlank(t.other)), val(amount(t.spent)), val(percent(t.rate)), prose(t.reasonText)]);
  });
  rows.push(
    [section('三、部门整体支出绩效指标', W)],
    [header('一级指标'), header('二级指标'), header('三级指标'), header('指标性质'), header('指标值'), header('度量单位'), header('实际完成值'), header('偏差原因分析及改进措施', { colSpan: 2 })],
  );
  rows.push(...indicatorBlockRows(groupIndicators(u.dept.indicators, p), (idx) => {
    const ind = u.dept.indicators[idx]!;
    const f = d.dept.indicators[idx]!;
    return [prose(ind.name), label(f.nature ?? ''), val(indicatorValue(f.target, ind.unit, style)), label(ind.unit ?? ''),
      val(indicatorValue(f.actual, ind.unit, style)), prose(f.deviationText, { colSpan: 2 })];
  }));
  rows.push([header('其他需说明事项', { colSpan: 2 }), prose(u.dept.otherNotes ?? profileDefault(p, 'otherNotes'), { colSpan: 7 })]);
  return {
    id: 'dept-table', sheetName: '部门整体支出绩效自评表', title: `${u.year}年度部门整体支出绩效自评表`,
    columns: [11, 11, 20, 9, 10, 9, 11, 10, 13], headerRows: 1, rows, notes: profileNotes(p, 'deptTable'), orientation: 'portrait',
  };
}

/** 部门年度目标 for the year and the next two; later years print "---" as 实际完成情况. */
function yearGoals(u: UnitYear): { year: number; goal: string; achieved: string }[] {
  return u.dept.yearGoals.map((g) => ({ year: g.year, goal: g.goal, achieved: g.year > u.year ? '---' : g.achieved ?? '' }));
}
