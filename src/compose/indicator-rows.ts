/** 指标块的顺序：按框架顺序分组（一级、二级），组内保持输入顺序（DOMAIN.md §3.0）；合并单元格由表格声明完成。 */
import type { IndicatorInput } from '../model/unit-year.js';
import type { Profile } from '../model/profile.js';

/** Indices of the indicators grouped by 一级 then 二级, in framework order, input order within a group. */
export interface IndicatorGroup {
  readonly level1: string;
  readonly level2s: readonly { readonly level2: string; readonly items: readonly number[] }[];
}

/** Canonical 一级 name after the profile's aliases. */
export const canonicalLevel1 = (name: string, p: Profile): string => p.level1Aliases[name] ?? name;

/** Groups indicators for the row-spanned block; unknown levels keep their first-seen order after the known ones. */
export function groupIndicators(inds: readonly Pick<IndicatorInput, 'level1' | 'level2'>[], p: Profile): IndicatorGroup[] {
  const order = Object.keys(p.framework);
  const rank = (l1: string) => {
    const i = order.indexOf(canonicalLevel1(l1, p));
    return i < 0 ? order.length : i;
  };
  type Group2 = { level2: string; items: number[] };
  const groups: { level1: string; level2s: Group2[]; byLevel2: Map<string, Group2> }[] = [];
  // Note: groups found by Map, not by searching the list per indicator (quadratic when every level is distinct).
  const byLevel1 = new Map<string, (typeof groups)[number]>();
  inds.forEach((ind, i) => {
    let g = byLevel1.get(ind.level1);
    if (!g) {
      g = { level1: ind.level1, level2s: [], byLevel2: new Map() };
      groups.push(g);
      byLevel1.set(ind.level1, g);
    }
    let g2 = g.byLevel2.get(ind.level2);
    if (!g2) {
      g2 = { level2: ind.level2, items: [] };
      g.level2s.push(g2);
      g.byLevel2.set(ind.level2, g2);
    }
    g2.items.push(i);
  });
  const firstSeen = new Map(groups.map((g, i) => [g.level1, i] as const));
  const ranks = new Map(groups.map((g) => [g.level1, rank(g.level1)] as const));
  return groups
    .sort((a, b) => ranks.get(a.level1)! - ranks.get(b.level1)! || firstSeen.get(a.level1)! - firstSeen.get(b.level1)!)
    .map(({ level1, level2s }) => ({ level1, level2s }));
}
