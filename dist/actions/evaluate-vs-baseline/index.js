import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  renderEvaluationMarkdown
} from "../../chunks/chunk-YQQ3ZFQT.js";
import "../../chunks/chunk-JVGBYGGF.js";
import {
  buildEvaluateRequest
} from "../../chunks/chunk-VB6TYJ5Z.js";
import {
  GATE_KINDS
} from "../../chunks/chunk-ZK7UXQ2T.js";
import "../../chunks/chunk-ANVENSJ6.js";
import "../../chunks/chunk-IG76SEAK.js";
import "../../chunks/chunk-5CQ3ZZSA.js";
import "../../chunks/chunk-J2OQGLLM.js";
import "../../chunks/chunk-36UX5SSD.js";
import {
  actionBooleanInput,
  actionInput,
  actionLog,
  actionProgress,
  actionsCore,
  logLine,
  runAction
} from "../../chunks/chunk-CTNLEMLF.js";
import {
  configFileOr,
  loadOptionalConfig
} from "../../chunks/chunk-RF2U6RXN.js";
import "../../chunks/chunk-ALJEQPYT.js";
import "../../chunks/chunk-YP4LPTRV.js";
import "../../chunks/chunk-NVKBQ6B4.js";
import "../../chunks/chunk-USV7Y6Q5.js";
import "../../chunks/chunk-5FF76VVQ.js";
import "../../chunks/chunk-J2XJ3L6O.js";
import "../../chunks/chunk-4N7NCSDY.js";
import "../../chunks/chunk-U7QWIZPG.js";
import "../../chunks/chunk-RDRUDDB3.js";
import "../../chunks/chunk-KFMS7UDB.js";
import {
  writeJsonAtomic
} from "../../chunks/chunk-A7ELOP3Y.js";
import {
  InputError,
  describeError
} from "../../chunks/chunk-HRKM2MUG.js";
import "../../chunks/chunk-3CG65SHH.js";

// src/actions/evaluate-vs-baseline/main.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";

