/**
 * 输出目录锁：同一输出目录同时只允许一个 jixiao build。锁文件 .jixiao.lock 记录进程号与开始时间；
 * 持有者进程已不存在的陈旧锁会被接管。
 */
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { ensureDir } from './ensure-dir.js';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** The lock's file name inside the output folder. */
export const LOCK_NAME = '.jixiao.lock';

/** Who holds a lock. */
export interface LockHolder {
  readonly pid: number;
  readonly started: string;
  readonly host: string;
}

/** Either the lock, with its release, or the build that holds it. */
export type LockResult =
  /** tookOver: the lock of a build that died was taken over, so its temporary files may be lying around. */
  | { readonly ok: true; readonly tookOver: boolean; readonly release: () => Promise<void> }
  | { readonly ok: false; readonly path: string; readonly holder: LockHolder | null };

const parse = (text: string): LockHolder | null => {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.started === 'string' && typeof h.host === 'string' ? { pid: h.pid, started: h.started, host: h.host } : null;
  } catch {
    return null;
  }
};

/** Whether the holder may still be running: a process of that id exists here, or it is on another host and we cannot tell. */
function mayBeAlive(h: LockHolder): boolean {
  if (h.host !== hostname()) return true;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // Note: EPERM means the process exists under another user
  }
}

/**
 * Takes `<outDir>/.jixiao.lock`, taking over a stale one whose process has died.
 * Note: the lock is written to a private file and hard-linked into place, so it appears complete or not at all,
 * and a stale lock is renamed aside before removal, so of two processes taking it over only one succeeds.
 */
export async function acquireLock(outDir: string, started: Date): Promise<LockResult> {
  await ensureDir(outDir);
  const path = join(outDir, LOCK_NAME);
  const mine: LockHolder = { pid: process.pid, started: started.toISOString(), host: hostname() };
  const text = JSON.stringify(mine);
  const fresh = `${path}.${process.pid}-${threadId}.new`;
  const aside = `${path}.${process.pid}-${threadId}.stale`;
  await writeFile(fresh, text);
  let tookOver = false;
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(fresh, path);
        return { ok: true, tookOver, release: () => releaseLock(path, text) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const held = await readFile(path, 'utf8').catch(() => null);
      if (held === null) continue; // released meanwhile
      const holder = parse(held);
      if (holder === null || mayBeAlive(holder)) return { ok: false, path, holder };
      try {
        await rename(path, aside);
      } catch {
        continue; // another process took it over first
      }
      if ((await readFile(aside, 'utf8').catch(() => null)) !== held)
        await link(aside, path).catch(() => undefined); // a fresh lock: put it back
      else tookOver = true;
      await rm(aside, { force: true });
    }
    return { ok: false, path, holder: parse((await readFile(path, 'utf8').catch(() => '')) || '') };
  } finally {
    await rm(fresh, { force: true });
  }
}

/** Removes the lock if it is still ours. */
async function releaseLock(path: string, text: string): Promise<void> {
  if ((await readFile(path, 'utf8').catch(() => null)) === text) await rm(path, { force: true });
}

/** The Chinese message when another build holds the folder. */
export function lockedMessage(outDir: string, r: { path: string; holder: LockHolder | null }): string {
  const who = r.holder ? `进程 ${r.holder.pid}（${r.holder.host}，开始于 ${r.holder.started}）` : '另一个进程';
  return `输出目录 ${outDir} 正被${who}使用：另一个 jixiao build 正在向同一目录生成文件。请等它结束后再运行；如确认没有其他 jixiao 在运行，可删除 ${r.path} 后重试。`;
}
