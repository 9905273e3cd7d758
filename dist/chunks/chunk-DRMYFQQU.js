import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  planAttachment,
  validateAttachRequest
} from "./chunk-UFIAAMN5.js";
import {
  isMlflowModelDir,
  mlflowLineage,
  readMlflowModel
} from "./chunk-ASXTV7AU.js";
import {
  CARD_ASSET,
  MODEL_ASSET,
  RECORD_ASSET,
  SUMS_ASSET,
  aliasesFromHistory,
  buildVersion,
  checkHistory,
  checkRecord,
  currentUser,
  prepareRegistration,
  rollbackTarget,
  sealVersion,
  validateAlias,
  validateModelName
} from "./chunk-7VZC23W7.js";
import {
  sha256Hex,
  verifySha256
} from "./chunk-5Z5STRRD.js";
import {
  readModelSignature
} from "./chunk-R2X24BNK.js";
import {
  TRAINING_RECORD_SCHEMA,
  dataVersionId
} from "./chunk-J2OQGLLM.js";
import {
  isStatistics
} from "./chunk-TDVX5RST.js";
import {
  silentProgress
} from "./chunk-HD4PHYYH.js";
import {
  DEFAULT_LOCAL_REGISTRY
} from "./chunk-ALJEQPYT.js";
import {
  requireFile
} from "./chunk-A7ELOP3Y.js";
import {
  CheckFailedError,
  InputError
} from "./chunk-HRKM2MUG.js";

// src/stages/register.ts
import { readFile as readFile3, stat as stat3 } from "node:fs/promises";
import { dirname as dirname2, join as join4 } from "node:path";

