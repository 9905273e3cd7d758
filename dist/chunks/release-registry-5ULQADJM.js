import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  CARD_ASSET,
  MODEL_ASSET,
  RECORD_ASSET,
  SUMS_ASSET,
  buildVersion,
  formatSha256Sums,
  prepareRegistration,
  rollbackTarget,
  sha256Hex,
  validateAlias,
  validateModelName,
  verifySha256
} from "./chunk-X6AQ5GPO.js";
import {
  CheckFailedError,
  ExitCode,
  InputError,
  MlciError
} from "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/github/release-registry.ts
var RECORD_MARKER = /<!-- mlci-record:([A-Za-z0-9+/=]+) -->/;
var SHA1 = /^[0-9a-f]{40}$/;
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function alreadyExists(error) {
  if (statusOf(error) !== 422) return false;
  const data = error.response?.data;
  return /already exists/i.test(data?.message ?? error.message) || (data?.errors ?? []).some((e) => e.code === "already_exists");
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var GitHubRegistryError = class extends MlciError {
  status;
  constructor(message, status, options) {
    super(message, ExitCode.Usage, options);
    this.status = status;
  }
};
function explainGitHubError(error, repository) {
  const status = statusOf(error);
  if (status === void 0 || error instanceof MlciError) return error;
  const request = error.request;
  const call = request ? `${request.method} ${request.url}` : "a GitHub API call";
  const detail = error.message.split("\n")[0].slice(0, 300);
  const hint = status === 401 ? "the token is missing or invalid" : status === 403 ? "the token may not write here: the register job needs `permissions: contents: write` (a fork pull request only gets a read-only token)" : status === 404 ? `the repository ${repository} or the object was not found (or the token cannot see it)` : status >= 500 ? "GitHub kept failing after retries; try again later" : "GitHub refused the request";
  return new GitHubRegistryError(
    `GitHub registry ${repository}: ${call} answered ${status} (${detail}): ${hint}`,
    status,
    {
      cause: error
    }
  );
}
function releaseBody(card, record) {
  const encoded = Buffer.from(JSON.stringify(record)).toString("base64");
  return `${card.trimEnd()}

<!-- mlci-record:${encoded} -->
`;
}
function recordFromBody(body) {
  const match = RECORD_MARKER.exec(body ?? "");
  if (!match) return null;
  try {
    return JSON.parse(Buffer.from(match[1], "base64").toString("utf8"));
  } catch {
    return null;
  }
}
function cardFromBody(body) {
  return body.replace(RECORD_MARKER, "").trimEnd() + "\n";
}
var GitHubReleaseRegistry = class {
  constructor(octokit, options) {
    this.octokit = octokit;
    this.owner = options.owner;
    this.repo = options.repo;
    this.options = options;
  }
  octokit;
  owner;
  repo;
  options;
  defaultCommit = null;
  register(request) {
    return this.guard(async () => {
      const prepared = prepareRegistration(request);
      const { name } = request;
      const attempts = this.options.claimAttempts ?? 20;
      for (let attempt = 0; attempt < attempts; attempt++) {
        const entries = await this.scan(name);
        const done = entries.find((e) => !e.release.draft && e.record?.sha256 === prepared.sha256);
        if (done) return { version: done.record, created: false };
        const pending = entries.find((e) => e.release.draft && e.record?.sha256 === prepared.sha256);
        if (pending) {
          const resumed = await this.resume(pending, prepared);
          if (resumed) return { version: resumed, created: true };
          continue;
        }
        const live = await this.removeStaleDrafts(entries);
        const claimed = await this.claimedVersions(name);
        const number = Math.max(0, ...live.map((e) => e.version), ...claimed) + 1;
        const commit = await this.commitFor(request);
        const tagObject = await this.createTagObject(
          `${name}@v${number}`,
          `mlci model ${name} v${number}

model sha256 ${prepared.sha256}
`,
          commit
        );
        try {
          await this.octokit.request("POST /repos/{owner}/{repo}/git/refs", {
            ...this.repoParams(),
            ref: `refs/tags/${name}@v${number}`,
            sha: tagObject
          });
        } catch (error) {
          if (alreadyExists(error)) continue;
          throw error;
        }
        const version = await this.createClaimed(prepared, number, commit);
        if (version) return { version, created: true };
      }
      throw new CheckFailedError(
        `could not claim a version number for ${name} after ${attempts} attempts: too many concurrent registrations`
      );
    });
  }
  list(name) {
    return this.guard(async () => {
      return (await this.scan(name)).filter((e) => !e.release.draft && e.record).map((e) => e.record).sort((a, b) => a.version - b.version);
    });
  }
  models() {
    return this.guard(async () => {
      const names = /* @__PURE__ */ new Set();
      for (const release of await this.releases()) {
        const match = /^(.+)@v\d+$/.exec(release.tag_name);
        if (match && !release.draft && recordFromBody(release.body)) names.add(match[1]);
      }
      return [...names].sort();
    });
  }
  resolve(ref) {
    return this.guard(async () => {
      validateModelName(ref.name);
      if (ref.version !== void 0) return (await this.published(ref.name, ref.version))?.record ?? null;
      if (ref.alias) {
        const target = (await this.aliases(ref.name))[ref.alias];
        return target === void 0 ? null : this.resolve({ name: ref.name, version: target });
      }
      const versions = await this.list(ref.name);
      return versions[versions.length - 1] ?? null;
    });
  }
  download(name, version, asset = MODEL_ASSET) {
    return this.guard(async () => {
      validateModelName(name);
      const found = await this.published(name, version);
      if (!found?.record) {
        throw new InputError(`${name}@v${version} is not a published release of ${this.owner}/${this.repo}`);
      }
      const { record, release } = found;
      const stored = release.assets.find((a) => a.name === asset);
      if (!stored) {
        throw new InputError(
          `${name}@v${version} has no asset "${asset}" (it has ${release.assets.map((a) => a.name).join(", ")})`
        );
      }
      const expected = asset === MODEL_ASSET ? record.sha256 : record.checksums?.[asset];
      if (!expected && asset !== RECORD_ASSET) {
        throw new InputError(`${name}@v${version}: no recorded sha256 for "${asset}", refusing to use it`);
      }
      const response = await this.octokit.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
        ...this.repoParams(),
        asset_id: stored.id,
        headers: { accept: "application/octet-stream" }
      });
      const bytes = new Uint8Array(response.data);
      if (!expected) return bytes;
      return verifySha256(bytes, expected, `${name}@v${version} ${asset} (release asset ${stored.id})`);
    });
  }
  aliases(name) {
    return this.guard(async () => {
      const aliases = {};
      for (const { alias, sha } of await this.aliasRefs(name)) {
        const event = await this.readEvent(sha);
        if (event) aliases[alias] = event.to;
      }
      return aliases;
    });
  }
  promote(name, version, alias, by, reason) {
    return this.guard(async () => {
      validateModelName(name);
      validateAlias(alias);
      if (!(await this.published(name, version))?.record) {
        throw new InputError(
          `cannot promote ${name}@v${version}: no such published version in ${this.owner}/${this.repo}`
        );
      }
      return this.moveAlias(name, alias, async (current) => ({
        from: current?.to ?? null,
        to: version,
        kind: "promote",
        by,
        reason
      }));
    });
  }
  rollback(name, alias, by, reason) {
    return this.guard(async () => {
      validateModelName(name);
      validateAlias(alias);
      return this.moveAlias(name, alias, async (_current, chain) => {
        const { from, to } = rollbackTarget(name, chain, alias);
        return { from, to, kind: "rollback", by, reason };
      });
    });
  }
  history(name) {
    return this.guard(async () => {
      validateModelName(name);
      const events = [];
      for (const { sha } of await this.aliasRefs(name)) events.push(...await this.chain(sha));
      return events.map((event, index) => ({ event, index })).sort((a, b) => a.event.at.localeCompare(b.event.at) || a.index - b.index).map(({ event }) => event);
    });
  }
  /** Turns a failed GitHub call into one message naming the repository, the call and what to do. */
  async guard(fn) {
    try {
      return await fn();
    } catch (error) {
      throw explainGitHubError(error, `${this.owner}/${this.repo}`);
    }
  }
  repoParams() {
    return { owner: this.owner, repo: this.repo };
  }
  now() {
    return this.options.now ? this.options.now() : /* @__PURE__ */ new Date();
  }
  async releases() {
    return await this.octokit.paginate("GET /repos/{owner}/{repo}/releases", {
      ...this.repoParams(),
      per_page: 100
    });
  }
  /** Every release of a model, drafts included when the token can see them, with their records. */
  async scan(name) {
    validateModelName(name);
    const pattern = new RegExp(`^${escapeRegExp(name)}@v(\\d+)$`);
    const entries = [];
    for (const release of await this.releases()) {
      const match = pattern.exec(release.tag_name);
      if (match) entries.push({ release, version: Number(match[1]), record: recordFromBody(release.body) });
    }
    return entries.sort((a, b) => a.version - b.version);
  }
  async published(name, version) {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/releases/tags/{tag}", {
        ...this.repoParams(),
        tag: `${name}@v${version}`
      });
      const release = data;
      return { release, record: recordFromBody(release.body) };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }
  /** Version numbers taken by tag refs, including claims whose release was never published. */
  async claimedVersions(name) {
    const pattern = new RegExp(`^refs/tags/${escapeRegExp(name)}@v(\\d+)$`);
    const refs = await this.matchingTagRefs(name);
    return refs.map((r) => pattern.exec(r.ref)).filter((m) => m !== null).map((m) => Number(m[1]));
  }
  async matchingTagRefs(name) {
    return await this.octokit.paginate("GET /repos/{owner}/{repo}/git/matching-refs/{ref}", {
      ...this.repoParams(),
      ref: `tags/${name}@`,
      per_page: 100
    });
  }
  async aliasRefs(name) {
    const prefix = `refs/tags/${name}@`;
    return (await this.matchingTagRefs(name)).filter((r) => r.ref.startsWith(prefix) && !/^v\d+$/.test(r.ref.slice(prefix.length))).map((r) => ({ alias: r.ref.slice(prefix.length), sha: r.object.sha }));
  }
  async commitFor(request) {
    const fromLineage = request.lineage?.commit;
    if (fromLineage && SHA1.test(fromLineage)) return fromLineage;
    if (this.options.commit) return this.options.commit;
    this.defaultCommit ??= this.headOfDefaultBranch();
    return this.defaultCommit;
  }
  async headOfDefaultBranch() {
    let branch = "main";
    try {
      const { data: data2 } = await this.octokit.request("GET /repos/{owner}/{repo}", this.repoParams());
      branch = data2.default_branch;
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      ...this.repoParams(),
      ref: `heads/${branch}`
    });
    return data.object.sha;
  }
  async createTagObject(tag, message, commit) {
    const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/git/tags", {
      ...this.repoParams(),
      tag,
      message,
      object: commit,
      type: "commit",
      tagger: { name: "mlci", email: "mlci@users.noreply.github.com", date: this.now().toISOString() }
    });
    return data.sha;
  }
  async deleteRef(ref) {
    try {
      await this.octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
        ...this.repoParams(),
        ref
      });
    } catch (error) {
      if (statusOf(error) !== 422 && statusOf(error) !== 404) throw error;
    }
  }
  async deleteRelease(id) {
    try {
      await this.octokit.request("DELETE /repos/{owner}/{repo}/releases/{release_id}", {
        ...this.repoParams(),
        release_id: id
      });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
  /**
   * Builds version `number` (whose tag this process just claimed) as a draft, uploads its assets
   * and publishes it. Returns null when another registration of the same model won the race (the
   * caller then finds that one). Any failure removes the draft and frees the number, so no half
   * version is ever published.
   */
  async createClaimed(prepared, number, commit) {
    const { name } = prepared.request;
    const tag = `${name}@v${number}`;
    let draft = null;
    try {
      const entries = await this.scan(name);
      const previous = entries.filter((e) => e.version < number && e.record).map((e) => e.record).pop() ?? null;
      const built = buildVersion(prepared, number, previous, this.now().toISOString());
      const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/releases", {
        ...this.repoParams(),
        tag_name: tag,
        target_commitish: commit,
        name: tag,
        body: releaseBody(built.card, built.record),
        draft: true
      });
      draft = data;
      const rivals = (await this.scan(name)).filter(
        (e) => e.release.id !== draft.id && e.record?.sha256 === prepared.sha256 && (!e.release.draft || e.version < number)
      );
      if (rivals.length > 0) {
        await this.abandon(draft.id, name, number);
        return null;
      }
      await this.uploadAll(draft, built.files);
      await this.publish(draft.id);
      return built.record;
    } catch (error) {
      await this.abandon(draft?.id ?? null, name, number).catch(() => void 0);
      throw error;
    }
  }
  /**
   * Finishes a draft of the same model left by a crashed or concurrent run, when its record agrees
   * with this request's files; a stale incompatible draft is removed (null: claim afresh).
   */
  async resume(entry, prepared) {
    const record = entry.record;
    const files = {};
    const compatible = Object.entries(prepared.files).every(
      ([file, bytes]) => record.checksums?.[file] === sha256Hex(bytes)
    );
    const sameFiles = compatible && Object.keys(record.checksums ?? {}).every(
      (file) => file in prepared.files || file === CARD_ASSET || file === SUMS_ASSET
    );
    if (!sameFiles) {
      if (this.isStale(entry.release)) {
        await this.abandon(entry.release.id, record.name, record.version);
        return null;
      }
      throw new CheckFailedError(
        `another registration of the same model is in progress as draft ${record.tag} with different files; run again once it is published`
      );
    }
    Object.assign(files, prepared.files);
    files[CARD_ASSET] = new TextEncoder().encode(cardFromBody(entry.release.body ?? ""));
    const sums = { ...record.checksums };
    delete sums[SUMS_ASSET];
    files[SUMS_ASSET] = new TextEncoder().encode(formatSha256Sums(sums));
    files[RECORD_ASSET] = new TextEncoder().encode(JSON.stringify(record, null, 2) + "\n");
    if (sha256Hex(files[CARD_ASSET]) !== record.checksums?.[CARD_ASSET] || sha256Hex(files[SUMS_ASSET]) !== record.checksums?.[SUMS_ASSET]) {
      if (!this.isStale(entry.release)) {
        throw new CheckFailedError(
          `draft ${record.tag} does not match its own record; remove the draft and run again`
        );
      }
      await this.abandon(entry.release.id, record.name, record.version);
      return null;
    }
    await this.uploadAll(entry.release, files);
    await this.publish(entry.release.id);
    return record;
  }
  isStale(release) {
    return this.now().getTime() - Date.parse(release.created_at) > (this.options.staleDraftMs ?? 60 * 60 * 1e3);
  }
  /** Drafts of other builds left by crashed runs: removed with their tag so the number can be reused. */
  async removeStaleDrafts(entries) {
    const live = [];
    for (const entry of entries) {
      if (entry.release.draft && this.isStale(entry.release)) {
        await this.abandon(entry.release.id, entry.release.tag_name.replace(/@v\d+$/, ""), entry.version);
      } else {
        live.push(entry);
      }
    }
    return live;
  }
  /** Removes a draft and frees its version number, unless that version got published meanwhile. */
  async abandon(releaseId, name, version) {
    if (releaseId !== null) await this.deleteRelease(releaseId);
    if (!await this.published(name, version)) await this.deleteRef(`tags/${name}@v${version}`);
  }
  /**
   * Uploads every file missing from the release. An asset already there with the right digest is
   * kept (a retried upload whose first attempt landed); one with the wrong bytes is replaced.
   */
  async uploadAll(release, files) {
    let assets = release.assets;
    for (const [file, bytes] of Object.entries(files)) {
      const digest = `sha256:${sha256Hex(bytes)}`;
      const existing = assets.find((a) => a.name === file);
      if (existing && this.sameAsset(existing, bytes, digest)) continue;
      if (existing) await this.deleteAsset(existing.id);
      try {
        await this.octokit.request({
          method: "POST",
          url: release.upload_url,
          name: file,
          data: bytes,
          headers: {
            "content-type": file.endsWith(".json") ? "application/json" : "application/octet-stream"
          }
        });
      } catch (error) {
        if (!alreadyExists(error)) throw error;
        assets = await this.listAssets(release.id);
        const landed = assets.find((a) => a.name === file);
        if (!landed || !this.sameAsset(landed, bytes, digest)) {
          throw new CheckFailedError(
            `asset ${file} of release ${release.tag_name} was uploaded with different bytes concurrently`
          );
        }
      }
    }
    const final = await this.listAssets(release.id);
    for (const [file, bytes] of Object.entries(files)) {
      const asset = final.find((a) => a.name === file);
      if (!asset || !this.sameAsset(asset, bytes, `sha256:${sha256Hex(bytes)}`)) {
        throw new CheckFailedError(`asset ${file} of ${release.tag_name} is missing or damaged after upload`);
      }
    }
  }
  sameAsset(asset, bytes, digest) {
    return asset.size === bytes.byteLength && (!asset.digest || asset.digest === digest);
  }
  async listAssets(releaseId) {
    return await this.octokit.paginate("GET /repos/{owner}/{repo}/releases/{release_id}/assets", {
      ...this.repoParams(),
      release_id: releaseId,
      per_page: 100
    });
  }
  async deleteAsset(id) {
    await this.octokit.request("DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}", {
      ...this.repoParams(),
      asset_id: id
    });
  }
  async publish(releaseId) {
    await this.octokit.request("PATCH /repos/{owner}/{repo}/releases/{release_id}", {
      ...this.repoParams(),
      release_id: releaseId,
      draft: false,
      make_latest: "false"
    });
  }
  async readEvent(sha) {
    let message;
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/tags/{tag_sha}", {
        ...this.repoParams(),
        tag_sha: sha
      });
      message = data.message;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
    const json = message.slice(message.indexOf("\n\n") + 2).trim();
    try {
      const event = JSON.parse(json);
      return typeof event.to === "number" && typeof event.alias === "string" ? event : null;
    } catch {
      return null;
    }
  }
  /** The events of one alias, oldest first, by walking its chain of tag objects. */
  async chain(sha) {
    const events = [];
    const seen = /* @__PURE__ */ new Set();
    while (sha && !seen.has(sha)) {
      seen.add(sha);
      const event = await this.readEvent(sha);
      if (!event) break;
      events.unshift(event);
      sha = event.previous;
    }
    return events;
  }
  /**
   * Moves `<name>@<alias>`: a new tag object records the move and names the previous one; the ref
   * is created, or updated only while it still points where this move started (otherwise the
   * whole move is recomputed against the newer state).
   */
  async moveAlias(name, alias, decide) {
    const ref = `tags/${name}@${alias}`;
    for (let attempt = 0; attempt < 10; attempt++) {
      const currentSha = await this.refSha(ref);
      const chain = currentSha ? await this.chain(currentSha) : [];
      const current = chain[chain.length - 1] ?? null;
      const move = await decide(current, chain);
      const event = {
        alias,
        from: move.from,
        to: move.to,
        at: this.now().toISOString(),
        by: move.by,
        kind: move.kind
      };
      if (move.reason) event.reason = move.reason;
      if (move.from === move.to && move.kind === "promote") return event;
      const versionTag = await this.refObject(`tags/${name}@v${move.to}`);
      if (!versionTag) throw new InputError(`${name}@v${move.to} has no tag in ${this.owner}/${this.repo}`);
      const stored = { ...event, previous: currentSha };
      const object = await this.createTagObject(
        `${name}@${alias}`,
        `mlci alias ${name}@${alias} -> v${move.to} (${move.kind})

${JSON.stringify(stored)}
`,
        await this.peel(versionTag)
      );
      if (!currentSha) {
        try {
          await this.octokit.request("POST /repos/{owner}/{repo}/git/refs", {
            ...this.repoParams(),
            ref: `refs/${ref}`,
            sha: object
          });
          return event;
        } catch (error) {
          if (alreadyExists(error)) continue;
          throw error;
        }
      }
      if (await this.refSha(ref) !== currentSha) continue;
      await this.octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        ...this.repoParams(),
        ref,
        sha: object,
        force: true
      });
      return event;
    }
    throw new CheckFailedError(`${name}@${alias} kept moving under concurrent updates; try again`);
  }
  /** The commit a ref points at, through an annotated tag object (GitHub tags commits, not tags). */
  async peel(object) {
    if (object.type !== "tag") return object.sha;
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/tags/{tag_sha}", {
      ...this.repoParams(),
      tag_sha: object.sha
    });
    return data.object.sha;
  }
  async refSha(ref) {
    return (await this.refObject(ref))?.sha ?? null;
  }
  async refObject(ref) {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
        ...this.repoParams(),
        ref
      });
      return data.object;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }
};
export {
  GitHubRegistryError,
  GitHubReleaseRegistry,
  explainGitHubError,
  recordFromBody,
  releaseBody
};
