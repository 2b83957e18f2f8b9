/** 汇总表的一行：一个单位的年度、金额、执行率、得分、等级、项目得分、问题数与文件，全部是可存入清单的纯数据。 */
import type { Decimal } from 'decimal.js';
import type { SummaryRow } from '../model/summary.js';
import type { UnitResult } from './pipeline.js';

export type { SummaryProject, SummaryRow } from '../model/summary.js';

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
    profile: r.profile ?? null,
    amountUnit,
    budget: exact(s?.budget),
    executed: exact(s?.executed),
    rate: exact(s?.rate),
    score: exact(s?.score),
    grade: s?.grade ?? null,
    projects: (s?.projects ?? []).map((p) => ({
      name: p.name,
      budget: exact(p.budget),
      executed: exact(p.executed),
      rate: exact(p.rate),
      score: exact(p.score),
      grade: p.grade,
    })),
    warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
    errors: r.diagnostics.filter((d) => d.severity === 'error').length,
    outputs,
  };
}