// src/evaluation/sanitize.ts
var METRIC = /^[a-z][a-z0-9_]{0,63}$/;
var SHA = /^[0-9a-f]{64}$/;
var isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var num = (v) => typeof v === "number" && Number.isFinite(v) ? v : null;
var str = (v, max = 500) => typeof v === "string" ? v.slice(0, max) : "";
var line = (v, max) => str(v, max).replace(/[\p{Cc}\u2028\u2029]+/gu, " ");
function metrics(v) {
  const out = {};
  if (!isRecord(v)) return out;
  for (const [k, x] of Object.entries(v)) if (METRIC.test(k)) out[k] = num(x);
  return out;
}
function texts(v) {
  const out = {};
  if (!isRecord(v)) return out;
  for (const [k, x] of Object.entries(v)) if (METRIC.test(k)) out[k] = str(x);
  return out;
}
function model(v) {
  if (!isRecord(v)) return null;
  const inference = isRecord(v.inference) ? v.inference : {};
  const cm = isRecord(v.confusion_matrix) ? v.confusion_matrix : null;
  return {
    source: str(v.source),
    sha256: SHA.test(str(v.sha256)) ? str(v.sha256) : "0".repeat(64),
    size_bytes: num(v.size_bytes) ?? 0,
    metrics: metrics(v.metrics),
    undefined_reasons: texts(v.undefined_reasons),
    notes: texts(v.notes),
    confusion_matrix: cm && Array.isArray(cm.labels) && Array.isArray(cm.counts) && cm.labels.length <= 50 ? {
      labels: cm.labels.map((l) => str(l, 100)),
      counts: cm.counts.slice(0, 50).map((row) => Array.isArray(row) ? row.slice(0, 50).map((x) => num(x) ?? 0) : [])
    } : null,
    calibration: null,
    curves: null,
    inference: {
      load_ms: num(inference.load_ms) ?? 0,
      ms_per_1000_rows: num(inference.ms_per_1000_rows) ?? 0,
      batch_size: num(inference.batch_size) ?? 0
    }
  };
}
function sanitizeEvaluation(raw) {
  if (!isRecord(raw) || raw.schema_version !== 1)
    throw new InputError("evaluation.json: not an mlci evaluation (schema_version 1)");
  const task = ["binary", "multiclass", "regression"].includes(raw.task) ? raw.task : null;
  const verdict = raw.verdict === "pass" || raw.verdict === "fail" ? raw.verdict : null;
  const candidate = model(raw.candidate);
  if (!task || !verdict || !candidate)
    throw new InputError("evaluation.json: missing task, verdict or candidate");
  const deltas = {};
  if (isRecord(raw.deltas)) {
    for (const [k, d] of Object.entries(raw.deltas)) {
      if (!METRIC.test(k) || !isRecord(d)) continue;
      const change = verdictOf(d.change);
      const iv = interval(d.interval);
      deltas[k] = {
        candidate: num(d.candidate),
        baseline: num(d.baseline),
        delta: num(d.delta),
        relative: num(d.relative),
        higher_is_better: d.higher_is_better !== false,
        change,
        ...iv ? { interval: iv } : {}
      };
    }
  }
  const gates = (Array.isArray(raw.gates) ? raw.gates : []).slice(0, 500).flatMap((g) => {
    if (!isRecord(g) || !METRIC.test(str(g.metric)) || !GATE_KINDS.includes(g.kind)) return [];
    const status = ["pass", "fail", "skipped"].includes(g.status) ? g.status : "fail";
    const slice = isRecord(g.slice) ? { column: str(g.slice.column, 100), value: str(g.slice.value, 100) } : void 0;
    return [
      {
        metric: str(g.metric),
        kind: g.kind,
        threshold: num(g.threshold) ?? 0,
        status,
        candidate: num(g.candidate),
        baseline: num(g.baseline),
        observed: num(g.observed),
        reason: str(g.reason),
        ...slice ? { slice } : {}
      }
    ];
  });
  const slices = (Array.isArray(raw.slices) ? raw.slices : []).slice(0, 1e3).flatMap(
    (s) => isRecord(s) ? [
      {
        column: str(s.column, 100),
        value: str(s.value, 100),
        rows: num(s.rows) ?? 0,
        candidate: isRecord(s.candidate) ? metrics(s.candidate) : null,
        baseline: isRecord(s.baseline) ? metrics(s.baseline) : null,
        ...typeof s.skipped === "string" ? { skipped: str(s.skipped) } : {},
        ...isRecord(s.undefined_reasons) ? {
          undefined_reasons: {
            candidate: texts(s.undefined_reasons.candidate),
            baseline: isRecord(s.undefined_reasons.baseline) ? texts(s.undefined_reasons.baseline) : null
          }
        } : {},
        ...sliceNoise(s)
      }
    ] : []
  );
  const data = isRecord(raw.data) ? raw.data : {};
  return {
    schema_version: 1,
    mlci_version: str(raw.mlci_version, 20),
    created: str(raw.created, 40),
    task,
    model_name: typeof raw.model_name === "string" ? str(raw.model_name, 100) : null,
    label: str(raw.label, 100),
    threshold: num(raw.threshold),
    data: { source: str(data.source), rows: num(data.rows) ?? 0 },
    candidate,
    baseline: model(raw.baseline),
    baseline_source: { kind: "none", ref: null, tried: [] },
    deltas,
    slices,
    min_slice_size: num(raw.min_slice_size) ?? 0,
    gates,
    bootstrap: null,
    drift: null,
    history: null,
    verdict,
    rubber_stamp: raw.rubber_stamp === true,
    summary: line(raw.summary, 1e3),
    timings_ms: {}
  };
}
function verdictOf(x) {
  if (x === "better" || x === "worse" || x === "within_noise") return x;
  return x === "same" ? "within_noise" : null;
}
function interval(x) {
  if (!isRecord(x)) return void 0;
  const [low, high, confidence] = [num(x.low), num(x.high), num(x.confidence)];
  if (low === null || high === null || confidence === null) return void 0;
  return { low, high, confidence, resamples: num(x.resamples) ?? 0, within_noise: low <= 0 && high >= 0 };
}
function sliceNoise(s) {
  if (!isRecord(s.intervals)) return {};
  const intervals = {};
  const change = {};
  for (const [k, v] of Object.entries(s.intervals)) {
    const iv = interval(v);
    if (!METRIC.test(k) || !iv) continue;
    intervals[k] = iv;
    change[k] = isRecord(s.change) ? verdictOf(s.change[k]) : null;
  }
  return { intervals, change };
}

