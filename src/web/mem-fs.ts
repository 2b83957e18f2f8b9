/**
 * 浏览器版的只读文件系统：构建时嵌入的 templates/ 与 package.json，挂在 /jixiao/ 下。写操作一律是程序错误
 * （网页只把文档渲染为字节供下载）。
 */
import type { EntryKind, FileSystem } from '../run/context.js';

const enoent = (path: string): Error => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT', syscall: 'open', path });
const noWrite = async (): Promise<never> => {
  throw new Error('浏览器版不写文件（这是程序错误，请报告）');
};

/** A FileSystem over `files` (absolute path → text); folders are the prefixes of those paths. */
export function memoryFs(files: Readonly<Record<string, string>>): FileSystem {
  const dirs = new Map<string, Set<string>>();
  for (const p of Object.keys(files)) {
    const parts = p.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      const set = dirs.get(dir) ?? new Set<string>();
      dirs.set(dir, set);
      set.add(parts[i]!);
    }
  }
  const kind = (p: string): EntryKind | undefined => (p in files ? 'file' : dirs.has(p) ? 'directory' : undefined);
  const readText = async (p: string): Promise<string> => {
    const t = files[p];
    if (t === undefined) throw enoent(p);
    return t;
  };
  return {
    entryKind: async (p) => kind(p) ?? Promise.reject(enoent(p)),
    realpath: async (p) => (kind(p) ? p : Promise.reject(enoent(p))),
    readFile: async (p) => new TextEncoder().encode(await readText(p)),
    readText,
    writeAtomic: noWrite,
    stage: noWrite,
    commit: noWrite,
    discard: async () => undefined,
    readdir: async (p) => {
      const set = dirs.get(p);
      if (!set) throw enoent(p);
      return [...set].sort();
    },
    isDirectory: async (p) => dirs.has(p),
    exists: async (p) => kind(p) !== undefined,
    remove: noWrite,
    removeStrayTemps: async () => 0,
  };
}
