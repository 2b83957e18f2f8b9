/** 地区格式（profile）：等级、权重、阈值、固定备注，来自 templates/<id>/profile.yaml。 */
import * as z from 'zod';
import { TableLayoutSchema } from './table-layout.js';

const Fraction = z.number().min(0).max(10);

/** Schema of a profile file (DOMAIN.md §3.5). */
export const ProfileSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  maxScore: z.number().positive(),
  executionWeight: z.number().nonnegative(),
  gradeBands: z.array(z.strictObject({ min: z.number(), label: z.string().min(1) })).min(1),
  defaultWeights: z.record(z.string(), z.number()),
  lessThanRule: z.enum(['ratio', 'linear-to-zero-at-2x']),
  equalRule: z.enum(['as-positive', 'symmetric']),
  executionLowThreshold: Fraction,
  overachievementRatio: Fraction,
  percentValueStyle: z.enum(['with-sign', 'bare']),
  narrativeGrouping: z.boolean(),
  sharePlaces: z.number().int().min(0).max(4),
  noDeviationText: z.string(),
  noDeviationPhrases: z.array(z.string()),
  framework: z.record(z.string(), z.array(z.string())),
  level1Aliases: z.record(z.string(), z.string()),
  level2Aliases: z.record(z.string(), z.string()),
  rateLikeKeywords: z.array(z.string()),
  /** Default texts of [P] cells, by key (e.g. otherNotes → 无). */
  defaults: z.record(z.string(), z.string()),
  /** Fixed 备注 lines printed under a document or table, by document key, verbatim. */
  notes: z.record(z.string(), z.array(z.string())),
  /** Severity per code; `off` drops a warning (W-) altogether. */
  // Note: off silences a warning a form makes meaningless (central writes units inside values: W-UNIT-IN-VALUE); errors cannot be silenced.
  severity: z.record(z.string(), z.enum(['error', 'warning', 'off'])).default({}),
  /** Profile-specific settings (rubric files, amount units of completion tables, document numbers…). */
  settings: z.record(z.string(), z.unknown()).default({}),
  /** Data files of the profile folder to load with it, by key (e.g. rubric-dept → rubric-dept.yaml); names only, no folders. */
  dataFiles: z.record(z.string(), z.string().regex(/^[\w.-]+\.ya?ml$/, { error: '应为同一格式目录中的 .yaml 文件名' })).default({}),
  /** The parsed content of `dataFiles`, filled in by the loader (a profile may also write small data inline). */
  data: z.record(z.string(), z.unknown()).default({}),
  /** Table declarations by name, from the folder's tables/<name>.yaml (filled in by the loader) or written here. */
  tables: z.record(z.string(), TableLayoutSchema).default({}),
});

/**
 * What the loader puts in place of a common key that a profile does not read (its definition lists it as unused, and
 * writing it in profile.yaml is an error): the values under which the shared code that might look at it does nothing.
 */
export const PROFILE_NEUTRAL: Readonly<Partial<Record<keyof z.input<typeof ProfileSchema>, unknown>>> = {
  maxScore: 100,
  executionWeight: 0,
  gradeBands: [{ min: 0, label: '—' }],
  defaultWeights: {},
  lessThanRule: 'ratio',
  equalRule: 'as-positive',
  executionLowThreshold: 0,
  overachievementRatio: 10,
  percentValueStyle: 'with-sign',
  narrativeGrouping: false,
  sharePlaces: 2,
  noDeviationText: '',
  noDeviationPhrases: [],
  framework: {},
  level1Aliases: {},
  level2Aliases: {},
  rateLikeKeywords: [],
  defaults: {},
  notes: {},
};

/** A validated regional profile. */
export type Profile = z.output<typeof ProfileSchema>;

/** A [P] default text of the profile, or "" when the profile has none. */
export const profileDefault = (p: Profile, key: string): string => p.defaults[key] ?? '';

/** The fixed 备注 lines of a document, or none. */
export const profileNotes = (p: Profile, key: string): readonly string[] => p.notes[key] ?? [];

/**
 * A profile's `settings` read with a profile-specific schema: the parsed settings, or the schema's defaults and a
 * Chinese message when they are invalid (the checks report it as E-PROFILE, so nothing is written).
 */
export function readSettings<T>(p: Profile, schema: z.ZodType<T>): { readonly value: T; readonly problem: string | null } {
  const parsed = schema.safeParse(p.settings);
  if (parsed.success) return { value: parsed.data, problem: null };
  const issue = parsed.error.issues[0];
  return { value: schema.parse({}), problem: `格式文件 ${p.id} 的 settings.${issue?.path.join('.') ?? ''} 不符合要求：${issue?.message ?? ''}` };
}
