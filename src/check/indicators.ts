/** 指标检查（DOMAIN.md §7.6）：比率超100%、单位与内容、二级指标归类、重复、部门与项目指标不一致、成本指标与预算。 */
import type { Decimal } from 'decimal.js';
import { formatAmount } from '../model/money.js';
import type { Derived, ParsedValue } from '../model/derived.js';
import type { Profile } from '../model/profile.js';
import type { UnitYear } from '../model/unit-year.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { isPercentUnit } from '../derive/indicator-value.js';
import {
  canonicalLevel1,
  canonicalLevel2,
  effectiveUnit,
  hasNumericTarget,
  indicatorTables,
  isPercentRow,
  isQualitative,
  isRateLikeName,
  squash,
  targetText,
  type IndicatorRow,
  type IndicatorTable,
} from './common.js';

/**
 * Keyword table of W-LEVEL2-MISFIT (DOMAIN.md §7.6 #54): a name with one of `keywords` filed under one of `under`
 * (null: under any 二级 but `suggest`) probably belongs to `suggest`. First matching entry wins.
 * Note: 会议 / 圆满完成 under 经济效益 cover seed 000 (区人大三届三次会议圆满完成), which the spec's list misses.
 */
export const LEVEL2_MISFIT_KEYWORDS = [
  { keywords: ['满意度'], under: null, suggest: '服务对象满意度指标' },
  { keywords: ['正确率', '合规率', '达标率', '合格率', '准确率'], under: ['数量指标', '成本指标'], suggest: '质量指标' },
  { keywords: ['时间', '时限', '及时', '按时'], under: ['数量指标', '经济效益指标'], suggest: '时效指标' },
  { keywords: ['知晓率', '培训效果'], under: ['经济效益指标'], suggest: '社会效益指标' },
  { keywords: ['会议', '圆满完成'], under: ['经济效益指标'], suggest: '社会效益指标' },
] as const satisfies readonly { keywords: readonly string[]; under: readonly string[] | null; suggest: string }[];

/** A count-like name (…次, 户数, 人次 …) that should not be measured in %. */
const COUNT_NAME = /户数|人次|数量|个数|场次|次数|人数|件数|篇数|\d\s*(次|篇|件|场|个|户|人)|(次|篇|件)$/;
const TIME_UNIT = /^个?(工作日|自然日|天|日|小时|时|分钟|分|秒|周|星期|月|年|季度|季)(内|前|以内)?$/;
const COST_NAME = /经费|资金|预算|成本/;
const trimName = (name: string): string => squash(name).replace(/[。．.；;，,、！!]+$/, '');

/** Runs the §7.6 checks. */
export function checkIndicators(u: UnitYear, d: Derived, profile: Profile): Diagnostic[] {
  const tables = indicatorTables(u, d);
  const out: Diagnostic[] = [];
  for (const table of tables) {
    for (const row of table.rows) out.push(...percentOver100(row, profile), ...unitCategory(row, profile), ...level2(row, profile));
    out.push(...duplicates(table));
    if (table.projectIndex !== null) out.push(...costTotals(table, u, d, profile));
  }
  out.push(...divergent(tables));
  return out;
}

/** E-PERCENT-OVER-100: a rate-like indicator (name keyword and unit %) above 100. */
export function percentOver100({ input: ind, figures: f, path, label }: IndicatorRow, p: Profile): Diagnostic[] {
  if (!isRateLikeName(ind.name, p) || !isPercentRow(ind, f)) return [];
  const out: Diagnostic[] = [];
  for (const [key, column, v] of [
    ['target', '指标值', f.target],
    ['actual', '实际完成值', f.actual],
  ] as const) {
    const high = v.kind === 'number' ? v.value : v.kind === 'range' ? v.high : null;
    if (high === null || !high.greaterThan(100)) continue;
    out.push(
      diagnostic('E-PERCENT-OVER-100', [...path, key], `${label}：${column}为${high.toFixed()}%，比率类指标不能超过100%。`, {
        expected: '≤ 100%',
        actual: `${high.toFixed()}%`,
      }),
    );
  }
  return out;
}

