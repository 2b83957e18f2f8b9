/** 云南格式（及 extends 它的格式）的 settings（templates/yunnan/profile.yaml）：自评情况的排版、所报文档、表格金额、计分精度。 */
import * as z from 'zod';
import { DOCUMENT_KINDS, DocumentSet, TableMoney } from '../../model/unit-year.js';

/** Schema of the yunnan profile's `settings`; every key has a default. */
export const YunnanSettingsSchema = z.strictObject({
  /** Y1 layout: table (the seeds' four-column table) or prose (headings and paragraphs); the input's options.narrativeLayout overrides it. */
  narrativeLayout: z.enum(['table', 'prose'], { error: '应为 table（按表格排版，如公开样表）或 prose（按标题和段落排版）' }).default('table'),
  /**
   * The documents a unit files: report (自评情况), deptTable, projectTables; the input needs only what they print
   * (documents.ts). The input's options.documents overrides it.
   */
  documents: DocumentSet.default([...DOCUMENT_KINDS]),
  /** How every declared table prints amounts, over the tables' own `money:` (a form in 元); options.tableMoney overrides it. */
  tableMoney: TableMoney.optional(),
  /** Decimals of the 预算执行率 得分 (some forms score execution to whole points); default 2. */
  executionScorePlaces: z.number({ error: '应为 0 到 2 的整数' }).int().min(0).max(2).default(2),
});

export type YunnanSettings = z.output<typeof YunnanSettingsSchema>;
