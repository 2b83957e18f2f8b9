/**
 * 分阶段计时：一个大单位在本线程内依次读取、校验、派生、检查、组装、写 DOCX、写 XLSX，各阶段的毫秒数（issue 10）。
 * Usage: tsx bench/stages.ts <projects> <indicatorsPerProject>
 */
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { strToU8 } from 'fflate';
import { readInputFile } from '../src/load/read-file.js';
import { validateUnit } from '../src/load/validate.js';
import { createContext, type RunContext } from '../src/run/context.js';
import { profileFor } from '../src/run/pipeline.js';
import type { LoadedProfile } from '../src/load/profile.js';
import { INPUT_SCHEMAS, PROFILES } from '../src/profiles/registry.js';
import { docToDocx } from '../src/write/docx.js';
import { tablesToXlsx } from '../src/write/xlsx.js';
import { largeUnit } from './generate-large.js';

/** The stages a unit goes through, in order, as bench/unit-stages.ts and stageTimes report them. */
export const STAGES = ['read', 'validate', 'derive', 'check', 'compose', 'docx', 'xlsx'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Runs one yunnan unit's bytes through every stage on this thread, reporting each stage's milliseconds to `took`;
 * returns the DOCX and XLSX bytes. A unit with errors is a broken benchmark input, not a result: it throws.
 */
export async function runStages(
  file: string,
  bytes: Uint8Array,
  ctx: RunContext,
  lp: LoadedProfile,
  took: (stage: Stage, ms: number) => void,
): Promise<{ docx: Uint8Array; xlsx: Uint8Array }> {
  const lap = async <T>(stage: Stage, f: () => T | Promise<T>): Promise<T> => {
    const s = performance.now();
    const r = await f();
    took(stage, performance.now() - s);
    return r;
  };
  const m = PROFILES.yunnan;
  const read = await lap('read', () => readInputFile(file, bytes));
  const unit = await lap('validate', () => validateUnit(read.loaded!, INPUT_SCHEMAS).unit!);
  const derived = await lap('derive', () => m.derive(unit as never, lp.profile));
  const ds = await lap('check', () => m.check(unit as never, derived as never, lp.profile, { strict: false }));
  if (ds.some((d) => d.severity === 'error'))
    throw new Error(
      `unexpected errors: ${ds
        .slice(0, 3)
        .map((d) => d.message)
        .join('; ')}`,
    );
  const docs = await lap('compose', () => m.compose(unit as never, derived as never, lp.profile, lp.templates, ctx.render));
  const docx = await lap('docx', () => docToDocx(docs.docx, ctx.fixedDate!));
  const xlsx = await lap('xlsx', () => tablesToXlsx(docs.xlsxTables, { title: docs.docx.title, when: ctx.fixedDate! }));
  return { docx, xlsx };
}

/** Times each stage of one unit of `projects` × `perProject` indicators; returns milliseconds by stage. */
export async function stageTimes(projects: number, perProject: number): Promise<Record<string, number>> {
  const ms: Record<string, number> = {};
  const bytes = strToU8(JSON.stringify(largeUnit(projects, perProject)));
  const ctx = await createContext({ outDir: join(tmpdir(), 'jixiao-stages'), env: { SOURCE_DATE_EPOCH: '1711843200' } });
  const lp = await profileFor(ctx, 'yunnan');
  await runStages('large.json', bytes, ctx, lp, (stage, t) => {
    ms[stage] = Math.round(t);
  });
  return ms;
}

if (basename(process.argv[1] ?? '') === 'stages.ts') {
  const [projects = '10', perProject = '100'] = process.argv.slice(2);
  console.log(JSON.stringify(await stageTimes(Number(projects), Number(perProject))));
}
