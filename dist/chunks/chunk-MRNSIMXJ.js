import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  loadColumns
} from "./chunk-WAJABHFO.js";
import {
  MLCI_VERSION
} from "./chunk-3U3CFE5T.js";
import {
  runSignature
} from "./chunk-4JPR7HNQ.js";
import {
  canonicalJson,
  expandGlobs,
  hashFiles,
  isGlob,
  sha256,
  sha256File
} from "./chunk-5CQ3ZZSA.js";
import {
  applyOverrides,
  loadParamsFile,
  parseOverrides
} from "./chunk-P2GYK6TD.js";
import {
  readModelSignature
} from "./chunk-R2X24BNK.js";
import {
  TRAINING_RECORD_SCHEMA,
  dataVersionId
} from "./chunk-J2OQGLLM.js";
import {
  inspectFile,
  readExpression
} from "./chunk-CZJ54TB3.js";
import {
  connection,
  describeRead,
  detectFormat,
  sqlString
} from "./chunk-BQLEISGD.js";
import {
  dvcRecordFor
} from "./chunk-36UX5SSD.js";
import {
  silentProgress
} from "./chunk-HD4PHYYH.js";
import {
  durationMs
} from "./chunk-5FF76VVQ.js";
import {
  requireFile,
  writeFileAtomic,
  writeJsonAtomic
} from "./chunk-A7ELOP3Y.js";
import {
  CheckFailedError,
  InputError,
  MlciError
} from "./chunk-HRKM2MUG.js";

// src/stages/train.ts
import { mkdtemp as mkdtemp2, readFile as readFile7, rm as rm2 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join5, resolve as resolve3 } from "node:path";

// src/lineage/environment.ts
import { execFile } from "node:child_process";
import { arch, cpus, platform, release, totalmem } from "node:os";
import { promisify } from "node:util";
var run = promisify(execFile);
function runnerInfo(env = process.env) {
  const list = cpus();
  return {
    os: platform(),
    release: release(),
    arch: arch(),
    cpus: list.length,
    cpu_model: list[0]?.model?.trim() || null,
    memory_bytes: totalmem(),
    name: env.RUNNER_NAME ?? null
  };
}
function githubRun(env = process.env) {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID) return null;
  const server = (GITHUB_SERVER_URL || "https://github.com").replace(/(?<!\/)\/+$/, "");
  return {
    run_url: `${server}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`,
    repository: GITHUB_REPOSITORY,
    run_id: GITHUB_RUN_ID,
    run_attempt: env.GITHUB_RUN_ATTEMPT ?? null,
    workflow: env.GITHUB_WORKFLOW ?? null,
    event: env.GITHUB_EVENT_NAME ?? null,
    ref: env.GITHUB_REF ?? null,
    sha: env.GITHUB_SHA ?? null,
    actor: env.GITHUB_ACTOR ?? null
  };
}
function pythonInCommand(command) {
  const match = /(?:^|[\s;&|(])((?:[^\s;&|()'"]*\/)?python(?:\d+(?:\.\d+)?)?)(?=$|[\s;&|)])/.exec(command);
  return match ? match[1] : null;
}
async function pythonVersion(interpreter, cwd, env) {
  try {
    const { stdout, stderr } = await run(interpreter, ["--version"], { cwd, env, timeout: 1e4 });
    const text = `${stdout}${stderr}`.trim();
    return /Python\s+(\S+)/.exec(text)?.[1] ?? (text || null);
  } catch {
    return null;
  }
}

// src/lineage/git.ts
import { execFile as execFile2 } from "node:child_process";
import { promisify as promisify2 } from "node:util";
var run2 = promisify2(execFile2);
async function gitState(dir, env = process.env) {
  try {
    const { stdout } = await run2("git", ["status", "--porcelain=v2", "--branch", "--untracked-files=no"], {
      cwd: dir,
      timeout: 1e4
    });
    return parseStatus(stdout) ?? fallback(env);
  } catch {
    return fallback(env);
  }
}
function fallback(env) {
  return env.GITHUB_SHA ? { commit: env.GITHUB_SHA, dirty: false, branch: env.GITHUB_REF_NAME ?? null } : null;
}
function parseStatus(output) {
  let commit = null;
  let branch = null;
  let dirty = false;
  for (const line of output.split("\n")) {
    if (line.startsWith("# branch.oid ")) commit = line.slice("# branch.oid ".length).trim();
    else if (line.startsWith("# branch.head ")) branch = line.slice("# branch.head ".length).trim();
    else if (line !== "" && !line.startsWith("#")) dirty = true;
  }
  if (!commit || commit === "(initial)") return null;
  return { commit, dirty, branch: branch && branch !== "(detached)" ? branch : null };
}

// src/train/cache.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
var KEY_VERSION = 1;
function cacheKey(parts) {
  const normalized = {
    v: KEY_VERSION,
    ...parts,
    sources: parts.sources.map(({ path, sha256: sha2562 }) => ({ path, sha256: sha2562 })),
    data: parts.data.map(({ path, sha256: sha2562 }) => ({ path, sha256: sha2562 }))
  };
  return sha256(canonicalJson(normalized)).slice(0, 40);
}
function cacheDir(root, key) {
  return join(root, ".mlci", "cache", key);
}
function shapeMemoDir(root) {
  return join(root, ".mlci", "cache", "data-shapes");
}
async function readCacheEntry(dir) {
  try {
    const record = JSON.parse(await readFile(join(dir, "training.json"), "utf8"));
    const model = new Uint8Array(await readFile(join(dir, "model.onnx")));
    if (!record.model || record.status !== "pass" || sha256(model) !== record.model.sha256) return null;
    return { model, record };
  } catch {
    return null;
  }
}
async function writeCacheEntry(dir, entry) {
  await writeFileAtomic(join(dir, "model.onnx"), entry.model);
  await writeJsonAtomic(join(dir, "training.json"), entry.record);
}

// src/train/checks.ts
import { readFile as readFile3, stat } from "node:fs/promises";

// src/train/metrics.ts
import { readFile as readFile2 } from "node:fs/promises";
var SPECIAL = /([:[,]\s*)(NaN|-?Infinity)(?=\s*[,}\]])/g;
var SPECIAL_VALUES = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };
function parseLenientJson(text) {
  const marked = text.replace(
    SPECIAL,
    (_match, before, token) => `${before}{"__mlci_special__":"${token}"}`
  );
  return JSON.parse(
    marked,
    (_key, value) => value && typeof value === "object" && "__mlci_special__" in value ? SPECIAL_VALUES[value.__mlci_special__] : value
  );
}
async function readReportedMetrics(linesPath, finalPath) {
  const result = {
    lines: [],
    malformed: [],
    final: null,
    finalError: null,
    reported: false
  };
  let text;
  try {
    text = await readFile2(linesPath, "utf8");
    result.reported = true;
  } catch {
    text = null;
  }
  if (text !== null) {
    text.split("\n").forEach((raw, index) => {
      if (raw.trim() === "") return;
      try {
        const value = parseLenientJson(raw);
        const reason = lineProblem(value);
        if (reason) result.malformed.push({ line: index + 1, reason });
        else result.lines.push(value);
      } catch (error) {
        result.malformed.push({ line: index + 1, reason: error.message.split("\n")[0] });
      }
    });
  }
  try {
    const finalText = await readFile2(finalPath, "utf8");
    result.reported = true;
    try {
      const value = parseLenientJson(finalText);
      if (value === null || typeof value !== "object" || Array.isArray(value))
        result.finalError = "not a JSON object";
      else result.final = value;
    } catch (error) {
      result.finalError = error.message.split("\n")[0];
    }
  } catch {
  }
  return result;
}
var NUMERIC_KEYS = ["step", "loss"];
function lineProblem(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "not a JSON object";
  for (const key of NUMERIC_KEYS) {
    const found = value[key];
    if (found === void 0 || found === null || typeof found === "number") continue;
    const shown = typeof found === "string" ? `the string ${JSON.stringify(found.slice(0, 40))}` : `a ${Array.isArray(found) ? "list" : typeof found}`;
    return `"${key}" is ${shown}, not a number`;
  }
  return void 0;
}
function lossCurve(metrics) {
  const out = [];
  metrics.lines.forEach((line, index) => {
    if (!("loss" in line)) return;
    const step = typeof line.step === "number" ? line.step : index;
    out.push({ step, loss: line.loss === null ? NaN : line.loss });
  });
  return out;
}
function nonFiniteValues(metrics) {
  const out = [];
  metrics.lines.forEach((line, index) => {
    const where = typeof line.step === "number" ? `step ${line.step}` : `line ${index + 1}`;
    for (const [key, value] of Object.entries(line)) {
      if (value === null || typeof value === "number" && !Number.isFinite(value)) {
        out.push({ where, key, value: String(value) });
      }
    }
  });
  for (const [key, value] of Object.entries(metrics.final ?? {})) {
    if (value === null || typeof value === "number" && !Number.isFinite(value)) {
      out.push({ where: "metrics.json", key, value: String(value) });
    }
  }
  return out;
}
function downsample(points, max = 1e3) {
  if (points.length <= max) return points;
  const out = [];
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * (points.length - 1) / (max - 1))]);
  return out;
}

