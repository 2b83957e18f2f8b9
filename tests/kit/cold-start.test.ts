/**
 * Cold start (issue 14): `--help` and `check` load no package (yargs, zod, yaml and decimal.js are bundled), in
 * particular none of the writers' libraries (docx, exceljs's bundled Workbook, fflate, handlebars); they load on the
 * first unit that writes. A resolve hook in the child's main thread (tests/support/main-thread-modules.mjs) records
 * every package and writer chunk that is loaded. Timing is bench/cold-start.ts's job, not a test's.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputPath, ROOT, tempDir } from '../support/fixtures.js';
import { MODULES_HOOK, loadedModules } from '../support/loaded-modules.js';

const CLI = join(ROOT, 'dist', 'cli.js');

/** The packages the CLI imports (as ESM) when run with `args`, and dist/'s writer chunks (`dist:xlsx`), with its exit code. */
function loadedPackages(args: string[]): { code: number | null; packages: string[] } {
  const log = join(tempDir(), 'modules.txt');
  const r = spawnSync(process.execPath, ['--import', MODULES_HOOK, CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: 'true', JIXIAO_MODULES_LOG: log },
    encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
  return { code: r.status, packages: loadedModules(log) };
}

describe('cold start', () => {
  it('--help loads no package: yargs and everything it needs are bundled into dist/', () => {
    const r = loadedPackages(['--help']);
    expect(r.code).toBe(0);
    expect(r.packages).toEqual([]);
  });

  it('check of a YAML file loads none of the writers’ libraries', () => {
    const r = loadedPackages(['check', inputPath('zhanyi-czj-2023.yaml'), '--jobs', '1']);
    expect(r.code).toBe(0);
    // Note: yargs, zod, yaml and decimal.js are bundled into dist/ (scripts/build.mjs); the build below shows that the
    // hook sees the packages that are loaded.
    expect(r.packages).toEqual([]);
  });

  it('build loads them, since it writes; exceljs’s Workbook is bundled into dist/', () => {
    const r = loadedPackages(['build', inputPath('zhanyi-czj-2023.yaml'), '-o', tempDir(), '--jobs', '1']);
    expect(r.code).toBe(0);
    expect(r.packages).toEqual(expect.arrayContaining(['dist:docx', 'dist:xlsx', 'docx', 'fflate']));
    // Note: the writers' chunk holds exceljs's Workbook (scripts/build.mjs); only reading an entry workbook loads the package.
    expect(r.packages).not.toContain('exceljs');
  });
});
