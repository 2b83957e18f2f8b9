/** 评分检查（DOMAIN.md §7.5）：得分与分值、分值合计、一级指标权重、无理由改分、定性指标档次。 */
import type { Decimal } from 'decimal.js';
import { Money, formatScore, round2 } from '../model/money.js';
import type { Derived } from '../model/derived.js';
import type { Profile } from '../model/profile.js';
import type { UnitYear } from '../model/unit-year.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { QUALITATIVE_BANDS } from '../derive/scoring.js';
import { canonicalLevel1, indicatorTables, isQualitative, squash, type IndicatorRow, type IndicatorTable } from './common.js';

const TOLERANCE = new Money('0.01');
const LEVEL_NAMES = { met: '达成', partial: '部分达成', unmet: '未达成' } as const;

/** Runs the §7.5 checks; weights and totals only on the scored (project) tables. */
export function checkScoring(u: UnitYear, d: Derived, profile: Profile): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const table of indicatorTables(u, d)) {
    for (const row of table.rows) out.push(...rowScores(row), ...qualitative(row, table.kind === 'project'));
    if (table.kind === 'project' && table.projectIndex !== null && table.rows.every((r) => r.input.weight !== undefined || r.input.subRow)) {
      out.push(...weightTotal(table, d, profile), ...level1Weights(table.rows, table.label, ['projects', table.projectIndex, 'indicators'], profile));
    }
  }
  return out;
}

/** E-SCORE-OVER-WEIGHT, E-SCORE-NEGATIVE, E-SCORE-UNJUSTIFIED. */
export function rowScores({ input: ind, figures: f, path, label }: IndicatorRow): Diagnostic[] {
  const out: Diagnostic[] = [];
  const w = ind.weight;
  if (w === undefined) return out;
  if (!w.greaterThan(0)) {
    out.push(
      diagnostic(
        'E-SCORE-NEGATIVE',
        [...path, 'weight'],
        `${label}：分值或得分不能为负数或零（分值${formatScore(w)}，得分${f.score ? formatScore(f.score) : '—'}）。`,
        { expected: '> 0', actual: formatScore(w) },
      ),
    );
  }
  const over = (key: readonly PropertyKey[], s: Decimal) => {
    if (!s.greaterThan(w)) return;
    out.push(
      diagnostic('E-SCORE-OVER-WEIGHT', [...path, ...key], `${label}：得分${formatScore(s)}超过分值${formatScore(w)}。`, {
        expected: `≤ ${formatScore(w)}`,
        actual: formatScore(s),
      }),
    );
  };
  if (ind.score !== undefined) over(['score'], ind.score);
  if (ind.scoreOverride) over(['scoreOverride', 'value'], ind.scoreOverride.value);
  if (
    ind.score !== undefined &&
    !ind.scoreOverride &&
    !isQualitative(f) &&
    f.ruleScore !== null &&
    ind.score.minus(f.ruleScore).abs().greaterThanOrEqualTo(TOLERANCE)
  ) {
    out.push(
      diagnostic(
        'E-SCORE-UNJUSTIFIED',
        [...path, 'score'],
        `${label}：按评分规则应得${formatScore(f.ruleScore)}分，填报${formatScore(ind.score)}分；如需调整请填写调分理由。`,
        { expected: formatScore(f.ruleScore), actual: formatScore(ind.score) },
      ),
    );
  }
  return out;
}

