/** 模式遍历：穿过 optional/default/transform 等包装，取到输入契约中某一路径处的对象或列表模式。 */
import * as z from 'zod';

/** The schema under optional, default, nullable and transform wrappers. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    // Note: a preprocess (ownRecord) is a pipe from a transform into the real schema, which is then the one that counts.
    else if (s instanceof z.ZodPipe) s = (s.in instanceof z.ZodTransform ? s.out : s.in) as z.ZodType;
    else return s;
  }
}
