/** 格式登记表：profile id → 格式定义（输入模式、settings 模式、派生、检查、组装、摘要）；run/ 按输入的 profile 选用。 */
import type * as z from 'zod';
import type { AmountUnit, UnitYearInput } from '../model/unit-year.js';
import type { ProfileDefinition } from './definition.js';
import type { ProfileRules } from '../load/profile.js';
import { yunnanProfile } from './yunnan/definition.js';
import { gansuProfile } from './gansu/definition.js';
import { ningxiaProfile } from './ningxia/definition.js';
import { sichuanProfile } from './sichuan/definition.js';
import type { GansuUnit } from './gansu/schema.js';
import type { NingxiaUnit } from './ningxia/schema.js';
import type { SichuanUnit } from './sichuan/schema.js';

import { PROFILE_IDS, isProfileId, type ProfileId } from './ids.js';
import { withLabels } from '../model/labels.js';
import { YUNNAN_LAYOUT, type EntryLayout } from '../model/entry-workbook.js';
import { layoutFromSchema } from '../model/entry-layout.js';

export { PROFILE_IDS, isProfileId, type ProfileId };

/** One unit's validated input, whatever its profile; `profile` tells which. */
export type AnyUnit = UnitYearInput | GansuUnit | NingxiaUnit | SichuanUnit;

/**
 * A definition as the registry holds it, its unit type erased.
 * Note: with several profiles, `PROFILES[unit.profile]` is a union whose functions would take `never`; the
 * pipeline only ever hands a definition a unit of its own profile (the id selects both), so the registry erases the type.
 */
const entry = <U extends AnyUnit, D>(m: ProfileDefinition<U, D>): ProfileDefinition<AnyUnit, unknown> => m as unknown as ProfileDefinition<AnyUnit, unknown>;

/** Profile id → definition. A new profile with code adds its folder under src/profiles/ and one line here. */
export const PROFILES: { readonly [K in ProfileId]: ProfileDefinition<AnyUnit, unknown> } = {
  yunnan: entry(yunnanProfile),
  gansu: entry(gansuProfile),
  ningxia: entry(ningxiaProfile),
  sichuan: entry(sichuanProfile),
};

/** The Chinese labels diagnostics of a unit of `id` use: the kit's, with the form's own where a key means something else there. */
export const labelsFor = (id: string): Readonly<Record<string, string>> => withLabels((isProfileId(id) ? PROFILES[id].labels : undefined) ?? {});

/**
 * A schema factory that builds each amount unit's schema once. Note: a zod schema is never changed by parsing; building
 * yunnan's for every unit was 2 % of a build and a good part of its garbage.
 */
function builtOnce(make: (u: AmountUnit) => z.ZodType): (u: AmountUnit) => z.ZodType {
  const built = new Map<AmountUnit, z.ZodType>();
  return (u) => {
    let schema = built.get(u);
    if (!schema) {
      schema = make(u);
      built.set(u, schema);
    }
    return schema;
  };
}

/** Input schema factory per profile id, as load/validate.ts takes them (the first is the default); each built once. */
export const INPUT_SCHEMAS: Readonly<Record<string, (u: AmountUnit) => z.ZodType>> = Object.fromEntries(
  PROFILE_IDS.map((id) => [id, builtOnce(PROFILES[id].inputSchema)]),
);

/** What the loader checks profile.yaml against for a profile with code, or undefined for an id without code. */
export const profileRules = (id: string): ProfileRules | undefined =>
  isProfileId(id) ? { settingsSchema: PROFILES[id].settingsSchema, unusedKeys: PROFILES[id].unusedKeys } : undefined;

const layouts = new Map<ProfileId, EntryLayout | undefined>();
/**
 * The data-entry workbook of a form with code: yunnan's made by hand, every other one generated from its input schema
 * (model/entry-layout.ts); undefined where a schema has a part a workbook cannot hold (a list inside a list item other than
 * a project's).
 */
export function entryLayout(id: ProfileId): EntryLayout | undefined {
  if (id === 'yunnan') return YUNNAN_LAYOUT;
  if (!layouts.has(id)) layouts.set(id, layoutFromSchema(id, PROFILES[id].inputSchema('万元'), labelsFor(id)));
  return layouts.get(id);
}
