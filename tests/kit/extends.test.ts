/**
 * `extends: <id>`: a form that looks like an existing one is a folder with a profile.yaml saying what differs, and
 * no TypeScript. Mappings merge, lists are replaced, files the child lacks come from the parent, the child runs the
 * parent's code, and the recipe hash covers the parent's files too.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/run/context.js';
import { profileFor, runUnit } from '../../src/run/pipeline.js';
import { convertInput } from '../../src/run/convert.js';
import { dumpDocx } from '../support/dump.js';
import { ROOT, inputPath, tempDir } from '../support/fixtures.js';

/** A templates root with the given profile folders (folder → file → text), and nothing else. */
function templatesRoot(folders: Readonly<Record<string, Readonly<Record<string, string>>>>): string {
  const root = tempDir('jixiao-extends-');
  for (const [id, files] of Object.entries(folders)) {
    mkdirSync(join(root, id));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, id, name), text);
  }
  return root;
}

const OPTIONS = 'options:\n  percentValueStyle: with-sign   # 原表百分数指标值印作“100.00%”\n';

/** The Zhanyi 人大 input, its `profile:` set to `profile` and its own percent style left to the profile, in a temp folder. */
function inputFor(profile: string): string {
  const file = join(tempDir('jixiao-input-'), 'unit.yaml');
  const text = readFileSync(inputPath('zhanyi-renda-2023.yaml'), 'utf8');
  expect(text).toContain('\nprofile: yunnan\n');
  expect(text).toContain(OPTIONS);
  writeFileSync(file, text.replace('\nprofile: yunnan\n', `\nprofile: ${profile}\n`).replace(OPTIONS, ''));
  return file;
}

const context = (root?: string) => createContext({ outDir: tempDir(), ...(root ? { templatesRoot: root } : {}), env: { SOURCE_DATE_EPOCH: '1711843200' } });

/** A Yunnan look-alike: bare percentages in the tables, other weights and other notes under the project tables. */
const LOOK_ALIKE = [
  '# 仿云南格式：项目表的备注与默认一级指标分值不同，百分数指标值不带 %。',
  'extends: yunnan',
  'name: 某县部门整体及项目支出绩效自评（仿云南）',
  'percentValueStyle: bare',
  'defaultWeights: { 产出指标: 60, 效益指标: 20 }',
  'notes:',
  '  projectTable:',
  '    - 备注：本表按某县财政局格式填列。',
  '',
].join('\n');

