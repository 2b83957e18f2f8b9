/** 宁夏格式模块：派生、检查、组装（本级项目绩效自评叙述）与批量摘要。 */
import type { NingxiaUnit } from './schema.js';
import type { NingxiaDerived } from './derived.js';
import { deriveNingxia } from './derive/derive.js';
import { checkNingxia } from './check/check.js';
import { composeNingxia } from './compose/documents.js';
import type { ProfileModule } from '../registry.js';

/** The ningxia profile: nothing is scored, so the headline is the projects' money. */
export const ningxiaModule: ProfileModule<NingxiaUnit, NingxiaDerived> = {
  derive: deriveNingxia,
  check: checkNingxia,
  compose: composeNingxia,
  summarize: (u, d) => ({
    budget: d.totals.adjustedBudget, executed: d.totals.executed, rate: d.totals.rate, score: null, grade: null,
    projects: u.projects.map((p) => ({ name: p.name, score: null, grade: null })),
  }),
};
