/**
 * 格式目录中的样式参考文档：--templates 目录的 <格式>/reference.docx 自动作为样式参考；
 * 命令行的 --reference-docx 优先于它（一次运行指定的胜过目录中存放的）。
 */
import { join } from 'node:path';
import type { ReferenceStyles } from '../write/reference-docx.js';
import type { RunContext } from './context.js';
import { isFsError, fsErrorMessage } from './fs-errors.js';

/** The file name of a profile folder's reference: `templates copy` writes it, `build --templates` uses it. */
export const REFERENCE_DOCX = 'reference.docx';

const memo = new WeakMap<RunContext, Map<string, Promise<ReferenceStyles | undefined>>>();

/** The styles of `<dir>/reference.docx`, undefined when there is none, or why it cannot be used; read once per run. */
export function folderReference(ctx: RunContext, dir: string): Promise<ReferenceStyles | undefined> {
  let byDir = memo.get(ctx);
  if (!byDir) {
    byDir = new Map();
    memo.set(ctx, byDir);
  }
  let found = byDir.get(dir);
  if (!found) {
    const path = join(dir, REFERENCE_DOCX);
    found = (async () => {
      if (!(await ctx.fs.exists(path))) return undefined;
      try {
        // Note: imported here, so that `check` (which never finds a reference.docx in the shipped folders) loads no zip library.
        const { readReferenceStyles } = await import('../write/reference-docx.js');
        return readReferenceStyles(await ctx.fs.readFile(path), path);
      } catch (e) {
        if (!isFsError(e)) throw e;
        return { problem: `无法读取样式参考文档 ${path}：${fsErrorMessage(e)}` };
      }
    })();
    byDir.set(dir, found);
  }
  return found;
}

/** The reference a unit of this profile folder is written with: --reference-docx, else the folder's reference.docx. */
export async function effectiveReference(ctx: RunContext, dir: string): Promise<ReferenceStyles | undefined> {
  return ctx.referenceStyles !== undefined ? { styles: ctx.referenceStyles } : folderReference(ctx, dir);
}
