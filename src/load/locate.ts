/** 定位：数据路径（如 projects[1].funds.current.executed）→ 文件中的行号与列号。 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';

/** A 1-based line and column in an input file. */
export interface Place {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds where a data path is written in the file: the value (or, with `atKey`, the key of its last step).
 * Stops at the nearest existing ancestor, so a missing key points at the object that lacks it.
 */
export function locate(loaded: { readonly doc: Document; readonly lines: LineCounter }, path: readonly PropertyKey[], atKey = false): Place | undefined {
  const { doc, lines } = loaded;
  let node: unknown = doc.contents;
  let last = hasRange(node) ? node : undefined;
  for (const [i, step] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      node = atKey && i === path.length - 1 ? pair.key : pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else break;
    if (hasRange(node)) last = node;
    else break;
  }
  if (!last?.range) return undefined;
  const { line, col } = lines.linePos(last.range[0]);
  return { line, column: col };
}

function hasRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}
