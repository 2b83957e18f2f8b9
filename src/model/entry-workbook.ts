/** 填报工作簿的版式：各工作表、列、对应的输入字段与下拉选项（对应 yunnan 输入模式，也用于由它 extends 的格式，如 central）。 */

import type * as z from 'zod';
import type { FieldKind } from './input-kinds.js';
import { unitYearSchema } from './unit-year.js';

export type { FieldKind } from './input-kinds.js';

/** How a `choiceList` cell separates its items (written with the first, read with any). */
export const LIST_SEPARATOR = '、';
export const LIST_SEPARATORS = /[、,，;；\s]+/;

/** How a `lines` cell separates its items: one per line (Alt+Enter in Excel). */
export const LINE_SEPARATOR = '\n';

/** Drop-down lists of the workbook; `projectIds` lists the 项目标识 typed on the 项目 sheet. */
export type ListId = 'level1' | 'level2' | 'nature' | 'unit' | 'fundingLevel' | 'projectIds';

/** One column of a table sheet, or one row of the 单位 sheet. */
export interface Field {
  /** Dot path: from the row's object on a table sheet, from the file's top on the 单位 sheet. */
  readonly key: string;
  readonly header: string;
  /** Upper header of grouped columns, e.g. 当年财政拨款 over 年初预算数. */
  readonly group?: string;
  readonly kind: FieldKind;
  readonly width?: number;
  readonly list?: ListId;
  /** For `choice` and `choiceList` fields: [shown in the workbook, stored in the input]. */
  readonly choices?: readonly (readonly [string, string])[];
  readonly hint?: string;
}

/** A sheet with one header (or two, when columns are grouped) and one input item per row. */
export interface TableSheet {
  readonly type: 'table';
  readonly name: string;
  /** What one row is, for the 说明 sheet. */
  readonly row: string;
  /** The list the rows make, from the file's top (`dept.indicators`), or inside each project for child sheets. */
  readonly path: readonly string[];
  /** Child rows name their project in the first column and go into that project's list at `path`. */
  readonly child?: { readonly required: boolean };
  /** The list may be left out: a sheet without rows reads back as no list, not an empty one. */
  readonly optional?: boolean;
  /** The rows make a map, not a list: the column keyed RECORD_KEY names each row's entry (sichuan's 计分表 lines). */
  readonly record?: boolean;
  readonly fields: readonly Field[];
}

/** The 单位 sheet: one labelled row per field, in sections. */
export interface FormSheet {
  readonly type: 'form';
  readonly name: string;
  readonly sections: readonly { readonly title: string; readonly fields: readonly Field[] }[];
}

/** The first column of a child sheet: the 项目标识 of the row's project. */
export const PARENT_KEY = '@project';
/** The column of a record sheet that names each row's entry (a 计分表 line's 代号). */
export const RECORD_KEY = '@key';
/** The column of a record sheet that shows the name of each row's 代号 (a formula; never read). */
export const RECORD_NAME = '@name';
/** The sheet listing the known 代号 of each record sheet with their names. */
export const NAMES_SHEET = '代号';

/** Known entries of keyed maps, by data path with `*` for list indexes: [代号, 名称] in order (ProfileDefinition.entryNames). */
export type EntryNames = Readonly<Record<string, readonly (readonly [string, string])[]>>;

/** The data path (with `*` for the project index) of a table sheet's rows: the key of its EntryNames. */
export const sheetDataPath = (s: Pick<TableSheet, 'path' | 'child'>): string => [...(s.child ? ['projects', '*'] : []), ...s.path].join('.');
/** How a `yesNoList` cell separates its answers (written with the first, read with any). */
export const YES_NO_SEPARATOR = '、';
/** How a `pairs` cell writes one entry: name, separator, number (read with ： : or =). */
export const PAIR_SEPARATOR = '：';
export const PAIR_SEPARATORS = /[:：=]/;
export const INSTRUCTIONS_SHEET = '说明';
/**
 * The sheet of the unit's own check settings (the input's `checks:`): a check code per row and what to make of it.
 * Every workbook has it, whatever its form; a workbook without it (written before it existed) reads as having none.
 */
export const CHECKS_SHEET = '检查设置';
/** Shown ↔ stored for a check setting. */
export const CHECK_SETTINGS: readonly (readonly [string, string])[] = [
  ['关闭', 'off'],
  ['警告', 'warning'],
  ['错误', 'error'],
];

