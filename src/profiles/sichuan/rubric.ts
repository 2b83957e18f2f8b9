/** 四川计分表细则：评分规则作为数据（templates/sichuan/rubric-*.yaml）的模式与类型（DOMAIN.md §5.8）。 */
import * as z from 'zod';
import type { Decimal } from 'decimal.js';
import { Money } from '../../model/money.js';

/** A non-negative number of the rubric file, exact. */
const Num = z
  .number({ error: '应为数字' })
  .nonnegative({ error: '不能为负数' })
  .transform((n): Decimal => new Money(String(n)));
const Positive = z
  .number({ error: '应为数字' })
  .positive({ error: '应大于0' })
  .transform((n): Decimal => new Money(String(n)));

/** What a line scores when its rate is undefined (zero base): full points, zero, or nothing (the unit must override). */
export const WHEN_UNDEFINED = ['full', 'zero', 'na'] as const;
const common = { whenUndefined: z.enum(WHEN_UNDEFINED).default('na') };

/** One ①②③ item of a checklist line. */
const ChecklistItem = z.strictObject({ text: z.string().min(1), points: Num });

/** The rule types of DOMAIN.md §5.8, each with its parameters. `threshold` and `step` are in percentage points. */
export const RuleSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('checklist'), items: z.array(ChecklistItem).min(1), ...common }),
    z.strictObject({ type: z.literal('proportional'), cap: Num.default(() => new Money(1)), ...common }),
    z.strictObject({ type: z.literal('degree'), ...common }),
    z.strictObject({ type: z.literal('ratio-cap'), limit: Num, ...common }),
    z.strictObject({ type: z.literal('decrease-full'), ...common }),
    z.strictObject({ type: z.literal('saving'), ...common }),
    z.strictObject({ type: z.literal('inverse'), ...common }),
    z.strictObject({
      type: z.literal('threshold-step'),
      threshold: Num,
      direction: z.enum(['above', 'below']),
      step: Positive,
      deduct: Num,
      mode: z.enum(['continuous', 'ceil', 'floor']).default('continuous'),
      ...common,
    }),
    z.strictObject({
      type: z.literal('quarters'),
      perQuarter: Num,
      /** The rate the printed formula gives when all four quarters are on schedule (1 for 及时完成数/计划数, 0 for (计划−实际)/计划). */
      onTimeRate: Num.optional(),
      ...common,
    }),
  ],
  { error: '规则类型应为 checklist、proportional、degree、ratio-cap、decrease-full、saving、inverse、threshold-step 或 quarters' },
);

/** Figures a line input may be bound to instead of being entered. */
export const BINDINGS = {
  dept: ['budget', 'executed', 'carryover', 'priorCarryover', 'projectBudget'],
  project: ['budget', 'executed', 'carryover', 'priorCarryover'],
} as const;

/** One input of a line's formula: entered by the unit under `key`, or bound to a derived figure with `from`. */
const InputSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z]\w*$/, { error: '应为字母开头的英文标识' }),
  label: z.string().min(1),
  kind: z.enum(['amount', 'count']).default('amount'),
  /** Unit printed after the value in the evidence (万元, 人 …). */
  unit: z.string().default('万元'),
  from: z.string().optional(),
});

/** How a line's rate is computed from two inputs a and b: a ÷ b, (a − b) ÷ b, or (a − b) ÷ a. */
const RateSchema = z.strictObject({ formula: z.enum(['ratio', 'change', 'saving']), of: z.tuple([z.string(), z.string()]) });

/** One 三级 line: its texts as printed (c3–c5), its points and how it is scored and explained. */
const LineSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z]\w*$/, { error: '应为字母开头的英文标识' }),
  label: z.string().min(1),
  points: Num,
  definition: z.string(),
  /** 指标说明（评价计分标准）; absent means the cell of the line above spans this line too. */
  ruleText: z.string().optional(),
  rule: RuleSchema,
  inputs: z.array(InputSchema).default([]),
  rate: RateSchema.optional(),
  /** Where the rate comes from instead: the mean 满意度 of the completion table. */
  source: z.enum(['satisfaction']).optional(),
  /** 二级指标 of the completion table this line scores (W-RUBRIC-NO-TARGET when absent there). */
  category: z.string().optional(),
  /** 自评依据及说明 template (Handlebars): the inputs by key, rate, difference, verb, year, priorYear, score, points. */
  evidence: z.string().optional(),
});

const Level2Schema = z.strictObject({ label: z.string().min(1), points: Num, lines: z.array(LineSchema).min(1) });
const Level1Schema = z.strictObject({ label: z.string().min(1), points: Num, groups: z.array(Level2Schema).min(1) });

/** A whole 计分表 rubric: 一级 → 二级 → 三级 lines, with the total they must add up to. */
export const RubricSchema = z.strictObject({ name: z.string().min(1), total: Num, groups: z.array(Level1Schema).min(1) });

export type Rubric = z.output<typeof RubricSchema>;
export type RubricLevel1 = Rubric['groups'][number];
export type RubricLevel2 = RubricLevel1['groups'][number];
export type RubricLine = RubricLevel2['lines'][number];
export type Rule = RubricLine['rule'];
export type RubricInput = RubricLine['inputs'][number];
export type RubricKind = keyof typeof BINDINGS;
