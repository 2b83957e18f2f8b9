/** 甘肃格式的输入契约：红头文件（G1）与整体支出绩效目标自评表（G2）所需的全部填报项（DOMAIN.md §3.3）。 */
import * as z from 'zod';
import { DateText, FundLine, Indicator, Points, Prose, RequiredProse, RequiredText, Text, Year, amount, type AmountUnit } from '../../model/unit-year.js';
import { TextCheckOptions, unitHead } from '../../model/unit-head.js';

/** 序号 of a 发文字号: a positive whole number, printed without leading zeros (1, not 01). */
const Seq = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const text = String(v).trim();
  if (!/^\d+$/.test(text) || Number(text) === 0) {
    ctx.addIssue({ code: 'custom', input: v, message: `发文序号应为正整数，例如 29（实际为“${text}”）` });
    return z.NEVER;
  }
  return Number(text);
});

/** 份数: a positive whole number. */
const Copies = Seq;

/** One part of the department budget (人员支出, 商品服务支出, 项目支出) with last year's figure for 同比. */
const BudgetPart = (u: AmountUnit) =>
  z.strictObject({
    /** 预算数; 项目支出 may leave it out and take the sum of its items. */
    amount: amount(u).optional(),
    /** 上年预算数, for the year-on-year change; without it the sentence gives no change. */
    prior: amount(u).optional(),
    /** Why it changed, printed after the figures. */
    note: Prose.optional(),
    /** 同比变动率 as an old report typed it ("9.3%"): a stated figure, checked, never printed. */
    statedChangeRate: Text.optional(),
  });

/** One project of 项目支出: 功能分类 code, name and amount ("2010101-代表外出培训经费5万元"). */
const ProjectItem = (u: AmountUnit) => z.strictObject({ code: Text.optional(), name: RequiredText, amount: amount(u) });

/** 绩效指标 of the G2 table: the common indicator plus 年度目标值 (defaults to 指标值). */
export const GansuIndicator = Indicator.extend({ yearTarget: Text.optional() });

/** Builds the gansu input schema for a file whose amounts are in `u`. */
export function gansuUnitSchema(u: AmountUnit) {
  return z.strictObject({
    ...unitHead('gansu'),
    options: TextCheckOptions,
    unit: z.strictObject({
      name: RequiredText,
      /** The name in the G2 title (`{shortName}整体支出绩效目标自评表`); defaults to the name. */
      shortName: Text.optional(),
      code: RequiredText,
      supervisor: Text.optional(),
      implementer: Text.optional(),
    }),
    document: z.strictObject({
      /** 发文机关标志, one entry per printed line, ending with 文件. */
      issuerMark: z.array(RequiredText).min(1, { error: '至少填写一行发文机关标志' }),
      docNumber: z.strictObject({ prefix: RequiredText, year: Year, seq: Seq }),
      /** 发文机关 as named in the title (`{issuer}` / `关于…的自评报告`). */
      issuer: RequiredText,
      addressee: RequiredText,
      /** 发文机关署名 and 成文日期: required (E-REQUIRED from the checks, so every other finding is reported too). */
      signatory: Text.optional(),
      issueDate: DateText.optional(),
      colophon: z.strictObject({
        cc: z.array(RequiredText).optional(),
        printedBy: RequiredText,
        printedOn: DateText,
        copies: Copies.optional(),
      }),
    }),
    narrative: z.strictObject({
      opening: RequiredProse,
      mandate: RequiredProse,
      annualGoal: RequiredProse,
      expenditureGoal: RequiredProse,
      performanceManagement: RequiredProse,
      budgetRemarks: Prose.optional(),
      actualPerformance: RequiredProse,
      problems: RequiredProse,
      resultUse: RequiredProse,
    }),
    budget: z.strictObject({
      personnel: BudgetPart(u),
      goodsAndServices: BudgetPart(u),
      projects: BudgetPart(u).extend({ items: z.array(ProjectItem(u)).optional() }),
      /** 部门预算指标 as an old report typed it: a stated figure, checked against the sum of the parts. */
      statedTotal: amount(u).optional(),
      statedChangeRate: Text.optional(),
    }),
    /** The department's 年初预算数 / 全年预算数 / 全年执行数 for the G2 money row. */
    funds: FundLine(u),
    executionWeight: Points.optional(),
    goal: z.strictObject({ expected: RequiredProse, achieved: Prose.optional() }),
    indicators: z.array(GansuIndicator).min(1, { error: '至少填写一个绩效指标' }),
    otherNotes: Prose.optional(),
    /** 总分 as an old table printed it (分值, 得分): stated figures, checked, never printed. */
    statedTotal: z.strictObject({ weight: Points.optional(), score: Points.optional() }).optional(),
  });
}

const schemaForType = gansuUnitSchema('万元');
/** One Gansu unit's budget year as validated input; money is Decimal in 万元. */
export type GansuUnit = z.output<typeof schemaForType>;
export type GansuIndicatorInput = GansuUnit['indicators'][number];
export type GansuBudgetPart = GansuUnit['budget']['personnel'];
