/**
 * 批量运行：展开输入，加锁，按清单跳过未变的单位，其余并行生成；一个单位出错不影响其他单位；
 * 结果按输入顺序回报；最后更新清单、删除过时文件、写出汇总表，给出退出码。
 */
import { dirname, join, resolve } from 'node:path';
import { ExitCode, hasErrors, type Diagnostic } from '../model/diagnostic.js';
import type { RunContext } from './context.js';
import { expandInputs, type SkippedInput } from './inputs.js';
import { fsErrorMessage, isFsError, writeProblem } from './fs-errors.js';
import { acquireLock, type LockHolder, type LockResult } from './lock.js';
import { MANIFEST_NAME, isUpToDate, manifestKey, readManifest, recipeHasher, sha256, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { isOwnOutputPath } from './output-files.js';
import { commitAll, locateInInput, readInput } from './pipeline.js';
import { type Helper, runUnits } from './pool.js';
import { mapLimit } from './map-limit.js';
import { MIN_UNITS_FOR_COLLECTION, collectGarbage } from './memory.js';
import { SUMMARY_NAME, summaryWorkbookBytes, writeSummaryWorkbook } from './summary-workbook.js';
import { internalFailure, toOutcome, type UnitOutcome } from './unit-outcome.js';

/** How many input or output files are read at a time to decide what is unchanged (map-limit.ts). */
const READ_LANES = 16;

/** How far a batch is: units finished (in any order) of the total, by status. */
export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  readonly built: number;
  readonly skipped: number;
  readonly failed: number;
}

/** What to do with the inputs, and where to report as units finish. */
export interface BatchOptions {
  readonly write: boolean;
  /** Rebuild every unit, ignoring the manifest. */
  readonly force?: boolean;
  /** Worker threads; 1 runs in this thread. Defaults to the number of cores. */
  readonly jobs?: number;
  /**
   * Each unit's outcome, in input order: when checking, as soon as it and every unit before it are done; when
   * writing, once the batch has placed every unit's files (a unit's status is final only then).
   */
  readonly onUnit?: (o: UnitOutcome, index: number, total: number) => void;
  /** Glob patterns of files and folders to leave out (`--exclude`). */
  readonly exclude?: readonly string[];
  /** Called whenever a unit finishes, in any order. */
  readonly onProgress?: (p: BatchProgress) => void;
}

/** The outcome of a build or check over many inputs. */
export interface BatchResult {
  readonly units: readonly UnitOutcome[];
  readonly missing: readonly string[];
  /** Inputs a scan left out on purpose (output folders, 汇总表, YAML/JSON without `profile`, --exclude), with why. */
  readonly skippedInputs: readonly SkippedInput[];
  readonly exitCode: ExitCode;
  readonly elapsedMs: number;
  /** Units each worker thread ran, when the batch started any (pool.ts); none when every unit ran on one thread. */
  readonly workers: readonly number[];
  /** Set when another build holds the output folder; then nothing was done. */
  readonly locked?: { readonly path: string; readonly holder: LockHolder | null };
  /** Path of 汇总表 when one was written. */
  readonly summaryWorkbook?: string;
  /** Outputs of earlier builds that this build no longer writes, now removed. */
  readonly removed: readonly string[];
  /** Problems of the batch as a whole, such as an output folder that cannot be written; then no unit ran. */
  readonly problems: readonly Diagnostic[];
}

