/**
 * profile.yaml is validated once, at load: every mistake — a typo, a wrong type or value, a YAML syntax error, a key
 * the profile never reads — is E-PROFILE with the profile file and line:col, never E-INTERNAL or a silent default.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile, ProfileError } from '../../src/load/profile.js';
import { profileRules } from '../../src/profiles/registry.js';
import { createContext } from '../../src/run/context.js';
import { runUnit } from '../../src/run/pipeline.js';
import { ROOT, inputPath, tempDir } from '../support/fixtures.js';

/** A templates root holding a copy of the shipped profile `id`, its profile.yaml edited by `edit`. */
function copyWith(id: string, edit: (text: string) => string): { root: string; file: string } {
  const root = tempDir('jixiao-profile-');
  cpSync(join(ROOT, 'templates', id), join(root, id), { recursive: true });
  const file = join(root, id, 'profile.yaml');
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  return { root, file };
}

/** 1-based line and column of the first `piece` in a file. */
function placeOf(file: string, piece: string): { line: number; column: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(piece));
  expect(line).toBeGreaterThanOrEqual(0);
  return { line: line + 1, column: lines[line]!.indexOf(piece) + 1 };
}

/** The E-PROFILE diagnostics of loading the profile folder, or [] when it loads. */
async function problems(root: string, id: string) {
  try {
    await loadProfile(join(root, id), { readText: (p) => readFile(p, 'utf8'), listDir: (p) => readdir(p), roots: [root], rulesFor: profileRules });
    return [];
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return e.diagnostics.map((d) => ({ code: d.code, file: d.file, place: d.place, message: d.message }));
  }
}

describe('profile.yaml: every mistake is E-PROFILE at file:line:col', () => {
  it('loads every shipped profile without a problem', async () => {
    for (const id of ['yunnan', 'gansu', 'ningxia', 'sichuan']) expect(await problems(join(ROOT, 'templates'), id)).toEqual([]);
  });

  it('reports a misspelt setting at its key, with the key it most likely meant', async () => {
    const { root, file } = copyWith('yunnan', (t) => t.replace('  narrativeLayout: table', '  narativeLayout: prose'));
    expect(await problems(root, 'yunnan')).toEqual([
      {
        code: 'E-PROFILE',
        file,
        place: placeOf(file, 'narativeLayout'),
        message: expect.stringContaining('是否想写“narrativeLayout”'),
      },
    ]);
  });

  it('rejects a misspelt value of narrativeLayout instead of silently printing the table', async () => {
    const { root, file } = copyWith('yunnan', (t) => t.replace('  narrativeLayout: table', '  narrativeLayout: prosa'));
    expect(await problems(root, 'yunnan')).toEqual([
      {
        code: 'E-PROFILE',
        file,
        place: placeOf(file, 'prosa'),
        message: expect.stringMatching(/^settings\.narrativeLayout：应为 table.*或 prose/),
      },
    ]);
  });

  it('reports a misspelt top-level key with did-you-mean', async () => {
    const { root, file } = copyWith('gansu', (t) => t.replace('executionWeight: 10', 'executionWeigth: 10'));
    const found = await problems(root, 'gansu');
    expect(found).toContainEqual({
      code: 'E-PROFILE',
      file,
      place: placeOf(file, 'executionWeigth'),
      message: expect.stringContaining('是否想写“executionWeight”'),
    });
  });

  it('reports a wrong type where the value is written', async () => {
    const { root, file } = copyWith('yunnan', (t) => t.replace('maxScore: 100', 'maxScore: 一百'));
    expect(await problems(root, 'yunnan')).toEqual([{ code: 'E-PROFILE', file, place: placeOf(file, '一百'), message: expect.stringMatching(/^maxScore：/) }]);
  });

  it('reports a YAML syntax error with its line and column', async () => {
    const { root, file } = copyWith('yunnan', (t) => t.replace('maxScore: 100', 'maxScore: [100'));
    const found = await problems(root, 'yunnan');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ code: 'E-PROFILE', file, message: expect.stringContaining('不是有效的 YAML') });
    expect(found[0]!.place?.line).toBeGreaterThanOrEqual(placeOf(file, 'maxScore: [100').line);
  });

  it('rejects a key the profile never reads (sichuan grades come from settings.grades, not gradeBands)', async () => {
    const { root, file } = copyWith('sichuan', (t) => t.replace('lessThanRule: ratio', 'gradeBands:\n  - { min: 0, label: 差 }\nlessThanRule: ratio'));
    expect(await problems(root, 'sichuan')).toEqual([
      {
        code: 'E-PROFILE',
        file,
        place: placeOf(file, 'gradeBands:'),
        message: expect.stringContaining('格式 sichuan 不使用此项'),
      },
    ]);
  });

  it('rejects an optional check the profile does not have instead of ignoring it', async () => {
    const { root, file } = copyWith('gansu', (t) => t.replace('  optionalChecks: []', '  optionalChecks: [W-ENUM-COUNT, W-NARRATIVE-FIGURE]'));
    expect(await problems(root, 'gansu')).toEqual([
      {
        code: 'E-PROFILE',
        file,
        place: placeOf(file, 'W-NARRATIVE-FIGURE'),
        message: expect.stringMatching(/^settings\.optionalChecks\.1：应为 W-ENUM-COUNT、W-FOREIGN-TERMS 之一/),
      },
    ]);
  });

  it('rejects a misspelt diagnostic code in severity', async () => {
    const { root, file } = copyWith('sichuan', (t) => t.replace('  W-ADJUSTMENT-UNEXPLAINED: error', '  W-ADJUSTMENT-UNEXPLAINEDD: error'));
    expect(await problems(root, 'sichuan')).toEqual([
      {
        code: 'E-PROFILE',
        file,
        place: placeOf(file, 'W-ADJUSTMENT-UNEXPLAINEDD'),
        message: 'severity.W-ADJUSTMENT-UNEXPLAINEDD：没有这个检查代码，是否想写“W-ADJUSTMENT-UNEXPLAINED”？',
      },
    ]);
  });

  it('reports a missing required key at the start of the mapping', async () => {
    const { root, file } = copyWith('gansu', (t) => t.replace('maxScore: 100\n', ''));
    expect(await problems(root, 'gansu')).toEqual([
      { code: 'E-PROFILE', file, place: placeOf(file, 'id: gansu'), message: 'maxScore：缺少此项（格式文件的必填设置）。' },
    ]);
  });

  it('gives a unit the profile problems with their place when it is built, never E-INTERNAL', async () => {
    const { root, file } = copyWith('gansu', (t) => t.replace('maxScore: 100', 'maxScore: [100'));
    const ctx = await createContext({ outDir: tempDir(), templatesRoot: root, env: { SOURCE_DATE_EPOCH: '1711843200' } });
    const result = await runUnit(inputPath('zhengning-renda-2023.yaml'), ctx, { write: true });
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['E-PROFILE']));
    expect(result.diagnostics.every((d) => d.code !== 'E-INTERNAL')).toBe(true);
    expect(result.diagnostics.find((d) => d.code === 'E-PROFILE')).toMatchObject({ file, place: { line: expect.any(Number), column: expect.any(Number) } });
  });
});
