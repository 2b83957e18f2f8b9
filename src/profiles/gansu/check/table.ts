/** 甘肃整体支出绩效目标自评表检查：各指标行（沿用通用检查）、两列目标值不一致、分值合计、一级权重、填报总分。 */
import { Money, formatScore } from '../../../model/money.js';
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import type { ParsedValue } from '../../../model/derived.js';
import type { GansuDerived } from '../derived.js';
import type { GansuUnit } from '../schema.js';
import type { GansuSettings } from '../settings.js';
import type { Profile } from '../../../model/profile.js';
import { parseValue } from '../../../derive/indicator-value.js';
import { scoredIndicator, yearTarget } from '../derive/indicators.js';
import type { IndicatorRow, IndicatorTable } from '../../../check/common.js';
import { fractions, fuzzyTarget, natureAndNumbers } from '../../../check/values.js';
import { duplicates, level2, percentOver100, unitCategory, valueKey } from '../../../check/indicators.js';
import { level1Weights, qualitative, rowScores } from '../../../check/scoring.js';
import { indicatorDeviation } from '../../../check/execution.js';

/** How messages name the G2 table. */
export const G2_LABEL = '整体支出绩效目标自评表';

/** The G2 indicator rows as the common checks see them (scored target, profile nature for bare numbers). */
export function g2Rows(u: GansuUnit, d: GansuDerived, s: GansuSettings): IndicatorRow[] {
  return u.indicators.map((ind, j) => ({
    input: scoredIndicator(ind, s),
    figures: d.indicators[j]!,
    path: ['indicators', j],
    index: j,
    label: `指标“${ind.name}”`,
  }));
}

/** Runs the §7.1, §7.4–§7.6 checks that apply to G2. */
export function checkTable(u: GansuUnit, d: GansuDerived, p: Profile, s: GansuSettings): Diagnostic[] {
  const rows = g2Rows(u, d, s);
  const table: IndicatorTable = { kind: 'dept', projectIndex: null, label: G2_LABEL, rows };
  const out: Diagnostic[] = [];
  for (const row of rows) {
    out.push(
      ...natureAndNumbers(row),
      ...fractions(row, p),
      ...fuzzyTarget(row),
      ...percentOver100(row, p),
      ...unitCategory(row, p),
      ...level2(row, p),
      ...rowScores(row),
      ...qualitative(row, true),
      // Note: G2 has no 偏差原因 column, so an unmet line is not asked for a reason that would print nowhere.
      ...indicatorDeviation(row, p).filter((x) => x.code !== 'W-DEVIATION-UNEXPLAINED'),
    );
  }
  out.push(...duplicates(table), ...targetColumns(u, s), ...weightTotal(d, p), ...level1Weights(rows, G2_LABEL, ['indicators'], p), ...statedTotals(u, d));
  return out;
}

/** Comparable form of a target: a bare number takes the profile's nature. */
const targetKey = (v: ParsedValue, s: GansuSettings): string =>
  valueKey(v, v.kind === 'text' ? null : (v.comparator ?? s.bareTargetNature), v.kind === 'text' ? null : v.unit);

/** W-TARGET-DIVERGENT: 指标值 and 年度目标值 of one row differ (DOMAIN.md §3.3). */
function targetColumns(u: GansuUnit, s: GansuSettings): Diagnostic[] {
  return u.indicators.flatMap((ind, j) => {
    const year = yearTarget(ind);
    if (targetKey(parseValue(ind.target), s) === targetKey(parseValue(year), s)) return [];
    return [
      diagnostic('W-TARGET-DIVERGENT', ['indicators', j, 'yearTarget'], `指标“${ind.name}”：指标值为${ind.target}，年度目标值为${year}，请核对统一。`, {
        expected: ind.target,
        actual: year,
      }),
    ];
  });
}

/** E-WEIGHT-TOTAL: 预算执行率分值 + Σ 分值 = 满分. */
function weightTotal(d: GansuDerived, p: Profile): Diagnostic[] {
  const max = new Money(p.maxScore);
  if (d.totalWeight.equals(max)) return [];
  return [
    diagnostic(
      'E-WEIGHT-TOTAL',
      ['indicators'],
      `${G2_LABEL}：各项分值合计为${formatScore(d.totalWeight)}（含预算执行率${formatScore(d.executionWeight)}），应为${formatScore(max)}。`,
      { expected: formatScore(max), actual: formatScore(d.totalWeight) },
    ),
  ];
}

/** E-SCORE-TOTAL: a stated 总分 (分值 or 得分) that differs from the sums, which include the 预算执行率 line. */
function statedTotals(u: GansuUnit, d: GansuDerived): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stated = u.statedTotal;
  if (stated?.score !== undefined && !stated.score.equals(d.totalScore)) {
    out.push(
      diagnostic(
        'E-SCORE-TOTAL',
        ['statedTotal', 'score'],
        `${G2_LABEL}：总分填报为${formatScore(stated.score)}，各项得分合计为${formatScore(d.totalScore)}（含预算执行率得分${formatScore(d.executionScore)}）。`,
        { expected: formatScore(d.totalScore), actual: formatScore(stated.score) },
      ),
    );
  }
  if (stated?.weight !== undefined && !stated.weight.equals(d.totalWeight)) {
    out.push(
      diagnostic(
        'E-SCORE-TOTAL',
        ['statedTotal', 'weight'],
        `${G2_LABEL}：分值合计填报为${formatScore(stated.weight)}，各项分值合计为${formatScore(d.totalWeight)}（含预算执行率${formatScore(d.executionWeight)}）。`,
        { expected: formatScore(d.totalWeight), actual: formatScore(stated.weight) },
      ),
    );
  }
  return out;
}
