/**
 * 增量生成清单：输出目录中的 .jixiao-manifest.json 记录每个输入的内容哈希、“配方”哈希（工具版本、格式目录、
 * 影响输出的选项）与上次写出的文件（路径、大小、sha256）；输入与配方都未变、文件都在且未被改动的单位可以跳过。
 * 清单是从磁盘读来的输入，不可信：不符合模式（或记录了不属于 jixiao 的路径）的清单整个不用，并给出警告。
 */
import { join, relative, resolve } from 'node:path';
import * as z from 'zod';
import type { Diagnostic, DiagnosticCode } from '../model/diagnostic.js';
import { CHECK_CATALOGUE } from '../model/check-catalogue.js';
import type { RunContext } from './context.js';
import { isOwnOutputPath, outputFile, sha256, type OutputFile } from './output-files.js';
import { folderReference } from './profile-reference.js';
import { acquireLock } from './lock.js';
import { pdfTarget } from './pdf.js';
import { profileFor } from './pipeline.js';
import type { SummaryRow } from './summary-row.js';

export { sha256 } from './output-files.js';

/** The manifest's file name inside the output folder. */
import { MANIFEST_NAME } from './own-names.js';

export { MANIFEST_NAME };
/**
 * Note: format 1 recorded output paths only, format 2 no diagnostics; manifests of an older format are ignored
 * (one full rebuild).
 */
const FORMAT = 3;

