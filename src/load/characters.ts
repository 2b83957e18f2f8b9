/** 输入文字中 XML 不允许的字符（U+FFFF、控制字符等）：读取时逐个定位报告 E-INPUT-CHARACTER，不让它们进入 DOCX/XLSX。 */
import { isPair, isScalar, isSeq, visit } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { diagnostic } from '../model/diagnostic.js';
import { codePointName, findForbiddenChar, forbiddenKind, hasForbiddenChar, stripForbiddenChars } from '../model/xml-chars.js';
import type { Loaded, TextLoaded } from './read-input.js';

/** At most this many characters are reported per file; one pasted block often brings dozens. */
export const MAX_CHARACTER_DIAGNOSTICS = 20;

const isText = (l: Loaded): l is TextLoaded => 'parsed' in l && 'text' in l;

/** Every text value and key of an input holding a character XML 1.0 forbids, as located E-INPUT-CHARACTER errors. */
export function characterProblems(loaded: Loaded): Diagnostic[] {
  const found = isText(loaded) ? inText(loaded) : inData(loaded);
  return found.slice(0, MAX_CHARACTER_DIAGNOSTICS);
}

/** The message for one bad character in `text` at `index`. */
function problem(path: readonly PropertyKey[], text: string, index: number, how: { key?: boolean; escaped?: boolean } = {}): Diagnostic {
  const cp = text.codePointAt(index)!;
  const name = codePointName(cp);
  const before = stripForbiddenChars(text.slice(Math.max(0, index - 12), index));
  const where = before === '' ? `${how.key ? '键名' : '文字'}开头` : `“${before}”之后`;
  const written = how.escaped ? '（以转义符 \\u… 或 \\x… 写出）' : '';
  return diagnostic(
    'E-INPUT-CHARACTER',
    path,
    `${how.key ? '键名' : '文字'}中含有 Word/Excel 文件不允许的字符 ${name}（${forbiddenKind(cp)}）${written}，位于${where}；` +
      '请删除这个看不见的字符后重试（它多由从网页、PDF 或其他软件复制粘贴带入）。',
    { expected: '不含控制字符（Tab、换行除外）与非字符的文字', actual: name },
  );
}

/** YAML/JSON: each scalar key or value, placed at the character itself when it is written literally. */
function inText(loaded: TextLoaded): Diagnostic[] {
  // Note: a forbidden character in a value is either in the text as written or made by a backslash escape of a
  // double-quoted string (\u0001, \x07, \0); a text with neither needs no walk over its values (issue 14).
  if (!hasForbiddenChar(loaded.text) && !loaded.text.includes('\\')) return [];
  const out: Diagnostic[] = [];
  const { doc, lines } = loaded.parsed();
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (typeof node.value !== 'string') return;
      const bad = findForbiddenChar(node.value);
      if (!bad) return;
      const path = dataPath(ancestors, node);
      const [start = 0, end = start] = node.range ?? [];
      const literal = findForbiddenChar(loaded.text.slice(start, end));
      const escaped = !literal;
      out.push({ ...problem(path, node.value, bad.index, { key: key === 'key', escaped }), file: loaded.file, place: at(start + (literal?.index ?? 0)) });
    },
  });
  return out;
}

/** The data path of a node from yaml's ancestor list (map keys and sequence indexes). */
function dataPath(ancestors: readonly unknown[], node: unknown): PropertyKey[] {
  const path: PropertyKey[] = [];
  ancestors.forEach((parent, j) => {
    const child = ancestors[j + 1] ?? node;
    if (isSeq(parent)) path.push(parent.items.indexOf(child as never));
    else if (isPair(parent)) path.push(isScalar(parent.key) ? String(parent.key.value) : '?');
  });
  return path;
}

/** A workbook: each text value, placed at its cell. */
function inData(loaded: Loaded): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (v: unknown, path: PropertyKey[]) => {
    if (typeof v === 'string') {
      const bad = findForbiddenChar(v);
      if (bad) out.push({ ...problem(path, v, bad.index), file: loaded.file, ...loaded.locate(path) });
    } else if (Array.isArray(v))
      v.forEach((x, i) => {
        walk(x, [...path, i]);
      });
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(loaded.data, []);
  return out;
}
