/** 工作线程：用主线程给的选项建立同样的运行上下文，逐个运行主线程派来的单位，把结果（纯数据）发回；最后可为主线程生成汇总表。 */
import { parentPort, workerData } from 'node:worker_threads';
import { createContext } from './context.js';
import { runBatchUnit } from './batch-unit.js';
import { nextTurn } from './pool.js';
import { summaryWorkbookBytes } from './summary-workbook.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const ctx = await createContext(setup.context);
const port = parentPort;
if (!port) throw new Error('run/worker.js runs only as a worker thread');
const reply = (r: WorkerReply) => port.postMessage(r);
// Note: the main thread sends a unit or two ahead; they run one after the other, never interleaved.
let chain = Promise.resolve();
port.on('message', (job: WorkerRequest) => {
  // Note: the loop turns after each unit (pool.ts nextTurn), so that the units sent meanwhile are taken in.
  chain = chain
    .then(() =>
      'summary' in job
        ? summaryWorkbookBytes(job.summary, ctx).then(
            (summary) => reply({ summary }),
            (e: unknown) => reply({ summary: { error: e instanceof Error ? (e.stack ?? e.message) : String(e) } }),
          )
        : runBatchUnit(job.file, ctx, setup.write).then((outcome) => reply({ index: job.index, outcome })),
    )
    .then(nextTurn);
});
