/**
 * 冷启动：`jixiao --help` 与一个文件的 `check` 各启动 R 次新进程，报告墙钟时间的中位数与最小值（issue 14）。
 * Usage: npm run build && npx tsx bench/cold-start.ts [--runs 15] [--cli path/to/dist/cli.js ...]
 * Note: several --cli give a side-by-side comparison (e.g. a build of an older commit in /tmp), interleaved run by
 * run so that the host's load affects each alike.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    cli: { type: 'string', multiple: true, default: [join(ROOT, 'dist', 'cli.js')] },
    input: { type: 'string', default: join(ROOT, 'inputs', 'hongsibu-renda-2023.yaml') },
  },
});
const commands: Record<string, string[]> = { '--help': ['--help'], 'check (one file)': ['check', opt.input, '--jobs', '1'] };
const times = new Map<string, number[]>();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = loadavg()[0]!.toFixed(1);
for (let r = 0; r < Number(opt.runs); r++)
  for (const cli of opt.cli)
    for (const [name, args] of Object.entries(commands)) {
      const s = performance.now();
      const p = spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, CI: 'true' } });
      if (p.status !== 0 && !(name !== '--help' && p.status === 1)) throw new Error(`${cli} ${args.join(' ')}: exit ${p.status}`);
      const key = `${cli}\t${name}`;
      times.set(key, [...(times.get(key) ?? []), (performance.now() - s) / 1000]);
    }
console.log(`load average ${load} → ${loadavg()[0]!.toFixed(1)}; ${opt.runs} runs each`);
for (const [key, xs] of times) {
  const [cli, name] = key.split('\t');
  console.log(`${name!.padEnd(18)} median ${median(xs).toFixed(3)} s  min ${Math.min(...xs).toFixed(3)} s  ${cli}`);
}