describe('a form made by extends', () => {
  it('builds a Yunnan look-alike from a folder with only a profile.yaml', async () => {
    const root = templatesRoot({ 'yunnan-xian': { 'profile.yaml': LOOK_ALIKE } });
    const child = await runUnit(inputFor('yunnan-xian'), await context(root), { write: true });
    const parent = await runUnit(inputPath('zhanyi-renda-2023.yaml'), await context(), { write: true });
    expect(child.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(child.outputs).toHaveLength(2);
    expect(child.profile).toBe('yunnan-xian');
    const docx = (r: typeof child): string => dumpDocx(new Uint8Array(readFileSync(r.outputs[0]!)));
    const [was, now] = [docx(parent), docx(child)];
    // Lists are replaced: the project tables carry the child's one note, not the parent's six.
    expect(now).toContain('备注：本表按某县财政局格式填列。');
    expect(was).toContain('6. 全年预算数=年初预算数+调整预算（年度新增项目）。');
    expect(now).not.toContain('6. 全年预算数=年初预算数+调整预算（年度新增项目）。');
    // Mappings merge: the department table keeps the parent's notes, and the narrative the parent's template.
    expect(now).toContain('3. 财政拨款=当年财政拨款+上年结转资金。');
    expect(now.split('\n')[0]).toBe(was.split('\n')[0]);
    // Scalars are replaced: percentages print bare.
    const percents = (d: string) => (d.match(/\d%/g) ?? []).length;
    expect(percents(now)).toBeLessThan(percents(was));
    // Mappings merge: the projects weigh 60/20/10; the child's 60/20 with the parent's 满意度指标 10 is their default now.
    const weightWarnings = (r: typeof child) => r.diagnostics.filter((d) => d.code === 'W-WEIGHT-LEVEL1').map((d) => d.message);
    expect(weightWarnings(parent)).toHaveLength(3);
    expect(weightWarnings(parent)[0]).toContain('与默认权重产出指标50、效益指标30、满意度指标10不同');
    expect(weightWarnings(child)).toEqual([]);
  });

  it('hashes the parent files too, so editing the parent rebuilds the child', async () => {
    const root = templatesRoot({ 'yunnan-xian': { 'profile.yaml': LOOK_ALIKE } });
    const lp = await profileFor(await context(root), 'yunnan-xian');
    expect(lp.base).toBe('yunnan');
    expect(lp.profile.id).toBe('yunnan-xian');
    expect(lp.sources.map((s) => s.split('\u0000')[0])).toEqual(expect.arrayContaining(['profile.yaml', 'yunnan/profile.yaml', 'yunnan/dept-report.md.hbs']));
    expect(lp.templates['dept-report.md.hbs']?.name).toBe(join(ROOT, 'templates', 'yunnan', 'dept-report.md.hbs'));
  });

  it('uses a template of the child in place of the parent', async () => {
    const report = readFileSync(join(ROOT, 'templates', 'yunnan', 'dept-report.md.hbs'), 'utf8');
    const root = templatesRoot({ 'yunnan-xian': { 'profile.yaml': LOOK_ALIKE, 'dept-report.md.hbs': `${report}\n本报告由某县财政局汇编。\n` } });
    const child = await runUnit(inputFor('yunnan-xian'), await context(root), { write: true });
    expect(dumpDocx(new Uint8Array(readFileSync(child.outputs[0]!)))).toContain('本报告由某县财政局汇编。');
  });

  it('converts an input of such a form to JSON and back, keeping its profile', async () => {
    const root = templatesRoot({ 'yunnan-xian': { 'profile.yaml': LOOK_ALIKE } });
    const ctx = await context(root);
    const json = join(tempDir('jixiao-json-'), 'unit.json');
    const r = await convertInput(inputFor('yunnan-xian'), json, ctx);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((JSON.parse(readFileSync(json, 'utf8')) as { profile: string }).profile).toBe('yunnan-xian');
    // The data-entry workbook serves yunnan's input, so a form made from yunnan has one too, keeping its profile.
    const book = join(tempDir('jixiao-xlsx-'), 'unit.xlsx');
    const xlsx = await convertInput(inputFor('yunnan-xian'), book, ctx);
    expect(xlsx.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const back = join(tempDir('jixiao-json-'), 'back.json');
    expect((await convertInput(book, back, ctx)).written).toBe(back);
    expect((JSON.parse(readFileSync(back, 'utf8')) as { profile: string }).profile).toBe('yunnan-xian');
  });

  it('reports an unknown parent and a cycle as E-PROFILE at the extends line', async () => {
    const root = templatesRoot({
      lost: { 'profile.yaml': 'name: 无\nextends: yunan\n' },
      a: { 'profile.yaml': 'extends: b\n' },
      b: { 'profile.yaml': '# b\nextends: a\n' },
    });
    const lost = await runUnit(inputFor('lost'), await context(root), { write: false });
    expect(lost.diagnostics).toEqual([
      expect.objectContaining({
        code: 'E-PROFILE',
        file: join(root, 'lost', 'profile.yaml'),
        place: { line: 2, column: 10 },
        message: expect.stringContaining('找不到格式“yunan”'),
      }),
    ]);
    const cycle = await runUnit(inputFor('a'), await context(root), { write: false });
    expect(cycle.diagnostics).toEqual([
      expect.objectContaining({
        code: 'E-PROFILE',
        file: join(root, 'b', 'profile.yaml'),
        place: { line: 2, column: 10 },
        message: expect.stringContaining('a → b → a'),
      }),
    ]);
  });

  it('reports a folder with neither code nor extends, and a child that names another id', async () => {
    const root = templatesRoot({ orphan: { 'profile.yaml': 'id: orphan\nname: 无\n' }, 'yunnan-xian': { 'profile.yaml': `id: xian\n${LOOK_ALIKE}` } });
    const orphan = await runUnit(inputFor('orphan'), await context(root), { write: false });
    expect(orphan.diagnostics).toEqual([
      expect.objectContaining({ code: 'E-PROFILE', place: { line: 1, column: 1 }, message: expect.stringContaining('须写 extends') }),
    ]);
    const renamed = await runUnit(inputFor('yunnan-xian'), await context(root), { write: false });
    expect(renamed.diagnostics).toEqual([
      expect.objectContaining({ code: 'E-PROFILE', place: { line: 1, column: 5 }, message: expect.stringContaining('目录名“yunnan-xian”') }),
    ]);
  });
});
