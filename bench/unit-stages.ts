/**
 * 每个单位各阶段的 CPU 毫秒数：在本线程内把 N 个合成单位依次读取、校验、派生、检查、组装、写 DOCX、写 XLSX，
 * 重复几遍，取每阶段最快一遍的平均（机器上别的负载只会让某一遍变慢）。用来比较一次改动前后的单位成本（issue 14）。
 * Usage: npx tsx bench/unit-stages.ts [--units 60] [--passes 3]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createContext } from '../src/run/context.js';
import { profileFor } from '../src/run/pipeline.js';
import { generateUnits } from './generate.js';
import { STAGES, runStages, type Stage } from './stages.js';

const { values: opt } = parseArgs({ options: { units: { type: 'string', default: '60' }, passes: { type: 'string', default: '3' } } });
const work = mkdtempSync(join(tmpdir(), 'jixiao-unit-stages-'));
const files = generateUnits(Number(opt.units), join(work, 'inputs'));
const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
const ctx = await createContext({ outDir: join(work, 'out'), env: { SOURCE_DATE_EPOCH: '1711843200' } });
const lp = await profileFor(ctx, 'yunnan');
const zero = () => Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
const best = Object.fromEntries(STAGES.map((s) => [s, Infinity])) as Record<Stage, number>;
let docxBytes = 0;
let xlsxBytes = 0;
for (let pass = 0; pass < Number(opt.passes) + 1; pass++) {
  const ms = zero();
  docxBytes = 0;
  xlsxBytes = 0;
  for (let i = 0; i < files.length; i++) {
    const out = await runStages(files[i]!, bytes[i]!, ctx, lp, (stage, t) => {
      ms[stage] += t;
    });
    docxBytes += out.docx.length;
    xlsxBytes += out.xlsx.length;
  }
  // Note: the first pass warms the JIT and the caches (docx shell, templates) and is not counted.
  if (pass > 0) for (const s of STAGES) best[s] = Math.min(best[s], ms[s] / files.length);
}
const total = STAGES.reduce((a, s) => a + best[s], 0);
console.log(`ms per unit (best of ${opt.passes} passes over ${files.length} units, one thread):`);
for (const s of STAGES) console.log(`  ${s.padEnd(9)} ${best[s].toFixed(2).padStart(7)}`);
console.log(
  `  ${'total'.padEnd(9)} ${total.toFixed(2).padStart(7)}   (DOCX ${(docxBytes / files.length / 1024).toFixed(1)} KiB, XLSX ${(xlsxBytes / files.length / 1024).toFixed(1)} KiB per unit)`,
);
rmSync(work, { recursive: true, force: true });
