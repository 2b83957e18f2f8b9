/** 输入契约：一个单位一个年度的 zod 模式，金额在此变成以万元计的 Decimal。 */
import * as z from 'zod';
import type { Decimal } from 'decimal.js';
import { Money, decimalsOf, parseAmount } from './money.js';
import { withKind } from './input-kinds.js';

/** 金额单位 of an input file; every amount becomes 万元 once, here. */
export const AMOUNT_UNITS = ['万元', '元'] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

/** The most decimals a typed amount may carry, per unit: 万元 to 0.01 万元 (what tables print), 元 to the 分. */
export const MAX_DECIMALS: Readonly<Record<AmountUnit, number>> = { 万元: 2, 元: 2 };

const scalar = z.union([z.string(), z.number()], { error: (iss) => (iss.input === undefined ? '必须填写' : `应为文字或数字（实际为${typeName(iss.input)}）`) });

function typeName(v: unknown): string {
  if (v === null) return '空值';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'object') return '对象';
  if (typeof v === 'boolean') return `布尔值 ${String(v)}`;
  return typeof v;
}

/** Free text; numbers written in YAML are kept as their source text by load/. */
export const Text = withKind(
  'text',
  scalar.transform((v) => String(v).trim()),
);
/** Non-empty free text. */
export const RequiredText = withKind(
  'text',
  Text.refine((s) => s.length > 0, { error: '不能为空' }),
);
/** Multi-line narrative text: keeps line breaks, trims each line. */
export const Prose = scalar.transform((v) =>
  String(v)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n'),
);
/** Narrative text that must not be blank. */
export const RequiredProse = withKind(
  'prose',
  Prose.refine((s) => s.length > 0, { error: '不能为空' }),
);

/** An amount in the file's unit, converted to 万元. */
export function amount(unit: AmountUnit, opts: { allowNegative?: boolean } = {}) {
  return withKind(opts.allowNegative ? 'signedAmount' : 'amount', amountSchema(unit, opts));
}

function amountSchema(unit: AmountUnit, opts: { allowNegative?: boolean }) {
  return scalar.transform((v, ctx): Decimal => {
    const text = String(v);
    if (typeof v === 'number' && !Number.isFinite(v)) {
      ctx.addIssue({ code: 'custom', input: v, message: `金额须为有限的数字，例如 150.25（实际为“${text}”）` });
      return z.NEVER;
    }
    const parsed = parseAmount(text);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', input: v, message: `金额须为数字，例如 150.25（实际为“${text}”）` });
      return z.NEVER;
    }
    if (decimalsOf(text) > MAX_DECIMALS[unit]) {
      ctx.addIssue({
        code: 'custom',
        input: v,
        message: `以${unit}填报的金额最多${MAX_DECIMALS[unit]}位小数（实际为“${text}”）${unit === '万元' ? '；如需精确到元，请把 amountUnit 改为 元 并以元填报' : ''}`,
      });
      return z.NEVER;
    }
    if (parsed.isNegative() && !opts.allowNegative) {
      ctx.addIssue({ code: 'custom', input: v, message: `金额不能为负数（实际为“${text}”）` });
      return z.NEVER;
    }
    return unit === '元' ? parsed.div(10000) : parsed;
  });
}

/** A non-negative number of any precision (counts and amounts a rubric formula takes), exact. */
export const NonNegative = scalar.transform((v, ctx): Decimal => {
  const parsed = parseAmount(String(v));
  if (!parsed || parsed.isNegative()) {
    ctx.addIssue({ code: 'custom', input: v, message: `应为不小于0的数字，例如 10 或 9.5（实际为“${String(v)}”）` });
    return z.NEVER;
  }
  return parsed;
});

/** The most decimals a 分值 or 得分 may carry: scores are printed and summed to 0.01. */
export const MAX_POINT_DECIMALS = 2;

/**
 * A non-negative number such as 分值 or 得分, exact, with at most two decimals.
 * Note: "30.000000000000001" would otherwise pass and then fail the weight total as “合计为100…应为100”.
 */
