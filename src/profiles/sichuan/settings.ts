/** 四川格式的 settings（templates/sichuan/profile.yaml）：两套等级名称、计分细则、勾选符号、指标值写法等。 */
import * as z from 'zod';

const Band = z.strictObject({ min: z.number(), label: z.string().min(1) });

/** Schema of the sichuan profile's `settings`; every key has a default (DOMAIN.md §3.2, §3.5). */
export const SichuanSettingsSchema = z.strictObject({
  /** One grade label set per document kind: 部门 优/良/中/差, 项目 优秀/良好/中/差 (seed 001). */
  grades: z
    .strictObject({
      dept: z
        .array(Band)
        .min(1)
        .default([
          { min: 90, label: '优' },
          { min: 80, label: '良' },
          { min: 60, label: '中' },
          { min: 0, label: '差' },
        ]),
      project: z
        .array(Band)
        .min(1)
        .default([
          { min: 90, label: '优秀' },
          { min: 80, label: '良好' },
          { min: 60, label: '中' },
          { min: 0, label: '差' },
        ]),
    })
    .default({
      dept: [
        { min: 90, label: '优' },
        { min: 80, label: '良' },
        { min: 60, label: '中' },
        { min: 0, label: '差' },
      ],
      project: [
        { min: 90, label: '优秀' },
        { min: 80, label: '良好' },
        { min: 60, label: '中' },
        { min: 0, label: '差' },
      ],
    }),
  /** Keys of the rubrics in the profile's `data` (filled from `dataFiles`). */
  rubrics: z
    .strictObject({ dept: z.string().default('rubric-dept'), project: z.string().default('rubric-project') })
    .default({ dept: 'rubric-dept', project: 'rubric-project' }),
  /** Print the 合计 row on the department 计分表 too (seed 001 omits it there). */
  deptTotalRow: z.boolean().default(true),
  /** How 指标性质 is written into 预算指标值: as the input writes it (seed 001 mixes >=, ≥ and 大于等于), or normalised. */
  natureStyle: z.enum(['as-written', 'ascii', 'symbol']).default('as-written'),
  /** 项目类型 boxes, in print order. */
  projectTypes: z.array(z.string().min(1)).min(1).default(['产业发展', '民生保障', '基础设施', '行政运行']),
  /** Box marks: unchecked □, checked ☑ (seed 001 prints □√; uncertain — configurable). */
  checkbox: z.strictObject({ checked: z.string().default('☑'), unchecked: z.string().default('□') }).default({ checked: '☑', unchecked: '□' }),
  /** Decimals of rates in the narrative (1) and in the tables (2). */
  percentPlaces: z
    .strictObject({ table: z.number().int().min(0).max(4).default(2), narrative: z.number().int().min(0).max(4).default(1) })
    .default({ table: 2, narrative: 1 }),
  /**
   * Whether the project completion table starts a second 年度绩效指标 block after the 产出指标 rows (seed 001 prints
   * the label again before 项目效益, or before 成本指标 where that is a 一级指标).
   */
  splitIndicatorBlock: z.boolean().default(true),
});

export type SichuanSettings = z.output<typeof SichuanSettingsSchema>;
