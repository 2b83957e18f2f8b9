/** 输入展开：命令行给出的文件与文件夹 → 输入文件清单（按路径排序，结果稳定）。 */
import { extname, join } from 'node:path';
import type { FileSystem } from './context.js';

/** Extensions read as unit inputs. */
export const INPUT_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

const isInput = (name: string) => (INPUT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());

/** Expands folders recursively (skipping hidden folders and node_modules); files are taken as given. */
export async function expandInputs(args: readonly string[], fs: FileSystem): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await fs.readdir(dir)).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      if (await fs.isDirectory(p)) await walk(p);
      else if (isInput(name)) files.push(p);
    }
  };
  for (const arg of args) {
    let dir: boolean;
    try {
      dir = await fs.isDirectory(arg);
    } catch {
      missing.push(arg);
      continue;
    }
    if (dir) await walk(arg);
    else files.push(arg);
  }
  return { files: [...new Set(files)], missing };
}