/** W-UNIT-CATEGORY: the 度量单位 does not fit the name or the 二级指标. */
export function unitCategory({ input: ind, figures: f, path, label }: IndicatorRow, p: Profile): Diagnostic[] {
  const unit = effectiveUnit(ind, f);
  if (unit === null || isQualitative(f) || !hasNumericTarget(f)) return [];
  const l2 = canonicalLevel2(ind.level2, p);
  const percent = isPercentUnit(unit);
  const reason =
    percent && COUNT_NAME.test(trimName(ind.name).replace(/等$/, '')) && !isRateLikeName(ind.name, p)
      ? '计数类指标不应以百分比计量'
      : ind.name.includes('满意度') && !percent
        ? '满意度应以百分比计量'
        : (l2 === '成本指标' || canonicalLevel1(ind.level1, p) === '成本指标') && !unit.includes('元')
          ? '成本指标应使用元、万元、元/人等货币或单价单位'
          : l2 === '时效指标' && !percent && !TIME_UNIT.test(unit)
            ? '时效指标应使用时间单位'
            : null;
  if (reason === null) return [];
  return [diagnostic('W-UNIT-CATEGORY', [...path, 'unit'], `${label}：度量单位“${unit}”与指标内容不符（${reason}）。`, { expected: reason, actual: unit })];
}

/** W-LEVEL2-UNKNOWN (framework) and W-LEVEL2-MISFIT (keyword table). */
export function level2({ input: ind, path, label }: IndicatorRow, p: Profile): Diagnostic[] {
  const l1 = canonicalLevel1(ind.level1, p);
  const l2 = canonicalLevel2(ind.level2, p);
  const out: Diagnostic[] = [];
  if (!(p.framework[l1] ?? []).includes(l2)) {
    const allowed = p.framework[l1];
    out.push(
      diagnostic('W-LEVEL2-UNKNOWN', [...path, allowed ? 'level2' : 'level1'], `${label}：二级指标“${ind.level2}”不属于一级指标“${ind.level1}”。`, {
        expected: allowed ? allowed.join('、') : Object.keys(p.framework).join('、'),
        actual: `${ind.level1} / ${ind.level2}`,
      }),
    );
  }
  const rule = LEVEL2_MISFIT_KEYWORDS.find(
    (r) => r.keywords.some((k) => ind.name.includes(k)) && l2 !== r.suggest && (r.under === null || (r.under as readonly string[]).includes(l2)),
  );
  if (rule) {
    out.push(
      diagnostic('W-LEVEL2-MISFIT', [...path, 'level2'], `${label}：归入“${ind.level2}”可能不当，建议归入“${rule.suggest}”。`, {
        expected: rule.suggest,
        actual: ind.level2,
      }),
    );
  }
  return out;
}

/** E-DUP-INDICATOR: the same normalised 三级指标 twice in one table; reported at the later row. */
export function duplicates(table: IndicatorTable): Diagnostic[] {
  const first = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const row of table.rows) {
    const key = trimName(row.input.name);
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, row.index);
      continue;
    }
    out.push(
      diagnostic('E-DUP-INDICATOR', [...row.path, 'name'], `${table.label}：指标“${row.input.name}”重复出现（第${seen + 1}行、第${row.index + 1}行）。`, {
        expected: '每个三级指标只出现一次',
        actual: `第${seen + 1}行、第${row.index + 1}行`,
      }),
    );
  }
  return out;
}

/** Comparable form of a value: nature, number(s) and unit, or the squashed text. */
export function valueKey(v: ParsedValue, nature: string | null, unit: string | null): string {
  if (v.kind === 'number') return `${nature ?? ''}|${v.value.toString()}|${unit ?? ''}`;
  if (v.kind === 'range') return `${nature ?? ''}|${v.low.toString()}-${v.high.toString()}|${unit ?? ''}`;
  return `text|${squash(v.text)}`;
}