// src/lineage/version-lineage.ts
function versionLineage(record, recordName = "training.json") {
  const lineage = {
    dataHashes: Object.fromEntries(record.data.map((file) => [file.path, dataVersionId(file)])),
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
import { access, readFile as readFile2, readdir as readdir3, rename as rename2, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join3, resolve as resolvePath } from "node:path";

// src/registry/local-files.ts
import { createHash as createHash2, randomBytes as randomBytes2 } from "node:crypto";
import { hostname as hostname2 } from "node:os";
import { mkdir as mkdir2, open, readdir as readdir2, rename, rm, rmdir, stat as stat2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/registry/lock.ts
import { createHash, randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { link, mkdir, readFile, readdir, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function processAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
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
    return typeof owner?.token === "string" && typeof owner.pid === "number" ? owner : null;
  } catch {
    return null;
  }
}
async function ageMs(path) {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
}
async function isStale(path, owner, options) {
  if (owner && owner.host === hostname() && !processAlive(owner.pid)) return true;
  const age = await ageMs(path);
  if (age === null) return false;
  return age > (owner ? options.staleMs : options.unreadableGraceMs);
}
async function observe(path) {
  let ino;
  try {
    ino = (await stat(path)).ino;
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
  const owner = await readOwner(path);
  return { owner, key: owner ? tokenKey(owner.token) : `i${ino}` };
}
function tokenKey(token) {
  return `t${createHash("sha256").update(token).digest("hex").slice(0, 20)}`;
}
function claimPath(lockPath, key) {
  return `${lockPath}.break-${key}`;
}
var MAX_CLAIM_DEPTH = 8;
async function takeOver(lockPath, target, seen, settings, depth = 0) {
  const claim = claimPath(lockPath, seen.key);
  if (await linkOwner(lockPath, claim, newOwner())) {
    try {
      const now = await observe(target);
      if (now?.key === seen.key && await isStale(target, now.owner, settings)) {
        await unlink(target).catch((error) => {
          if (error.code !== "ENOENT") throw error;
        });
      }
    } finally {
      await unlink(claim).catch(() => void 0);
    }
    return true;
  }
  const rival = await observe(claim);
  if (rival === null) return true;
  if (depth >= MAX_CLAIM_DEPTH || !await isStale(claim, rival.owner, settings)) return false;
  return takeOver(lockPath, claim, rival, settings, depth + 1);
}
async function sweepClaims(lockPath, owner, settings) {
  const prefix = `${basename(lockPath)}.break-`;
  const entries = (await readdir(dirname(lockPath)).catch(() => [])).filter(
    (e) => e.startsWith(prefix)
  );
  if (entries.includes(basename(claimPath(lockPath, tokenKey(owner.token))))) return;
  for (const entry of entries) {
    const path = join(dirname(lockPath), entry);
    const seen = await observe(path).catch(() => null);
    if (seen && await isStale(path, seen.owner, settings)) await unlink(path).catch(() => void 0);
  }
}
function newOwner() {
  return {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString("hex"),
    at: (/* @__PURE__ */ new Date()).toISOString()
  };
}
async function linkOwner(lockPath, target, owner) {
  const temp = lockTempPath(lockPath, owner.pid, owner.token);
  await writeFile(temp, JSON.stringify(owner), { flag: "wx" });
  try {
    await link(temp, target);
    return true;
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    return false;
  } finally {
    await unlink(temp).catch(() => void 0);
  }
}
function lockTempPath(path, pid, token) {
  return `${path}.${pid}-${token}.tmp`;
}
function lockLeftoverPid(lockName, entry) {
  if (!entry.startsWith(`${lockName}.`)) return null;
  const match = /^(?:stale-)?(\d+)-[0-9a-f]+(?:\.tmp)?$/.exec(entry.slice(lockName.length + 1));
  return match ? Number(match[1]) : null;
}
function resolveOptions(options) {
  return {
    staleMs: options.staleMs ?? 3e4,
    unreadableGraceMs: options.unreadableGraceMs ?? 500,
    timeoutMs: options.timeoutMs ?? 12e4,
    retryMs: options.retryMs ?? 25,
    noticeAfterMs: options.noticeAfterMs ?? 1e3,
    onAcquired: options.onAcquired ?? (() => void 0),
    onWait: options.onWait ?? ((message) => process.stderr.write(`mlci: ${message}
`))
  };
}
async function withLock(path, fn, options = {}) {
  const settings = resolveOptions(options);
  const owner = newOwner();
  await mkdir(dirname(path), { recursive: true });
  const started = Date.now();
  const deadline = started + settings.timeoutMs;
  let told = false;
  let pauses = 0;
  while (!await linkOwner(path, path, owner)) {
    const seen = await observe(path);
    if (seen === null) continue;
    if (await isStale(path, seen.owner, settings) && await takeOver(path, path, seen, settings)) continue;
    const holder = seen.owner;
    const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.at}` : "another process";
    if (Date.now() > deadline) {
      throw new InputError(
        `registry is locked by ${who} (${path}); waited ${Math.round(settings.timeoutMs / 1e3)} s — remove the file if no mlci process is running`
      );
    }
    if (!told && holder && Date.now() - started >= settings.noticeAfterMs) {
      told = true;
      settings.onWait(`waiting for the registry lock ${path}, held by ${who}`);
    }
    pauses++;
    await sleep(settings.retryMs + Math.random() * settings.retryMs);
  }
  settings.onAcquired(pauses);
  const refresh = setInterval(
    () => {
      const now = /* @__PURE__ */ new Date();
      utimes(path, now, now).catch(() => void 0);
    },
    Math.max(50, settings.staleMs / 3)
  );
  refresh.unref();
  try {
    await sweepClaims(path, owner, settings);
    return await fn();
  } finally {
    clearInterval(refresh);
    const current = await readOwner(path);
    if (current?.token === owner.token) await unlink(path).catch(() => void 0);
  }
}

// src/registry/local-files.ts
var STAGING = ".staging";
var LOCK = ".lock";
var PENDING = ".pending";
var FOREIGN_STALE_MS = 60 * 60 * 1e3;
var HOST = createHash2("sha256").update(hostname2()).digest("hex").slice(0, 8);
function stagingName(suffix = "") {
  return `${process.pid}-${HOST}-${randomBytes2(6).toString("hex")}${suffix}`;
}
async function retryOnMissingDir(fn) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (error.code !== "ENOENT" || attempt >= 5) throw error;
    }
  }
}
async function makeStagingDir(root) {
  const path = join2(root, STAGING, stagingName());
  await retryOnMissingDir(() => mkdir2(path, { recursive: true }));
  return path;
}
async function writeAtomic(root, target, data) {
  const temp = join2(root, STAGING, stagingName(".tmp"));
  await retryOnMissingDir(async () => {
    await mkdir2(join2(root, STAGING), { recursive: true });
    await writeSynced(temp, data);
  });
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
async function writeSynced(path, data) {
  const handle = await open(path, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
async function abandoned(path, entry) {
  const match = /^(\d+)-([0-9a-f]{8})-/.exec(entry);
  if (match && match[2] === HOST) return !processAlive(Number(match[1]));
  const info = await stat2(path).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > FOREIGN_STALE_MS;
}
async function sweepLeftovers(root, recordFile) {
  const rootEntries = await readdir2(root).catch(() => []);
  for (const entry of rootEntries) {
    if (/^v\d+$/.test(entry)) await finishPending(join2(root, entry), recordFile);
  }
  const staging = join2(root, STAGING);
  const entries = await readdir2(staging).catch(() => []);
  for (const entry of entries) {
    const path = join2(staging, entry);
    if (await abandoned(path, entry)) await rm(path, { recursive: true, force: true });
  }
  await removeEmptyStaging(root);
  for (const entry of rootEntries) {
    const pid = lockLeftoverPid(LOCK, entry);
    if (pid !== null && !processAlive(pid)) await rm(join2(root, entry), { force: true });
  }
}
async function finishPending(versionDir, recordFile) {
  const pending = join2(versionDir, PENDING);
  const entries = await readdir2(pending).catch((error) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (entries === null) return;
  const ordered = [...entries.filter((e) => e !== recordFile), ...entries.filter((e) => e === recordFile)];
  for (const entry of ordered) await rename(join2(pending, entry), join2(versionDir, entry));
  await rmdir(pending);
}
async function removeEmptyStaging(root) {
  await rmdir(join2(root, STAGING)).catch(() => void 0);
}

// src/registry/local.ts
var ALIASES = "aliases.json";
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
    return join3(this.dir, validateModelName(name), `v${version}`);
  }
  async register(request) {
    const prepared = prepareRegistration(request);
    const root = join3(this.dir, prepared.request.name);
    const known = (await this.list(request.name)).find((v) => v.sha256 === prepared.sha256);
    if (known) return { version: known, created: false };
    const staging = await makeStagingDir(root);
    try {
      for (const [file, bytes] of Object.entries(prepared.files)) await writeFile2(join3(staging, file), bytes);
      return await this.locked(prepared.request.name, async () => {
        const versions = await this.list(prepared.request.name);
        const same = versions.find((v) => v.sha256 === prepared.sha256);
        if (same) {
          await rm2(staging, { recursive: true, force: true });
          return { version: same, created: false };
        }
        const previous = versions[versions.length - 1] ?? null;
        const number = Math.max(previous?.version ?? 0, ...await this.versionNumbers(root)) + 1;
        const built = buildVersion(prepared, number, previous, this.now().toISOString());
        for (const file of [CARD_ASSET, SUMS_ASSET, RECORD_ASSET]) {
          await writeFile2(join3(staging, file), built.files[file]);
        }
        await rename2(staging, join3(root, `v${number}`));
        return { version: built.record, created: true };
      });
    } finally {
      await rm2(staging, { recursive: true, force: true });
    }
  }
  async list(name) {
    const root = join3(this.dir, validateModelName(name));
    let entries;
    try {
      entries = await readdir3(root);
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
      entries = await readdir3(this.dir, { withFileTypes: true });
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
      validateAlias(ref.alias);
      const target = (await this.aliases(ref.name))[ref.alias];
      return target === void 0 ? null : this.readRecord(ref.name, target);
    }
    const versions = await this.list(ref.name);
    return versions[versions.length - 1] ?? null;
  }
  async download(name, version, asset = MODEL_ASSET) {
    await this.settled(name, version);
    const record = await this.readRecord(name, version);
    if (!record) throw new InputError(`${name}@v${version} is not in the registry ${this.dir}`);
    if (!record.assets.includes(asset)) {
      throw new InputError(`${name}@v${version} has no file "${asset}" (it has ${record.assets.join(", ")})`);
    }
    const path = join3(this.versionDir(name, version), asset);
    const bytes = await readFile2(path).then(
      (data) => new Uint8Array(data),
      (error) => {
        if (error.code !== "ENOENT") throw error;
        throw new InputError(`${name}@v${version}: its file "${asset}" is missing from ${path}`);
      }
    );
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
    if (!await this.readRecord(name, version)) {
      throw new InputError(`cannot promote ${name}@v${version}: no such version in ${this.dir}`);
    }
    return this.locked(name, async () => {
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
    rollbackTarget(name, (await this.readAliasFile(name)).history, alias);
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
  async attach(request) {
    validateAttachRequest(request);
    const { name, version } = request;
    const found = await this.readRecord(name, version);
    if (!found) throw new InputError(`cannot attach to ${name}@v${version}: no such version in ${this.dir}`);
    if (Object.keys(planAttachment(found, request, "").files).length === 0) return found;
    return this.locked(name, async () => {
      const current = await this.readRecord(name, version);
      const plan = planAttachment(current, request, this.now().toISOString());
      const sealed = sealVersion(plan.record, await this.previousOf(name, version));
      const dir = this.versionDir(name, version);
      const staging = await makeStagingDir(join3(this.dir, name));
      try {
        const record = JSON.stringify(sealed.record, null, 2) + "\n";
        const files = { ...plan.files, ...sealed.files, [RECORD_ASSET]: record };
        for (const [file, bytes] of Object.entries(files)) await writeSynced(join3(staging, file), bytes);
        await rename2(staging, join3(dir, PENDING));
      } finally {
        await rm2(staging, { recursive: true, force: true });
      }
      await finishPending(dir, RECORD_ASSET);
      return sealed.record;
    });
  }
  /** The version a version's card compares with: the one registered just before it. */
  async previousOf(name, version) {
    const earlier = (await this.list(name)).filter((v) => v.version < version);
    return earlier[earlier.length - 1] ?? null;
  }
  /** Finishes an attachment a killed process decided but left half moved, before a file is read. */
  async settled(name, version) {
    const pending = join3(this.versionDir(name, version), PENDING);
    if (await access(pending).then(
      () => true,
      () => false
    ))
      await this.locked(name, async () => void 0);
  }
  async versionNumbers(root) {
    return numbersOf(await readdir3(root).catch(() => []));
  }
  now() {
    return this.options.now ? this.options.now() : /* @__PURE__ */ new Date();
  }
  /** Runs a write under the model's lock, after clearing what killed writers left behind. */
  locked(name, fn) {
    const root = join3(this.dir, name);
    return withLock(
      join3(root, LOCK),
      async () => {
        await sweepLeftovers(root, RECORD_ASSET);
        try {
          return await fn();
        } finally {
          await removeEmptyStaging(root);
        }
      },
      this.options.lock
    );
  }
  async readRecord(name, version) {
    const path = join3(this.versionDir(name, version), RECORD_ASSET);
    let text;
    try {
      text = await readFile2(path, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return null;
      throw error;
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${path}: not valid JSON (${error.message})`);
    }
    return checkRecord(value, name, version, path);
  }
  async readAliasFile(name) {
    const path = join3(this.dir, validateModelName(name), ALIASES);
    let text;
    try {
      text = await readFile2(path, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return { aliases: {}, history: [] };
      throw error;
    }
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${path}: not valid JSON (${error.message})`);
    }
    const history = checkHistory(parsed?.history, path);
    return { aliases: aliasesFromHistory(history), history };
  }
  async writeAliasFile(name, history) {
    const file = { aliases: aliasesFromHistory(history), history };
    const root = join3(this.dir, name);
    await writeAtomic(root, join3(root, ALIASES), JSON.stringify(file, null, 2) + "\n");
  }
};

// src/stages/register.ts
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
    const { GitHubReleaseRegistry } = await import("./release-registry-526HWPDE.js");
    const { createOctokit } = await import("./octokit-XYQDH4QU.js");
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
async function readStatistics(path) {
  const { bytes, value } = await readJson(path, "statistics");
  if (!isStatistics(value)) {
    throw new InputError(
      `statistics ${path}: not mlci statistics (expected "format": "mlci-statistics"; write it with mlci validate-data)`
    );
  }
  return bytes;
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
function lineageFromEnvironment(env) {
  const lineage = {};
  if (env.GITHUB_SHA) lineage.commit = env.GITHUB_SHA;
  const runUrl = runUrlFromEnv(env);
  if (runUrl) lineage.runUrl = runUrl;
  return lineage;
}
function runUrlFromEnv(env) {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return void 0;
  return `${env.GITHUB_SERVER_URL || "https://github.com"}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
async function readRegistration(options) {
  const env = options.env ?? process.env;
  if (!options.model) throw new InputError("--model is required (the ONNX model to register)");
  if (!options.name) throw new InputError("--name is required (the model name in the registry)");
  validateModelName(options.name);
  for (const alias of options.aliases ?? []) validateAlias(alias);
  const mlflow = await isMlflowModelDir(options.model) ? await readMlflowModel(options.model) : null;
  await requireFile(mlflow?.onnxPath ?? options.model, "model");
  const model = new Uint8Array(await readFile3(mlflow?.onnxPath ?? options.model));
  readModelSignature(model, mlflow?.onnxPath ?? options.model);
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
  const beside = mlflow ? options.model : dirname2(options.model);
  const training = options.training ?? (await exists(join4(beside, "training.json")) ? join4(beside, "training.json") : void 0);
  let lineage = lineageFromEnvironment(env);
  if (training) {
    const { bytes, value } = await readJson(training, "training record");
    if (value.schema !== TRAINING_RECORD_SCHEMA) {
      throw new InputError(
        `training record ${training}: not an mlci training record (expected "schema": "${TRAINING_RECORD_SCHEMA}"; write it with mlci train, or register without --training)`
      );
    }
    const record = value;
    lineage = { ...lineage, ...versionLineage(record) };
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
    lineage.trainingRecord = "training.json";
    files["training.json"] = bytes;
  }
  const fromMlflow = mlflow ? mlflowLineage(mlflow) : void 0;
  if (fromMlflow) lineage.mlflow = fromMlflow;
  request.lineage = lineage;
  const statistics = options.statistics ?? (await exists(join4(beside, "statistics.json")) ? join4(beside, "statistics.json") : void 0);
  if (statistics) files["statistics.json"] = await readStatistics(statistics);
  if (options.force) request.force = { by: request.by, reason: options.reason };
  return request;
}
async function registerStage(options, registry, progress = silentProgress) {
  const request = await readRegistration(options);
  const aliases = [...new Set(options.aliases ?? [])];
  progress.start(`registering ${options.name}`);
  const { version, created } = await registry.register(request);
  progress.finish(created ? `${version.tag}` : `${version.tag} (already registered)`);
  const aliasEvents = [];
  const aliasesKept = [];
  const filesNotStored = created ? [] : Object.entries(request.files ?? {}).filter(([file, bytes]) => version.checksums?.[file] !== sha256Hex(bytes)).map(([file]) => file);
  if (!created && !options.moveAliasesIfRegistered) {
    const current = aliases.length ? await registry.aliases(version.name) : {};
    for (const alias of aliases) aliasesKept.push({ alias, version: current[alias] ?? null });
    return { version, registered: false, aliasEvents, aliasesKept, filesNotStored };
  }
  for (const alias of aliases) {
    aliasEvents.push(
      await registry.promote(version.name, version.version, alias, request.by, `registered ${version.tag}`)
    );
  }
  return { version, registered: created, aliasEvents, aliasesKept, filesNotStored };
}

export {
  GITHUB_REGISTRY,
  githubTargetFromEnv,
  openRegistry,
  readStatistics,
  admissionFromEvaluation,
  lineageFromEnvironment,
  readRegistration,
  registerStage
};
