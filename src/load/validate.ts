/** 校验：用 zod 输入契约检查已读入的数据，得到 UnitYear 或中文诊断（缺少必填项、未知字段、格式错误）。 */
import * as z from 'zod';
import { zhCN } from 'zod/locales';
import type { Diagnostic, DiagnosticCode } from '../model/diagnostic.js';
import { diagnostic } from '../model/diagnostic.js';
import { FIELD_LABELS, labelPath } from '../model/labels.js';
import { AMOUNT_UNITS } from '../model/unit-year.js';
import type { AmountUnit } from '../model/unit-year.js';
import type { Loaded } from './read-input.js';
import { suggestKey } from './suggest.js';
import { checkLimits } from './limits.js';
import { unwrapSchema as unwrap } from '../model/schema-walk.js';

// Note: zod's own messages (the few our schema does not word itself) come out in Chinese.
z.config(zhCN());

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: '“键: 值”形式的对象',
  array: '列表（每项以“- ”开头）',
  string: '文字',
  number: '数字',
  boolean: 'true 或 false',
};

/** Input schema factory per profile id; the first entry is the default profile. */
export type InputSchemas = Readonly<Record<string, (u: AmountUnit) => z.ZodType>>;

/**
 * Validates loaded data against the input contract of its profile: a typed unit U (money as Decimal), or diagnostics.
 * Note: the schemas come from the caller (run/ passes the profile registry's), so load/ knows no profile.
 */
export function validateUnit<U = unknown>(loaded: Loaded, schemas: InputSchemas): { unit?: U; diagnostics: Diagnostic[] } {
  // Note: the size bounds come first, so that an oversized input costs no schema work and no later stage.
  const tooLarge = checkLimits(loaded);
  if (tooLarge.length > 0) return { diagnostics: tooLarge };
  const diagnostics: Diagnostic[] = [];
  const { unit: amountUnit, problem } = readAmountUnit(loaded);
  if (problem) diagnostics.push(problem);

  const { id: profileId, problem: profileProblem } = readProfileId(loaded, schemas);
  if (profileProblem) diagnostics.push(profileProblem);

  const schema = schemas[profileId]!(amountUnit);
  const parsed = schema.safeParse(loaded.data);
  if (parsed.success) return diagnostics.length > 0 ? { diagnostics } : { unit: parsed.data as U, diagnostics };

  for (const issue of parsed.error.issues) {
    if (problem && issue.path.length === 1 && issue.path[0] === 'amountUnit') continue;
    if (profileProblem && issue.path.length === 1 && issue.path[0] === 'profile') continue;
    diagnostics.push(...fromIssue(issue, loaded, schema));
  }
  return { diagnostics: sortByPlace(diagnostics) };
}

/** 格式 (profile) as written (default: the first of `schemas`); an unknown one is reported where it is written. */
function readProfileId(loaded: Loaded, schemas: InputSchemas): { id: string; problem?: Diagnostic } {
  const ids = Object.keys(schemas);
  const fallback = ids[0]!;
  const raw = valueAt(loaded.data, ['profile']);
  const known = typeof raw.value === 'string' && Object.hasOwn(schemas, raw.value);
  if (!raw.present || raw.value === null || known) return { id: known ? (raw.value as string) : fallback };
  const actual = describe(raw.value);
  return {
    id: fallback,
    problem: located(loaded, 'E-SCHEMA', ['profile'], `${labelPath(['profile'])}：未知的格式（实际为${actual}），可用的格式为 ${ids.join('、')}。`, {
      expected: ids.join(' | '),
      actual,
    }),
  };
}

/** 金额单位 as written (default 万元); anything else is reported where it is written. */
function readAmountUnit(loaded: Loaded): { unit: AmountUnit; problem?: Diagnostic } {
  const raw = valueAt(loaded.data, ['amountUnit']);
  if (!raw.present || raw.value === null) return { unit: '万元' };
  const found = AMOUNT_UNITS.find((u) => u === raw.value);
  if (found) return { unit: found };
  const actual = describe(raw.value);
  return {
    unit: '万元',
    problem: located(loaded, 'E-SCHEMA', ['amountUnit'], `${labelPath(['amountUnit'])}：应为“万元”或“元”（实际为${actual}）。`, {
      expected: AMOUNT_UNITS.join(' 或 '),
      actual,
    }),
  };
}

