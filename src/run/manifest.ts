/**
 * 增量生成清单：输出目录中的 .jixiao-manifest.json 记录每个输入的内容哈希、“配方”哈希（工具版本、格式目录、
 * 影响输出的选项）与上次写出的文件；输入与配方都未变且文件都在的单位可以跳过。
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { RunContext } from './context.js';
import { profileFor } from './pipeline.js';
import type { SummaryRow } from './summary-row.js';

/** The manifest's file name inside the output folder. */
export const MANIFEST_NAME = '.jixiao-manifest.json';
const FORMAT = 1;

/** What the last build of one input did. */
export interface ManifestEntry {
  /** sha256 of the input file's bytes. */
  readonly input: string;
  /** sha256 of everything else the output depends on (see recipeHash); null when the profile could not be read. */
  readonly recipe: string | null;
  readonly profile: string | null;
  /** True when that build wrote every document without errors. */
  readonly built: boolean;
  /** Files written by that build, relative to the output folder. */
  readonly outputs: readonly string[];
  /** Its row of 汇总表, reused when the unit is skipped. */
  readonly row: SummaryRow;
}

/** Entries by absolute input path. */
export interface Manifest {
  readonly format: typeof FORMAT;
  readonly units: Readonly<Record<string, ManifestEntry>>;
}

/** The manifest's key for an input: its absolute path. */
export const manifestKey = (file: string): string => resolve(file);

/** sha256 in hex, of an input's bytes or of the recipe's JSON. */
export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** Reads the output folder's manifest; a missing, unreadable or foreign one counts as empty (everything is rebuilt). */
export async function readManifest(ctx: RunContext): Promise<Manifest> {
  try {
    const m = JSON.parse(await ctx.fs.readText(join(ctx.outDir, MANIFEST_NAME))) as Partial<Manifest>;
    if (m.format === FORMAT && m.units && typeof m.units === 'object') return { format: FORMAT, units: m.units };
  } catch {
    // Note: a manifest is only an optimisation; losing it costs one full rebuild.
  }
  return { format: FORMAT, units: {} };
}

/** Writes the manifest atomically, keys sorted, so a killed run leaves the old or the new one. */
export async function writeManifest(ctx: RunContext, m: Manifest): Promise<void> {
  const units = Object.fromEntries(Object.keys(m.units).sort().map((k) => [k, m.units[k]]));
  await ctx.fs.writeAtomic(join(ctx.outDir, MANIFEST_NAME), new TextEncoder().encode(`${JSON.stringify({ format: FORMAT, units }, null, 1)}\n`));
}

/**
 * The options that change what a build writes. Note: any new option that changes the bytes or the set of
 * files written (a PDF switch, say) belongs here, or an unchanged input would wrongly be skipped.
 */
export const outputOptions = (ctx: RunContext) => ({ strict: ctx.strict, date: ctx.fixedDate?.toISOString() ?? null });

/** A memoised recipe hash per profile: tool version, the profile folder's files and the output options. */
export function recipeHasher(ctx: RunContext): (profile: string | null | undefined) => Promise<string | null> {
  const memo = new Map<string, Promise<string | null>>();
  return (profile) => {
    if (!profile) return Promise.resolve(null);
    let h = memo.get(profile);
    if (!h) {
      h = profileFor(ctx, profile).then(
        (lp) => sha256(JSON.stringify({ tool: ctx.toolVersion, profile, sources: lp.sources, options: outputOptions(ctx) })),
        () => null);
      memo.set(profile, h);
    }
    return h;
  };
}

/** True when the last build of this input is still valid: same input and recipe, built, and every file still there. */
export async function isUpToDate(entry: ManifestEntry | undefined, input: string, recipe: string | null, ctx: RunContext): Promise<boolean> {
  if (!entry?.built || entry.input !== input || recipe === null || entry.recipe !== recipe || entry.outputs.length === 0) return false;
  const present = await Promise.all(entry.outputs.map((o) => ctx.fs.exists(join(ctx.outDir, o))));
  return present.every(Boolean);
}
