// Open-loop measurement of two endpoints in alternating slices (docs/loadtest.md).
import { pacedLoad, type PacedSummary } from '../deploy/traffic.js';
import type { LatencySummary, Measurement, RatePoint } from './types.js';

/** A server under test: its infer URL and, when it runs here, a reading of its resident memory. */
export interface Endpoint {
  url: string;
  /** Resident memory in bytes of the process serving it (absent for a remote server). */
  rss?: () => number;
}

/** How to drive the endpoints at one rate. */
export interface SliceRun {
  bodies: string[];
  rate: number;
  /** Total time each endpoint is driven, ms. */
  durationMs: number;
  /** Length of one slice, ms: the endpoints take turns in ABBA order so a burst of load falls on both. */
  sliceMs: number;
  /** Called after each slice with the fraction done. */
  onSlice?: (done: number) => void;
}

interface Accumulator {
  latencies: number[];
  /** p99 of each slice. */
  sliceP99: number[];
  errors: number;
  sent: number;
  ms: number;
  rss: number;
}

/**
 * Drives `candidate` (and `stable`, when given) open-loop at `run.rate`: request i of a slice is due
 * at its start + i / rate whether or not earlier ones have answered, and its latency counts from
 * that scheduled time (no coordinated omission).
 */
export async function measureAt(
  candidate: Endpoint,
  stable: Endpoint | null,
  run: SliceRun
): Promise<RatePoint> {
  const endpoints = stable ? [candidate, stable] : [candidate];
  const acc: Accumulator[] = endpoints.map(() => ({
    latencies: [],
    sliceP99: [],
    errors: 0,
    sent: 0,
    ms: 0,
    rss: 0
  }));
  const slices = Math.max(1, Math.round(run.durationMs / run.sliceMs));
  const perSlice = Math.max(1, Math.round((run.rate * run.durationMs) / 1000 / slices));
  // One schedule for the whole run: each slice is due right after the one before it, whether or not
  // that one's answers are all in, so a pause while a slice drains delays the next slice's requests
  // and counts in their latency (no coordinated omission at slice boundaries either).
  const span = (perSlice * 1000) / run.rate;
  const t0 = performance.now();
  const turns: { endpoint: number; summary: Promise<PacedSummary> }[] = [];
  for (let s = 0; s < slices; s++) {
    const order = s % 2 === 0 ? endpoints.map((_, i) => i) : endpoints.map((_, i) => i).reverse();
    for (const i of order) {
      const start = t0 + turns.length * span;
      turns.push({
        endpoint: i,
        summary: pacedLoad({
          url: endpoints[i].url,
          bodies: run.bodies,
          rate: run.rate,
          count: perSlice,
          start
        })
      });
    }
  }
  for (const [k, turn] of turns.entries()) {
    const summary = await turn.summary;
    const a = acc[turn.endpoint];
    for (const latency of summary.latencies) a.latencies.push(latency);
    a.sliceP99.push(summarize(summary.latencies).p99);
    a.errors += summary.failed;
    a.sent += summary.sent;
    a.ms += summary.durationMs;
    a.rss = Math.max(a.rss, endpoints[turn.endpoint].rss?.() ?? 0);
    if ((k + 1) % endpoints.length === 0) run.onSlice?.((k + 1) / turns.length);
  }
  const measured = acc.map((a, i) => measurement(a, run.rate, endpoints[i].rss !== undefined));
  return {
    rate: run.rate,
    candidate: measured[0],
    stable: measured[1] ?? null,
    slice_p99_ms: stable ? { candidate: acc[0].sliceP99, stable: acc[1].sliceP99 } : null
  };
}

function measurement(a: Accumulator, rate: number, local: boolean): Measurement {
  const sorted = Float64Array.from(a.latencies).sort();
  return {
    target_rps: rate,
    achieved_rps: a.ms > 0 ? a.sent / (a.ms / 1000) : 0,
    requests: a.sent,
    errors: a.errors,
    error_rate: a.sent > 0 ? a.errors / a.sent : 0,
    latency_ms: summarize(sorted),
    rss_mb: local ? a.rss / (1024 * 1024) : null
  };
}

/** Percentiles of sorted latencies, nearest rank (the value below which q of the requests fall). */
export function summarize(sorted: Float64Array): LatencySummary {
  const n = sorted.length;
  if (n === 0) return { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const at = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
  let sum = 0;
  for (const x of sorted) sum += x;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[n - 1], mean: sum / n };
}
