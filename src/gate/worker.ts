import { Worker } from 'node:worker_threads';

/** A bootstrap worker thread: `ref()` keeps the process alive while a caller waits on `finished`. */
export interface StartedWorker {
  ref(): void;
  finished: Promise<void>;
}

/**
 * Starts a worker thread from kernel source with its job; it posts one message when its share of the
 * resamples is written. Unref'd: a process that exits without joining does not wait for the resamples.
 */
export function startKernelWorker(source: string, workerData: unknown): StartedWorker {
  const worker = new Worker(source, { eval: true, workerData });
  const finished = new Promise<void>((resolve, reject) => {
    worker.once('message', () => {
      resolve();
      void worker.terminate();
    });
    worker.once('error', reject);
  });
  // After the listeners: adding a 'message' listener refs the worker's port again.
  worker.unref();
  // Rejections surface when the caller awaits `finished`; until then one must not crash the process as unhandled.
  finished.catch(() => undefined);
  return { ref: () => worker.ref(), finished };
}

/**
 * The source of an eval worker: it compiles the kernels (a function body returning them), calls
 * `work` with `args` (expressions over `workerData`) until no resample is left, then says so.
 */
export function kernelWorkerSource(kernelSource: string, args: string): string {
  return `
const { parentPort, workerData } = require('node:worker_threads');
const k = (function () {${kernelSource}})();
k.work(${args});
parentPort.postMessage('done');
`;
}
