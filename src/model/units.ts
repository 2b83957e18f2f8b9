/** 各地区格式的输入模式登记表：按 profile 选用输入模式；一个单位的输入是其中之一。 */
import type * as z from 'zod';
import { unitYearSchema, type AmountUnit, type UnitYear } from './unit-year.js';
import { gansuUnitSchema, type GansuUnit } from '../profiles/gansu/schema.js';
import { ningxiaUnitSchema, type NingxiaUnit } from '../profiles/ningxia/schema.js';
import { sichuanUnitSchema, type SichuanUnit } from '../profiles/sichuan/schema.js';

/** The regional formats jixiao knows (DOMAIN.md §3). */
export const PROFILE_IDS = ['yunnan', 'gansu', 'ningxia', 'sichuan'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

/** Input schema factory per profile; a new profile adds its schema file under model/ and one line here. */
export const UNIT_SCHEMAS: { readonly [K in ProfileId]: (u: AmountUnit) => z.ZodType } = {
  yunnan: unitYearSchema,
  gansu: gansuUnitSchema,
  ningxia: ningxiaUnitSchema,
  sichuan: sichuanUnitSchema,
};

/** One unit's validated input, whatever its profile; `profile` tells which. */
export type AnyUnit = UnitYear | GansuUnit | NingxiaUnit | SichuanUnit;

export const isProfileId = (s: unknown): s is ProfileId => typeof s === 'string' && (PROFILE_IDS as readonly string[]).includes(s);
