/** 读取计分细则：按模式解析格式目录中的细则数据，并核对分值合计与规则参数（E-RUBRIC-INVALID）。 */
import type { Decimal } from 'decimal.js';
import { formatScore, sum } from '../../../model/money.js';
import { diagnostic, type Diagnostic } from '../../../model/diagnostic.js';
import { BINDINGS, RubricSchema, type Rubric, type RubricKind, type RubricLine } from '../rubric.js';

/** A rubric read from profile data, or the problems that make it unusable. */
export type RubricResult = { readonly rubric: Rubric; readonly problems: readonly [] } | { readonly rubric: null; readonly problems: readonly Diagnostic[] };

const invalid = (name: string, where: string, text: string): Diagnostic => diagnostic('E-RUBRIC-INVALID', [], `评分细则“${name}”：${where}${text}`);

/** `评分细则“{细则}”：{位置}分值合计{合计}，应为{应为}。` when parts do not add up to their whole. */
function sumProblem(name: string, where: string, parts: readonly Decimal[], whole: Decimal): Diagnostic[] {
  const total = sum(parts);
  return total.equals(whole) ? [] : [invalid(name, where, `分值合计${formatScore(total)}，应为${formatScore(whole)}。`)];
}

/** Problems of one line: checklist and quarter points, formula inputs, bindings. */
function lineProblems(name: string, kind: RubricKind, line: RubricLine): Diagnostic[] {
  const where = `“${line.label}”`;
  const out: Diagnostic[] = [];
  const { rule } = line;
  if (rule.type === 'checklist')
    out.push(
      ...sumProblem(
        name,
        `${where}各评分要点`,
        rule.items.map((i) => i.points),
        line.points,
      ),
    );
  if (rule.type === 'quarters')
    out.push(
      ...sumProblem(
        name,
        `${where}四个季度`,
        [0, 1, 2, 3].map(() => rule.perQuarter),
        line.points,
      ),
    );
  const keys = line.inputs.map((i) => i.key);
  for (const k of line.rate?.of ?? []) if (!keys.includes(k)) out.push(invalid(name, where, `公式引用的参数“${k}”未在 inputs 中定义。`));
  if (new Set(keys).size !== keys.length) out.push(invalid(name, where, '参数标识重复。'));
  const allowed: readonly string[] = BINDINGS[kind];
  for (const input of line.inputs) {
    if (input.from !== undefined && !allowed.includes(input.from)) {
      out.push(invalid(name, where, `参数“${input.key}”的取值来源“${input.from}”无效，可用：${allowed.join('、')}。`));
    }
  }
  if (line.rate && line.source) out.push(invalid(name, where, '不能同时规定计算公式（rate）和取值来源（source）。'));
  return out;
}

/** Parses and checks the rubric stored in profile data under `key`; `kind` says which bindings its inputs may use. */
export function readRubric(data: Readonly<Record<string, unknown>>, key: string, kind: RubricKind): RubricResult {
  const raw = data[key];
  if (raw === undefined) return { rubric: null, problems: [invalid(key, '', `格式文件未提供评分细则（dataFiles 中缺少“${key}”）。`)] };
  const parsed = RubricSchema.safeParse(raw);
  if (!parsed.success) {
    return { rubric: null, problems: parsed.error.issues.map((i) => invalid(key, i.path.length > 0 ? `${i.path.join('.')}：` : '', `${i.message}。`)) };
  }
  const rubric = parsed.data;
  const name = rubric.name;
  const problems: Diagnostic[] = [
    ...sumProblem(
      name,
      '一级指标',
      rubric.groups.map((g) => g.points),
      rubric.total,
    ),
  ];
  const ids = new Set<string>();
  for (const g1 of rubric.groups) {
    problems.push(
      ...sumProblem(
        name,
        `“${g1.label}”下二级指标`,
        g1.groups.map((g) => g.points),
        g1.points,
      ),
    );
    for (const g2 of g1.groups) {
      problems.push(
        ...sumProblem(
          name,
          `“${g1.label}/${g2.label}”下三级指标`,
          g2.lines.map((l) => l.points),
          g2.points,
        ),
      );
      for (const line of g2.lines) {
        if (ids.has(line.id)) problems.push(invalid(name, `“${line.label}”`, `标识“${line.id}”重复。`));
        ids.add(line.id);
        problems.push(...lineProblems(name, kind, line));
      }
    }
  }
  return problems.length > 0 ? { rubric: null, problems } : { rubric, problems: [] };
}

/** Every line of a rubric with its 一级 and 二级 labels, in print order. */
export function rubricLines(r: Rubric): { readonly line: RubricLine; readonly level1: string; readonly level2: string }[] {
  return r.groups.flatMap((g1) => g1.groups.flatMap((g2) => g2.lines.map((line) => ({ line, level1: g1.label, level2: g2.label }))));
}
