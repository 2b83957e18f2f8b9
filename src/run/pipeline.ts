/** 单个单位的流水线：读取 → 校验 → 派生 → 检查 → 组装 → 写出。 */
import { isAbsolute, join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { hasErrors } from '../model/diagnostic.js';
import type { UnitSummary } from '../model/summary.js';
import type { Loaded } from '../load/read-input.js';
import { readInputFile } from '../load/read-file.js';
import { FileTooLargeError, MAX_INPUT_BYTES, tooLargeInput } from '../load/decode.js';
import { validateUnit } from '../load/validate.js';
import { takeInputChecks } from '../load/input-checks.js';
import { applyOverrides } from '../check/severity.js';
import { loadProfile, ProfileError, type LoadedProfile } from '../load/profile.js';
import { INPUT_SCHEMAS, PROFILES, entryLayout, labelsFor, isProfileId, profileRules, type AnyUnit } from '../profiles/registry.js';
import type { LayoutOf } from '../load/read-workbook.js';
import { labelPath } from '../model/labels.js';
import { TemplateError } from '../compose/templates.js';
import { PACKAGE_ROOT, reportDate, type FileSystem, type RunContext } from './context.js';
import { safeSegment } from './file-names.js';
import { outputFile, type OutputFile, type StagedFile } from './output-files.js';
import { isFsError, writeProblem } from './fs-errors.js';
import { REFERENCE_DOCX, effectiveReference } from './profile-reference.js';
import type { Location } from '../load/read-input.js';
import type { UnitDocuments } from '../compose/unit-documents.js';

/** What happened to one input file. */
export interface UnitResult {
  readonly file: string;
  readonly unitName?: string;
  readonly year?: number;
  readonly diagnostics: readonly Diagnostic[];
  /** Paths written (or staged, see `staged`); empty when the unit had errors or was only checked. */
  readonly outputs: readonly string[];
  /** Size and sha256 of each output, as written. */
  readonly files?: readonly OutputFile[];
  /** With `stage`: the outputs under their temporary names, not yet renamed onto `outputs`. */
  readonly staged?: readonly StagedFile[];
  /** The profile's derived model (Derived for yunnan). */
  readonly derived?: unknown;
  readonly unit?: AnyUnit;
  /** The form that ran it: the unit's profile, or the `extends` form its `profile:` names. */
  readonly profile?: string;
  readonly summary?: UnitSummary;
  /** With `render` (the library's renderUnit): the documents as bytes, not written anywhere. */
  readonly documents?: RenderedDocuments;
  /** With `render`: the document model both writers were given (the web page previews it as HTML). */
  readonly composed?: UnitDocuments;
}

/** A unit's two documents as bytes, and the file name (without extension) they are written under. */
export interface RenderedDocuments {
  readonly fileBase: string;
  readonly docx: Uint8Array;
  readonly xlsx: Uint8Array;
}

/** What runUnit does after checking: write the files (`write`), only stage them (`stage`), or hand back bytes (`render`). */
export interface RunUnitOptions {
  readonly write: boolean;
  readonly stage?: boolean;
  /** Render the documents and return them in `documents` instead of writing them (implies no file-system writes). */
  readonly render?: boolean;
}

/** Adds file and line:col (or workbook cell) to diagnostics that only carry a data path. */
function place(loaded: Loaded, ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.map((d) => {
    const where = d.place || d.cell || !d.path ? {} : loaded.locate(d.path);
    return { ...d, file: d.file ?? loaded.file, ...where };
  });
}

/**
 * The DOCX and XLSX writers, imported on the first unit that writes documents.
 * Note: they pull in docx, exceljs and fflate (~0.3 s of module loading), which `check` never needs.
 */
let writersLoaded:
  | Promise<{ docToDocx: typeof import('../write/docx.js').docToDocx; tablesToXlsx: typeof import('../write/xlsx.js').tablesToXlsx }>
  | undefined;
const writers = () =>
  (writersLoaded ??= Promise.all([import('../write/docx.js'), import('../write/xlsx.js')]).then(([d, x]) => ({
    docToDocx: d.docToDocx,
    tablesToXlsx: x.tablesToXlsx,
  })));

const profileCache = new Map<string, Promise<LoadedProfile>>();
/** Forgets the loaded profile folders (the offline page, when a person loads their profile folder again). */
export const forgetProfiles = (): void => profileCache.clear();
/**
 * The data-entry workbook layout of the form a workbook's 格式 row names: a form with code, or the base of a form
 * folder made by `extends`; undefined (yunnan's) for an unknown name, which validation then reports.
 */
export const workbookLayouts =
  (ctx: RunContext): LayoutOf =>
  async (id) => {
    if (id === undefined) return undefined;
    const base = isProfileId(id) ? id : (await profileFor(ctx, id).catch(() => undefined))?.base;
    return base !== undefined && isProfileId(base) ? entryLayout(base) : undefined;
  };

/**
 * Where an input file gives a data path (line:column or cell), read again: for an error found after its unit was built
 * (two units claiming one output file), so that no unit locates anything it does not report (issue 14). {} when the
 * file cannot be read now.
 */
export async function locateInInput(ctx: RunContext, file: string, path: readonly PropertyKey[]): Promise<Location> {
  try {
    const read = await readInputFile(file, await readInput(ctx, file), workbookLayouts(ctx));
    return read.loaded?.locate(path) ?? {};
  } catch {
    return {};
  }
}

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
 * Writes every file under a temporary name; when one write fails (a full disk), removes the ones already written
 * and rethrows, so either all of a unit's new files exist or none does.
 */
async function stageAll(fs: FileSystem, files: readonly (readonly [string, Uint8Array])[]): Promise<StagedFile[]> {
  const staged: StagedFile[] = [];
  try {
    for (const [path, data] of files) staged.push({ ...outputFile(path, data), temp: await fs.stage(path, data) });
  } catch (e) {
    await Promise.all(staged.map((f) => fs.discard(f.temp).catch(() => undefined)));
    throw e;
  }
  return staged;
}

/** Renames staged files onto their paths; on a failure removes the temporary files not yet renamed, and rethrows. */
export async function commitAll(fs: FileSystem, staged: readonly StagedFile[]): Promise<void> {
  for (const [i, f] of staged.entries()) {
    try {
      await fs.commit(f.temp, f.path);
    } catch (e) {
      await Promise.all(staged.slice(i).map((g) => fs.discard(g.temp).catch(() => undefined)));
      throw e;
    }
  }
}

/**
 * The form the input's `profile:` names. A form made by `extends` (a folder under the templates root with no code of
 * its own) is loaded here, and the input is validated as one of its base profile, whose code then runs it.
 */
export async function formOf(loaded: Loaded, ctx: RunContext): Promise<{ loaded: Loaded; profile?: LoadedProfile } | { diagnostics: readonly Diagnostic[] }> {
  const data = loaded.data;
  const id = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>)['profile'] : undefined;
  if (typeof id !== 'string' || isProfileId(id) || safeSegment(id) !== id) return { loaded };
  if (
    !(await ctx.fs.readText(join(ctx.templatesRoot, id, 'profile.yaml')).then(
      () => true,
      () => false,
    ))
  )
    return { loaded };
  try {
    const profile = await profileFor(ctx, id);
    // Note: the base profile's input schema names its own id; the child's folder says which profile that is.
    return { loaded: { ...loaded, data: { ...(data as Record<string, unknown>), profile: profile.base } }, profile };
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return { diagnostics: e.diagnostics };
  }
}