// src/train/checks.ts
var DEFAULT_LOSS_RULE = { window: 0.2, minDecrease: 0 };
var pass = (name, detail) => ({ name, status: "pass", detail });
var fail = (name, detail) => ({ name, status: "fail", detail });
var skip = (name, detail) => ({ name, status: "skipped", detail });
function checkMetricsFormat(metrics, linesPath) {
  if (!metrics.reported) return skip("metrics_format", "the command reported no metrics");
  if (metrics.malformed.length > 0) {
    const first = metrics.malformed[0];
    return fail(
      "metrics_format",
      `${linesPath}:${first.line}: ${first.reason}` + (metrics.malformed.length > 1 ? ` (and ${metrics.malformed.length - 1} more bad lines)` : "") + '; each line must be one JSON object such as {"step": 1, "loss": 0.69}'
    );
  }
  if (metrics.finalError) return fail("metrics_format", `metrics.json: ${metrics.finalError}`);
  return pass("metrics_format", `${metrics.lines.length} lines${metrics.final ? " and metrics.json" : ""}`);
}
function checkFiniteMetrics(metrics) {
  if (!metrics.reported) return skip("finite_metrics", "the command reported no metrics");
  const bad = nonFiniteValues(metrics);
  if (bad.length === 0) return pass("finite_metrics", "every reported value is a finite number");
  const first = bad[0];
  return fail(
    "finite_metrics",
    `${first.key} is ${first.value} at ${first.where}` + (bad.length > 1 ? ` (${bad.length} non-finite values in all)` : "") + (first.value === "null" ? "; null is what JSON.stringify writes for NaN" : "")
  );
}
function checkLossDecreases(curve, rule = DEFAULT_LOSS_RULE) {
  const losses = curve.map((p) => p.loss).filter((l) => Number.isFinite(l));
  if (losses.length < 2) {
    return skip("loss_decreases", `needs at least 2 finite loss values, got ${losses.length}`);
  }
  const window = Math.max(1, Math.floor(losses.length * rule.window));
  const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
  const first = mean(losses.slice(0, window));
  const last = mean(losses.slice(-window));
  const relative2 = first === 0 ? last < 0 ? Infinity : last === 0 ? 0 : -Infinity : (first - last) / Math.abs(first);
  const described = `mean loss of the first ${window} of ${losses.length} steps ${fmt(first)}, of the last ${window} ${fmt(last)} (${relative2 >= 0 ? "fell" : "rose"} ${fmt(Math.abs(relative2 * 100))} %)`;
  if (last < first && relative2 >= rule.minDecrease) return pass("loss_decreases", described);
  const required = rule.minDecrease > 0 ? `; required a fall of at least ${fmt(rule.minDecrease * 100)} %` : "";
  const verdict = last < first ? "the loss fell too little" : "the loss did not decrease";
  return fail("loss_decreases", `${verdict}: ${described}${required}`);
}
async function checkModelFile(path, shownPath) {
  const results = [];
  let bytes;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error("not a file");
    bytes = new Uint8Array(await readFile3(path));
  } catch {
    results.push(fail("model_exists", `the command wrote no model at ${shownPath}`));
    results.push(skip("model_is_onnx", "no model"), skip("model_loads", "no model"));
    return { results, bytes: null, signature: null };
  }
  if (bytes.length === 0) {
    results.push(fail("model_exists", `${shownPath} is empty`));
    results.push(skip("model_is_onnx", "no model"), skip("model_loads", "no model"));
    return { results, bytes: null, signature: null };
  }
  results.push(pass("model_exists", `${shownPath} (${bytes.length} bytes)`));
  let signature;
  try {
    signature = runSignature(bytes, shownPath);
  } catch (error) {
    results.push(fail("model_is_onnx", error instanceof MlciError ? error.message : String(error)));
    results.push(skip("model_loads", "not an ONNX model"));
    return { results, bytes, signature: null };
  }
  results.push(
    pass(
      "model_is_onnx",
      `${signature.inputs.length} inputs, ${signature.outputs.length} outputs, opset ${signature.opset[""] ?? "?"}`
    )
  );
  try {
    const ort = await import("./native-IGEQGGP4.js").then((native) => native.loadOnnxRuntime());
    const session = await ort.InferenceSession.create(bytes);
    await session.release();
    results.push(pass("model_loads", "onnxruntime-node created a session"));
  } catch (error) {
    results.push(fail("model_loads", `onnxruntime-node cannot load ${shownPath}: ${firstLine(error)}`));
  }
  return { results, bytes, signature };
}
function checkSignature(signature, expected) {
  const problems = [];
  const columns = inputColumns(signature, expected.features);
  if ("error" in columns) problems.push(columns.error);
  else {
    if (expected.features && expected.features.length > 0) {
      const differences = listDifferences(columns.names, expected.features, columns.mode === "matrix");
      if (differences) problems.push(`inputs do not match model.features: ${differences}`);
    }
    if (expected.label && columns.names.includes(expected.label)) {
      problems.push(`the model takes the label column "${expected.label}" as an input`);
    }
  }
  if (expected.task) {
    const output = taskOutput(signature, expected.task);
    if ("error" in output) problems.push(output.error);
  }
  if (problems.length > 0) return fail("signature", problems.join("; "));
  const description = "error" in columns ? "" : `${columns.mode === "matrix" ? "one 2-D input of" : "one input per column,"} ${columns.names.length} features`;
  return pass("signature", `${description}${expected.task ? `, outputs fit task ${expected.task}` : ""}`);
}
function checkSignatureAgainstProduction(candidate, production, productionPath) {
  const problems = tensorProblems("input", candidate.inputs, production.inputs);
  const known = new Set(production.inputs.map((i) => i.name));
  for (const input of candidate.inputs)
    if (!known.has(input.name)) problems.push(`new input "${input.name}"`);
  const mineColumns = inputColumns(candidate);
  const theirColumns = inputColumns(production);
  if (!("error" in mineColumns) && !("error" in theirColumns) && mineColumns.mode === "matrix" && theirColumns.mode === "matrix") {
    const differences = listDifferences(mineColumns.names, theirColumns.names, true);
    if (differences) problems.push(`feature_names differ: ${differences}`);
  }
  problems.push(...tensorProblems("output", candidate.outputs, production.outputs));
  if (problems.length > 0)
    return fail("signature_production", `not compatible with ${productionPath}: ${problems.join("; ")}`);
  return pass("signature_production", `same inputs and outputs as ${productionPath}`);
}
function tensorProblems(kind, mine, production) {
  const problems = [];
  const byName = new Map(mine.map((t) => [t.name, t]));
  const verb = kind === "input" ? "takes" : "gives";
  for (const theirs of production) {
    const own = byName.get(theirs.name);
    if (!own) problems.push(`${kind} "${theirs.name}" is missing`);
    else if (own.type !== theirs.type)
      problems.push(`${kind} "${theirs.name}" is ${own.type}, production ${verb} ${theirs.type}`);
    else if (kind === "input" && rank(own) !== rank(theirs))
      problems.push(`${kind} "${theirs.name}" has rank ${rank(own)}, production ${rank(theirs)}`);
  }
  return problems;
}
function inputColumns(signature, features) {
  const inputs = signature.inputs;
  if (inputs.length === 0) return { error: "the model has no inputs" };
  if (inputs.length === 1 && rank(inputs[0]) === 2 && ["float", "double"].includes(inputs[0].type)) {
    const width = inputs[0].shape?.[1];
    const fromMetadata = parseNames(signature.metadata.feature_names);
    if (fromMetadata === "invalid")
      return { error: "metadata feature_names is not a JSON array of column names" };
    const names = fromMetadata ?? features;
    if (!names) {
      return {
        error: `the one 2-D input "${inputs[0].name}" has no feature_names metadata and model.features is not set`
      };
    }
    if (typeof width === "number" && width !== names.length) {
      return { error: `input "${inputs[0].name}" has ${width} columns but ${names.length} feature names` };
    }
    return { mode: "matrix", names };
  }
  const unsupported = inputs.filter(
    (i) => !["float", "double", "int64", "int32", "string", "bool"].includes(i.type)
  );
  if (unsupported.length > 0) {
    return {
      error: `input "${unsupported[0].name}" has type ${unsupported[0].type}; column inputs must be float, int64 or string`
    };
  }
  const wide = inputs.filter((i) => rank(i) !== null && rank(i) > 2);
  if (wide.length > 0)
    return { error: `input "${wide[0].name}" has rank ${rank(wide[0])}; column inputs are [N] or [N, 1]` };
  return { mode: "columns", names: inputs.map((i) => i.name) };
}
function taskOutput(signature, task) {
  const floats = signature.outputs.filter((o) => o.type === "float" || o.type === "double");
  if (task === "regression") {
    const output2 = floats[0];
    if (!output2) return { error: "a regressor needs a float output; the model has none" };
    if (rank(output2) !== null && rank(output2) > 2)
      return { error: `output "${output2.name}" has rank ${rank(output2)}; expected [N] or [N, 1]` };
    return { output: output2 };
  }
  const output = floats.find((o) => o.name === "probabilities") ?? floats.find((o) => rank(o) === 2);
  if (!output)
    return {
      error: 'a classifier needs a float output [N, C] of class probabilities (named "probabilities"); the model has none'
    };
  if (rank(output) !== null && rank(output) !== 2)
    return { error: `output "${output.name}" has rank ${rank(output)}; expected [N, C]` };
  const classes = output.shape?.[1];
  if (task === "binary" && typeof classes === "number" && classes !== 2) {
    return { error: `output "${output.name}" has ${classes} columns; a binary classifier gives [N, 2]` };
  }
  return { output };
}
function rank(info) {
  return info.shape ? info.shape.length : null;
}
function parseNames(text) {
  if (text === void 0) return void 0;
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : "invalid";
  } catch {
    return "invalid";
  }
}
function listDifferences(actual, expected, ordered) {
  const missing = expected.filter((name) => !actual.includes(name));
  const extra = actual.filter((name) => !expected.includes(name));
  const parts = [];
  if (missing.length > 0) parts.push(`missing ${missing.map((m) => `"${m}"`).join(", ")}`);
  if (extra.length > 0) parts.push(`unexpected ${extra.map((m) => `"${m}"`).join(", ")}`);
  if (parts.length === 0 && ordered && actual.join("\0") !== expected.join("\0")) {
    parts.push(`order differs (model: ${actual.join(", ")}; expected: ${expected.join(", ")})`);
  }
  return parts.length > 0 ? parts.join("; ") : null;
}
function fmt(value) {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}
function firstLine(error) {
  return String(error?.message ?? error).split("\n")[0];
}

