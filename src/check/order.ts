/** 诊断排序：按数据路径在输入契约中的先后（字段按模式顺序，列表按下标）。 */
import * as z from 'zod';
import type { Diagnostic } from '../model/diagnostic.js';
import { unitYearSchema } from '../model/unit-year.js';
import { unwrapSchema as unwrap } from '../model/schema-walk.js';

const ROOT: z.ZodType = unitYearSchema('万元');
/** Rank of a key the schema does not know: after every known key. */
const UNKNOWN = Number.MAX_SAFE_INTEGER;

/** The path as a list of ranks: schema position for keys, the index for list items. */
function ranks(path: readonly PropertyKey[], root: z.ZodType = ROOT): number[] {
  let s: z.ZodType | undefined = unwrap(root);
  return path.map((step) => {
    if (typeof step === 'number') {
      s = s instanceof z.ZodArray ? unwrap(s.element as z.ZodType) : undefined;
      return step;
    }
    if (s instanceof z.ZodObject) {
      const keys = Object.keys(s.shape);
      const i = keys.indexOf(String(step));
      const next = (s.shape as Record<string, z.ZodType>)[String(step)];
      s = next ? unwrap(next) : undefined;
      return i < 0 ? UNKNOWN : i;
    }
    s = undefined;
    return UNKNOWN;
  });
}

function compareRanks(ra: readonly number[], rb: readonly number[]): number {
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) if (ra[i] !== rb[i]) return ra[i]! < rb[i]! ? -1 : 1;
  return ra.length - rb.length;
}

/** Compares two data paths in input order; a path comes before the paths inside it. No path sorts first. */
export const comparePaths = (a: readonly PropertyKey[] | undefined, b: readonly PropertyKey[] | undefined): number =>
  compareRanks(ranks(a ?? []), ranks(b ?? []));

/**
 * Sorts diagnostics by path in the order of `root` (the yunnan input schema unless a profile passes its own),
 * keeping the given order among equal paths (Array.prototype.sort is stable).
 */
export function sortByPath(ds: readonly Diagnostic[], root: z.ZodType = ROOT): Diagnostic[] {
  return ds
    .map((d) => ({ d, r: ranks(d.path ?? [], root) }))
    .sort((x, y) => compareRanks(x.r, y.r))
    .map(({ d }) => d);
}
