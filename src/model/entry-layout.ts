/**
 * 由输入模式生成填报工作簿版式：顶层的文字、数字归入“单位”表（按节），对象的列表各成一张表，列名取字段中文名。
 * 云南格式（及由它派生的格式）用手工排定的版式（entry-workbook.ts）；其余格式都由这里按模式生成（issue 15）。
 */
import * as z from 'zod';
import {
  ACHIEVEMENT,
  NAMES_SHEET,
  PROJECT_ID_FIELD,
  RECORD_KEY,
  RECORD_NAME,
  type EntryLayout,
  type Field,
  type FormSheet,
  type TableSheet,
} from './entry-workbook.js';
import { type FieldKind, kindOf } from './input-kinds.js';

/** A scalar leaf of the schema: its dot key (from its sheet's row object or the file's top) and its cell kind. */
interface Leaf {
  readonly steps: readonly string[];
  readonly kind: FieldKind;
  readonly optional: boolean;
  readonly choices?: readonly (readonly [string, string])[];
}

/** Why a schema has no generated workbook (a keyed map, a list of lists): the layout cannot hold it. */
class Unsupported extends Error {}

/** Unwraps optional/default/nullable; stops at a marked building block, whose own kind counts. */
function peel(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let s = schema;
  let optional = false;
  for (;;) {
    if (kindOf(s)) return { inner: s, optional };
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) {
      optional = true;
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe && s.in instanceof z.ZodTransform) {
      // Note: a preprocess (ownRecord) checks the value and hands it on: the schema after it is the one to lay out.
      s = s.out as z.ZodType;
    } else return { inner: s, optional };
  }
}

/** The cell kind of a scalar schema, or undefined for an object, list or map. */
function scalarKind(s: z.ZodType): Pick<Leaf, 'kind' | 'choices'> | undefined {
  const marked = kindOf(s);
  if (marked) return { kind: marked };
  if (s instanceof z.ZodBoolean) return { kind: 'yesNo' };
  if (s instanceof z.ZodEnum) {
    const options = s.options as string[];
    // Note: the 定性达成情况 of an indicator shows as 达成 / 部分达成 / 未达成, as in yunnan's workbook.
    const known = ACHIEVEMENT.every(([, stored]) => options.includes(stored)) && options.length === ACHIEVEMENT.length;
    return { kind: 'choice', choices: known ? ACHIEVEMENT : options.map((o) => [o, o] as const) };
  }
  if (s instanceof z.ZodObject || s instanceof z.ZodArray || s instanceof z.ZodRecord) return undefined;
  // Note: any other scalar (a literal, a union of text and number with its own parsing) is typed as text; the schema
  // checks it when the workbook is read, as it checks YAML.
  return { kind: 'text' };
}

/** A list of objects, or a map of objects keyed by text (`record`), under an object schema. */
interface ListPart {
  readonly steps: readonly string[];
  readonly element: z.ZodObject;
  readonly optional: boolean;
  readonly record: boolean;
}

interface Walked {
  readonly leaves: Leaf[];
  readonly lists: ListPart[];
}

/** The scalar leaves and the lists (and maps) of objects under an object schema. */
function walk(object: z.ZodObject, steps: readonly string[], out: Walked): void {
  for (const [key, child] of Object.entries(object.shape as Record<string, z.ZodType>)) {
    const { inner, optional } = peel(child);
    const at = [...steps, key];
    const scalar = scalarKind(inner);
    if (scalar) out.leaves.push({ steps: at, optional, ...scalar });
    else if (inner instanceof z.ZodObject) walk(inner, at, out);
    else if (inner instanceof z.ZodArray) {
      const element = peel(inner.element as z.ZodType).inner;
      const item = scalarKind(element);
      if (item && (item.kind === 'text' || item.kind === 'prose')) out.leaves.push({ steps: at, optional, kind: 'lines' });
      else if (item?.kind === 'yesNo') out.leaves.push({ steps: at, optional, kind: 'yesNoList' });
      else if (element instanceof z.ZodObject) out.lists.push({ steps: at, element, optional, record: false });
      else throw new Unsupported(at.join('.'));
    } else if (inner instanceof z.ZodRecord) {
      const value = peel(inner.valueType as z.ZodType).inner;
      const item = scalarKind(value);
      // Note: a map of numbers (sichuan's 计算参数) fits one cell, a `名称：数值` per line; a map of objects is a sheet.
      if (item && item.kind !== 'yesNo' && item.kind !== 'choice') out.leaves.push({ steps: at, optional, kind: 'pairs' });
      else if (value instanceof z.ZodObject) out.lists.push({ steps: at, element: value, optional, record: true });
      else throw new Unsupported(at.join('.'));
    } else throw new Unsupported(at.join('.'));
  }
}

const HINTS: Partial<Record<FieldKind, string>> = {
  amount: '金额，按“金额单位”填写，最多两位小数',
  signedAmount: '金额，可为负数，最多两位小数',
  points: '分值，数字',
  year: '四位年份',
  date: '写作 YYYY-MM-DD',
  yesNo: '是 或 否',
  lines: '多条时一条一行（单元格内按 Alt+Enter 换行）',
  yesNoList: '按顺序逐项填 是 或 否，用“、”隔开，如：是、是、否',
  pairs: '一行一项，写作 名称：数值（单元格内按 Alt+Enter 换行）',
};