/** Shown ↔ stored for 是/否 cells (`yesNo` fields hold booleans). */
export const YES_NO = { 是: true, 否: false } as const;
/** 定性达成情况: shown ↔ stored. */
export const ACHIEVEMENT: readonly (readonly [string, string])[] = [
  ['达成', 'met'],
  ['部分达成', 'partial'],
  ['未达成', 'unmet'],
];

/** Fixed lists; 一级/二级指标 come from the profile's framework (see `indicatorLists`). */
export const FIXED_LISTS: Readonly<Record<'nature' | 'unit' | 'fundingLevel', readonly string[]>> = {
  nature: ['≥', '>', '=', '≤', '<', '定性'],
  unit: ['%', '次', '场次', '人次', '人', '户', '个', '项', '件', '篇', '份', '天', '个月', '年', '小时', '万元', '元', '元/人', '分', '公里', '平方米'],
  fundingLevel: ['省级', '市级', '区级', '县级', '本级'],
};

const f = (key: string, header: string, kind: FieldKind, more: Omit<Field, 'key' | 'header' | 'kind'> = {}): Field => ({ key, header, kind, ...more });
const prose = (key: string, header: string, hint?: string): Field => f(key, header, 'prose', { width: 50, ...(hint ? { hint } : {}) });
/** The first column of a child sheet (PARENT_KEY), with the drop-down of the 项目 sheet's ids. */
export const PROJECT_ID_FIELD = f(PARENT_KEY, '项目标识', 'text', { width: 14, list: 'projectIds', hint: '填“项目”表中的项目标识' });
const projectId = PROJECT_ID_FIELD;

const indicatorFields: readonly Field[] = [
  f('level1', '一级指标', 'text', { width: 12, list: 'level1' }),
  f('level2', '二级指标', 'text', { width: 18, list: 'level2' }),
  f('name', '三级指标', 'text', { width: 28, hint: '同一表中名称不能重复' }),
  f('nature', '指标性质', 'text', { width: 9, list: 'nature', hint: '≥ > = ≤ < 定性；定量指标必填' }),
  f('target', '指标值', 'text', { width: 10, hint: '只填数字（定性指标填文字），比较符号填在指标性质' }),
  f('unit', '度量单位', 'text', { width: 9, list: 'unit', hint: '百分数填 %，可填列表以外的单位' }),
  f('actual', '实际完成值', 'text', { width: 10, hint: '实际达到的单一数值，不带比较符号' }),
  f('weight', '分值', 'points', { width: 7, hint: '项目指标必填；部门指标不计分，不填' }),
  f('score', '得分', 'points', { width: 7, hint: '一般不填，由程序计算；填写时与计算结果核对' }),
  f('achievement', '定性达成情况', 'choice', { width: 12, choices: ACHIEVEMENT, hint: '定性指标：达成、部分达成、未达成' }),
  f('scoreOverride.value', '分值', 'points', { group: '人工调分', width: 7, hint: '不按计分规则、手工给定的得分' }),
  f('scoreOverride.reason', '理由', 'text', { group: '人工调分', width: 20, hint: '至少5个字，打印在偏差原因栏' }),
  prose('deviationReason', '偏差原因分析及改进措施', '可不填，默认“无偏差”；未完成指标时应填写'),
];

const fundLine = (key: string, group: string): Field[] => [
  f(`funds.${key}.initialBudget`, '年初预算数', 'amount', { group, width: 11 }),
  f(`funds.${key}.adjustedBudget`, '全年预算数', 'amount', { group, width: 11 }),
  f(`funds.${key}.executed`, '全年执行数', 'amount', { group, width: 11 }),
];

/** 年初预算数 / 全年预算数 / 全年执行数 of one line of the department's 年度资金, as rows of the 单位 sheet. */
const deptFundLine = (key: string, title: string): Field[] => [
  f(`dept.funds.${key}.initialBudget`, `${title}·年初预算数`, 'amount', { hint: '可不填' }),
  f(`dept.funds.${key}.adjustedBudget`, `${title}·全年预算数`, 'amount'),
  f(`dept.funds.${key}.executed`, `${title}·全年执行数`, 'amount'),
];