/** A value as a reader would quote it, with its unit. */
const shown = (raw: string, v: ParsedValue, unit: string | null): string => (v.kind !== 'text' && v.unit === null && unit !== null ? `${raw}${unit}` : raw);

/** W-TARGET-DIVERGENT: the same indicator name in the department table and a project table with other targets or actuals. */
function divergent(tables: readonly IndicatorTable[]): Diagnostic[] {
  const [dept, ...projects] = tables;
  if (!dept) return [];
  const deptRows = new Map<string, IndicatorRow>();
  for (const r of dept.rows) if (!deptRows.has(trimName(r.input.name))) deptRows.set(trimName(r.input.name), r);
  const out: Diagnostic[] = [];
  for (const table of projects) {
    for (const row of table.rows) {
      const other = deptRows.get(trimName(row.input.name));
      if (!other) continue;
      const ua = effectiveUnit(other.input, other.figures);
      const ub = effectiveUnit(row.input, row.figures);
      const columns = [
        {
          key: 'target',
          column: '指标值',
          value: (r: IndicatorRow) => r.figures.target,
          text: (r: IndicatorRow) => targetText(r.input, r.figures),
          nature: true,
        },
        { key: 'actual', column: '实际完成值', value: (r: IndicatorRow) => r.figures.actual, text: (r: IndicatorRow) => r.input.actual, nature: false },
      ] as const;
      for (const { key, column, value, text, nature } of columns) {
        const a = valueKey(value(other), nature ? other.figures.nature : null, ua);
        const b = valueKey(value(row), nature ? row.figures.nature : null, ub);
        if (a === b) continue;
        const v1 = shown(text(other), value(other), ua);
        const v2 = shown(text(row), value(row), ub);
        const where = table.label.replace('项目支出绩效自评表', '项目');
        out.push(
          diagnostic(
            'W-TARGET-DIVERGENT',
            [...row.path, key],
            `指标“${row.input.name}”：部门整体支出绩效自评表的${column}为${v1}，${where}的${column}为${v2}，请核对统一。`,
            { expected: v1, actual: v2 },
          ),
        );
      }
    }
  }
  return out;
}

/** W-COST-TOTAL-MISMATCH: a total-cost 成本指标 in 万元 that matches neither budget, or whose actual ≠ 全年执行数. */
function costTotals(table: IndicatorTable, u: UnitYear, d: Derived, p: Profile): Diagnostic[] {
  const i = table.projectIndex!;
  const total = d.projects[i]!.total;
  const name = u.projects[i]!.name;
  const out: Diagnostic[] = [];
  for (const { input: ind, figures: f, path } of table.rows) {
    const isCost = canonicalLevel2(ind.level2, p) === '成本指标' || canonicalLevel1(ind.level1, p) === '成本指标';
    if (!isCost || effectiveUnit(ind, f) !== '万元' || !COST_NAME.test(ind.name)) continue;
    const report = (key: string, column: string, value: Decimal, what: string, should: Decimal) =>
      out.push(
        diagnostic(
          'W-COST-TOTAL-MISMATCH',
          [...path, key],
          `项目“${name}”：成本指标“${ind.name}”${column}为${formatAmount(value)}万元，与项目${what}${formatAmount(should)}万元不一致。`,
          { expected: formatAmount(should), actual: formatAmount(value) },
        ),
      );
    if (
      f.target.kind === 'number' &&
      !f.target.value.equals(total.adjustedBudget) &&
      (total.initialBudget === null || !f.target.value.equals(total.initialBudget))
    ) {
      report('target', '指标值', f.target.value, '全年预算数', total.adjustedBudget);
    }
    if (f.actual.kind === 'number' && !f.actual.value.equals(total.executed)) report('actual', '实际完成值', f.actual.value, '全年执行数', total.executed);
  }
  return out;
}
