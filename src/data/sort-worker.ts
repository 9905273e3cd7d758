// Sorting numeric columns on a worker thread: the main thread walks one column while the worker
// sorts the next, so the sort (the largest part of a numeric column's JS work) no longer holds the
// main thread (bench/validate-data/README.md). Buffers move by transfer, never by copy.
import { Worker } from 'node:worker_threads';
import type { CountChunk } from './numeric.js';
import { runs, sortDoubles } from './sorted-values.js';

/** What the worker hands back: the runs, and the (transferred) buffer it sorted in. */
export interface SortedRuns {
  runs: CountChunk;
  buffer: Float64Array;
}

interface Reply {
  id: number;
  buffer: ArrayBuffer;
  values: Float64Array;
  counts: Float64Array;
}

/** The worker's program: the same two functions, from their source text (both are self-contained). */
function program(): string {
  return [
    "const { parentPort } = require('node:worker_threads');",
    `const sortDoubles = (${sortDoubles.toString()});`,
    `const runs = (${runs.toString()});`,
    'let spare = new Float64Array(0);',
    "parentPort.on('message', ({ id, buffer, n }) => {",
    '  if (spare.length < n) spare = new Float64Array(n);',
    '  const r = runs(sortDoubles(new Float64Array(buffer, 0, n), spare));',
    '  parentPort.postMessage({ id, buffer, values: r.values, counts: r.counts }, [buffer, r.values.buffer, r.counts.buffer]);',
    '});'
  ].join('\n');
}

/** One worker thread that sorts columns into runs, one request at a time. */
export class SortWorker {
  private readonly worker = new Worker(program(), { eval: true });
  private readonly pending = new Map<
    number,
    { resolve: (r: SortedRuns) => void; reject: (e: Error) => void }
  >();
  private next = 0;

  constructor() {
    // Never what keeps the process alive; close() ends it.
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve({
        runs: { values: reply.values, counts: reply.counts },
        buffer: new Float64Array(reply.buffer)
      });
    });
    this.worker.on('error', (error: Error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
  }

  /** Sorts the first n values of `values` into runs; `values` is transferred (unusable until returned). */
  sort(values: Float64Array, n: number): Promise<SortedRuns> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, buffer: values.buffer, n }, [values.buffer as ArrayBuffer]);
    });
  }

  /** Ends the thread. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
