/**
 * 线程池：单位少于 jobs.ts 的门槛、--jobs 1、从源码运行（没有编译好的 worker.js）或使用自定义文件系统时，全部在本线程运行；否则
 * 启动 jobs 个工作线程，每个一次一个单位，本线程只派发单位、收取结果。线程意外退出时，它手上的单位记为程序缺陷，其余照常。
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { nodeFs, type RunContext } from './context.js';
import { runBatchUnit } from './batch-unit.js';
import { internalFailure, type UnitOutcome } from './unit-outcome.js';
import type { SummaryJob, WorkerJob, WorkerReply, WorkerSetup } from './worker-protocol.js';
import type { SummaryRow } from './summary-row.js';
import { MIN_UNITS_FOR_WORKERS, workersFor } from './jobs.js';
import { holdHeapSmall, setsYoungGeneration } from './memory.js';

/** Units handed to a worker ahead, so it never waits for its next unit to come across. */
const PREFETCH = 2;

/**
 * A worker's young generation, in MB (V8 makes it three semi-spaces of a third of this), unless the process was started
 * with a semi-space size of its own (memory.ts). Note: V8's default lets each heap's new space grow to 32 MB (16 MB
 * semi-spaces); with 8 MB a unit is scavenged about twice instead of once and ~1.5 MB of it is promoted instead of
 * ~1.25 MB (--trace-gc-nvp; bench/allocation.ts --promoted says what). 1,000 units, two workers: 284–296 MiB at ~10 %
 * more time than the old pool's 333–375 MiB; 12 MB gave 267–279 MiB but ~25 % more time (bench/RESULTS.md, eighth round).
 */
export const WORKER_YOUNG_GENERATION_MB = 24;

/**
 * Resolves on the event loop's next turn. Note: a unit's file operations are synchronous (context.ts), so a worker
 * running one unit after another never waits for its loop; it lets the loop turn between units, or the units sent
 * meanwhile would wait.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The compiled worker next to this module, if there is one (there is none when running the .ts sources). */
