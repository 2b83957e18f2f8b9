/** Issue 10, small: -0 is zero; weights with too many decimals; keys like __proto__; the failed-units list names inputs. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { readInputFile } from '../../src/load/read-file.js';
import { INPUT_SCHEMAS } from '../../src/profiles/registry.js';
import { validateUnit } from '../../src/load/validate.js';
import type { UnitYear } from '../../src/model/unit-year.js';
import { formatDiagnostic } from '../../src/run/reporter.js';
import { MINIMAL_YAML } from '../support/minimal.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const env = { SOURCE_DATE_EPOCH: '1711843200' };

async function validated(text: string, file = 'u.yaml') {
  const read = await readInputFile(file, new TextEncoder().encode(text));
  expect(read.loaded).toBeDefined();
  const v = validateUnit(read.loaded!, INPUT_SCHEMAS);
  const all = [...read.diagnostics, ...v.diagnostics].map((d) => ({ ...d, file, ...(d.place || !d.path ? {} : read.loaded!.locate(d.path)) }));
  return { unit: v.unit as UnitYear | undefined, diagnostics: all, lines: all.map(formatDiagnostic) };
}

/** `check` of one input text from a file; exit code and its report (stdout). */
async function check(text: string, name = 'u.yaml') {
  const dir = tempDir();
  writeFileSync(join(dir, name), text);
  const { io, stdout } = memoryIo(env);
  return { code: await main(['check', join(dir, name)], io), stderr: stdout(), file: join(dir, name) };
}

describe('-0', () => {
  it('is zero, not negative, as an amount, a weight and a score', async () => {
    const text = MINIMAL_YAML.replace(/executed: [\d.]+/, 'executed: -0').replace(/weight: 50\n {8}score: 50/, 'weight: -0.00\n        score: -0');
    const { unit, diagnostics } = await validated(text);
    expect(diagnostics.filter((d) => d.code === 'E-SCHEMA')).toEqual([]);
    const p = unit!.projects[0]!;
    expect(p.funds.current.executed.isZero() && !p.funds.current.executed.isNegative()).toBe(true);
    expect(p.indicators[0]!.weight!.isNegative()).toBe(false);
    expect(p.indicators[0]!.score!.isNegative()).toBe(false);
  });
});

describe('a weight with more decimals than scores carry', () => {
  it('is rejected for its precision where it is written, not as a wrong total', async () => {
    const text = MINIMAL_YAML.replace(/weight: 50/, 'weight: 50.000000000000001');
    const line = text.split('\n').findIndex((l) => l.includes('50.000000000000001')) + 1;
    const { code, stderr, file } = await check(text);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`${file.replace(/[.\\]/g, '\\$&')}:${line}:\\d+  error  E-SCHEMA  .*最多2位小数`));
    expect(stderr).not.toContain('E-WEIGHT-TOTAL');
  });

  it('accepts two decimals and trailing zeros', async () => {
    const { diagnostics } = await validated(MINIMAL_YAML.replace(/weight: 50/, 'weight: 49.50').replace(/weight: 40/, 'weight: 40.500'));
    expect(diagnostics.filter((d) => d.code === 'E-SCHEMA')).toEqual([]);
  });
});

describe('keys named like Object.prototype members', () => {
  const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
  const clean = (lines: readonly string[]) => {
    for (const l of lines) {
      expect(l).not.toContain('[object Object]');
      expect(l).not.toMatch(/function|native code/);
    }
  };

  it('are unknown keys, reported by name, in YAML at any depth', async () => {
    const text = `${MINIMAL_YAML.replace("  code: '101001'", `  code: '101001'\n${NAMES.map((n) => `  ${n}: 1`).join('\n')}`)}__proto__:\n  polluted: 1\nconstructor: {}\n`;
    const { diagnostics, lines } = await validated(text);
    const unknown = diagnostics.filter((d) => d.code === 'E-UNKNOWN-KEY');
    expect(unknown.map((d) => d.path)).toEqual([...NAMES.map((n) => ['unit', n]), ['__proto__'], ['constructor']]);
    for (const n of NAMES) expect(lines.some((l) => l.includes(`单位 › ${n}：未知字段“${n}”`))).toBe(true);
    clean(lines);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('are unknown keys in JSON too, and nothing reaches Object.prototype', async () => {
    const data = parse(MINIMAL_YAML) as Record<string, unknown>;
    const json = JSON.stringify({ ...data, toString: 'x', projects: [{ ...(data['projects'] as object[])[0], valueOf: 2 }] }).replace(
      '{',
      '{"__proto__": {"polluted": true}, ',
    );
    const { diagnostics, lines } = await validated(json, 'u.json');
    const paths = diagnostics.filter((d) => d.code === 'E-UNKNOWN-KEY').map((d) => d.path);
    expect(paths).toHaveLength(3);
    expect(paths).toEqual(expect.arrayContaining([['__proto__'], ['toString'], ['projects', 0, 'valueOf']]));
    clean(lines);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('__proto__ in a map keyed by the input (sichuan rubric lines and values) is an unknown key, not dropped', async () => {
    const sample = readFileSync(inputPath('ziyang-renda-2023.yaml'), 'utf8');
    const from = 'values: { staffActual: 48, staffQuota: 52 }';
    expect(sample).toContain(from);
    for (const [to, path] of [
      ['values: { __proto__: 5, staffActual: 48, staffQuota: 52 }', ['dept', 'scoresheet', 'lines', 'staffControl', 'values', '__proto__']],
      [`${from}\n      __proto__: { answers: [true] }`, ['dept', 'scoresheet', 'lines', '__proto__']],
    ] as const) {
      const { diagnostics, lines } = await validated(sample.replace(from, to), 'z.yaml');
      expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['E-UNKNOWN-KEY', path]]);
      expect(lines[0]).toContain('未知字段“__proto__”');
      clean(lines);
    }
  });

  it('as a profile name are an unknown profile', async () => {
    const { diagnostics, lines } = await validated(`profile: constructor\n${MINIMAL_YAML}`);
    expect(diagnostics.map((d) => d.code)).toContain('E-SCHEMA');
    clean(lines);
  });
});

describe('the failed-units list at the end of a batch', () => {
  it('names the input file of every failed unit, also when the first error is in a template', async () => {
    const root = tempDir('jixiao-tpl-');
    await main(['templates', 'copy', 'yunnan', root], memoryIo().io);
    const tpl = join(root, 'yunnan', 'dept-report.md.hbs');
    writeFileSync(tpl, readFileSync(tpl, 'utf8').replace('{{narrative.overview}}', '{{narrative.nope}}'));
    const dir = tempDir();
    const bad = join(dir, 'bad-schema.yaml');
    writeFileSync(bad, MINIMAL_YAML.replace(/executed: [\d.]+/, 'executed: 八百'));
    const inputs = [inputPath('zhanyi-czj-2023.yaml'), inputPath('zhanyi-renda-2023.yaml'), bad];
    const { io, stderr } = memoryIo(env);
    expect(await main(['build', ...inputs, '--templates', root, '-o', tempDir(), '-j', '1'], io)).toBe(3);
    const list = stderr().split('失败的单位（3 个）：\n')[1]!.split('\n').slice(0, 3);
    expect(list).toHaveLength(3);
    for (const [i, f] of inputs.entries()) expect(list[i]!.trimStart().startsWith(f), list[i]).toBe(true);
    expect(list[0]).toContain('E-TEMPLATE');
    expect(list[0]).toContain(tpl);
  });
});
