/** 表格视图：compose 为一张表准备的数据（Decimal 金额、比率、得分、文字、已定类型的指标值），声明按字段路径取值。 */
import { Decimal } from 'decimal.js';
import type { CellValue } from '../../model/doc.js';
import type { MoneyUnit } from '../../model/table-layout.js';

/** The unit of every amount in the input model: the input schema turns a 元 input into 万元 when it is read. */
export const MODEL_UNIT: MoneyUnit = '万元';

/** Plain data for one table; no formatting and no arithmetic happen after it is built. `amountUnit` defaults to 万元. */
export type TableView = { readonly [key: string]: unknown; readonly amountUnit?: MoneyUnit };

/** Where a path is looked up: the current list item first, then the table's view; `$n`, `$k` are row counters. */
export interface Scope {
  readonly root: TableView;
  readonly item?: Readonly<Record<string, unknown>>;
  readonly vars?: Readonly<Record<string, unknown>>;
}

/** A path naming a field the view does not have: a mistake in the declaration (a typo), never a blank cell. */
export class UnknownFieldError extends Error {
  override name = 'UnknownFieldError';
}

const has = (o: unknown, key: string): boolean => typeof o === 'object' && o !== null && Object.hasOwn(o, key);

/** The paths split so far: a form declares a few dozen, looked up for every cell of every table (a Map, as a cache). */
const STEPS = new Map<string, readonly string[]>();
const steps = (path: string): readonly string[] => {
  let split = STEPS.get(path);
  if (!split) {
    split = path.split('.');
    // Note: the paths come from the forms, not from units; the bound only guards against a form that makes them up.
    if (STEPS.size < 10_000) STEPS.set(path, split);
  }
  return split;
};

/**
 * The value at a dotted path: undefined when a step passes through a null or undefined value (a fund source the
 * unit does not have). Throws UnknownFieldError when an object lacks the named field.
 */
export function lookup(scope: Scope, path: string): unknown {
  const all = steps(path);
  const head = all[0] ?? '';
  const from = head.startsWith('$') ? scope.vars : has(scope.item, head) ? scope.item : scope.root;
  if (!has(from, head)) throw new UnknownFieldError(`表格视图中没有字段 ${head}（${path}）`);
  let v: unknown = (from as Record<string, unknown>)[head];
  for (let i = 1; i < all.length; i++) {
    const step = all[i]!;
    if (v === null || v === undefined) return undefined;
    if (Array.isArray(v) && /^\d+$/.test(step)) {
      v = v[Number(step)];
      continue;
    }
    if (typeof v !== 'object' || Decimal.isDecimal(v) || Array.isArray(v) || !has(v, step)) throw new UnknownFieldError(`表格视图中没有字段 ${path}`);
    v = (v as Record<string, unknown>)[step];
  }
  return v;
}

/** A value the view already typed as a cell value (indicator values), recognised by its kind. */
export function isCellValue(v: unknown): v is CellValue {
  return typeof v === 'object' && v !== null && !Decimal.isDecimal(v) && typeof (v as { kind?: unknown }).kind === 'string';
}

/** `{path}` placeholders replaced by the view's texts and numbers; an absent value prints as nothing. */
export function interpolate(template: string, scope: Scope): string {
  // Note: most declared texts are fixed labels (表头); they have no placeholder to look for.
  if (!template.includes('{')) return template;
  return template.replace(/\{(\$?\w+(?:\.\$?\w+)*)\}/g, (_, path: string) => {
    const v = lookup(scope, path);
    if (v === undefined || v === null) return '';
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    if (Decimal.isDecimal(v)) return v.toFixed();
    throw new UnknownFieldError(`{${path}} 不是文字或数字`);
  });
}
