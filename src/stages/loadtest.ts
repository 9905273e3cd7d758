// The load-test stage (`mlci loadtest`, and deploy-canary's step before the first traffic step):
// start candidate and stable in the serving stack (or use given URLs), check the candidate answers,
// drive both open-loop over a ramp of rates, gate on the objectives (docs/loadtest.md).
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { writeFileAtomic, writeJsonAtomic } from '../core/files.js';
import { silentProgress, type Progress } from '../core/progress.js';
import { requestJson } from '../deploy/http.js';
import { readReplayFile, replayBodies } from '../deploy/traffic.js';
import { loadTestMarkdown } from '../loadtest/markdown.js';
import { measureAt, type Endpoint } from '../loadtest/measure.js';
import { checkObjectives, type Objectives } from '../loadtest/objectives.js';
import { observedRate } from '../loadtest/observed-rate.js';
import { smokeRequest } from '../loadtest/smoke.js';
import type { InfrastructureCheck, LoadTestReport, RatePoint, RateSource } from '../loadtest/types.js';
import type { KServeOptions } from '../deploy/kserve.js';
import type { Registry } from '../registry/types.js';
import type { ModelServer } from '../serve/server.js';
import type { ServeModelSettings } from '../serve/options.js';

/** Inputs of `mlci loadtest` and of the load-test step of deploy-canary. */
export interface LoadTestOptions {
  model: string;
  /** Candidate version, started from the registry in the local serving stack (unless `url`). */
  version?: number;
  /** A running server to test instead (base URL, e.g. http://127.0.0.1:8080). */
  url?: string;
  /** A running server of the stable version to compare with (with `url`). */
  stableUrl?: string;
  registry: Registry;
  /** The alias of the stable version started beside a local candidate (production). */
  alias: string;
  /** Target rate, requests per second; without it, `productionServer`'s observed rate × `headroom`. */
  rate?: number;
  productionServer?: string;
  headroom: number;
  /** How long the production server's traffic is observed, ms. */
  observeMs?: number;
  durationMs: number;
  /** Fractions of the target rate measured before it (latency-vs-rate). */
  ramp: number[];
  /** Request rows (CSV or JSONL). */
  replay: string;
  /** Columns of the rows the model does not take (the label). */
  dropColumns: string[];
  objectives: Objectives;
  /** Server settings from mlci.yml's model section. */
  serve?: ServeModelSettings;
  /** The KServe target the rollout applies to: its manifest and runtime are checked too. */
  kserve?: KServeOptions;
  out?: string;
  progress?: Progress;
}

/** What a load test did: the report, its Markdown and the files written. */
export interface LoadTestResult {
  report: LoadTestReport;
  markdown: string;
  files: string[];
  exitCode: 0 | 1;
}

interface Running {
  endpoint: Endpoint;
  version: number | null;
  label: string;
  close(): Promise<void>;
}

/** Runs a load test and writes loadtest.json and loadtest.md to `out`. */
export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const progress = options.progress ?? silentProgress;
  const started = new Date().toISOString();
  const rows = await readReplayFile(options.replay, options.dropColumns);
  const rate = await targetRate(options, progress);
  const infrastructure: InfrastructureCheck[] = [];
  const opened: Running[] = [];
  let points: RatePoint[] = [];
  let candidate: Running | null;
  let stable: Running | null;
  try {
    candidate = await openCandidate(options, infrastructure);
    if (candidate) opened.push(candidate);
    if (candidate && options.kserve && options.version !== undefined)
      infrastructure.push(...(await kserveChecks(options, options.version, options.kserve)));
    stable = candidate ? await openStable(options) : null;
    if (stable) opened.push(stable);
    const bodies = candidate ? replayBodies(rows, await featureNames(candidate.endpoint.url)) : [];
    if (candidate) {
      const smoke = await smokeRequest(
        `${candidate.label}: smoke request`,
        candidate.endpoint.url,
        bodies[0]
      );
      infrastructure.push(smoke);
      progress.info(`load test: ${smoke.name} ${smoke.passed ? 'passed' : 'FAILED'} (${smoke.detail})`);
    }
    if (candidate && infrastructure.every((c) => c.passed)) {
      points = await ramp(options, rate.rps, candidate, stable, bodies, progress);
    }
  } finally {
    for (const server of opened.reverse()) await server.close();
  }
  const report = decide(options, {
    started,
    rate,
    rows: rows.rows.length + rows.raw.length,
    infrastructure,
    points,
    candidate,
    stable
  });
  progress.info(`load test: ${report.verdict === 'pass' ? 'passed' : 'FAILED'}: ${report.summary}`);
  return write(options, report);
}

