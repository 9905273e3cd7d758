import { Worker } from 'node:worker_threads';

/**
 * Fresh memory below which touching it on the calling thread is cheaper than starting a helper
 * (a helper thread costs ≈ 30 ms to start; a fresh page ≈ 3.5 ms per MB on a small VM, see
 * bench/evaluate/README.md).
 */
export const HELPER_MIN_BYTES = 16 << 20;

/** Rows per step of the helper: one 4 KiB page of a Float64 column. */
const ROWS_PER_STEP = 512;

/** How far the helper may run ahead of the rows filled: the output is sized from an estimate, which may be high. */
export const ROWS_AHEAD = 1 << 18;

/** Control words shared with the helper: rows filled so far, and 1 once the reader is done. */
const FILLED = 0;
const DONE = 1;

/**
 * Touches every page of the columns in the order a reader fills them (rows ascending, all columns
 * in turn), at most ROWS_AHEAD rows past what is filled, until the reader is done.
 * `Atomics.add(…, 0)` writes without changing a value, so it races harmlessly with the reader's
 * own writes to a page the helper reaches late.
 */
const SOURCE = `
const { workerData } = require('node:worker_threads');
const { buffers, widths, rows, step, ahead, control } = workerData;
const views = buffers.map((b) => new Int32Array(b));
const state = new Int32Array(control);
for (let r = 0; r < rows && Atomics.load(state, ${DONE}) === 0; r += step) {
  for (;;) {
    const filled = Atomics.load(state, ${FILLED});
    if (r < filled + ahead || Atomics.load(state, ${DONE}) !== 0) break;
    Atomics.wait(state, ${FILLED}, filled, 1000);
  }
  for (let c = 0; c < views.length; c++) Atomics.add(views[c], (r * widths[c]) >> 2, 0);
}
`;

/** Output columns whose pages a helper thread may be faulting in; tell it how far they are filled. */
export interface PrefaultedColumns {
  /** One buffer per column, `rows` entries of its width. */
  buffers: ArrayBufferLike[];
  /** The rows filled so far (the helper stays at most ROWS_AHEAD past them). */
  filled(rows: number): void;
  /** Ends the helper (call it whatever the read's outcome). */
  done(): void;
  /** Settles when the helper has ended (at once without one). */
  finished: Promise<void>;
}

/**
 * Output columns of `rows` entries (`widths`: each column's bytes per entry, 8 or 4) in shared
 * memory whose pages a helper thread faults in ahead of the reader: a fresh page is slow to touch
 * on a small VM, and the reader's thread is the read's critical path. Below HELPER_MIN_BYTES in
 * all, plain buffers (the reader faults them as it fills them).
 */
export function prefaultedColumns(widths: number[], rows: number): PrefaultedColumns {
  const total = widths.reduce((sum, w) => sum + w * rows, 0);
  if (total < HELPER_MIN_BYTES)
    return {
      buffers: widths.map((w) => new ArrayBuffer(w * rows)),
      filled: () => {},
      done: () => {},
      finished: Promise.resolve()
    };
  const buffers = widths.map((w) => new SharedArrayBuffer(w * rows));
  const control = new SharedArrayBuffer(8);
  const state = new Int32Array(control);
  let finished = Promise.resolve();
  try {
    const helper = new Worker(SOURCE, {
      eval: true,
      workerData: { buffers, widths, rows, step: ROWS_PER_STEP, ahead: ROWS_AHEAD, control }
    });
    helper.unref();
    // Only a head start: should the helper fail, the reader faults what is left.
    finished = new Promise((resolve) => {
      helper.on('error', () => resolve());
      helper.on('exit', () => resolve());
    });
  } catch {
    // as above: without a helper the reader touches its pages itself
  }
  return {
    buffers,
    finished,
    filled: (n) => {
      Atomics.store(state, FILLED, n);
      Atomics.notify(state, FILLED);
    },
    done: () => {
      Atomics.store(state, DONE, 1);
      Atomics.notify(state, FILLED);
    }
  };
}
