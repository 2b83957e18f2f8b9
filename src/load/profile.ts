/**
 * 读取地区格式：templates/<id>/profile.yaml（及其 extends 的上级格式）与叙述模板、数据文件；一次校验通用模式与该格式
 * 的 settings 模式，每个问题都是带 文件:行:列 的 E-PROFILE。
 */
import { join } from 'node:path';
import * as z from 'zod';
import { parse } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { diagnostic } from '../model/diagnostic.js';
import { CHECK_CATALOGUE } from '../model/check-catalogue.js';
import { PROFILE_NEUTRAL, ProfileSchema, type Profile } from '../model/profile.js';
import type { ProfileTemplates, TemplateSource } from '../model/templates.js';
import { unwrapSchema } from '../model/schema-walk.js';
import { fastYamlValues } from './fast-yaml.js';
import { parseProfileFile, profileProblem, type ProfileFile } from './profile-file.js';
import { hasPath, mergeProfileData } from './profile-merge.js';
import { suggestKey } from './suggest.js';
import { readTableLayouts, type TableLayouts } from './table-layout.js';

/** A profile with the templates its documents use. */
export interface LoadedProfile {
  readonly profile: Profile;
  readonly templates: ProfileTemplates;
  readonly dir: string;
  /** The id of the profile whose code runs this one: its own id, or the root of its `extends` chain. */
  readonly base: string;
  /** The profile folder's files (name and text), and those of the folders it extends, for the regeneration hash. */
  readonly sources: readonly string[];
}

/** What the code of a profile says about its profile.yaml (from the profile registry; load/ knows no profile). */
export interface ProfileRules {
  /** Schema of `settings`. */
  readonly settingsSchema: z.ZodType;
  /** Common keys this profile never reads, each with why (so writing one is an error, not a dead setting). */
  readonly unusedKeys: Readonly<Record<string, string>>;
}

/** How the loader reads files, and where it looks for the folders an `extends` names. */
export interface ProfileSource {
  readonly readText: (path: string) => Promise<string>;
  readonly listDir: (path: string) => Promise<string[]>;
  /** Folders holding profile folders, searched in order for a parent named by `extends` (the child's own root first). */
  readonly roots: readonly string[];
  /** The rules of a profile with code, or undefined when there is none of that id. */
  readonly rulesFor: (id: string) => ProfileRules | undefined;
}

/** One folder of an `extends` chain. */
interface Level {
  readonly id: string;
  readonly dir: string;
  readonly file: ProfileFile;
  readonly files: readonly string[];
}