/**
 * Runs load → validate → derive → check; writes documents only when `write` is set and no error was found.
 * With `stage`, the documents are left under temporary names (`staged`) for the batch to rename once it knows that
 * no other unit writes the same files; otherwise they are renamed at once.
 */
export async function runUnit(file: string, ctx: RunContext, opts: RunUnitOptions): Promise<UnitResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readInput(ctx, file);
  } catch (e) {
    return unreadableInput(file, e);
  }
  return runUnitBytes(file, bytes, ctx, opts);
}

/** An input file's bytes: refused by its size (FileTooLargeError) when over MAX_INPUT_BYTES, never read whole first. */
export const readInput = (ctx: RunContext, file: string): Promise<Uint8Array> => ctx.fs.readFile(file, MAX_INPUT_BYTES);

/** Why an input file could not be read (readInput's rejection): too large by its size, or the file system's error. */
export const unreadableDiagnostic = (file: string, e: unknown): Diagnostic =>
  e instanceof FileTooLargeError
    ? tooLargeInput(file, e.size)
    : { code: 'E-INPUT-UNREADABLE', severity: 'error', file, message: `无法读取输入文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };

/** The result of a unit whose input could not be read. */
export const unreadableInput = (file: string, e: unknown): UnitResult => ({ file, outputs: [], diagnostics: [unreadableDiagnostic(file, e)] });

/**
 * The options a batch runs each unit with. Note: `check --templates` also renders the documents (in memory, then
 * dropped), so that a broken own template is reported by check exactly as by build.
 */
export const batchUnitOptions = (ctx: RunContext, write: boolean): RunUnitOptions => ({
  write,
  stage: write,
  ...(!write && ctx.options.templatesRoot !== undefined ? { render: true } : {}),
});

/** runUnit for an input already in memory: `file` only names it (its extension picks YAML, JSON or workbook). */
export async function runUnitBytes(file: string, bytes: Uint8Array, ctx: RunContext, opts: RunUnitOptions): Promise<UnitResult> {
  const r = await runUnitBytesUnlabelled(file, bytes, ctx, opts);
  if (!r.unit) return r;
  // Note: each diagnostic names its field in the words of the unit's form (a key may mean something else per form).
  const labels = labelsFor(r.unit.profile);
  return {
    ...r,
    diagnostics: r.diagnostics.map((d) => (d.path && d.path.length > 0 && d.label === undefined ? { ...d, label: labelPath(d.path, labels) } : d)),
  };
}

async function runUnitBytesUnlabelled(file: string, bytes: Uint8Array, ctx: RunContext, opts: RunUnitOptions): Promise<UnitResult> {
  const read = await readInputFile(file, bytes, workbookLayouts(ctx));
  if (!read.loaded || hasErrors(read.diagnostics)) return { file, outputs: [], diagnostics: read.diagnostics };
  const form = await formOf(read.loaded, ctx);
  if ('diagnostics' in form) return { file, outputs: [], diagnostics: [...read.diagnostics, ...form.diagnostics] };
  // Note: `checks:` is the kit's, not a form's: taken out before the form's schema sees the input.
  const taken = takeInputChecks(form.loaded);
  const loaded = taken.loaded;
  const validated = validateUnit<AnyUnit>(loaded, INPUT_SCHEMAS);
  const early = [...read.diagnostics, ...taken.diagnostics, ...validated.diagnostics];
  if (!validated.unit) return { file, outputs: [], diagnostics: early };
  const unit = validated.unit;
  let lp: LoadedProfile;
  try {
    lp = form.profile ?? (await profileFor(ctx, unit.profile));
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return { file, outputs: [], diagnostics: [...early, ...e.diagnostics] };
  }
  const module = PROFILES[unit.profile];
  const derived = module.derive(unit, lp.profile);
  const diagnostics = [
    ...early,
    ...place(loaded, applyOverrides(module.check(unit, derived, lp.profile, { strict: ctx.strict }), taken.overrides, ctx.strict)),
  ];
  const base = {
    file,
    unitName: unit.unit.name,
    year: unit.year,
    derived,
    unit,
    profile: lp.profile.id,
    summary: module.summarize(unit, derived),
  };
  if (!(opts.write || opts.render) || hasErrors(diagnostics)) return { ...base, diagnostics, outputs: [] };
  const reference = await effectiveReference(ctx, lp.dir);
  if (reference && 'problem' in reference) {
    const at = join(lp.dir, REFERENCE_DOCX);
    return { ...base, outputs: [], diagnostics: [...diagnostics, { code: 'E-PROFILE', severity: 'error', file: at, message: reference.problem }] };
  }
  try {
    const docs = module.compose(unit, derived, lp.profile, lp.templates, ctx.render);
    const when = reportDate(ctx, unit.year, unit.reportDate);
    const dir = join(ctx.outDir, String(unit.year), safeSegment(unit.unit.code));
    const name = safeSegment(docs.docx.fileBase);
    const docxPath = join(dir, `${name}.docx`);
    const xlsxPath = join(dir, `${name}.xlsx`);
    const { docToDocx, tablesToXlsx } = await writers();
    const [docx, xlsx] = await Promise.all([docToDocx(docs.docx, when, reference?.styles), tablesToXlsx(docs.xlsxTables, { title: docs.docx.title, when })]);
    if (opts.render) return { ...base, diagnostics, outputs: [], documents: { fileBase: name, docx, xlsx }, composed: docs };
    const staged = await stageAll(ctx.fs, [
      [docxPath, docx],
      [xlsxPath, xlsx],
    ]);
    if (!opts.stage) await commitAll(ctx.fs, staged);
    const files = staged.map(({ temp: _temp, ...f }) => f);
    return { ...base, diagnostics, outputs: files.map((f) => f.path), files, ...(opts.stage ? { staged } : {}) };
  } catch (e) {
    if (e instanceof TemplateError) {
      const place = e.line !== undefined ? { place: { line: e.line, column: e.column ?? 1 } } : {};
      // Note: a missing template is named by its file name only; report where it was looked for.
      const file = isAbsolute(e.template) ? e.template : join(lp.dir, e.template);
      return { ...base, outputs: [], diagnostics: [...diagnostics, { code: 'E-TEMPLATE', severity: 'error', file, ...place, message: e.message }] };
    }
    // Note: every file-system error (ENOENT under /proc, ENAMETOOLONG, EIO …) is the user's environment, not a bug.
    if (isFsError(e)) return { ...base, outputs: [], diagnostics: [...diagnostics, writeProblem(e, '写入输出文件', ctx.outDir, file)] };
    throw e;
  }
}
