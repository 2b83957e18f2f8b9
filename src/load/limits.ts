/** 规模上限：项目数、每张表的指标数、每个单位的指标总数，远高于真实单位；超出时报告 E-INPUT-LIMIT 及其位置。 */
import type { Diagnostic } from '../model/diagnostic.js';
import { diagnostic } from '../model/diagnostic.js';
import { labelPath } from '../model/labels.js';
import type { Loaded } from './read-input.js';

// Note: a real unit has at most a few dozen projects of a few dozen indicators; these bounds keep time and memory
// bounded for any input that passes them (bench/RESULTS.md, issue 10) while never touching a real report.
/** The most projects one unit may list. */
export const MAX_PROJECTS = 2_000;
/** The most indicators one table (a project's, the department's) may list. */
export const MAX_INDICATORS_PER_TABLE = 5_000;
/** The most indicators of one unit, all tables together. */
export const MAX_INDICATORS_PER_UNIT = 100_000;

/** Every `indicators` list in the raw data, with its path; walks objects and arrays, not the items of an `indicators` list. */
function indicatorLists(data: unknown): { path: (string | number)[]; length: number }[] {
  const found: { path: (string | number)[]; length: number }[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...path, i]);
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'indicators' && Array.isArray(x)) found.push({ path: [...path, k], length: x.length });
      else walk(x, [...path, k]);
    }
  };
  walk(data, []);
  return found;
}

const located = (loaded: Loaded, path: readonly (string | number)[], message: string, expected: string, actual: string): Diagnostic => ({
  ...diagnostic('E-INPUT-LIMIT', path, message, { expected, actual }),
  file: loaded.file,
  ...loaded.locate(path),
});

/** E-INPUT-LIMIT for each list longer than its bound; empty when the input is within every bound. */
export function checkLimits(loaded: Loaded): Diagnostic[] {
  const out: Diagnostic[] = [];
  const data = loaded.data as { projects?: unknown } | null;
  const projects = typeof data === 'object' && data !== null && Array.isArray(data.projects) ? data.projects.length : 0;
  if (projects > MAX_PROJECTS) {
    out.push(
      located(
        loaded,
        ['projects'],
        `${labelPath(['projects'])}：共 ${projects} 个项目，超过上限 ${MAX_PROJECTS} 个；请检查是否重复粘贴，或把项目分到几个单位的输入中。`,
        `≤ ${MAX_PROJECTS} 个项目`,
        `${projects} 个项目`,
      ),
    );
  }
  const lists = indicatorLists(loaded.data);
  for (const { path, length } of lists) {
    if (length <= MAX_INDICATORS_PER_TABLE) continue;
    out.push(
      located(
        loaded,
        path,
        `${labelPath(path)}：一张表有 ${length} 个绩效指标，超过上限 ${MAX_INDICATORS_PER_TABLE} 个；请检查是否重复粘贴。`,
        `≤ ${MAX_INDICATORS_PER_TABLE} 个指标`,
        `${length} 个指标`,
      ),
    );
  }
  const total = lists.reduce((n, l) => n + l.length, 0);
  if (total > MAX_INDICATORS_PER_UNIT) {
    out.push(
      located(
        loaded,
        [],
        `全部表格共有 ${total} 个绩效指标，超过一个单位的上限 ${MAX_INDICATORS_PER_UNIT} 个。`,
        `≤ ${MAX_INDICATORS_PER_UNIT} 个指标`,
        `${total} 个指标`,
      ),
    );
  }
  return out;
}
