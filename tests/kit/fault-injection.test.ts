/**
 * Faults while building: a full disk (simulated through the run context's file system, and a real small tmpfs where
 * this machine allows mounting one), permissions, over-long paths, crafted manifests, symlinked output folders and
 * SIGKILL at random moments. In every case: a clean E-WRITE or warning, exit code 0/1 only, no good output lost,
 * nothing outside --out touched, no temporary file left.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { main } from '../../src/cli.js';
import { nodeFs, type FileSystem } from '../../src/run/context.js';
import { MANIFEST_NAME, type Manifest } from '../../src/run/manifest.js';
import { ENV, hashTree, listFiles, unitDocuments, unitYaml, writeUnits } from '../support/batch.js';
import { ROOT, memoryIo, tempDir } from '../support/fixtures.js';

const A = unitYaml('A01', '曲靖市沾益区财政局');
const B = unitYaml('B02', '曲靖市沾益区审计局');
const C = unitYaml('C03', '曲靖市沾益区民政局');

/** A file-system error as Node raises it. */
const fsError = (code: string, path: string, syscall = 'open'): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: simulated, ${syscall} '${path}'`), { code, path, syscall });

type Op = 'stage' | 'commit' | 'writeAtomic' | 'remove';
/** nodeFs, except that `fail(op, path)` may name an errno for an operation to fail with. */
function faultyFs(fail: (op: Op, path: string) => string | undefined): FileSystem {
  const guard =
    <A extends unknown[], R>(op: Op, f: (path: string, ...rest: A) => Promise<R>, pathOf = (p: string) => p) =>
    async (path: string, ...rest: A): Promise<R> => {
      const code = fail(op, pathOf(path));
      if (code) throw fsError(code, path);
      return f(path, ...rest);
    };
  return {
    ...nodeFs,
    stage: guard('stage', nodeFs.stage),
    writeAtomic: guard('writeAtomic', nodeFs.writeAtomic),
    remove: guard('remove', nodeFs.remove),
    commit: async (temp, path) => {
      const code = fail('commit', path);
      if (code) throw fsError(code, path, 'rename');
      return nodeFs.commit(temp, path);
    },
  };
}

/** `jixiao build` in-process with a file system of our choice. */
async function build(args: readonly string[], fs: FileSystem = nodeFs) {
  const m = memoryIo(ENV);
  const code = await main(['build', ...args], { ...m.io, fs });
  return { code, stderr: m.stderr(), stdout: m.stdout() };
}

/** Three units in a folder, built once into a fresh output folder; returns the folders and the good outputs' hashes. */
async function builtOnce() {
  const dir = tempDir();
  const out = tempDir();
  writeUnits(dir, { 'a.yaml': A, 'b.yaml': B, 'c.yaml': C });
  expect((await build([dir, '-o', out])).code).toBe(0);
  return { dir, out, good: hashTree(out) };
}

const docsOf = (out: string, code: string) => unitDocuments(out).filter((f) => f.includes(code));
const temps = (out: string) => listFiles(out).filter((f) => f.endsWith('.tmp'));
const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8')) as Manifest;

describe('a full disk and refused writes', () => {
  it('keeps the last good reports of two units that hit a full disk, and builds the third', async () => {
    const { dir, out, good } = await builtOnce();
    // Note: new names, so the new files differ from the old ones, which a careless cleanup would delete.
    writeUnits(dir, {
      'a.yaml': unitYaml('A01', '曲靖市沾益区发展和改革局'),
      'b.yaml': unitYaml('B02', '曲靖市沾益区统计局'),
      'c.yaml': unitYaml('C03', '曲靖市沾益区司法局'),
    });
    const full = faultyFs((op, p) => (op === 'stage' && /A01|B02/.test(p) ? 'ENOSPC' : undefined));
    const r = await build([dir, '-o', out], full);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/^\S.*[ab]\.yaml {2}error {2}E-WRITE {2}写入输出文件失败：磁盘已满（ENOSPC），.*\.docx/gm)).toHaveLength(2);
    expect(r.stderr).toMatch(/失败的单位（2 个）：\n {2}.*a\.yaml {2}error {2}E-WRITE/);
    // Note: only the third unit's old files (it was renamed too, and is built) are removed.
    expect(r.stderr).toContain('已删除不再生成的旧文件 2 个');
    expect(r.stderr).toMatch(/✖ 2 个错误.*3 个单位中 1 个已生成，2 个失败/);
    for (const code of ['A01', 'B02']) for (const f of docsOf(out, code)) expect(hashTree(out)[f]).toBe(good[f]);
    expect(docsOf(out, 'A01')).toHaveLength(2);
    expect(docsOf(out, 'C03').map((f) => f.replace(/^.*[\\/]/, ''))).toEqual([
      '2023年度绩效自评-曲靖市沾益区司法局.docx',
      '2023年度绩效自评-曲靖市沾益区司法局.xlsx',
    ]);
    expect(temps(out)).toEqual([]);
    // The disk has room again: the two units are built, and only now are their old files removed.
    const again = await build([dir, '-o', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('已删除不再生成的旧文件 4 个');
    expect(unitDocuments(out)).toHaveLength(6);
    expect(
      Object.values(manifestOf(out).units)
        .flatMap((u) => u.outputs.map((o) => o.path))
        .sort(),
    ).toEqual(unitDocuments(out).map((f) => f.split('\\').join('/')));
  });

  it('writes neither file of a unit when the second of its files does not fit', async () => {
    const { dir, out, good } = await builtOnce();
    writeUnits(dir, { 'a.yaml': A.replace('财政资金监督检查工作经费', '财政资金监督检查专项经费') });
    const r = await build(
      [dir, '-o', out],
      faultyFs((op, p) => (op === 'stage' && p.includes('A01') && p.endsWith('.xlsx') ? 'ENOSPC' : undefined)),
    );
    expect(r.code).toBe(1);
    expect(hashTree(out)).toMatchObject(Object.fromEntries(docsOf(out, 'A01').map((f) => [f, good[f]])));
    expect(temps(out)).toEqual([]);
  });

  it('reports a full disk while writing the manifest or 汇总表 as E-WRITE, still printing the summary', async () => {
    for (const [name, what] of [
      [MANIFEST_NAME, '写入增量生成清单'],
      ['汇总表.xlsx', '写入汇总表'],
    ] as const) {
      const { dir, out } = await builtOnce();
      writeUnits(dir, { 'a.yaml': unitYaml('A01', '曲靖市沾益区发展和改革局') });
      const r = await build(
        [dir, '-o', out],
        faultyFs((op, p) => (op === 'writeAtomic' && p.endsWith(name) ? 'ENOSPC' : undefined)),
      );
      expect(r.code, name).toBe(1);
      expect(r.stderr).toContain(`${name}  error  E-WRITE  ${what}失败：磁盘已满（ENOSPC）`);
      expect(r.stderr).toMatch(/✖ 1 个错误.*3 个单位中 1 个已生成，2 个未改变（跳过）/);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+|这是程序缺陷/);
      expect(docsOf(out, 'A01').join()).toContain('发展和改革局');
    }
  });

  it('reports a stale file that cannot be removed (EACCES) as E-WRITE for its unit, and removes it next time', async () => {
    const { dir, out } = await builtOnce();
    writeUnits(dir, { 'a.yaml': unitYaml('A01', '曲靖市沾益区发展和改革局') });
    const r = await build(
      [dir, '-o', out],
      faultyFs((op) => (op === 'remove' ? 'EACCES' : undefined)),
    );
    expect(r.code).toBe(1);
    expect(r.stderr.match(/^\S.*a\.yaml {2}error {2}E-WRITE {2}删除不再生成的旧文件失败：没有权限（EACCES），.*A01/gm)).toHaveLength(2);
    expect(docsOf(out, 'A01')).toHaveLength(4);
    const again = await build([dir, '-o', out]);
    expect(again.code).toBe(0);
    expect(docsOf(out, 'A01').join()).not.toContain('财政局');
    expect(docsOf(out, 'A01')).toHaveLength(2);
  });

  it('reports an output path longer than the system allows as E-WRITE, without a stack trace', async () => {
    const { dir, out } = await builtOnce();
    writeUnits(dir, { 'a.yaml': unitYaml('A01', '曲靖市沾益区发展和改革局') });
    const r = await build(
      [dir, '-o', out],
      faultyFs((op, p) => (op === 'stage' && p.includes('A01') ? 'ENAMETOOLONG' : undefined)),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('路径或文件名过长（ENAMETOOLONG）');
    const deep = join(out, ...Array.from({ length: 30 }, () => '很长的文件夹名称'.repeat(6)));
    const real = await build([dir, '-o', deep]);
    expect(real.code).toBe(1);
    expect(real.stderr).toMatch(/E-WRITE .*ENAMETOOLONG/);
    expect(real.stderr).not.toContain('这是程序缺陷');
  });

  it('keeps every file name within 255 bytes, even for a very long unit name', async () => {
    const dir = tempDir();
    const out = tempDir();
    writeUnits(dir, { 'a.yaml': unitYaml('A01', '曲靖市沾益区'.repeat(20)) });
    expect((await build([dir, '-o', out])).code).toBe(0);
    for (const f of unitDocuments(out)) expect(Buffer.byteLength(f.replace(/^.*[\\/]/, '')) + 30).toBeLessThanOrEqual(255);
  });
});

describe('the manifest is input, not trusted', () => {
  it('ignores, with a warning, a manifest that records a path outside the output folder, and deletes nothing', async () => {
    const { dir, out } = await builtOnce();
    const victims = tempDir();
    writeFileSync(join(victims, 'victim.txt'), 'keep me');
    const m = manifestOf(out);
    for (const evil of ['../victim.txt', join(victims, 'victim.txt'), '2023/../../victim.txt', '2023\\A01\\..\\..\\victim.txt']) {
      const key = Object.keys(m.units).find((k) => k.endsWith('a.yaml'))!;
      const units = { ...m.units, [key]: { ...m.units[key]!, outputs: [...m.units[key]!.outputs, { path: evil, size: 7, sha256: '0'.repeat(64) }] } };
      writeFileSync(join(out, MANIFEST_NAME), JSON.stringify({ ...m, units }));
      writeUnits(dir, { 'a.yaml': unitYaml('A01', `曲靖市沾益区财政局${evil.length}`) });
      const r = await build([dir, '-o', out]);
      expect(r.code, evil).toBe(0);
      expect(r.stderr).toContain('W-MANIFEST-IGNORED');
      expect(r.stderr).toContain('本次全部重新生成，不删除任何旧文件');
      expect(readFileSync(join(victims, 'victim.txt'), 'utf8')).toBe('keep me');
    }
  });

  it('ignores a manifest that is not JSON or does not match its schema, and rebuilds everything', async () => {
    for (const text of ['{ not json', JSON.stringify({ format: 3, units: { '/x.yaml': { input: 1 } } }), JSON.stringify({ format: 3, units: [], extra: 1 })]) {
      const { dir, out } = await builtOnce();
      writeFileSync(join(out, MANIFEST_NAME), text);
      const r = await build([dir, '-o', out]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('W-MANIFEST-IGNORED');
      expect(r.stderr).toContain('3 个单位中 3 个已生成');
      void dir;
    }
  });

  it("never deletes through a symlinked folder inside the output folder, nor another unit's files", async () => {
    const { dir, out, good } = await builtOnce();
    const outside = tempDir();
    mkdirSync(join(outside, 'EVIL'));
    writeFileSync(join(outside, 'EVIL', 'x.docx'), 'outside');
    symlinkSync(join(outside, 'EVIL'), join(out, '2023', 'EVIL'));
    const m = manifestOf(out);
    const key = Object.keys(m.units).find((k) => k.endsWith('a.yaml'))!;
    const bFile = docsOf(out, 'B02')[0]!.split('\\').join('/');
    const extra = [
      { path: '2023/EVIL/x.docx', size: 7, sha256: '0'.repeat(64) },
      { path: bFile, size: 1, sha256: '0'.repeat(64) },
    ];
    writeFileSync(
      join(out, MANIFEST_NAME),
      JSON.stringify({ ...m, units: { ...m.units, [key]: { ...m.units[key]!, outputs: [...m.units[key]!.outputs, ...extra] } } }),
    );
    writeUnits(dir, { 'a.yaml': unitYaml('A01', '曲靖市沾益区发展和改革局') });
    const r = await build([dir, '-o', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(outside, 'EVIL', 'x.docx'), 'utf8')).toBe('outside');
    expect(hashTree(out)[docsOf(out, 'B02')[0]!]).toBe(good[docsOf(out, 'B02')[0]!]);
  });

  it('rebuilds a unit whose output was truncated or edited since it was written', async () => {
    const { dir, out } = await builtOnce();
    const [docx, xlsx] = docsOf(out, 'A01');
    writeFileSync(join(out, docx!), readFileSync(join(out, docx!)).subarray(0, 100));
    const bytes = readFileSync(join(out, docsOf(out, 'B02')[1]!));
    bytes[bytes.length - 30] = bytes[bytes.length - 30]! ^ 1;
    writeFileSync(join(out, docsOf(out, 'B02')[1]!), bytes);
    const r = await build([dir, '-o', out]);
    expect(r.stderr).toContain('3 个单位中 2 个已生成，1 个未改变（跳过）');
    expect(unzipSync(new Uint8Array(readFileSync(join(out, docx!))))['word/document.xml']).toBeDefined();
    void xlsx;
  });
});

/** A tmpfs of `size` mounted on a fresh folder, or undefined where mounting is refused (not root, a container). */
function smallDisk(size: string): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = tempDir('jixiao-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    mounted.push(dir);
    return dir;
  } catch {
    return undefined;
  }
}
const mounted: string[] = [];
afterAll(() => {
  for (const d of mounted) execFileSync('umount', [d], { stdio: 'ignore' });
});
const disk = smallDisk('4m');

describe.skipIf(!disk)('a real full disk (tmpfs)', () => {
  it('keeps the last good reports when the disk fills up, and finishes once there is room', async () => {
    const out = join(disk!, 'out');
    const dir = tempDir();
    writeUnits(dir, { 'a.yaml': A, 'b.yaml': B });
    expect((await build([dir, '-o', out])).code).toBe(0);
    const good = hashTree(out);
    // Note: fill the disk to the last block, so that the next files cannot be written.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${join(disk!, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
    } catch {
      // dd exits non-zero once the disk is full, which is the point
    }
    writeUnits(dir, { 'a.yaml': unitYaml('A01', '曲靖市沾益区发展和改革局'), 'b.yaml': unitYaml('B02', '曲靖市沾益区统计局') });
    const r = await build([dir, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ENOSPC');
    expect(r.stderr).not.toContain('这是程序缺陷');
    for (const [f, h] of Object.entries(good)) if (/\.(docx|xlsx)$/.test(f) && f.includes('/')) expect(hashTree(out)[f], f).toBe(h);
    expect(temps(out)).toEqual([]);
    rmSync(join(disk!, 'filler'));
    const again = await build([dir, '-o', out]);
    expect(again.code).toBe(0);
    expect(unitDocuments(out).join()).toContain('统计局');
    expect(unitDocuments(out)).toHaveLength(4);
  });
});

describe('killed at random moments', () => {
  const CLI = join(ROOT, 'dist', 'cli.js');
  it('leaves only complete documents and its last good outputs after SIGKILL, and the next build finishes the job', async () => {
    const dir = tempDir();
    const out = tempDir();
    const n = 12;
    const yaml = (i: number, name: string) => unitYaml(`U${i}`, `${name}${i}`);
    writeUnits(dir, Object.fromEntries(Array.from({ length: n }, (_, i) => [`u${i}.yaml`, yaml(i, '测试单位')])));
    expect((await build([dir, '-o', out])).code).toBe(0);
    const good = hashTree(out);
    writeUnits(dir, Object.fromEntries(Array.from({ length: n }, (_, i) => [`u${i}.yaml`, yaml(i, '改名单位')])));
    // Note: a fixed sequence of delays (a seeded generator would give the same), from early in staging to the renames.
    for (const delay of [40, 180, 420, 700]) {
      const child = spawn(process.execPath, [CLI, 'build', dir, '-o', out, '--jobs', '2'], { env: { ...process.env, ...ENV, CI: 'true' }, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      for (const f of unitDocuments(out)) {
        const entries = unzipSync(new Uint8Array(readFileSync(join(out, f))));
        expect(entries[f.endsWith('.docx') ? 'word/document.xml' : 'xl/workbook.xml'], f).toBeDefined();
      }
      // Every unit still has a complete pair of files: the old ones, or the new ones.
      for (let i = 0; i < n; i++) {
        const mine = unitDocuments(out).filter((f) => f.split(/[\\/]/)[1] === `U${i}`);
        const names = new Set(mine.map((f) => f.replace(/\.(docx|xlsx)$/, '')));
        expect(
          [...names].some((b) => mine.includes(`${b}.docx`) && mine.includes(`${b}.xlsx`)),
          `U${i}: ${mine.join()}`,
        ).toBe(true);
        for (const f of mine) if (good[f]) expect(hashTree(out)[f]).toBe(good[f]);
      }
    }
    const again = await build([dir, '-o', out, '--jobs', '1']);
    expect(again.code).toBe(0);
    expect(unitDocuments(out)).toHaveLength(2 * n);
    expect(unitDocuments(out).join()).not.toContain('测试单位');
    expect(listFiles(out).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
    expect(existsSync(join(out, MANIFEST_NAME))).toBe(true);
  });
});
