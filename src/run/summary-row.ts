/** 汇总表的一行：一个单位的年度、金额、执行率、得分、等级、项目得分、问题数与文件，全部是可存入清单的纯数据。 */
import type { Decimal } from 'decimal.js';
import type { UnitResult } from './pipeline.js';

/** A project's 得分 and 等级 as the row shows them; numbers are exact decimal text. */
export interface SummaryProject {
  readonly name: string;
  readonly score: string | null;
  readonly grade: string | null;
}

/**
 * One unit's row of 汇总表. Amounts, rates and scores are exact decimal text (never JS numbers), so the row
 * survives the manifest and worker messages unchanged; the workbook writer rounds them once.
 */
export interface SummaryRow {
  readonly file: string;
  readonly year: number | null;
  /** 单位名称, or the input file's name when the input could not be read as a unit. */
  readonly unitName: string;
  /** 金额单位 of budget and executed (万元 or 元). */
  readonly amountUnit: string | null;
  readonly budget: string | null;
  readonly executed: string | null;
  /** 执行率 as a fraction; null when the budget is zero or the unit failed early. */
  readonly rate: string | null;
  /** 部门整体 得分 and 等级, where the profile scores the department. */
  readonly score: string | null;
  readonly grade: string | null;
  readonly projects: readonly SummaryProject[];
  readonly warnings: number;
  readonly errors: number;
  /** The unit's files, relative to the output folder. */
  readonly outputs: readonly string[];
}

const exact = (x: Decimal | null | undefined): string | null => (x === null || x === undefined ? null : x.toFixed());

/** The row of a unit's result; `outputs` are given relative to the output folder. */
export function summaryRow(r: UnitResult, outputs: readonly string[]): SummaryRow {
  const s = r.summary;
  const amountUnit = r.unit && 'amountUnit' in r.unit ? String(r.unit.amountUnit) : null;
  const fileName = r.file.split(/[\\/]/).pop() ?? r.file;
  return {
    file: r.file,
    year: r.year ?? null,
    unitName: r.unitName ?? fileName,
    amountUnit,
    budget: exact(s?.budget),
    executed: exact(s?.executed),
    rate: exact(s?.rate),
    score: exact(s?.score),
    grade: s?.grade ?? null,
    projects: (s?.projects ?? []).map((p) => ({ name: p.name, score: exact(p.score), grade: p.grade })),
    warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
    errors: r.diagnostics.filter((d) => d.severity === 'error').length,
    outputs,
  };
}
