/** 检查阶段的共用部分：指标表的遍历、对象称谓、文本归一、单位与指标层级的判断。 */
import type { Decimal } from 'decimal.js';
import { Money, formatPlain } from '../model/money.js';
import type { Derived, IndicatorFigures, ParsedValue } from '../model/derived.js';
import type { Profile } from '../model/profile.js';
import type { IndicatorInput, UnitYear } from '../model/unit-year.js';
import { isPercentUnit } from '../derive/indicator-value.js';

/** One 绩效指标 row with its derived figures and where it sits in the input. */
export interface IndicatorRow {
  readonly input: IndicatorInput;
  readonly figures: IndicatorFigures;
  /** Data path of the row, e.g. ['projects', 2, 'indicators', 0]. */
  readonly path: readonly PropertyKey[];
  /** Index within its table (0-based). */
  readonly index: number;
  /** How a message names the indicator: 项目“…”指标“…” or 部门整体支出绩效指标“…”. */
  readonly label: string;
}

/** An indicator block: the department table (unscored) or one project table (scored). */
export interface IndicatorTable {
  readonly kind: 'dept' | 'project';
  /** Index into u.projects; null for the department table. */
  readonly projectIndex: number | null;
  /** How a message names the table. */
  readonly label: string;
  readonly rows: readonly IndicatorRow[];
}

/** The department table first, then each project table, in input order. */
export function indicatorTables(u: UnitYear, d: Derived): IndicatorTable[] {
  const dept: IndicatorTable = {
    kind: 'dept',
    projectIndex: null,
    label: '部门整体支出绩效自评表',
    rows: u.dept.indicators.map((input, j) => ({
      input,
      figures: d.dept.indicators[j]!,
      path: ['dept', 'indicators', j],
      index: j,
      label: `部门整体支出绩效指标“${input.name}”`,
    })),
  };
  const projects = u.projects.map(
    (p, i): IndicatorTable => ({
      kind: 'project',
      projectIndex: i,
      label: `项目支出绩效自评表“${p.name}”`,
      rows: p.indicators.map((input, j) => ({
        input,
        figures: d.projects[i]!.indicators[j]!,
        path: ['projects', i, 'indicators', j],
        index: j,
        label: `项目“${p.name}”指标“${input.name}”`,
      })),
    }),
  );
  return [dept, ...projects];
}

/** Every indicator row of every table. */
export const allRows = (u: UnitYear, d: Derived): IndicatorRow[] => indicatorTables(u, d).flatMap((t) => t.rows);

/** Text without white space, for "identical after normalisation" comparisons. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/** Whether a typed text is one of the profile's no-deviation phrases (无偏差, 无, 正常 …). */
export function isNoDeviationPhrase(text: string | undefined, p: Profile): boolean {
  if (text === undefined) return false;
  const t = squash(text).replace(/[。.；;！!]+$/, '');
  return t !== '' && p.noDeviationPhrases.some((x) => squash(x) === t);
}

/** A reason that actually explains something: not empty and not a no-deviation phrase. */
export const isExplained = (text: string | undefined, p: Profile): boolean => squash(text ?? '') !== '' && !isNoDeviationPhrase(text, p);

/** Whether the row is scored like a 定性 indicator (the same test derive uses). */
export const isQualitative = (f: IndicatorFigures): boolean => f.nature === '定性' || (f.target.kind === 'text' && f.actual.kind === 'text');

/** Whether the target is a number or a range, i.e. the indicator is 定量. */
export const hasNumericTarget = (f: IndicatorFigures): boolean => f.nature !== '定性' && f.target.kind !== 'text';

/** 度量单位 as the row uses it: the typed unit, else the one carried by the target or actual. */
export function effectiveUnit(ind: IndicatorInput, f: IndicatorFigures): string | null {
  const typed = (ind.unit ?? '').trim();
  if (typed !== '') return typed;
  for (const v of [f.target, f.actual]) if (v.kind !== 'text' && v.unit !== null) return v.unit;
  return null;
}

/** Whether the row is measured in percent. */
export const isPercentRow = (ind: IndicatorInput, f: IndicatorFigures): boolean => isPercentUnit(effectiveUnit(ind, f));

/** Whether the name marks a rate (率, 满意度, 覆盖 … from the profile). */
export const isRateLikeName = (name: string, p: Profile): boolean => p.rateLikeKeywords.some((k) => name.includes(k));

/** 一级指标 after the profile's aliases (完成指标 → 产出指标). */
export const canonicalLevel1 = (name: string, p: Profile): string => p.level1Aliases[name] ?? name;
/** 二级指标 after the profile's aliases (服务对象满意度指标等 → 服务对象满意度指标). */
export const canonicalLevel2 = (name: string, p: Profile): string => p.level2Aliases[name] ?? name;

/** The number of a parsed single value, if it is one. */
export const numberOf = (v: ParsedValue): Decimal | null => (v.kind === 'number' ? v.value : null);

/** A threshold fraction as the shortest percentage: 0.9 → "90%". */
export const formatThreshold = (fraction: number): string => `${formatPlain(new Money(fraction).times(100))}%`;

/** A target as printed with its nature: "≥95", or the text when it already carries a comparator. */
export function targetText(ind: IndicatorInput, f: IndicatorFigures): string {
  const t = ind.target.trim();
  if (f.target.kind !== 'text' && f.target.comparator) return t;
  return f.nature && f.nature !== '定性' ? `${f.nature}${t}` : t;
}
