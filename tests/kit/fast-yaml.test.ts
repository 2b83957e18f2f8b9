/**
 * The fast reader (src/load/fast-yaml.ts, js-yaml) may give data only where yaml — the reader whose errors and
 * positions jixiao reports — reads the same text without errors into the same data. Compared on every shipped input,
 * on mutated pieces of them (typing slips: a lost space, a stray colon, quote or dash), and on texts yaml writes from
 * generated data in each of its scalar styles.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument, stringify, visit } from 'yaml';
import { fastYamlData, fastYamlValues } from '../../src/load/fast-yaml.js';
import { findJsonSyntaxError } from '../../src/load/json-syntax.js';
import { readInput } from '../../src/load/read-input.js';

/**
 * yaml's reading, as read-input.ts's full path does it: errors, or the data with every number as its written text; with
 * `values`, as the form files' readers do (profile-file.ts, table-layout.ts): numbers as yaml makes them.
 */
function yamlReading(text: string, values = false): { errors: string[] } | { data: unknown } {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return { errors: doc.errors.map((e) => e.code) };
  if (!values)
    visit(doc, {
      Scalar(key, node) {
        if (key !== 'key' && typeof node.value === 'number' && node.source !== undefined) node.value = node.source;
      },
    });
  try {
    return { data: doc.toJS({ maxAliasCount: 50 }) };
  } catch (e) {
    return { errors: [String(e)] };
  }
}

/** How many texts the fast reader gave data for (so that a property that compares nothing is seen). */
let compared = 0;

/** The fast readers' data, if any, must be yaml's: with numbers as text (inputs) and as values (form files). */
function agrees(text: string): boolean {
  const fast = fastYamlData(text);
  const values = fastYamlValues(text);
  // Note: the two readers differ only in what a plain number becomes, so each leaves the same texts to yaml.
  expect(values === undefined, JSON.stringify(text)).toBe(fast === undefined);
  if (fast === undefined) return true;
  compared++;
  expect(yamlReading(text), JSON.stringify(text)).toEqual({ data: fast });
  expect(yamlReading(text, true), JSON.stringify(text)).toEqual({ data: values });
  return true;
}

