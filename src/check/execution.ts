/** 执行与偏差检查（DOMAIN.md §7.4）：超执行、执行偏低、否认偏差、未说明偏差、超额完成、预算调整、目标照抄。 */
import type { Decimal } from 'decimal.js';
import { Money, formatAmount, formatPercent } from '../model/money.js';
import type { Derived } from '../model/derived.js';
import type { Profile } from '../model/profile.js';
import type { UnitYear } from '../model/unit-year.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { allRows, formatThreshold, isExplained, isNoDeviationPhrase, isQualitative, squash, targetText, type IndicatorRow } from './common.js';

const ONE = new Money(1);

/** Runs the §7.4 checks on projects, key tasks and indicators. */
export function checkExecution(u: UnitYear, d: Derived, profile: Profile): Diagnostic[] {
  return [
    ...projectExecution(u, d, profile),
    ...taskExecution(u, d, profile),
    ...allRows(u, d).flatMap((r) => indicatorDeviation(r, profile)),
    ...projectText(u, d),
  ];
}

/** The rate problem to explain, if any: over 100% or under the threshold. */
export function rateProblem(rate: Decimal | null, p: Profile): 'over' | 'low' | null {
  if (rate === null) return null;
  if (rate.greaterThan(ONE)) return 'over';
  if (rate.lessThan(p.executionLowThreshold)) return 'low';
  return null;
}

/** Message for a rate problem; `who` is 项目“…” or 重点工作任务“…”. */
export function rateDiagnostics(
  who: string,
  path: readonly PropertyKey[],
  rate: Decimal,
  problem: 'over' | 'low',
  reason: string | undefined,
  p: Profile,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const threshold = formatThreshold(p.executionLowThreshold);
  if (problem === 'over' && squash(reason ?? '') === '') {
    out.push(
      diagnostic('E-EXEC-OVER-UNEXPLAINED', path, `${who}：执行率${formatPercent(rate)}超过100%，须说明原因。`, {
        expected: '执行率超过100%的原因',
        actual: '',
      }),
    );
  }
  if (problem === 'low' && !isExplained(reason, p)) {
    out.push(
      diagnostic('W-EXEC-LOW-UNEXPLAINED', path, `${who}：执行率${formatPercent(rate)}低于${threshold}，须说明预算执行偏低的原因及改进措施。`, {
        expected: '预算执行偏低原因及改进措施',
        actual: reason ?? '',
      }),
    );
  }
  return out;
}

/**
 * Projects without a linked key task: the explanation is 其他需要说明事项 (the Yunnan project table has no reason cell).
 * Note: a project with a linked task is explained in that task's 预算执行偏低原因 cell and is checked there, once.
 */
function projectExecution(u: UnitYear, d: Derived, p: Profile): Diagnostic[] {
  const linked = new Set(d.dept.keyTasks.flatMap((t) => (t.projectIndex !== null ? [t.projectIndex] : [])));
  return u.projects.flatMap((proj, i) => {
    const rate = d.projects[i]!.total.rate;
    const problem = rateProblem(rate, p);
    if (linked.has(i) || rate === null || problem === null) return [];
    return rateDiagnostics(`项目“${proj.name}”`, ['projects', i, 'otherNotes'], rate, problem, proj.otherNotes, p);
  });
}

/** Key tasks (linked or standing alone): the 预算执行偏低原因及改进措施 cell. */
function taskExecution(u: UnitYear, d: Derived, p: Profile): Diagnostic[] {
  return u.dept.keyTasks.flatMap((t, i) => {
    const fig = d.dept.keyTasks[i]!;
    const problem = rateProblem(fig.rate, p);
    if (fig.rate === null || problem === null) return [];
    const path = ['dept', 'keyTasks', i, 'lowExecutionReason'];
    const who = `重点工作任务“${fig.name}”`;
    return [
      ...rateDiagnostics(who, path, fig.rate, problem, t.lowExecutionReason, p),
      ...rateDeviationDenied(who, path, fig.rate, problem, t.lowExecutionReason, p),
    ];
  });
}

/** E-DEVIATION-DENIED for a rate problem whose reason is a no-deviation phrase (无偏差, 正常 …). */
export function rateDeviationDenied(
  who: string,
  path: readonly PropertyKey[],
  rate: Decimal,
  problem: 'over' | 'low',
  reason: string | undefined,
  p: Profile,
): Diagnostic[] {
  if (!isNoDeviationPhrase(reason, p)) return [];
  const why = problem === 'over' ? `执行率${formatPercent(rate)}超过100%` : `执行率${formatPercent(rate)}低于${formatThreshold(p.executionLowThreshold)}`;
  return [
    diagnostic('E-DEVIATION-DENIED', path, `${who}：${why}，但偏差原因填写为“${reason ?? ''}”，请说明偏差原因及改进措施。`, {
      expected: '偏差原因及改进措施',
      actual: reason ?? '',
    }),
  ];
}

