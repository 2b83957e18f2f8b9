/** 读取输入文件：YAML 或 JSON → 保留原文数字的数据；yaml 文档与行号表在需要位置时才解析。 */
import { LineCounter, isScalar, parseDocument, visit } from 'yaml';
import type { Document, ErrorCode, YAMLError } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { diagnostic } from '../model/diagnostic.js';
import { decodeInput } from './decode.js';
import type { InputEncoding } from './decode.js';
import { fastYamlData } from './fast-yaml.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { locate } from './locate.js';

/** Where a data path is written: line and column in a text file, or a cell such as `项目!F3` in a workbook. */
export type Location = Pick<Diagnostic, 'place' | 'cell'>;

/** A read input file, YAML, JSON or workbook: the plain data (every number as its written text) and where each path is written. */
export interface Loaded {
  readonly file: string;
  readonly data: unknown;
  /** Where a data path is written (`{}` when unknown); `atKey` asks for the key of the last step where the format has keys. */
  readonly locate: (path: readonly PropertyKey[], atKey?: boolean) => Location;
}

/** The yaml Document of a text, with positions, and its line table. */
export interface ParsedText {
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** A read YAML or JSON file: its text, and its yaml Document with positions, parsed on first use. */
export interface TextLoaded extends Loaded {
  readonly text: string;
  readonly encoding: InputEncoding;
  /** The yaml Document and line table; a unit that needs no place (no diagnostic) never parses it (issue 14). */
  readonly parsed: () => ParsedText;
}

/** Parses a text with yaml, keeping positions and line starts. */
function parseText(text: string): ParsedText {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }), lines };
}

/** A TextLoaded whose places come from `parsed` (which parses the Document once, when first asked). */
function textLoaded(file: string, text: string, encoding: InputEncoding, data: unknown, parsed: () => ParsedText): TextLoaded {
  const where = (path: readonly PropertyKey[], atKey?: boolean): Location => {
    const place = locate(parsed(), path, atKey);
    return place ? { place } : {};
  };
  return { file, text, encoding, data, parsed, locate: where };
}

/** The most aliases (*name) a file may expand; more is a "billion laughs" file. */
export const MAX_ALIAS_COUNT = 50;

/** Chinese explanations of yaml's error codes (`YAML 语法错误`). */
const YAML_MESSAGES: Readonly<Partial<Record<ErrorCode, string>>> = {
  ALIAS_PROPS: '别名（*）不能再带锚点（&）或标签（!）',
  BAD_ALIAS: '别名（*）引用了不存在的锚点（&）',
  BAD_DIRECTIVE: '无效的 YAML 指令（以 % 开头的行）',
  BAD_DQ_ESCAPE: '双引号中的反斜杠“\\”用法不正确；如要写反斜杠本身，请写成“\\\\”或改用单引号',
  BAD_INDENT: '缩进不正确：同一层级的项须左对齐，下级项须比上级多缩进',
  BAD_PROP_ORDER: '锚点（&）或标签（!）的位置不正确',
  BAD_SCALAR_START: '值不能以此字符开头（如 @、`、%），请用引号把整个值括起来',
  BLOCK_AS_IMPLICIT_KEY: '一行中出现了两个“键: 值”；如值中含有“: ”，请用引号把整个值括起来',
  BLOCK_IN_FLOW: '花括号 { } 或方括号 [ ] 内不能换行缩进书写；请检查是否缺少逗号或括号',
  IMPOSSIBLE: '文件结构无法解析',
  KEY_OVER_1024_CHARS: '键名过长（超过 1024 个字符），可能是缺少冒号或换行',
  MULTILINE_IMPLICIT_KEY: '键不能跨行：可能是上一行的值换行后缩进不足，或某行缺少冒号“:”',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点（&）',
  MULTIPLE_DOCS: '文件中只能有一个 YAML 文档；请删除多余的“---”及其后的内容，或拆分为多个文件',
  MULTIPLE_TAGS: '一个值只能有一个标签（!）',
  NON_STRING_KEY: '键必须是文字，不能是列表或键值对',
  RESOURCE_EXHAUSTION: '文件结构过于复杂（嵌套或别名过多），已拒绝',
  TAB_AS_INDENT: '不能用 Tab 键缩进，请改用空格',
  TAG_RESOLVE_FAILED: '无法识别以“!”开头的标签；如这是文字内容，请用引号括起来',
  UNEXPECTED_TOKEN: '此处出现了意外的内容，可能是缩进不对、缺少冒号或引号未闭合',
  BAD_COLLECTION_TYPE: '标签（!）与列表或键值对的类型不符',
};