/** Reads and validates the profile folder `dir` (whose name is the profile's id); throws ProfileError with E-PROFILE diagnostics. */
export async function loadProfile(dir: string, src: ProfileSource): Promise<LoadedProfile> {
  const chain = await readChain(dir, src);
  const child = chain[0]!;
  const root = chain[chain.length - 1]!;
  const problems: Diagnostic[] = [];
  const rules = src.rulesFor(root.id);
  if (!rules) {
    throw new ProfileError([
      profileProblem(
        root.file,
        ['id'],
        `格式“${root.id}”没有对应的程序：一个新格式须写 extends: <已有格式>（如 extends: yunnan），说明它沿用哪个格式的程序。`,
        true,
      ),
    ]);
  }
  // Note: the chain merges from the root down, so the child's values win; `extends` itself is not a profile key.
  let data: Record<string, unknown> = {};
  for (const level of [...chain].reverse()) {
    const { extends: _parent, ...own } = level.file.data;
    data = mergeProfileData(data, own);
  }
  const where = (path: readonly PropertyKey[]): ProfileFile =>
    (chain.find((l) => hasPath(l.file.data, path)) ?? chain.find((l) => hasPath(l.file.data, path.slice(0, 1))) ?? child).file;

  for (const level of chain) {
    const written = level.file.data['id'];
    if (written !== undefined && written !== level.id) {
      problems.push(
        profileProblem(level.file, ['id'], `id：格式的 id 是其目录名“${level.id}”（实际写的是“${String(written)}”）；请改为 ${level.id} 或删去此项。`, false, {
          expected: level.id,
          actual: String(written),
        }),
      );
    }
  }
  data['id'] = child.id;
  for (const [key, why] of Object.entries(rules.unusedKeys)) {
    if (Object.hasOwn(data, key))
      problems.push(profileProblem(where([key]), [key], `“${key}”：格式 ${root.id} 不使用此项（${why}），写了也不起作用；请删去。`, true));
    data[key] = PROFILE_NEUTRAL[key as keyof typeof PROFILE_NEUTRAL];
  }

  const parsed = ProfileSchema.safeParse(data);
  if (!parsed.success) problems.push(...parsed.error.issues.flatMap((i) => fromIssue(i, [], ProfileSchema, where)));
  else problems.push(...unknownCodes(parsed.data.severity, where));
  const settings = rules.settingsSchema.safeParse(data['settings'] ?? {});
  if (!settings.success) problems.push(...settings.error.issues.flatMap((i) => fromIssue(i, ['settings'], rules.settingsSchema, where)));
  if (!parsed.success || !settings.success || problems.length > 0) throw new ProfileError(sortProblems(problems));

  const profile: Profile = { ...parsed.data, settings: settings.data as Record<string, unknown> };
  const declared = await readDeclaredTables(chain, root.id, src);
  return {
    profile: { ...profile, data: await readDataFiles(chain, profile, src.readText), tables: { ...profile.tables, ...declared.tables } },
    dir,
    base: root.id,
    templates: await readTemplates(chain, src.readText),
    sources: [...(await readSources(chain, src.readText)), ...declared.sources],
  };
}

/**
 * The table declarations (`tables/*.yaml`) of the chain, a child's file replacing the parent's of the same name.
 * A chain with no `tables/` at all (a folder copied before forms declared their tables) uses those the shipped
 * profile of its base declares.
 */
async function readDeclaredTables(chain: readonly Level[], base: string, src: ProfileSource): Promise<TableLayouts> {
  const read = async (dir: string): Promise<TableLayouts> => {
    try {
      return await readTableLayouts(dir, src.readText, src.listDir);
    } catch (e) {
      throw new ProfileError([
        {
          ...diagnostic('E-PROFILE', [], `无法读取格式目录 ${join(dir, 'tables')}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`),
          file: join(dir, 'tables'),
        },
      ]);
    }
  };
  const levels = await Promise.all([...chain].reverse().map((l) => read(l.dir)));
  const shipped = src.roots[src.roots.length - 1];
  if (!levels.some((l) => l.found) && shipped !== undefined) levels.push(await read(join(shipped, base)));
  const diagnostics = levels.flatMap((l) => l.diagnostics);
  if (diagnostics.length > 0) throw new ProfileError(diagnostics);
  return {
    tables: Object.assign({}, ...levels.map((l) => l.tables)) as TableLayouts['tables'],
    sources: levels.flatMap((l) => l.sources),
    diagnostics: [],
    found: levels.some((l) => l.found),
  };
}

/** The folder and the folders it extends, child first; a missing parent or a cycle is an E-PROFILE at its `extends`. */
async function readChain(dir: string, src: ProfileSource): Promise<Level[]> {
  const chain: Level[] = [];
  let level = await readLevel(dir, src);
  for (;;) {
    chain.push(level);
    const parent = level.file.data['extends'];
    if (parent === undefined) return chain;
    if (typeof parent !== 'string' || !/^[\w-]+$/.test(parent)) {
      throw new ProfileError([profileProblem(level.file, ['extends'], `extends：应为一个格式的 id（目录名，如 yunnan），实际为“${String(parent)}”。`)]);
    }
    if (chain.some((l) => l.id === parent)) {
      throw new ProfileError([
        profileProblem(
          level.file,
          ['extends'],
          `extends：格式之间循环继承（${[...chain.map((l) => l.id), parent].join(' → ')}）；最上级的格式不能写 extends。`,
        ),
      ]);
    }
    const found = await findFolder(parent, level.dir, src);
    if (!found) {
      throw new ProfileError([
        profileProblem(
          level.file,
          ['extends'],
          `extends：找不到格式“${parent}”（在 ${searchRoots(level.dir, src).join('、')} 中都没有 ${parent}/profile.yaml）。`,
          false,
          { actual: parent },
        ),
      ]);
    }
    level = await readLevel(found, src);
  }
}

