/** 主线程与工作线程之间的消息：建立上下文所需的选项、派出的单位与汇总表、发回的结果（都是纯数据）。 */
import type { ContextOptions } from './context.js';
import type { SummaryRow } from './summary-row.js';
import type { UnitOutcome } from './unit-outcome.js';

/** What a worker thread needs to make the same context as the main thread. */
export interface WorkerSetup {
  readonly context: Omit<ContextOptions, 'fs'>;
  readonly write: boolean;
}

/** A unit to run: its index in the batch and its input file. */
export interface WorkerJob {
  readonly index: number;
  readonly file: string;
}
/** 汇总表 to build from these rows (summaryWorkbookBytes), after the worker's last unit. */
export interface SummaryJob {
  readonly summary: readonly SummaryRow[];
}
export type WorkerRequest = WorkerJob | SummaryJob;

/** The answer to a job, or 汇总表's bytes (or why they could not be made). */
export type WorkerReply = { readonly index: number; readonly outcome: UnitOutcome } | { readonly summary: Uint8Array | { readonly error: string } };