/** E-DEVIATION-DENIED, W-DEVIATION-UNEXPLAINED and W-OVERACHIEVED for one indicator row. */
export function indicatorDeviation(row: IndicatorRow, p: Profile): Diagnostic[] {
  const { input: ind, figures: f, path, label } = row;
  const out: Diagnostic[] = [];
  const target = targetText(ind, f);
  if (f.met === false && isNoDeviationPhrase(ind.deviationReason, p)) {
    out.push(
      diagnostic(
        'E-DEVIATION-DENIED',
        [...path, 'deviationReason'],
        `${label}：实际完成值${ind.actual}未达到指标值${target}，但偏差原因填写为“${ind.deviationReason ?? ''}”，请说明偏差原因及改进措施。`,
        { expected: '偏差原因及改进措施', actual: ind.deviationReason ?? '' },
      ),
    );
  }
  // Note: with a form that leaves a completed row blank (noDeviationText ''), a blank is unexplained only when the row fell short.
  const short = f.met === false || (f.weight !== null && f.score?.lessThan(f.weight) === true);
  if (f.deviationText === '' && (p.noDeviationText !== '' || short)) {
    out.push(
      diagnostic('W-DEVIATION-UNEXPLAINED', [...path, 'deviationReason'], `${label}：未完成指标值（${ind.actual}/${target}），未填写偏差原因分析及改进措施。`, {
        expected: '偏差原因分析及改进措施',
        actual: '',
      }),
    );
  }
  const over = overachievement(row, p);
  if (over !== null && !isExplained(ind.deviationReason, p)) {
    out.push(
      diagnostic(
        'W-OVERACHIEVED',
        [...path, 'actual'],
        `${label}：实际完成值${ind.actual}超出指标值${target}达${formatPercent(over)}，请说明是否指标值设定偏低。`,
        { expected: `偏离不超过${formatThreshold(p.overachievementRatio)}`, actual: formatPercent(over) },
      ),
    );
  }
  return out;
}

/** How far the actual passes the target in the favourable direction, as a fraction, when it reaches the profile's ratio. */
function overachievement({ figures: f }: IndicatorRow, p: Profile): Decimal | null {
  if (isQualitative(f) || f.nature === null || f.nature === '定性' || f.target.kind !== 'number' || f.actual.kind !== 'number') return null;
  const t = f.target.value;
  const a = f.actual.value;
  if (!t.greaterThan(0)) return null;
  const up = f.nature === '≥' || f.nature === '>' || f.nature === '=';
  const by = up ? a.minus(t).div(t) : t.minus(a).div(t);
  return by.greaterThanOrEqualTo(p.overachievementRatio) ? by : null;
}

/** W-ADJUSTMENT-UNEXPLAINED and W-GOAL-TEXT-COPIED per project. */
function projectText(u: UnitYear, d: Derived): Diagnostic[] {
  const out: Diagnostic[] = [];
  u.projects.forEach((p, i) => {
    const total = d.projects[i]!.total;
    if (total.initialBudget !== null && !total.adjustedBudget.equals(total.initialBudget)) {
      const missing = p.adjustments?.findIndex((a) => squash(a.reason ?? '') === '') ?? -1;
      const line =
        (['current', 'carryover', 'other'] as const).find((k) => {
          const l = p.funds[k];
          return l?.initialBudget !== undefined && !l.adjustedBudget.equals(l.initialBudget);
        }) ?? 'current';
      const path =
        !p.adjustments || p.adjustments.length === 0
          ? ['projects', i, 'funds', line, 'adjustedBudget']
          : missing >= 0
            ? ['projects', i, 'adjustments', missing, 'reason']
            : null;
      if (path) {
        out.push(
          diagnostic(
            'W-ADJUSTMENT-UNEXPLAINED',
            path,
            `项目“${p.name}”：预算由${formatAmount(total.initialBudget)}万元调整为${formatAmount(total.adjustedBudget)}万元，须说明调整理由。`,
            { expected: '调整预算及理由（adjustments[].reason）', actual: '' },
          ),
        );
      }
    }
    if (squash(p.goal.achieved) !== '' && squash(p.goal.achieved) === squash(p.goal.expected)) {
      out.push(
        diagnostic(
          'W-GOAL-TEXT-COPIED',
          ['projects', i, 'goal', 'achieved'],
          `项目“${p.name}”：年度总体目标的“实际完成情况”与“预期目标”完全相同，请填写实际完成情况。`,
          { expected: '实际完成情况', actual: p.goal.achieved },
        ),
      );
    }
  });
  return out;
}

/** W-SCORE-EXEC-DIVERGENCE (optional): Σ 得分 ÷ Σ 分值 of the indicators more than 5 points away from 执行率. */
export function checkScoreExecDivergence(u: UnitYear, d: Derived): Diagnostic[] {
  const limit = new Money('0.05');
  return u.projects.flatMap((p, i) => {
    const pf = d.projects[i]!;
    const weight = pf.totalWeight.minus(pf.executionWeight);
    const score = pf.totalScore.minus(pf.executionScore);
    if (pf.total.rate === null || !weight.greaterThan(0)) return [];
    const ratio = score.div(weight);
    if (!ratio.minus(pf.total.rate).abs().greaterThan(limit)) return [];
    return [
      diagnostic(
        'W-SCORE-EXEC-DIVERGENCE',
        ['projects', i, 'funds'],
        `项目“${p.name}”：指标完成程度${formatPercent(ratio)}与预算执行率${formatPercent(pf.total.rate)}相差较大，请核实。`,
        { expected: `相差不超过5个百分点`, actual: `${formatPercent(ratio)} / ${formatPercent(pf.total.rate)}` },
      ),
    ];
  });
}
