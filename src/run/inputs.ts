/** 输入展开：命令行给出的文件、文件夹与通配符 → 输入文件清单（按路径排序，结果稳定）。 */
import { basename, extname, join } from 'node:path';
import type { FileSystem } from './context.js';
import { expandGlob, isGlob } from './glob.js';

/** Extensions read as unit inputs; .xlsx is a data-entry workbook (jixiao init --xlsx). */
export const INPUT_EXTENSIONS = ['.yaml', '.yml', '.json', '.xlsx'] as const;

// Note: "~$x.xlsx" is the lock file Excel and WPS keep beside an open workbook, not an input.
const isInput = (name: string) => (INPUT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase()) && !basename(name).startsWith('~$');

/**
 * Expands folders recursively (skipping hidden folders and node_modules) and glob patterns (only input files,
 * and the folders they match); files are taken as given. A pattern that matches nothing counts as missing.
 */
export async function expandInputs(args: readonly string[], fs: FileSystem): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const names = (await fs.readdir(dir)).sort().filter((name) => !name.startsWith('.') && name !== 'node_modules');
    // Note: the entries are looked at all at once (a folder may hold a thousand units), then taken in order.
    const folders = await Promise.all(names.map((name) => fs.isDirectory(join(dir, name))));
    for (const [i, name] of names.entries()) {
      const p = join(dir, name);
      if (folders[i]) await walk(p);
      else if (isInput(name)) files.push(p);
    }
  };
  for (const arg of args) {
    let dir: boolean;
    try {
      dir = await fs.isDirectory(arg);
    } catch {
      // Note: a path that exists is taken literally even if it has glob characters, such as "[2023] 单位.yaml".
      const matches = isGlob(arg) ? await expandGlob(arg, fs) : [];
      const before = files.length;
      for (const m of matches) {
        if (await fs.isDirectory(m).catch(() => false)) await walk(m);
        else if (isInput(m)) files.push(m);
      }
      if (files.length === before) missing.push(arg);
      continue;
    }
    if (dir) await walk(arg);
    else files.push(arg);
  }
  return { files: [...new Set(files)], missing };
}