function workerScript(): URL | undefined {
  const url = new URL('./worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

type Job = { readonly index: number; readonly file: string };

/**
 * Runs `files` (the `index`th is files[index]) and reports each outcome as it finishes, in any order; resolves with how
 * many units each worker thread ran (none when every unit ran on this thread).
 * Note: with workers, this thread runs no unit itself (but those a worker out of memory gave back): its heap stays
 * small while the workers' heaps, the only ones that hold units, have a small young generation of their own. When this
 * thread ran units beside the workers, its heap (whose young generation only the command line sets) was the largest
 * in the process: 1,000 units peaked at 333–375 MiB, now 284–296 (bench/RESULTS.md, eighth round).
 */
export async function runUnits(
  files: readonly Job[],
  ctx: RunContext,
  write: boolean,
  jobs: number | 'auto',
  onDone: (index: number, o: UnitOutcome) => void,
): Promise<UnitsRun> {
  const here = async (job: Job) => onDone(job.index, await runBatchUnit(job.file, ctx, write));
  const script = workerScript();
  const queue = [...files];
  const count = !script || ctx.fs !== nodeFs ? 0 : workersFor(files.length, jobs, write, availableParallelism());
  // Note: a large batch keeps every heap small (memory.ts), on this thread and in the workers started below.
  const nodeOptions = (ctx.options.env ?? process.env)['NODE_OPTIONS'];
  const restoreHeap = files.length >= MIN_UNITS_FOR_WORKERS ? holdHeapSmall(nodeOptions) : undefined;
  const limits = setsYoungGeneration(process.execArgv, nodeOptions) ? {} : { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  const kept: { helper?: Helper } = {};
  try {
    const workers = Array.from({ length: count }, () => startWorker(script!, ctx, write, limits, queue, onDone, kept));
    const ended = await Promise.all(workers);
    // Note: units a failed worker had been sent ahead are back in the queue; without workers, the queue is all.
    for (const job of [...ended.flatMap((w) => w.retry), ...queue.splice(0)]) await here(job);
    return { ran: ended.map((w) => w.ran), ...(kept.helper ? { helper: kept.helper } : {}) };
  } catch (e) {
    kept.helper?.close();
    throw e;
  } finally {
    restoreHeap?.();
  }
}

/** What `runUnits` did: how many units each worker thread ran, and the worker kept to build 汇总表, if one was. */
export interface UnitsRun {
  readonly ran: number[];
  /** Set when workers ran; the caller must close it. */
  readonly helper?: Helper;
}

/**
 * A worker kept after its last unit, with exceljs and jixiao's XLSX writer loaded and compiled: it builds 汇总表's bytes
 * while this thread, which has loaded neither, saves the outputs and the manifest. Note: on this thread 汇总表 of 1,000
 * units took ~0.9 s at the end of the build, after every worker had finished (module loading, cold code and the
 * collections of a heap kept small); see bench/RESULTS.md, tenth round.
 */
export interface Helper {
  /** 汇总表's bytes for these rows (summaryWorkbookBytes); rejects if the worker fails or has ended. */
  summaryBytes(rows: readonly SummaryRow[]): Promise<Uint8Array>;
  /** Ends the worker. */
  close(): void;
}

/** The kept worker as a Helper: one request at a time, each answered by one message. */
function helperOf(worker: Worker): Helper {
  let ended: Error | undefined;
  let waiting: { resolve: (b: Uint8Array) => void; reject: (e: Error) => void } | undefined;
  const fail = (e: Error) => {
    ended ??= e;
    waiting?.reject(e);
    waiting = undefined;
  };
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('工作线程已结束')));
  worker.on('message', (reply: WorkerReply) => {
    if (!('summary' in reply)) return;
    if (reply.summary instanceof Uint8Array) waiting?.resolve(reply.summary);
    else waiting?.reject(new Error(reply.summary.error));
    waiting = undefined;
  });
  return {
    summaryBytes: (rows) =>
      new Promise((resolve, reject) => {
        if (ended || waiting) return reject(ended ?? new Error('汇总表已在生成'));
        waiting = { resolve, reject };
        worker.postMessage({ summary: rows } satisfies SummaryJob);
      }),
    close: () => void worker.terminate(),
  };
}

/**
 * A worker with heap `limits` that takes jobs from `queue` until it is empty; resolves with the jobs to retry on the
 * main thread and the number of units it ran.
 */
function startWorker(
  script: URL,
  ctx: RunContext,
  write: boolean,
  limits: ResourceLimits,
  queue: Job[],
  onDone: (index: number, o: UnitOutcome) => void,
  kept: { helper?: Helper },
): Promise<{ retry: Job[]; ran: number }> {
  const { fs: _fs, ...context } = ctx.options;
  const worker = new Worker(script, { workerData: { context, write } satisfies WorkerSetup, resourceLimits: limits });
  const pending: WorkerJob[] = [];
  const retry: Job[] = [];
  let ran = 0;
  let finish: (() => void) | undefined;
  const feed = () => {
    while (pending.length < PREFETCH && queue.length > 0) {
      const job = queue.shift()!;
      pending.push(job);
      worker.postMessage(job);
    }
    if (pending.length > 0) return;
    // Note: the first worker out of units is kept (it is done with them) for 汇总表; the others end.
    if (kept.helper) void worker.terminate();
    else {
      kept.helper = helperOf(worker);
      finish?.();
    }
  };
  worker.on('message', (reply: WorkerReply) => {
    if ('summary' in reply) return;
    pending.splice(
      pending.findIndex((j) => j.index === reply.index),
      1,
    );
    ran += 1;
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
  const ended = new Promise<{ retry: Job[]; ran: number }>((resolve) => {
    finish = () => resolve({ retry, ran });
    worker.on('exit', () => {
      const [current, ...ahead] = pending.splice(0);
      if (current) onDone(current.index, internalFailure(current.file, new Error('工作线程意外退出')));
      queue.unshift(...ahead);
      resolve({ retry, ran });
    });
  });
  feed();
  return ended;
}