/** Builds the workbook layout of a profile's input schema; undefined when the schema has a part a workbook cannot hold. */
export function layoutFromSchema(profile: string, schema: z.ZodType, labels: Readonly<Record<string, string>>): EntryLayout | undefined {
  const root = peel(schema).inner;
  if (!(root instanceof z.ZodObject)) return undefined;
  // Note: a key may mean something else under one parent (gansu's budget item `code` is a 功能分类 code, not the
  // unit's 预算单位编码): a label under `parent.key` wins over the key's own.
  const label = (key: string, parent?: string) => (parent !== undefined ? labels[`${parent}.${key}`] : undefined) ?? labels[key] ?? key;
  const title = (steps: readonly string[], parent?: string) => steps.map((k, i) => label(k, i === 0 ? parent : steps[i - 1])).join('·');
  const field = (leaf: Leaf, from: number, group?: string, parent?: string): Field => {
    const hint = [leaf.optional ? '可不填' : '', leaf.choices ? `可选：${leaf.choices.map(([c]) => c).join('、')}` : (HINTS[leaf.kind] ?? '')]
      .filter((h) => h !== '')
      .join('；');
    const wide = leaf.kind === 'prose' || leaf.kind === 'lines';
    const middling = leaf.kind === 'text' || leaf.kind === 'pairs' || leaf.kind === 'yesNoList';
    return {
      key: leaf.steps.join('.'),
      header: title(leaf.steps.slice(from), from > 0 ? leaf.steps[from - 1] : parent),
      kind: leaf.kind,
      ...(group !== undefined ? { group } : {}),
      width: wide ? 50 : middling ? 20 : 12,
      ...(leaf.choices ? { choices: leaf.choices } : {}),
      ...(leaf.kind === 'text' && leaf.steps.at(-1) === 'profile' ? { hint: '由 jixiao 写入的格式代号，请勿修改' } : hint !== '' ? { hint } : {}),
    };
  };
  try {
    const top: Walked = { leaves: [], lists: [] };
    walk(root, [], top);
    // Note: the 单位 sheet holds one section per top-level part; the scalars at the top open it as 基本信息.
    const sections = new Map<string, Field[]>();
    for (const leaf of top.leaves) {
      const head = leaf.steps.length === 1 ? '基本信息' : label(leaf.steps[0]!);
      sections.set(head, [...(sections.get(head) ?? []), field(leaf, leaf.steps.length === 1 ? 0 : 1)]);
    }
    const unit: FormSheet = { type: 'form', name: '单位', sections: [...sections].map(([t, fields]) => ({ title: t, fields })) };
    const used = new Set(['单位', '说明']);
    const nameFor = (text: string) => {
      let name = sheetName(text);
      for (let n = 2; used.has(name); n++) name = sheetName(`${text}${n}`);
      used.add(name);
      return name;
    };
    /** The columns of one list's rows; a list inside a row is unsupported except under `projects` (child sheets). */
    const columns = (list: ListPart, inside: Walked): Field[] => {
      const owner = list.steps.at(-1);
      return inside.leaves.map((leaf) =>
        leaf.steps.length > 1 ? field(leaf, leaf.steps.length - 1, title(leaf.steps.slice(0, -1), owner)) : field(leaf, 0, undefined, owner),
      );
    };
    const keyFields = (list: ListPart): Field[] => {
      const what = label(list.steps.at(-1)!, list.steps.at(-2));
      return [
        {
          key: RECORD_KEY,
          header: `${what}代号`,
          kind: 'text',
          width: 20,
          hint: `每行一项，从下拉列表或“${NAMES_SHEET}”表选取，同一张表（子表中同一项目）内不能重复`,
        },
        { key: RECORD_NAME, header: `${what}名称`, kind: 'text', width: 22, hint: '按代号自动显示，不必填写' },
      ];
    };
    const tables: TableSheet[] = [];
    for (const list of top.lists) {
      const inside: Walked = { leaves: [], lists: [] };
      walk(list.element, [], inside);
      const isProjects = list.steps.join('.') === 'projects' && !list.record;
      if (inside.lists.length > 0 && !isProjects) throw new Unsupported(`${list.steps.join('.')}.${inside.lists[0]!.steps.join('.')}`);
      if (isProjects && !inside.leaves.some((l) => l.steps.join('.') === 'id')) throw new Unsupported('projects.id');
      const fields = [...(list.record ? keyFields(list) : []), ...columns(list, inside)];
      const rowText = `一项${label(list.steps.at(-1)!, list.steps.at(-2))}`;
      tables.push({
        type: 'table',
        name: nameFor(title(list.steps)),
        row: rowText,
        path: list.steps,
        fields,
        ...(list.optional ? { optional: true } : {}),
        ...(list.record ? { record: true } : {}),
      });
      // Note: a list (or map) inside each project is a child sheet whose first column names the project by its 项目标识.
      for (const child of isProjects ? inside.lists : []) {
        const grand: Walked = { leaves: [], lists: [] };
        walk(child.element, [], grand);
        if (grand.lists.length > 0) throw new Unsupported(`projects.${child.steps.join('.')}.${grand.lists[0]!.steps.join('.')}`);
        const projectLabel = label('projects');
        tables.push({
          type: 'table',
          name: nameFor(`${projectLabel}·${title(child.steps, 'projects')}`),
          row: `${projectLabel}的一项${label(child.steps.at(-1)!, child.steps.at(-2) ?? 'projects')}`,
          path: child.steps,
          child: { required: !child.optional },
          fields: [PROJECT_ID_FIELD, ...(child.record ? keyFields(child) : []), ...columns(child, grand)],
          ...(child.record ? { record: true } : {}),
        });
      }
    }
    return { profile, unit, tables, schema: root };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** A sheet name Excel accepts: without []:*?/\ and at most 31 characters. */
const sheetName = (text: string): string => [...text.replace(/[[\]:*?/\\]/g, '')].slice(0, 31).join('');
