/**
 * 快速读取：js-yaml 读数据比 yaml（带位置的文档）快约十倍。只在读法与 yaml 必定相同的文件上用它的结果，
 * 位置（行:列）只在某条诊断需要时才由 yaml 解析得出。
 */
import { FAILSAFE_SCHEMA, Type, load } from 'js-yaml';

const INT = /^[-+]?[0-9]+$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/**
 * yaml's core-schema scalars (node_modules/yaml/dist/schema/core), as read-input.ts keeps them: null and booleans as
 * values, every number as its written text ("1522.660", "007", ".nan").
 */
const NUMBER = [/^0o[0-7]+$/, INT, /^0x[0-9a-fA-F]+$/, INF_NAN, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/];
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const isNumber = (s: string): boolean => NUMBER.some((r) => r.test(s));

/**
 * A plain number as yaml's core schema makes it (int.js, float.js of yaml 2): octal and hexadecimal by parseInt of the
 * digits, decimal integers by parseInt, .inf and .nan, everything else by parseFloat.
 */
function yamlNumber(s: string): number {
  if (s.startsWith('0o')) return Number.parseInt(s.slice(2), 8);
  if (s.startsWith('0x')) return Number.parseInt(s.slice(2), 16);
  if (INT.test(s)) return Number.parseInt(s, 10);
  if (INF_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? Number.NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number.parseFloat(s);
}

/** The schema of a reading: numbers as their written text (inputs), or as yaml's values (form files). */
const schema = (number: (s: string) => string | number) =>
  FAILSAFE_SCHEMA.extend({
    implicit: [
      new Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (s: string | null) => s === null || NULL.test(s), construct: () => null }),
      new Type('tag:yaml.org,2002:bool', {
        kind: 'scalar',
        resolve: (s: string | null) => s !== null && BOOL.test(s),
        construct: (s: string) => s[0] === 't' || s[0] === 'T',
      }),
      new Type('tag:yaml.org,2002:float', { kind: 'scalar', resolve: (s: string | null) => s !== null && isNumber(s), construct: number }),
    ],
  });
const AS_TEXT = schema((s) => s);
const AS_VALUES = schema(yamlNumber);

/**
 * What js-yaml and yaml could read differently, or what yaml refuses that js-yaml may not: anchors, aliases and tags
 * (`&`, `*`, `!` where a value starts), the reserved `@` and backtick, directives (`%` at a line start), explicit
 * keys (`? `) and a sequence entry with nothing on its line (js-yaml gives `- - a\n  -\n- b` the outer `b` as a third
 * inner entry). A text with any of them, outside comment lines, is left to yaml, whose errors and positions jixiao
 * reports.
 */
