/** 工作线程：用主线程给的选项建立同样的运行上下文，逐个运行主线程派来的单位，把结果（纯数据）发回。 */
import { parentPort, workerData } from 'node:worker_threads';
import { createContext } from './context.js';
import { runBatchUnit } from './batch-unit.js';
import { nextTurn } from './pool.js';
import type { WorkerJob, WorkerReply, WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const ctx = await createContext(setup.context);
const port = parentPort;
if (!port) throw new Error('run/worker.js runs only as a worker thread');
// Note: the main thread sends a unit or two ahead; they run one after the other, never interleaved.
let chain = Promise.resolve();
port.on('message', (job: WorkerJob) => {
  // Note: the loop turns after each unit (pool.ts nextTurn), so that the units sent meanwhile are taken in.
  chain = chain
    .then(() => runBatchUnit(job.file, ctx, setup.write))
    .then((outcome) => port.postMessage({ index: job.index, outcome } satisfies WorkerReply))
    .then(nextTurn);
});