/** The 单位 sheet. */
export const UNIT_SHEET: FormSheet = {
  type: 'form',
  name: '单位',
  sections: [
    {
      title: '基本信息',
      fields: [
        // Note: text, not a list: the same workbook serves yunnan and the forms made from it by extends (central).
        f('profile', '格式（地区）', 'text', { hint: '由 jixiao 写入的格式代号（yunnan，或由它派生的格式如 central），请勿修改' }),
        f('year', '年度', 'year', { hint: '被评价的预算年度，四位数字' }),
        f('amountUnit', '金额单位', 'choice', {
          choices: [
            ['万元', '万元'],
            ['元', '元'],
          ],
          hint: '全工作簿的金额都按此单位填写，最多两位小数',
        }),
        f('reportDate', '报告日期', 'date', { hint: '写作 YYYY-MM-DD，可不填' }),
        f('unit.name', '单位名称', 'text', { hint: '单位全称，印在“部门：”和表头“部门名称”处' }),
        f('unit.code', '单位代号', 'text', { hint: '预算单位编码或简短英文代号，用作输出文件夹名' }),
        f('options.percentValueStyle', '百分数指标值样式', 'choice', {
          choices: [
            ['带百分号', 'with-sign'],
            ['纯数字', 'bare'],
          ],
          hint: '带百分号打印“100.00%”，纯数字打印“100”；可不填',
        }),
        f('options.narrativeGrouping', '叙述金额千分位', 'yesNo', { hint: '是：叙述中写“1,522.66万元”；表格中始终不带千分位；可不填' }),
        f('options.narrativeLayout', '自评情况排版', 'choice', {
          choices: [
            ['表格', 'table'],
            ['标题和段落', 'prose'],
          ],
          hint: '表格：按公开样表；标题和段落：按各级标题和正文；可不填，取格式默认',
        }),
        f('options.documents', '生成的文档', 'choiceList', {
          choices: [
            ['自评情况', 'report'],
            ['部门整体支出绩效自评表', 'deptTable'],
            ['项目支出绩效自评表', 'projectTables'],
          ],
          hint: '可不填（取格式默认）；填几项时用“、”隔开，如：自评情况、项目支出绩效自评表',
        }),
        f('options.tableMoney.unit', '表格金额单位', 'choice', {
          choices: [
            ['万元', '万元'],
            ['元', '元'],
            ['百元', '百元'],
          ],
          hint: '表格中金额按此单位印出；可不填，取格式默认',
        }),
        f('options.tableMoney.places', '表格金额小数位数', 'text', { hint: '0 到 6 的整数；可不填' }),
        f('options.tableMoney.grouping', '表格金额千分位', 'yesNo', { hint: '是：表格金额带千分位（387,664.62）；可不填' }),
      ],
    },
    {
      title: '部门整体支出绩效自评情况（文字）',
      fields: [
        prose('narrative.overview', '一(一) 部门概况'),
        prose('narrative.goalSetting', '一(二) 部门绩效目标的设立情况'),
        prose('narrative.budgetManagement', '一(四) 部门预算管理制度建设情况', '一(三) 部门整体收支情况由程序根据收支数字生成'),
        prose('narrative.threePublicControl', '一(五) 严控“三公经费”支出情况'),
        prose('narrative.evaluationPurpose', '二(一) 绩效自评的目的'),
        prose('narrative.preparation', '二(二)1. 前期准备'),
        prose('narrative.implementation', '二(二)2. 组织实施'),
        prose('narrative.conclusion', '三、评价情况分析及综合评价结论', '所述得分、等级须与程序计算结果一致'),
        prose('narrative.problems', '四、存在的问题和整改情况', '多条时一条一行（单元格内按 Alt+Enter 换行）'),
        prose('narrative.resultUse', '五、绩效自评结果应用'),
        prose('narrative.experience', '六、主要经验及做法'),
        prose('narrative.otherMatters', '七、其他需说明的情况', '可不填，默认“无”'),
      ],
    },
    {
      title: '部门整体收支（收入逐项填在“收入”表）',
      fields: [
        f('finance.basicExpenditure', '基本支出', 'amount', { hint: '人员经费 + 公用经费' }),
        f('finance.projectExpenditure', '项目支出', 'amount', { hint: '须等于各项目全年执行数之和' }),
        f('finance.openingCarryover', '年初结转和结余', 'amount', { hint: '可不填；支出合计超过收入合计时填写' }),
        f('finance.projectsComplete', '项目清单是否完整', 'yesNo', { hint: '是：“项目”表列出了全部项目，程序核对项目支出合计；可不填（默认是）' }),
      ],
    },
    {
      // Note: the national 部门整体支出绩效自评表 (central) prints 年度预算申请 by source and by use; yunnan's form does not.
      title: '部门整体年度资金（全国通用部门整体表用，云南格式不填）',
      fields: [
        ...deptFundLine('income.generalBudget', '财政拨款·一般公共预算'),
        ...deptFundLine('income.governmentFund', '财政拨款·政府性基金预算'),
        ...deptFundLine('income.stateCapital', '财政拨款·国有资本经营预算'),
        ...deptFundLine('income.fiscalSpecial', '财政专户管理资金'),
        ...deptFundLine('income.unitFunds', '单位资金'),
        ...deptFundLine('use.basic', '按用途·基本支出'),
        ...deptFundLine('use.project', '按用途·项目支出'),
        f('dept.funds.executionWeight', '预算执行率分值', 'points', { hint: '可不填，取格式默认' }),
        f('dept.funds.stated.executionScore', '填报的预算执行率得分', 'points', { hint: '可不填；只用于核对程序计算的得分' }),
        f('dept.funds.stated.totalScore', '填报的总分', 'points', { hint: '可不填；只用于核对程序计算的总分' }),
      ],
    },
    {
      title: '部门整体支出绩效自评表',
      fields: [
        prose('dept.mandate', '部门职责'),
        f('dept.mandateNote', '部门职责说明', 'text', { hint: '可不填，默认取格式文字' }),
        prose('dept.overallGoal', '总体绩效目标'),
        f('dept.overallGoalNote', '总体绩效目标说明', 'text', { hint: '可不填，默认取格式文字' }),
        prose('dept.otherNotes', '其他需说明事项', '可不填，默认“无”'),
      ],
    },
  ],
};