/** E-QUAL-SCORE-BAND, E-QUAL-SCORE-REQUIRED and the required 达成情况 of a 定性 row of a scored table. */
export function qualitative({ input: ind, figures: f, path, label }: IndicatorRow, scored: boolean): Diagnostic[] {
  const w = ind.weight;
  if (!isQualitative(f) || w === undefined || !scored || ind.scoreOverride) return [];
  const achievement = ind.achievement ?? (squash(ind.actual) === squash(ind.target) ? 'met' : undefined);
  if (achievement === undefined) {
    if (ind.score !== undefined) return [];
    return [
      diagnostic('E-REQUIRED', [...path, 'achievement'], `${label}：缺少必填项“定性指标达成情况”。`, {
        expected: 'met（达成）、partial（部分达成）或 unmet（未达成）',
      }),
    ];
  }
  const name = LEVEL_NAMES[achievement];
  if (ind.score === undefined) {
    if (achievement === 'met') return [];
    return [
      diagnostic('E-QUAL-SCORE-REQUIRED', [...path, 'score'], `${label}：定性指标为“${name}”时须填写得分。`, { expected: `“${name}”档次内的得分`, actual: '' }),
    ];
  }
  const [lo, hi] = QUALITATIVE_BANDS[achievement];
  const low = round2(w.times(lo));
  const high = round2(w.times(hi));
  const s = ind.score;
  const inside = s.greaterThanOrEqualTo(low) && (achievement === 'met' ? s.lessThanOrEqualTo(high) : s.lessThan(high));
  // Note: a score above 分值 is E-SCORE-OVER-WEIGHT already.
  if (inside || s.greaterThan(w)) return [];
  return [
    diagnostic(
      'E-QUAL-SCORE-BAND',
      [...path, 'score'],
      `${label}：“${name}”的得分应在${formatScore(low)}至${formatScore(high)}分之间，当前为${formatScore(s)}分。`,
      {
        expected: achievement === 'met' ? `[${formatScore(low)}, ${formatScore(high)}]` : `[${formatScore(low)}, ${formatScore(high)})`,
        actual: formatScore(s),
      },
    ),
  ];
}

/** E-WEIGHT-TOTAL: 执行率分值 + Σ 分值 = 满分. */
function weightTotal(table: IndicatorTable, d: Derived, p: Profile): Diagnostic[] {
  const pf = d.projects[table.projectIndex!]!;
  if (pf.totalWeight.equals(p.maxScore)) return [];
  return [
    diagnostic(
      'E-WEIGHT-TOTAL',
      ['projects', table.projectIndex!, 'indicators'],
      `${table.label}：各项分值合计为${formatScore(pf.totalWeight)}（含预算执行率${formatScore(pf.executionWeight)}），应为${formatScore(new Money(p.maxScore))}。`,
      { expected: formatScore(new Money(p.maxScore)), actual: formatScore(pf.totalWeight) },
    ),
  ];
}

/** W-WEIGHT-LEVEL1: Σ 分值 per 一级指标 (after aliases) of a table's rows against the profile's default weights. */
export function level1Weights(rows: readonly IndicatorRow[], tableLabel: string, path: readonly PropertyKey[], p: Profile): Diagnostic[] {
  const actual = new Map<string, Decimal>();
  for (const r of rows) {
    const l1 = canonicalLevel1(r.input.level1, p);
    actual.set(l1, (actual.get(l1) ?? new Money(0)).plus(r.input.weight ?? 0));
  }
  const defaults = Object.entries(p.defaultWeights);
  const keys = [...new Set([...Object.keys(p.framework), ...defaults.map(([k]) => k), ...actual.keys()])];
  const differs = keys.some((k) => !(actual.get(k) ?? new Money(0)).equals(p.defaultWeights[k] ?? 0));
  if (!differs) return [];
  const list = (get: (k: string) => Decimal | undefined) =>
    keys
      .flatMap((k) => {
        const v = get(k);
        return v === undefined ? [] : [`${k}${formatScore(v)}`];
      })
      .join('、');
  const actualText = list((k) => actual.get(k));
  const defaultText = list((k) => (p.defaultWeights[k] !== undefined ? new Money(p.defaultWeights[k]) : undefined));
  return [
    diagnostic('W-WEIGHT-LEVEL1', path, `${tableLabel}：一级指标分值为${actualText}，与默认权重${defaultText}不同，请在说明中注明调整理由。`, {
      expected: defaultText,
      actual: actualText,
    }),
  ];
}
