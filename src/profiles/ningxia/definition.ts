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
  labels: { projects: '本级项目', funds: '项目资金' },
  unusedKeys: {
    maxScore: '宁夏格式不计分',
    executionWeight: '宁夏格式不计分',
    gradeBands: '宁夏格式不评级',
    defaultWeights: '宁夏格式不计分',
    lessThanRule: '宁夏格式不计分',
    equalRule: '宁夏格式不计分',
    percentValueStyle: '宁夏格式没有指标表',
    narrativeGrouping: '宁夏的叙述按项目排列',
    sharePlaces: '宁夏格式不打印占比',
    noDeviationText: '宁夏格式没有指标表',
    framework: '宁夏格式没有指标表',
    level1Aliases: '宁夏格式没有指标表',
    level2Aliases: '宁夏格式没有指标表',
    rateLikeKeywords: '宁夏格式没有指标表',
    defaults: '宁夏格式没有默认文字的栏目',
    notes: '宁夏格式不印表下备注',
  },
  settingsSchema: NingxiaSettingsSchema,
  derive: deriveNingxia,
  check: checkNingxia,
  compose: composeNingxia,
  summarize: (u, d) => ({
    budget: d.totals.adjustedBudget,
    executed: d.totals.executed,
    rate: d.totals.rate,
    score: null,
    grade: null,
    projects: u.projects.map((p, i) => ({
      name: p.name,
      budget: d.projects[i]!.adjustedBudget,
      executed: d.projects[i]!.executed,
      rate: d.projects[i]!.rate,
      score: null,
      grade: null,
    })),
  }),
};
