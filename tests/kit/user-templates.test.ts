/**
 * User-owned templates: `jixiao templates copy <profile> <dir>` copies a profile folder, `build --templates <dir>`
 * uses it. A broken template is reported as E-TEMPLATE with the template's file and line, never as a stack trace;
 * an edited wording shows up in the output.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { ExitCode } from '../../src/model/diagnostic.js';
import { createContext } from '../../src/run/context.js';
import { runUnit, type UnitResult } from '../../src/run/pipeline.js';
import { dumpDocx } from '../support/dump.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const GANSU = inputPath('zhengning-renda-2023.yaml');

/** A fresh copy of a shipped profile made with the CLI; returns the templates root and the profile folder. */
async function copied(profile: string): Promise<{ root: string; dir: string }> {
  const root = tempDir('jixiao-tpl-');
  const { io, stdout } = memoryIo();
  expect(await main(['templates', 'copy', profile, root], io)).toBe(ExitCode.Ok);
  expect(stdout()).toContain(join(root, profile));
  return { root, dir: join(root, profile) };
}

/** Replaces one exact piece of a copied file (the piece must be there). */
function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

/** The 1-based line of the first occurrence of `piece` in a file. */
const lineOf = (file: string, piece: string): number =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(piece)) + 1;

/** Builds the gansu sample with a templates root, the way `build --templates` does. */
async function build(root: string): Promise<UnitResult> {
  const ctx = await createContext({ outDir: tempDir(), templatesRoot: root, env: { SOURCE_DATE_EPOCH: '1711843200' } });
  return runUnit(GANSU, ctx, { write: true });
}

describe('jixiao templates copy', () => {
  it('copies the profile file, every template and the table declarations into <dir>/<profile>/', async () => {
    const { dir } = await copied('gansu');
    expect(readdirSync(dir).sort()).toEqual(['profile.yaml', 'reference.docx', 'report.md.hbs', 'sample.yaml', 'tables', 'title.md.hbs']);
    expect(readdirSync(join(dir, 'tables'))).toEqual(['score.yaml']);
    expect(readFileSync(join(dir, 'report.md.hbs'), 'utf8')).toBe(readFileSync(join('templates', 'gansu', 'report.md.hbs'), 'utf8'));
  });

  it('refuses to overwrite an existing copy without --force, and overwrites with it', async () => {
    const { root, dir } = await copied('ningxia');
    writeFileSync(join(dir, 'title.md.hbs'), '改过的标题\n');
    const refused = memoryIo();
    expect(await main(['templates', 'copy', 'ningxia', root], refused.io)).toBe(ExitCode.Usage);
    expect(refused.stderr()).toContain('--force');
    expect(readFileSync(join(dir, 'title.md.hbs'), 'utf8')).toBe('改过的标题\n');
    expect(await main(['templates', 'copy', 'ningxia', root, '--force'], memoryIo().io)).toBe(ExitCode.Ok);
    expect(readFileSync(join(dir, 'title.md.hbs'), 'utf8')).not.toBe('改过的标题\n');
  });

  it('rejects an unknown profile with the list of known ones', async () => {
    const { io, stderr } = memoryIo();
    expect(await main(['templates', 'copy', 'hainan', tempDir()], io)).toBe(ExitCode.Usage);
    expect(stderr()).toContain('gansu');
  });
});

