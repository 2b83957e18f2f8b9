/**
 * jixiao 的库接口：从文本、文件或填报工作簿的字节读取并检查一个单位，得到派生数字与诊断，把文档渲染为字节，
 * 或像命令行一样批量生成。诊断是值（Diagnostic），预期中的问题从不抛出异常。
 *
 * @example
 * ```ts
 * import { checkUnit, renderUnit, formatDiagnostics } from 'jixiao';
 * const text = await readFile('单位.yaml', 'utf8');
 * const report = await checkUnit({ name: '单位.yaml', text });
 * process.stdout.write(formatDiagnostics(report.diagnostics));
 * const { documents } = await renderUnit({ name: '单位.yaml', text });
 * if (documents) await writeFile(`${documents.fileBase}.docx`, documents.docx);
 * ```
 * @packageDocumentation
 */
import { join, resolve } from 'node:path';
import { hasErrors, type Diagnostic } from './model/diagnostic.js';
import type { UnitSummary } from './model/summary.js';
import { loadProfile as loadProfileFolder, ProfileError, type LoadedProfile } from './load/profile.js';
import { PROFILE_IDS, isProfileId, profileRules, type AnyUnit, type ProfileId } from './profiles/registry.js';
import { createContext, nodeFs, PACKAGE_ROOT, type FileSystem, type RunContext } from './run/context.js';
import { runUnitBytes, type RenderedDocuments, type UnitResult } from './run/pipeline.js';
import { runBatch as runBatchInContext, type BatchOptions, type BatchResult } from './run/batch.js';
import { safeSegment } from './run/file-names.js';

export type { Diagnostic, DiagnosticCode, Severity } from './model/diagnostic.js';
export { ExitCode, hasErrors } from './model/diagnostic.js';
export type { UnitSummary, SummaryRow, SummaryProject } from './model/summary.js';
export type { AnyUnit, ProfileId } from './profiles/registry.js';
export type { LoadedProfile } from './load/profile.js';
export type { Profile } from './model/profile.js';
export type { FileSystem } from './run/context.js';
export type { RenderedDocuments } from './run/pipeline.js';
export type { BatchOptions, BatchProgress, BatchResult } from './run/batch.js';
export type { UnitOutcome } from './run/unit-outcome.js';
export type { CatalogueEntry, CheckStage } from './model/check-catalogue.js';
/** Every diagnostic code with its stage, when it is raised and an example message (docs/checks.md is made from it). */
export { CHECK_CATALOGUE } from './model/check-catalogue.js';
/** Diagnostics as the CLI prints them: one text line each (`文件:行:列  级别  代码  路径（中文字段）：说明`), or JSON Lines. */
export { formatDiagnostic, formatDiagnostics, formatDiagnosticsJson, toJsonRecord } from './run/reporter.js';

/** The profile ids with code of their own (yunnan, gansu, ningxia, sichuan); folders made by `extends` come on top. */
export const PROFILES: readonly ProfileId[] = PROFILE_IDS;
/** Whether `id` is a profile with code of its own. */
export const isBuiltInProfile = (id: unknown): id is ProfileId => isProfileId(id);

/** One input held in memory. `name` names it in diagnostics, and its extension (.yaml, .yml, .json, .xlsx) says how to read it. */
export interface UnitSource {
  readonly name: string;
  /** The input as text (YAML or JSON). */
  readonly text?: string;
  /** The input as bytes: YAML/JSON in any supported encoding, or a data-entry workbook (.xlsx). */
  readonly bytes?: Uint8Array;
}

/** Options shared by the library functions; all are optional. */
export interface LibraryOptions {
  /** Treat warnings as errors (as `--strict`). */
  readonly strict?: boolean;
  /** A folder of own templates (as `--templates`): one sub-folder per profile, e.g. made by `jixiao templates copy`. */
  readonly templates?: string;
  /** The date stamped into the documents; default: the input's reportDate, else 31 March after the budget year. */
  readonly date?: Date;
  /** Where profile folders (and, for runBatch/checkFile, inputs) are read; default: Node's file system. */
  readonly fs?: FileSystem;
}

