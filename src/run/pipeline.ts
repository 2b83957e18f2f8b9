/** 单个单位的流水线：读取 → 校验 → 派生 → 检查 → 组装 → 写出。 */
import { join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { hasErrors } from '../model/diagnostic.js';
import type { UnitSummary } from '../model/summary.js';
import type { Loaded } from '../load/read-input.js';
import { readInputFile } from '../load/read-file.js';
import { validateUnit } from '../load/validate.js';
import { loadProfile, ProfileError, type LoadedProfile } from '../load/profile.js';
import { INPUT_SCHEMAS, PROFILES, isProfileId, profileRules, type AnyUnit } from '../profiles/registry.js';
import { TemplateError } from '../compose/templates.js';
import { docToDocx } from '../write/docx.js';
import { tablesToXlsx } from '../write/xlsx.js';
import { PACKAGE_ROOT, reportDate, type RunContext } from './context.js';
import { safeSegment } from './file-names.js';

/** What happened to one input file. */
export interface UnitResult {
  readonly file: string;
  readonly unitName?: string;
  readonly year?: number;
  readonly diagnostics: readonly Diagnostic[];
  /** Paths written; empty when the unit had errors or was only checked. */
  readonly outputs: readonly string[];
  /** The profile's derived model (Derived for yunnan). */
  readonly derived?: unknown;
  readonly unit?: AnyUnit;
  /** The form that ran it: the unit's profile, or the `extends` form its `profile:` names. */
  readonly profile?: string;
  readonly summary?: UnitSummary;
}

/** Adds file and line:col (or workbook cell) to diagnostics that only carry a data path. */
function place(loaded: Loaded, ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.map((d) => {
    const where = d.place || d.cell || !d.path ? {} : loaded.locate(d.path);
    return { ...d, file: d.file ?? loaded.file, ...where };
  });
}

const profileCache = new Map<string, Promise<LoadedProfile>>();
/** Loads a profile folder once per process. */
export function profileFor(ctx: RunContext, id: string): Promise<LoadedProfile> {
  const dir = join(ctx.templatesRoot, safeSegment(id));
  let p = profileCache.get(dir);
  if (!p) {
    // Note: a parent named by `extends` is looked for next to the child, then among the shipped profiles.
    const roots = [ctx.templatesRoot, join(PACKAGE_ROOT, 'templates')];
    p = loadProfile(dir, { readText: ctx.fs.readText, listDir: ctx.fs.readdir, roots, rulesFor: profileRules });
    profileCache.set(dir, p);
    p.catch(() => profileCache.delete(dir));
  }
  return p;
}

/**
 * The form the input's `profile:` names. A form made by `extends` (a folder under the templates root with no code of
 * its own) is loaded here, and the input is validated as one of its base profile, whose code then runs it.
 */
export async function formOf(loaded: Loaded, ctx: RunContext): Promise<{ loaded: Loaded; profile?: LoadedProfile } | { diagnostics: readonly Diagnostic[] }> {
  const data = loaded.data;
  const id = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>)['profile'] : undefined;
  if (typeof id !== 'string' || isProfileId(id) || safeSegment(id) !== id) return { loaded };
  if (!(await ctx.fs.readText(join(ctx.templatesRoot, id, 'profile.yaml')).then(() => true, () => false))) return { loaded };
  try {
    const profile = await profileFor(ctx, id);
    // Note: the base profile's input schema names its own id; the child's folder says which profile that is.
    return { loaded: { ...loaded, data: { ...(data as Record<string, unknown>), profile: profile.base } }, profile };
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return { diagnostics: e.diagnostics };
  }
}

/** Runs load → validate → derive → check; writes documents only when `write` is set and no error was found. */
export async function runUnit(file: string, ctx: RunContext, opts: { write: boolean }): Promise<UnitResult> {
  let bytes: Uint8Array;
  try {
    bytes = await ctx.fs.readFile(file);
  } catch (e) {
    return { file, outputs: [], diagnostics: [{ code: 'E-INPUT-UNREADABLE', severity: 'error', file, message: `无法读取输入文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }] };
  }
  const read = await readInputFile(file, bytes);
  if (!read.loaded || hasErrors(read.diagnostics)) return { file, outputs: [], diagnostics: read.diagnostics };
  const form = await formOf(read.loaded, ctx);
  if ('diagnostics' in form) return { file, outputs: [], diagnostics: [...read.diagnostics, ...form.diagnostics] };
  const loaded = form.loaded;
  const validated = validateUnit<AnyUnit>(loaded, INPUT_SCHEMAS);
  const early = [...read.diagnostics, ...validated.diagnostics];
  if (!validated.unit) return { file, outputs: [], diagnostics: early };
  const unit = validated.unit;
  let lp: LoadedProfile;
  try {
    lp = form.profile ?? await profileFor(ctx, unit.profile);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return { file, outputs: [], diagnostics: [...early, ...e.diagnostics] };
  }
  const module = PROFILES[unit.profile];
  const derived = module.derive(unit, lp.profile);
  const diagnostics = [...early, ...place(loaded, module.check(unit, derived, lp.profile, { strict: ctx.strict }))];
  const base = { file, unitName: unit.unit.name, year: unit.year, derived, unit, profile: lp.profile.id, summary: module.summarize(unit, derived) };
  if (!opts.write || hasErrors(diagnostics)) return { ...base, diagnostics, outputs: [] };
  try {
    const docs = module.compose(unit, derived, lp.profile, lp.templates, ctx.render);
    const when = reportDate(ctx, unit.year, unit.reportDate);
    const dir = join(ctx.outDir, String(unit.year), safeSegment(unit.unit.code));
    const name = safeSegment(docs.docx.fileBase);
    const docxPath = join(dir, `${name}.docx`);
    const xlsxPath = join(dir, `${name}.xlsx`);
    const [docx, xlsx] = await Promise.all([docToDocx(docs.docx, when), tablesToXlsx(docs.xlsxTables, { title: docs.docx.title, when })]);
    await ctx.fs.writeAtomic(docxPath, docx);
    await ctx.fs.writeAtomic(xlsxPath, xlsx);
    return { ...base, diagnostics, outputs: [docxPath, xlsxPath] };
  } catch (e) {
    if (e instanceof TemplateError) {
      const at = e.line !== undefined ? `:${e.line}${e.column !== undefined ? `:${e.column}` : ''}` : '';
      return { ...base, outputs: [], diagnostics: [...diagnostics, { code: 'E-TEMPLATE', severity: 'error', file: `${e.template}${at}`, message: e.message }] };
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code && ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EEXIST', 'EISDIR'].includes(err.code)) {
      return { ...base, outputs: [], diagnostics: [...diagnostics, { code: 'E-WRITE', severity: 'error', file: err.path ?? ctx.outDir, message: `无法写入输出文件（${err.code}）：请检查输出目录是否存在、是否有写权限、磁盘是否已满。` }] };
    }
    throw e;
  }
}