// src/actions/evaluate-vs-baseline/inputs.ts
function readEvaluateInputs() {
  const optional = (name) => actionInput(name) || void 0;
  const gates = actionInput("gates").split(/[\n,]/).map((g) => g.trim()).filter((g) => g !== "");
  const publishFrom2 = actionInput("publish-from") || (actionInput("publish-from-run") ? "run" : "");
  return {
    publishFrom: publishFrom2,
    publishFromRun: actionInput("publish-from-run"),
    artifactName: actionInput("artifact-name", { fallback: "mlci-evaluation" }),
    expectedHeadSha: actionInput("expected-head-sha"),
    workflow: actionInput("workflow"),
    flags: {
      model: publishFrom2 ? actionInput("model") : actionInput("model", { required: true }),
      baseline: optional("baseline"),
      data: optional("data"),
      label: optional("label"),
      task: optional("task"),
      name: optional("name"),
      registry: optional("registry"),
      slices: optional("slices"),
      bootstrap: optional("bootstrap"),
      threshold: optional("threshold"),
      gate: gates,
      validation: optional("validation"),
      out: actionInput("out", { fallback: "mlci-out/evaluation" })
    },
    config: configFileOr(actionInput("config")),
    comment: actionBooleanInput("comment", true),
    checkRun: actionBooleanInput("check-run", true),
    failOnGate: actionBooleanInput("fail-on-gate", true),
    baselineArtifact: actionInput("baseline-artifact", { fallback: "mlci-model" }),
    baselineWorkflow: actionInput("baseline-workflow"),
    baselineBranch: actionInput("baseline-branch", { fallback: "main" }),
    token: actionInput("token") || process.env.GITHUB_TOKEN || ""
  };
}

