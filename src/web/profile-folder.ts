/**
 * 网页版加载自己的格式目录（`jixiao templates copy` 写出的文件）：文件夹选择（webkitdirectory）或一个 zip。
 * 文件按原来的相对路径挂在内存文件系统的根下，格式目录的上一级作为 --templates，诊断因此与命令行一样指向
 * `我的模板/gansu/profile.yaml:行:列`。
 */
import { strFromU8, unzipSync } from 'fflate';

/** The files of a picked profile folder, by path inside the pick (`我的模板/gansu/profile.yaml`). */
export interface ProfileFolder {
  /** Absolute path in the page's memory file system → text. */
  readonly files: Record<string, string>;
  /** The folder that holds the profile folders, for the run context's templatesRoot. */
  readonly root: string;
  /** The profile ids found (folders with a profile.yaml). */
  readonly ids: readonly string[];
}

const KEEP = /\.(ya?ml|hbs|md|json|csv|txt)$/i;

/**
 * A folder from `[relative path, bytes]` pairs; undefined when no profile.yaml is in it. `name` is what was picked
 * (`我的模板.zip`): when a profile.yaml sits at the top of the pick (a zip of one profile folder's contents), the files
 * are placed as `<name>/<id>/…`, `id` from that profile.yaml's `id:` line or else the name, so that diagnostics read
 * `我的模板/yunnan/profile.yaml:行:列` as for a zip of the folder itself.
 */
export function profileFolder(entries: readonly (readonly [string, Uint8Array])[], name = '我的格式'): ProfileFolder | undefined {
  let clean = entries
    .map(([p, b]) => [p.split('\\').join('/').replace(/^\/+/, ''), b] as const)
    .filter(([p]) => KEEP.test(p) && !p.startsWith('__MACOSX/') && !p.split('/').some((s) => s === '..'));
  const top = clean.find(([p]) => /^profile\.ya?ml$/.test(p));
  if (top) {
    const base = name.replace(/\.zip$/i, '').replace(/[\\/:*?"<>|]/g, '_') || '我的格式';
    const id = /^id:[ \t]*["']?([A-Za-z0-9_-]+)["']?[ \t]*(#.*)?$/m.exec(strFromU8(top[1]))?.[1] ?? base;
    clean = clean.map(([p, b]) => [`${base}/${id}/${p}`, b] as const);
  }
  const profiles = clean.map(([p]) => p).filter((p) => /(^|\/)profile\.ya?ml$/.test(p));
  if (profiles.length === 0) return undefined;
  // Note: the shortest profile.yaml path decides the root: its folder is a profile, that folder's parent the root.
  const first = [...profiles].sort((a, b) => a.split('/').length - b.split('/').length)[0]!;
  const parts = first.split('/');
  const prefix = parts.slice(0, -2).join('/');
  const root = `/${prefix}`.replace(/\/$/, '') || '/';
  const files: Record<string, string> = {};
  for (const [p, b] of clean) files[`/${p}`] = strFromU8(b);
  const ids = profiles
    .map((p) => p.split('/'))
    .filter((ps) => ps.slice(0, -2).join('/') === prefix)
    .map((ps) => ps[ps.length - 2]!)
    .filter((id) => id !== undefined);
  return { files, root: root === '' ? '/' : root, ids: [...new Set(ids)].sort() };
}

/** The entries of a zip as `[path, bytes]`, folders left out. */
export const zipEntries = (bytes: Uint8Array): [string, Uint8Array][] => Object.entries(unzipSync(bytes)).filter(([p]) => !p.endsWith('/'));
