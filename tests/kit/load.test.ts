import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_INPUT_BYTES, decodeInput, firstInvalidUtf8 } from '../../src/load/decode.js';
import { findJsonSyntaxError } from '../../src/load/json-syntax.js';
import { locate } from '../../src/load/locate.js';
import { readInput } from '../../src/load/read-input.js';
import type { TextLoaded } from '../../src/load/read-input.js';
import { MINIMAL_YAML, placeOf } from '../support/minimal.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const read = (text: string, file = 'unit.yaml') => readInput(file, utf8(text));
const load = (text: string, file = 'unit.yaml'): TextLoaded => {
  const { loaded, diagnostics } = read(text, file);
  expect(diagnostics).toEqual([]);
  return loaded!;
};
const codes = (r: { diagnostics: readonly { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe('decodeInput: size, emptiness and encoding', () => {
  it('refuses a 6 MB input with E-INPUT-TOO-LARGE before reading it', () => {
    const big = new Uint8Array(6 * 1024 * 1024).fill(0x61);
    const r = readInput('big.yaml', big);
    expect(r.loaded).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'E-INPUT-TOO-LARGE', severity: 'error', file: 'big.yaml', actual: `${big.length} 字节` }]);
    expect(decodeInput(new Uint8Array(MAX_INPUT_BYTES).fill(0x20), 'edge.yaml').diagnostics.map((d) => d.code)).toEqual(['E-INPUT-UNREADABLE']);
  });

  it('reports an empty or whitespace-only file as E-INPUT-UNREADABLE', () => {
    expect(codes(readInput('a.yaml', new Uint8Array()))).toEqual(['E-INPUT-UNREADABLE']);
    expect(codes(read('  \n\t\r\n　\n'))).toEqual(['E-INPUT-UNREADABLE']);
    expect(codes(readInput('a.yaml', new Uint8Array([0xef, 0xbb, 0xbf, 0x0a])))).toEqual(['E-INPUT-UNREADABLE']);
  });

  it('reports a comments-only file as E-INPUT-UNREADABLE', () => {
    expect(codes(read('# 只有注释\n# 没有内容\n'))).toEqual(['E-INPUT-UNREADABLE']);
  });

  it('strips a UTF-8 BOM and parses the rest', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(MINIMAL_YAML)]);
    const r = readInput('bom.yaml', bytes);
    expect(r.diagnostics).toEqual([]);
    expect(r.loaded?.encoding).toBe('utf-8');
    expect(r.loaded?.text.startsWith('#')).toBe(true);
    expect(r.loaded?.data).toMatchObject({ year: '2023', unit: { name: '曲靖市沾益区财政局' } });
  });

  it('decodes UTF-16 files that carry a BOM', () => {
    const le = [0xff, 0xfe, ...[...'unit: 中文\n'].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])];
    const r = readInput('u16.yaml', new Uint8Array(le));
    expect(r.diagnostics).toEqual([]);
    expect(r.loaded).toMatchObject({ encoding: 'utf-16', data: { unit: '中文' } });
  });

  it('decodes a GB18030 (GBK) file and says so', () => {
    // "unit: 中文\nyear: 2023\n" with 中文 as GB18030 bytes d6 d0 ce c4
    const bytes = new Uint8Array([...utf8('unit: '), 0xd6, 0xd0, 0xce, 0xc4, ...utf8('\nyear: 2023\n')]);
    const r = readInput('gbk.yaml', bytes);
    expect(r.diagnostics).toEqual([]);
    expect(r.loaded).toMatchObject({ encoding: 'gb18030', data: { unit: '中文', year: '2023' } });
  });

  it('reports bytes that are neither UTF-8 nor GB18030 as E-INPUT-ENCODING at the first bad byte', () => {
    // line 2 is "b: 中" then 0xFF: the bad byte is at 2:5
    const bytes = new Uint8Array([...utf8('a: 1\nb: 中'), 0xff, 0xfe, 0x0a]);
    const r = readInput('bad.yaml', bytes);
    expect(r.loaded).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'E-INPUT-ENCODING', file: 'bad.yaml', place: { line: 2, column: 5 } }]);
  });

  it('refuses an Excel/Word file and UTF-16 without a BOM', () => {
    expect(codes(readInput('a.yaml', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])))).toEqual(['E-INPUT-UNREADABLE']);
    const u16 = new Uint8Array([...'year: 2023\n'].flatMap((ch) => [ch.charCodeAt(0), 0]));
    expect(codes(readInput('a.yaml', u16))).toEqual(['E-INPUT-ENCODING']);
  });

  it('finds the first invalid UTF-8 byte, rejecting overlongs and surrogates', () => {
    expect(firstInvalidUtf8(utf8('中文 ok 😀'))).toBe(utf8('中文 ok 😀').length);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(new Uint8Array([0xe4, 0xb8]))).toBe(0);
  });
});

