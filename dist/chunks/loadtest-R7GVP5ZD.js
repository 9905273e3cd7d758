import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  checkObjectives
} from "./chunk-AERWSWSD.js";
import {
  pacedLoad,
  readReplayFile,
  replayBodies,
  requestJson
} from "./chunk-TJ7LOYJS.js";
import "./chunk-VHONKP4V.js";
import "./chunk-D4WWN4FX.js";
import {
  silentProgress
} from "./chunk-HD4PHYYH.js";
import {
  escapeCell,
  escapeMarkdown
} from "./chunk-KFMS7UDB.js";
import {
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-A7ELOP3Y.js";
import {
  InputError,
  describeError
} from "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/stages/loadtest.ts
import { join } from "node:path";

// src/loadtest/markdown.ts
var f2 = (x) => x.toFixed(2);
function row(what, m) {
  const rss = m.rss_mb === null ? "—" : m.rss_mb.toFixed(0);
  return `| ${what} | ${m.target_rps} | ${m.achieved_rps.toFixed(1)} | ${f2(m.latency_ms.p50)} | ${f2(m.latency_ms.p95)} | ${f2(m.latency_ms.p99)} | ${(100 * m.error_rate).toFixed(2)} % | ${rss} |`;
}
function loadTestMarkdown(report) {
  const icon = report.verdict === "pass" ? "✅ passed" : "❌ failed";
  const version = report.candidate.version === null ? "" : `@v${report.candidate.version}`;
  const stable = report.stable?.version ? ` against stable v${report.stable.version}` : "";
  const source = report.rate.source === "production" ? ` (production's observed ${f2(report.rate.observed_rps ?? 0)} req/s × ${report.rate.headroom} headroom)` : "";
  const lines = [
    `## Load test ${escapeMarkdown(report.model)}${version}: ${icon}`,
    "",
    `${escapeMarkdown(report.summary, Infinity)}`,
    "",
    `Open loop at ${report.rate.rps} req/s${source}${stable}, ${report.duration_s} s per version in alternating slices, ${report.rows} distinct request rows; latency from each request's scheduled send time.`,
    "",
    "| objective | limit | measured | |",
    "|---|---|---|---|",
    ...report.objectives.map(
      (o) => `| ${o.objective} | ${o.limit} | ${escapeCell(o.detail, Infinity)} | ${o.passed ? "✅" : "❌"} |`
    ),
    ""
  ];
  if (report.infrastructure.length > 0) {
    lines.push("| infrastructure check | | |", "|---|---|---|");
    for (const c of report.infrastructure)
      lines.push(`| ${escapeCell(c.name)} | ${escapeCell(c.detail, 500)} | ${c.passed ? "✅" : "❌"} |`);
    lines.push("");
  }
  lines.push(
    "| version | rate asked | achieved req/s | p50 ms | p95 ms | p99 ms | errors | RSS MB |",
    "|---|---|---|---|---|---|---|---|"
  );
  for (const p of report.points) {
    lines.push(row(`candidate${version}`, p.candidate));
    if (p.stable) lines.push(row(`stable v${report.stable?.version ?? "?"}`, p.stable));
  }
  return `${lines.join("\n")}
`;
}

// src/loadtest/measure.ts
async function measureAt(candidate, stable, run) {
  const endpoints = stable ? [candidate, stable] : [candidate];
  const acc = endpoints.map(() => ({
    latencies: [],
    sliceP99: [],
    errors: 0,
    sent: 0,
    ms: 0,
    rss: 0
  }));
  const slices = Math.max(1, Math.round(run.durationMs / run.sliceMs));
  const perSlice = Math.max(1, Math.round(run.rate * run.durationMs / 1e3 / slices));
  const span = perSlice * 1e3 / run.rate;
  const t0 = performance.now();
  const turns = [];
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
  const measured = acc.map((a, i) => measurement(a, run.rate, endpoints[i].rss !== void 0));
  return {
    rate: run.rate,
    candidate: measured[0],
    stable: measured[1] ?? null,
    slice_p99_ms: stable ? { candidate: acc[0].sliceP99, stable: acc[1].sliceP99 } : null
  };
}
function measurement(a, rate, local2) {
  const sorted = Float64Array.from(a.latencies).sort();
  return {
    target_rps: rate,
    achieved_rps: a.ms > 0 ? a.sent / (a.ms / 1e3) : 0,
    requests: a.sent,
    errors: a.errors,
    error_rate: a.sent > 0 ? a.errors / a.sent : 0,
    latency_ms: summarize(sorted),
    rss_mb: local2 ? a.rss / (1024 * 1024) : null
  };
}
function summarize(sorted) {
  const n = sorted.length;
  if (n === 0) return { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const at = (q) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
  let sum = 0;
  for (const x of sorted) sum += x;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[n - 1], mean: sum / n };
}

// src/loadtest/observed-rate.ts
function requestsTotal(text) {
  let total = 0;
  let seen = text.includes("# TYPE mlci_requests_total counter");
  for (const line of text.split("\n")) {
    if (!line.startsWith("mlci_requests_total")) continue;
    const value = Number(line.slice(line.lastIndexOf(" ") + 1));
    if (Number.isFinite(value)) {
      total += value;
      seen = true;
    }
  }
  return seen ? total : null;
}
async function scrape(metricsUrl) {
  let answer;
  try {
    answer = await requestJson("GET", metricsUrl, { timeoutMs: 1e4 });
  } catch (error) {
    throw new InputError(
      `cannot read the production server's metrics at ${metricsUrl}: ${error.message}`
    );
  }
  if (answer.status !== 200)
    throw new InputError(`${metricsUrl} answered HTTP ${answer.status}, not the server's metrics`);
  const total = requestsTotal(answer.text);
  if (total === null) throw new InputError(`${metricsUrl} has no mlci_requests_total: is it an mlci server?`);
  return total;
}
async function observedRate(serverUrl, windowMs, sleep = defaultSleep) {
  const metricsUrl = new URL("/metrics", serverUrl).toString();
  const first = await scrape(metricsUrl);
  const started = performance.now();
  await sleep(windowMs);
  const second = await scrape(metricsUrl);
  const rate = (second - first) / ((performance.now() - started) / 1e3);
  if (!(rate > 0)) {
    throw new InputError(
      `the production server at ${serverUrl} answered no requests in ${(windowMs / 1e3).toFixed(1)} s: set deploy.load_test.rate (or --rate) to load-test at a given rate`
    );
  }
  return rate;
}
var defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// src/loadtest/smoke.ts
async function smokeRequest(name, inferUrl, body) {
  const started = performance.now();
  try {
    const answer = await requestJson("POST", inferUrl, { raw: body, timeoutMs: 3e4 });
    const ms = (performance.now() - started).toFixed(1);
    const outputs = answer.body?.outputs;
    if (answer.status === 200 && Array.isArray(outputs) && outputs.length > 0)
      return { name, passed: true, detail: `answered a request row in ${ms} ms` };
    const error = answer.body?.error;
    return {
      name,
      passed: false,
      detail: `a request row got HTTP ${answer.status}${typeof error === "string" ? `: ${error.slice(0, 300)}` : " without outputs"}`
    };
  } catch (error) {
    return { name, passed: false, detail: `no answer: ${describeError(error)}` };
  }
}

// src/stages/loadtest.ts
async function runLoadTest(options) {
  const progress = options.progress ?? silentProgress;
  const started = (/* @__PURE__ */ new Date()).toISOString();
  const rows = await readReplayFile(options.replay, options.dropColumns);
  const rate = await targetRate(options, progress);
  const infrastructure = [];
  const opened = [];
  let points = [];
  let candidate;
  let stable;
  try {
    candidate = await openCandidate(options, infrastructure);
    if (candidate) opened.push(candidate);
    if (candidate && options.kserve && options.version !== void 0)
      infrastructure.push(...await kserveChecks(options, options.version, options.kserve));
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
      progress.info(`load test: ${smoke.name} ${smoke.passed ? "passed" : "FAILED"} (${smoke.detail})`);
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
  progress.info(`load test: ${report.verdict === "pass" ? "passed" : "FAILED"}: ${report.summary}`);
  return write(options, report);
}
async function targetRate(options, progress) {
  if (options.rate !== void 0)
    return { rps: options.rate, source: "config", observed_rps: null, headroom: null };
  if (!options.productionServer) {
    throw new InputError(
      "the load test needs a rate: set deploy.load_test.rate (or --rate), or a production server (deploy.server, --production-url) whose traffic sets it"
    );
  }
  const observeMs = options.observeMs ?? 5e3;
  progress.info(`load test: observing ${options.productionServer} for ${(observeMs / 1e3).toFixed(0)} s`);
  const observed = await observedRate(options.productionServer, observeMs);
  const rps = Math.max(1, Math.round(observed * options.headroom));
  return { rps, source: "production", observed_rps: observed, headroom: options.headroom };
}
async function openCandidate(options, checks) {
  if (options.url) return remote(options.url, options.model, null, "candidate");
  if (options.version === void 0)
    throw new InputError("the load test needs --version (or --url of a running server)");
  const record = await options.registry.resolve({ name: options.model, version: options.version });
  if (!record)
    throw new InputError(`model "${options.model}" has no version v${options.version} in the registry`);
  const label = `candidate v${options.version} in the local server`;
  try {
    const running = await local(options, options.version, "candidate");
    checks.push({
      name: `${label}: load`,
      passed: true,
      detail: `loaded in mlci serve's stack (sha256 ${record.sha256.slice(0, 12)})`
    });
    return running;
  } catch (error) {
    checks.push({ name: `${label}: load`, passed: false, detail: error.message });
    return null;
  }
}
async function kserveChecks(options, version, kserve) {
  const { renderInferenceService } = await import("./kserve-CZST4MV3.js");
  const { kserveRuntimeCheck } = await import("./kserve-runtime-TUPXUDM6.js");
  const manifest = renderInferenceService({ model: options.model, version, ...kserve });
  const checks = [
    {
      name: "kserve manifest",
      passed: true,
      detail: `InferenceService ${manifest.metadata.namespace}/${manifest.metadata.name} matches KServe's schema`
    }
  ];
  const runtime = await kserveRuntimeCheck(options.registry, options.model, version, kserve);
  checks.push(
    runtime ? { name: "kserve runtime", ...runtime } : {
      name: "kserve runtime",
      passed: true,
      detail: "not checked: deploy.kserve.onnxruntime does not declare the runtime image's ONNX Runtime version"
    }
  );
  return checks;
}
async function openStable(options) {
  if (options.url) return options.stableUrl ? remote(options.stableUrl, options.model, null, "stable") : null;
  const stable = await options.registry.resolve({ name: options.model, alias: options.alias });
  if (!stable || stable.version === options.version) return null;
  return local(options, stable.version, "stable");
}
function remote(base, model, version, role) {
  let url;
  try {
    url = new URL(`/v2/models/${encodeURIComponent(model)}/infer`, base).toString();
  } catch {
    throw new InputError(`${role} URL "${base}" is not a URL such as http://127.0.0.1:8080`);
  }
  return { endpoint: { url }, version, label: `${role} ${base}`, close: async () => void 0 };
}
async function local(options, version, role) {
  const { ModelServer } = await import("./server-PVIYFJ6F.js");
  const { registrySource } = await import("./source-TSMH7A4R.js");
  const server = await ModelServer.start({
    model: { name: options.model, version },
    source: registrySource(options.registry),
    port: 0,
    processMetrics: false,
    ...options.serve
  });
  const url = new URL(`/v2/models/${encodeURIComponent(options.model)}/infer`, server.url).toString();
  return {
    endpoint: { url, rss: () => process.memoryUsage.rss() },
    version,
    label: `${role} v${version}`,
    close: () => server.close(1e3)
  };
}
async function featureNames(inferUrl) {
  const answer = await requestJson("GET", inferUrl.replace(/\/infer$/, "")).catch(() => null);
  const names = answer?.body?.parameters?.feature_names;
  return Array.isArray(names) ? names : null;
}
async function ramp(options, rps, candidate, stable, bodies, progress) {
  const sliceMs = Math.min(1e3, Math.max(100, options.durationMs / 12));
  const rates = [...options.ramp.map((f) => Math.max(1, Math.round(f * rps))), rps];
  await measureAt(candidate.endpoint, stable?.endpoint ?? null, {
    bodies,
    rate: rates[0],
    durationMs: Math.max(200, options.durationMs / 10),
    sliceMs
  });
  const points = [];
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
    const s = point.stable ? ` · stable p99 ${point.stable.latency_ms.p99.toFixed(2)} ms` : "";
    progress.finish(
      `candidate ${c.achieved_rps.toFixed(0)} req/s, p99 ${c.latency_ms.p99.toFixed(2)} ms, ${c.errors} errors${s}`
    );
    points.push(point);
  }
  return points;
}
function decide(options, run) {
  const target = run.points[run.points.length - 1];
  const objectives = target ? checkObjectives(target, options.objectives) : [];
  const failedInfra = run.infrastructure.filter((c) => !c.passed);
  const failed = objectives.filter((o) => !o.passed);
  const verdict = failedInfra.length === 0 && failed.length === 0 && target ? "pass" : "fail";
  const summary = failedInfra.length > 0 ? `infrastructure check failed: ${failedInfra.map((c) => `${c.name}: ${c.detail}`).join("; ")}` : failed.length > 0 ? `objective failed: ${failed.map((o) => `${o.objective}: ${o.detail}`).join("; ")}` : `all ${objectives.length} objectives met at ${run.rate.rps} req/s (candidate p99 ${target.candidate.latency_ms.p99.toFixed(2)} ms)`;
  return {
    model: options.model,
    candidate: {
      version: options.url ? null : options.version ?? null,
      endpoint: run.candidate?.label ?? "not started"
    },
    stable: run.stable ? { version: run.stable.version, endpoint: run.stable.label } : null,
    rate: run.rate,
    duration_s: options.durationMs / 1e3,
    rows: run.rows,
    infrastructure: run.infrastructure,
    points: run.points,
    objectives,
    verdict,
    summary,
    started: run.started,
    finished: (/* @__PURE__ */ new Date()).toISOString()
  };
}
async function write(options, report) {
  const markdown = loadTestMarkdown(report);
  const files = [];
  if (options.out) {
    await writeJsonAtomic(join(options.out, "loadtest.json"), report);
    await writeFileAtomic(join(options.out, "loadtest.md"), markdown);
    files.push(join(options.out, "loadtest.json"), join(options.out, "loadtest.md"));
  }
  return { report, markdown, files, exitCode: report.verdict === "pass" ? 0 : 1 };
}
async function loadTestBeforeTraffic(step, run) {
  const { model, version, registry, alias, out, progress } = run;
  progress?.info(`load test of ${model}@v${version} before the first traffic step`);
  return runLoadTest({ ...step, model, version, registry, alias, out, progress });
}
function withLoadTest(result, loadTest) {
  return loadTest ? { ...result, loadTest, files: [...loadTest.files, ...result.files] } : result;
}
export {
  loadTestBeforeTraffic,
  runLoadTest,
  withLoadTest
};
