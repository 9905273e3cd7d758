import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  CARD_ASSET,
  MODEL_ASSET,
  RECORD_ASSET,
  SUMS_ASSET,
  aliasesFromHistory,
  buildVersion,
  currentUser,
  prepareRegistration,
  rollbackTarget,
  sha256Hex,
  validateAlias,
  validateModelName,
  verifySha256
} from "./chunk-X6AQ5GPO.js";
import {
  TRAINING_RECORD_SCHEMA
} from "./chunk-HWRM5IOQ.js";
import {
  readModelSignature
} from "./chunk-XF6WS2KO.js";
import {
  silentProgress
} from "./chunk-HD4PHYYH.js";
import {
  requireFile,
  writeJsonAtomic
} from "./chunk-5SACKB5O.js";
import {
  CheckFailedError,
  InputError
} from "./chunk-HRKM2MUG.js";

// src/pipeline/register.ts
import { readFile as readFile3, stat as stat3 } from "node:fs/promises";
import { dirname as dirname2, join as join2 } from "node:path";

// src/lineage/version-lineage.ts
function versionLineage(record, recordName = "training.json") {
  const lineage = {
    dataHashes: Object.fromEntries(record.data.map((file) => [file.path, file.sha256])),
    params: { ...record.params, seed: record.seed },
    trainingRecord: recordName
  };
  if (record.git) {
    lineage.commit = record.git.commit;
    lineage.dirty = record.git.dirty;
  }
  if (record.github) lineage.runUrl = record.github.run_url;
  return lineage;
}

// src/registry/local.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { mkdir as mkdir2, readFile as readFile2, readdir, rename as rename2, rm, stat as stat2, writeFile } from "node:fs/promises";
import { join, resolve as resolvePath } from "node:path";

