/**
 * 规模基准（issue 10）：一个单位的 check 与 build 用时随规模的增长，应大致线性（10 倍的指标约 10 倍的时间）。
 * 两组：每个项目的指标数 ×1、×10、×100（10 个项目，每个 30 / 300 / 3,000 个指标，共 300 / 3,000 / 30,000 个），
 * 项目数 ×1、×10、×100（10 / 100 / 1,000 个项目，每个 8 个指标），以及四川示例（资阳）每个指标表重复 ×1、×10、×100。每次都是新进程运行 dist/cli.js（--jobs 1 --force），
 * 取墙钟时间与峰值内存（/proc 的 VmHWM）。30,000 个指标的 JSON 约 4.3 MB，接近 5 MiB 的输入上限。
 * Usage: npm run build && npx tsx bench/scaling.ts [--cli path/to/dist/cli.js] [--runs 1] [--max 100]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { largeUnit, multiplyIndicators } from './generate-large.js';

const ROOT = join(import.meta.dirname, '..');
const { values: opt } = parseArgs({
  options: {
    cli: { type: 'string', default: join(ROOT, 'dist', 'cli.js') },
    runs: { type: 'string', default: '1' },
    max: { type: 'string', default: '100' },
  },
});

/** Wall seconds and peak RSS (MB) of one run of the CLI; the exit code must be 0. */
async function run(args: string[]): Promise<{ seconds: number; peakMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [opt.cli, ...args, '--jobs', '1'], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
    } catch {
      /* gone */
    }
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`);
  return { seconds: (performance.now() - started) / 1000, peakMb: peak };
}

const best = async (args: string[]) => {
  const rs = [];
  for (let i = 0; i < Number(opt.runs); i++) rs.push(await run(args));
  return rs.sort((a, b) => a.seconds - b.seconds)[0]!;
};

const work = mkdtempSync(join(tmpdir(), 'jixiao-scaling-'));
console.log(
  `cli ${opt.cli}; node ${process.version}; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log('| series | scale | tables | indicators | input | check | build | build peak RSS | build ÷ ×1 |');
console.log('|---|---|---|---|---|---|---|---|---|');
const seed = parse(readFileSync(join(ROOT, 'inputs', 'ziyang-renda-2023.yaml'), 'utf8')) as unknown;
/** Indicator lists of an input and their lengths. */
const lists = (data: unknown): number[] => {
  const out: number[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) {
        if (k === 'indicators' && Array.isArray(x)) out.push(x.length);
        else walk(x);
      }
  };
  walk(data);
  return out;
};
const series: { name: string; make: (s: number) => unknown }[] = [
  { name: 'indicators', make: (s) => largeUnit(10, 30 * s) },
  { name: 'projects', make: (s) => largeUnit(10 * s, 8) },
  // Note: the sichuan seed (ziyang) with every indicator list repeated: the shape whose check was quadratic.
  { name: 'sichuan seed', make: (s) => multiplyIndicators(seed, s) },
];
for (const { name, make } of series) {
  let base = 0;
  for (const scale of [1, 10, 100].filter((s) => s <= Number(opt.max))) {
    const data = make(scale);
    const counts = lists(data);
    const file = join(work, `${name.replace(/\s/g, '-')}-${scale}.json`);
    writeFileSync(file, JSON.stringify(data));
    const check = await best(['check', file]);
    const build = await best(['build', file, '-o', join(work, 'out'), '--force']);
    if (scale === 1) base = build.seconds;
    console.log(
      `| ${name} | ×${scale} | ${counts.length} tables, largest ${Math.max(...counts)} | ${counts.reduce((a, b) => a + b, 0)} | ${(statSync(file).size / 1e6).toFixed(2)} MB | ${check.seconds.toFixed(2)} s | ${build.seconds.toFixed(2)} s | ${build.peakMb.toFixed(0)} MB | ${(build.seconds / base).toFixed(1)} |`,
    );
  }
}
rmSync(work, { recursive: true, force: true });
