/** 示例输入：`jixiao init --profile <id>` 写出 templates/<id>/ 中的 sample.yaml 与 sample-*.yaml。 */
import { join } from 'node:path';
import { PACKAGE_ROOT, type FileSystem } from './context.js';

/** One sample of a profile: its file and where `init` writes it next to `target` (sample-school.yaml → <target>-school.yaml). */
export interface Sample {
  readonly from: string;
  readonly to: string;
}

const SAMPLE = /^sample(-[\w-]+)?\.ya?ml$/;

/** The samples shipped for `profile`, sample.yaml first; none when the profile has no folder or no sample. */
export async function profileSamples(profile: string, target: string, fs: Pick<FileSystem, 'readdir'>): Promise<Sample[]> {
  if (!/^[\w-]+$/.test(profile)) return [];
  const dir = join(PACKAGE_ROOT, 'templates', profile);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const dot = target.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [target.slice(0, dot), target.slice(dot)] : [target, '.yaml'];
  return names
    .filter((n) => SAMPLE.test(n))
    .sort((a, b) => (a.startsWith('sample.') ? -1 : b.startsWith('sample.') ? 1 : a.localeCompare(b)))
    .map((n) => {
      const suffix = SAMPLE.exec(n)![1] ?? '';
      return { from: join(dir, n), to: suffix === '' ? target : `${stem}${suffix}${ext}` };
    });
}
