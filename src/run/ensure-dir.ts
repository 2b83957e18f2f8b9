/** 建立目录（含各级上级目录），每级最多重试一次：任何文件系统错误都会结束并抛出，而不是无限重试。 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Creates `dir` and its missing parents, like `mkdir -p`.
 * Note: Node's `mkdir(…, { recursive: true })` spins at 100% CPU forever under /proc (mkdir gives ENOENT
 * although the parent exists, and libuv retries the parent, which exists, and so on; issue 10). Here each level
 * is tried at most twice, so every error ends as a thrown errno error.
 */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (
        await stat(dir).then(
          (s) => s.isDirectory(),
          () => false,
        )
      )
        return;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', errno: -20, syscall: 'mkdir', path: dir });
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw e;
    await ensureDir(parent);
  }
  // Note: the parent exists now; a second ENOENT (as under /proc) is final.
  try {
    await mkdir(dir);
  } catch (e) {
    if (
      (e as NodeJS.ErrnoException).code !== 'EEXIST' ||
      !(await stat(dir).then(
        (s) => s.isDirectory(),
        () => false,
      ))
    )
      throw e;
  }
}
