import { lazyText, type LoadedColumns } from '../data/columns.js';
import { runBatches, type LoadedSession } from '../model/inference.js';
import type { Spread } from '../gate/noise.js';

/** Timed passes per model: enough for a median and a range that a single slow pass does not set. */
export const LATENCY_PASSES = 7;
/** Rows of each timed pass: the first rows of the data, so a pass costs milliseconds on any file. */
export const LATENCY_ROWS = 20_000;

function firstRows(data: LoadedColumns, rows: number): LoadedColumns {
  if (rows >= data.rowCount) return data;
  const numeric = Object.fromEntries(Object.entries(data.numeric).map(([k, v]) => [k, v.subarray(0, rows)]));
  const coded = data.coded
    ? Object.fromEntries(
        Object.entries(data.coded).map(([k, c]) => [
          k,
          { codes: c.codes.subarray(0, rows), values: c.values }
        ])
      )
    : undefined;
  // By key, not entries: a coded column's strings are decoded only if a model reads them.
  const text: LoadedColumns['text'] = {};
  for (const k of Object.keys(data.text)) {
    if (coded?.[k]) lazyText(text, k, coded[k]);
    else text[k] = data.text[k].slice(0, rows);
  }
  return { rowCount: rows, numeric, text, ...(coded ? { coded } : {}) };
}

/** The median and range of samples. */
export function spreadOf(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, low: sorted[0], high: sorted[sorted.length - 1], passes: sorted.length };
}

/**
 * Latency measured, not sampled once: every model runs LATENCY_PASSES timed passes over the same
 * first rows, the models alternating batch by batch (see runBatches), and each model's latency is
 * the median ms per 1,000 rows with the range of its passes.
 */
export async function measureLatency(
  sessions: LoadedSession[],
  data: LoadedColumns,
  batchSize: number,
  dataSource: string
): Promise<Spread[]> {
  const sample = firstRows(data, Math.min(data.rowCount, LATENCY_ROWS));
  if (sample.rowCount === 0) return sessions.map(() => ({ median: 0, low: 0, high: 0, passes: 0 }));
  const samples: number[][] = sessions.map(() => []);
  for (let pass = 0; pass < LATENCY_PASSES; pass++) {
    const outputs = await runBatches(sessions, sample, batchSize, dataSource);
    outputs.forEach((o, m) => samples[m].push((o.runMs / sample.rowCount) * 1000));
  }
  return samples.map(spreadOf);
}
