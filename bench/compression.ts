/**
 * 压缩：同一批 OOXML 部件分别用 jixiao 的 libdeflate（WebAssembly）、fflate（各级别）与 node:zlib deflateRawSync 压缩，比较耗时与大小，并检查 zlib
 * 的输出是否与标准 zlib（python3 的 zlib）逐字节相同——不同则说明 Node 内置的 Chromium zlib 走了按 CPU 选择的
 * 哈希路径，字节不能保证在别的机器上相同（issue 14）。
 * Usage: npm run build && npx tsx bench/compression.ts <file.docx|file.xlsx>... [--rounds 20]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { deflateSync as fflateDeflate, unzipSync } from 'fflate';
import { deflatePart } from '../src/write/deflate.js';

const { values: opt, positionals } = parseArgs({ options: { rounds: { type: 'string', default: '20' } }, allowPositionals: true });
const parts = positionals.flatMap((f) => Object.values(unzipSync(readFileSync(f)))).filter((b) => b.length > 0);
const rawBytes = parts.reduce((n, b) => n + b.length, 0);
const rounds = Number(opt.rounds);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median over `rounds` of the time to deflate every part once, and the total deflated size. */
function time(name: string, deflate: (b: Uint8Array) => Uint8Array): void {
  for (let i = 0; i < 3; i++) for (const p of parts) deflate(p); // warm-up
  const ms: number[] = [];
  let size = 0;
  for (let r = 0; r < rounds; r++) {
    const s = performance.now();
    size = 0;
    for (const p of parts) size += deflate(p).length;
    ms.push(performance.now() - s);
  }
  console.log(`${name.padEnd(24)} ${median(ms).toFixed(2).padStart(8)} ms  ${(size / 1024).toFixed(1).padStart(8)} KiB  ratio ${(size / rawBytes).toFixed(3)}`);
}

console.log(`${parts.length} parts, ${(rawBytes / 1024).toFixed(0)} KiB raw, median of ${rounds} rounds`);
time('libdeflate level 6 (jixiao)', (b) => deflatePart(b).deflated);
for (const level of [1, 3, 6] as const) time(`fflate level ${level}`, (b) => fflateDeflate(b, { level }));
for (const level of [1, 6]) time(`node:zlib level ${level}`, (b) => deflateRawSync(b, { level }));

// Note: the canonical zlib (python3's) is the reference for "the same bytes everywhere"; Node's bundled zlib is
// Chromium's fork, which picks a CRC32C string hash when the CPU has SSE4.2 or ARMv8 CRC.
const dir = mkdtempSync(join(tmpdir(), 'jixiao-zlib-'));
try {
  for (const [i, p] of parts.entries()) {
    writeFileSync(join(dir, `${i}.raw`), p);
    writeFileSync(join(dir, `${i}.node`), deflateRawSync(p, { level: 6 }));
  }
  const py = `import zlib,glob\nn=s=0\nfor r in glob.glob('${dir}/*.raw'):\n  c=zlib.compressobj(6,zlib.DEFLATED,-15,8)\n  n+=1; s+=(c.compress(open(r,'rb').read())+c.flush())==open(r[:-4]+'.node','rb').read()\nprint(s,'of',n,'parts identical to canonical zlib',zlib.ZLIB_RUNTIME_VERSION)`;
  const r = spawnSync('python3', ['-c', py], { encoding: 'utf8' });
  console.log(`node:zlib ${process.versions.zlib} level 6 vs canonical zlib: ${r.status === 0 ? r.stdout.trim() : `python3 unavailable (${r.stderr.trim()})`}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
