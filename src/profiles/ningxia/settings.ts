/** 宁夏格式的 settings（templates/ningxia/profile.yaml）：可选检查。 */
import * as z from 'zod';

/** Schema of the ningxia profile's `settings`; every key has a default. */
export const NingxiaSettingsSchema = z.strictObject({
  /** Figures in the narrative: 'trim' drops trailing zeros as the seeds print them ("85万元", "38.7万元", "9.3%"), 'fixed' keeps 2 decimals. */
  narrativeNumbers: z.enum(['trim', 'fixed']).default('trim'),
  /** Optional checks switched on for this profile (W-NARRATIVE-FIGURE, W-ENUM-COUNT, W-FOREIGN-TERMS). */
  optionalChecks: z.array(z.string()).default([]),
});

export type NingxiaSettings = z.output<typeof NingxiaSettingsSchema>;
