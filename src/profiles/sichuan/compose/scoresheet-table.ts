/** 自评计分表（S2 部门、S5 项目，7列）：一级、二级指标跨行合并，每个三级指标一行，末行合计。 */
import type { Decimal } from 'decimal.js';
import type { Cell, Table } from '../../../model/doc.js';
import { formatScore } from '../../../model/money.js';
import type { SheetFigures } from '../derived.js';
import type { Rubric } from '../rubric.js';
import type { ScoresheetInput } from '../schema.js';
import { EMPTY, header, prose, score, val } from '../../../compose/cells.js';
import { lineEvidence, type EvidenceContext } from './evidence.js';

/** "投入（20分）", "绩效目标合理性（2分）". */
const withPoints = (label: string, points: Decimal): string => `${label}（${formatScore(points)}分）`;

/** What a score sheet table is made of, apart from the figures. */
export interface SheetTableSpec {
  readonly id: string;
  readonly sheetName: string;
  readonly title: string;
  /** The line above the table: 名称、预算单位编码、自评等级. */
  readonly subtitle: string;
  readonly totalRow: boolean;
}

/** The rubric the sheet was scored by, with what its evidence templates need. */
export interface SheetContext extends EvidenceContext {
  readonly rubric: Rubric;
}

/** Rows of the lines: 一级/二级 cells span their lines; a line without 指标说明 shares the cell above it. */
function lineRows(sheet: SheetFigures, input: ScoresheetInput, ctx: SheetContext): Cell[][] {
  const { lines } = sheet;
  const run = (i: number, same: (b: number) => boolean) => {
    let n = 1;
    while (i + n < lines.length && same(i + n)) n++;
    return n;
  };
  const sameL1 = (a: number, b: number) => lines[a]!.level1 === lines[b]!.level1;
  const sameL2 = (a: number, b: number) => sameL1(a, b) && lines[a]!.level2 === lines[b]!.level2;
  return lines.map((l, i) => {
    const g1 = ctx.rubric.groups.find((g) => g.label === l.level1)!;
    const g2 = g1.groups.find((g) => g.label === l.level2)!;
    const { ruleText } = l.line;
    return [
      ...(i === 0 || !sameL1(i - 1, i) ? [header(withPoints(g1.label, g1.points), { rowSpan: run(i, (b) => sameL1(i, b)) })] : []),
      ...(i === 0 || !sameL2(i - 1, i) ? [header(withPoints(g2.label, g2.points), { rowSpan: run(i, (b) => sameL2(i, b)) })] : []),
      header(withPoints(l.line.label, l.line.points)),
      prose(l.line.definition),
      ...(ruleText !== undefined ? [prose(ruleText, { rowSpan: run(i, (b) => sameL2(i, b) && lines[b]!.line.ruleText === undefined) })] : []),
      val(score(l.score)),
      prose(lineEvidence(l, input.lines[l.line.id], ctx)),
    ];
  });
}

/** Builds a 自评计分表. */
export function scoresheetTable(spec: SheetTableSpec, sheet: SheetFigures, input: ScoresheetInput, ctx: SheetContext): Table {
  const rows: Cell[][] = [
    ['一级指标', '二级指标', '三级指标', '指标解释', '指标说明（评价计分标准）', '自评分数', '自评依据及说明'].map((t) => header(t)),
    ...lineRows(sheet, input, ctx),
    ...(spec.totalRow ? [[header('合计', { colSpan: 5 }), val(score(sheet.total)), val(EMPTY)]] : []),
  ];
  return {
    id: spec.id,
    sheetName: spec.sheetName,
    title: spec.title,
    subtitle: spec.subtitle,
    columns: [8, 8, 11, 21, 30, 7, 23],
    headerRows: 1,
    rows,
    notes: [],
    orientation: 'landscape',
  };
}