/** Runs every input; with `write`, holds the output folder's lock and regenerates only what changed. */
export async function runBatch(args: readonly string[], ctx: RunContext, opts: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const { files, rejected, missing, skipped } = await expandInputs(args, ctx.fs, {
    ...(opts.write ? { outDir: ctx.outDir } : {}),
    ...(opts.exclude ? { exclude: opts.exclude } : {}),
  });
  const stop = (more: Partial<BatchResult>): BatchResult => ({
    units: [],
    missing,
    skippedInputs: skipped,
    exitCode: ExitCode.InvalidInput,
    elapsedMs: performance.now() - started,
    workers: [],
    removed: [],
    problems: [],
    ...more,
  });
  let lock: LockResult | undefined;
  try {
    lock = opts.write && files.length > 0 ? await acquireLock(ctx.outDir, new Date()) : undefined;
  } catch (e) {
    return stop({ problems: [outputFolderProblem(ctx.outDir, e)] });
  }
  if (lock && !lock.ok) return stop({ locked: lock });
  let helper: Helper | undefined;
  try {
    // Note: staged and writeAtomic temporary files exist only while a build holds the lock, so only a dead build leaves them.
    if (lock?.ok && lock.tookOver) await ctx.fs.removeStrayTemps(ctx.outDir);
    const read = opts.write ? await readManifest(ctx) : undefined;
    // Note: only an input the manifest knows is read here, to tell whether it changed; every other input is read once,
    // by the unit that builds it, which reports the hash of what it read. A rejected entry (a FIFO, a link out of the
    // folder) is never read, not even to hash it.
    const known = (f: string) => read !== undefined && !opts.force && !rejected.has(f) && read.manifest.units[manifestKey(f)] !== undefined;
    const hashes = read ? await mapLimit(files, READ_LANES, (f) => (known(f) ? readInput(ctx, f).then(sha256, () => null) : Promise.resolve(null))) : [];
    const { units, workers, helper: kept } = await runAll(files, hashes, read?.manifest, ctx, opts, rejected);
    helper = kept;
    // Note: the worker kept for 汇总表 (pool.ts Helper) starts on it while this thread saves the outputs. Saving
    // changes a row only when it fails a unit; then 汇总表 is made here, from the rows saving left.
    const early = opts.write && files.length > 0 ? helper?.summaryBytes(units.map((u) => u.row)) : undefined;
    early?.catch(() => undefined);
    const settled = read ? await settle(files, hashes, units, read.manifest, ctx) : { units, removed: [], problems: [] };
    if (opts.write) for (const [i, u] of settled.units.entries()) opts.onUnit?.(u, i, settled.units.length);
    const problems = [...(read?.problems ?? []), ...settled.problems];
    let summaryWorkbook: string | undefined;
    if (opts.write && files.length > 0) {
      const rows = settled.units.map((u) => u.row);
      const made = early && rows.every((r, i) => r === units[i]!.row) ? early : undefined;
      if (!made && files.length >= MIN_UNITS_FOR_COLLECTION) collectGarbage();
      const bytes = made?.catch(() => summaryWorkbookBytes(rows, ctx));
      try {
        summaryWorkbook = await writeSummaryWorkbook(rows, ctx, bytes);
      } catch (e) {
        if (!isFsError(e)) throw e;
        problems.push(writeProblem(e, '写入汇总表', join(ctx.outDir, SUMMARY_NAME)));
      }
    }
    const exit = exitCode(settled.units, missing, problems);
    return {
      units: settled.units,
      removed: settled.removed,
      missing,
      skippedInputs: skipped,
      exitCode: exit,
      elapsedMs: performance.now() - started,
      workers,
      problems,
      ...(summaryWorkbook ? { summaryWorkbook } : {}),
    };
  } finally {
    helper?.close();
    if (lock?.ok) await lock.release();
  }
}

/**
 * Skips the units the manifest shows unchanged, runs the rest, and reports outcomes in input order, with how many units
 * each worker thread ran.
 */
async function runAll(
  files: readonly string[],
  hashes: readonly (string | null)[],
  manifest: Manifest | undefined,
  ctx: RunContext,
  opts: BatchOptions,
  rejected: ReadonlyMap<string, Diagnostic>,
): Promise<{ units: UnitOutcome[]; workers: number[]; helper?: Helper }> {
  const total = files.length;
  const outcomes: (UnitOutcome | undefined)[] = new Array<UnitOutcome | undefined>(total).fill(undefined);
  const counts = { done: 0, total, built: 0, skipped: 0, failed: 0 };
  let emitted = 0;
  const stream = opts.write ? undefined : opts.onUnit;
  const done = (index: number, o: UnitOutcome) => {
    outcomes[index] = o;
    counts.done += 1;
    counts[o.status === 'skipped' ? 'skipped' : o.status === 'failed' ? 'failed' : 'built'] += 1;
    opts.onProgress?.({ ...counts });
    for (let next = outcomes[emitted]; next !== undefined; next = outcomes[emitted]) {
      stream?.(next, emitted, total);
      emitted += 1;
    }
  };
  const recipe = recipeHasher(ctx);
  const unchanged = await mapLimit(files, READ_LANES, async (file, index) => {
    const entry = manifest?.units[manifestKey(file)];
    const hash = hashes[index] ?? null;
    return !opts.force && hash !== null && entry && (await isUpToDate(entry, hash, await recipe(entry.profile), ctx)) ? entry : undefined;
  });
  const todo: { index: number; file: string }[] = [];
  for (const [index, file] of files.entries()) {
    const entry = unchanged[index];
    const refusal = rejected.get(file);
    if (refusal) done(index, toOutcome({ file, outputs: [], diagnostics: [refusal] }, ctx.outDir, opts.write));
    else if (entry) done(index, skippedOutcome(file, entry, ctx.outDir));
    else todo.push({ index, file });
  }
  const { ran, helper } = await runUnits(todo, ctx, opts.write, opts.jobs ?? 'auto', done);
  const units = outcomes.map((o, i) => o ?? internalFailure(files[i]!, new Error('单位没有运行结果')));
  return { units, workers: ran, ...(helper ? { helper } : {}) };
}

