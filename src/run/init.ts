/**
 * 示例输入（jixiao init）：把某一格式的示例 templates/<格式>/sample.yaml 写成 YAML（带中文注释）或 JSON；
 * extends 做出的格式取它自己的示例，没有时取其基础格式的示例并把 profile 改成它的名字。
 * Note: all of `init` that is not the workbook lives here, so that `init` changes stay in one place.
 */
import { extname, join } from 'node:path';
import { parse } from 'yaml';
import { ExitCode } from '../model/diagnostic.js';
import { PROFILE_IDS, isProfileId } from '../profiles/registry.js';
import { PACKAGE_ROOT, type FileSystem } from './context.js';
import { safeSegment } from './file-names.js';
import { profileSamples } from './samples.js';

/** Where `init` reports. */
export interface InitIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly exists: (path: string) => boolean;
}

/** The sample of a shipped profile. */
export const sampleFile = (profile: string): string => join(PACKAGE_ROOT, 'templates', safeSegment(profile), 'sample.yaml');

/** What the sample of `profile` is, or why there is none: a shipped profile, or an `extends` folder under `templatesRoot`. */
export async function sampleText(profile: string, fs: FileSystem, templatesRoot?: string): Promise<{ text: string } | { problem: string }> {
  if (isProfileId(profile)) return { text: await fs.readText(sampleFile(profile)) };
  const root = templatesRoot ?? join(PACKAGE_ROOT, 'templates');
  const dir = join(root, safeSegment(profile));
  const own = await fs.readText(join(dir, 'sample.yaml')).catch(() => undefined);
  if (own !== undefined) return { text: own };
  const yaml = await fs.readText(join(dir, 'profile.yaml')).catch(() => undefined);
  const base = yaml === undefined ? undefined : /^extends:\s*["']?([\w-]+)/m.exec(yaml)?.[1];
  if (base === undefined) return { problem: `未知的格式“${profile}”，可用的格式为 ${PROFILE_IDS.join('、')}（或 --templates 目录中用 extends 做出的格式）。` };
  const parent = await sampleText(base, fs, templatesRoot);
  if ('problem' in parent) return parent;
  // Note: the base's sample, renamed: the child validates as its base (run/pipeline.ts formOf).
  return { text: parent.text.replace(/^profile:\s*\S+/m, `profile: ${profile}`) };
}

/** JSON of a YAML sample (comments cannot be kept); numbers stay numbers. */
export const sampleJson = (yamlText: string): string => `${JSON.stringify(parse(yamlText), null, 2)}\n`;

/** Writes the sample of `profile` to `target`: JSON for a `.json` name, else the commented YAML. */
export async function initSample(
  target: string,
  opts: { profile: string; force: boolean; fs: FileSystem; io: InitIo; templatesRoot?: string },
): Promise<ExitCode> {
  const { io } = opts;
  const ext = extname(target).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) {
    io.err(`示例输入的文件名应以 .yaml、.yml 或 .json 结尾（实际为 ${target}）；Excel 填报工作簿请用 --xlsx。\n`);
    return ExitCode.Usage;
  }
  if (io.exists(target) && !opts.force) {
    io.err(`${target} 已存在；如需覆盖请加 --force。\n`);
    return ExitCode.Usage;
  }
  const sample = await sampleText(opts.profile, opts.fs, opts.templatesRoot);
  if ('problem' in sample) {
    io.err(`${sample.problem}\n`);
    return ExitCode.Usage;
  }
  // Note: a shipped profile may have further samples (central: sample-school.yaml → <target>-school.yaml).
  const extras = (await profileSamples(opts.profile, target, opts.fs)).slice(1);
  const taken = extras.find((x) => io.exists(x.to));
  if (taken && !opts.force) {
    io.err(`${taken.to} 已存在；如需覆盖请加 --force。\n`);
    return ExitCode.Usage;
  }
  const files = [{ to: target, text: sample.text }, ...(await Promise.all(extras.map(async (x) => ({ to: x.to, text: await opts.fs.readText(x.from) }))))];
  const kind = ext === '.json' ? '示例输入（JSON 不能带注释，各字段的说明见同名的 YAML 示例：jixiao init 示例.yaml）' : '带中文注释的示例输入';
  for (const f of files) {
    await opts.fs.writeAtomic(f.to, new TextEncoder().encode(ext === '.json' ? sampleJson(f.text) : f.text));
    io.out(`已写出 ${opts.profile} 格式的${kind} ${f.to}。改成本单位的内容后，先检查：jixiao check ${f.to}，再生成：jixiao build ${f.to}\n`);
  }
  return ExitCode.Ok;
}
