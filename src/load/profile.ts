/** 读取地区格式：templates/<id>/profile.yaml 与叙述模板，按 zod 模式校验。 */
import { join } from 'node:path';
import { parse } from 'yaml';
import { ProfileSchema, type Profile } from '../model/profile.js';
import type { ProfileTemplates } from '../compose/documents.js';

/** A profile with the templates its documents use. */
export interface LoadedProfile {
  readonly profile: Profile;
  readonly templates: ProfileTemplates;
  /** The profile folder's files, for the regeneration hash. */
  readonly sources: readonly string[];
}

/** Reads and validates the profile folder `dir`; throws ProfileError with a Chinese message. */
export async function loadProfile(dir: string, readText: (path: string) => Promise<string>): Promise<LoadedProfile> {
  const profilePath = join(dir, 'profile.yaml');
  const reportPath = join(dir, 'dept-report.md.hbs');
  let profileText: string;
  let reportText: string;
  try {
    [profileText, reportText] = await Promise.all([readText(profilePath), readText(reportPath)]);
  } catch (e) {
    throw new ProfileError(`无法读取格式文件：${(e as Error).message}`);
  }
  const parsed = ProfileSchema.safeParse(parse(profileText, { maxAliasCount: 0 }));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ProfileError(`${profilePath}：格式文件不符合要求（${first?.path.join('.') ?? ''}：${first?.message ?? ''}）`);
  }
  return {
    profile: parsed.data,
    templates: { deptReport: { name: reportPath, source: reportText } },
    sources: [profileText, reportText],
  };
}

/** A profile folder that cannot be used (E-PROFILE). */
export class ProfileError extends Error {
  override name = 'ProfileError';
}