describe('readInput: YAML', () => {
  it('reports malformed YAML as E-INPUT-SYNTAX with line:col', () => {
    const r = read('year: 2023\nunit:\n  name: 财政局\n code: "101\n');
    expect(r.loaded).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.code === 'E-INPUT-SYNTAX' && d.file === 'unit.yaml')).toBe(true);
    expect(r.diagnostics[0]).toMatchObject({ place: { line: 4, column: 1 }, actual: 'BAD_INDENT' });
  });

  it('reports a missing colon and a tab indent where they are', () => {
    expect(read('year: 2023\nunit\n').diagnostics).toMatchObject([{ code: 'E-INPUT-SYNTAX', place: { line: 2, column: 1 }, actual: 'MISSING_CHAR' }]);
    expect(read('year: 2023\nunit\nprojects: []\n').diagnostics).toMatchObject([{ code: 'E-INPUT-SYNTAX', place: { line: 2, column: 1 } }]);
    expect(read('unit:\n\tname: x\n').diagnostics).toMatchObject([{ code: 'E-INPUT-SYNTAX', place: { line: 2, column: 1 }, actual: 'TAB_AS_INDENT' }]);
  });

  it('reports duplicate keys at the second occurrence', () => {
    const r = read('year: 2023\nunit:\n  name: 甲\n  code: "1"\n  name: 乙\n');
    expect(r.loaded).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'E-INPUT-SYNTAX', actual: 'DUPLICATE_KEY', place: { line: 5, column: 3 } }]);
  });

  it('refuses an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
    ] as const)
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    const r = read(`${bomb.join('\n')}\n`);
    expect(r.loaded).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'E-INPUT-SYNTAX', place: { line: 1, column: 1 } }]);
  });

  it('allows a few aliases', () => {
    expect(load('a: &x 1\nb: *x\n').data).toEqual({ a: '1', b: '1' });
  });

  it('keeps every number as written', () => {
    const { data } = load('a: 1522.660\nb: 007\nc: 12345678901234567890.12\nd: [1, 2.50]\ne: .nan\nf: -.inf\ng: true\n2023: x\n');
    expect(data).toEqual({ a: '1522.660', b: '007', c: '12345678901234567890.12', d: ['1', '2.50'], e: '.nan', f: '-.inf', g: true, 2023: 'x' });
  });

  it('reports a root that is a list or a single value as E-SCHEMA', () => {
    expect(read('- year: 2023\n- year: 2024\n').diagnostics).toMatchObject([{ code: 'E-SCHEMA', place: { line: 1, column: 1 } }]);
    expect(read('\n  just text\n').diagnostics).toMatchObject([{ code: 'E-SCHEMA', place: { line: 2, column: 3 } }]);
  });

  it('reports a second document as E-INPUT-SYNTAX', () => {
    expect(read('year: 2023\n---\nyear: 2024\n').diagnostics).toMatchObject([
      { code: 'E-INPUT-SYNTAX', place: { line: 2, column: 1 }, actual: 'MULTIPLE_DOCS' },
    ]);
  });
});