/** The target rate: given, or the production server's observed rate × the headroom. */
async function targetRate(options: LoadTestOptions, progress: Progress): Promise<RateSource> {
  if (options.rate !== undefined)
    return { rps: options.rate, source: 'config', observed_rps: null, headroom: null };
  if (!options.productionServer) {
    throw new InputError(
      'the load test needs a rate: set deploy.load_test.rate (or --rate), or a production server (deploy.server, --production-url) whose traffic sets it'
    );
  }
  const observeMs = options.observeMs ?? 5000;
  progress.info(`load test: observing ${options.productionServer} for ${(observeMs / 1000).toFixed(0)} s`);
  const observed = await observedRate(options.productionServer, observeMs);
  const rps = Math.max(1, Math.round(observed * options.headroom));
  return { rps, source: 'production', observed_rps: observed, headroom: options.headroom };
}

/** The candidate: the given server, or the version started in the local serving stack (a load failure is a failed check). */
async function openCandidate(
  options: LoadTestOptions,
  checks: InfrastructureCheck[]
): Promise<Running | null> {
  if (options.url) return remote(options.url, options.model, null, 'candidate');
  if (options.version === undefined)
    throw new InputError('the load test needs --version (or --url of a running server)');
  const record = await options.registry.resolve({ name: options.model, version: options.version });
  if (!record)
    throw new InputError(`model "${options.model}" has no version v${options.version} in the registry`);
  const label = `candidate v${options.version} in the local server`;
  try {
    const running = await local(options, options.version, 'candidate');
    checks.push({
      name: `${label}: load`,
      passed: true,
      detail: `loaded in mlci serve's stack (sha256 ${record.sha256.slice(0, 12)})`
    });
    return running;
  } catch (error) {
    checks.push({ name: `${label}: load`, passed: false, detail: (error as Error).message });
    return null;
  }
}

/** The KServe manifest of the candidate (KServe's schema) and the runtime's ONNX Runtime (its opsets). */
async function kserveChecks(
  options: LoadTestOptions,
  version: number,
  kserve: KServeOptions
): Promise<InfrastructureCheck[]> {
  const { renderInferenceService } = await import('../deploy/kserve.js');
  const { kserveRuntimeCheck } = await import('../deploy/kserve-runtime.js');
  // A manifest KServe would refuse is a settings error (exit 2), as when the rollout renders it.
  const manifest = renderInferenceService({ model: options.model, version, ...kserve });
  const checks: InfrastructureCheck[] = [
    {
      name: 'kserve manifest',
      passed: true,
      detail: `InferenceService ${manifest.metadata.namespace}/${manifest.metadata.name} matches KServe's schema`
    }
  ];
  const runtime = await kserveRuntimeCheck(options.registry, options.model, version, kserve);
  checks.push(
    runtime
      ? { name: 'kserve runtime', ...runtime }
      : {
          name: 'kserve runtime',
          passed: true,
          detail:
            "not checked: deploy.kserve.onnxruntime does not declare the runtime image's ONNX Runtime version"
        }
  );
  return checks;
}

/** The stable version: the given server, or the alias's version started beside the candidate (none for a first version). */
async function openStable(options: LoadTestOptions): Promise<Running | null> {
  if (options.url) return options.stableUrl ? remote(options.stableUrl, options.model, null, 'stable') : null;
  const stable = await options.registry.resolve({ name: options.model, alias: options.alias });
  if (!stable || stable.version === options.version) return null;
  return local(options, stable.version, 'stable');
}

function remote(base: string, model: string, version: number | null, role: string): Running {
  let url: string;
  try {
    url = new URL(`/v2/models/${encodeURIComponent(model)}/infer`, base).toString();
  } catch {
    throw new InputError(`${role} URL "${base}" is not a URL such as http://127.0.0.1:8080`);
  }
  return { endpoint: { url }, version, label: `${role} ${base}`, close: async () => undefined };
}

async function local(options: LoadTestOptions, version: number, role: string): Promise<Running> {
  const { ModelServer } = await import('../serve/server.js');
  const { registrySource } = await import('../serve/source.js');
  const server: ModelServer = await ModelServer.start({
    model: { name: options.model, version },
    source: registrySource(options.registry),
    port: 0,
    processMetrics: false,
    ...options.serve
  });
  const url = new URL(`/v2/models/${encodeURIComponent(options.model)}/infer`, server.url).toString();
  // Both servers share this process: its resident memory is what the pair needs.
  return {
    endpoint: { url, rss: () => process.memoryUsage.rss() },
    version,
    label: `${role} v${version}`,
    close: () => server.close(1000)
  };
}

/** The columns the served model takes (other replay columns are left out), from its metadata. */
async function featureNames(inferUrl: string): Promise<string[] | null> {
  const answer = await requestJson('GET', inferUrl.replace(/\/infer$/, '')).catch(() => null);
  const names = (answer?.body as { parameters?: { feature_names?: unknown } } | null)?.parameters
    ?.feature_names;
  return Array.isArray(names) ? (names as string[]) : null;
}