const LEFT_TO_YAML = /(?:^|[\s[{,])[&*!@`]|^%|(?:^|[\s[{,])\?(?:\s|$)|^[ ]*(?:-[ ]+)*-[ ]*(?:#.*)?$/m;
const COMMENT_LINE = /^[ ]*#.*$/gm;

/** The column where a line's content starts after its indentation and any `- ` sequence entries; and the last dash's. */
function contentStart(line: string): { col: number; dash: number } {
  let i = 0;
  let dash = -1;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '-' && (line[i + 1] === ' ' || line[i + 1] === undefined)) {
      dash = i;
      i++;
    } else return { col: i, dash };
  }
}

/**
 * Whether every line that continues a quoted scalar or flow collection (`[…]`, `{…}`) begun on an earlier line is
 * indented more than the content of the line where it began. yaml requires them to be indented more than their block
 * node (else BAD_INDENT or MISSING_CHAR); js-yaml reads them at any indentation. Note: a conservative scan, not a YAML
 * lexer: it may refuse a text yaml accepts (which yaml then reads), never the reverse. Block scalar content (`|`, `>`)
 * is skipped, since quotes and brackets there are text.
 */
function continuationsIndented(text: string): boolean {
  let quote: '"' | "'" | undefined;
  let depth = 0;
  let openCol = -1; // content column of the line where the open quote or flow began; -1 when none is open
  let blockAbove = -1; // while > -1: lines indented more than this are a block scalar's content
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // Note: YAML indents with spaces only; a no-break or ideographic space is text (String#trim would take it away).
    const indent = line.length - line.replace(/^ +/, '').length;
    const blank = indent === line.length;
    if (blockAbove > -1) {
      if (blank || indent > blockAbove) continue;
      blockAbove = -1;
    }
    if (openCol > -1 && !blank && indent <= openCol) return false;
    const start = contentStart(line);
    // Note: a scalar (plain, quoted, block) or flow collection starts at the content start or after `: `, `[`, `{`, `,`.
    let atValue = quote === undefined;
    for (let i = quote === undefined ? start.col : 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = undefined;
        continue;
      }
      if (quote === "'") {
        if (c === "'" && line[i + 1] === "'") i++;
        else if (c === "'") quote = undefined;
        continue;
      }
      if (c === ' ') continue;
      if (c === '#' && (i === 0 || line[i - 1] === ' ')) break;
      // Note: js-yaml takes `#` right after an indicator or closing quote for a comment; yaml requires a space before it.
      if (c === '#' && (atValue || /[\]}"',[{:]/.test(line[i - 1]!))) return false;
      if ((c === '"' || c === "'") && atValue) {
        quote = c;
        atValue = false;
        continue;
      }
      if (c === '[' || c === '{') {
        if (atValue || depth > 0) depth++;
        atValue = depth > 0;
        continue;
      }
      if ((c === ']' || c === '}') && depth > 0) {
        // Note: a flow collection used as a key (`[a, b]: x`) is turned into text differently by the two readers.
        if (/^ *:/.test(line.slice(i + 1))) return false;
        depth--;
        atValue = false;
        continue;
      }
      if (c === ',' && depth > 0) {
        atValue = true;
        continue;
      }
      if (c === ':' && (line[i + 1] === ' ' || line[i + 1] === undefined || (depth > 0 && /[,\]}]/.test(line[i + 1]!)))) {
        atValue = true;
        continue;
      }
      if ((c === '|' || c === '>') && atValue && depth === 0) {
        // Note: after `key:` the content is indented more than the key; after a bare `- `, more than its dash.
        blockAbove = i === start.col && start.dash > -1 ? start.dash : start.col;
        break;
      }
      atValue = false;
    }
    if (quote !== undefined || depth > 0) {
      if (openCol === -1) openCol = start.col;
    } else openCol = -1;
  }
  return true;
}

/**
 * A key that yaml turns into other text: a plain number key becomes its value ("1.50" → "1.5", "0x1F" → "31"), a null
 * key "" (js-yaml: "null"), a mapping key "[object Object]" in js-yaml; `__proto__` is left to yaml too. Note: a quoted
 * key of this form is left to yaml as well.
 */
const keyReadAlike = (k: string): boolean =>
  k !== '__proto__' && k !== '[object Object]' && !NULL.test(k) && !(isNumber(k) && !/^(?:0|[1-9][0-9]{0,14})$/.test(k));

function keysReadAlike(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(keysReadAlike);
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) if (!keyReadAlike(k) || !keysReadAlike(x)) return false;
  }
  return true;
}

/**
 * The data of a YAML text (or, with `json`, a text that has passed the strict JSON check) read by js-yaml, when yaml
 * (read-input.ts's reader) is sure to read it the same; else undefined, and the caller reads it with yaml. Note: a
 * text js-yaml refuses (a syntax error, a repeated key, nesting deep enough to exhaust the stack) is undefined too,
 * so every error is yaml's. tests/kit/fast-yaml.test.ts compares
 * the two readers on every shipped input and on mutated and generated texts.
 */
export function fastYamlData(text: string, json = false): unknown {
  return fastRead(text, json, AS_TEXT);
}

/**
 * A form file's data (profile.yaml, tables/*.yaml) read by js-yaml, with numbers as yaml's `toJS()` gives them, when
 * yaml is sure to read the text the same; else undefined, and the caller reads it with yaml (whose errors and
 * positions it reports). yaml's reading of the layouts and profile.yaml was a tenth of a one-unit build (issue 14).
 */
export function fastYamlValues(text: string): unknown {
  return fastRead(text, false, AS_VALUES);
}

function fastRead(text: string, json: boolean, schema: typeof AS_TEXT): unknown {
  // Note: yaml reads a carriage return not followed by a line feed as text, js-yaml as a line break; yaml skips a byte
  // order mark inside the text (decode.ts strips the leading one), js-yaml keeps it in the value.
  if (/\r(?!\n)|\uFEFF/.test(text) || LEFT_TO_YAML.test(text.replace(COMMENT_LINE, ''))) return undefined;
  // Note: a .json file has passed the strict JSON check (json-syntax.ts); its one flow collection may use any
  // indentation and tabs, which yaml accepts there.
  if (!json && (text.includes('\t') || !continuationsIndented(text))) return undefined;
  try {
    const data: unknown = load(text, { schema });
    return keysReadAlike(data) ? data : undefined;
  } catch {
    // Note: also a nesting deep enough to exhaust the stack in keysReadAlike, which yaml then reads (or refuses).
    return undefined;
  }
}
