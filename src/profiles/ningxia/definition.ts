/** 宁夏格式定义：派生、检查、组装（本级项目绩效自评叙述）与批量摘要。 */
import { ningxiaUnitSchema, type NingxiaUnit } from './schema.js';
import type { NingxiaDerived } from './derived.js';
import { deriveNingxia } from './derive/derive.js';
import { checkNingxia } from './check/check.js';
import { composeNingxia } from './compose/documents.js';
import type { ProfileDefinition } from '../definition.js';
import { NingxiaSettingsSchema } from './settings.js';

/** The ningxia profile: nothing is scored, so the headline is the projects' money. */
export const ningxiaProfile: ProfileDefinition<NingxiaUnit, NingxiaDerived> = {
  id: 'ningxia',
  inputSchema: ningxiaUnitSchema,
  settingsSchema: NingxiaSettingsSchema,
  derive: deriveNingxia,
  check: checkNingxia,
  compose: composeNingxia,
  summarize: (u, d) => ({
    budget: d.totals.adjustedBudget, executed: d.totals.executed, rate: d.totals.rate, score: null, grade: null,
    projects: u.projects.map((p) => ({ name: p.name, score: null, grade: null })),
  }),
};
