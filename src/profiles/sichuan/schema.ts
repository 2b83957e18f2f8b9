/** 四川格式的输入契约：部门整体与项目的自评报告、计分表填报项、绩效目标完成情况表（DOMAIN.md §3.2、§5.8）。 */
import * as z from 'zod';
import type { Decimal } from 'decimal.js';
import { parseAmount } from '../../model/money.js';
import {
  AMOUNT_UNITS,
  Adjustment,
  DateText,
  Indicator,
  NonNegative,
  Points,
  ownRecord,
  Prose,
  RequiredProse,
  RequiredText,
  Text,
  Year,
  amount,
  type AmountUnit,
} from '../../model/unit-year.js';

/** A percentage as a person writes it ("95%", "95", 95), held as a fraction (0.95). */
export const Percent = z.union([z.string(), z.number()], { error: '应为百分数，例如 95%' }).transform((v, ctx): Decimal => {
  const text = String(v)
    .trim()
    .replace(/[%％]$/, '');
  const parsed = parseAmount(text);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', input: v, message: `应为百分数，例如 95%（实际为“${String(v)}”）` });
    return z.NEVER;
  }
  return parsed.div(100);
});

/**
 * A figure as an old report printed it (a rate, an amount or a score): kept as text and checked against the
 * derived value, never printed. An empty text means the cell was printed blank.
 */
const Stated = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

/** One 三级 line of a 计分表 as entered; which fields apply depends on the line's rule in the rubric. */
const LineInput = z.strictObject({
  /** checklist: one answer per ①②③ item, in order (true = met). */
  answers: z.array(z.boolean({ error: '应为 true（符合）或 false（不符合）' })).optional(),
  /** quarters: whether each of the four quarters was on schedule. */
  quarters: z
    .array(z.boolean({ error: '应为 true 或 false' }))
    .length(4, { error: '应填写四个季度' })
    .optional(),
  /** degree: 实现程度 asserted by the unit (0–100%). */
  degree: Percent.optional(),
  /** Inputs of the line's formula by the keys the rubric names (amounts in the file's unit, counts as numbers). */
  values: ownRecord(NonNegative).optional(),
  /** The rate itself, when the report gives no parts to compute it from. */
  ratio: Percent.optional(),
  /** 自评依据及说明 text; appended to the computed formula, or the whole cell for checklist and degree lines. */
  evidence: Prose.optional(),
  /** Why points were lost, for 指标分析 in the report. */
  deductionReason: Prose.optional(),
  scoreOverride: z
    .strictObject({
      value: Points,
      reason: Text.refine((s) => [...s].length >= 5, { error: '调分理由至少5个字' }),
    })
    .optional(),
  /** Figures as an old report printed them (checked, never printed). */
  stated: z
    .strictObject({
      ratio: Stated.optional(),
      score: Stated.optional(),
      /** The amount of a change line ("比2022年减少19.64万元"). */
      difference: Stated.optional(),
    })
    .optional(),
});

/** 自评计分表 entries: one per rubric line id, plus the total and grade an old report printed. */
const Scoresheet = z.strictObject({
  lines: ownRecord(LineInput),
  stated: z.strictObject({ total: Stated.optional(), grade: Stated.optional() }).optional(),
});

/** 绩效目标完成情况表 indicator: c5 is composed as 名称 + 性质 + 指标值 + 单位 (or 名称：指标值 when qualitative). */
const CompletionIndicator = z.strictObject({
  level1: Indicator.shape.level1,
  level2: Indicator.shape.level2,
  name: Indicator.shape.name,
  nature: Indicator.shape.nature,
  /** 指标值 without the name; absent for a verbal indicator whose name says it all ("会议召开及时性"). */
  target: Text.optional(),
  unit: Indicator.shape.unit,
  actual: Indicator.shape.actual,
  deviationReason: Indicator.shape.deviationReason,
  /** Ties a department indicator to the same indicator of a project under another name (W-TARGET-DIVERGENT). */
  link: Text.optional(),
});
// Note: the fields are listed, not picked, so that 指标值 follows 指标性质 in the workbook's columns and a converted YAML.

/** 年度总体目标: 预算总体目标, its 执行结果 and the 偏差情况及原因分析 (default 无偏差). */
const Goal = z.strictObject({ expected: RequiredProse, achieved: RequiredProse, deviation: Prose.optional() });

/** One budget book (一般公共预算 …) of a 预算结构 block. */
const BookLine = (u: AmountUnit) => z.strictObject({ budget: amount(u), executed: amount(u), priorCarryover: amount(u).optional() });
/** 预算结构 / 财政拨款结构 by book; absent means everything is 一般公共预算. */
const Books = (u: AmountUnit) =>
  z.strictObject({
    general: BookLine(u).optional(),
    govFund: BookLine(u).optional(),
    stateCapital: BookLine(u).optional(),
    socialFund: BookLine(u).optional(),
  });

