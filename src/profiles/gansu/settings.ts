/** 甘肃格式的 settings（templates/gansu/profile.yaml）：附件位置、无比较符指标值的性质、计分所依据的指标值等。 */
import * as z from 'zod';

/** The optional checks of the gansu profile (off unless the profile or --checks=all switches them on). */
export const GANSU_OPTIONAL_CHECKS = ['W-ENUM-COUNT', 'W-FOREIGN-TERMS'] as const;

/** Schema of the gansu profile's `settings`; every key has a default. */
export const GansuSettingsSchema = z.strictObject({
  /**
   * Where G2 goes: before the 版记 as GB/T 9704 requires (default), or after it as seed 003 prints it.
   * Note: `separate-file` (DOMAIN.md §3.3) needs the pipeline to write a second DOCX; not offered yet.
   */
  attachmentPlacement: z.enum(['before-colophon', 'after-colophon']).default('before-colophon'),
  /** 指标性质 of a bare number target ("100%", "1"): the form has no 指标性质 column (uncertain — configurable). */
  bareTargetNature: z.enum(['=', '≥']).default('='),
  /** Which target column scores a line: 指标值 (the approved target, default) or 年度目标值. */
  scoreAgainst: z.enum(['target', 'yearTarget']).default('target'),
  /** Print 份数 （共印N份） in the 版记 (seed 003; not part of GB/T 9704). */
  printCopies: z.boolean().default(true),
  /** Figures in the narrative: 'trim' drops trailing zeros as the seeds print them ("85万元", "38.7万元", "9.3%"), 'fixed' keeps 2 decimals. */
  narrativeNumbers: z.enum(['trim', 'fixed']).default('trim'),
  /** Optional checks switched on for this profile; a code the profile has no optional check for is rejected, not ignored. */
  optionalChecks: z.array(z.enum(GANSU_OPTIONAL_CHECKS, { error: `应为 ${GANSU_OPTIONAL_CHECKS.join('、')} 之一（甘肃格式的可选检查）` })).default([]),
});

export type GansuSettings = z.output<typeof GansuSettingsSchema>;
