/** 云南格式的 settings（templates/yunnan/profile.yaml）：自评情况的排版方式。 */
import * as z from 'zod';

/** Schema of the yunnan profile's `settings`; every key has a default. */
export const YunnanSettingsSchema = z.strictObject({
  /** Y1 layout: table (the seeds' four-column table) or prose (headings and paragraphs); the input's options.narrativeLayout overrides it. */
  narrativeLayout: z.enum(['table', 'prose'], { error: '应为 table（按表格排版，如公开样表）或 prose（按标题和段落排版）' }).default('table'),
});

export type YunnanSettings = z.output<typeof YunnanSettingsSchema>;
