/**
 * 基准：生成 N 个合成单位，用 dist/cli.js 全量生成（单位/秒、文件/秒、峰值内存），再测无改动与改动一个单位后的
 * 增量生成时间、较小批量的峰值内存（看是否随单位数增长），以及单个单位 DOCX 与 docxtemplater 的对比；
 * 可选 --profile：单线程 CPU 剖析，按模块汇总时间花在哪里。
 * Usage: npm run build && npx tsx bench/run.ts [--units 1000] [--jobs N] [--no-scale] [--profile] [--cli path/to/dist/cli.js]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { parseArgs } from 'node:util';
import { composeDocuments } from '../src/profiles/yunnan/compose/documents.js';
import type { Derived } from '../src/model/derived.js';
import type { UnitYear } from '../src/model/unit-year.js';
import { createContext } from '../src/run/context.js';
import { profileFor, runUnit } from '../src/run/pipeline.js';
import { docToDocx } from '../src/write/docx.js';
import { docxTables } from '../tests/support/dump.js';
import { fillWithDocxtemplater, jixiaoProjectsDocx, templateData, templateDoc, unitTemplate } from './docxtemplater.js';
import { generateUnits } from './generate.js';

const ROOT = join(import.meta.dirname, '..');
const { values: opt } = parseArgs({
  options: {
    units: { type: 'string', default: '1000' },
    jobs: { type: 'string' },
    'no-scale': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    cli: { type: 'string', default: join(ROOT, 'dist', 'cli.js') },
  },
});
// Note: --cli lets the bench run a copy of dist/, which a concurrent `npm run build` cannot change mid-run.
const CLI = opt.cli;
const N = Number(opt.units);

/** Runs dist/cli.js with `args`; wall time and peak RSS (VmHWM from /proc, sampled every 50 ms; Linux only). */
async function cli(args: string[], extraNode: string[] = []): Promise<{ seconds: number; peakMb: number | null; code: number | null }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...extraNode, CLI, ...args, ...(opt.jobs ? ['--jobs', opt.jobs] : [])], {
    env: { ...process.env, CI: 'true', SOURCE_DATE_EPOCH: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    cwd: ROOT,
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  let peak: number | null = null;
  const sample = () => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
      if (kb) peak = Math.max(peak ?? 0, kb / 1024);
    } catch {
      /* not Linux, or already gone */
    }
  };
  const timer = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) process.stderr.write(stderr.split('\n').slice(-5).join('\n'));
  return { seconds: (performance.now() - started) / 1000, peakMb: peak, code };
}

