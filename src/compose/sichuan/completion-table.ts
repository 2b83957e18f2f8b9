/** 绩效目标完成情况表（S3 部门、S6 项目，7列）：金额以百元整数、比率不带%，年度总体目标，年度绩效指标按二级编号。 */
import type { Cell, CellValue, Table } from '../../model/doc.js';
import type { Profile } from '../../model/profile.js';
import type { BookColumn, CompletionIndicatorFigures, MoneyRow } from '../../model/sichuan-derived.js';
import type { SichuanSettings } from '../../model/sichuan-settings.js';
import type { CompletionIndicatorInput, GoalInput } from '../../model/sichuan-unit.js';
import { actualCell, targetCell } from '../../derive/sichuan/indicator-text.js';
import { level1Of } from '../../derive/sichuan/indicators.js';
import { EMPTY, NA, header, label, prose, val } from '../cells.js';
import { groupIndicators } from '../indicator-rows.js';

/** 百元: the same exact value as the 万元 figure, printed ×100 as a whole number (DOMAIN.md §4.1). */
const hundred = (x: MoneyRow['budget']): CellValue => ({ kind: 'amount', value: x, unit: '百元' });
/** 结转结余率%: the percentage without its sign ("0.04"); "—" over a zero base. */
const bare = (x: MoneyRow['rate'], places: number): CellValue => (x === null ? NA : { kind: 'percent', value: x, style: 'bare', places });

/** 预算额, 执行额, 当年结转结余额, 结转结余率, 结转结余变动率 of a row, or blanks for a row that does not apply. */
function moneyCells(row: MoneyRow | null, places: number): Cell[] {
  if (!row) return [EMPTY, EMPTY, EMPTY, EMPTY, EMPTY].map((v) => val(v));
  return [hundred(row.budget), hundred(row.executed), hundred(row.carryover), bare(row.rate, places), bare(row.changeRate, places)].map((v) => val(v));
}

/** The 预算执行情况 block: a header row and one row per line. */
export function executionBlock(lines: readonly (readonly [string, MoneyRow | null])[], places: number): Cell[][] {
  return [
    [header('预算执行情况', { rowSpan: lines.length + 1 }), ...['项目', '预算额(百元)', '执行额(百元)', '当年结转结余额(百元)', '结转结余率%', '结转结余变动率%'].map((t) => header(t))],
    ...lines.map(([name, row]) => [label(name), ...moneyCells(row, places)]),
  ];
}

/** The 预算结构 / 财政拨款结构 block: one column per book, blank for books the unit has no money in. */
export function structureBlock(title: string, total: MoneyRow, books: readonly BookColumn[], places: number): Cell[][] {
  const rowsOf = (r: MoneyRow): CellValue[] => [hundred(r.budget), hundred(r.executed), hundred(r.carryover), bare(r.rate, places), bare(r.changeRate, places)];
  const names = ['预算额(百元)', '执行额(百元)', '当年结转结余额(百元)', '结转结余率%', '结转结余变动率%'];
  const totals = rowsOf(total);
  const columns = books.map((b) => (b.used ? rowsOf(b.row) : names.map(() => EMPTY)));
  return [
    [header(title, { rowSpan: names.length + 1 }), ...['项目', '合计', '一般公共预算安排', '政府性基金预算安排', '国有资本经营预算安排', '社保基金预算安排'].map((t) => header(t))],
    ...names.map((n, k) => [label(n), val(totals[k]!), ...columns.map((c) => val(c[k]!))]),
  ];
}

/** The 年度总体目标 block. */
export function goalBlock(goal: GoalInput, p: Profile): Cell[][] {
  return [
    [header('年度总体目标', { rowSpan: 2 }), header('预算总体目标', { colSpan: 2 }), header('预算总体目标执行结果', { colSpan: 2 }), header('预算总体目标与预算总体目标执行结果偏差情况及原因分析', { colSpan: 2 })],
    [prose(goal.expected, { colSpan: 2 }), prose(goal.achieved, { colSpan: 2 }), prose(goal.deviation ?? p.noDeviationText, { colSpan: 2 })],
  ];
}

const INDICATOR_HEADERS = ['一级指标', '二级指标', '三级指标', '预算指标值(包含数字及文字描述)', '预算指标值执行结果(包含数字及文字描述)', '预算指标值与预算指标值执行结果偏差情况及原因分析'];

/**
 * The 年度绩效指标 block: 一级/二级 span their rows, c4 numbers 指标1: … within each 二级. With `split`, the
 * 年度绩效指标 label starts again after the 产出指标 rows (seed 001's project tables print it twice).
 */
export function indicatorBlock(inds: readonly CompletionIndicatorInput[], figs: readonly CompletionIndicatorFigures[], p: Profile, s: SichuanSettings, split: boolean): Cell[][] {
  const body: Cell[][] = [];
  let at = -1;
  for (const g of groupIndicators(inds, p)) {
    const n1 = g.level2s.reduce((n, x) => n + x.items.length, 0);
    if (split && at < 0 && body.length > 0 && level1Of(inds[g.level2s[0]!.items[0]!]!, p) !== '产出指标') at = body.length;
    g.level2s.forEach((g2, k) => g2.items.forEach((idx, m) => {
      const ind = inds[idx]!;
      body.push([
        ...(k === 0 && m === 0 ? [header(g.level1, { rowSpan: n1 })] : []),
        ...(m === 0 ? [header(g2.level2, { rowSpan: g2.items.length })] : []),
        label(`指标${m + 1}:`), prose(targetCell(ind, s.natureStyle)), prose(actualCell(ind)), prose(figs[idx]!.deviationText),
      ]);
    }));
  }
  const first = at < 0 ? body : body.slice(0, at);
  const rest = at < 0 ? [] : body.slice(at);
  const head = [header('年度绩效指标', { rowSpan: first.length + 1 }), ...INDICATOR_HEADERS.map((t) => header(t))];
  return [
    head, ...first,
    ...rest.map((r, i) => (i === 0 ? [header('年度绩效指标', { rowSpan: rest.length }), ...r] : r)),
  ];
}

/** A completion table from its blocks. */
export function completionTable(id: string, sheetName: string, title: string, rows: Cell[][]): Table {
  return { id, sheetName, title, columns: [9, 12, 12, 11, 20, 20, 16], headerRows: 1, rows, notes: [], orientation: 'portrait' };
}

/** 部门（单位）名称 | name | 预算单位编码 | code. */
export const unitRow = (name: string, code: string): Cell[] =>
  [header('部门（单位）名称', { colSpan: 2 }), label(name, { colSpan: 2 }), header('预算单位编码'), label(code, { colSpan: 2 })];