/** The folders searched for a parent of the folder `dir`: its own root first, then the others. */
const searchRoots = (dir: string, src: ProfileSource): string[] => [...new Set([join(dir, '..'), ...src.roots])];

async function findFolder(id: string, childDir: string, src: ProfileSource): Promise<string | undefined> {
  for (const root of searchRoots(childDir, src)) {
    const dir = join(root, id);
    try {
      await src.readText(join(dir, 'profile.yaml'));
      return dir;
    } catch {
      // Note: not in this root; try the next.
    }
  }
  return undefined;
}

async function readLevel(dir: string, src: ProfileSource): Promise<Level> {
  const path = join(dir, 'profile.yaml');
  let text: string;
  let files: string[];
  try {
    text = await src.readText(path);
    files = (await src.listDir(dir)).filter((f) => f.endsWith('.hbs') || f.endsWith('.yaml')).sort();
  } catch (e) {
    throw new ProfileError([
      { ...diagnostic('E-PROFILE', [], `无法读取格式目录 ${dir}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`), file: dir },
    ]);
  }
  const { file, diagnostics } = parseProfileFile(path, text);
  if (!file) throw new ProfileError(diagnostics);
  return {
    id:
      dir
        .split(/[\\/]/)
        .filter((s) => s !== '')
        .pop() ?? dir,
    dir,
    file,
    files,
  };
}

/** One zod issue of the merged data → located E-PROFILE diagnostics; unknown keys get a did-you-mean. */
function fromIssue(issue: z.core.$ZodIssue, prefix: readonly string[], schema: z.ZodType, where: (path: readonly PropertyKey[]) => ProfileFile): Diagnostic[] {
  const inner = issue.path.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number');
  const path = [...prefix, ...inner];
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysAt(schema, inner);
    return issue.keys.map((key) => {
      const guess = suggestKey(key, allowed);
      const at = [...path, key];
      const name = at.join('.');
      const message =
        guess !== undefined
          ? `${name}：未知的设置“${key}”，是否想写“${guess}”？`
          : `${name}：未知的设置“${key}”。此处可写的设置有：${allowed.join('、') || '（无）'}。`;
      return profileProblem(where(at), at, message, true, { expected: guess ?? allowed.join(', '), actual: key });
    });
  }
  const name = path.length > 0 ? path.join('.') : '文件顶层';
  const missing = issue.code === 'invalid_type' && !hasPath(where(path).data, path) && path[0] !== 'settings';
  const message = missing ? `${name}：缺少此项（格式文件的必填设置）。` : `${name}：${issue.message}`;
  return [profileProblem(where(path), path, message, false, issue.code === 'invalid_value' ? { expected: issue.values.map(String).join(' / ') } : {})];
}

/** `severity` keys that are no diagnostic code: a misspelt code would otherwise change nothing. */
function unknownCodes(severity: Readonly<Record<string, string>>, where: (path: readonly PropertyKey[]) => ProfileFile): Diagnostic[] {
  const codes: readonly string[] = Object.keys(CHECK_CATALOGUE);
  // Note: an error means the documents would be wrong; only a warning can be switched off.
  const errorsOff = Object.entries(severity)
    .filter(([code, s]) => s === 'off' && code.startsWith('E-') && codes.includes(code))
    .map(([code]) =>
      profileProblem(where(['severity', code]), ['severity', code], `severity.${code}：错误（E-）不能关闭，只有警告（W-）可以设为 off。`, true, {
        actual: 'off',
        expected: 'error 或 warning',
      }),
    );
  return [
    ...errorsOff,
    ...Object.keys(severity)
      .filter((code) => !codes.includes(code))
      .map((code) => {
        const guess = suggestKey(code, codes);
        const message = `severity.${code}：没有这个检查代码${guess !== undefined ? `，是否想写“${guess}”？` : '（可用的代码见 docs/checks.md）。'}`;
        return profileProblem(where(['severity', code]), ['severity', code], message, true, {
          actual: code,
          ...(guess !== undefined ? { expected: guess } : {}),
        });
      }),
  ];
}