/** The table sheets, in workbook order. */
export const TABLE_SHEETS: readonly TableSheet[] = [
  {
    type: 'table',
    name: '收入',
    row: '一项收入',
    path: ['finance', 'income'],
    fields: [f('name', '收入名称', 'text', { width: 30, hint: '名称照决算口径，如 财政拨款收入' }), f('amount', '金额', 'amount', { width: 14 })],
  },
  {
    type: 'table',
    name: '年度目标',
    row: '一个财年的部门年度目标（当年及以后两年）',
    path: ['dept', 'yearGoals'],
    fields: [f('year', '年度', 'year', { width: 8 }), prose('goal', '目标'), prose('achieved', '实际完成情况', '只填当年')],
  },
  {
    type: 'table',
    name: '重点任务',
    row: '一项部门年度重点工作任务',
    path: ['dept', 'keyTasks'],
    fields: [
      f('project', '对应项目标识', 'text', { width: 14, list: 'projectIds', hint: '填“项目”表中的项目标识；金额、执行率取自该项目' }),
      f('name', '任务名称', 'text', { width: 24, hint: '可不填，默认取项目名称' }),
      f('fundingLevel', '项目级次', 'text', { width: 10, list: 'fundingLevel' }),
      prose('description', '主要内容'),
      f('approved.appropriation', '财政拨款', 'amount', { group: '批复金额（不对应项目时填）', width: 11 }),
      f('approved.other', '其他资金', 'amount', { group: '批复金额（不对应项目时填）', width: 11 }),
      f('spent', '实际支出金额', 'amount', { width: 12, hint: '不对应项目时填' }),
      prose('lowExecutionReason', '预算执行偏低原因及改进措施', '可不填，默认“无偏差”；执行率低于90%时必须填写'),
    ],
  },
  { type: 'table', name: '部门指标', row: '部门整体支出绩效自评表的一个指标（不计分）', path: ['dept', 'indicators'], fields: indicatorFields },
  {
    type: 'table',
    name: '项目',
    row: '一个项目（每个项目生成一张项目支出绩效自评表）',
    path: ['projects'],
    fields: [
      f('id', '项目标识', 'text', { width: 14, hint: '简短英文或拼音，供其他表引用，不能重复' }),
      f('name', '项目名称', 'text', { width: 26 }),
      f('supervisor', '主管部门', 'text', { width: 20, hint: '可不填，默认单位名称' }),
      f('implementer', '实施单位', 'text', { width: 20, hint: '可不填，默认单位名称' }),
      ...fundLine('current', '当年财政拨款'),
      ...fundLine('carryover', '上年结转资金'),
      ...fundLine('other', '其他资金'),
      f('executionWeight', '预算执行率分值', 'points', { width: 9, hint: '可不填，默认10' }),
      f('stated.executionScore', '预算执行率得分', 'points', { group: '填报的得分（仅核对）', width: 9, hint: '可不填；与程序计算的得分核对' }),
      f('stated.totalScore', '总分', 'points', { group: '填报的得分（仅核对）', width: 9, hint: '可不填；与程序计算的总分核对' }),
      prose('goal.expected', '预期目标'),
      prose('goal.achieved', '实际完成情况', '不要照抄预期目标'),
      prose('otherNotes', '其他需要说明事项', '可不填，默认“无”'),
    ],
  },
  {
    type: 'table',
    name: '调整预算',
    row: '一个项目的一笔年中追加（正数）或调减（负数）',
    path: ['adjustments'],
    child: { required: false },
    fields: [projectId, f('amount', '调整金额', 'signedAmount', { width: 12, hint: '追加为正数，调减为负数' }), f('reason', '理由', 'text', { width: 40 })],
  },
  { type: 'table', name: '项目指标', row: '一个项目的一个绩效指标', path: ['indicators'], child: { required: true }, fields: [projectId, ...indicatorFields] },
];

