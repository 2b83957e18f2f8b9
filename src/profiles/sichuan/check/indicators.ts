/** 四川指标检查（DOMAIN.md §7.1、§7.4、§7.6）：模糊指标值、比率超过100%、缺少单位、偏差说明、超额完成、重复、框架、部门与项目不一致、成本总额。 */
import { formatAmount, formatPercent, formatPlain } from '../../../model/money.js';
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import type { Profile } from '../../../model/profile.js';
import type { CompletionIndicatorFigures, SichuanDerived } from '../derived.js';
import type { CompletionIndicatorInput, SichuanUnit } from '../schema.js';
import { parseValue } from '../../../derive/indicator-value.js';
import { level1Of, level2Of } from '../derive/indicators.js';
import { formatThreshold, isExplained, isNoDeviationPhrase, isRateLikeName, squash } from '../../../check/common.js';
import { targetCell } from '../derive/indicator-text.js';

/** One completion table's indicators with where they sit and how messages name them. */
interface Row {
  readonly input: CompletionIndicatorInput;
  readonly f: CompletionIndicatorFigures;
  readonly path: readonly PropertyKey[];
  /** Whose table it is: 部门整体 or 项目“…”. */
  readonly owner: string;
  readonly label: string;
}

const FUZZY = ['约', '左右', '大约', '力争', '争取'];

/** Checks that look at one row alone. */
function rowChecks(r: Row, p: Profile): Diagnostic[] {
  const { input: ind, f, path, label } = r;
  const out: Diagnostic[] = [];
  const target = ind.target ?? '';
  const word = FUZZY.find((w) => target.includes(w));
  if (word)
    out.push(
      diagnostic('W-FUZZY-TARGET', [...path, 'target'], `${label}：指标值“${target}”含模糊表述，无法客观判断是否完成。`, {
        expected: '确定的数值',
        actual: target,
      }),
    );
  const unit = ind.unit ?? (f.target?.kind === 'number' ? f.target.unit : null);
  if (unit === '%' && isRateLikeName(ind.name, p)) {
    for (const [col, v] of [
      ['指标值', f.target?.kind === 'number' ? f.target.value : null],
      ['实际完成值', f.actual?.unit === '%' ? f.actual.value : null],
    ] as const) {
      if (v?.greaterThan(100))
        out.push(
          diagnostic(
            'E-PERCENT-OVER-100',
            [...path, col === '指标值' ? 'target' : 'actual'],
            `${label}：${col}为${formatPlain(v)}%，比率类指标不能超过100%。`,
            { expected: '≤ 100%', actual: `${formatPlain(v)}%` },
          ),
        );
    }
  }
  const actual = parseValue(ind.actual);
  if (!ind.unit && f.target?.kind === 'number' && f.target.unit !== null && actual.kind === 'number' && actual.unit === null) {
    out.push(
      diagnostic(
        'E-REQUIRED',
        [...path, 'actual'],
        `${label}：实际完成值“${ind.actual}”缺少度量单位（指标值以“${f.target.unit}”计）；请写明单位或填写 unit。`,
        { expected: `${ind.actual}${f.target.unit}`, actual: ind.actual },
      ),
    );
  }
  if (f.met === false && isNoDeviationPhrase(ind.deviationReason, p)) {
    out.push(
      diagnostic(
        'E-DEVIATION-DENIED',
        [...path, 'deviationReason'],
        `${label}：实际完成值${ind.actual}未达到指标值${targetCell(ind, 'as-written')}，但偏差原因填写为“${ind.deviationReason ?? ''}”，请说明偏差原因及改进措施。`,
        { expected: '偏差原因及改进措施', actual: ind.deviationReason ?? '' },
      ),
    );
  }
  if (f.deviationText === '')
    out.push(
      diagnostic(
        'W-DEVIATION-UNEXPLAINED',
        [...path, 'deviationReason'],
        `${label}：未完成指标值（${ind.actual}/${targetCell(ind, 'as-written')}），未填写偏差原因分析及改进措施。`,
        { expected: '偏差原因分析及改进措施', actual: '' },
      ),
    );
  out.push(...overachieved(r, p));
  return out;
}

/** W-OVERACHIEVED: the actual passes the target by the profile's ratio in the favourable direction. */
function overachieved({ input: ind, f, path, label }: Row, p: Profile): Diagnostic[] {
  if (f.qualitative || f.target?.kind !== 'number' || !f.actual || !f.target.value.greaterThan(0) || isExplained(ind.deviationReason, p)) return [];
  const t = f.target.value;
  const a = f.actual.value;
  const down = f.nature === '≤' || f.nature === '<';
  const by = down ? t.minus(a).div(t) : a.minus(t).div(t);
  if (by.lessThan(p.overachievementRatio)) return [];
  return [
    diagnostic(
      'W-OVERACHIEVED',
      [...path, 'actual'],
      `${label}：实际完成值${ind.actual}超出指标值${targetCell(ind, 'as-written')}达${formatPercent(by)}，请说明是否指标值设定偏低。`,
      { expected: `偏离不超过${formatThreshold(p.overachievementRatio)}`, actual: formatPercent(by) },
    ),
  ];
}