/** What the last build of one input did. */
export interface ManifestEntry {
  /** sha256 of the input file's bytes. */
  readonly input: string;
  /** sha256 of everything else the output depends on (see recipeHash); null when the profile could not be read. */
  readonly recipe: string | null;
  readonly profile: string | null;
  /** True when that build wrote every document without errors. */
  readonly built: boolean;
  /**
   * The files of this input that jixiao wrote and that are on disk, relative to the output folder: those of the
   * last good build (a failed build keeps them), with their size and sha256 as written.
   */
  readonly outputs: readonly OutputFile[];
  /** Its row of 汇总表, reused when the unit is skipped. */
  readonly row: SummaryRow;
  /** The warnings of the build that wrote its outputs, printed again (as 上次的结果) when the unit is skipped. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Entries by absolute input path. */
export interface Manifest {
  readonly format: typeof FORMAT;
  readonly units: Readonly<Record<string, ManifestEntry>>;
}

const Exact = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .nullable();
const RowSchema = z.strictObject({
  file: z.string(),
  year: z.number().int().nullable(),
  unitName: z.string(),
  amountUnit: z.string().nullable(),
  budget: Exact,
  executed: Exact,
  rate: Exact,
  score: Exact,
  grade: z.string().nullable(),
  profile: z.string().nullable().optional(),
  projects: z.array(
    z.strictObject({
      name: z.string(),
      budget: Exact.optional(),
      executed: Exact.optional(),
      rate: Exact.optional(),
      score: Exact,
      grade: z.string().nullable(),
    }),
  ),
  warnings: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  outputs: z.array(z.string()),
});
/** Note: a code not in the catalogue (an edited manifest, or one of another version) makes the manifest unusable. */
const DiagnosticSchema = z.strictObject({
  code: z.string().refine((c): c is DiagnosticCode => Object.hasOwn(CHECK_CATALOGUE, c), { error: '不是已知的检查代码' }),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  label: z.string().optional(),
  file: z.string().optional(),
  place: z.strictObject({ line: z.number().int().positive(), column: z.number().int().positive() }).optional(),
  cell: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
});
const EntrySchema = z.strictObject({
  input: z.string(),
  recipe: z.string().nullable(),
  profile: z.string().nullable(),
  built: z.boolean(),
  outputs: z.array(
    z.strictObject({
      path: z.string().refine(isOwnOutputPath, { error: '不是 jixiao 写出的单位文件路径' }),
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  row: RowSchema,
  diagnostics: z.array(DiagnosticSchema),
});
const ManifestSchema = z.strictObject({ format: z.literal(FORMAT), units: z.record(z.string(), EntrySchema) });

/** The manifest's key for an input: its absolute path. */
export const manifestKey = (file: string): string => resolve(file);

/** A manifest read from the output folder, and the warning when one was there but could not be used. */
export interface ReadManifest {
  readonly manifest: Manifest;
  readonly problems: readonly Diagnostic[];
}

/**
 * Reads the output folder's manifest. A missing one, or one of an older format, counts as empty (everything is
 * rebuilt); one that is not valid JSON or does not match the schema is ignored the same way, with a warning.
 */
export async function readManifest(ctx: RunContext): Promise<ReadManifest> {
  const path = join(ctx.outDir, MANIFEST_NAME);
  const empty: Manifest = { format: FORMAT, units: {} };
  let text: string;
  try {
    text = await ctx.fs.readText(path);
  } catch {
    return { manifest: empty, problems: [] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { manifest: empty, problems: [ignored(path, '不是有效的 JSON')] };
  }
  if (typeof data === 'object' && data !== null && 'format' in data && data.format !== FORMAT) return { manifest: empty, problems: [] };
  const parsed = ManifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { manifest: empty, problems: [ignored(path, `${issue?.path.map(String).join('.') ?? ''}：${issue?.message ?? ''}`)] };
  }
  // Note: the cast only bridges zod's `?: T | undefined` and exactOptionalPropertyTypes; JSON has no undefined.
  return { manifest: parsed.data as Manifest, problems: [] };
}

const ignored = (file: string, why: string): Diagnostic => ({
  code: 'W-MANIFEST-IGNORED',
  severity: 'warning',
  file,
  message: `增量生成清单不可用（${why}），已忽略：本次全部重新生成，不删除任何旧文件。`,
});

/** Writes the manifest atomically, keys sorted, so a killed run leaves the old or the new one. */
export async function writeManifest(ctx: RunContext, m: Manifest): Promise<void> {
  const units = Object.fromEntries(
    Object.keys(m.units)
      .sort()
      .map((k) => [k, m.units[k]]),
  );
  await ctx.fs.writeAtomic(join(ctx.outDir, MANIFEST_NAME), new TextEncoder().encode(`${JSON.stringify({ format: FORMAT, units }, null, 1)}\n`));
}

/**
 * The options that change what a build writes. Note: any new option that changes the bytes or the set of
 * files written (a PDF switch, say) belongs here, or an unchanged input would wrongly be skipped.
 */
export const outputOptions = (ctx: RunContext) => ({
  strict: ctx.strict,
  date: ctx.fixedDate?.toISOString() ?? null,
  // Note: the reference's styles.xml (the only part taken from it), so an edited reference rebuilds every unit.
  reference: ctx.referenceStyles === undefined ? null : sha256(ctx.referenceStyles),
});

/** A memoised recipe hash per profile: tool version, the profile folder's files and the output options. */
export function recipeHasher(ctx: RunContext): (profile: string | null | undefined) => Promise<string | null> {
  const memo = new Map<string, Promise<string | null>>();
  return (profile) => {
    if (!profile) return Promise.resolve(null);
    let h = memo.get(profile);
    if (!h) {
      h = profileFor(ctx, profile).then(
        async (lp) => {
          // Note: the profile folder's reference.docx (its styles.xml, or why it is unusable) is part of the recipe too.
          const folder = ctx.referenceStyles === undefined ? await folderReference(ctx, lp.dir) : undefined;
          const reference = folder === undefined ? null : 'styles' in folder ? sha256(folder.styles) : folder.problem;
          return sha256(JSON.stringify({ tool: ctx.toolVersion, profile, sources: lp.sources, options: outputOptions(ctx), reference }));
        },
        () => null,
      );
      memo.set(profile, h);
    }
    return h;
  };
}

/**
 * True when the last build of this input is still valid: same input and recipe, built, and every file still there
 * with the size and sha256 it was written with (a truncated or edited file is rebuilt).
 */
export async function isUpToDate(entry: ManifestEntry | undefined, input: string, recipe: string | null, ctx: RunContext): Promise<boolean> {
  if (!entry?.built || entry.input !== input || recipe === null || entry.recipe !== recipe || entry.outputs.length === 0) return false;
  const intact = await Promise.all(
    entry.outputs.map((o) =>
      ctx.fs.readFile(join(ctx.outDir, o.path)).then(
        (bytes) => bytes.byteLength === o.size && sha256(bytes) === o.sha256,
        () => false,
      ),
    ),
  );
  return intact.every(Boolean);
}

/**
 * Records the PDFs that --pdf wrote (absolute paths) as outputs of the units whose DOCX/XLSX they were converted
 * from, with their size and sha256, so an unchanged unit with intact PDFs is not converted again, and a PDF a
 * rebuilt unit no longer has is removed like any stale output. Note: runs after the batch released the output
 * folder, so it takes the lock again; when another build holds it, nothing is recorded (the next build converts again).
 */
export async function recordPdfs(ctx: RunContext, written: readonly string[]): Promise<void> {
  if (written.length === 0) return;
  const lock = await acquireLock(ctx.outDir, new Date());
  if (!lock.ok) return;
  try {
    const { manifest, problems } = await readManifest(ctx);
    if (problems.length > 0) return;
    const pdfs = new Map(written.map((w) => [relative(ctx.outDir, w).split('\\').join('/'), w] as const));
    const records = new Map<string, OutputFile>();
    for (const [rel, abs] of pdfs) {
      try {
        records.set(rel, outputFile(rel, await ctx.fs.readFile(abs)));
      } catch {
        // Note: a PDF that cannot be read back is not recorded; the next build converts it again.
      }
    }
    const units: Record<string, ManifestEntry> = {};
    for (const [key, e] of Object.entries(manifest.units)) {
      const mine = e.outputs.flatMap((o) => {
        const r = records.get(pdfTarget(o.path));
        return r ? [r] : [];
      });
      units[key] = mine.length === 0 ? e : { ...e, outputs: [...e.outputs.filter((o) => !mine.some((m) => m.path === o.path)), ...mine] };
    }
    await writeManifest(ctx, { format: manifest.format, units });
  } finally {
    await lock.release();
  }
}
