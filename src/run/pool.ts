/**
 * 线程池：本线程与 jobs−1 个工作线程一起运行单位，每个线程一次一个；单位少于 jobs.ts 的门槛、--jobs 1、从源码运行（没有编译好的
 * worker.js）或使用自定义文件系统时只在本线程运行。线程意外退出时，它手上的单位记为程序缺陷，其余照常。
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { nodeFs, type RunContext } from './context.js';
import { runBatchUnit } from './batch-unit.js';
import { internalFailure, type UnitOutcome } from './unit-outcome.js';
import type { WorkerJob, WorkerReply, WorkerSetup } from './worker-protocol.js';
import { MIN_UNITS_FOR_WORKERS, workersFor } from './jobs.js';
import { holdHeapSmall } from './memory.js';

/** Units handed to a worker ahead, so it never waits for the main thread (busy with a unit of its own) to send the next. */
const PREFETCH = 2;

/**
 * Resolves on the event loop's next turn. Note: a unit's file operations are synchronous (context.ts), so a unit run
 * here never waits for the loop; between units the loop must turn, or the workers' replies (and their next units)
 * would wait until this thread had emptied the queue alone.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The compiled worker next to this module, if there is one (there is none when running the .ts sources). */
function workerScript(): URL | undefined {
  const url = new URL('./worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

type Job = { readonly index: number; readonly file: string };

/**
 * Runs `files` (the `index`th is files[index]) and reports each outcome as it finishes, in any order.
 * Note: the main thread runs units too, so `jobs` threads compute and only jobs−1 extra V8 heaps are paid for
 * (each busy heap is 150–200 MB).
 */
export async function runUnits(
  files: readonly Job[],
  ctx: RunContext,
  write: boolean,
  jobs: number | 'auto',
  onDone: (index: number, o: UnitOutcome) => void,
): Promise<void> {
  const here = async (job: Job) => onDone(job.index, await runBatchUnit(job.file, ctx, write));
  const script = workerScript();
  const queue = [...files];
  const count = !script || ctx.fs !== nodeFs ? 0 : workersFor(files.length, jobs, write, availableParallelism());
  // Note: a large batch keeps every heap small (memory.ts), on this thread and in the workers started below.
  const restoreHeap = files.length >= MIN_UNITS_FOR_WORKERS ? holdHeapSmall((ctx.options.env ?? process.env)['NODE_OPTIONS']) : undefined;
  try {
    const workers = Array.from({ length: count }, () => startWorker(script!, ctx, write, queue, onDone));
    for (let job = queue.shift(); job; job = queue.shift()) {
      await here(job);
      if (count > 0) await nextTurn();
    }
    const retry = (await Promise.all(workers)).flat();
    // Note: units a failed worker had been sent ahead are back in the queue.
    for (const job of [...retry, ...queue.splice(0)]) await here(job);
  } finally {
    restoreHeap?.();
  }
}

/** A worker that takes jobs from `queue` until it is empty; resolves with the jobs to retry on the main thread. */
function startWorker(script: URL, ctx: RunContext, write: boolean, queue: Job[], onDone: (index: number, o: UnitOutcome) => void): Promise<Job[]> {
  const { fs: _fs, ...context } = ctx.options;
  const worker = new Worker(script, { workerData: { context, write } satisfies WorkerSetup });
  const pending: WorkerJob[] = [];
  const retry: Job[] = [];
  const feed = () => {
    while (pending.length < PREFETCH && queue.length > 0) {
      const job = queue.shift()!;
      pending.push(job);
      worker.postMessage(job);
    }
    if (pending.length === 0) void worker.terminate();
  };
  worker.on('message', (reply: WorkerReply) => {
    pending.splice(
      pending.findIndex((j) => j.index === reply.index),
      1,
    );
    onDone(reply.index, reply.outcome);
    feed();
  });
  // Note: an uncaught error ends the worker: the unit it was on is a bug (or, out of memory, is retried on the main
  // thread, whose heap has no worker limit); the units sent ahead go back to the queue.
  worker.on('error', (e) => {
    const current = pending.shift();
    if (current && (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') retry.push(current);
    else if (current) onDone(current.index, internalFailure(current.file, e));
  });
  feed();
  return new Promise((resolve) =>
    worker.on('exit', () => {
      const [current, ...ahead] = pending.splice(0);
      if (current) onDone(current.index, internalFailure(current.file, new Error('工作线程意外退出')));
      queue.unshift(...ahead);
      resolve(retry);
    }),
  );
}