/** A money row of the completion table as an old report printed it (checked, never printed). */
const StatedRow = z.strictObject({ carryover: Stated.optional(), carryoverRate: Stated.optional(), changeRate: Stated.optional() });

/** 基本支出 / 政策和项目支出 pair. */
const Split = (u: AmountUnit) => z.strictObject({ basic: amount(u), projects: amount(u) });

const DeptReport = z.strictObject({
  organisation: RequiredProse,
  functions: RequiredProse,
  staff: RequiredProse,
  leadership: RequiredProse,
  method: RequiredProse,
  indicatorAnalysis: RequiredProse,
  overallAnalysis: RequiredProse,
  problems: RequiredProse,
  suggestions: RequiredProse,
});

const ProjectReport = z.strictObject({
  background: RequiredProse,
  /** 使用情况, printed after the derived sentence on 年初预算, 追加预算, 合计 and 实际支出. */
  funding: RequiredProse,
  implementation: RequiredProse,
  management: RequiredProse,
  goal: RequiredProse,
  leadership: RequiredProse,
  method: RequiredProse,
  analysis: RequiredProse,
  experience: RequiredProse,
  problems: RequiredProse,
  suggestions: RequiredProse,
});

const Project = (u: AmountUnit) =>
  z.strictObject({
    id: RequiredText,
    name: RequiredText,
    /** 项目类型: one of the profile's types (产业发展 / 民生保障 / 基础设施 / 行政运行). */
    type: RequiredText,
    report: ProjectReport,
    funds: z.strictObject({
      initialBudget: amount(u),
      /** 追加 / 调减 with their reasons; 全年预算数 = 年初预算数 + Σ. */
      adjustments: z.array(Adjustment(u)).default([]),
      executed: amount(u),
      /** 其他资金 (财政专户, 单位资金 …); absent prints a blank row. */
      other: z.strictObject({ budget: amount(u), executed: amount(u) }).optional(),
      /** 上年结转结余 of the project, for 结转结余变动率 (0 prints —). */
      priorCarryover: amount(u).optional(),
      books: Books(u).optional(),
    }),
    goal: Goal,
    indicators: z.array(CompletionIndicator).min(1, { error: '至少填写一个绩效指标' }),
    scoresheet: Scoresheet,
  });

/** Builds the sichuan input schema for a file whose amounts are in `u`. */
export function sichuanUnitSchema(u: AmountUnit) {
  return z.strictObject({
    profile: z.literal('sichuan', { error: '格式应为 sichuan' }),
    year: Year,
    amountUnit: z.enum(AMOUNT_UNITS, { error: '金额单位应为“万元”或“元”' }).default('万元'),
    reportDate: DateText.optional(),
    unit: z.strictObject({
      name: RequiredText,
      /** 预算单位名称 of the project 计分表 header (seed 001: 资阳市人大常委会); defaults to the name. */
      shortName: Text.optional(),
      /** How the narrative names the unit (市人大常委会机关); defaults to the name. */
      reportName: Text.optional(),
      code: RequiredText,
      /** 市本级 / 省本级 / 县本级 … in every title. */
      fiscalLevel: RequiredText,
    }),
    dept: z.strictObject({
      report: DeptReport,
      finance: z.strictObject({
        /** 一般公共预算拨款收入 by 基本支出 / 项目支出. */
        income: Split(u),
        /** 预算额 (全年预算数 including last year's carryover). */
        budget: Split(u),
        executed: Split(u),
        /** 上年结转结余 (年初结转和结余). */
        priorCarryover: Split(u),
        books: Books(u).optional(),
        /** 机关运行经费 from the 决算 (W-FIGURE-PAIR-DIFFERS against 公用经费控制率). */
        agencyRunningCost: amount(u).optional(),
        /** Whether `projects` lists every project of 政策和项目支出 (E-SUM-PROJECT-BUDGET / -ACTUAL). */
        projectsComplete: z.boolean({ error: '应为 true 或 false' }).default(false),
        stated: z.strictObject({ total: StatedRow.optional(), basic: StatedRow.optional(), projects: StatedRow.optional() }).optional(),
      }),
      goal: Goal,
      indicators: z.array(CompletionIndicator).min(1, { error: '至少填写一个部门整体支出绩效指标' }),
      scoresheet: Scoresheet,
    }),
    projects: z.array(Project(u)),
  });
}

const schemaForType = sichuanUnitSchema('万元');
/** One sichuan unit's year as validated input; money is Decimal in 万元. */
export type SichuanUnit = z.output<typeof schemaForType>;
export type SichuanProject = SichuanUnit['projects'][number];
export type CompletionIndicatorInput = z.output<typeof CompletionIndicator>;
export type LineInput = z.output<typeof LineInput>;
export type ScoresheetInput = z.output<typeof Scoresheet>;
export type BooksInput = z.output<ReturnType<typeof Books>>;
export type StatedRowInput = z.output<typeof StatedRow>;
export type GoalInput = z.output<typeof Goal>;