const root = join(import.meta.dirname, '../..');
const shipped = [
  ...readdirSync(join(root, 'inputs')).map((f) => join(root, 'inputs', f)),
  ...readdirSync(join(root, 'templates'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(root, 'templates', f)),
  ...readdirSync(join(root, 'tests/fixtures/seeds')).map((f) => join(root, 'tests/fixtures/seeds', f)),
].filter((f) => /\.(ya?ml|json)$/.test(f));
const texts = shipped.map((f) => readFileSync(f, 'utf8'));

describe('the fast YAML reader', () => {
  it('reads every shipped input and form file as yaml does, and takes the fast way for every unit input and form file', () => {
    expect(shipped.length).toBeGreaterThan(20);
    texts.forEach((t, i) => {
      agrees(t);
      if (/[\\/](inputs|seeds)[\\/]|sample[^/\\]*\.yaml$/.test(shipped[i]!)) expect(fastYamlData(t), shipped[i]).toBeDefined();
      // Note: and every form file (profile.yaml, tables/, data files), read by each build that loads its form.
      if (/[\\/]templates[\\/]/.test(shipped[i]!)) expect(fastYamlValues(t), shipped[i]).toBeDefined();
    });
  });

  it('gives data for a mutated piece of an input only when yaml reads it the same, without errors', () => {
    const slips = [
      ' ',
      ':',
      ': ',
      '-',
      '- ',
      '#',
      ' #',
      '"',
      "'",
      '\n',
      '\n  ',
      '  ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '|',
      '>',
      '?',
      '~',
      '0',
      '.5',
      'e',
      '+',
      '\\',
      '“',
      '\r\n',
      '中',
      '\u2028',
      '\u0085',
      '\u00a0',
      '\ufeff',
      '\u0007',
      '\t',
      '\u3000',
    ];
    compared = 0;
    const mutation = fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...slips));
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.nat(),
        fc.integer({ min: 3, max: 30 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (f, start, n, ms) => {
          const lines = texts[f]!.split('\n');
          const from = start % lines.length;
          let piece = lines.slice(from, from + n).join('\n');
          for (const [at, op, s] of ms) {
            const p = at % (piece.length + 1);
            piece =
              op === 'insert'
                ? piece.slice(0, p) + s + piece.slice(p)
                : op === 'delete'
                  ? piece.slice(0, p) + piece.slice(p + 1)
                  : piece.slice(0, p) + s + piece.slice(p + 1);
          }
          // Note: the piece is moved left to its least indented line, so that most pieces are documents of their own.
          const indent = Math.min(...piece.split('\n').map((l) => (l.trim() === '' ? Infinity : l.length - l.trimStart().length)));
          const doc = Number.isFinite(indent) ? piece.replace(new RegExp(`^ {0,${indent}}`, 'gm'), '') : piece;
          return agrees(doc);
        },
      ),
      { numRuns: 5000, seed: 20261204 },
    );
    expect(compared).toBeGreaterThan(500);
  });

  it('reads what yaml writes from any data, in every scalar style, as yaml reads it', () => {
    const text = fc.stringMatching(/^[-a-z0-9 :#'"\\.,|>?~!&*%@`[\]{}\n中文“”，：\u00a0\u3000\u2028\t]{0,24}$/);
    const key = fc.oneof(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,8}$/), text, fc.constantFrom('2023', '1.50', 'null', 'true', '0x1F', '~', ''));
    const scalar = fc.oneof(
      text,
      fc.boolean(),
      fc.constant(null),
      fc.integer(),
      fc.double({ noDefaultInfinity: false }),
      fc.constantFrom('1522.660', '007', '.nan', '2024-03-31', 'yes', 'no', '1e3'),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
    }));
    const options = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
      lineWidth: fc.constantFrom(0, 12, 80),
      indentSeq: fc.boolean(),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
    });
    compared = 0;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), options, (data, o) =>
        agrees(stringify(data, { ...o, defaultKeyType: o.defaultKeyType as 'PLAIN' | null } as never)),
      ),
      { numRuns: 2000, seed: 20261204 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it('reads any strict JSON, indented with spaces, tabs or not at all, as yaml does', () => {
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        fc.boolean(),
        fc.constant(null),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 6 }), tie('value'), { maxKeys: 4 }),
      ),
    }));
    let fastOnes = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), value, { minKeys: 1, maxKeys: 5 }), fc.constantFrom(undefined, 2, '\t'), (data, indent) => {
        const text = JSON.stringify(data, null, indent);
        expect(findJsonSyntaxError(text)).toBeUndefined();
        const fast = fastYamlData(text, true);
        if (fast !== undefined) {
          fastOnes++;
          expect(yamlReading(text)).toEqual({ data: fast });
        }
        return true;
      }),
      { numRuns: 2000, seed: 20261204 },
    );
    expect(fastOnes).toBeGreaterThan(1000);
  });

  it('leaves to yaml what the two could read differently, so that yaml reports its errors and positions', () => {
    for (const t of [
      'a: &x 1\nb: *x\n', // an anchor and alias
      'a: !!str 1\n', // a tag
      '%YAML 1.2\n---\na: 1\n', // a directive
      'a:\n\tb: 1\n', // a tab
      'a: 1\na: 2\n', // a repeated key (yaml: DUPLICATE_KEY)
      '1.50: x\n', // yaml reads the key as 1.5
      '~: x\n', // yaml reads a null key as ""
      'a: [1, 2\n', // a syntax error
      '---\na: 1\n---\nb: 2\n', // two documents
      'a:\n  b: { x: 1,\n  y: 2 }\n', // a flow continued no deeper than its key (yaml: BAD_INDENT)
      'k:\n  j: "a\n  b"\n', // a quoted text continued no deeper than its key (yaml: MISSING_CHAR)
      '- { a: 1 }#c\n', // a comment without a space before it (yaml: MISSING_CHAR)
      '- - a\n  -\n- b\n', // an empty entry of an inner sequence (js-yaml reads b into it)
      '[a, b]: x\n', // a flow collection as a key
      'a: "x"\rb: 1\n', // a lone carriage return
      'a: 1\n\ufeffb: 2\n', // a byte order mark inside the text
      'a:\n  b: { x: 1,\n\u00a0    y: 2 }\n', // a no-break space is text, not indentation (yaml: BAD_INDENT)
    ])
      expect([fastYamlData(t), fastYamlValues(t)], t).toEqual([undefined, undefined]);
    expect(fastYamlData('a: 1522.660\nb: 007\nc: .nan\nd: true\ne: ~\n2023: x\nf: 2024-03-31\n')).toEqual({
      a: '1522.660',
      b: '007',
      c: '.nan',
      d: true,
      e: null,
      2023: 'x',
      f: '2024-03-31',
    });
    expect(fastYamlValues('a: 1522.660\nb: 007\nc: .nan\nd: 0x1F\ne: 0o17\nf: -.inf\ng: 1e3\nh: +5\ni: "2"\nj: 2024-03-31\n')).toEqual({
      a: 1522.66,
      b: 7,
      c: Number.NaN,
      d: 31,
      e: 15,
      f: Number.NEGATIVE_INFINITY,
      g: 1000,
      h: 5,
      i: '2',
      j: '2024-03-31',
    });
  });

  it('still places every diagnostic of a fast-read file at its line and column', () => {
    const r = readInput('unit.yaml', new TextEncoder().encode('year: 2023\nunit:\n  name: 某局\n  code: "  "\n'));
    expect(r.diagnostics).toEqual([]);
    expect(r.loaded!.locate(['unit', 'code'])).toEqual({ place: { line: 4, column: 9 } });
    expect(r.loaded!.locate(['unit', 'code'], true)).toEqual({ place: { line: 4, column: 3 } });
  });
});