// src/train/predict.ts
var BATCH_ROWS = 8192;
async function predictOnData(models, dataPath, options = {}) {
  const signature = readModelSignature(models[0], "model");
  const columns = inputColumns(signature, options.features);
  if ("error" in columns) throw new InputError(`cannot feed the model from ${dataPath}: ${columns.error}`);
  const asText = columns.mode === "matrix" ? [] : signature.inputs.filter((i) => i.type === "string").map((i) => i.name);
  const data = await loadColumns(dataPath, columns.names, options, asText);
  const ort = await import("./native-IGEQGGP4.js").then((native) => native.loadOnnxRuntime());
  const predictions = [];
  for (const bytes of models) {
    const session = await ort.InferenceSession.create(bytes);
    const inputs = readModelSignature(bytes, "model").inputs;
    const parts = {};
    for (let start = 0; start < data.rowCount; start += BATCH_ROWS) {
      const end = Math.min(data.rowCount, start + BATCH_ROWS);
      const feeds = {};
      for (const input of inputs) {
        feeds[input.name] = columns.mode === "matrix" ? matrixTensor(ort.Tensor, data, columns.names, start, end) : columnTensor(ort.Tensor, data, input, start, end);
      }
      const result = await session.run(feeds);
      for (const [name, tensor] of Object.entries(result)) {
        if (tensor.type !== "float32" && tensor.type !== "float64") continue;
        (parts[name] ??= []).push(Array.from(tensor.data));
      }
    }
    await session.release();
    predictions.push(
      Object.fromEntries(
        Object.entries(parts).map(([name, chunks]) => [name, Float64Array.from(chunks.flat())])
      )
    );
  }
  return { rows: data.rowCount, predictions };
}
function numericValues(data, name, start, end) {
  const numeric = data.numeric[name];
  if (numeric) return numeric.subarray(start, end);
  const text = data.text[name].slice(start, end);
  return Float64Array.from(text, (v) => v === null || v.trim() === "" ? NaN : Number(v));
}
function matrixTensor(Tensor, data, names, start, end) {
  const rows = end - start;
  const out = new Float32Array(rows * names.length);
  names.forEach((name, j) => {
    const values = numericValues(data, name, start, end);
    for (let i = 0; i < rows; i++) out[i * names.length + j] = values[i];
  });
  return new Tensor("float32", out, [rows, names.length]);
}
function columnTensor(Tensor, data, input, start, end) {
  const rows = end - start;
  const dims = input.shape && input.shape.length === 1 ? [rows] : [rows, 1];
  switch (input.type) {
    case "string": {
      const text = data.text[input.name];
      const values = text ? text.slice(start, end).map((v) => v ?? "") : Array.from(data.numeric[input.name].subarray(start, end), String);
      return new Tensor("string", values, dims);
    }
    case "double":
      return new Tensor("float64", Float64Array.from(numericValues(data, input.name, start, end)), dims);
    case "int64":
      return new Tensor(
        "int64",
        BigInt64Array.from(
          numericValues(data, input.name, start, end),
          (v) => BigInt(Number.isFinite(v) ? Math.trunc(v) : 0)
        ),
        dims
      );
    case "int32":
      return new Tensor("int32", Int32Array.from(numericValues(data, input.name, start, end)), dims);
    case "bool":
      return new Tensor(
        "bool",
        Uint8Array.from(numericValues(data, input.name, start, end), (v) => v ? 1 : 0),
        dims
      );
    default:
      return new Tensor("float32", Float32Array.from(numericValues(data, input.name, start, end)), dims);
  }
}
function maxAbsDifference(a, b) {
  let max = 0;
  const names = /* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const name of names) {
    const x = a[name];
    const y = b[name];
    if (!x || !y || x.length !== y.length) return Infinity;
    for (let i = 0; i < x.length; i++) {
      if (Number.isNaN(x[i]) && Number.isNaN(y[i])) continue;
      const d = Math.abs(x[i] - y[i]);
      if (!(d <= max)) max = Number.isNaN(d) ? Infinity : d;
    }
  }
  return max;
}

// src/train/reproducible.ts
var DEFAULT_TOLERANCE = 1e-6;
async function compareRuns(first, second, options) {
  const hashes = [sha256(first), sha256(second)];
  if (hashes[0] === hashes[1]) {
    return {
      reproducible: true,
      method: "bytes",
      identical_bytes: true,
      sha256: hashes,
      predictions: null,
      detail: `both runs wrote byte-identical models (sha256 ${hashes[0].slice(0, 12)}…)`
    };
  }
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!options.data) {
    return {
      reproducible: false,
      method: "bytes",
      identical_bytes: false,
      sha256: hashes,
      predictions: null,
      detail: "the two runs wrote different model bytes, and there is no evaluation data (data.eval) to compare their predictions on"
    };
  }
  const { rows, predictions } = await predictOnData([first, second], options.data, {
    ...options.source,
    features: options.features
  });
  const diff = maxAbsDifference(predictions[0], predictions[1]);
  const outputs = Object.keys(predictions[0]);
  const shown = options.dataLabel ?? options.data;
  const reproducible = diff <= tolerance;
  return {
    reproducible,
    method: "predictions",
    identical_bytes: false,
    sha256: hashes,
    predictions: {
      data: shown,
      rows,
      outputs,
      max_abs_diff: Number.isFinite(diff) ? diff : Number.MAX_VALUE,
      tolerance
    },
    detail: reproducible ? `model bytes differ, but predictions on ${rows} rows of ${shown} agree within ${tolerance} (largest difference ${diff.toPrecision(3)})` : `model bytes differ and predictions on ${rows} rows of ${shown} differ by up to ${Number.isFinite(diff) ? diff.toPrecision(3) : "an incomparable amount (different outputs)"}, more than the tolerance ${tolerance}: the trainer is not deterministic for a fixed seed (does it read MLCI_SEED?)`
  };
}

// src/train/runner.ts
import { spawn } from "node:child_process";
import { mkdtemp, readFile as readFile5, rm } from "node:fs/promises";
import { constants, tmpdir } from "node:os";
import { join as join2 } from "node:path";
import { performance } from "node:perf_hooks";

// src/train/process-group.ts
import { readdir, readFile as readFile4 } from "node:fs/promises";
var hasProcfs = process.platform === "linux";
async function groupMembers(pgid) {
  let names;
  try {
    names = await readdir("/proc");
  } catch {
    return [];
  }
  const members = await Promise.all(
    names.filter((name) => /^\d+$/.test(name)).map(async (name) => memberOf(Number(name), pgid))
  );
  return members.filter((m) => m !== null);
}
async function memberOf(pid, pgid) {
  let stat4;
  try {
    stat4 = await readFile4(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  const fields = stat4.slice(stat4.lastIndexOf(")") + 2).split(" ");
  if (Number(fields[2]) !== pgid || fields[0] === "Z" || fields[0] === "X") return null;
  let rssBytes;
  try {
    const status = await readFile4(`/proc/${pid}/status`, "utf8");
    rssBytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return null;
  }
  return { pid, rssBytes };
}
async function groupAlive(pgid) {
  if (hasProcfs) return (await groupMembers(pgid)).length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
  }
}

// src/train/runner.ts
var SECRET_VARIABLES = [
  /^GITHUB_TOKEN$/,
  /^GH_TOKEN$/,
  /^GH_ENTERPRISE_TOKEN$/,
  /^GITHUB_ENTERPRISE_TOKEN$/,
  /^MLCI_.*TOKEN/,
  /^INPUT_.*TOKEN/,
  /^ACTIONS_RUNTIME_TOKEN$/,
  /^ACTIONS_RUNTIME_URL$/,
  /^ACTIONS_RESULTS_URL$/,
  /^ACTIONS_ID_TOKEN_REQUEST_(TOKEN|URL)$/,
  /^ACTIONS_CACHE_URL$/,
  /^ACTIONS_CACHE_SERVICE_V2$/
];
function childEnvironment(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !SECRET_VARIABLES.some((p) => p.test(name.toUpperCase())))
  );
}
var WRAPPER = [
  "__mlci_command=$1; __mlci_times=$2; shift 2",
  '( eval "$__mlci_command" )',
  "__mlci_rc=$?",
  'times > "$__mlci_times" 2>/dev/null || true',
  "exit $__mlci_rc"
].join("\n");
async function runCommand(options) {
  const scratch = await mkdtemp(join2(tmpdir(), "mlci-run-"));
  const timesFile = join2(scratch, "times");
  const tail = new TailBuffer(options.tailLines ?? 30);
  const grace = options.killGraceMs ?? 5e3;
  const started = performance.now();
  const child = spawn("bash", ["-c", WRAPPER, "mlci-train", options.command, timesFile], {
    cwd: options.cwd,
    env: childEnvironment(options.env),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"]
  });
  const pgid = child.pid;
  let timedOut = false;
  let peakRss = hasProcfs ? 0 : null;
  let sampling = Promise.resolve();
  const sample = () => {
    if (!hasProcfs || pgid === void 0) return;
    sampling = sampling.then(async () => {
      const members = await groupMembers(pgid);
      const total = members.reduce((sum, m) => sum + m.rssBytes, 0);
      if (peakRss !== null && total > peakRss) peakRss = total;
    });
  };
  const onData = (chunk) => {
    const text = chunk.toString("utf8");
    tail.push(text);
    options.onOutput?.(text);
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const spawnError = new Promise((resolve4) => child.once("error", resolve4));
  const exited = new Promise(
    (resolve4) => child.once("exit", (code, signal) => resolve4({ code, signal }))
  );
  const closed = new Promise((resolve4) => child.once("close", () => resolve4()));
  const stopTree = async () => {
    if (pgid === void 0) return;
    signalGroup(pgid, "SIGTERM");
    const deadline = Date.now() + grace;
    while (Date.now() < deadline && await groupAlive(pgid)) await sleep(50);
    if (await groupAlive(pgid)) signalGroup(pgid, "SIGKILL");
  };
  const forward = (signal) => {
    process.off("SIGINT", forward);
    process.off("SIGTERM", forward);
    void stopTree().then(() => {
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  sample();
  const sampler = setInterval(sample, options.sampleIntervalMs ?? 100);
  let stopping;
  const timer = options.timeoutMs && options.timeoutMs > 0 ? setTimeout(() => {
    timedOut = true;
    stopping = stopTree();
  }, options.timeoutMs) : void 0;
  options.onStarted?.();
  const outcome = await Promise.race([exited, spawnError]);
  clearTimeout(timer);
  process.off("SIGINT", forward);
  process.off("SIGTERM", forward);
  const wallSeconds = (performance.now() - started) / 1e3;
  if (outcome instanceof Error) {
    clearInterval(sampler);
    await rm(scratch, { recursive: true, force: true });
    tail.push(`mlci: cannot start bash: ${outcome.message}
`);
    return {
      exitCode: null,
      signal: null,
      timedOut: false,
      wallSeconds,
      cpuUserSeconds: null,
      cpuSystemSeconds: null,
      peakRssBytes: null,
      measuredBy: { cpu: "none", memory: "none" },
      tail: tail.lines()
    };
  }
  await (stopping ?? (pgid !== void 0 && await groupAlive(pgid) ? stopTree() : Promise.resolve()));
  clearInterval(sampler);
  await sampling;
  let closeTimer;
  await Promise.race([closed, new Promise((done) => closeTimer = setTimeout(done, 2e3))]);
  clearTimeout(closeTimer);
  const cpu = await readTimes(timesFile);
  await rm(scratch, { recursive: true, force: true });
  return {
    exitCode: outcome.code,
    signal: outcome.signal,
    timedOut,
    wallSeconds,
    cpuUserSeconds: cpu?.user ?? null,
    cpuSystemSeconds: cpu?.system ?? null,
    peakRssBytes: peakRss,
    measuredBy: {
      cpu: cpu ? "bash times (command and reaped descendants)" : "unavailable (the command was killed)",
      memory: hasProcfs ? `sum of VmRSS over the process group, sampled every ${options.sampleIntervalMs ?? 100} ms from /proc` : "unavailable (no /proc on this OS)"
    },
    tail: tail.lines()
  };
}
function describeExit(result, timeoutMs) {
  if (result.timedOut)
    return `timed out after ${formatSeconds((timeoutMs ?? 0) / 1e3)}; the process tree was stopped`;
  if (result.signal) return `killed by ${result.signal}`;
  if (result.exitCode === null) return "could not be started";
  if (result.exitCode > 128) {
    const name = Object.entries(constants.signals).find(([, n]) => n === result.exitCode - 128)?.[0];
    if (name) return `exit code ${result.exitCode} (a process was killed by ${name})`;
  }
  return `exit code ${result.exitCode}`;
}
function formatSeconds(seconds) {
  return seconds >= 1 ? `${Number(seconds.toFixed(1))} s` : `${Math.round(seconds * 1e3)} ms`;
}
async function readTimes(path) {
  let text;
  try {
    text = await readFile5(path, "utf8");
  } catch {
    return null;
  }
  const values = [...text.matchAll(/(?<!\d)(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (values.length < 4) return null;
  return { user: round(values[0] + values[2]), system: round(values[1] + values[3]) };
}
function round(value) {
  return Math.round(value * 1e3) / 1e3;
}
function sleep(ms) {
  return new Promise((resolve4) => setTimeout(resolve4, ms));
}
var TailBuffer = class {
  constructor(max) {
    this.max = max;
  }
  max;
  text = "";
  push(chunk) {
    this.text += chunk;
    if (this.text.length > 64e3) this.text = this.text.slice(-32e3);
  }
  lines() {
    const lines = this.text.replace(/\r/g, "\n").split("\n");
    while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
    return lines.slice(-this.max);
  }
};

// src/stages/train-plan.ts
import { stat as stat3 } from "node:fs/promises";
import { dirname, isAbsolute, join as join4, relative, resolve as resolve2, sep } from "node:path";

// src/lineage/data-files.ts
import { stat as stat2 } from "node:fs/promises";
import { resolve } from "node:path";
async function describeDataFiles(paths, root, role) {
  const out = [];
  for (const path of paths) {
    const absolute = resolve(root, path);
    const info = await stat2(absolute);
    const dvc = await dvcRecordFor(absolute, root);
    const dvcCurrent = dvc && (dvc.size === null || dvc.path !== path || dvc.size === info.size);
    const hash = dvcCurrent ? null : await sha256File(absolute);
    const record = {
      path,
      role,
      bytes: info.size,
      sha256: hash,
      ...dvcCurrent ? { dvc } : {}
    };
    out.push(record);
  }
  return out;
}
async function withShapes(records, root, source = {}, memo) {
  const out = [];
  for (const record of records) {
    let shape = await memo?.get(record, source);
    if (!shape) {
      shape = await dataShape(resolve(root, record.path), source);
      await memo?.put(record, source, shape).catch(() => void 0);
    }
    out.push({ ...record, ...shape });
  }
  return out;
}
async function dataShape(file, source = {}) {
  try {
    const db = await connection();
    const format = detectFormat(file, source.format);
    const dialect = await inspectFile(file, format, source);
    const from = readExpression([file], format, dialect);
    const columns = [...(await describeRead(db, from)).keys()];
    const counting = format === "csv" && !dialect?.maxLineBytes ? `read_csv(${sqlString(file)}, header = true, delim = ${sqlString(dialect?.delimiter ?? ",")}, quote = '"', escape = '"', all_varchar = true)` : from;
    const counted = (await db.runAndReadAll(`SELECT count(*) FROM ${counting}`)).getRows();
    return { rows: Number(counted[0][0]), columns };
  } catch {
    return { rows: null, columns: null };
  }
}

// src/lineage/shape-memo.ts
import { readFile as readFile6 } from "node:fs/promises";
import { join as join3 } from "node:path";
function shapeMemo(dir) {
  const fileOf = (record, source) => {
    if (!record.sha256 && !record.dvc?.md5) return null;
    let format;
    try {
      format = detectFormat(record.path, source.format);
    } catch {
      return null;
    }
    const key = {
      v: MLCI_VERSION,
      content: dataVersionId(record),
      bytes: record.bytes,
      format,
      delimiter: source.delimiter ?? null
    };
    return join3(dir, `${sha256(canonicalJson(key)).slice(0, 40)}.json`);
  };
  return {
    async get(record, source) {
      const file = fileOf(record, source);
      if (!file) return null;
      try {
        const stored = JSON.parse(await readFile6(file, "utf8"));
        const rowsOk = Number.isSafeInteger(stored.rows) && stored.rows >= 0;
        const columnsOk = Array.isArray(stored.columns) && stored.columns.every((c) => typeof c === "string");
        return rowsOk && columnsOk ? { rows: stored.rows, columns: stored.columns } : null;
      } catch {
        return null;
      }
    },
    async put(record, source, shape) {
      const file = fileOf(record, source);
      if (!file || shape.rows === null || shape.columns === null) return;
      await writeJsonAtomic(file, { rows: shape.rows, columns: shape.columns });
    }
  };
}

// src/stages/train-plan.ts
async function planTraining(options) {
  const root = resolve2(options.root);
  const train = { ...options.config?.train ?? { command: "" } };
  const command = (options.command ?? train.command ?? "").trim();
  if (command === "") {
    throw new InputError(
      'no training command: set train.command in mlci.yml or pass --command "python train.py"'
    );
  }
  const workdir = resolve2(root, train.workdir ?? ".");
  await requireDirectory(workdir, "train.workdir");
  const paramsFile = train.params ? resolve2(root, train.params) : null;
  const fileParams = paramsFile ? await loadParamsFile(paramsFile) : {};
  const configOverrides = Object.fromEntries(Object.entries(train.set ?? {}));
  const cliOverrides = parseOverrides(options.overrides ?? []);
  const overrides = { ...configOverrides, ...cliOverrides };
  const params = applyOverrides(fileParams, overrides);
  const seed = options.seed ?? train.seed ?? 42;
  if (!Number.isInteger(seed) || seed < 0)
    throw new InputError(`seed: got ${seed}, expected a whole number ≥ 0`);
  const timeout = options.timeout ?? train.timeout;
  const timeoutMs = timeout === void 0 ? 0 : durationMs(timeout, "train.timeout");
  const data = [];
  const source = { format: options.config?.data?.format, delimiter: options.config?.data?.delimiter };
  for (const role of ["train", "eval"]) {
    const pattern = options.config?.data?.[role];
    if (!pattern) continue;
    const files = await expandGlobs([pattern], root, `data.${role}`);
    data.push(...await describeDataFiles(files, root, role));
  }
  const cacheEnabled = train.cache !== false;
  const memo = cacheEnabled ? shapeMemo(shapeMemoDir(root)) : void 0;
  const describeData = () => withShapes(data, root, source, memo);
  let sourcePaths;
  let cacheNote;
  if (train.sources && train.sources.length > 0) {
    sourcePaths = await expandGlobs(train.sources, root, "train.sources");
    cacheNote = `key covers ${sourcePaths.length} source files from train.sources`;
  } else {
    sourcePaths = await filesNamedIn(command, workdir, root);
    cacheNote = `train.sources is not set: the key covers only the files the command names (${sourcePaths.join(", ") || "none"}); list every file the trainer reads in train.sources`;
  }
  if (paramsFile) sourcePaths = [.../* @__PURE__ */ new Set([...sourcePaths, toProjectPath(root, paramsFile)])].sort();
  const sources = await hashFiles(sourcePaths, root);
  const paramsSha256 = sha256(canonicalJson(params));
  const modelPath = train.model ? resolve2(root, train.model) : join4(workdir, "model.onnx");
  const metricsPath = train.metrics ? resolve2(root, train.metrics) : null;
  await requireNotDirectory(
    modelPath,
    train.model ? "train.model" : "the model path (train.workdir/model.onnx)"
  );
  if (metricsPath) {
    await requireNotDirectory(metricsPath, "train.metrics");
    await requireNotDirectory(
      finalMetricsPathOf(metricsPath),
      "the final metrics path (metrics.json beside train.metrics)"
    );
  }
  const key = cacheKey({
    command,
    workdir: toProjectPath(root, workdir),
    model: toProjectPath(root, modelPath),
    seed,
    params_sha256: paramsSha256,
    sources,
    data: data.map((d) => ({ path: d.path, sha256: dataVersionId(d) }))
  });
  const productionSetting = options.productionModel ?? options.config?.evaluate?.baseline;
  let productionModel = null;
  if (productionSetting) {
    const path = options.productionModel ? resolve2(productionSetting) : resolve2(root, productionSetting);
    await requireFile(path, options.productionModel ? "--production-model" : "evaluate.baseline");
    productionModel = { path, shown: productionSetting };
  }
  return {
    root,
    command,
    train,
    workdir,
    modelPath,
    metricsPath,
    seed,
    params,
    paramsFile: paramsFile ? toProjectPath(root, paramsFile) : null,
    paramsFileSha256: paramsFile ? await sha256File(paramsFile) : null,
    paramsSha256,
    overrides,
    data,
    describeData,
    sources,
    cacheEnabled,
    cacheNote,
    cacheKey: key,
    cacheDir: cacheDir(root, key),
    timeoutMs,
    outDir: options.out ? resolve2(options.out) : join4(root, ".mlci", "train"),
    productionModel
  };
}
async function requireDirectory(path, what) {
  try {
    if ((await stat3(path)).isDirectory()) return;
  } catch {
  }
  throw new InputError(`${what}: directory not found: ${path}`);
}
function finalMetricsPathOf(metricsPath) {
  return join4(dirname(metricsPath), "metrics.json");
}
async function requireNotDirectory(path, what) {
  const found = await stat3(path).catch(() => null);
  if (found?.isDirectory())
    throw new InputError(
      `${what} is a directory: ${path}; it must name the file the training command writes`
    );
}
async function filesNamedIn(command, workdir, root) {
  const found = [];
  for (const token of command.split(/[\s;&|()<>'"=]+/)) {
    if (!/[./]/.test(token) || token.startsWith("-")) continue;
    const path = resolve2(workdir, token);
    if (relative(root, path).startsWith("..") || isAbsolute(relative(root, path))) continue;
    try {
      if ((await stat3(path)).isFile()) found.push(toProjectPath(root, path));
    } catch {
    }
  }
  return [...new Set(found)].sort();
}
function toProjectPath(root, path) {
  const rel = relative(root, path);
  if (rel === "") return ".";
  return (rel.startsWith("..") || isAbsolute(rel) ? path : rel).split(sep).join("/");
}

// src/stages/train.ts
async function trainStage(options) {
  const progress = options.progress ?? silentProgress;
  const plan = await planTraining(options);
  const env = options.env ?? process.env;
  const modelShown = toProjectPath(plan.root, plan.modelPath);
  const recordPath = join5(plan.outDir, "training.json");
  const outModel = join5(plan.outDir, "model.onnx");
  if (plan.cacheEnabled && !options.force && !options.checkReproducible) {
    const restored = await restoreCached(plan, env, progress, { outModel, recordPath });
    if (restored) return restored;
  }
  const startedAt = /* @__PURE__ */ new Date();
  const python = pythonInCommand(plan.command);
  const [git, pythonVer] = await Promise.all([
    gitState(plan.root, env),
    python ? pythonVersion(python, plan.workdir, env) : Promise.resolve(null)
  ]);
  progress.info(
    `mlci train: running \`${plan.command}\` in ${toProjectPath(plan.root, plan.workdir)} (seed ${plan.seed}${plan.timeoutMs > 0 ? `, timeout ${plan.timeoutMs / 1e3} s` : ""})`
  );
  let describing;
  const first = await trainOnce(plan, options, env, () => {
    describing ??= plan.describeData();
  });
  let reproducibility = null;
  const checks = [...first.checks];
  if (options.checkReproducible && !checks.some((c) => c.status === "fail") && first.bytes) {
    reproducibility = await trainAgainAndCompare(plan, options, env, first.bytes, checks);
  }
  const failed = checks.filter((c) => c.status === "fail");
  const record = {
    schema: TRAINING_RECORD_SCHEMA,
    mlci_version: MLCI_VERSION,
    status: failed.length === 0 ? "pass" : "fail",
    failed_checks: failed.map((c) => c.name),
    started_at: startedAt.toISOString(),
    finished_at: (/* @__PURE__ */ new Date()).toISOString(),
    command: plan.command,
    workdir: toProjectPath(plan.root, plan.workdir),
    seed: plan.seed,
    params: plan.params,
    params_file: plan.paramsFile,
    params_sha256: plan.paramsSha256,
    params_file_sha256: plan.paramsFileSha256,
    overrides: plan.overrides,
    data: await (describing ?? plan.describeData()),
    sources: plan.sources,
    git,
    runtime: { node: process.version, python: pythonVer, python_interpreter: python },
    runner: runnerInfo(env),
    github: githubRun(env),
    process: first.process,
    metrics: first.metrics,
    model: first.bytes && first.signature ? {
      path: modelShown,
      sha256: sha256(first.bytes),
      bytes: first.bytes.length,
      signature: first.signature
    } : null,
    checks,
    cache: {
      enabled: plan.cacheEnabled,
      key: plan.cacheEnabled ? plan.cacheKey : null,
      hit: false,
      note: plan.cacheEnabled ? options.force ? `--force: retrained; ${plan.cacheNote}` : `miss; ${plan.cacheNote}` : "disabled (train.cache: false)"
    },
    reproducibility
  };
  if (failed.length > 0) {
    await writeJsonAtomic(recordPath, record);
    throw new CheckFailedError(failureMessage(failed, first.run, plan, recordPath));
  }
  await writeFileAtomic(outModel, first.bytes);
  await writeJsonAtomic(recordPath, record);
  if (plan.cacheEnabled) await writeCacheEntry(plan.cacheDir, { model: first.bytes, record });
  return { record, outDir: plan.outDir, modelPath: outModel, recordPath, cacheHit: false };
}
async function restoreCached(plan, env, progress, paths) {
  const { outModel, recordPath } = paths;
  const entry = await readCacheEntry(plan.cacheDir);
  if (!entry) return null;
  const git = await gitState(plan.root, env);
  const run3 = githubRun(env);
  const record = {
    ...entry.record,
    cache: {
      ...entry.record.cache,
      enabled: true,
      key: plan.cacheKey,
      hit: true,
      note: `restored from ${toProjectPath(plan.root, plan.cacheDir)} without retraining (--force retrains)`,
      restored: {
        at: (/* @__PURE__ */ new Date()).toISOString(),
        commit: git?.commit ?? null,
        run_url: run3?.run_url ?? null
      }
    }
  };
  await writeFileAtomic(plan.modelPath, entry.model);
  await writeFileAtomic(outModel, entry.model);
  await writeJsonAtomic(recordPath, record);
  progress.info(
    `mlci train: cache hit ${plan.cacheKey.slice(0, 12)}: restored ${toProjectPath(plan.root, plan.modelPath)} and training.json without retraining`
  );
  return { record, outDir: plan.outDir, modelPath: outModel, recordPath, cacheHit: true };
}
async function trainAgainAndCompare(plan, options, env, firstBytes, checks) {
  const progress = options.progress ?? silentProgress;
  let reproducibility = null;
  progress.info("mlci train: --check-reproducible: training a second time in a fresh directory");
  const second = await trainOnce(plan, options, env);
  if (!second.bytes || second.checks.some((c) => c.status === "fail")) {
    const failed = second.checks.find((c) => c.status === "fail");
    checks.push({
      name: "reproducible",
      status: "fail",
      detail: `the second run failed: ${failed ? `${failed.name}: ${failed.detail}` : "no model"}`
    });
  } else {
    const evalPattern = options.config?.data?.eval ?? options.config?.evaluate?.data;
    const evalFile = plan.data.find((d) => d.role === "eval");
    reproducibility = await compareRuns(firstBytes, second.bytes, {
      data: evalPattern ? resolve3(plan.root, evalPattern) : void 0,
      dataLabel: evalFile ? evalPattern && isGlob(evalPattern) ? evalPattern : evalFile.path : void 0,
      tolerance: options.tolerance ?? plan.train.tolerance ?? DEFAULT_TOLERANCE,
      source: { format: options.config?.data?.format, delimiter: options.config?.data?.delimiter },
      features: options.config?.model.features
    });
    checks.push({
      name: "reproducible",
      status: reproducibility.reproducible ? "pass" : "fail",
      detail: reproducibility.detail
    });
  }
  await writeFileAtomic(plan.modelPath, firstBytes);
  return reproducibility;
}
async function trainCacheKey(options) {
  const plan = await planTraining(options);
  return { key: plan.cacheKey, dir: plan.cacheDir, enabled: plan.cacheEnabled, note: plan.cacheNote };
}
async function trainOnce(plan, options, env, onStarted) {
  const scratch = await mkdtemp2(join5(tmpdir2(), "mlci-train-"));
  try {
    const paramsPath = join5(scratch, "params.json");
    const metricsPath = plan.metricsPath ?? join5(scratch, "metrics.jsonl");
    const finalMetricsPath = finalMetricsPathOf(metricsPath);
    await writeJsonAtomic(paramsPath, plan.params);
    await rm2(plan.modelPath, { force: true });
    await rm2(metricsPath, { force: true });
    await rm2(finalMetricsPath, { force: true });
    const run3 = await runCommand({
      command: plan.command,
      cwd: plan.workdir,
      env: {
        ...env,
        MLCI_SEED: String(plan.seed),
        PYTHONHASHSEED: String(plan.seed),
        MLCI_PARAMS: paramsPath,
        MLCI_MODEL_PATH: plan.modelPath,
        MLCI_METRICS_PATH: metricsPath,
        MLCI_FINAL_METRICS_PATH: finalMetricsPath,
        MLCI_WORK_DIR: scratch
      },
      timeoutMs: plan.timeoutMs,
      killGraceMs: options.killGraceMs,
      onOutput: options.onOutput,
      onStarted
    });
    const process2 = {
      exit_code: run3.exitCode,
      signal: run3.signal,
      timed_out: run3.timedOut,
      wall_seconds: Math.round(run3.wallSeconds * 1e3) / 1e3,
      cpu_user_seconds: run3.cpuUserSeconds,
      cpu_system_seconds: run3.cpuSystemSeconds,
      peak_rss_bytes: run3.peakRssBytes,
      measured_by: run3.measuredBy
    };
    const metrics = await readReportedMetrics(metricsPath, finalMetricsPath);
    const curve = lossCurve(metrics);
    const metricsRecord = {
      reported: metrics.reported,
      lines: metrics.lines.length,
      loss_curve: downsample(curve).map((p) => ({
        step: p.step,
        loss: Number.isFinite(p.loss) ? p.loss : null
      })),
      loss_points: curve.length,
      final: metrics.final
    };
    const checks = [];
    const succeeded = run3.exitCode === 0 && !run3.timedOut && !run3.signal;
    checks.push({
      name: "command",
      status: succeeded ? "pass" : "fail",
      detail: succeeded ? `exit code 0 in ${process2.wall_seconds} s` : `the training command failed: ${describeExit(run3, plan.timeoutMs)}`
    });
    if (!succeeded) return { run: run3, process: process2, checks, bytes: null, signature: null, metrics: metricsRecord };
    const shownModel = toProjectPath(plan.root, plan.modelPath);
    const model = await checkModelFile(plan.modelPath, shownModel);
    checks.push(...model.results);
    const train = plan.train.checks ?? {};
    const metricsShown = plan.metricsPath ? toProjectPath(plan.root, plan.metricsPath) : "$MLCI_METRICS_PATH";
    checks.push(checkMetricsFormat(metrics, metricsShown));
    if (train.finite_metrics !== false) checks.push(checkFiniteMetrics(metrics));
    const lossRule = lossRuleOf(train.loss_decreases);
    if (lossRule) checks.push(checkLossDecreases(curve, lossRule));
    if (model.signature && train.signature !== false) {
      checks.push(
        checkSignature(model.signature, {
          task: options.config?.model.task,
          label: options.config?.model.label,
          features: options.config?.model.features
        })
      );
      if (plan.productionModel) {
        const { path, shown } = plan.productionModel;
        const production = readModelSignature(new Uint8Array(await readFile7(path)), shown);
        checks.push(checkSignatureAgainstProduction(model.signature, production, shown));
      }
    }
    return { run: run3, process: process2, checks, bytes: model.bytes, signature: model.signature, metrics: metricsRecord };
  } finally {
    await rm2(scratch, { recursive: true, force: true });
  }
}
function lossRuleOf(setting) {
  if (setting === false) return null;
  if (setting === void 0 || setting === true) return DEFAULT_LOSS_RULE;
  return {
    window: setting.window ?? DEFAULT_LOSS_RULE.window,
    minDecrease: setting.min_decrease ?? DEFAULT_LOSS_RULE.minDecrease
  };
}
function failureMessage(failed, run3, plan, recordPath) {
  const lines = [];
  const command = failed.find((c) => c.name === "command");
  if (command) {
    lines.push(`${command.detail} (command: ${plan.command})`);
    if (run3.tail.length > 0) {
      lines.push(`last ${run3.tail.length} lines of output:`);
      lines.push(...run3.tail.map((l) => `  ${l}`));
    } else {
      lines.push("the command printed nothing");
    }
  } else if (failed.length === 1) {
    lines.push(`training check failed: ${failed[0].name}: ${failed[0].detail}`);
  } else {
    lines.push(`${failed.length} training checks failed:`);
    lines.push(...failed.map((c) => `  ${c.name}: ${c.detail}`));
  }
  lines.push(`record: ${recordPath}`);
  return lines.join("\n");
}

export {
  planTraining,
  trainStage,
  trainCacheKey
};
