/** 读取表格声明：tables/<名称>.yaml 的 YAML 语法与 zod 模式校验，错误定位到 文件:行:列（E-PROFILE）。 */
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import { zhCN } from 'zod/locales';
import type { Diagnostic } from '../model/diagnostic.js';
import { TableLayoutSchema, type TableLayout } from '../model/table-layout.js';
import { fastYamlValues } from './fast-yaml.js';
import { locate } from './locate.js';

/** A declaration, or the E-PROFILE diagnostics that say where it is wrong. */
export type TableLayoutResult = { readonly layout: TableLayout } | { readonly diagnostics: readonly Diagnostic[] };

const profileDiagnostic = (file: string, message: string, place?: { line: number; column: number }, path?: readonly PropertyKey[]): Diagnostic => ({
  code: 'E-PROFILE',
  severity: 'error',
  file,
  message,
  ...(place ? { place } : {}),
  ...(path ? { path } : {}),
});

// Note: the same Chinese messages as input validation (load/validate.ts sets the same global locale).
z.config(zhCN());

/** A zod issue in words: the field path, what is wrong. */
function issueText(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '顶层';
  return `表格声明的 ${where} 不符合要求：${issue.message}`;
}

/** Parses and validates one table declaration; pure. */
export function parseTableLayout(text: string, file: string): TableLayoutResult {
  // Note: a text js-yaml reads as yaml would, into a valid declaration, needs no Document; a problem is found and
  // placed by the full reading below.
  const fast = fastYamlValues(text);
  if (fast !== undefined) {
    const parsed = TableLayoutSchema.safeParse(fast);
    if (parsed.success) return { layout: parsed.data };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return profileDiagnostic(file, `表格声明不是有效的 YAML：${e.message.split('\n')[0] ?? ''}`, { line, column: col });
      }),
    };
  }
  const parsed = TableLayoutSchema.safeParse(doc.toJS({ maxAliasCount: 0 }));
  if (parsed.success) return { layout: parsed.data };
  return {
    diagnostics: parsed.error.issues.map((issue) => {
      // Note: an unknown key is shown where it is written, not at the object that holds it.
      const at = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
      const place = locate({ doc, lines }, at as PropertyKey[], issue.code === 'unrecognized_keys');
      return profileDiagnostic(file, issueText(issue), place, issue.path as PropertyKey[]);
    }),
  };
}

/** `file:line:col：message`, the way a profile problem is told in one line. */
export const diagnosticLine = (d: Diagnostic): string => `${d.file ?? ''}${d.place ? `:${d.place.line}:${d.place.column}` : ''}：${d.message}`;

/** The declarations of a folder, their texts for the regeneration hash, and whether the folder has `tables/`. */
export interface TableLayouts {
  readonly tables: Record<string, TableLayout>;
  readonly sources: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly found: boolean;
}

/**
 * Reads every `tables/*.yaml` of a profile folder: the declarations by name (file name without .yaml), and the
 * files' texts for the regeneration hash. A folder without `tables/` declares none.
 */
export async function readTableLayouts(
  dir: string,
  readText: (path: string) => Promise<string>,
  listDir: (path: string) => Promise<string[]>,
): Promise<TableLayouts> {
  const tablesDir = join(dir, 'tables');
  let files: string[];
  try {
    files = (await listDir(tablesDir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { tables: {}, sources: [], diagnostics: [], found: false };
    throw e;
  }
  const tables: Record<string, TableLayout> = {};
  const sources: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    const path = join(tablesDir, f);
    const text = await readText(path);
    sources.push(`tables/${f}\u0000${text}`);
    const result = parseTableLayout(text, path);
    if ('layout' in result) tables[f.replace(/\.ya?ml$/, '')] = { ...result.layout, source: path };
    else diagnostics.push(...result.diagnostics);
  }
  return { tables, sources, diagnostics, found: true };
}
