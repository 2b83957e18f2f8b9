/**
 * `jixiao build` as a separate process (dist/cli.js): worker threads give the same files as one thread, and a build
 * killed with SIGKILL at any moment leaves only complete files, which the next build completes.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LOCK_NAME } from '../../src/run/lock.js';
import { MIN_UNITS_FOR_WORKERS } from '../../src/run/jobs.js';
import { ROOT, tempDir } from '../support/fixtures.js';
import { MODULES_HOOK, loadedModules } from '../support/loaded-modules.js';
import { ENV, build, hashTree, listFiles, unitDocuments, unitYaml, writeUnits } from '../support/batch.js';

const CLI = join(ROOT, 'dist', 'cli.js');
const run = promisify(execFile);
const env = { ...process.env, ...ENV, CI: 'true' };

/** A folder of `n` distinct small units. */
function units(n: number): string {
  const dir = tempDir();
  writeUnits(dir, Object.fromEntries(Array.from({ length: n }, (_, i) => [`u${String(i).padStart(2, '0')}.yaml`, unitYaml(`U${i}`, `测试单位${i}`)])));
  return dir;
}

/** Every DOCX and XLSX under `out` opens as a zip with its main part. */
function expectCompleteDocuments(out: string): number {
  const docs = listFiles(out).filter((f) => /\.(docx|xlsx)$/.test(f));
  for (const f of docs) {
    const entries = unzipSync(new Uint8Array(readFileSync(join(out, f))));
    expect(entries[f.endsWith('.docx') ? 'word/document.xml' : 'xl/workbook.xml'], f).toBeDefined();
  }
  return docs.length;
}

describe('jixiao build in a process of its own', () => {
  it('writes the same files with worker threads as in one thread, prints units in input order and what each worker ran', async () => {
    const dir = units(MIN_UNITS_FOR_WORKERS + 2);
    const [one, pool] = [tempDir(), tempDir()];
    const alone = await run(process.execPath, [CLI, 'build', dir, '-o', one, '--jobs', '1'], { env });
    const log = join(tempDir(), 'modules.txt');
    const r = await run(process.execPath, ['--import', MODULES_HOOK, CLI, 'build', dir, '-o', pool, '--jobs', '2'], {
      env: { ...env, JIXIAO_MODULES_LOG: log },
    });
    expect(hashTree(pool)).toEqual(hashTree(one));
    expect(unitDocuments(pool)).toHaveLength(2 * (MIN_UNITS_FOR_WORKERS + 2));
    // Note: without a terminal each unit is one log line on stderr, with the files it wrote after the arrow.
    const order = r.stderr
      .split('\n')
      .filter((l) => /^\[\s*\d+\/\d+\] .*：已生成.* → /.test(l))
      .map((l) => /→ .*测试单位(\d+)/.exec(l)?.[1]);
    expect(order).toEqual(Array.from({ length: MIN_UNITS_FOR_WORKERS + 2 }, (_, i) => String(i)));
    // Both workers ran units, and between them all of them: the main thread only handed them out.
    const threads = /用时 [\d.]+ 秒（2 个工作线程，分别处理 (\d+)、(\d+) 个单位）/.exec(r.stderr);
    expect(threads, r.stderr.slice(-400)).not.toBeNull();
    const ran = [Number(threads![1]), Number(threads![2])];
    expect(ran[0]! + ran[1]!).toBe(MIN_UNITS_FOR_WORKERS + 2);
    expect(Math.min(...ran)).toBeGreaterThan(0);
    // 汇总表 is built by a worker too (pool.ts Helper): the main thread loads no writer (dist/'s xlsx, summary-xlsx and
    // docx chunks, which alone import exceljs's bundled Workbook and docx), nor docx or exceljs from node_modules.
    expect(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((u) => u.endsWith('/dist/cli.js')),
    ).toHaveLength(1);
    const loaded = loadedModules(log);
    expect(loaded.filter((m) => m.startsWith('dist:') || m === 'docx' || m === 'exceljs')).toEqual([]);
    expect(hashTree(pool)['汇总表.xlsx']).toBeDefined();
    expect(alone.stderr).toMatch(/用时 [\d.]+ 秒\n/);
    expect(alone.stderr).not.toContain('工作线程');
  });

  it('leaves only complete documents when killed mid-build, and the next build finishes the job', async () => {
    const dir = units(24);
    const out = tempDir();
    const child = spawn(process.execPath, [CLI, 'build', dir, '-o', out, '--jobs', '2'], { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Note: kill as soon as the first document is in place, while the others are being written.
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && child.exitCode === null && !listFiles(out).some((f) => f.endsWith('.docx'))) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    expectCompleteDocuments(out);
    const again = await build([dir, '-o', out, '--jobs', '1']);
    expect(again.code).toBe(0);
    expect(expectCompleteDocuments(out)).toBe(2 * 24 + 1);
    expect(listFiles(out).filter((f) => f.endsWith('.tmp') || f.startsWith(LOCK_NAME))).toEqual([]);
  });
});