// src/registry/lock.ts
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { link, mkdir, open, readFile, rename, stat, unlink, utimes } from "node:fs/promises";
import { dirname } from "node:path";
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function readOwner(path) {
  try {
    const owner = JSON.parse(await readFile(path, "utf8"));
    return typeof owner.token === "string" ? owner : null;
  } catch {
    return null;
  }
}
async function isStale(path, owner, staleMs) {
  if (owner && owner.host === hostname() && !isAlive(owner.pid)) return true;
  try {
    const info = await stat(path);
    return Date.now() - info.mtimeMs > staleMs;
  } catch {
    return false;
  }
}
async function breakLock(path, observed) {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const taken = await readOwner(aside);
  if (observed && taken && taken.token !== observed.token) {
    await link(aside, path).catch(() => void 0);
  }
  await unlink(aside).catch(() => void 0);
}
async function withLock(path, fn, options = {}) {
  const staleMs = options.staleMs ?? 3e4;
  const timeoutMs = options.timeoutMs ?? 12e4;
  const retryMs = options.retryMs ?? 25;
  const owner = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString("hex"),
    at: (/* @__PURE__ */ new Date()).toISOString()
  };
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    try {
      const handle = await open(path, "wx");
      try {
        await handle.writeFile(JSON.stringify(owner));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const holder = await readOwner(path);
    if (await isStale(path, holder, staleMs)) {
      await breakLock(path, holder);
      continue;
    }
    if (Date.now() > deadline) {
      const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.at}` : "another process";
      throw new InputError(
        `registry is locked by ${who} (${path}); waited ${Math.round(timeoutMs / 1e3)} s — remove the file if no mlci process is running`
      );
    }
    await sleep(retryMs + Math.random() * retryMs);
  }
  const refresh = setInterval(
    () => {
      const now = /* @__PURE__ */ new Date();
      utimes(path, now, now).catch(() => void 0);
    },
    Math.max(50, staleMs / 3)
  );
  refresh.unref();
  try {
    return await fn();
  } finally {
    clearInterval(refresh);
    const current = await readOwner(path);
    if (current?.token === owner.token) await unlink(path).catch(() => void 0);
  }
}

// src/registry/local.ts
var DEFAULT_LOCAL_REGISTRY = ".mlci/registry";
var STAGING = ".staging";
var LOCK = ".lock";
var ALIASES = "aliases.json";
var STALE_STAGING_MS = 60 * 60 * 1e3;
function numbersOf(entries) {
  return entries.map((entry) => /^v(\d+)$/.exec(entry)).filter((match) => match !== null).map((match) => Number(match[1])).sort((a, b) => a - b);
}
var LocalRegistry = class {
  /** Absolute path of the registry directory. */
  dir;
  options;
  constructor(dir = DEFAULT_LOCAL_REGISTRY, options = {}) {
    this.dir = resolvePath(dir);
    this.options = options;
  }
  /** Where the files of a version live (for tools that want a path; reading through download() verifies). */
  versionDir(name, version) {
    return join(this.dir, validateModelName(name), `v${version}`);
  }
  async register(request) {
    const prepared = prepareRegistration(request);
    const root = join(this.dir, prepared.request.name);
    const known = (await this.list(request.name)).find((v) => v.sha256 === prepared.sha256);
    if (known) return { version: known, created: false };
    const staging = join(root, STAGING, `${process.pid}-${randomBytes2(6).toString("hex")}`);
    await mkdir2(staging, { recursive: true });
    try {
      for (const [file, bytes] of Object.entries(prepared.files)) await writeFile(join(staging, file), bytes);
      return await this.locked(prepared.request.name, async () => {
        const versions = await this.list(prepared.request.name);
        const same = versions.find((v) => v.sha256 === prepared.sha256);
        if (same) return { version: same, created: false };
        const previous = versions[versions.length - 1] ?? null;
        const number = Math.max(previous?.version ?? 0, ...await this.versionNumbers(root)) + 1;
        const built = buildVersion(prepared, number, previous, this.now().toISOString());
        for (const file of [CARD_ASSET, SUMS_ASSET, RECORD_ASSET]) {
          await writeFile(join(staging, file), built.files[file]);
        }
        await rename2(staging, join(root, `v${number}`));
        await this.sweepStaging(root);
        return { version: built.record, created: true };
      });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  async list(name) {
    const root = join(this.dir, validateModelName(name));
    let entries;
    try {
      entries = await readdir(root);
    } catch (error) {
      if (error.code === "ENOENT") return [];
      throw error;
    }
    const numbers = numbersOf(entries);
    const versions = [];
    for (const number of numbers) {
      const record = await this.readRecord(name, number);
      if (record) versions.push(record);
    }
    return versions;
  }
  async models() {
    let entries;
    try {
      entries = await readdir(this.dir, { withFileTypes: true });
    } catch (error) {
      if (error.code === "ENOENT") return [];
      throw error;
    }
    const names = [];
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
      if ((await this.list(entry.name)).length > 0) names.push(entry.name);
    }
    return names.sort();
  }
  async resolve(ref) {
    validateModelName(ref.name);
    if (ref.version !== void 0) return this.readRecord(ref.name, ref.version);
    if (ref.alias) {
      const target = (await this.aliases(ref.name))[ref.alias];
      return target === void 0 ? null : this.readRecord(ref.name, target);
    }
    const versions = await this.list(ref.name);
    return versions[versions.length - 1] ?? null;
  }
  async download(name, version, asset = MODEL_ASSET) {
    const record = await this.readRecord(name, version);
    if (!record) throw new InputError(`${name}@v${version} is not in the registry ${this.dir}`);
    if (!record.assets.includes(asset)) {
      throw new InputError(`${name}@v${version} has no file "${asset}" (it has ${record.assets.join(", ")})`);
    }
    const path = join(this.versionDir(name, version), asset);
    const bytes = new Uint8Array(await readFile2(path));
    if (asset === RECORD_ASSET) return bytes;
    const expected = asset === MODEL_ASSET ? record.sha256 : record.checksums?.[asset];
    if (!expected)
      throw new InputError(`${name}@v${version}: no recorded sha256 for "${asset}", refusing to use it`);
    return verifySha256(bytes, expected, `${name}@v${version} ${asset} (${path})`);
  }
  async aliases(name) {
    return (await this.readAliasFile(name)).aliases;
  }
  async promote(name, version, alias, by, reason) {
    validateModelName(name);
    validateAlias(alias);
    return this.locked(name, async () => {
      if (!await this.readRecord(name, version)) {
        throw new InputError(`cannot promote ${name}@v${version}: no such version in ${this.dir}`);
      }
      const state = await this.readAliasFile(name);
      const from = state.aliases[alias] ?? null;
      const event = {
        alias,
        from,
        to: version,
        at: this.now().toISOString(),
        by,
        kind: "promote"
      };
      if (reason) event.reason = reason;
      if (from === version) return event;
      await this.writeAliasFile(name, [...state.history, event]);
      return event;
    });
  }
  async rollback(name, alias, by, reason) {
    validateModelName(name);
    validateAlias(alias);
    return this.locked(name, async () => {
      const state = await this.readAliasFile(name);
      const { from, to } = rollbackTarget(name, state.history, alias);
      const event = { alias, from, to, at: this.now().toISOString(), by, kind: "rollback" };
      if (reason) event.reason = reason;
      await this.writeAliasFile(name, [...state.history, event]);
      return event;
    });
  }
  async history(name) {
    return (await this.readAliasFile(name)).history;
  }
  async versionNumbers(root) {
    return numbersOf(await readdir(root).catch(() => []));
  }
  now() {
    return this.options.now ? this.options.now() : /* @__PURE__ */ new Date();
  }
  locked(name, fn) {
    return withLock(join(this.dir, name, LOCK), fn, this.options.lock);
  }
  async readRecord(name, version) {
    const path = join(this.versionDir(name, version), RECORD_ASSET);
    let text;
    try {
      text = await readFile2(path, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return null;
      throw error;
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new InputError(`${path}: not valid JSON (${error.message})`);
    }
  }
  async readAliasFile(name) {
    const path = join(this.dir, validateModelName(name), ALIASES);
    let text;
    try {
      text = await readFile2(path, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return { aliases: {}, history: [] };
      throw error;
    }
    try {
      const parsed = JSON.parse(text);
      const history = Array.isArray(parsed.history) ? parsed.history : [];
      return { aliases: aliasesFromHistory(history), history };
    } catch (error) {
      throw new InputError(`${path}: not valid JSON (${error.message})`);
    }
  }
  async writeAliasFile(name, history) {
    const file = { aliases: aliasesFromHistory(history), history };
    await writeJsonAtomic(join(this.dir, name, ALIASES), file);
  }
  /** Removes staging directories left by processes that died mid-registration. */
  async sweepStaging(root) {
    const staging = join(root, STAGING);
    for (const entry of await readdir(staging).catch(() => [])) {
      const path = join(staging, entry);
      const info = await stat2(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > STALE_STAGING_MS)
        await rm(path, { recursive: true, force: true });
    }
  }
};

// src/pipeline/register.ts
var GITHUB_REGISTRY = "github";
function githubTargetFromEnv(env = process.env) {
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN ?? "";
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (!token)
    throw new InputError("--registry github needs a token in GITHUB_TOKEN (contents: write to register)");
  const [owner, repo] = repository.split("/");
  if (!owner || !repo) throw new InputError("--registry github needs GITHUB_REPOSITORY=owner/repo");
  return { token, owner, repo, baseUrl: env.GITHUB_API_URL || void 0 };
}
async function openRegistry(spec, env = process.env) {
  if (spec === GITHUB_REGISTRY) {
    const target = githubTargetFromEnv(env);
    const { GitHubReleaseRegistry } = await import("./release-registry-5ULQADJM.js");
    const { createOctokit } = await import("./octokit-TCNSXDFP.js");
    const octokit = createOctokit({
      token: target.token,
      baseUrl: target.baseUrl,
      onRateLimit: (e) => process.stderr.write(
        `mlci: GitHub ${e.kind} rate limit on ${e.method} ${e.url}: ${e.willRetry ? `retrying in ${e.retryAfterSeconds} s` : "giving up"}
`
      )
    });
    return new GitHubReleaseRegistry(octokit, {
      owner: target.owner,
      repo: target.repo,
      commit: env.GITHUB_SHA || void 0
    });
  }
  return new LocalRegistry(spec || DEFAULT_LOCAL_REGISTRY);
}
async function readJson(path, what) {
  await requireFile(path, what);
  const bytes = new Uint8Array(await readFile3(path));
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes));
    if (!value || typeof value !== "object" || Array.isArray(value))
      throw new Error("expected a JSON object");
    return { bytes, value };
  } catch (error) {
    throw new InputError(`${what} ${path}: not valid JSON (${error.message})`);
  }
}
async function exists(path) {
  return stat3(path).then(
    (info) => info.isFile(),
    () => false
  );
}
var asRecord = (value) => value && typeof value === "object" && !Array.isArray(value) ? value : {};
var asString = (value) => typeof value === "string" && value ? value : void 0;
function admissionFromEvaluation(evaluation, path) {
  const verdict = evaluation.verdict;
  if (verdict !== "pass" && verdict !== "fail") {
    const got = verdict === void 0 ? "missing" : JSON.stringify(verdict);
    throw new InputError(`${path}: "verdict" is ${got}, expected "pass" or "fail"`);
  }
  const metrics = {};
  for (const [key, value] of Object.entries(asRecord(asRecord(evaluation.candidate).metrics))) {
    if (typeof value === "number" || value === null) metrics[key] = value;
    else if (value && typeof value === "object" && "value" in value) {
      const inner = value.value;
      metrics[key] = typeof inner === "number" ? inner : null;
    }
  }
  return { metrics, verdict, rubberStamp: evaluation.rubber_stamp === true };
}
function lineageFromTraining(training, env) {
  const git = asRecord(training.git);
  const lineage = {};
  const commit = asString(training.commit) ?? asString(git.commit) ?? asString(git.sha) ?? asString(env.GITHUB_SHA);
  if (commit) lineage.commit = commit;
  const dirty = training.dirty ?? git.dirty;
  if (typeof dirty === "boolean") lineage.dirty = dirty;
  const runUrl = asString(training.runUrl) ?? asString(training.run_url) ?? runUrlFromEnv(env);
  if (runUrl) lineage.runUrl = runUrl;
  const hashes = {};
  const data = training.data ?? training.dataHashes ?? training.data_hashes;
  if (Array.isArray(data)) {
    for (const entry of data.map(asRecord)) {
      const path = asString(entry.path) ?? asString(entry.name);
      const hash = asString(entry.sha256) ?? asString(entry.hash);
      if (path && hash) hashes[path] = hash;
    }
  } else {
    for (const [key, value] of Object.entries(asRecord(data))) {
      const hash = typeof value === "string" ? value : asString(asRecord(value).sha256);
      if (hash) hashes[key] = hash;
    }
  }
  if (Object.keys(hashes).length > 0) lineage.dataHashes = hashes;
  const params = asRecord(training.params ?? training.parameters);
  if (Object.keys(params).length > 0) lineage.params = params;
  return lineage;
}
function runUrlFromEnv(env) {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return void 0;
  return `${env.GITHUB_SERVER_URL || "https://github.com"}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
async function buildRegisterRequest(options) {
  const env = options.env ?? process.env;
  if (!options.model) throw new InputError("--model is required (the ONNX model to register)");
  if (!options.name) throw new InputError("--name is required (the model name in the registry)");
  await requireFile(options.model, "model");
  const model = new Uint8Array(await readFile3(options.model));
  readModelSignature(model, options.model);
  if (options.force && !options.reason)
    throw new InputError("--force needs --reason (the forcing is recorded)");
  const files = {};
  const request = { name: options.name, model, files, by: options.by ?? currentUser() };
  if (options.evaluation) {
    const { bytes, value } = await readJson(options.evaluation, "evaluation");
    const evaluated = asString(asRecord(value.candidate).sha256);
    if (evaluated && evaluated !== sha256Hex(model)) {
      throw new InputError(
        `${options.evaluation} evaluated a model with sha256 ${evaluated}, but ${options.model} has ${sha256Hex(model)}: its verdict cannot admit this model`
      );
    }
    Object.assign(request, admissionFromEvaluation(value, options.evaluation));
    files["evaluation.json"] = bytes;
  }
  const beside = dirname2(options.model);
  const training = options.training ?? (await exists(join2(beside, "training.json")) ? join2(beside, "training.json") : void 0);
  let lineage = lineageFromTraining({}, env);
  if (training) {
    const { bytes, value } = await readJson(training, "training record");
    lineage = lineageFromTraining(value, env);
    if (value.schema === TRAINING_RECORD_SCHEMA) {
      const record = value;
      lineage = { ...lineageFromTraining({}, env), ...versionLineage(record) };
      if (record.model?.sha256 && record.model.sha256 !== sha256Hex(model)) {
        throw new InputError(
          `${training} describes a model with sha256 ${record.model.sha256}, but ${options.model} has ${sha256Hex(model)}: pass the training.json of this model`
        );
      }
      if (record.status === "fail" && !options.force) {
        throw new CheckFailedError(
          `refusing to register ${options.name}: its training run failed its checks (${record.failed_checks.join(", ") || "see training.json"}); use --force with a reason to register it anyway`
        );
      }
    }
    lineage.trainingRecord = "training.json";
    files["training.json"] = bytes;
  }
  request.lineage = lineage;
  const statistics = options.statistics ?? (await exists(join2(beside, "statistics.json")) ? join2(beside, "statistics.json") : void 0);
  if (statistics) files["statistics.json"] = (await readJson(statistics, "statistics")).bytes;
  if (options.force) request.force = { by: request.by, reason: options.reason };
  return request;
}
async function registerStage(options, registry, progress = silentProgress) {
  const request = await buildRegisterRequest(options);
  progress.start(`registering ${options.name}`);
  const { version, created } = await registry.register(request);
  progress.finish(created ? `${version.tag}` : `${version.tag} (already registered)`);
  const aliasEvents = [];
  for (const alias of options.aliases ?? []) {
    aliasEvents.push(
      await registry.promote(version.name, version.version, alias, request.by, `registered ${version.tag}`)
    );
  }
  return { version, registered: created, aliasEvents };
}

export {
  GITHUB_REGISTRY,
  githubTargetFromEnv,
  openRegistry,
  admissionFromEvaluation,
  lineageFromTraining,
  buildRegisterRequest,
  registerStage
};
