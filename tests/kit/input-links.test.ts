/**
 * Symlinks and odd files in input folders (issue 10): a scan never leaves the folder given and never hangs;
 * a dangling link, a loop, a link out of the tree, a FIFO and an unreadable folder are each one failed input with
 * a Chinese reason, and the rest of the batch is checked as usual.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { nodeFs } from '../../src/run/context.js';
import { expandInputs } from '../../src/run/inputs.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const canFifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const isRoot = process.getuid?.() === 0;

/** A folder with one good unit and every kind of odd entry beside it. */
function oddFolder(): { dir: string; good: string } {
  const dir = tempDir();
  const good = join(dir, 'a-good.yaml');
  copyFileSync(inputPath('zhanyi-renda-2023.yaml'), good);
  symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'b-dangling.yaml'));
  symlinkSync(join(dir, 'c-loop.yaml'), join(dir, 'c-loop.yaml'));
  symlinkSync('/etc/hostname', join(dir, 'd-outside.yaml'));
  symlinkSync('/etc', join(dir, 'e-etc'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync(good, join(dir, 'sub', 'f-inside.yaml'));
  symlinkSync(dir, join(dir, 'sub', 'g-parent'));
  return { dir, good };
}

describe('input folder scans with symlinks and odd files', () => {
  it('rejects dangling links, loops and links out of the folder, never enters linked folders, keeps links inside', async () => {
    const { dir, good } = oddFolder();
    const r = await expandInputs([dir], nodeFs);
    expect(r.files).toEqual([good, join(dir, 'b-dangling.yaml'), join(dir, 'c-loop.yaml'), join(dir, 'd-outside.yaml'), join(dir, 'sub', 'f-inside.yaml')]);
    expect([...r.rejected.keys()]).toEqual([join(dir, 'b-dangling.yaml'), join(dir, 'c-loop.yaml'), join(dir, 'd-outside.yaml')]);
    expect(r.rejected.get(join(dir, 'b-dangling.yaml'))!.message).toContain('悬空链接');
    expect(r.rejected.get(join(dir, 'c-loop.yaml'))!.message).toContain('循环');
    expect(r.rejected.get(join(dir, 'd-outside.yaml'))!.message).toContain('文件夹之外');
    expect(r.files.some((f) => f.includes('e-etc') || f.includes('g-parent'))).toBe(false);
  });

  it('applies the same rules to glob patterns', async () => {
    const { dir, good } = oddFolder();
    const r = await expandInputs([`${dir}/**/*.yaml`], nodeFs);
    expect(r.files).toContain(good);
    expect(r.files).toContain(join(dir, 'sub', 'f-inside.yaml'));
    expect(r.rejected.has(join(dir, 'd-outside.yaml'))).toBe(true);
    expect(r.files.some((f) => f.includes('e-etc') || f.includes('g-parent'))).toBe(false);
  });

  it.skipIf(!canFifo)('rejects a FIFO without opening it (opening would block), given in a folder or by name', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const r = await expandInputs([dir, join(dir, 'pipe.yaml')], nodeFs);
    expect([...r.rejected.keys()]).toEqual([join(dir, 'pipe.yaml')]);
    expect(r.rejected.get(join(dir, 'pipe.yaml'))).toMatchObject({ code: 'E-INPUT-UNREADABLE', severity: 'error' });
    expect(r.rejected.get(join(dir, 'pipe.yaml'))!.message).toContain('命名管道');
  });

  it.skipIf(isRoot)('reports a folder it cannot read and goes on with the others', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'closed'));
    copyFileSync(inputPath('zhanyi-renda-2023.yaml'), join(dir, 'closed', 'x.yaml'));
    copyFileSync(inputPath('zhanyi-renda-2023.yaml'), join(dir, 'open.yaml'));
    chmodSync(join(dir, 'closed'), 0o000);
    try {
      const r = await expandInputs([dir], nodeFs);
      expect(r.rejected.get(join(dir, 'closed'))!.message).toContain('EACCES');
      expect(r.files).toContain(join(dir, 'open.yaml'));
    } finally {
      chmodSync(join(dir, 'closed'), 0o755);
    }
  });

  it('checks the rest of the batch and reports each odd entry as a failed input at its path', async () => {
    const { dir } = oddFolder();
    if (canFifo) execFileSync('mkfifo', [join(dir, 'h-pipe.yaml')]);
    const { io, stdout, stderr } = memoryIo({ CI: 'true', SOURCE_DATE_EPOCH: '1711843200' });
    const code = await main(['check', dir], io);
    const text = stdout() + stderr();
    expect(code).toBe(1);
    expect(text).toMatch(/a-good\.yaml：通过检查/);
    for (const name of ['b-dangling.yaml', 'c-loop.yaml', 'd-outside.yaml', ...(canFifo ? ['h-pipe.yaml'] : [])]) {
      expect(text).toMatch(new RegExp(`${name}  error  E-INPUT-UNREADABLE`));
    }
    // Note: read as YAML, /etc/hostname would give a schema error; it must never have been read at all.
    expect(text).not.toMatch(/d-outside\.yaml\S*\s+error\s+E-(SCHEMA|REQUIRED|INPUT-SYNTAX)/);
    expect(text).toMatch(/f-inside\.yaml：通过检查/);
  });
});