/** A profile's data-entry workbook: its 单位 sheet, its table sheets, and the input schema whose key order it reads back in. */
export interface EntryLayout {
  /** The input format the workbook holds (the base profile's id; forms made by extends share it). */
  readonly profile: string;
  readonly unit: FormSheet;
  readonly tables: readonly TableSheet[];
  readonly schema: z.ZodType;
}

/** The hand-made yunnan workbook (also central's, which extends yunnan). */
export const YUNNAN_LAYOUT: EntryLayout = { profile: 'yunnan', unit: UNIT_SHEET, tables: TABLE_SHEETS, schema: unitYearSchema('万元') };

/** Header rows of a table sheet: two when some columns are grouped. */
export const headerRows = (s: TableSheet): number => (s.fields.some((x) => x.group !== undefined) ? 2 : 1);

/** The column title a reader matches: `当年财政拨款·年初预算数` for grouped columns. */
export const columnTitle = (x: Pick<Field, 'header' | 'group'>): string => (x.group ? `${x.group}·${x.header}` : x.header);

/** 一级/二级指标 lists from a profile's indicator framework (一级 → 二级). */
export function indicatorLists(framework: Readonly<Record<string, readonly string[]>>): { level1: string[]; level2: string[] } {
  return { level1: Object.keys(framework), level2: [...new Set(Object.values(framework).flat())] };
}

/** The workbook title of each input field, by data path with list indexes as `*` (`projects.*.indicators.*.unit` → 度量单位). */
export const FIELD_TITLES: ReadonlyMap<string, string> = new Map([
  ...UNIT_SHEET.sections.flatMap((s) => s.fields).map((x) => [x.key, x.header] as const),
  ...TABLE_SHEETS.flatMap((s) => s.fields.filter((x) => !x.key.startsWith('@')).map((x) => [`${sheetDataPath(s)}.*.${x.key}`, columnTitle(x)] as const)),
]);

/** Last path steps of amount fields, so a YAML writer can print them with two decimals. */
export const AMOUNT_KEYS: ReadonlySet<string> = new Set(
  [...UNIT_SHEET.sections.flatMap((s) => s.fields), ...TABLE_SHEETS.flatMap((s) => s.fields)]
    .filter((x) => x.kind === 'amount' || x.kind === 'signedAmount')
    .map((x) => x.key.split('.').pop()!),
);

/** "6.00", "113.41", "-1.5": decimal text a double holds exactly (no leading zeros, at most 15 digits), so it may become a number. */
export function isPlainNumber(text: string): boolean {
  return /^-?(0|[1-9]\d*)(\.\d+)?$/.test(text) && text.replace(/[-.]/g, '').replace(/^0+|0+$/g, '').length <= 15;
}

/** The value at a dot path (`finance.income`), or undefined where a step is missing; the writer and the reader share it. */
export function valueAt(data: unknown, dotted: string): unknown {
  let v = data;
  for (const step of dotted.split('.')) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, step)) return undefined;
    v = (v as Record<string, unknown>)[step];
  }
  return v;
}
