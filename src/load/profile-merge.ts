/** extends 的合并规则：对象逐键深合并，列表与标量整个替换（子格式写的优先）。 */

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parent's data with the child's written over it: mappings merge key by key, lists and scalars are replaced. */
export function mergeProfileData(parent: Readonly<Record<string, unknown>>, child: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    const before = out[key];
    out[key] = isMapping(before) && isMapping(value) ? mergeProfileData(before, value) : value;
  }
  return out;
}

/** Whether `path` is written in `data` (every step present). */
export function hasPath(data: unknown, path: readonly PropertyKey[]): boolean {
  let v: unknown = data;
  for (const step of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, step)) return false;
    v = (v as Record<PropertyKey, unknown>)[step];
  }
  return true;
}