/** Warms both up, then measures each fraction of the ramp (half the duration each) and the target rate. */
async function ramp(
  options: LoadTestOptions,
  rps: number,
  candidate: Running,
  stable: Running | null,
  bodies: string[],
  progress: Progress
): Promise<RatePoint[]> {
  // About 12 slices per version at the target rate: the ratio objective compares median slices.
  const sliceMs = Math.min(1000, Math.max(100, options.durationMs / 12));
  const rates = [...options.ramp.map((f) => Math.max(1, Math.round(f * rps))), rps];
  await measureAt(candidate.endpoint, stable?.endpoint ?? null, {
    bodies,
    rate: rates[0],
    durationMs: Math.max(200, options.durationMs / 10),
    sliceMs
  });
  const points: RatePoint[] = [];
  for (const [i, rate] of rates.entries()) {
    const last = i === rates.length - 1;
    const durationMs = last ? options.durationMs : Math.max(sliceMs, options.durationMs / 2);
    progress.start(`load test at ${rate} req/s`, 1);
    const point = await measureAt(candidate.endpoint, stable?.endpoint ?? null, {
      bodies,
      rate,
      durationMs,
      sliceMs,
      onSlice: (done) => progress.update(done)
    });
    const c = point.candidate;
    const s = point.stable ? ` · stable p99 ${point.stable.latency_ms.p99.toFixed(2)} ms` : '';
    progress.finish(
      `candidate ${c.achieved_rps.toFixed(0)} req/s, p99 ${c.latency_ms.p99.toFixed(2)} ms, ${c.errors} errors${s}`
    );
    points.push(point);
  }
  return points;
}

function decide(
  options: LoadTestOptions,
  run: {
    started: string;
    rate: RateSource;
    rows: number;
    infrastructure: InfrastructureCheck[];
    points: RatePoint[];
    candidate: Running | null;
    stable: Running | null;
  }
): LoadTestReport {
  const target = run.points[run.points.length - 1];
  const objectives = target ? checkObjectives(target, options.objectives) : [];
  const failedInfra = run.infrastructure.filter((c) => !c.passed);
  const failed = objectives.filter((o) => !o.passed);
  const verdict = failedInfra.length === 0 && failed.length === 0 && target ? 'pass' : 'fail';
  const summary =
    failedInfra.length > 0
      ? `infrastructure check failed: ${failedInfra.map((c) => `${c.name}: ${c.detail}`).join('; ')}`
      : failed.length > 0
        ? `objective failed: ${failed.map((o) => `${o.objective}: ${o.detail}`).join('; ')}`
        : `all ${objectives.length} objectives met at ${run.rate.rps} req/s (candidate p99 ${target.candidate.latency_ms.p99.toFixed(2)} ms)`;
  return {
    model: options.model,
    candidate: {
      version: options.url ? null : (options.version ?? null),
      endpoint: run.candidate?.label ?? 'not started'
    },
    stable: run.stable ? { version: run.stable.version, endpoint: run.stable.label } : null,
    rate: run.rate,
    duration_s: options.durationMs / 1000,
    rows: run.rows,
    infrastructure: run.infrastructure,
    points: run.points,
    objectives,
    verdict,
    summary,
    started: run.started,
    finished: new Date().toISOString()
  };
}

async function write(options: LoadTestOptions, report: LoadTestReport): Promise<LoadTestResult> {
  const markdown = loadTestMarkdown(report);
  const files: string[] = [];
  if (options.out) {
    await writeJsonAtomic(join(options.out, 'loadtest.json'), report);
    await writeFileAtomic(join(options.out, 'loadtest.md'), markdown);
    files.push(join(options.out, 'loadtest.json'), join(options.out, 'loadtest.md'));
  }
  return { report, markdown, files, exitCode: report.verdict === 'pass' ? 0 : 1 };
}

/** The load test deploy-canary runs before its first traffic step (mlci.yml `deploy.load_test`). */
export type LoadTestStep = Omit<
  LoadTestOptions,
  'model' | 'version' | 'registry' | 'alias' | 'out' | 'progress'
>;

/**
 * Runs the load-test step of a rollout: the candidate against stable in the local serving stack,
 * its files in the deploy's `out`. Returns the result; the caller stops the rollout when it failed.
 */
export async function loadTestBeforeTraffic(
  step: LoadTestStep,
  run: {
    model: string;
    version: number;
    registry: Registry;
    alias: string;
    out?: string;
    progress?: Progress;
  }
): Promise<LoadTestResult> {
  const { model, version, registry, alias, out, progress } = run;
  progress?.info(`load test of ${model}@v${version} before the first traffic step`);
  return runLoadTest({ ...step, model, version, registry, alias, out, progress });
}

/** A deploy result with the load test that preceded it (its files first). */
export function withLoadTest<R extends { files: string[] }>(
  result: R,
  loadTest: LoadTestResult | undefined
): R & { loadTest?: LoadTestResult } {
  return loadTest ? { ...result, loadTest, files: [...loadTest.files, ...result.files] } : result;
}
