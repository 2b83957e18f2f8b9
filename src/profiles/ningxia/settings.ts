/** 宁夏格式的 settings（templates/ningxia/profile.yaml）：可选检查。 */
import * as z from 'zod';

/** The optional checks of the ningxia profile (off unless the profile or --checks=all switches them on). */
export const NINGXIA_OPTIONAL_CHECKS = ['W-NARRATIVE-FIGURE', 'W-ENUM-COUNT', 'W-FOREIGN-TERMS'] as const;

/** Schema of the ningxia profile's `settings`; every key has a default. */
export const NingxiaSettingsSchema = z.strictObject({
  /** Figures in the narrative: 'trim' drops trailing zeros as the seeds print them ("85万元", "38.7万元", "9.3%"), 'fixed' keeps 2 decimals. */
  narrativeNumbers: z.enum(['trim', 'fixed']).default('trim'),
  /** Optional checks switched on for this profile; a code the profile has no optional check for is rejected, not ignored. */
  optionalChecks: z.array(z.enum(NINGXIA_OPTIONAL_CHECKS, { error: `应为 ${NINGXIA_OPTIONAL_CHECKS.join('、')} 之一（宁夏格式的可选检查）` })).default([]),
});

export type NingxiaSettings = z.output<typeof NingxiaSettingsSchema>;
