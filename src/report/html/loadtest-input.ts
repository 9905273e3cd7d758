/**
 * Reads loadtest.json into what the report draws, through the types the load test writes it with
 * (src/loadtest/types.ts); a field that is not of its declared type is refused with the file and
 * field named.
 */
import type { LoadTestReport, Measurement, RatePoint } from '../../loadtest/types.js';
import { documentOf, type Field } from './check.js';

/** One version's latency at one rate, ms from scheduled send time. */
export interface LatencyAtRate {
  achievedRps: number;
  p50: number;
  p95: number;
  p99: number;
  errorRate: number;
}

/** One rate of the ramp: a point of the latency-vs-rate chart. */
export interface RateView {
  rate: number;
  candidate: LatencyAtRate;
  stable: LatencyAtRate | null;
}

/** What report.html shows of a load test. */
export interface LoadTestView {
  model: string;
  candidateVersion: number | null;
  stableVersion: number | null;
  verdict: 'pass' | 'fail';
  summary: string;
  points: RateView[];
  /** The checks that the candidate loads and answers in its serving stack. */
  infrastructure: { name: string; passed: boolean; detail: string }[];
  objectives: { objective: string; limit: number; passed: boolean; detail: string }[];
}

function readMeasurement(m: Field<Measurement>): LatencyAtRate {
  const latency = m.at('latency_ms');
  return {
    achievedRps: m.at('achieved_rps').number(),
    p50: latency.at('p50').number(),
    p95: latency.at('p95').number(),
    p99: latency.at('p99').number(),
    errorRate: m.at('error_rate').number()
  };
}

function readPoint(p: Field<RatePoint>): RateView {
  const rate = p.at('rate').number();
  if (rate <= 0) p.at('rate').fail('a rate above 0');
  return {
    rate,
    candidate: readMeasurement(p.at('candidate')),
    stable: p.at('stable').optional((s) => readMeasurement(s))
  };
}

/** Reads loadtest.json (already parsed); `file` names it in errors. */
export function readLoadTest(json: unknown, file = 'loadtest.json'): LoadTestView {
  const doc = documentOf<LoadTestReport>(file, json);
  const version = (f: Field<{ version: number | null } | null>) =>
    f.optional((v) => v.at('version').numberOrNull()) ?? null;
  return {
    model: doc.at('model').string(),
    candidateVersion: version(doc.at('candidate')),
    stableVersion: version(doc.at('stable')),
    verdict: doc.at('verdict').oneOf(['pass', 'fail'] as const),
    summary: doc.at('summary').string(),
    points: doc.at('points').array().map(readPoint),
    infrastructure: doc
      .at('infrastructure')
      .array()
      .map((c) => ({ name: c.at('name').string(), ...outcome(c) })),
    objectives: doc
      .at('objectives')
      .array()
      .map((o) => ({ objective: o.at('objective').string(), limit: o.at('limit').number(), ...outcome(o) }))
  };
}

/** Whether a check or an objective passed, and what it found. */
function outcome(f: Field<{ passed: boolean; detail: string }>): { passed: boolean; detail: string } {
  return { passed: f.at('passed').boolean(), detail: f.at('detail').string() };
}
