/** 指标值检查（DOMAIN.md §7.1）：指标性质、数值、区间、单位、小数形式比率、模糊表述、必填的度量单位与分值。 */
import { formatPlain } from '../model/money.js';
import type { Derived, ParsedValue } from '../model/derived.js';
import type { Profile } from '../model/profile.js';
import type { UnitYear } from '../model/unit-year.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { parseNature } from '../derive/indicator-value.js';
import { effectiveUnit, hasNumericTarget, indicatorTables, isQualitative, isRateLikeName, squash, type IndicatorRow } from './common.js';

const COMPARATOR_CHARS = /[≥≤<>=＜＞＝≧≦]/;
const FUZZY = /大?约\s*[\d０-９]|左右|力争|争取/;
const FUZZY_WORD = /大约|约|左右|力争|争取/;

/** Runs the §7.1 value checks over the department and project indicator tables. */
export function checkValues(u: UnitYear, d: Derived, profile: Profile): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const table of indicatorTables(u, d)) {
    for (const row of table.rows) {
      out.push(...natureAndNumbers(row), ...units(row), ...fractions(row, profile), ...fuzzyTarget(row));
      if (table.kind === 'project' && row.input.weight === undefined && !row.input.subRow) {
        out.push(
          diagnostic('E-REQUIRED', [...row.path, 'weight'], `${row.label}：缺少必填项“分值”（不计分的“其中”行请写 subRow: true）。`, {
            expected: '分值（weight）',
          }),
        );
      }
      if (row.input.subRow && (row.input.weight !== undefined || row.input.score !== undefined)) {
        const key = row.input.weight !== undefined ? 'weight' : 'score';
        out.push(
          diagnostic('E-SCHEMA', [...row.path, key], `${row.label}：“其中”行（subRow: true）不计分，不应填写${key === 'weight' ? '分值' : '得分'}。`, {
            expected: '不填写',
            actual: key,
          }),
        );
      }
    }
  }
  return out;
}

/** W-FUZZY-TARGET: 约, 左右, 力争 … in the target. */
export function fuzzyTarget(row: IndicatorRow): Diagnostic[] {
  if (!FUZZY.test(row.input.target)) return [];
  return [
    diagnostic('W-FUZZY-TARGET', [...row.path, 'target'], `${row.label}：指标值“${row.input.target}”含模糊表述，无法客观判断是否完成。`, {
      expected: '确定的数值或表述',
      actual: FUZZY_WORD.exec(row.input.target)?.[0] ?? row.input.target,
    }),
  ];
}

/** E-NATURE-MISSING, E-RANGE-WITH-SYMBOL, E-VALUE-NOT-NUMERIC, E-ACTUAL-HAS-SYMBOL. */
export function natureAndNumbers({ input: ind, figures: f, path, label }: IndicatorRow): Diagnostic[] {
  const out: Diagnostic[] = [];
  const typed = parseNature(ind.nature);
  const comparator = typed && typed !== '定性' ? typed : f.target.kind !== 'text' ? f.target.comparator : null;
  const actualHasSymbol = f.actual.kind === 'range' || (f.actual.kind === 'number' && f.actual.comparator !== null) || COMPARATOR_CHARS.test(ind.actual);
  if ((ind.nature ?? '').trim() === '' && f.nature === null && f.target.kind !== 'text') {
    out.push(
      diagnostic('E-NATURE-MISSING', [...path, 'nature'], `${label}：未填写指标性质（≥、≤、=、>、< 或 定性）。`, { expected: '≥ ≤ = > < 定性', actual: '' }),
    );
  }
  if (f.target.kind === 'range' && comparator) {
    out.push(
      diagnostic(
        'E-RANGE-WITH-SYMBOL',
        [...path, 'target'],
        `${label}：指标值“${ind.target}”为区间，不能与“${comparator}”同时使用；请改为单一数值或拆分为两个指标。`,
        { expected: '单一数值', actual: `${comparator} ${ind.target}` },
      ),
    );
  }
  if (actualHasSymbol) {
    out.push(
      diagnostic('E-ACTUAL-HAS-SYMBOL', [...path, 'actual'], `${label}：实际完成值“${ind.actual}”应为实际达到的单一数值，不能含比较符号或区间。`, {
        expected: '单一数值',
        actual: ind.actual,
      }),
    );
  }
  if (comparator && typed !== '定性') {
    const notNumber = (v: ParsedValue) => v.kind === 'text';
    if (notNumber(f.target)) out.push(notNumeric(path, label, comparator, '指标值', 'target', ind.target));
    if (notNumber(f.actual) && !actualHasSymbol) out.push(notNumeric(path, label, comparator, '实际完成值', 'actual', ind.actual));
  }
  return out;
}

function notNumeric(path: readonly PropertyKey[], label: string, nature: string, column: string, key: string, value: string): Diagnostic {
  return diagnostic('E-VALUE-NOT-NUMERIC', [...path, key], `${label}：指标性质为“${nature}”，但${column}“${value}”不是数值。`, {
    expected: '数值',
    actual: value,
  });
}

/** W-UNIT-IN-VALUE for a unit typed inside the value; E-REQUIRED when a 定量 indicator has no 度量单位 at all. */
function units({ input: ind, figures: f, path, label }: IndicatorRow): Diagnostic[] {
  const out: Diagnostic[] = [];
  const typedUnit = (ind.unit ?? '').trim();
  const unit = effectiveUnit(ind, f);
  for (const [key, v, raw] of [
    ['target', f.target, ind.target],
    ['actual', f.actual, ind.actual],
  ] as const) {
    if (v.kind === 'text' || v.unit === null) continue;
    const differs = typedUnit !== '' && squash(v.unit) !== squash(typedUnit);
    out.push(
      diagnostic('W-UNIT-IN-VALUE', [...path, key], `${label}：“${raw}”中含有单位，已按度量单位“${unit ?? v.unit}”处理。`, {
        expected: differs ? `单位与度量单位“${typedUnit}”一致的纯数值` : '不含单位的数值',
        actual: raw,
      }),
    );
  }
  if (hasNumericTarget(f) && !isQualitative(f) && unit === null) {
    out.push(diagnostic('E-REQUIRED', [...path, 'unit'], `${label}：缺少必填项“度量单位”。`, { expected: '度量单位（unit）' }));
  }
  return out;
}

/** W-FRACTION-PERCENT: a rate typed as a fraction (1 meaning 100%). Reverse natures (≤, <) legitimately use small percentages. */
export function fractions({ input: ind, figures: f, path, label }: IndicatorRow, p: Profile): Diagnostic[] {
  if (!isRateLikeName(ind.name, p) || f.nature === '≤' || f.nature === '<' || f.nature === '定性') return [];
  const unit = effectiveUnit(ind, f);
  if (unit !== null && unit !== '%' && unit !== '％') return [];
  const out: Diagnostic[] = [];
  for (const [key, v, raw] of [
    ['target', f.target, ind.target],
    ['actual', f.actual, ind.actual],
  ] as const) {
    if (v.kind !== 'number' || !v.value.greaterThan(0) || v.value.greaterThan(1)) continue;
    out.push(
      diagnostic('W-FRACTION-PERCENT', [...path, key], `${label}：数值“${raw}”疑为小数形式的比率，请以百分数填写（如 100%）。`, {
        expected: `${formatPlain(v.value.times(100))}%`,
        actual: raw,
      }),
    );
  }
  return out;
}
