/** 完成情况表的绩效指标：解析指标值、从执行结果文字中取出数值、判断是否完成，并求满意度均值。 */
import { Money, sum } from '../../../model/money.js';
import type { Profile } from '../../../model/profile.js';
import type { CompletionIndicatorFigures, Quantity } from '../derived.js';
import type { CompletionIndicatorInput } from '../schema.js';
import { parseNature, parseValue } from '../../../derive/indicator-value.js';
import { meets } from '../../../derive/scoring.js';

/** Units recognised after a number inside a sentence, longest first. */
const UNITS = [
  '元/人',
  '元/天',
  '万元',
  '亿元',
  '人次',
  '组次',
  '%',
  '％',
  '元',
  '人',
  '个',
  '次',
  '部',
  '天',
  '份',
  '本',
  '种',
  '件',
  '名',
  '节',
  '场',
  '篇',
  '项',
  '组',
];
const NUMBER_IN_TEXT = /(\d+(?:\.\d+)?)/g;

/**
 * The one number an actual states, with its unit: "开展立法调研4部" → 4 部 (the name is stripped first),
 * "95%" → 95 %. Null when the text states no number or several ("人民权力报397份、民主法制建设402份").
 */
export function quantityIn(text: string, name: string): Quantity | null {
  const t = text.trim();
  const rest = t.startsWith(name) ? t.slice(name.length).trim() : t;
  const parsed = parseValue(rest);
  if (parsed.kind === 'number' && parsed.comparator === null) return { value: parsed.value, unit: parsed.unit };
  const found = [...rest.matchAll(NUMBER_IN_TEXT)];
  if (found.length !== 1) return null;
  const m = found[0]!;
  const after = rest.slice((m.index ?? 0) + m[0].length);
  const unit = UNITS.find((u) => after.startsWith(u)) ?? null;
  return { value: new Money(m[1]!), unit: unit === '％' ? '%' : unit };
}

/** Derives one indicator row of a completion table. */
export function completionIndicator(ind: CompletionIndicatorInput, p: Profile): CompletionIndicatorFigures {
  const target = ind.target !== undefined && ind.target !== '' ? parseValue(ind.target) : null;
  const nature = parseNature(ind.nature) ?? (target && target.kind !== 'text' ? target.comparator : null);
  const qualitative = nature === '定性' || target === null || target.kind !== 'number';
  const actual = quantityIn(ind.actual, ind.name);
  let met: boolean | null = null;
  if (!qualitative && target?.kind === 'number' && actual) {
    // Note: a number written without 指标性质 ("拟组织代表人数369人") is read as "=", which scores like "≥" (DOMAIN.md §5.3).
    met = meets(nature ?? '=', target.value, actual.value);
  } else if (qualitative && target !== null && squash(target.text) === squash(ind.actual)) {
    met = true;
  }
  const deviationText = ind.deviationReason ?? (met === false ? '' : p.noDeviationText);
  return { nature, target, qualitative, actual, met, deviationText };
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** 一级指标 after the profile's aliases (项目完成 → 产出指标). */
export const level1Of = (ind: CompletionIndicatorInput, p: Profile): string => p.level1Aliases[ind.level1] ?? ind.level1;
/** 二级指标 after the profile's aliases (满意度指标 → 服务对象满意度指标). */
export const level2Of = (ind: CompletionIndicatorInput, p: Profile): string => p.level2Aliases[ind.level2] ?? ind.level2;

/**
 * 满意率: the mean of the percentages the 满意度指标 rows report ((85% + 85%) ÷ 2), as a fraction;
 * null when none reports one.
 */
export function satisfactionRate(inds: readonly CompletionIndicatorInput[], figures: readonly CompletionIndicatorFigures[], p: Profile): Money | null {
  const rates = inds.flatMap((ind, i) => {
    const q = figures[i]?.actual;
    return level1Of(ind, p) === '满意度指标' && q && q.unit === '%' ? [q.value] : [];
  });
  return rates.length === 0 ? null : sum(rates).div(rates.length).div(100);
}
