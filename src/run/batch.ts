/**
 * 批量运行：展开输入，加锁，按清单跳过未变的单位，其余并行生成；一个单位出错不影响其他单位；
 * 结果按输入顺序回报；最后更新清单、删除过时文件、写出汇总表，给出退出码。
 */
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { ExitCode, hasErrors, type Diagnostic } from '../model/diagnostic.js';
import type { RunContext } from './context.js';
import { expandInputs } from './inputs.js';
import { acquireLock, type LockHolder, type LockResult } from './lock.js';
import { isUpToDate, manifestKey, readManifest, recipeHasher, sha256, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { runUnits } from './pool.js';
import { writeSummaryWorkbook } from './summary-workbook.js';
import { internalFailure, toOutcome, type UnitOutcome } from './unit-outcome.js';

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
  /** Each unit's outcome, in input order, as soon as it and every unit before it are done. */
  readonly onUnit?: (o: UnitOutcome, index: number, total: number) => void;
  /** Called whenever a unit finishes, in any order. */
  readonly onProgress?: (p: BatchProgress) => void;
}

/** The outcome of a build or check over many inputs. */
export interface BatchResult {
  readonly units: readonly UnitOutcome[];
  readonly missing: readonly string[];
  readonly exitCode: ExitCode;
  readonly elapsedMs: number;
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
  const { files, rejected, missing } = await expandInputs(args, ctx.fs);
  const stop = (more: Partial<BatchResult>): BatchResult =>
    ({ units: [], missing, exitCode: ExitCode.InvalidInput, elapsedMs: performance.now() - started, removed: [], problems: [], ...more });
  let lock: LockResult | undefined;
  try {
    lock = opts.write && files.length > 0 ? await acquireLock(ctx.outDir, new Date()) : undefined;
  } catch (e) {
    return stop({ problems: [outputFolderProblem(ctx.outDir, e)] });
  }
  if (lock && !lock.ok) return stop({ locked: lock });
  try {
    // Note: writeAtomic's temporary files exist only while a build holds the lock, so only a dead build leaves them.
    if (lock?.ok && lock.tookOver) await ctx.fs.removeStrayTemps(ctx.outDir);
    const manifest = opts.write ? await readManifest(ctx) : undefined;
    // Note: a rejected entry (a FIFO, a link out of the folder) is never read, not even to hash it.
    const hashes = manifest ? await Promise.all(files.map((f) => (rejected.has(f) ? null : ctx.fs.readFile(f).then(sha256, () => null)))) : [];
    const units = await runAll(files, hashes, manifest, ctx, opts, rejected);
    const result = manifest ? await record(files, hashes, units, manifest, ctx) : { units, removed: [] };
    const summaryWorkbook = opts.write && files.length > 0 ? await writeSummaryWorkbook(result.units.map((u) => u.row), ctx) : undefined;
    return { ...result, missing, exitCode: exitCode(result.units, missing), elapsedMs: performance.now() - started, problems: [], ...(summaryWorkbook ? { summaryWorkbook } : {}) };
  } finally {
    if (lock?.ok) await lock.release();
  }
}

/** Skips the units the manifest shows unchanged, runs the rest, and reports outcomes in input order. */
async function runAll(
  files: readonly string[], hashes: readonly (string | null)[], manifest: Manifest | undefined, ctx: RunContext, opts: BatchOptions,
  rejected: ReadonlyMap<string, Diagnostic>,
): Promise<UnitOutcome[]> {
  const total = files.length;
  const outcomes: (UnitOutcome | undefined)[] = new Array<UnitOutcome | undefined>(total).fill(undefined);
  const counts = { done: 0, total, built: 0, skipped: 0, failed: 0 };
  let emitted = 0;
  const done = (index: number, o: UnitOutcome) => {
    outcomes[index] = o;
    counts.done += 1;
    counts[o.status === 'skipped' ? 'skipped' : o.status === 'failed' ? 'failed' : 'built'] += 1;
    opts.onProgress?.({ ...counts });
    for (let next = outcomes[emitted]; next !== undefined; next = outcomes[emitted]) {
      opts.onUnit?.(next, emitted, total);
      emitted += 1;
    }
  };
  const recipe = recipeHasher(ctx);
  const unchanged = await Promise.all(files.map(async (file, index) => {
    const entry = manifest?.units[manifestKey(file)];
    const hash = hashes[index] ?? null;
    return !opts.force && hash !== null && entry && (await isUpToDate(entry, hash, await recipe(entry.profile), ctx)) ? entry : undefined;
  }));
  const todo: { index: number; file: string }[] = [];
  for (const [index, file] of files.entries()) {
    const entry = unchanged[index];
    const refusal = rejected.get(file);
    if (refusal) done(index, toOutcome({ file, outputs: [], diagnostics: [refusal] }, ctx.outDir, opts.write));
    else if (entry) done(index, skippedOutcome(file, entry, ctx.outDir));
    else todo.push({ index, file });
  }
  await runUnits(todo, ctx, opts.write, opts.jobs ?? availableParallelism(), done);
  return outcomes.map((o, i) => o ?? internalFailure(files[i]!, new Error('单位没有运行结果')));
}

