/** 宁夏项目绩效自评的模板视图：每个数字都由项目数据算出并格式化，叙述中同一数字处处相同。 */
import type { NingxiaDerived } from '../derived.js';
import type { NingxiaUnit } from '../schema.js';
import type { NingxiaSettings } from '../settings.js';
import { chineseDate, narrativeAmount, narrativePercent, openEnded } from '../../../compose/narrative-numbers.js';

/** Items numbered 1. 2. … by the view (templates do no arithmetic). */
const numbered = (items: readonly string[]) => items.map((text, i) => ({ n: String(i + 1), text }));

/** The view of the title and report templates of N1. */
export function ningxiaView(u: NingxiaUnit, d: NingxiaDerived, s: NingxiaSettings) {
  const style = s.narrativeNumbers;
  const amt = (x: Parameters<typeof narrativeAmount>[0]) => narrativeAmount(x, style);
  return {
    year: String(u.year),
    region: u.region,
    unit: { name: u.unit.name },
    narrative: {
      ...u.narrative,
      activities: numbered(u.narrative.activities),
      fundManagement: { intro: u.narrative.fundManagement.intro, items: numbered(u.narrative.fundManagement.items) },
      costSaving: { lead: u.narrative.costSaving.lead ?? '', rest: u.narrative.costSaving.rest },
    },
    totals: {
      count: String(u.projects.length),
      adjusted: amt(d.totals.adjustedBudget),
      executed: amt(d.totals.executed),
      available: amt(d.totals.available),
    },
    projects: u.projects.map((p, i) => {
      const f = d.projects[i]!;
      return {
        n: String(i + 1),
        name: p.name,
        adjusted: amt(f.adjustedBudget),
        executed: amt(f.executed),
        rate: f.rate === null ? null : narrativePercent(f.rate, style),
        purpose: p.purpose,
        deviation: openEnded(p.deviationReason ?? ''),
      };
    }),
    /** The number of the closing [E] item of 绩效指标完成情况分析, after one item per project. */
    summaryNumber: String(u.projects.length + 1),
    signature: { name: u.signature.name, date: chineseDate(u.signature.date) },
  };
}
