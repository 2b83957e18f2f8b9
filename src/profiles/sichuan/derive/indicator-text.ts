/** 完成情况表指标文字：“预算指标值”由名称、性质、指标值、单位组成，“执行结果”补上单位（DOMAIN.md §3.2）。 */
import type { CompletionIndicatorInput } from '../schema.js';
import type { SichuanSettings } from '../settings.js';
import { parseNature, parseValue } from '../../../derive/indicator-value.js';

const ASCII = { '≥': '>=', '≤': '<=', '>': '>', '<': '<', '=': '=', 定性: '定性' } as const;

/** 指标性质 as printed: as typed, or normalised to >= / ≥ as the profile says. */
function natureText(typed: string | undefined, style: SichuanSettings['natureStyle']): string {
  if (!typed) return '';
  const n = parseNature(typed);
  if (style === 'as-written' || !n) return typed.trim();
  return style === 'ascii' ? ASCII[n] : n;
}

/**
 * 预算指标值(包含数字及文字描述): `完成监督计划>=5个`, `拟组织代表人数369人`, `完成时限2023年12月31日前`;
 * a verbal target without 性质 reads `监督结果有效性：有效`; a name alone stands for itself (`会议召开及时性`).
 */
export function targetCell(ind: CompletionIndicatorInput, style: SichuanSettings['natureStyle']): string {
  const nature = natureText(ind.nature, style);
  const target = ind.target ?? '';
  if (target === '') return nature ? `${ind.name}：${nature}` : ind.name;
  if (nature === '' && !/\d/.test(target)) return `${ind.name}：${target}`;
  return `${ind.name}${nature}${target}${ind.unit ?? ''}`;
}

/** 预算指标值执行结果: the actual as written, with the 度量单位 added to a bare number ("8" → "8天"). */
export function actualCell(ind: CompletionIndicatorInput): string {
  const v = parseValue(ind.actual);
  return ind.unit && v.kind === 'number' && v.unit === null && v.comparator === null ? `${ind.actual}${ind.unit}` : ind.actual;
}
