/** 四川格式定义：派生、检查、组装（自评报告、计分表、完成情况表，部门与各项目）与批量摘要。 */
import { ratio, round2 } from '../../model/money.js';
import { sichuanUnitSchema, type SichuanUnit } from './schema.js';
import type { SichuanDerived } from './derived.js';
import { deriveSichuan } from './derive/derive.js';
import { checkSichuan } from './check/check.js';
import { composeSichuan } from './compose/documents.js';
import type { ProfileDefinition } from '../definition.js';
import { SichuanSettingsSchema } from './settings.js';
import { readSettings } from '../../model/profile.js';
import { readRubric } from './derive/rubric.js';
import type { RubricKind } from './rubric.js';

/** The sichuan profile: the department and every project are scored; the headline is the department's 预算额 and 计分表. */
export const sichuanProfile: ProfileDefinition<SichuanUnit, SichuanDerived> = {
  id: 'sichuan',
  inputSchema: sichuanUnitSchema,
  labels: {
    dept: '部门整体支出',
    finance: '预算执行情况',
    income: '一般公共预算拨款收入',
    budget: '预算额',
    executed: '执行额',
    goal: '年度总体目标',
    expected: '预算总体目标',
    achieved: '执行结果',
  },
  unusedKeys: {
    maxScore: '满分由计分细则（rubric-*.yaml）各行分值决定',
    executionWeight: '四川不设预算执行率得分行，执行情况在计分表中计分',
    gradeBands: '等级按 settings.grades 的部门与项目两套名称评定',
    defaultWeights: '分值由计分细则决定',
    percentValueStyle: '百分数位数见 settings.percentPlaces',
    sharePlaces: '四川格式不打印占比；百分数位数见 settings.percentPlaces',
    defaults: '四川表样没有默认文字的栏目',
    notes: '四川表样下方不印备注',
  },
  settingsSchema: SichuanSettingsSchema,
  // Note: the 三级指标 of each 计分表 come from the profile's rubrics, so a workbook names them as the finance bureau does.
  entryNames: (p) => {
    const { value: s, problem } = readSettings(p, SichuanSettingsSchema);
    if (problem) return {};
    const lines = (key: string, kind: RubricKind) =>
      readRubric(p.data, key, kind).rubric?.groups.flatMap((g1) => g1.groups.flatMap((g2) => g2.lines.map((l) => [l.id, l.label] as const))) ?? [];
    return { 'dept.scoresheet.lines': lines(s.rubrics.dept, 'dept'), 'projects.*.scoresheet.lines': lines(s.rubrics.project, 'project') };
  },
  derive: deriveSichuan,
  check: checkSichuan,
  compose: composeSichuan,
  summarize: (u, d) => {
    const { total } = d.dept.rows;
    return {
      budget: total.budget,
      executed: total.executed,
      rate: ratio(round2(total.executed), round2(total.budget)),
      score: d.dept.sheet?.total ?? null,
      grade: d.dept.sheet?.grade ?? null,
      projects: u.projects.map((p, i) => ({
        name: p.name,
        budget: d.projects[i]!.rows.total.budget,
        executed: d.projects[i]!.rows.total.executed,
        rate: d.projects[i]!.rows.total.rate,
        score: d.projects[i]!.sheet?.total ?? null,
        grade: d.projects[i]!.sheet?.grade ?? null,
      })),
    };
  },
};
