/** 一个格式文件（profile.yaml）：按 YAML 读入并记下行列，问题作为带 文件:行:列 的 E-PROFILE 诊断。 */
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { diagnostic } from '../model/diagnostic.js';
import { fastYamlValues } from './fast-yaml.js';
import { locate } from './locate.js';

/** A parsed profile.yaml: its data and where each path is written. */
export interface ProfileFile {
  readonly path: string;
  readonly data: Record<string, unknown>;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** An E-PROFILE diagnostic at a data path of a profile file (the key with `atKey`, else the value). */
export function profileProblem(
  f: Pick<ProfileFile, 'path' | 'doc' | 'lines'>,
  path: readonly PropertyKey[],
  message: string,
  atKey = false,
  extras: { expected?: string; actual?: string } = {},
): Diagnostic {
  const place = locate(f, path, atKey);
  return { ...diagnostic('E-PROFILE', [], message, extras), file: f.path, ...(place ? { place } : {}) };
}

/** yaml's Document of a profile file, with the line counter that turns its offsets into lines and columns. */
function withPositions(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }), lines };
}

/** Parses profile.yaml text; a YAML syntax error, or a file that is not a mapping, is an E-PROFILE at its line:col. */
export function parseProfileFile(path: string, text: string): { file?: ProfileFile; diagnostics: Diagnostic[] } {
  // Note: a text js-yaml reads as yaml would, into a mapping, is parsed with positions only when a diagnostic needs one.
  const fast = fastYamlValues(text);
  if (typeof fast === 'object' && fast !== null && !Array.isArray(fast)) {
    let full: { doc: Document; lines: LineCounter } | undefined;
    const parsed = () => {
      full ??= withPositions(text);
      return full;
    };
    const file: ProfileFile = {
      path,
      data: fast as Record<string, unknown>,
      get doc() {
        return parsed().doc;
      },
      get lines() {
        return parsed().lines;
      },
    };
    return { file, diagnostics: [] };
  }
  const { doc, lines } = withPositions(text);
  const errors = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    const place = { line: pos.line, column: pos.col };
    return { ...diagnostic('E-PROFILE', [], `格式文件不是有效的 YAML：${e.message.split('\n')[0] ?? ''}`), file: path, place };
  });
  if (errors.length > 0) return { diagnostics: errors };
  let data: unknown;
  try {
    // Note: no aliases — a profile file is short and hand-written; maxAliasCount 0 also stops a "billion laughs" file.
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    return { diagnostics: [{ ...diagnostic('E-PROFILE', [], `格式文件不能使用 YAML 别名（${(e as Error).message}）`), file: path }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { diagnostics: [{ ...diagnostic('E-PROFILE', [], '格式文件应为“键: 值”形式的对象'), file: path, place: { line: 1, column: 1 } }] };
  }
  return { file: { path, data: data as Record<string, unknown>, doc, lines }, diagnostics: [] };
}