export const Points = scalar.transform((v, ctx): Decimal => {
  const parsed = parseAmount(String(v));
  if (!parsed || parsed.isNegative()) {
    ctx.addIssue({ code: 'custom', input: v, message: `应为不小于0的数字，例如 10 或 9.5（实际为“${String(v)}”）` });
    return z.NEVER;
  }
  if (parsed.decimalPlaces() > MAX_POINT_DECIMALS) {
    ctx.addIssue({
      code: 'custom',
      input: v,
      message: `分值和得分最多${MAX_POINT_DECIMALS}位小数（实际为“${String(v).trim()}”，有${parsed.decimalPlaces()}位小数），例如 30 或 9.5`,
    });
    return z.NEVER;
  }
  return parsed;
});

/**
 * A map keyed by input text (rubric line ids, formula parameters). Note: zod drops a `__proto__` key silently
 * (it must, or the prototype would change), so it is refused here by name instead of vanishing (issue 10).
 */
export function ownRecord<T extends z.ZodType>(value: T) {
  return z.preprocess(
    (v, ctx) => {
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, '__proto__')) {
        ctx.addIssue({
          code: 'custom',
          input: v,
          path: ['__proto__'],
          params: { unknownKey: true },
          message: '未知字段“__proto__”：不能用作键名；请改用细则中的名称。',
        });
      }
      return v;
    },
    z.record(z.string(), value),
  );
}

/** 年度: a four-digit year. */
export const Year = scalar.transform((v, ctx) => {
  const text = String(v).trim();
  if (!/^(19|20)\d{2}$/.test(text)) {
    ctx.addIssue({ code: 'custom', input: v, message: `年度应为四位数字年份，例如 2023（实际为“${text}”）` });
    return z.NEVER;
  }
  return Number(text);
});

/** 日期: YYYY-MM-DD, kept as text. */
export const DateText = scalar.transform((v, ctx) => {
  const text = String(v).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCDate() !== Number(m[3])) {
    ctx.addIssue({ code: 'custom', input: v, message: `日期应写作 YYYY-MM-DD，例如 2024-03-31（实际为“${text}”）` });
    return z.NEVER;
  }
  return text;
});

/** 调整预算: one in-year increase (positive) or cut (negative) with its reason. */
export const Adjustment = (u: AmountUnit) => z.strictObject({ amount: amount(u, { allowNegative: true }), reason: Text.optional() });

/** 年初预算数 / 全年预算数 / 全年执行数 of one source of funds. */
export const FundLine = (u: AmountUnit) => z.strictObject({ initialBudget: amount(u), adjustedBudget: amount(u), executed: amount(u) });

/**
 * The same, as the yunnan-family forms take it. Note: 年初预算数 may be absent (a project added in the year, a form
 * that leaves it blank): absent is not 0, it prints blank and a total over it is unknown (blank too).
 */
export const OpenFundLine = (u: AmountUnit) => z.strictObject({ initialBudget: amount(u).optional(), adjustedBudget: amount(u), executed: amount(u) });

/** 填报的得分 of a published report, checked against the rules and never printed in place of the derived value. */
const StatedScores = z.strictObject({ executionScore: Points.optional(), totalScore: Points.optional() });

