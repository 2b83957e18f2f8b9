/** 计分表的一行：取得各参数（绑定的派生数字或填报值）、按公式计算比率、按规则计分、人工调分。 */
import type { Decimal } from 'decimal.js';
import { Money, roundTo } from '../../../model/money.js';
import type { LineFigures, LineValue } from '../derived.js';
import type { RubricLine } from '../rubric.js';
import type { LineInput } from '../schema.js';
import type { AmountUnit } from '../../../model/unit-year.js';
import { isRateRule, ruleScore } from './rules.js';

/** What a line may draw on besides its own entries. */
export interface LineContext {
  /** Derived figures the rubric's inputs bind to with `from` (budget, executed, carryover …), in 万元. */
  readonly bindings: Readonly<Record<string, Decimal>>;
  /** Mean 满意度 of the completion table, for `source: satisfaction`. */
  readonly satisfaction: Decimal | null;
  readonly amountUnit: AmountUnit;
}

interface RateResult {
  readonly rate: Decimal | null;
  readonly entered: boolean;
  readonly difference: Decimal | null;
  readonly undefinedBase: boolean;
  readonly missing: string[];
}

/** The line's input values: bound ones from the context, entered ones converted to 万元 when the file is in 元. */
function lineValues(line: RubricLine, input: LineInput | undefined, ctx: LineContext): LineValue[] {
  return line.inputs.map((i) => {
    const base = { key: i.key, label: i.label, unit: i.unit };
    if (i.from !== undefined) return { ...base, value: ctx.bindings[i.from] ?? null, bound: true };
    const typed = input?.values?.[i.key];
    const value = typed === undefined ? null : i.kind === 'amount' && ctx.amountUnit === '元' ? typed.div(10000) : typed;
    return { ...base, value, bound: false };
  });
}

/** The rate of a formula a ÷ b, (a − b) ÷ b or (a − b) ÷ a; its base may be zero. */
function formulaRate(formula: 'ratio' | 'change' | 'saving', a: Decimal, b: Decimal): { rate: Decimal | null; difference: Decimal | null } {
  const base = formula === 'saving' ? a : b;
  const top = formula === 'ratio' ? a : a.minus(b);
  return { rate: base.isZero() ? null : top.div(base), difference: formula === 'ratio' ? null : a.minus(b) };
}

/** The rate a rate rule scores: from the completion table, the formula, or as entered. */
function lineRate(line: RubricLine, input: LineInput | undefined, values: readonly LineValue[], ctx: LineContext): RateResult {
  const none = { rate: null, entered: false, difference: null, undefinedBase: false };
  if (line.source === 'satisfaction') {
    return ctx.satisfaction ? { ...none, rate: ctx.satisfaction, missing: [] } : { ...none, missing: ['satisfaction'] };
  }
  if (line.rate) {
    const [a, b] = line.rate.of.map((k) => values.find((v) => v.key === k)?.value ?? null);
    if (a && b) {
      const r = formulaRate(line.rate.formula, a, b);
      return { ...none, ...r, undefinedBase: r.rate === null, missing: [] };
    }
    if (input?.ratio) return { ...none, rate: input.ratio, entered: true, missing: [] };
    return { ...none, missing: values.filter((v) => v.value === null).map((v) => v.key) };
  }
  if (!isRateRule(line.rule)) return { ...none, missing: [] };
  return input?.ratio ? { ...none, rate: input.ratio, entered: true, missing: [] } : { ...none, missing: ['ratio'] };
}

/** Answers a non-rate rule needs but the entry lacks. */
function missingAnswers(line: RubricLine, input: LineInput | undefined): string[] {
  const t = line.rule.type;
  if (t === 'checklist' && !input?.answers) return ['answers'];
  if (t === 'quarters' && !input?.quarters) return ['quarters'];
  if (t === 'degree' && !input?.degree) return ['degree'];
  return [];
}

/** Scores one 三级 line (DOMAIN.md §5.8). */
export function scoreLine(line: RubricLine, level1: string, level2: string, input: LineInput | undefined, ctx: LineContext): LineFigures {
  const w = line.points;
  const values = lineValues(line, input, ctx);
  const r = lineRate(line, input, values, ctx);
  // Note: the rule scores the rate as printed (2 decimals of a percentage), so a reader can redo the sum.
  const shown = r.rate && roundTo(r.rate, 4);
  let ruleResult: Decimal | null;
  if (r.undefinedBase) {
    const when = line.rule.whenUndefined;
    ruleResult = when === 'full' ? w : when === 'zero' ? new Money(0) : null;
  } else {
    ruleResult = ruleScore(line.rule, w, { rate: shown, degree: input?.degree ?? null, items: input?.answers ?? null, quarters: input?.quarters ?? null });
  }
  const override = input?.scoreOverride;
  return {
    line,
    level1,
    level2,
    values,
    rate: shown,
    rateEntered: r.entered,
    difference: r.difference,
    undefinedBase: r.undefinedBase,
    missing: [...r.missing, ...missingAnswers(line, input)],
    score: override ? override.value : ruleResult,
    ruleScore: ruleResult,
    overrideReason: override ? override.reason : null,
  };
}