describe('build --templates with a broken template', () => {
  const cases = [
    {
      name: 'a syntax error (a tag missing a brace)',
      file: 'report.md.hbs',
      piece: '{{narrative.problems}}',
      to: '{{narrative.problems}',
      message: '模板语法错误',
    },
    { name: 'an unknown field', file: 'report.md.hbs', piece: '{{narrative.mandate}}', to: '{{narrative.mandat}}', message: '模板引用了不存在的字段“mandat”' },
    { name: 'an unknown helper', file: 'title.md.hbs', piece: '{{issuer}}', to: '{{upper issuer}}', message: 'upper' },
  ];
  it.each(cases)('reports $name as E-TEMPLATE with the template file and line', async ({ file, piece, to, message }) => {
    const { root, dir } = await copied('gansu');
    const path = join(dir, file);
    const line = lineOf(path, piece);
    edit(path, piece, to);
    const result = await build(root);
    expect(result.outputs).toEqual([]);
    const found = result.diagnostics.filter((d) => d.code === 'E-TEMPLATE');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: path, place: { line } });
    expect(found[0]!.place!.column).toBeGreaterThanOrEqual(1);
    expect(found[0]!.message).toContain(message);
  });

  it('reports an unclosed block at the end of the file, where Handlebars notices it', async () => {
    const { root, dir } = await copied('gansu');
    const path = join(dir, 'report.md.hbs');
    edit(path, '{{narrative.problems}}', '{{#if narrative.problems}}{{narrative.problems}}');
    const found = (await build(root)).diagnostics.filter((d) => d.code === 'E-TEMPLATE');
    expect(found.map((d) => [d.file, d.place?.line])).toEqual([[path, readFileSync(path, 'utf8').split('\n').length]]);
  });

  it('exits 3 from the CLI and prints file:line:col, no stack trace', async () => {
    const { root, dir } = await copied('gansu');
    edit(join(dir, 'report.md.hbs'), '{{narrative.resultUse}}', '{{narrative.resultUsed}}');
    const { io, stderr } = memoryIo({ SOURCE_DATE_EPOCH: '1711843200' });
    expect(await main(['build', GANSU, '--templates', root, '-o', tempDir(), '-j', '1'], io)).toBe(ExitCode.Template);
    expect(stderr()).toMatch(
      new RegExp(`${join(dir, 'report.md.hbs').replace(/[.\\]/g, '\\$&')}:${lineOf(join(dir, 'report.md.hbs'), 'resultUsed')}:\\d+  error  E-TEMPLATE`),
    );
    expect(stderr()).toContain('E-TEMPLATE');
    expect(stderr()).not.toMatch(/\n\s+at /);
  });
});

describe('build --templates with edited wording', () => {
  it('prints the edited title, sentences and table notes', async () => {
    const { root, dir } = await copied('gansu');
    edit(join(dir, 'title.md.hbs'), '关于{{year}}年度整体绩效目标的自评报告', '关于{{year}}年度部门整体支出绩效的自评报告');
    edit(join(dir, 'report.md.hbs'), '经评价，自评得分{{score.total}}分', '经综合评价，本单位自评得分{{score.total}}分');
    edit(join(dir, 'profile.yaml'), '    - 2. 部门整体支出绩效自评结果', '    - 2. 本表由县财政局统一印制。部门整体支出绩效自评结果');
    const result = await build(root);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const dump = dumpDocx(new Uint8Array(readFileSync(result.outputs[0]!)));
    expect(dump).toContain('关于2023年度部门整体支出绩效的自评报告');
    expect(dump).toContain('经综合评价，本单位自评得分97分，自评等级为：优。');
    expect(dump).toContain('2. 本表由县财政局统一印制。');
    expect(dump).not.toContain('关于2023年度整体绩效目标的自评报告');
  });

  it('scores with edited weights and rules from the copied profile.yaml', async () => {
    const { root, dir } = await copied('gansu');
    // Note: with the ratio rule, 结转结余变动率 (≤10%, actual 100%) scores 3 × 10 ÷ 100 = 0.30 instead of 0.
    edit(join(dir, 'profile.yaml'), 'lessThanRule: linear-to-zero-at-2x', 'lessThanRule: ratio');
    const result = await build(root);
    expect(result.summary?.score?.toFixed(2)).toBe('97.30');
    expect(dumpDocx(new Uint8Array(readFileSync(result.outputs[0]!)))).toContain('自评得分97.30分');
  });

  it('puts G2 after the 版记, as seed 003 does, when the copied profile says after-colophon', async () => {
    const { root, dir } = await copied('gansu');
    edit(join(dir, 'profile.yaml'), 'attachmentPlacement: before-colophon', 'attachmentPlacement: after-colophon');
    const dump = dumpDocx(new Uint8Array(readFileSync((await build(root)).outputs[0]!)));
    expect(dump.indexOf('印发')).toBeLessThan(dump.indexOf('| 主管部门 |'));
  });

  it('reports invalid settings in the copied profile.yaml as E-PROFILE and writes nothing', async () => {
    const { root, dir } = await copied('gansu');
    edit(join(dir, 'profile.yaml'), 'attachmentPlacement: before-colophon', 'attachmentPlacement: 附件放最后');
    const result = await build(root);
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code === 'E-PROFILE').map((d) => d.message)).toEqual([expect.stringContaining('settings.attachmentPlacement')]);
  });

  it('leaves the shipped templates alone', () => {
    expect(existsSync(join('templates', 'gansu', 'report.md.hbs'))).toBe(true);
    expect(readFileSync(join('templates', 'gansu', 'title.md.hbs'), 'utf8')).toContain('关于{{year}}年度整体绩效目标的自评报告');
  });
});
