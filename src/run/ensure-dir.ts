/** 建立目录（含各级上级目录），每级最多重试一次：任何文件系统错误都会结束并抛出，而不是无限重试。 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Whether `dir` is a folder now (false when it is missing or cannot be looked at). */
const isDirectory = (dir: string): boolean => statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * Creates `dir` and its missing parents, like `mkdir -p`.
 * Note: Node's `mkdir(…, { recursive: true })` spins at 100% CPU forever under /proc (mkdir gives ENOENT
 * although the parent exists, and libuv retries the parent, which exists, and so on; issue 10). Here each level
 * is tried at most twice, so every error ends as a thrown errno error.
 * Note: synchronous, as the batch writes its files (context.ts).
 */
export function ensureDirSync(dir: string): void {
  // Note: the usual case (a unit's folder, from its second file on) is a stat, not a mkdir whose EEXIST error is made
  // and caught.
  if (isDirectory(dir)) return;
  try {
    mkdirSync(dir);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (isDirectory(dir)) return;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', errno: -20, syscall: 'mkdir', path: dir });
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw e;
    ensureDirSync(parent);
  }
  // Note: the parent exists now; a second ENOENT (as under /proc) is final.
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !isDirectory(dir)) throw e;
  }
}

/** ensureDirSync for callers that await it. */
export async function ensureDir(dir: string): Promise<void> {
  ensureDirSync(dir);
}
