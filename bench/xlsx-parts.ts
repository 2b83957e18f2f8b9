/**
 * XLSX 写出两条路径的耗时：exceljs 的 writeBuffer（JSZip 打包）再 normalizeOoxml 解包重打包，对比各部件直接交给
 * normalizeParts（src/write/xlsx-parts.ts）；一个种子单位的全部表，本线程，中位数（issue 14）。
 * Usage: npx tsx bench/xlsx-parts.ts [input.yaml] [--runs 30]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROFILES, type AnyUnit } from '../src/profiles/registry.js';
import { createContext } from '../src/run/context.js';
import { profileFor, runUnit } from '../src/run/pipeline.js';
import { tablesWorkbook } from '../src/write/xlsx.js';
import { workbookBytes, writtenBytes } from '../src/write/xlsx-parts.js';

const ROOT = join(import.meta.dirname, '..');
const { values: opt, positionals } = parseArgs({ options: { runs: { type: 'string', default: '30' } }, allowPositionals: true });
const input = positionals[0] ?? join(ROOT, 'inputs', 'zhanyi-czj-2023.yaml');
const ctx = await createContext({ outDir: join(ROOT, 'out', 'bench-xlsx'), env: { SOURCE_DATE_EPOCH: '1711843200' } });
const r = await runUnit(input, ctx, { write: false });
const lp = await profileFor(ctx, r.profile!);
const module = PROFILES[(r.unit as AnyUnit).profile] as unknown as {
  compose: (u: unknown, d: unknown, p: unknown, t: unknown, render: unknown) => { docx: { title: string }; xlsxTables: Parameters<typeof tablesWorkbook>[0] };
};
const docs = module.compose(r.unit, r.derived, lp.profile, lp.templates, ctx.render);
const meta = { title: docs.docx.title, when: ctx.fixedDate! };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median ms of building the workbook and writing it one way, after warm-up runs. */
async function time(write: typeof workbookBytes): Promise<number> {
  for (let i = 0; i < 5; i++) await write(tablesWorkbook(docs.xlsxTables, meta), meta.when);
  const ms: number[] = [];
  for (let i = 0; i < Number(opt.runs); i++) {
    const s = performance.now();
    await write(tablesWorkbook(docs.xlsxTables, meta), meta.when);
    ms.push(performance.now() - s);
  }
  return median(ms);
}
// Note: interleaved twice so that a change in the host's load affects both alike.
const a1 = await time(writtenBytes);
const b1 = await time(workbookBytes);
const a2 = await time(writtenBytes);
const b2 = await time(workbookBytes);
console.log(
  `${docs.xlsxTables.length} sheets: writeBuffer + normalizeOoxml ${((a1 + a2) / 2).toFixed(1)} ms, parts + normalizeParts ${((b1 + b2) / 2).toFixed(1)} ms`,
);
