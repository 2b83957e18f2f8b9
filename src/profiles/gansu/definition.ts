/** 甘肃格式定义：派生、检查、组装（红头文件与整体支出绩效目标自评表）与批量摘要。 */
import { gansuUnitSchema, type GansuUnit } from './schema.js';
import type { GansuDerived } from './derived.js';
import { deriveGansu } from './derive/derive.js';
import { checkGansu } from './check/check.js';
import { composeGansu } from './compose/documents.js';
import type { ProfileDefinition } from '../definition.js';
import { GansuSettingsSchema } from './settings.js';

/** The gansu profile: the department is scored, so its headline is the G2 money row, 总分 and 等级. */
export const gansuProfile: ProfileDefinition<GansuUnit, GansuDerived> = {
  id: 'gansu',
  inputSchema: gansuUnitSchema,
  labels: { 'items.code': '功能分类编码', funds: '自评表资金', goal: '年度总体目标', expected: '预期目标', achieved: '实际完成情况' },
  unusedKeys: {
    percentValueStyle: '甘肃自评表的指标值照填报文字打印',
    narrativeGrouping: '甘肃的叙述是红头文件正文，不按一级指标分组',
    sharePlaces: '甘肃格式不打印占比',
  },
  settingsSchema: GansuSettingsSchema,
  derive: deriveGansu,
  check: checkGansu,
  compose: composeGansu,
  summarize: (_u, d) => ({
    budget: d.funds.adjustedBudget,
    executed: d.funds.executed,
    rate: d.funds.rate,
    score: d.totalScore,
    grade: d.grade,
    projects: [],
  }),
};
