/**
 * 线程池：在若干工作线程上运行单位，每个线程一次一个；单位很少、--jobs 1、从源码运行（没有编译好的
 * worker.js）或使用自定义文件系统时在本线程运行。线程意外退出时，它手上的单位记为程序缺陷，其余照常。
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { nodeFs, type ContextOptions, type RunContext } from './context.js';
import { runUnit } from './pipeline.js';
import { internalFailure, toOutcome, type UnitOutcome } from './unit-outcome.js';
import type { WorkerJob, WorkerReply } from './worker.js';

/** What a worker thread needs to make the same context as the main thread. */
export interface WorkerSetup {
  readonly context: Omit<ContextOptions, 'fs'>;
  readonly write: boolean;
}

/**
 * Heap limits of a worker, in MB. Note: without them each thread's heap grows to hundreds of MB before V8 collects,
 * and peak RSS grows with the number of threads; a unit that needs more is retried on the main thread.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 24 } as const;

/**
 * Fewer units than this run on the main thread. Note: a worker needs about half a second to load its modules,
 * about as long as four units take, so below this a pool is slower than one thread (bench/RESULTS.md).
 */
export const MIN_UNITS_FOR_WORKERS = 8;

/** The compiled worker next to this module, if there is one (there is none when running the .ts sources). */
function workerScript(): URL | undefined {
  const url = new URL('./worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Runs `files` (the `index`th is files[index]) and reports each outcome as it finishes, in any order. */
export async function runUnits(
  files: readonly { readonly index: number; readonly file: string }[], ctx: RunContext, write: boolean, jobs: number,
  onDone: (index: number, o: UnitOutcome) => void,
): Promise<void> {
  const script = workerScript();
  const size = Math.min(jobs, files.length);
  if (size <= 1 || files.length < MIN_UNITS_FOR_WORKERS || !script || ctx.fs !== nodeFs) {
    for (const { index, file } of files) {
      onDone(index, await runUnit(file, ctx, { write }).then((r) => toOutcome(r, ctx.outDir, write), (e: unknown) => internalFailure(file, e)));
    }
    return;
  }
  const { fs: _fs, ...context } = ctx.options;
  const setup: WorkerSetup = { context, write };
  const queue = [...files];
  const retry: { index: number; file: string }[] = [];
  await new Promise<void>((resolveAll) => {
    let running = 0;
    const start = () => {
      const worker = new Worker(script, { workerData: setup, resourceLimits: WORKER_LIMITS });
      let current: WorkerJob | undefined;
      running += 1;
      const next = () => {
        current = queue.shift();
        if (current) worker.postMessage(current);
        else void worker.terminate();
      };
      worker.on('message', (reply: WorkerReply) => {
        current = undefined;
        onDone(reply.index, reply.outcome);
        next();
      });
      // Note: an uncaught error ends the worker; its unit is a bug, and a new worker takes the rest of the queue.
      worker.on('error', (e) => {
        if (current && (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') retry.push(current);
        else if (current) onDone(current.index, internalFailure(current.file, e));
        current = undefined;
      });
      worker.on('exit', () => {
        running -= 1;
        if (current) onDone(current.index, internalFailure(current.file, new Error('工作线程意外退出')));
        if (queue.length > 0) start();
        else if (running === 0) resolveAll();
      });
      next();
    };
    for (let i = 0; i < size; i++) start();
  });
  if (retry.length > 0) await runUnits(retry, ctx, write, 1, onDone);
}
