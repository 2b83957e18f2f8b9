/** 读取地区格式：templates/<id>/profile.yaml 与叙述模板，按 zod 模式校验。 */
import { join } from 'node:path';
import { parse } from 'yaml';
import { ProfileSchema, type Profile } from '../model/profile.js';
import type { ProfileTemplates, TemplateSource } from '../model/templates.js';

/** A profile with the templates its documents use. */
export interface LoadedProfile {
  readonly profile: Profile;
  readonly templates: ProfileTemplates;
  readonly dir: string;
  /** The profile folder's files (name and text), for the regeneration hash. */
  readonly sources: readonly string[];
}

/** Reads and validates the profile folder `dir`; throws ProfileError with a Chinese message. */
export async function loadProfile(dir: string, readText: (path: string) => Promise<string>, listDir: (path: string) => Promise<string[]>): Promise<LoadedProfile> {
  const profilePath = join(dir, 'profile.yaml');
  let profileText: string;
  const templates: Record<string, TemplateSource> = {};
  const sources: string[] = [];
  try {
    profileText = await readText(profilePath);
    for (const file of (await listDir(dir)).filter((f) => f.endsWith('.hbs') || f.endsWith('.yaml')).sort()) {
      const source = file === 'profile.yaml' ? profileText : await readText(join(dir, file));
      sources.push(`${file}\u0000${source}`);
      if (file.endsWith('.hbs')) templates[file] = { name: join(dir, file), source };
    }
  } catch (e) {
    throw new ProfileError(`无法读取格式目录 ${dir}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const parsed = ProfileSchema.safeParse(parse(profileText, { maxAliasCount: 0 }));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ProfileError(`${profilePath}：格式文件不符合要求（${first?.path.join('.') ?? ''}：${first?.message ?? ''}）`);
  }
  return { profile: { ...parsed.data, data: await readDataFiles(dir, parsed.data, readText) }, dir, templates, sources };
}

/** Reads and parses the profile's `dataFiles` (rubrics and other tables) into its `data`; throws ProfileError. */
async function readDataFiles(dir: string, profile: Profile, readText: (path: string) => Promise<string>): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = { ...profile.data };
  for (const [key, file] of Object.entries(profile.dataFiles)) {
    const path = join(dir, file);
    let text: string;
    try {
      text = await readText(path);
    } catch (e) {
      throw new ProfileError(`${path}：无法读取格式文件引用的数据文件（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    }
    try {
      data[key] = parse(text, { maxAliasCount: 0 });
    } catch (e) {
      throw new ProfileError(`${path}：数据文件不是有效的 YAML（${(e as Error).message.split('\n')[0] ?? ''}）`);
    }
  }
  return data;
}

/** A profile folder that cannot be used (E-PROFILE). */
export class ProfileError extends Error {
  override name = 'ProfileError';
}