/** The documents a yunnan-family unit files (profile settings.documents, or the input's options.documents). */
export const DOCUMENT_KINDS = ['report', 'deptTable', 'projectTables'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DocumentSet = z
  .array(z.enum(DOCUMENT_KINDS, { error: '应为 report（自评情况）、deptTable（部门整体支出绩效自评表）或 projectTables（项目支出绩效自评表）' }))
  .min(1, { error: '至少列出一种文档' });

/** How the declared tables print amounts (profile settings.tableMoney, or options.tableMoney): 万元/元/百元, decimals, separators. */
export const TableMoney = z.strictObject({
  unit: z.enum(['万元', '元', '百元'], { error: '金额单位应为 万元、元 或 百元' }).optional(),
  // Note: load/ keeps YAML numbers as their source text, so the count of decimals is read from text too.
  places: z.coerce
    .number({ error: '应为 0 到 6 的整数' })
    .int({ error: '应为 0 到 6 的整数' })
    .min(0, { error: '应为 0 到 6 的整数' })
    .max(6, { error: '应为 0 到 6 的整数' })
    .optional(),
  grouping: z.boolean({ error: '应为 true 或 false' }).optional(),
});

/** 部门整体的年度预算申请 block (national 部门整体支出绩效自评表): 年度资金总额 by income source and by use. */
const DeptFunds = (u: AmountUnit) =>
  z.strictObject({
    income: z
      .strictObject({
        generalBudget: OpenFundLine(u).optional(),
        governmentFund: OpenFundLine(u).optional(),
        stateCapital: OpenFundLine(u).optional(),
        fiscalSpecial: OpenFundLine(u).optional(),
        unitFunds: OpenFundLine(u).optional(),
      })
      .optional(),
    use: z.strictObject({ basic: OpenFundLine(u).optional(), project: OpenFundLine(u).optional() }).optional(),
    executionWeight: Points.optional(),
    stated: StatedScores.optional(),
  });

export const ACHIEVEMENTS = ['met', 'partial', 'unmet'] as const;

/** 绩效指标: one row of an indicator block. 分值 is absent in unscored (department) tables. */
export const Indicator = z.strictObject({
  level1: RequiredText,
  level2: RequiredText,
  name: RequiredText,
  nature: Text.optional(),
  target: RequiredText,
  unit: Text.optional(),
  actual: RequiredText,
  weight: Points.optional(),
  score: Points.optional(),
  scoreOverride: z
    .strictObject({
      value: Points,
      reason: Text.refine((s) => [...s].length >= 5, { error: '调分理由至少5个字' }),
    })
    .optional(),
  achievement: z.enum(ACHIEVEMENTS, { error: '应为 met（达成）、partial（部分达成）或 unmet（未达成）' }).optional(),
  deviationReason: Prose.optional(),
  /** 其中… 行: a row that prints under its indicator but carries no 分值 or 得分 (it must not state a weight). */
  subRow: z.boolean({ error: '应为 true 或 false' }).optional(),
});

const YearGoal = z.strictObject({ year: Year, goal: RequiredText, achieved: Prose.optional() });

/** 部门年度重点工作任务: linked to a project (amounts come from it) or standing alone with its own amounts. */
const KeyTask = (u: AmountUnit) =>
  z.strictObject({
    project: Text.optional(),
    name: Text.optional(),
    fundingLevel: RequiredText,
    description: RequiredProse,
    approved: z.strictObject({ appropriation: amount(u), other: amount(u).optional() }).optional(),
    spent: amount(u).optional(),
    lowExecutionReason: Prose.optional(),
  });

const Project = (u: AmountUnit) =>
  z.strictObject({
    id: RequiredText,
    name: RequiredText,
    supervisor: Text.optional(),
    implementer: Text.optional(),
    funds: z.strictObject({ current: OpenFundLine(u), carryover: OpenFundLine(u).optional(), other: OpenFundLine(u).optional() }),
    adjustments: z.array(Adjustment(u)).optional(),
    executionWeight: Points.optional(),
    stated: StatedScores.optional(),
    goal: z.strictObject({ expected: RequiredProse, achieved: RequiredProse }),
    indicators: z.array(Indicator).min(1, { error: '至少填写一个绩效指标' }),
    otherNotes: Prose.optional(),
  });

const Narrative = z.strictObject({
  overview: RequiredProse,
  goalSetting: RequiredProse,
  budgetManagement: RequiredProse,
  threePublicControl: RequiredProse,
  evaluationPurpose: RequiredProse,
  preparation: RequiredProse,
  implementation: RequiredProse,
  conclusion: RequiredProse,
  problems: RequiredProse,
  resultUse: RequiredProse,
  experience: RequiredProse,
  otherMatters: Prose.optional(),
});

/** Builds the input schema for a file whose amounts are in `u`. */
export function unitYearSchema(u: AmountUnit) {
  return z.strictObject({
    profile: z.enum(['yunnan'], { error: '目前支持的格式为 yunnan' }).default('yunnan'),
    year: Year,
    amountUnit: z.enum(AMOUNT_UNITS, { error: '金额单位应为“万元”或“元”' }).default('万元'),
    reportDate: DateText.optional(),
    options: z
      .strictObject({
        percentValueStyle: z.enum(['with-sign', 'bare'], { error: '应为 with-sign（如 100.00%）或 bare（如 100）' }).optional(),
        narrativeGrouping: z.boolean({ error: '应为 true 或 false' }).optional(),
        narrativeLayout: z.enum(['table', 'prose'], { error: '应为 table（按表格排版，如公开样表）或 prose（按标题和段落排版）' }).optional(),
        documents: DocumentSet.optional(),
        tableMoney: TableMoney.optional(),
      })
      .optional(),
    unit: z.strictObject({ name: RequiredText, code: RequiredText }),
    // Note: narrative, finance and dept are optional here; the profile's document set decides which are required (yunnan/documents.ts).
    narrative: Narrative.optional(),
    finance: z
      .strictObject({
        income: z.array(z.strictObject({ name: RequiredText, amount: amount(u) })).min(1, { error: '至少填写一项收入' }),
        basicExpenditure: amount(u),
        projectExpenditure: amount(u),
        openingCarryover: amount(u).optional(),
        projectsComplete: z.boolean({ error: '应为 true 或 false' }).default(true),
      })
      .optional(),
    dept: z
      .strictObject({
        // Note: required where the form's department table prints them (profiles/yunnan/documents.ts).
        mandate: Prose.optional(),
        mandateNote: Text.optional(),
        overallGoal: Prose.optional(),
        overallGoalNote: Text.optional(),
        yearGoals: z.array(YearGoal).min(1, { error: '至少填写当年的部门年度目标' }),
        keyTasks: z.array(KeyTask(u)),
        indicators: z.array(Indicator).min(1, { error: '至少填写一个部门整体支出绩效指标' }),
        funds: DeptFunds(u).optional(),
        otherNotes: Prose.optional(),
      })
      .optional(),
    projects: z.array(Project(u)),
  });
}

const schemaForType = unitYearSchema('万元');
/** One unit's budget year as validated: narrative, finance and dept may be absent when its documents do not print them. */
export type UnitYearInput = z.output<typeof schemaForType>;
/** One unit's budget year as derive, check and compose see it (absent parts filled, yunnan/documents.ts); money is Decimal in 万元. */
export type UnitYear = Omit<UnitYearInput, 'narrative' | 'finance' | 'dept'> & {
  readonly narrative: NonNullable<UnitYearInput['narrative']>;
  readonly finance: NonNullable<UnitYearInput['finance']>;
  readonly dept: NonNullable<UnitYearInput['dept']> & { readonly mandate: string; readonly overallGoal: string };
};
export type ProjectInput = UnitYear['projects'][number];
export type IndicatorInput = ProjectInput['indicators'][number];
export type KeyTaskInput = UnitYear['dept']['keyTasks'][number];
export type FundLineInput = ProjectInput['funds']['current'];
export type DeptFundsInput = NonNullable<UnitYear['dept']['funds']>;
export type TableMoneyInput = z.output<typeof TableMoney>;

/** A zero amount in 万元, for absent fund lines. */
export const zeroLine = (): FundLineInput => ({ initialBudget: new Money(0), adjustedBudget: new Money(0), executed: new Money(0) });

// Note: the cell kinds of the building blocks defined above in several statements (data-entry workbook layout).
withKind('prose', Prose);
withKind('points', Points);
withKind('year', Year);
withKind('date', DateText);
withKind('text', NonNegative);