/** Keys the object schema at a path accepts (for did-you-mean). */
function keysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let s: z.ZodType | undefined = unwrapSchema(schema);
  for (const step of path) {
    if (s instanceof z.ZodObject && typeof step === 'string') s = s.shape[step] as z.ZodType | undefined;
    else if (s instanceof z.ZodArray && typeof step === 'number') s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else s = undefined;
    if (s === undefined) return [];
    s = unwrapSchema(s);
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

const sortProblems = (ds: Diagnostic[]): Diagnostic[] =>
  ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.file ?? '').localeCompare(b.d.file ?? '') || (a.d.place?.line ?? 0) - (b.d.place?.line ?? 0) || a.i - b.i)
    .map(({ d }) => d);

/** The .hbs templates of the chain; a child's file replaces the parent's of the same name. */
async function readTemplates(chain: readonly Level[], readText: (path: string) => Promise<string>): Promise<Record<string, TemplateSource>> {
  const templates: Record<string, TemplateSource> = {};
  for (const level of [...chain].reverse()) {
    for (const f of level.files.filter((x) => x.endsWith('.hbs'))) templates[f] = { name: join(level.dir, f), source: await readText(join(level.dir, f)) };
  }
  return templates;
}

/** Every file of the chain, for the recipe hash: the folder's own as `name`, a parent's as `id/name`. */
async function readSources(chain: readonly Level[], readText: (path: string) => Promise<string>): Promise<string[]> {
  const sources: string[] = [];
  for (const [i, level] of chain.entries()) {
    for (const f of level.files) sources.push(`${i === 0 ? '' : `${level.id}/`}${f}\u0000${await readText(join(level.dir, f))}`);
  }
  return sources;
}

/** Reads and parses the profile's `dataFiles` (rubrics and other tables) into its `data`, from the nearest folder of the chain that has each. */
async function readDataFiles(chain: readonly Level[], profile: Profile, readText: (path: string) => Promise<string>): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = { ...profile.data };
  for (const [key, name] of Object.entries(profile.dataFiles)) {
    const level = chain.find((l) => l.files.includes(name)) ?? chain[0]!;
    const path = join(level.dir, name);
    let text: string;
    try {
      text = await readText(path);
    } catch (e) {
      throw new ProfileError([
        {
          ...diagnostic(
            'E-PROFILE',
            [],
            `dataFiles.${key}：无法读取格式文件引用的数据文件 ${name}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`,
          ),
          file: path,
        },
      ]);
    }
    try {
      // Note: js-yaml's reading where yaml is sure to read the same (fast-yaml.ts); yaml's, with its errors, otherwise.
      data[key] = fastYamlValues(text) ?? parse(text, { maxAliasCount: 0 });
    } catch (e) {
      const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
      throw new ProfileError([
        {
          ...diagnostic('E-PROFILE', [], `数据文件不是有效的 YAML（${(e as Error).message.split('\n')[0] ?? ''}）`),
          file: path,
          ...(pos ? { place: { line: pos.line, column: pos.col } } : {}),
        },
      ]);
    }
  }
  return data;
}

/** A profile folder that cannot be used: its E-PROFILE diagnostics, each with file and (where known) line:col. */
export class ProfileError extends Error {
  override name = 'ProfileError';
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file ?? ''}${d.place ? `:${d.place.line}:${d.place.column}` : ''} ${d.message}`).join('\n'));
    this.diagnostics = diagnostics;
  }
}
