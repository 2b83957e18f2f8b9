/**
 * A batch reads each input once (issue 14): a first or forced build reads it only to build it; a rebuild reads an
 * input the manifest knows to tell whether it changed, and a changed one once more to build it. The manifest records
 * the hash of the bytes a unit was built from.
 */
import { createHash } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { nodeFs, type FileSystem } from '../../src/run/context.js';
import { MANIFEST_NAME, type Manifest } from '../../src/run/manifest.js';
import { ENV, unitYaml, writeUnits } from '../support/batch.js';
import { memoryIo, tempDir } from '../support/fixtures.js';

/** nodeFs that counts the reads of each .yaml file. */
function countingFs(): { fs: FileSystem; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    fs: {
      ...nodeFs,
      readFile: (path) => {
        if (path.endsWith('.yaml')) reads.set(path, (reads.get(path) ?? 0) + 1);
        return nodeFs.readFile(path);
      },
    },
  };
}

async function build(args: readonly string[]) {
  const { fs, reads } = countingFs();
  const m = memoryIo(ENV);
  const code = await main(['build', ...args], { ...m.io, fs });
  return { code, reads: Object.fromEntries([...reads].map(([p, n]) => [p.split('/').pop()!, n])) };
}

describe('inputs read by a batch', () => {
  it('are read once to build them, once to skip them, twice when changed; the manifest has the hash built from', async () => {
    const dir = tempDir();
    const out = tempDir();
    writeUnits(dir, { 'a.yaml': unitYaml('A01', '曲靖市沾益区财政局'), 'b.yaml': unitYaml('B02', '曲靖市沾益区审计局') });
    expect(await build([dir, '-o', out])).toEqual({ code: 0, reads: { 'a.yaml': 1, 'b.yaml': 1 } });
    expect(await build([dir, '-o', out])).toEqual({ code: 0, reads: { 'a.yaml': 1, 'b.yaml': 1 } });
    writeFileSync(join(dir, 'b.yaml'), unitYaml('B02', '曲靖市沾益区统计局'));
    expect(await build([dir, '-o', out])).toEqual({ code: 0, reads: { 'a.yaml': 1, 'b.yaml': 2 } });
    expect(await build([dir, '-o', out, '--force'])).toEqual({ code: 0, reads: { 'a.yaml': 1, 'b.yaml': 1 } });
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8')) as Manifest;
    const sha = (f: string) =>
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex');
    expect(
      Object.values(manifest.units)
        .map((u) => u.input)
        .sort(),
    ).toEqual([sha('a.yaml'), sha('b.yaml')].sort());
  });

  it('refuses an input over 5 MiB by its size, without reading it, and builds the others', async () => {
    const dir = tempDir();
    const out = tempDir();
    writeUnits(dir, { 'a.yaml': unitYaml('A01', '曲靖市沾益区财政局') });
    // Note: a sparse 3 GiB file takes no disk; read whole, Node would refuse it (ERR_FS_FILE_TOO_LARGE) as unreadable.
    writeFileSync(join(dir, 'huge.yaml'), '');
    truncateSync(join(dir, 'huge.yaml'), 3 * 1024 ** 3);
    const m = memoryIo(ENV);
    const code = await main(['build', dir, '-o', out], { ...m.io, fs: nodeFs });
    expect(code).not.toBe(0);
    expect(m.stderr()).toContain('E-INPUT-TOO-LARGE');
    expect(m.stderr()).toContain(`文件大小为 3072.00 MiB（${3 * 1024 ** 3} 字节），超过上限 5 MiB`);
    expect(m.stderr()).not.toContain('E-INPUT-UNREADABLE');
    expect(m.stderr()).toMatch(/a\.yaml：已生成/);
  });
});