const mb = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(0)} MB`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Median milliseconds of `runs` calls after `warm` warm-up calls. */
async function timeMs(f: () => unknown, runs = 25, warm = 5): Promise<number> {
  for (let i = 0; i < warm; i++) await f();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await f();
    t.push(performance.now() - s);
  }
  return median(t);
}

console.log(
  `machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length} (availableParallelism ${availableParallelism()}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, node ${process.version}, ${process.platform}; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

const work = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
const inputs = join(work, 'inputs');
const out = join(work, 'out');
let t = performance.now();
const files = generateUnits(N, inputs);
console.log(`generated ${N} units (6–12 projects, 4–8 indicators each) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const full = await cli(['build', inputs, '-o', out]);
const written = readdirSync(out, { recursive: true }).filter((f) => /\.(docx|xlsx)$/.test(String(f))).length;
console.log(
  `full build: ${full.seconds.toFixed(1)} s, ${(N / full.seconds).toFixed(1)} units/s, ${(written / full.seconds).toFixed(1)} files/s (${written} files), peak RSS ${mb(full.peakMb)}`,
);
const noop = await cli(['build', inputs, '-o', out]);
console.log(`rebuild, nothing changed: ${noop.seconds.toFixed(2)} s`);
const changed = files[Math.floor(N / 2)]!;
writeFileSync(changed, readFileSync(changed, 'utf8').replace('全面完成年度重点工作任务。', '全面完成年度重点工作任务，并开展绩效复核。'));
const one = await cli(['build', inputs, '-o', out]);
console.log(`rebuild after correcting one unit of ${N}: ${one.seconds.toFixed(2)} s, peak RSS ${mb(one.peakMb)}`);

if (!opt['no-scale'] && N >= 8) {
  const quarter = join(work, 'quarter');
  generateUnits(Math.floor(N / 4), quarter);
  const small = await cli(['build', quarter, '-o', join(work, 'out-quarter')]);
  console.log(`peak RSS with ${Math.floor(N / 4)} units: ${mb(small.peakMb)} (with ${N}: ${mb(full.peakMb)})`);
}

// One unit's DOCX against docxtemplater, on this thread: the seed unit with 7 project tables.
const ctx = await createContext({ outDir: join(work, 'single'), env: { SOURCE_DATE_EPOCH: '1711843200' } });
const r = await runUnit(join(ROOT, 'inputs', 'zhanyi-czj-2023.yaml'), ctx, { write: false });
const lp = await profileFor(ctx, 'yunnan');
const docs = composeDocuments(r.unit as UnitYear, r.derived as Derived, lp.profile, lp.templates, ctx.render);
const projects = docs.xlsxTables.filter((x) => x.id.startsWith('project-'));
const when = ctx.fixedDate!;
const template = await docToDocx(templateDoc(projects[0]!), when);
const data = templateData(projects);
const same =
  JSON.stringify(docxTables(fillWithDocxtemplater(template, data)).map((x) => x.flat().filter((c) => c !== ''))) ===
  JSON.stringify(docxTables(await jixiaoProjectsDocx(projects, when)).map((x) => x.flat().filter((c) => c !== '')));
const dt = await timeMs(() => fillWithDocxtemplater(template, data));
const jx = await timeMs(() => jixiaoProjectsDocx(projects, when));
const unit = await timeMs(() => docToDocx(docs.docx, when));
console.log(
  `DOCX of ${projects.length} project tables: jixiao ${jx.toFixed(1)} ms, docxtemplater ${dt.toFixed(1)} ms, ratio ${(jx / dt).toFixed(2)} (same cell texts: ${same ? 'yes' : 'NO'})`,
);
// Sizes (issue 14: a DOCX at most 1.5× docxtemplater's for the same content): the zip and its document.xml.
const sizes = (z: Uint8Array) => ({ zip: z.length, xml: unzipSync(z)['word/document.xml']?.length ?? 0 });
const dtSize = sizes(fillWithDocxtemplater(template, data));
const jxSize = sizes(await jixiaoProjectsDocx(projects, when));
console.log(
  `DOCX size, ${projects.length} project tables: jixiao ${jxSize.zip} bytes (document.xml ${jxSize.xml}), docxtemplater ${dtSize.zip} (${dtSize.xml}); ratio ${(jxSize.zip / dtSize.zip).toFixed(2)} (document.xml ${(jxSize.xml / dtSize.xml).toFixed(2)})`,
);
// The whole unit: the same document with every text as a tag (bench/docxtemplater.ts unitTemplate), filled by docxtemplater.
const whole = unitTemplate(docs.docx);
const wholeTemplate = await docToDocx(whole.template, when);
const cellsOf = (z: Uint8Array) => JSON.stringify(docxTables(z).map((x) => x.flat().filter((c) => c !== '')));
const wholeSame = cellsOf(fillWithDocxtemplater(wholeTemplate, whole.data)) === cellsOf(await docToDocx(docs.docx, when));
const wholeDt = await timeMs(() => fillWithDocxtemplater(wholeTemplate, whole.data));
console.log(
  `whole unit DOCX (narrative, department and the 7 project tables): jixiao ${unit.toFixed(1)} ms, docxtemplater ${wholeDt.toFixed(1)} ms, ratio ${(unit / wholeDt).toFixed(2)} (same cell texts: ${wholeSame ? 'yes' : 'NO'})`,
);

// The batch reference (issue 14): docxtemplater writing N DOCX files, one per unit, on this thread, next to the full
// build above. Note: every file is the czj seed's 7 project tables (the template covers project tables only), while a
// synthetic unit has 6–12 project tables plus the narrative and department tables, so this is its lighter job.
const dxtOut = join(work, 'dxt');
mkdirSync(dxtOut);
t = performance.now();
for (let i = 0; i < N; i++) writeFileSync(join(dxtOut, `${String(i).padStart(5, '0')}.docx`), fillWithDocxtemplater(template, data));
const dxtSeconds = (performance.now() - t) / 1000;
console.log(
  `batch: jixiao ${full.seconds.toFixed(1)} s for ${N} units (DOCX + XLSX + 汇总表, --jobs ${opt.jobs ?? 'auto'}); docxtemplater ${dxtSeconds.toFixed(1)} s for ${N} DOCX of 7 project tables (one thread)`,
);

if (opt.profile) {
  const dir = join(work, 'prof');
  const sample = join(work, 'profile-inputs');
  generateUnits(50, sample);
  t = performance.now();
  await cli(['build', sample, '-o', join(work, 'out-prof'), '--jobs', '1'], ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  console.log(`profile of 50 units on one thread (${((performance.now() - t) / 1000).toFixed(1)} s), self time by module:`);
  for (const [where, share] of selfTimeByModule(join(dir, readdirSync(dir)[0]!)).slice(0, 14)) console.log(`  ${share.toFixed(1).padStart(5)}%  ${where}`);
}
rmSync(work, { recursive: true, force: true });

/** Self time of a .cpuprofile, summed per package (node_modules/<name>) or jixiao folder, as shares of the total. */
function selfTimeByModule(file: string): [string, number][] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: { id: number; callFrame: { url: string; functionName: string } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const sums = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const n = byId.get(id);
    const url = n?.callFrame.url ?? '';
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const where = pkg ?? /dist\/([^/]+\/[^/]+)\.js/.exec(url)?.[1] ?? (url.startsWith('node:') ? 'node internals' : n?.callFrame.functionName || '(vm)');
    const dt = p.timeDeltas[i] ?? 0;
    sums.set(where, (sums.get(where) ?? 0) + dt);
    total += dt;
  });
  return [...sums].map(([k, v]): [string, number] => [k, (100 * v) / total]).sort((a, b) => b[1] - a[1]);
}