/** What checking one unit found: the validated input, its derived figures, headline numbers and every diagnostic. */
export interface UnitReport {
  /** The input's name as given. */
  readonly file: string;
  /** No error was found (warnings allowed unless `strict`). */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** The form that ran it (the input's `profile:`, or the `extends` folder it names). */
  readonly profile?: string;
  readonly unitName?: string;
  readonly year?: number;
  /** The validated input; absent when it could not be read or validated. */
  readonly unit?: AnyUnit;
  /** The profile's derived model: every total, rate, score and grade, computed once (shape depends on the profile). */
  readonly derived?: unknown;
  /** Budget, execution, rate, score, grade and project scores, in the input's 金额单位. */
  readonly summary?: UnitSummary;
}

/** A report with the rendered documents, when there was no error. */
export interface RenderReport extends UnitReport {
  /** The DOCX and XLSX as bytes, and the file name (without extension) the CLI would use. */
  readonly documents?: RenderedDocuments;
}

async function contextFor(opts: LibraryOptions): Promise<RunContext> {
  const env: NodeJS.ProcessEnv = opts.date ? { SOURCE_DATE_EPOCH: String(Math.floor(opts.date.getTime() / 1000)) } : {};
  return createContext({
    outDir: '.',
    strict: opts.strict ?? false,
    env,
    ...(opts.fs ? { fs: opts.fs } : {}),
    ...(opts.templates ? { templatesRoot: resolve(opts.templates) } : {}),
  });
}

const bytesOf = (s: UnitSource): Uint8Array => {
  if (s.bytes) return s.bytes;
  if (s.text !== undefined) return new TextEncoder().encode(s.text);
  throw new TypeError('UnitSource needs text or bytes');
};

const toReport = (r: UnitResult): RenderReport => ({
  file: r.file,
  ok: !hasErrors(r.diagnostics),
  diagnostics: r.diagnostics,
  ...(r.profile !== undefined ? { profile: r.profile } : {}),
  ...(r.unitName !== undefined ? { unitName: r.unitName } : {}),
  ...(r.year !== undefined ? { year: r.year } : {}),
  ...(r.unit !== undefined ? { unit: r.unit } : {}),
  ...(r.derived !== undefined ? { derived: r.derived } : {}),
  ...(r.summary !== undefined ? { summary: r.summary } : {}),
  ...(r.documents !== undefined ? { documents: r.documents } : {}),
});

/**
 * Reads, validates, derives and checks one unit held in memory (YAML/JSON text, or a workbook's bytes).
 * Problems in the input come back as diagnostics located by line:column or workbook cell; nothing is written.
 */
export async function checkUnit(source: UnitSource, opts: LibraryOptions = {}): Promise<UnitReport> {
  const { documents: _none, ...report } = toReport(await runUnitBytes(source.name, bytesOf(source), await contextFor(opts), { write: false }));
  return report;
}

/** checkUnit for a file on disk (.yaml, .yml, .json or .xlsx). An unreadable file is an E-INPUT-UNREADABLE diagnostic. */
export async function checkFile(path: string, opts: LibraryOptions = {}): Promise<UnitReport> {
  const fs = opts.fs ?? nodeFs;
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { file: path, ok: false, diagnostics: [{ code: 'E-INPUT-UNREADABLE', severity: 'error', file: path, message: `无法读取输入文件：${why}` }] };
  }
  return checkUnit({ name: path, bytes }, opts);
}

/**
 * Checks one unit and, when it has no error, renders its DOCX and XLSX to bytes (nothing is written to disk).
 * The same input and date give byte-identical documents.
 */
export async function renderUnit(source: UnitSource, opts: LibraryOptions = {}): Promise<RenderReport> {
  return toReport(await runUnitBytes(source.name, bytesOf(source), await contextFor(opts), { write: false, render: true }));
}

/**
 * The Excel data-entry workbook of a unit, as `jixiao convert <input> x.xlsx` writes it (bytes, nothing written), or
 * the diagnostics why not: the input must pass schema validation, and its form must take yunnan's input (yunnan, or a
 * form made from it by extends such as central).
 */
export async function entryWorkbook(source: UnitSource, opts: LibraryOptions = {}): Promise<{ bytes?: Uint8Array; diagnostics: readonly Diagnostic[] }> {
  const { convertBytes } = await import('./run/convert.js');
  const r = await convertBytes(source.name, bytesOf(source), 'workbook.xlsx', await contextFor(opts));
  return { diagnostics: r.diagnostics, ...(r.bytes ? { bytes: r.bytes } : {}) };
}

/** An empty data-entry workbook for `profile` (default yunnan), as `jixiao init --xlsx --blank` writes it. */
export async function blankEntryWorkbook(profile = 'yunnan', opts: Pick<LibraryOptions, 'templates' | 'fs'> = {}): Promise<Uint8Array> {
  const { blankWorkbook } = await import('./run/convert.js');
  const r = await blankWorkbook(profile, await contextFor(opts));
  if (!(r instanceof Uint8Array)) throw new Error(r.problem);
  return r;
}

/** Options of runBatch: those of the library plus where to write. */
export interface BatchRunOptions extends LibraryOptions, Omit<BatchOptions, 'write'> {
  /** Output folder (default `out`). */
  readonly out?: string;
  /** false: only check, as `jixiao check` (default true, as `jixiao build`). */
  readonly write?: boolean;
}

/**
 * Builds (or checks) many inputs as `jixiao build` does: files, folders and globs; unchanged units are skipped by the
 * manifest, outputs go to `out/<年度>/<代号>/`, and 汇总表.xlsx sums them up. Returns every unit's outcome and the exit code.
 */
export async function runBatch(inputs: readonly string[], opts: BatchRunOptions = {}): Promise<BatchResult> {
  const env: NodeJS.ProcessEnv = opts.date ? { SOURCE_DATE_EPOCH: String(Math.floor(opts.date.getTime() / 1000)) } : {};
  const ctx = await createContext({
    outDir: opts.out ?? 'out',
    strict: opts.strict ?? false,
    env,
    ...(opts.fs ? { fs: opts.fs } : {}),
    ...(opts.templates ? { templatesRoot: resolve(opts.templates) } : {}),
  });
  const { out: _o, strict: _s, templates: _t, date: _d, fs: _f, write, ...batch } = opts;
  return runBatchInContext(inputs, ctx, { ...batch, write: write ?? true });
}

/**
 * Loads and validates a profile folder (profile.yaml, templates, tables), following `extends`.
 * `id` is a shipped profile's id, or a folder's name under `opts.templates`. Problems come back as diagnostics.
 */
export async function loadProfile(
  id: string,
  opts: Pick<LibraryOptions, 'templates' | 'fs'> = {},
): Promise<{ profile?: LoadedProfile; diagnostics: readonly Diagnostic[] }> {
  const fs = opts.fs ?? nodeFs;
  const shipped = join(PACKAGE_ROOT, 'templates');
  const root = opts.templates ? resolve(opts.templates) : shipped;
  try {
    const profile = await loadProfileFolder(join(root, safeSegment(id)), {
      readText: fs.readText,
      listDir: fs.readdir,
      roots: [root, shipped],
      rulesFor: profileRules,
    });
    return { profile, diagnostics: [] };
  } catch (e) {
    if (e instanceof ProfileError) return { diagnostics: e.diagnostics };
    throw e;
  }
}
