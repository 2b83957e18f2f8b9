/** 甘肃自评表的指标：表上没有“指标性质”列，不带比较符的数值指标值按格式设置取性质；可按年度目标值计分。 */
import type { IndicatorInput } from '../../../model/unit-year.js';
import type { GansuIndicatorInput } from '../schema.js';
import type { GansuSettings } from '../settings.js';
import { parseNature, parseValue } from '../../../derive/indicator-value.js';

/**
 * The indicator as the common scoring sees it: the target it is scored against (指标值 or 年度目标值) and,
 * for a bare number target ("100%", "1"), the profile's nature.
 * Note: the G2 form has no 指标性质 column, so a bare number is not E-NATURE-MISSING here.
 */
export function scoredIndicator(ind: GansuIndicatorInput, s: GansuSettings): IndicatorInput {
  const target = s.scoreAgainst === 'yearTarget' && ind.yearTarget !== undefined && ind.yearTarget !== '' ? ind.yearTarget : ind.target;
  const parsed = parseValue(target);
  const bare = !parseNature(ind.nature) && parsed.kind === 'number' && parsed.comparator === null;
  return { ...ind, target, ...(bare ? { nature: s.bareTargetNature } : {}) };
}

/** 年度目标值 as printed: the typed one, else the 指标值. */
export const yearTarget = (ind: GansuIndicatorInput): string => (ind.yearTarget !== undefined && ind.yearTarget !== '' ? ind.yearTarget : ind.target);
