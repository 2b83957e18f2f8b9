/** 项目支出绩效自评表（云南 Y3，10列，每个项目一张）。 */
import type { Cell, Table } from '../model/doc.js';
import type { FundFigures, ProjectFigures } from '../model/derived.js';
import { profileDefault, profileNotes, type Profile } from '../model/profile.js';
import type { ProjectInput, UnitYear } from '../model/unit-year.js';
import { EMPTY, NA, amount, amountOrBlank, header, indicatorValue, label, percent, prose, score, val } from './cells.js';
import { groupIndicators, indicatorBlockRows } from './indicator-rows.js';

/** The money block rows R3–R7: 年度资金总额 and its three sources. */
function moneyRows(f: ProjectFigures): Cell[][] {
  const amounts = (x: FundFigures, blankZero: boolean) => [x.initialBudget, x.adjustedBudget, x.executed].map((a) => val(blankZero ? amountOrBlank(a) : amount(a)));
  const sub = (name: string, cells: Cell[], rate: Cell) => [label(name), ...cells, val(NA), rate, val(NA, { colSpan: 2 })];
  const carryover = f.carryover;
  const other = f.other;
  return [
    [header('项目资金（万元）', { colSpan: 2, rowSpan: 5 }), val(EMPTY), header('年初预算数'), header('全年预算数'), header('全年执行数'), header('分值'), header('执行率'), header('得分', { colSpan: 2 })],
    [label('年度资金总额'), ...amounts(f.total, false), val(score(f.executionWeight)), val(percent(f.total.rate)), val(score(f.executionScore), { colSpan: 2 })],
    sub('其中：当年财政拨款', amounts(f.current, false), val(percent(f.current.rate))),
    sub('上年结转资金', carryover ? amounts(carryover, true) : [val(EMPTY), val(EMPTY), val(EMPTY)], val(carryover && !carryover.adjustedBudget.isZero() ? percent(carryover.rate) : EMPTY)),
    sub('其他资金', other ? amounts(other, true) : [val(NA), val(NA), val(NA)], val(other && !other.adjustedBudget.isZero() ? percent(other.rate) : EMPTY)),
  ];
}

/** Builds the table of project `i`. */
export function projectTable(u: UnitYear, proj: ProjectInput, f: ProjectFigures, i: number, p: Profile): Table {
  const style = u.options?.percentValueStyle ?? p.percentValueStyle;
  const rows: Cell[][] = [
    [header('项目名称', { colSpan: 2 }), label(proj.name, { colSpan: 8 })],
    [header('主管部门', { colSpan: 2 }), label(proj.supervisor ?? u.unit.name, { colSpan: 3 }), header('实施单位'), label(proj.implementer ?? u.unit.name, { colSpan: 4 })],
    ...moneyRows(f),
    [header('年度总体目标', { rowSpan: 2 }), header('预期目标', { colSpan: 4 }), header('实际完成情况', { colSpan: 5 })],
    [prose(proj.goal.expected, { colSpan: 4 }), prose(proj.goal.achieved, { colSpan: 5 })],
    [header('绩效指标', { colSpan: 3 }), header('年度指标值', { colSpan: 3 }), header('实际完成值', { rowSpan: 2 }), header('分值', { rowSpan: 2 }), header('得分', { rowSpan: 2 }), header('偏差原因分析及改进措施', { rowSpan: 2 })],
    [header('一级指标'), header('二级指标'), header('三级指标'), header('指标性质'), header('指标值'), header('度量单位')],
  ];
  rows.push(...indicatorBlockRows(groupIndicators(proj.indicators, p), (idx) => {
    const ind = proj.indicators[idx]!;
    const fi = f.indicators[idx]!;
    return [prose(ind.name), label(fi.nature ?? ''), val(indicatorValue(fi.target, ind.unit, style)), label(ind.unit ?? ''),
      val(indicatorValue(fi.actual, ind.unit, style)), val(score(fi.weight)), val(score(fi.score)), prose(fi.deviationText)];
  }));
  rows.push(
    [header('其他需要说明事项', { colSpan: 3 }), prose(proj.otherNotes ?? profileDefault(p, 'otherNotes'), { colSpan: 7 })],
    [header('总分', { colSpan: 7 }), val(score(f.totalWeight)), val(score(f.totalScore)), label(f.grade)],
  );
  return {
    id: `project-${i + 1}`, sheetName: sheetName(i, proj.name), title: `${u.year}年度项目支出绩效自评表`,
    columns: [7, 9, 22, 8, 10, 8, 10, 10, 9, 13], headerRows: 1, rows, notes: profileNotes(p, 'projectTable'), orientation: 'portrait',
  };
}

/** "项目1-专项工作经费", cut to Excel's 31 characters and free of the characters sheet names forbid. */
function sheetName(i: number, name: string): string {
  return `项目${i + 1}-${name.replace(/[[\]:*?/\\]/g, '')}`.slice(0, 31);
}
