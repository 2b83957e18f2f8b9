/** 模板视图：把输入与派生数据变成模板所需的、已格式化的字符串。 */
import type { Decimal } from 'decimal.js';
import { formatAmount, formatPercent } from '../../../model/money.js';
import type { Derived } from '../../../model/derived.js';
import { profileDefault, type Profile } from '../../../model/profile.js';
import type { UnitYear } from '../../../model/unit-year.js';

/** A share already in percent units (largest remainder) printed with the profile's decimals. */
const share = (pct: Decimal | null, places: number): string | null => (pct === null ? null : `${pct.toFixed(places)}%`);

/** The view of the department report template: every figure formatted, a missing rate stays null. */
export function reportView(u: UnitYear, d: Derived, p: Profile) {
  const grouping = u.options?.narrativeGrouping ?? p.narrativeGrouping;
  const amt = (x: Decimal) => formatAmount(x, grouping);
  const { dept } = d;
  return {
    year: String(u.year),
    unit: { name: u.unit.name, code: u.unit.code },
    narrative: { ...u.narrative, otherMatters: u.narrative.otherMatters ?? profileDefault(p, 'otherMatters') },
    finance: {
      totalIncome: amt(dept.totalIncome),
      income: dept.income.map((i) => ({ name: i.name, amount: amt(i.amount), share: i.amount.isZero() ? null : share(i.share, p.sharePlaces) })),
      totalExpenditure: amt(dept.totalExpenditure),
      basic: amt(dept.basicExpenditure),
      project: amt(dept.projectExpenditure),
      basicShare: share(dept.basicShare, p.sharePlaces),
      projectShare: share(dept.projectShare, p.sharePlaces),
    },
    projects: d.projects.map((f, i) => ({
      name: u.projects[i]!.name,
      adjusted: amt(f.total.adjustedBudget),
      executed: amt(f.total.executed),
      rate: f.total.rate && formatPercent(f.total.rate),
      score: f.totalScore.toFixed(2),
      grade: f.grade,
    })),
  };
}
