/** 整体支出绩效目标自评表（甘肃 G2，8列，横向）：资金行与执行率得分、年度总体目标、指标行、总分、其他说明。 */
import type { Cell, CellValue, Table } from '../../model/doc.js';
import type { Decimal } from 'decimal.js';
import { formatPercent, formatPlain, roundTo } from '../../model/money.js';
import type { GansuDerived } from '../../model/gansu-derived.js';
import type { GansuUnit } from '../../model/gansu-unit.js';
import { profileDefault, profileNotes, type Profile } from '../../model/profile.js';
import { isPercentUnit, parseValue } from '../../derive/indicator-value.js';
import { yearTarget } from '../../derive/gansu/indicators.js';
import { NA, amount, header, label, prose, score, val } from '../cells.js';
import { groupIndicators, indicatorBlockRows } from '../indicator-rows.js';

const W = 8;

/** The G2 title: `{简称}整体支出绩效目标自评表（{year}年度）`. */
export const g2Title = (u: GansuUnit): string => `${u.unit.shortName ?? u.unit.name}整体支出绩效目标自评表（${u.year}年度）`;

/** 预算执行率 as the Gansu money block prints it: "100%" when whole, else "80.18%". */
function rateCell(rate: Decimal | null): CellValue {
  if (rate === null) return NA;
  return { kind: 'percent', value: rate, places: roundTo(rate.times(100), 2).isInteger() ? 0 : 2 };
}

/**
 * An indicator value exactly as typed, as a real number where it is one ("98.00%" a percentage with 2 decimals,
 * "1" a number) and as text otherwise ("≥1项", "健全"); the printed text never changes.
 */
export function typedValue(text: string): CellValue {
  const v = parseValue(text);
  const typed = text.trim();
  if (v.kind !== 'number' || v.comparator !== null) return { kind: 'text', text };
  if (v.unit === null && formatPlain(v.value) === typed) return { kind: 'number', value: v.value };
  const places = /\.(\d+)/.exec(typed)?.[1]?.length ?? 0;
  const fraction = v.value.div(100);
  if (v.unit !== null && isPercentUnit(v.unit) && formatPercent(fraction, places) === typed) return { kind: 'percent', value: fraction, places };
  return { kind: 'text', text };
}

/** Builds G2 for one unit. */
export function scoreTable(u: GansuUnit, d: GansuDerived, p: Profile): Table {
  const f = d.funds;
  const rows: Cell[][] = [
    [header('主管部门'), label(u.unit.supervisor ?? u.unit.name, { colSpan: 3 }), header('实施单位'), label(u.unit.implementer ?? u.unit.name, { colSpan: 3 })],
    [header('项目资金（万元）', { rowSpan: 2 }), header('年初预算数'), header('全年预算数'), header('全年执行数'), header('分值'), header('预算执行率'), header('得分', { colSpan: 2 })],
    [val(amount(f.initialBudget)), val(amount(f.adjustedBudget)), val(amount(f.executed)), val(score(d.executionWeight)), val(rateCell(f.rate)),
      val({ kind: 'score', value: d.executionScore, fixed: true }, { colSpan: 2 })],
    [header('年度总体目标', { rowSpan: 2 }), header('预期目标', { colSpan: 4 }), header('实际完成情况', { colSpan: 3 })],
    [prose(u.goal.expected, { colSpan: 4 }), prose(u.goal.achieved ?? '', { colSpan: 3 })],
    [header('一级指标'), header('二级指标'), header('三级指标'), header('指标值'), header('年度目标值'), header('实际完成值'), header('分值'), header('得分')],
  ];
  rows.push(...indicatorBlockRows(groupIndicators(u.indicators, p), (idx) => {
    const ind = u.indicators[idx]!;
    const fi = d.indicators[idx]!;
    return [prose(ind.name), val(typedValue(ind.target)), val(typedValue(yearTarget(ind))), val(typedValue(ind.actual)), val(score(fi.weight)), val(score(fi.score))];
  }));
  rows.push(
    [header('总分', { colSpan: 6 }), val(score(d.totalWeight)), val(score(d.totalScore))],
    [prose(`${profileDefault(p, 'remarksLabel')}\n${u.otherNotes ?? profileDefault(p, 'otherNotes')}`, { colSpan: W })],
  );
  return {
    id: 'score-table', sheetName: '整体支出绩效目标自评表', title: g2Title(u),
    columns: [13, 12, 22, 11, 11, 11, 8, 8], headerRows: 0, rows, notes: profileNotes(p, 'scoreTable'), orientation: 'landscape',
  };
}
