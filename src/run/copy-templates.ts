/** 复制格式模板（jixiao templates copy）：把 templates/<格式>/ 复制到 <目录>/<格式>/，财政局可自行修改措辞、表下注释、权重与计分规则。 */
import { join } from 'node:path';
import { ExitCode } from '../model/diagnostic.js';
import { PROFILE_IDS, isProfileId } from '../profiles/registry.js';
import { PACKAGE_ROOT, type FileSystem } from './context.js';
import { fsErrorMessage, isFsError } from './fs-errors.js';
import { defaultReferenceDocx } from '../write/reference-docx.js';
import { REFERENCE_DOCX } from './profile-reference.js';

/** Where `templates copy` reports. */
export interface CopyIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly exists: (path: string) => boolean;
}

/**
 * Copies the shipped profile folder `templates/<profile>/` into `<dir>/<profile>/`. An existing folder is left alone
 * unless `force` is set; then the shipped files overwrite their copies and any other file there stays.
 */
export async function copyTemplates(profile: string, dir: string, opts: { force: boolean; fs: FileSystem; io: CopyIo; from?: string }): Promise<ExitCode> {
  const { fs, io } = opts;
  if (!isProfileId(profile)) {
    io.err(`未知的格式“${profile}”，可用的格式为 ${PROFILE_IDS.join('、')}。\n`);
    return ExitCode.Usage;
  }
  const source = join(opts.from ?? join(PACKAGE_ROOT, 'templates'), profile);
  const target = join(dir, profile);
  if (io.exists(target) && !opts.force) {
    io.err(`${target} 已存在；如需用随附的模板覆盖其中的同名文件，请加 --force。\n`);
    return ExitCode.Usage;
  }
  // Note: tables/*.yaml are the form's table declarations (the layout of every grid table).
  const tables = (await fs.readdir(join(source, 'tables')).catch(() => [] as string[])).filter((f) => /\.ya?ml$/.test(f)).map((f) => `tables/${f}`);
  const files = [...(await fs.readdir(source)).filter((f) => /\.(ya?ml|hbs)$/.test(f)), ...tables].sort();
  try {
    for (const f of files) await fs.writeAtomic(join(target, f), await fs.readFile(join(source, f)));
    // Note: jixiao's own styles, so a user restyles from what jixiao writes; build --templates uses it automatically.
    await fs.writeAtomic(join(target, REFERENCE_DOCX), await defaultReferenceDocx());
  } catch (e) {
    if (!isFsError(e)) throw e;
    io.err(`未能复制模板到 ${target}：${fsErrorMessage(e)}\n`);
    return ExitCode.InvalidInput;
  }
  io.out(
    `已复制 ${files.length} 个文件到 ${target}：${files.join('、')}；另写出样式参考文档 ${REFERENCE_DOCX}（jixiao 的样式，可在 Word/WPS 中修改）。\n` +
      `修改措辞（*.md.hbs）、表下注释与权重（profile.yaml）、表格版式（tables/*.yaml）后运行：jixiao build <输入> --templates ${dir}\n`,
  );
  return ExitCode.Ok;
}
