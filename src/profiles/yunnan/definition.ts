/** 云南格式定义：派生、检查、组装（自评情况、部门整体表、各项目表）与批量摘要。 */
import { ratio } from '../../model/money.js';
import { unitYearSchema, type UnitYearInput } from '../../model/unit-year.js';
import type { Derived } from '../../model/derived.js';
import type { ProfileDefinition } from '../definition.js';
import { YunnanSettingsSchema } from './settings.js';
import { derive } from './derive/derive.js';
import { check } from './check/check.js';
import { composeDocuments } from './compose/documents.js';
import { filled, isUnprinted, missingDeptTexts, missingParts, settingsOf } from './documents.js';
import { declaredFields } from '../../compose/table-layout/fields.js';

/** The yunnan profile: projects are scored, the department is not. */
export const yunnanProfile: ProfileDefinition<UnitYearInput, Derived> = {
  id: 'yunnan',
  inputSchema: unitYearSchema,
  unusedKeys: {},
  settingsSchema: YunnanSettingsSchema,
  // Note: the document set decides which of narrative, finance, dept the input must give (documents.ts).
  derive: (u, p) => derive(filled(u), p),
  check: (u, d, p, opts) => {
    const docs = settingsOf(u, p).documents;
    const deptTable = p.tables['dept'];
    const deptFields = deptTable ? declaredFields(deptTable) : new Set<string>();
    return [...missingParts(u, docs), ...missingDeptTexts(u, docs, deptFields), ...check(filled(u), d, p, opts).filter((x) => !isUnprinted(x, docs))];
  },
  compose: (u, d, p, t, render) => composeDocuments(filled(u), d, p, t, render),
  // Note: the Yunnan department is unscored and states no department budget; its headline is the project budget.
  summarize: (u, d) => ({
    budget: d.dept.projectsBudget,
    executed: d.dept.projectsExecuted,
    rate: ratio(d.dept.projectsExecuted, d.dept.projectsBudget),
    score: null,
    grade: null,
    projects: d.projects.map((p, i) => ({
      name: u.projects[i]!.name,
      budget: p.total.adjustedBudget,
      executed: p.total.executed,
      rate: p.total.rate,
      score: p.totalScore,
      grade: p.grade,
    })),
  }),
};