describe('readInput: JSON', () => {
  it('parses JSON with positions and numbers as text', () => {
    const loaded = load('{\n\t"year": 2023,\n\t"finance": { "basicExpenditure": 1503.160 }\n}\n', 'unit.json');
    expect(loaded.data).toEqual({ year: '2023', finance: { basicExpenditure: '1503.160' } });
    expect(locate(loaded.parsed(), ['finance', 'basicExpenditure'])).toEqual({ line: 3, column: 35 });
  });

  it.each([
    ['a missing comma', '{\n  "year": 2023\n  "unit": {}\n}', { line: 3, column: 3 }],
    ['a trailing comma', '{"year": 2023,\n "unit": {},\n}', { line: 2, column: 12 }],
    ['a comment', '{\n  "year": 2023 // 年度\n}', { line: 2, column: 16 }],
    ['single quotes', "{'year': 2023}", { line: 1, column: 2 }],
    ['Chinese quotes', '{"unit": {"name": “财政局”}}', { line: 1, column: 19 }],
    ['a thousands separator', '{"amount": 1,522.66}', { line: 1, column: 14 }],
    ['an unclosed brace', '{"unit": {"name": "x"}\n', { line: 2, column: 1 }],
    ['an unclosed string', '{"unit": "x}\n', { line: 1, column: 10 }],
    ['a bare word', '{"unit": x}', { line: 1, column: 10 }],
    ['two top-level values', '{"a": 1}\n{"b": 2}', { line: 2, column: 1 }],
  ])('reports %s as E-INPUT-SYNTAX at its place', (_name, text, place) => {
    const r = read(text, 'unit.json');
    expect(r.loaded).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'E-INPUT-SYNTAX', file: 'unit.json', place }]);
  });

  it('reports duplicate keys in JSON', () => {
    expect(read('{"year": 2023,\n "year": 2024}', 'unit.json').diagnostics).toMatchObject([
      { code: 'E-INPUT-SYNTAX', actual: 'DUPLICATE_KEY', place: { line: 2, column: 2 } },
    ]);
  });

  it('reports a JSON root that is a list as E-SCHEMA', () => {
    expect(read('[{"year": 2023}]', 'unit.json').diagnostics).toMatchObject([{ code: 'E-SCHEMA', place: { line: 1, column: 1 } }]);
  });

  it('agrees with JSON.parse on what is valid JSON', () => {
    const parses = (s: string): boolean => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(fc.property(fc.jsonValue(), (v) => findJsonSyntaxError(JSON.stringify(v, null, 2)) === undefined));
    const token = fc.constantFrom('{', '}', '[', ']', ',', ':', ' ', '\n', '"a"', '"\\u00e9"', '"\\q"', '1', '-0.5e3', '01', '1.', 'true', 'nul', '"', '\\');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(findJsonSyntaxError(s) === undefined).toBe(parses(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('checks deeply nested JSON without overflowing the stack', () => {
    const depth = 200_000;
    expect(findJsonSyntaxError('['.repeat(depth) + ']'.repeat(depth))).toBeUndefined();
  });
});

describe('locate', () => {
  const loaded = load(MINIMAL_YAML);

  it('finds a value, or its key with atKey', () => {
    expect(locate(loaded.parsed(), ['projects', 0, 'funds', 'current', 'executed'])).toEqual(placeOf(MINIMAL_YAML, '19.50', 'executed:'));
    expect(locate(loaded.parsed(), ['projects', 0, 'funds', 'current', 'executed'], true)).toEqual(placeOf(MINIMAL_YAML, 'executed:'));
    expect(locate(loaded.parsed(), ['dept', 'indicators', 1, 'name'])).toEqual(placeOf(MINIMAL_YAML, '财政资金使用规范性'));
  });

  it('stops at the nearest existing ancestor', () => {
    expect(locate(loaded.parsed(), ['projects', 0, 'funds', 'carryover', 'executed'])).toEqual(placeOf(MINIMAL_YAML, 'current:', '    funds:'));
    expect(locate(loaded.parsed(), ['projects', 5, 'name'])).toEqual(placeOf(MINIMAL_YAML, '- id: P1'));
    expect(locate(loaded.parsed(), [])).toEqual({ line: 2, column: 1 });
  });
});
