/** 项目资金执行情况（宁夏，XLSX 工作表）：叙述中每个金额的出处，一行一个项目，末行合计。 */
import type { Cell, Table } from '../../../model/doc.js';
import type { NingxiaDerived, NingxiaFunds } from '../derived.js';
import type { NingxiaUnit } from '../schema.js';
import { amount, header, label, percent, prose, val } from '../../../compose/cells.js';

const row = (name: Cell, f: NingxiaFunds): Cell[] => [
  name,
  val(amount(f.initialBudget)),
  val(amount(f.adjustedBudget)),
  val(amount(f.executed)),
  val(percent(f.rate)),
  val(amount(f.available)),
];

/** The projects' money as a sheet, so the figures of the narrative can be checked with spreadsheet formulas. */
export function fundsTable(u: NingxiaUnit, d: NingxiaDerived): Table {
  return {
    id: 'project-funds',
    sheetName: '项目资金执行情况',
    title: `${u.unit.name}${u.year}年项目资金执行情况`,
    columns: [30, 12, 12, 12, 12, 12],
    headerRows: 1,
    orientation: 'portrait',
    notes: ['注：金额单位为万元；预算执行率 = 全年执行数 ÷ 全年预算数。'],
    rows: [
      [header('项目名称'), header('年初预算数'), header('全年预算数'), header('全年执行数'), header('预算执行率'), header('实际到位资金')],
      ...u.projects.map((p, i) => row(prose(p.name), d.projects[i]!)),
      row(label('合计'), d.totals),
    ],
  };
}
