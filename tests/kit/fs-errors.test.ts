/** Issue 10: every file-system error ends with a Chinese message and a non-zero exit; nothing spins (mkdir under /proc). */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli.js';
import { nodeFs, type FileSystem } from '../../src/run/context.js';
import { ensureDir } from '../../src/run/ensure-dir.js';
import { fsErrorMessage } from '../../src/run/fs-errors.js';
import { inputPath, memoryIo, tempDir } from '../support/fixtures.js';

const env = { SOURCE_DATE_EPOCH: '1711843200' };
const INPUT = inputPath('zhanyi-czj-2023.yaml');
const PROC = process.platform === 'linux' && existsSync('/proc/self');

/** An errno error as Node's fs raises it. */
const fsError = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: simulated, ${syscall} '${path}'`), { code, errno: -1, syscall, path });

/** The real file system, except that writeAtomic fails with `code`. */
const failingWrites = (code: string, syscall = 'open'): FileSystem => {
  const fail = async (p: string): Promise<never> => {
    throw fsError(code, syscall, p);
  };
  return { ...nodeFs, writeAtomic: fail, stage: fail };
};

async function run(args: string[], fs?: FileSystem) {
  const mem = memoryIo(env);
  const io: Io = { ...mem.io, ...(fs ? { fs } : {}) };
  const code = await main(args, io);
  return { code, stderr: mem.stderr(), stdout: mem.stdout() };
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |程序缺陷/);

describe('a file system that fails to write (simulated through the run context)', () => {
  for (const code of ['ENOENT', 'EIO', 'ELOOP', 'ENAMETOOLONG', 'ENOSPC', 'EACCES']) {
    it(`build: ${code} is E-WRITE for the unit with the reason in Chinese, exit 1`, async () => {
      const r = await run(['build', INPUT, '-o', tempDir(), '-j', '1'], failingWrites(code));
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`E-WRITE .*（${code}）[：，]`));
      noStack(r.stderr);
    });
  }

  it('templates copy, init and convert end with the Chinese reason and exit 1', async () => {
    const dir = tempDir();
    for (const args of [
      ['templates', 'copy', 'gansu', join(dir, 't')],
      ['init', join(dir, 'x.yaml')],
      ['convert', INPUT, join(dir, 'x.json')],
    ]) {
      const r = await run(args, failingWrites('EIO', 'write'));
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(1);
      expect(r.stderr).toContain('（EIO）：读写设备时出错');
      noStack(r.stderr);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('ensureDir', () => {
  it('makes nested folders and accepts existing ones', async () => {
    const dir = join(tempDir(), 'a', 'b', 'c');
    await ensureDir(dir);
    await ensureDir(dir);
    expect(existsSync(dir)).toBe(true);
  });

  it('fails with ENOTDIR when a file stands in the way', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'file'), 'x');
    await expect(ensureDir(join(base, 'file', 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(ensureDir(join(base, 'file'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it.skipIf(!PROC)('ends with ENOENT under /proc instead of spinning (Node’s recursive mkdir loops there)', async () => {
    await expect(ensureDir('/proc/jixiao-x/y')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe.skipIf(!PROC || process.getuid?.() !== 0)('real /proc paths (Linux, as root)', () => {
  it('templates copy gansu /proc/x ends with a message and exit 1', async () => {
    const r = await run(['templates', 'copy', 'gansu', '/proc/jixiao-x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('（ENOENT）');
    expect(r.stderr).toContain('/proc/jixiao-x');
    noStack(r.stderr);
  });

  it('init /proc/x.yaml names the file asked for, not the temporary one', async () => {
    const r = await run(['init', '/proc/jixiao-x.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('无法打开“/proc/jixiao-x.yaml”（ENOENT）');
    expect(r.stderr).not.toContain('.tmp');
  });

  it('build --out /proc/x ends with E-WRITE and exit 1', async () => {
    const r = await run(['build', INPUT, '--out', '/proc/jixiao-x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\/proc\/jixiao-x {2}error {2}E-WRITE {2}无法写入输出目录：无法建立目录/);
    noStack(r.stderr);
  });
});

describe('fsErrorMessage', () => {
  it('names the operation, the path, the code and the reason', () => {
    expect(fsErrorMessage(fsError('ENOSPC', 'write', '/o/a.docx'))).toBe(
      '无法写入“/o/a.docx”（ENOSPC）：磁盘已满。请检查路径是否正确、是否有写权限、磁盘是否已满。',
    );
    expect(fsErrorMessage(fsError('EWHAT', 'futimes', '/o'))).toContain('文件系统错误 EWHAT');
  });
});
