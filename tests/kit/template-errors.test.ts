/** Issue 10: every problem of a user template is E-TEMPLATE at file:line:col (1-based), exit 3, never E-INTERNAL. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { ExitCode } from '../../src/model/diagnostic.js';
import { formatDiagnostic } from '../../src/run/reporter.js';
import { createContext } from '../../src/run/context.js';
import { runUnit } from '../../src/run/pipeline.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const env = { SOURCE_DATE_EPOCH: '1711843200' };
const INPUTS = { yunnan: 'zhanyi-czj-2023.yaml', sichuan: 'ziyang-renda-2023.yaml', gansu: 'zhengning-renda-2023.yaml' } as const;
type Profile = keyof typeof INPUTS;

/** Copies a shipped profile, replaces `from` by `to` in one of its templates, builds the profile's sample with it. */
async function broken(profile: Profile, file: string, from: string, to: string) {
  const root = tempDir('jixiao-tpl-');
  expect(await main(['templates', 'copy', profile, root], memoryIo().io)).toBe(ExitCode.Ok);
  const path = join(root, profile, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
  const ctx = await createContext({ outDir: tempDir(), templatesRoot: root, env });
  const result = await runUnit(inputPath(INPUTS[profile]), ctx, { write: true });
  const found = result.diagnostics.filter((d) => d.code === 'E-TEMPLATE');
  expect(result.diagnostics.filter((d) => d.code === 'E-INTERNAL')).toEqual([]);
  expect(found).toHaveLength(1);
  expect(result.outputs).toEqual([]);
  return { root, path, edited: readFileSync(path, 'utf8'), d: found[0]! };
}

/** 1-based line and column of the first occurrence of `piece`. */
function placeOf(text: string, piece: string): { line: number; column: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(piece));
  return { line: line + 1, column: lines[line]!.indexOf(piece) + 1 };
}

describe('a template whose narrative starts with a paragraph', () => {
  for (const [profile, file, heading] of [
    ['yunnan', 'dept-report.md.hbs', '# 一、部门基本情况'],
    ['sichuan', 'dept-report.md.hbs', '# 一、部门（单位）概况'],
  ] as const) {
    it(`is E-TEMPLATE at the paragraph's line and column (${profile})`, async () => {
      const { path, edited, d } = await broken(profile, file, heading, `  开头一段话{{year}}\n${heading}`);
      expect(d).toMatchObject({ file: path, place: placeOf(edited, '开头一段话') });
      expect(d.message).toContain('开头一段话');
      expect(d.message).toContain('一级标题');
    });
  }

  it('exits 3 from the CLI with file:line:col and no stack trace (was E-INTERNAL, exit 70)', async () => {
    const root = tempDir('jixiao-tpl-');
    await main(['templates', 'copy', 'yunnan', root], memoryIo().io);
    const path = join(root, 'yunnan', 'dept-report.md.hbs');
    writeFileSync(path, `前言\n${readFileSync(path, 'utf8')}`);
    const { io, stderr } = memoryIo(env);
    expect(await main(['build', inputPath(INPUTS.yunnan), '--templates', root, '-o', tempDir(), '-j', '1'], io)).toBe(ExitCode.Template);
    expect(stderr()).toContain(`${path}:1:1  error  E-TEMPLATE`);
    expect(stderr()).not.toContain('E-INTERNAL');
    expect(stderr()).not.toMatch(/\n\s+at /);
    // check --templates reports the same problem with the same exit code (the report is on stdout).
    const check = memoryIo(env);
    expect(await main(['check', inputPath(INPUTS.yunnan), '--templates', root, '-j', '1'], check.io)).toBe(ExitCode.Template);
    expect(check.stdout()).toContain(`${path}:1:1  error  E-TEMPLATE`);
  });
});

describe('every template problem is placed at line:col', () => {
  it('a syntax error: at the broken tag', async () => {
    const { path, edited, d } = await broken('yunnan', 'dept-report.md.hbs', '{{narrative.overview}}', 'x {{narrative.overview}');
    const at = placeOf(edited, 'x {{narrative.overview}');
    expect(d).toMatchObject({ file: path, place: { line: at.line } });
    expect(d.place!.column).toBeGreaterThan(at.column);
    expect(d.message).toContain('模板语法错误');
  });

  it('an unknown field: at the field', async () => {
    const { edited, d } = await broken('yunnan', 'dept-report.md.hbs', '{{narrative.overview}}', '  {{narrative.overveiw}}');
    expect(d.place).toEqual(placeOf(edited, 'narrative.overveiw'));
    expect(d.message).toContain('overveiw');
  });

  it('an unknown helper: at the tag', async () => {
    const { edited, d } = await broken('gansu', 'title.md.hbs', '{{issuer}}', '前缀{{upper issuer}}');
    expect(d.place).toEqual(placeOf(edited, '{{upper issuer}}'));
    expect(d.message).toMatch(/不存在的助手“upper”.*if、unless、each、with、lookup/);
  });

  it('a block closed by the wrong name, #each without a list, an undefined partial', async () => {
    const mismatch = await broken('yunnan', 'dept-report.md.hbs', '{{narrative.overview}}', '{{#if narrative.overview}}{{narrative.overview}}{{/each}}');
    expect(mismatch.d.place!.line).toBe(placeOf(mismatch.edited, '{{/each}}').line);
    expect(mismatch.d.message).toContain('不配对');
    const each = await broken('yunnan', 'dept-report.md.hbs', '{{narrative.overview}}', '{{narrative.overview}}\n{{#each}}x{{/each}}');
    expect(each.d.place).toEqual(placeOf(each.edited, '{{#each}}'));
    const partial = await broken('gansu', 'report.md.hbs', '{{narrative.problems}}', '{{narrative.problems}}{{> chnage}}');
    expect(partial.d.place).toEqual(placeOf(partial.edited, '{{> chnage}}'));
    expect(partial.d.message).toContain('chnage');
  });

  it('a fourth heading level in the table layout, whose text would be lost', async () => {
    const { edited, d } = await broken('yunnan', 'dept-report.md.hbs', '### 1. 前期准备', '### 1. 前期准备\n#### （1）第四级\n正文');
    expect(d.place).toEqual(placeOf(edited, '#### （1）第四级'));
    expect(formatDiagnostic(d)).toMatch(/dept-report\.md\.hbs:\d+:1 {2}error {2}E-TEMPLATE {2}.*三级标题/);
  });

  it('a missing template file: named with its folder', async () => {
    const root = tempDir('jixiao-tpl-');
    await main(['templates', 'copy', 'gansu', root], memoryIo().io);
    rmSync(join(root, 'gansu', 'title.md.hbs'));
    const ctx = await createContext({ outDir: tempDir(), templatesRoot: root, env });
    const result = await runUnit(inputPath(INPUTS.gansu), ctx, { write: true });
    expect(result.diagnostics.filter((d) => d.code === 'E-TEMPLATE')).toMatchObject([{ file: join(root, 'gansu', 'title.md.hbs') }]);
  });

  it('a template that prints nothing in the table layout', async () => {
    const { d } = await broken('yunnan', 'dept-report.md.hbs', readFileSync(join('templates', 'yunnan', 'dept-report.md.hbs'), 'utf8'), '{{!-- 空 --}}\n');
    expect(d.place).toEqual({ line: 1, column: 1 });
  });
});