/** One zod issue → diagnostics: E-REQUIRED for missing or blank values, E-UNKNOWN-KEY per unknown key, else E-SCHEMA. */
function fromIssue(issue: z.core.$ZodIssue, loaded: Loaded, schema: z.ZodType): Diagnostic[] {
  const path = issue.path.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number');
  const raw = valueAt(loaded.data, path);

  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(schema, path);
    return issue.keys.map((key) => {
      const guess = suggestKey(key, allowed);
      const message =
        guess !== undefined
          ? `未知字段“${key}”，是否想写“${guess}”（${FIELD_LABELS[guess] ?? guess}）？`
          : `未知字段“${key}”。此处可填写的字段有：${allowed.join('、')}。`;
      return located(loaded, 'E-UNKNOWN-KEY', [...path, key], message, { expected: guess ?? allowed.join(', '), actual: key }, true);
    });
  }

  // Note: a key the schema refuses by name inside a map (ownRecord: __proto__).
  if (issue.code === 'custom' && issue.params?.['unknownKey'] === true) {
    return [located(loaded, 'E-UNKNOWN-KEY', path, issue.message, { actual: String(path[path.length - 1] ?? '') }, true)];
  }

  if (isBlank(raw) && path.length > 0) {
    const parent = path.slice(0, -1);
    const step = path[path.length - 1]!;
    const where = parent.length > 0 ? labelPath(parent) : '文件顶层';
    const message = typeof step === 'number' ? `${where}：第${step + 1}项为空。` : `${where}：缺少必填项“${FIELD_LABELS[step] ?? step}”（${step}）。`;
    return [located(loaded, 'E-REQUIRED', path, message, { actual: raw.present ? '空值' : '未填写' }, raw.present)];
  }

  const where = path.length > 0 ? labelPath(path) : '文件顶层';
  const actual = raw.present ? describe(raw.value) : undefined;
  let expected: string | undefined;
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    // Note: the schema words its scalar fields itself; objects and lists fall back to zod's text, which names English types.
    if (issue.expected === 'object' || issue.expected === 'array') message = `应为${expected}，实际为${actual ?? '空'}`;
  } else if (issue.code === 'invalid_value') {
    expected = issue.values.map(String).join(' / ');
  } else if (issue.code === 'too_small') {
    expected = `≥ ${String(issue.minimum)}`;
  }
  return [
    located(loaded, 'E-SCHEMA', path, `${where}：${message}`, { ...(expected !== undefined ? { expected } : {}), ...(actual !== undefined ? { actual } : {}) }),
  ];
}

/** A diagnostic with file, path and place filled in. */
function located(
  loaded: Loaded,
  code: DiagnosticCode,
  path: readonly PropertyKey[],
  message: string,
  extras: { expected?: string; actual?: string },
  atKey = false,
): Diagnostic {
  return { ...diagnostic(code, path, message, extras), file: loaded.file, ...loaded.locate(path, atKey) };
}

interface Raw {
  readonly present: boolean;
  readonly value: unknown;
}

/** The raw (unparsed) value at a data path, and whether its key is written at all. */
function valueAt(data: unknown, path: readonly (string | number)[]): Raw {
  let value: unknown = data;
  for (const step of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, step)) return { present: false, value: undefined };
    value = (value as Record<string | number, unknown>)[step];
  }
  return { present: true, value };
}

/** Missing, empty (`key:`), null (`~`) or only spaces: DOMAIN.md §7.1 treats all as 缺少必填项. */
function isBlank(raw: Raw): boolean {
  return !raw.present || raw.value === null || raw.value === undefined || (typeof raw.value === 'string' && raw.value.trim() === '');
}

/** A raw value as a user would recognise it in a message. */
function describe(v: unknown): string {
  if (v === null || v === undefined) return '空值';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'object') return '对象';
  return `“${String(v)}”`;
}

/** Keys the object schema at a data path accepts, in schema order (for 是否想写 suggestions). */
export function allowedKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let s: z.ZodType | undefined = unwrap(schema);
  for (const step of path) {
    if (s instanceof z.ZodObject && typeof step === 'string') s = s.shape[step] as z.ZodType | undefined;
    else if (s instanceof z.ZodArray && typeof step === 'number') s = s.element as z.ZodType;
    else s = undefined;
    if (s === undefined) break;
    s = unwrap(s);
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : Object.keys(FIELD_LABELS);
}

/** Orders diagnostics as they appear in the file; unplaced ones keep their order at the end. */
function sortByPlace(ds: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): number => (d.place ? d.place.line * 1e6 + d.place.column : Infinity);
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => key(a.d) - key(b.d) || a.i - b.i)
    .map(({ d }) => d);
}