/** A unit the manifest shows unchanged: its stored row, files and the warnings of the build that wrote them. */
function skippedOutcome(file: string, entry: ManifestEntry, outDir: string): UnitOutcome {
  return {
    file,
    status: 'skipped',
    diagnostics: entry.diagnostics,
    outputs: entry.outputs.map((o) => join(outDir, o.path)),
    files: entry.outputs,
    staged: [],
    ...(entry.profile ? { profile: entry.profile } : {}),
    row: { ...entry.row, file },
    ...(entry.row.year !== null ? { year: entry.row.year } : {}),
    unitName: entry.row.unitName,
  };
}

/**
 * Finishes a writing batch: fails both units of every pair that would write the same file (their new files are
 * discarded, nothing of theirs is overwritten), renames the other units' staged files into place, removes the
 * files a rebuilt unit wrote last time but not this time, and saves the manifest. A unit that failed for any
 * reason keeps its last good outputs, and the manifest keeps owning them.
 */
async function settle(
  files: readonly string[],
  hashes: readonly (string | null)[],
  units: readonly UnitOutcome[],
  manifest: Manifest,
  ctx: RunContext,
): Promise<{ units: UnitOutcome[]; removed: string[]; problems: Diagnostic[] }> {
  const claims = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const f of u.files) claims.set(f.path, [...(claims.get(f.path) ?? []), i]);
  });
  const settled: UnitOutcome[] = [];
  for (const [i, u] of units.entries()) {
    const clash = u.files.map((f) => [f.path, claims.get(f.path)!.find((j) => j !== i)] as const).find(([, j]) => j !== undefined);
    if (clash) {
      await Promise.all(u.staged.map((f) => ctx.fs.discard(f.temp).catch(() => undefined)));
      const other = units[clash[1]!]!.file;
      const d: Diagnostic = {
        code: 'E-WRITE',
        severity: 'error',
        file: u.file,
        path: ['unit', 'code'],
        ...(await locateInInput(ctx, u.file, ['unit', 'code'])),
        message: `与 ${other} 会生成同一个文件 ${clash[0]}（年度、单位代号与名称相同，或代号清理成安全文件名后相同）：两个单位都不生成，请更正其中一个单位的代号或名称。`,
      };
      settled.push(failed(u, d));
      continue;
    }
    try {
      await commitAll(ctx.fs, u.staged);
      settled.push(u.staged.length > 0 ? { ...u, staged: [] } : u);
    } catch (e) {
      if (!isFsError(e)) throw e;
      settled.push(failed(u, writeProblem(e, '写入输出文件', u.staged[0]?.path ?? ctx.outDir, u.file)));
    }
  }
  const next: Record<string, ManifestEntry> = { ...manifest.units };
  const recipe = recipeHasher(ctx);
  const stale: { unit: number; path: string }[] = [];
  for (const [i, u] of settled.entries()) {
    if (u.status === 'skipped') continue;
    const key = manifestKey(files[i]!);
    const before = next[key];
    const good = u.status === 'built';
    if (good && before) stale.push(...before.outputs.filter((o) => !u.files.some((f) => f.path === o.path)).map((o) => ({ unit: i, path: o.path })));
    next[key] = {
      input: u.inputHash ?? hashes[i] ?? '',
      recipe: await recipe(u.profile),
      profile: u.profile ?? null,
      built: good,
      outputs: good ? u.files : (before?.outputs ?? []),
      row: u.row,
      // Note: the warnings that go with the outputs kept: this build's when it wrote them, else the last good build's.
      diagnostics: good ? u.diagnostics.filter((d) => d.severity === 'warning').map(plain) : (before?.diagnostics ?? []),
    };
  }
  // Note: an output now written by one input is no longer another's (an input that was renamed, say).
  const written = new Map(settled.flatMap((u, i) => (u.status === 'built' ? u.files.map((f) => [f.path, manifestKey(files[i]!)] as const) : [])));
  for (const [key, e] of Object.entries(next)) {
    if (e.outputs.some((o) => written.has(o.path) && written.get(o.path) !== key))
      next[key] = { ...e, built: false, outputs: e.outputs.filter((o) => !written.has(o.path) || written.get(o.path) === key) };
  }
  const owned = new Set(Object.values(next).flatMap((e) => e.outputs.map((o) => o.path)));
  const removed: string[] = [];
  for (const s of stale) {
    if (owned.has(s.path)) continue;
    try {
      if (await removeOwnOutput(ctx, s.path)) removed.push(resolve(ctx.outDir, s.path));
    } catch (e) {
      if (!isFsError(e)) throw e;
      // Note: the file stays recorded, so the next build tries again.
      const key = manifestKey(files[s.unit]!);
      const entry = next[key]!;
      next[key] = { ...entry, built: false, outputs: [...entry.outputs, { path: s.path, size: 0, sha256: '0'.repeat(64) }] };
      const u = settled[s.unit]!;
      const d = writeProblem(e, '删除不再生成的旧文件', join(ctx.outDir, s.path), u.file);
      settled[s.unit] = { ...u, status: 'failed', diagnostics: [...u.diagnostics, d], row: { ...u.row, errors: u.row.errors + 1 } };
    }
  }
  const problems: Diagnostic[] = [];
  try {
    await writeManifest(ctx, { format: manifest.format, units: next });
  } catch (e) {
    if (!isFsError(e)) throw e;
    problems.push(writeProblem(e, '写入增量生成清单', join(ctx.outDir, MANIFEST_NAME)));
  }
  return { units: settled, removed, problems };
}