/** Message for a yaml error; MISSING_CHAR and DUPLICATE_KEY depend on what is missing or repeated. */
function yamlMessage(e: YAMLError, doc: Document): string {
  if (e.code === 'DUPLICATE_KEY') {
    const key = keyAt(doc, e.pos[0]);
    return `同一层级出现重复的键${key === undefined ? '' : `“${key}”`}；请删除或合并其中一个`;
  }
  if (e.code === 'MISSING_CHAR') {
    if (/quote/i.test(e.message)) return '引号没有闭合：缺少结尾的引号';
    if (e.message.includes('}')) return '缺少右花括号“}”';
    if (e.message.includes(']')) return '缺少右方括号“]”';
    if (/map values/i.test(e.message)) return '此行缺少冒号“:”：应写成“键: 值”（冒号后留一个空格）';
    return '缺少必需的字符（冒号、引号或括号）';
  }
  return YAML_MESSAGES[e.code] ?? `YAML 语法错误（${e.code}）`;
}

/** Reads one input file's bytes into a Loaded document, or diagnostics saying why it cannot be read. */
export function readInput(file: string, bytes: Uint8Array): { loaded?: TextLoaded; diagnostics: Diagnostic[] } {
  const decoded = decodeInput(bytes, file);
  const { text, encoding } = decoded;
  if (text === undefined || encoding === undefined) return { diagnostics: decoded.diagnostics };

  let parsed: ParsedText | undefined;
  const full = (): ParsedText => {
    parsed ??= parseText(text);
    return parsed;
  };
  const at = (offset: number) => {
    const { line, col } = full().lines.linePos(offset);
    return { line, column: col };
  };
  const syntax = (offset: number, message: string, actual?: string): Diagnostic => ({
    ...diagnostic('E-INPUT-SYNTAX', [], message, actual === undefined ? {} : { actual }),
    file,
    place: at(offset),
  });

  if (/\.json$/i.test(file)) {
    const bad = findJsonSyntaxError(text);
    if (bad) return { diagnostics: [syntax(bad.offset, `JSON 语法错误：${bad.message}`)] };
  }
  // Note: a text that js-yaml reads as yaml would, into a mapping, needs no Document until a diagnostic needs a place.
  const fast = fastYamlData(text, /\.json$/i.test(file));
  if (fast !== null && typeof fast === 'object' && !Array.isArray(fast)) return { loaded: textLoaded(file, text, encoding, fast, full), diagnostics: [] };

  const { doc } = full();
  if (doc.errors.length > 0) {
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    for (const e of doc.errors) {
      const d = syntax(e.pos[0], yamlMessage(e, doc), e.code);
      // Note: one mistake often makes yaml report the same code several times on a line; keep the first.
      const key = `${d.place?.line}:${e.code}`;
      if (!seen.has(key)) diagnostics.push(d);
      seen.add(key);
    }
    return { diagnostics };
  }

  // Keep every number as written: "1522.660", "007" and ".nan" reach the schema as text.
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'number' && node.source !== undefined) node.value = node.source;
    },
  });

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    return { diagnostics: [syntax(0, '别名（&/*）展开过多，疑为恶意或损坏的文件，已拒绝', 'maxAliasCount')] };
  }

  if (data === null || data === undefined) {
    return {
      diagnostics: [{ ...diagnostic('E-INPUT-UNREADABLE', [], '文件中没有数据（只有注释或空值）。', { expected: '按示例填写的 YAML/JSON 内容' }), file }],
    };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const actual = Array.isArray(data) ? '列表' : `单个值“${String(data)}”`;
    return {
      diagnostics: [
        {
          ...diagnostic('E-SCHEMA', [], `文件顶层应为“键: 值”形式的各项内容（如 year: 2023），实际为${actual}。`, { expected: '键值对', actual }),
          file,
          place: at(doc.contents?.range?.[0] ?? 0),
        },
      ],
    };
  }
  return { loaded: textLoaded(file, text, encoding, data, full), diagnostics: [] };
}

/** The written text of the map key that starts at a source offset. */
function keyAt(doc: Document, offset: number): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
