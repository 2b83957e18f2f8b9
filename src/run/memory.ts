/** 内存：大批量让堆保持在活对象的 HEAP_GROWING_PERCENT 所定倍数以内；写汇总表之前做一次完整的垃圾回收（issue 14）。 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Batches of fewer units than this leave too little garbage to be worth a collection. */
export const MIN_UNITS_FOR_COLLECTION = 100;

let gc: (() => void) | undefined;

/**
 * Runs a full garbage collection now. Note: V8 lets a busy heap grow to several times its live size between
 * collections; the 汇总表 of 1,000 units (~94,000 exceljs cells) would otherwise be built on top of the garbage of the
 * last units and raise the peak by ~65 MB (326 against 294 MiB with --jobs 1, bench/RESULTS.md). The function is
 * V8's own `gc`, reached as jest does (the flag, then a fresh context, whose global gets it).
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** Whether the process was started with the V8 flag `name` (node --name=…, or in NODE_OPTIONS; - and _ alike). */
const setsFlag = (name: string, execArgv: readonly string[], nodeOptions: string | undefined): boolean => {
  const flag = new RegExp(`--${name.replace(/-/g, '[-_]')}`);
  return [...execArgv, nodeOptions ?? ''].some((a) => flag.test(a));
};

/** Whether the process was started with its own heap growth (node --heap-growing-percent=…, or in NODE_OPTIONS), which it keeps. */
export const setsHeapGrowth = (execArgv: readonly string[], nodeOptions: string | undefined): boolean =>
  setsFlag('heap-growing-percent', execArgv, nodeOptions);

/**
 * Whether the process was started with its own young generation (node --max-semi-space-size=…, or in NODE_OPTIONS),
 * which its workers then keep too (pool.ts): a host that has the memory may trade it for time.
 */
export const setsYoungGeneration = (execArgv: readonly string[], nodeOptions: string | undefined): boolean =>
  setsFlag('max-semi-space-size', execArgv, nodeOptions);

/**
 * How far V8 may let a heap's old generation grow past what a collection leaves live while a large batch runs, in
 * percent (V8's own choice is up to 300 %). Note: a worker's heap holds ~33 MB that stay (the compiled modules and
 * their sources) and gains ~1.5 MB of promoted unit objects per unit; at 100 % it is collected about every 20 units.
 */
export const HEAP_GROWING_PERCENT = 100;

/**
 * While a large batch runs, V8 may let the old generation grow by HEAP_GROWING_PERCENT of what a collection leaves
 * live (`--heap-growing-percent`) instead of up to four times; returns the function that gives V8 back its own choice.
 * Note: the flag is process-wide (the workers' heaps too) and read at every collection; it is reset afterwards, for a
 * host that embeds jixiao. Measured on 1,000 units (bench/RESULTS.md): with --jobs 1, 249–255 MiB at 150 % against
 * 286–309 MiB (sixth round); with two workers, each with a small young generation (pool.ts), see the eighth round.
 */
export function holdHeapSmall(nodeOptions: string | undefined): () => void {
  if (setsHeapGrowth(process.execArgv, nodeOptions)) return () => {};
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return () => setFlagsFromString('--heap-growing-percent=0');
}