// src/actions/evaluate-vs-baseline/main.ts
async function run() {
  await runAction(async () => {
    const inputs = readEvaluateInputs();
    const { loadRunContext } = await import("../../chunks/run-context-KNCDPXJK.js");
    const context = await loadRunContext(inputs.token);
    if (inputs.publishFrom) return publishFrom(inputs, context);
    const config = await loadOptionalConfig(inputs.config);
    const request = await buildEvaluateRequest(inputs.flags, config);
    if (context?.token && !request.baseline)
      request.artifactBaseline = () => artifactBaseline(inputs, context);
    const { evaluate } = await import("../../chunks/evaluate-WJV2VIH6.js");
    const result = await evaluate({ ...request, progress: actionProgress });
    const e = result.evaluation;
    logLine(e.summary);
    if (request.out) {
      const link = await writeHtmlReport(request.out, result.evaluation, inputs.flags.validation);
      if (link) result.markdown += reportLinkLine(inputs.artifactName, context?.runUrl ?? null);
    }
    if (context?.pullNumber && request.out) {
      await writeJsonAtomic(join(request.out, "pull-request.json"), {
        number: context.pullNumber,
        head_sha: context.headSha
      });
    }
    const outputs = {
      verdict: e.verdict,
      "rubber-stamp": String(e.rubber_stamp),
      report: result.files.find((f) => f.endsWith(".md")) ?? "",
      evaluation: result.files.find((f) => f.endsWith(".json")) ?? ""
    };
    if (context?.token) {
      const { publishEvaluation } = await import("../../chunks/publish-evaluation-2OGCCTXZ.js");
      const published = await publishEvaluation({
        context,
        evaluation: e,
        markdown: result.markdown,
        comment: inputs.comment,
        checkRun: inputs.checkRun,
        log: await actionLog()
      });
      if (published.commentId) outputs["comment-id"] = String(published.commentId);
    }
    return {
      outputFolder: request.out,
      outputs,
      summary: result.markdown,
      failure: e.verdict === "fail" && inputs.failOnGate ? e.summary : void 0
    };
  });
}
async function publishFrom(inputs, context) {
  if (!context || !context.token) throw new InputError("publish-from needs GITHUB_REPOSITORY and a token");
  const { githubClient } = await import("../../chunks/octokit-XYQDH4QU.js");
  const octokit = githubClient(context);
  let files = null;
  if (inputs.publishFromRun) {
    const runId = Number(inputs.publishFromRun);
    if (!Number.isInteger(runId) || runId <= 0)
      throw new InputError(`publish-from-run: "${inputs.publishFromRun}" is not a run id`);
    const { downloadRunArtifact } = await import("../../chunks/baseline-artifact-AWYZ67AR.js");
    files = await downloadRunArtifact(octokit, context.owner, context.repo, runId, inputs.artifactName);
    if (!files)
      throw new InputError(
        `publish-from-run: run ${runId} has no unexpired artifact "${inputs.artifactName}"`
      );
  }
  const where = inputs.publishFromRun ? `artifact ${inputs.artifactName} of run ${inputs.publishFromRun}` : inputs.publishFrom;
  const readJson = async (file) => {
    try {
      const bytes = files ? files.get(file) : await readFile(join(inputs.publishFrom, file));
      if (!bytes) throw new Error("missing");
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw new InputError(`publish-from: cannot read ${file} in ${where} (${describeError(error)})`);
    }
  };
  const evaluation = sanitizeEvaluation(await readJson("evaluation.json"));
  const pr = await readJson("pull-request.json");
  const number = Number(pr.number);
  if (!Number.isInteger(number) || number <= 0)
    throw new InputError("publish-from: pull-request.json has no valid number");
  const live = await octokit.rest.pulls.get({
    owner: context.owner,
    repo: context.repo,
    pull_number: number
  });
  const headSha = live.data.head.sha;
  if (!inputs.expectedHeadSha || headSha !== inputs.expectedHeadSha) {
    throw new InputError(
      `publish-from: pull request #${number} is at ${headSha}, not at the tested commit ${inputs.expectedHeadSha || "(expected-head-sha not given)"}; nothing posted`
    );
  }
  const workflow = inputs.workflow ? inputs.workflow.split("/").pop() ?? context.workflow : context.workflow;
  const { publishEvaluation } = await import("../../chunks/publish-evaluation-2OGCCTXZ.js");
  const published = await publishEvaluation({
    context: { ...context, workflow, pullNumber: number, headSha },
    evaluation,
    markdown: renderEvaluationMarkdown(evaluation),
    comment: inputs.comment,
    checkRun: inputs.checkRun,
    octokit,
    log: await actionLog()
  });
  return {
    outputs: {
      verdict: evaluation.verdict,
      ...published.commentId ? { "comment-id": String(published.commentId) } : {}
    }
  };
}
async function artifactBaseline(inputs, context) {
  const { findBaselineArtifact } = await import("../../chunks/baseline-artifact-AWYZ67AR.js");
  const { githubClient } = await import("../../chunks/octokit-XYQDH4QU.js");
  try {
    return await findBaselineArtifact({
      octokit: githubClient(context),
      owner: context.owner,
      repo: context.repo,
      artifactName: inputs.baselineArtifact,
      workflow: inputs.baselineWorkflow || void 0,
      branch: inputs.baselineBranch
    });
  } catch (error) {
    logLine(
      `warning: could not look for a baseline artifact (${describeError(error)}); continuing without one`
    );
    return null;
  }
}
async function writeHtmlReport(out, evaluation, validationFile) {
  try {
    const { writeReport } = await import("../../chunks/html-RP3TAJ2D.js");
    const { readValidationFiles } = await import("../../chunks/files-5UVZJWKU.js");
    const validation = validationFile ? await readValidationFiles(validationFile) : void 0;
    const written = await writeReport({ evaluation, ...validation }, out);
    logLine(`wrote ${written.path} (${written.charts} charts, ${(written.bytes / 1024).toFixed(0)} KiB)`);
    return true;
  } catch (error) {
    (await actionsCore()).warning(`could not build report.html: ${describeError(error)}`);
    return false;
  }
}
function reportLinkLine(artifactName, runUrl) {
  const where = runUrl ? `[this run's artifacts](${runUrl}#artifacts)` : "this run's artifacts";
  return `

📊 Charts (ROC, precision–recall, calibration, slices, drift): the \`report.html\` artifact of ${where} opens in the browser; it is also in the \`${escapeCode(artifactName)}\` artifact.
`;
}
function escapeCode(text) {
  return text.replace(/[`\n\r]/g, "");
}

// src/actions/evaluate-vs-baseline/index.ts
void run();
