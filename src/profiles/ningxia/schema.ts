/** 宁夏格式的输入契约：本级项目绩效自评叙述（N1）所需的全部填报项（DOMAIN.md §3.4）。 */
import * as z from 'zod';
import { DateText, Prose, RequiredProse, RequiredText, Text, amount, type AmountUnit } from '../../model/unit-year.js';
import { TextCheckOptions, unitHead } from '../../model/unit-head.js';

/** 年初预算数 / 全年预算数 / 全年执行数 of a project; both budgets are required by the checks (E-REQUIRED), not here. */
const ProjectFunds = (u: AmountUnit) =>
  z.strictObject({
    initialBudget: amount(u).optional(),
    adjustedBudget: amount(u).optional(),
    executed: amount(u),
  });

/** Figures an old report typed for a project in 绩效指标完成情况分析: stated, checked, never printed. */
const StatedProjectFigures = (u: AmountUnit) =>
  z.strictObject({
    adjustedBudget: amount(u).optional(),
    executed: amount(u).optional(),
    rate: Text.optional(),
  });

const Project = (u: AmountUnit) =>
  z.strictObject({
    id: Text.optional(),
    name: RequiredText,
    funds: ProjectFunds(u),
    /** 实际到位资金; defaults to 全年预算数. */
    available: amount(u).optional(),
    /** What the money was for, after the [D] figures of 资金投入情况分析 ("主要用于…"). */
    purpose: RequiredProse,
    /** Why 全年预算数 differs from 年初预算数. */
    adjustmentReason: Prose.optional(),
    /** Why the execution rate is off, printed after the rate in 绩效指标完成情况分析. */
    deviationReason: Prose.optional(),
    stated: StatedProjectFigures(u).optional(),
  });

/** Builds the ningxia input schema for a file whose amounts are in `u`. */
export function ningxiaUnitSchema(u: AmountUnit) {
  return z.strictObject({
    ...unitHead('ningxia'),
    options: TextCheckOptions,
    unit: z.strictObject({ name: RequiredText, code: RequiredText }),
    /** The fiscal level in the title: `{year}年{region}本级项目绩效自评`. */
    region: RequiredText,
    narrative: z.strictObject({
      background: RequiredProse,
      content: RequiredProse,
      activities: z.array(RequiredProse).min(1, { error: '至少填写一项实施情况' }),
      fundingSource: RequiredProse,
      fundManagement: z.strictObject({ intro: RequiredProse, items: z.array(RequiredProse) }),
      costControl: RequiredProse,
      /** 项目成本（预算）节约情况: the text before and after the derived 实际到位资金 figure. */
      costSaving: z.strictObject({ lead: Prose.optional(), rest: RequiredProse }),
      indicatorSummary: RequiredProse,
      deviationCauses: RequiredProse,
      improvements: RequiredProse,
    }),
    projects: z.array(Project(u)).min(1, { error: '至少填写一个项目' }),
    /** Totals an old report typed (项目支出数, 实际到位资金): stated, checked, never printed. */
    stated: z.strictObject({ projectsExecuted: amount(u).optional(), available: amount(u).optional() }).optional(),
    signature: z.strictObject({ name: RequiredText, date: DateText }),
  });
}

const schemaForType = ningxiaUnitSchema('万元');
/** One Ningxia unit's project year as validated input; money is Decimal in 万元. */
export type NingxiaUnit = z.output<typeof schemaForType>;
export type NingxiaProject = NingxiaUnit['projects'][number];
