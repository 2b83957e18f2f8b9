/**
 * 内存分配从哪里来：在本线程内把 N 个合成单位跑完全部阶段（读取到写 XLSX），用 V8 的抽样堆剖析（包括已回收的对象）统计每个
 * 单位分配的字节数，按阶段、按模块（node_modules 的包或 src/ 的文件夹）和按函数汇总。垃圾越少，新生代回收越少、越少对象被提升
 * 到老生代，工作线程的堆就可以更小（issue 14）。
 * --promoted counts only what outlived the young generation (objects a scavenge collected are left out): what a
 * smaller young generation would copy and promote.
 * Usage: npx tsx bench/allocation.ts [--units 100] [--top 25] [--promoted]
 */
import { Session } from 'node:inspector/promises';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createContext } from '../src/run/context.js';
import { profileFor } from '../src/run/pipeline.js';
import { generateUnits } from './generate.js';
import { runStages } from './stages.js';

interface ProfileNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly ProfileNode[];
}

const { values: opt } = parseArgs({
  options: { units: { type: 'string', default: '100' }, top: { type: 'string', default: '25' }, promoted: { type: 'boolean', default: false } },
});
const work = mkdtempSync(join(tmpdir(), 'jixiao-allocation-'));
const files = generateUnits(Number(opt.units), join(work, 'inputs'));
const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
const ctx = await createContext({ outDir: join(work, 'out'), env: { SOURCE_DATE_EPOCH: '1711843200' } });
const lp = await profileFor(ctx, 'yunnan');
// Note: one unit first, so that the caches (docx shell, templates, compiled code) are not counted as the units' cost.
await runStages(files[0]!, bytes[0]!, ctx, lp, () => {});

const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: !opt.promoted,
});
for (let i = 0; i < files.length; i++) await runStages(files[i]!, bytes[i]!, ctx, lp, () => {});
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: ProfileNode } };
session.disconnect();

/** The package (node_modules/<name>) or the src/ folder a script belongs to. */
const moduleOf = (url: string): string => {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const src = /\/src\/([^/]+\/)?/.exec(url);
  if (src) return `src/${src[1] ?? ''}`;
  return url ? url.replace(/^.*\//, '') : '(native)';
};
const byModule = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
const walk = (n: ProfileNode) => {
  const f = n.callFrame;
  const where = `${f.functionName || '(anonymous)'} ${moduleOf(f.url)}${f.url.includes('/src/') ? `/${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}` : ''}`;
  byModule.set(moduleOf(f.url), (byModule.get(moduleOf(f.url)) ?? 0) + n.selfSize);
  byFunction.set(where, (byFunction.get(where) ?? 0) + n.selfSize);
  total += n.selfSize;
  n.children.forEach(walk);
};
walk(profile.head);
const perUnit = (b: number) => `${(b / files.length / 1048576).toFixed(2).padStart(6)} MB`;
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(
  `${opt.promoted ? 'promoted to the old generation' : 'allocated'} per unit (${files.length} synthetic units, one thread, sampled every 4 KiB, ${opt.promoted ? 'objects a scavenge collected left out' : 'collected objects included'}): ${perUnit(total)}`,
);
console.log('by module:');
for (const [k, v] of top(byModule, 15)) console.log(`  ${perUnit(v)}  ${k}`);
console.log('by function:');
for (const [k, v] of top(byFunction, Number(opt.top))) console.log(`  ${perUnit(v)}  ${k}`);
rmSync(work, { recursive: true, force: true });
