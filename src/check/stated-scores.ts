/**
 * 填报得分核对：审核已公开的报告时，输入可写出表上的预算执行率得分与总分（stated），按评分规则核对，
 * 决不代替派生值印出；分值 0 一律不接受（不计分的行不写分值）。
 */
import type { Decimal } from 'decimal.js';
import { Money, formatScore } from '../model/money.js';
import type { Derived } from '../model/derived.js';
import type { UnitYear } from '../model/unit-year.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';

const TOLERANCE = new Money('0.01');

type Stated = { readonly executionScore?: Decimal | undefined; readonly totalScore?: Decimal | undefined } | undefined;

/** E-SCORE-UNJUSTIFIED (execution 得分) and E-SCORE-TOTAL (总分) of one table's stated scores. */
function statedOf(stated: Stated, derived: { executionScore: Decimal; totalScore: Decimal }, path: readonly PropertyKey[], label: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const off = (s: Decimal, d: Decimal) => s.minus(d).abs().greaterThanOrEqualTo(TOLERANCE);
  if (stated?.executionScore !== undefined && off(stated.executionScore, derived.executionScore)) {
    out.push(
      diagnostic(
        'E-SCORE-UNJUSTIFIED',
        [...path, 'stated', 'executionScore'],
        `${label}：预算执行率得分按评分规则（分值 × 执行率，最高为分值）应为${formatScore(derived.executionScore)}分，填报${formatScore(stated.executionScore)}分。`,
        { expected: formatScore(derived.executionScore), actual: formatScore(stated.executionScore) },
      ),
    );
  }
  if (stated?.totalScore !== undefined && off(stated.totalScore, derived.totalScore)) {
    out.push(
      diagnostic(
        'E-SCORE-TOTAL',
        [...path, 'stated', 'totalScore'],
        `${label}：总分应为预算执行率得分与各指标得分之和${formatScore(derived.totalScore)}分，填报${formatScore(stated.totalScore)}分。`,
        { expected: formatScore(derived.totalScore), actual: formatScore(stated.totalScore) },
      ),
    );
  }
  return out;
}

/** E-SCORE-NEGATIVE for a 预算执行率分值 of 0: as for an indicator, 0 is no weight; a row without score omits it. */
function zeroWeight(w: Decimal | undefined, path: readonly PropertyKey[], label: string): Diagnostic[] {
  if (w === undefined || w.greaterThan(0)) return [];
  return [
    diagnostic('E-SCORE-NEGATIVE', path, `${label}：预算执行率分值不能为零（分值${formatScore(w)}）；不计预算执行率得分的表请改用不设该行的格式。`, {
      expected: '> 0',
      actual: formatScore(w),
    }),
  ];
}

/** The stated-score and zero-weight checks of every project and of the department's money block. */
export function checkStatedScores(u: UnitYear, d: Derived): Diagnostic[] {
  const out: Diagnostic[] = [];
  u.projects.forEach((p, i) => {
    const label = `项目“${p.name}”`;
    out.push(...zeroWeight(p.executionWeight, ['projects', i, 'executionWeight'], label));
    out.push(...statedOf(p.stated, d.projects[i]!, ['projects', i], label));
  });
  const f = u.dept.funds;
  if (f && d.dept.funds) {
    out.push(...zeroWeight(f.executionWeight, ['dept', 'funds', 'executionWeight'], '部门整体'));
    out.push(...statedOf(f.stated, d.dept.funds, ['dept', 'funds'], '部门整体'));
  }
  return out;
}
