/** 格式定义：一个地区格式的输入模式、settings 模式与派生、检查、组装、摘要函数（登记在 registry.ts）。 */
import type * as z from 'zod';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Profile } from '../model/profile.js';
import type { UnitSummary } from '../model/summary.js';
import type { AmountUnit } from '../model/unit-year.js';
import type { ProfileTemplates } from '../model/templates.js';
import type { Render } from '../compose/templates.js';
import type { UnitDocuments } from '../compose/unit-documents.js';
import type { CheckOptions } from '../check/severity.js';
import type { EntryNames } from '../model/entry-workbook.js';

/** What a profile is and does with a validated unit U; D is its derived model. */
export interface ProfileDefinition<U, D> {
  /** The id the input's `profile:` names and the folder under templates/. */
  readonly id: string;
  /** The input contract, per 金额单位 of the input. */
  readonly inputSchema: (u: AmountUnit) => z.ZodType;
  /** Schema of `settings` in the profile's profile.yaml; validated once, at load (load/profile.ts). */
  readonly settingsSchema: z.ZodType;
  /** Common keys of profile.yaml this profile's code never reads, each with why; writing one is E-PROFILE (no dead settings). */
  readonly unusedKeys: Readonly<Record<string, string>>;
  /** Chinese labels of input keys whose meaning in this form differs from the kit's (model/labels.ts), for diagnostics. */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * The names of the entries a keyed map of the input may have, by the map's data path with `*` for a list index
   * (`dept.scoresheet.lines`, `projects.*.scoresheet.lines`): [代号, 名称] in order. The data-entry workbook lists them
   * on its 代号 sheet, offers them as a drop-down and shows each row's name; a blank workbook starts with them.
   */
  readonly entryNames?: (p: Profile) => EntryNames;
  readonly derive: (u: U, p: Profile) => D;
  readonly check: (u: U, d: D, p: Profile, opts: CheckOptions) => Diagnostic[];
  readonly compose: (u: U, d: D, p: Profile, t: ProfileTemplates, render: Render) => UnitDocuments;
  readonly summarize: (u: U, d: D) => UnitSummary;
}