/** A diagnostic as the manifest stores it: its path's symbols (never used in practice) dropped, so it survives JSON. */
const plain = (d: Diagnostic): Diagnostic => (d.path ? { ...d, path: d.path.filter((k): k is string | number => typeof k !== 'symbol') } : d);

/** The unit with one more error: failed, with no new files. */
function failed(u: UnitOutcome, d: Diagnostic): UnitOutcome {
  return {
    ...u,
    status: 'failed',
    outputs: [],
    files: [],
    staged: [],
    diagnostics: [...u.diagnostics, d],
    row: { ...u.row, outputs: [], errors: u.row.errors + 1 },
  };
}

/**
 * Removes an output of an earlier build, only when it is a unit document path inside the output folder (after
 * resolving symlinks of its folders); returns whether a file was removed.
 */
async function removeOwnOutput(ctx: RunContext, rel: string): Promise<boolean> {
  if (!isOwnOutputPath(rel)) return false;
  const abs = join(ctx.outDir, rel);
  let root: string;
  let folder: string;
  try {
    root = await ctx.fs.realpath(ctx.outDir);
    folder = await ctx.fs.realpath(dirname(abs));
  } catch {
    return false;
  }
  if (folder !== join(root, dirname(rel)) || !(await ctx.fs.exists(abs))) return false;
  await ctx.fs.remove(abs);
  return true;
}

/** The output folder cannot be created or written (a file in its place, no permission, read-only, full). */
function outputFolderProblem(outDir: string, e: unknown): Diagnostic {
  if (!isFsError(e)) throw e;
  return { code: 'E-WRITE', severity: 'error', file: outDir, message: `无法写入输出目录：${fsErrorMessage(e)}` };
}

function exitCode(units: readonly UnitOutcome[], missing: readonly string[], problems: readonly Diagnostic[]): ExitCode {
  const has = (code: Diagnostic['code']) => units.some((u) => u.diagnostics.some((d) => d.code === code));
  if (has('E-INTERNAL')) return ExitCode.Internal;
  if (has('E-TEMPLATE')) return ExitCode.Template;
  return missing.length > 0 || hasErrors(problems) || units.some((u) => u.status === 'failed') ? ExitCode.InvalidInput : ExitCode.Ok;
}
