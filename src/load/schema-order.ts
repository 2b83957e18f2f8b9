/** 键序：按输入契约中字段的先后，重排读入数据各层对象的键（工作簿读入的数据写成 YAML 时与示例同序）。 */
import * as z from 'zod';
import { unwrapSchema } from '../model/schema-walk.js';

/** A copy of `value` whose object keys follow the schema's field order; keys the schema lacks come last. */
export function orderLikeSchema(schema: z.ZodType, value: unknown): unknown {
  const s = unwrapSchema(schema);
  if (Array.isArray(value)) return s instanceof z.ZodArray ? value.map((v) => orderLikeSchema(s.element as z.ZodType, v)) : value;
  if (typeof value !== 'object' || value === null) return value;
  if (s instanceof z.ZodRecord) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, orderLikeSchema(s.valueType as z.ZodType, v)]));
  if (!(s instanceof z.ZodObject)) return value;
  const shape = s.shape as Record<string, z.ZodType>;
  const obj = value as Record<string, unknown>;
  const keys = [...Object.keys(shape).filter((k) => Object.hasOwn(obj, k)), ...Object.keys(obj).filter((k) => !Object.hasOwn(shape, k))];
  return Object.fromEntries(keys.map((k) => [k, shape[k] ? orderLikeSchema(shape[k], obj[k]) : obj[k]]));
}