/** E-DUP-INDICATOR and W-LEVEL2-UNKNOWN within one table. */
function tableChecks(rows: readonly Row[], table: string, p: Profile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const key = squash(r.input.name);
    const first = seen.get(key);
    if (first !== undefined)
      out.push(
        diagnostic('E-DUP-INDICATOR', [...r.path, 'name'], `${table}：指标“${r.input.name}”重复出现（第${first + 1}行、第${i + 1}行）。`, {
          actual: r.input.name,
        }),
      );
    else seen.set(key, i);
    const l1 = level1Of(r.input, p);
    const allowed = p.framework[l1];
    if (allowed && !allowed.includes(level2Of(r.input, p))) {
      out.push(
        diagnostic('W-LEVEL2-UNKNOWN', [...r.path, 'level2'], `${r.label}：二级指标“${r.input.level2}”不属于一级指标“${r.input.level1}”。`, {
          expected: allowed.join('、'),
          actual: r.input.level2,
        }),
      );
    }
  });
  return out;
}

/** W-TARGET-DIVERGENT: a department indicator and a project indicator (same name or same `link`) with different targets. */
function divergent(dept: readonly Row[], projects: readonly Row[][]): Diagnostic[] {
  const key = (r: Row) => r.input.link ?? squash(r.input.name);
  const value = (r: Row) =>
    r.f.target?.kind === 'number'
      ? `${r.f.nature ?? '='}${formatPlain(r.f.target.value)}${r.input.unit ?? r.f.target.unit ?? ''}`
      : squash(r.input.target ?? '');
  // Note: project rows indexed by key once, in table order; comparing every department row with every project row was
  // quadratic (a unit of 28,000 indicators took minutes to check, issue 10). Messages come out in the same order.
  const byKey = new Map<string, Row[]>();
  for (const r of projects.flat()) {
    if (!r.input.target) continue;
    const k = key(r);
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  const out: Diagnostic[] = [];
  for (const d of dept) {
    if (!d.input.target) continue;
    const mine = value(d);
    for (const r of byKey.get(key(d)) ?? []) {
      if (value(r) === mine) continue;
      out.push(
        diagnostic(
          'W-TARGET-DIVERGENT',
          [...d.path, 'target'],
          `指标“${d.input.name}”：${d.owner}为${targetCell(d.input, 'as-written')}，${r.owner}为${targetCell(r.input, 'as-written')}，请核对统一。`,
          { expected: targetCell(r.input, 'as-written'), actual: targetCell(d.input, 'as-written') },
        ),
      );
    }
  }
  return out;
}

const COST_WORDS = ['经费', '资金', '预算', '成本'];

/** W-COST-TOTAL-MISMATCH: a total-cost 成本指标 in 万元 whose target is not the budget or whose actual is not the spending. */
function costTotals(u: SichuanUnit, d: SichuanDerived, rows: readonly Row[][], p: Profile): Diagnostic[] {
  const out: Diagnostic[] = [];
  rows.forEach((table, i) => {
    const f = d.projects[i]!;
    for (const r of table) {
      const isCost = level1Of(r.input, p) === '成本指标' || r.input.level2.startsWith('成本');
      const unit = r.input.unit ?? (r.f.target?.kind === 'number' ? r.f.target.unit : null);
      if (!isCost || unit !== '万元' || !COST_WORDS.some((w) => r.input.name.includes(w))) continue;
      const who = `项目“${u.projects[i]!.name}”：成本指标“${r.input.name}”`;
      const t = r.f.target?.kind === 'number' ? r.f.target.value : null;
      if (t && !t.equals(f.adjustedBudget) && !t.equals(f.initialBudget)) {
        out.push(
          diagnostic(
            'W-COST-TOTAL-MISMATCH',
            [...r.path, 'target'],
            `${who}指标值为${formatPlain(t)}万元，与项目全年预算数${formatAmount(f.adjustedBudget)}万元、年初预算数${formatAmount(f.initialBudget)}万元均不一致。`,
            { expected: formatAmount(f.adjustedBudget), actual: formatPlain(t) },
          ),
        );
      }
      if (r.f.actual && r.f.actual.unit === '万元' && !r.f.actual.value.equals(f.rows.total.executed)) {
        out.push(
          diagnostic(
            'W-COST-TOTAL-MISMATCH',
            [...r.path, 'actual'],
            `${who}实际完成值为${formatPlain(r.f.actual.value)}万元，与项目全年执行数${formatAmount(f.rows.total.executed)}万元不一致。`,
            { expected: formatAmount(f.rows.total.executed), actual: formatPlain(r.f.actual.value) },
          ),
        );
      }
    }
  });
  return out;
}

/** Runs the indicator checks of every completion table. */
export function checkIndicators(u: SichuanUnit, d: SichuanDerived, p: Profile): Diagnostic[] {
  const dept: Row[] = u.dept.indicators.map((input, j) => ({
    input,
    f: d.dept.indicators[j]!,
    path: ['dept', 'indicators', j],
    owner: '部门整体',
    label: `部门整体支出绩效指标“${input.name}”`,
  }));
  const projects: Row[][] = u.projects.map((proj, i) =>
    proj.indicators.map((input, j) => ({
      input,
      f: d.projects[i]!.indicators[j]!,
      path: ['projects', i, 'indicators', j],
      owner: `项目“${proj.name}”`,
      label: `项目“${proj.name}”指标“${input.name}”`,
    })),
  );
  return [
    ...[dept, ...projects].flatMap((rows) => rows.flatMap((r) => rowChecks(r, p))),
    ...tableChecks(dept, '部门整体支出绩效目标完成情况表', p),
    ...projects.flatMap((rows, i) => tableChecks(rows, `项目“${u.projects[i]!.name}”绩效目标完成情况表`, p)),
    ...divergent(dept, projects),
    ...costTotals(u, d, projects, p),
  ];
}
