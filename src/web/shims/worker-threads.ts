/** node:worker_threads for the browser build: the page runs on the main thread only. */
export const threadId = 0;
export const isMainThread = true;
export const parentPort = null;
export const workerData = undefined;