/** A unit the manifest shows unchanged: its stored row and files, and no diagnostics (it was not run). */
function skippedOutcome(file: string, entry: ManifestEntry, outDir: string): UnitOutcome {
  return {
    file, status: 'skipped', diagnostics: [], outputs: entry.outputs.map((o) => join(outDir, o)),
    ...(entry.profile ? { profile: entry.profile } : {}), row: { ...entry.row, file },
    ...(entry.row.year !== null ? { year: entry.row.year } : {}), unitName: entry.row.unitName,
  };
}

/**
 * Updates the manifest with this run's units, flags two inputs that wrote the same file, removes the files
 * an input wrote last time but not this time (unless another input now owns them), and saves the manifest.
 */
async function record(files: readonly string[], hashes: readonly (string | null)[], units: UnitOutcome[], manifest: Manifest, ctx: RunContext): Promise<{ units: UnitOutcome[]; removed: string[] }> {
  const next: Record<string, ManifestEntry> = { ...manifest.units };
  const recipe = recipeHasher(ctx);
  const owner = new Map<string, string>();
  const checked = units.map((u) => {
    const clash = u.row.outputs.map((o) => [o, owner.get(o)] as const).find(([, other]) => other !== undefined && other !== u.file);
    for (const o of u.row.outputs) if (!owner.has(o)) owner.set(o, u.file);
    if (!clash) return u;
    const d: Diagnostic = { code: 'E-WRITE', severity: 'error', file: u.file, message: `与 ${clash[1]} 生成了同一个文件 ${clash[0]}（年度、单位代码与名称相同），文件内容以后写完者为准：请更正其中一个单位的代码或名称。` };
    return { ...u, status: 'failed' as const, diagnostics: [...u.diagnostics, d], row: { ...u.row, errors: u.row.errors + 1 } };
  });
  const stale: string[] = [];
  for (const [i, u] of checked.entries()) {
    if (u.status === 'skipped') continue;
    const key = manifestKey(files[i]!);
    const before = next[key];
    if (before) stale.push(...before.outputs.filter((o) => !u.row.outputs.includes(o)));
    next[key] = {
      input: hashes[i] ?? '', recipe: await recipe(u.profile), profile: u.profile ?? null,
      built: u.status === 'built' && !hasErrors(u.diagnostics), outputs: u.row.outputs, row: u.row,
    };
  }
  const owned = new Set(Object.values(next).flatMap((e) => e.outputs));
  const removed = [...new Set(stale)].filter((o) => !owned.has(o));
  await Promise.all(removed.map((o) => ctx.fs.remove(join(ctx.outDir, o))));
  await writeManifest(ctx, { format: manifest.format, units: next });
  return { units: checked, removed: removed.map((o) => resolve(ctx.outDir, o)) };
}

/** The output folder cannot be created or written (a file in its place, no permission, read-only, full). */
function outputFolderProblem(outDir: string, e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  if (!code) throw e;
  return { code: 'E-WRITE', severity: 'error', file: outDir, message: `无法写入输出目录（${code}）：请检查输出目录是否存在、是否有写权限、磁盘是否已满。` };
}

function exitCode(units: readonly UnitOutcome[], missing: readonly string[]): ExitCode {
  const has = (code: Diagnostic['code']) => units.some((u) => u.diagnostics.some((d) => d.code === code));
  if (has('E-INTERNAL')) return ExitCode.Internal;
  if (has('E-TEMPLATE')) return ExitCode.Template;
  return missing.length > 0 || units.some((u) => u.status === 'failed') ? ExitCode.InvalidInput : ExitCode.Ok;
}
