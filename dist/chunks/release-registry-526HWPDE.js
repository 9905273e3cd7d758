import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  GitHubRegistryError,
  alreadyExists,
  explainGitHubError,
  statusOf
} from "./chunk-SYFUVE4V.js";
import {
  planAttachment,
  validateAttachRequest
} from "./chunk-UFIAAMN5.js";
import {
  CARD_ASSET,
  MODEL_ASSET,
  RECORD_ASSET,
  SUMS_ASSET,
  buildVersion,
  prepareRegistration,
  rollbackTarget,
  sealVersion,
  validateAlias,
  validateModelName
} from "./chunk-7VZC23W7.js";
import "./chunk-ANVENSJ6.js";
import {
  formatSha256Sums,
  sha256Hex,
  verifySha256
} from "./chunk-5Z5STRRD.js";
import "./chunk-IG76SEAK.js";
import "./chunk-RDRUDDB3.js";
import "./chunk-KFMS7UDB.js";
import {
  CheckFailedError,
  InputError
} from "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/github/release-aliases.ts
var AliasRefs = class {
  constructor(api, now) {
    this.api = api;
    this.now = now;
  }
  api;
  now;
  /** Current aliases of a model: alias → version. */
  async aliases(name) {
    const aliases = {};
    for (const { alias, sha } of await this.refs(name)) {
      const event = await this.readEvent(sha);
      if (event) aliases[alias] = event.to;
    }
    return aliases;
  }
  /** Every alias move of a model, oldest first. */
  async history(name) {
    const events = [];
    for (const { sha } of await this.refs(name)) events.push(...await this.chain(sha));
    return events.map((event, index) => ({ event, index })).sort((a, b) => a.event.at.localeCompare(b.event.at) || a.index - b.index).map(({ event }) => event);
  }
  /** The events of one alias, oldest first (empty when it never moved). */
  async aliasHistory(name, alias) {
    const sha = (await this.api.refObject(`tags/${name}@${alias}`))?.sha ?? null;
    return this.chain(sha);
  }
  async refs(name) {
    const prefix = `refs/tags/${name}@`;
    return (await this.api.matchingTagRefs(name)).filter((r) => r.ref.startsWith(prefix) && !/^v\d+$/.test(r.ref.slice(prefix.length))).map((r) => ({ alias: r.ref.slice(prefix.length), sha: r.object.sha }));
  }
  async readEvent(sha) {
    const message = await this.api.tagMessage(sha);
    if (message === null) return null;
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
  async move(name, alias, decide) {
    const ref = `tags/${name}@${alias}`;
    for (let attempt = 0; attempt < 10; attempt++) {
      const currentSha = (await this.api.refObject(ref))?.sha ?? null;
      const chain = await this.chain(currentSha);
      const move = await decide(chain[chain.length - 1] ?? null, chain);
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
      const versionTag = await this.api.refObject(`tags/${name}@v${move.to}`);
      if (!versionTag)
        throw new InputError(`${name}@v${move.to} has no tag in ${this.api.owner}/${this.api.repo}`);
      const stored = { ...event, previous: currentSha };
      const object = await this.api.createTagObject(
        `${name}@${alias}`,
        `mlci alias ${name}@${alias} -> v${move.to} (${move.kind})

${JSON.stringify(stored)}
`,
        await this.api.peel(versionTag)
      );
      if (!currentSha) {
        if (await this.api.createRef(ref, object)) return event;
        continue;
      }
      if ((await this.api.refObject(ref))?.sha !== currentSha) continue;
      await this.api.updateRef(ref, object);
      return event;
    }
    throw new CheckFailedError(`${name}@${alias} kept moving under concurrent updates; try again`);
  }
};

// src/github/release-api.ts
var RECORD_MARKER = /<!-- mlci-record:([A-Za-z0-9+/=]+) -->/;
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
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function sameAsset(asset, bytes) {
  return asset.size === bytes.byteLength && (!asset.digest || asset.digest === `sha256:${sha256Hex(bytes)}`);
}
var ReleaseApi = class {
  constructor(octokit, owner, repo, now) {
    this.octokit = octokit;
    this.owner = owner;
    this.repo = repo;
    this.now = now;
  }
  octokit;
  owner;
  repo;
  now;
  /** `{ owner, repo }` for a request. */
  params() {
    return { owner: this.owner, repo: this.repo };
  }
  /** Every release, drafts included when the token can see them. */
  async releases() {
    return await this.octokit.paginate("GET /repos/{owner}/{repo}/releases", {
      ...this.params(),
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
  /** The published release of a version, or null. */
  async published(name, version) {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/releases/tags/{tag}", {
        ...this.params(),
        tag: `${name}@v${version}`
      });
      const release = data;
      return { release, record: recordFromBody(release.body) };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }
  /** Tag refs starting with `<name>@`: versions and aliases. */
  async matchingTagRefs(name) {
    return await this.octokit.paginate("GET /repos/{owner}/{repo}/git/matching-refs/{ref}", {
      ...this.params(),
      ref: `tags/${name}@`,
      per_page: 100
    });
  }
  /** The head commit of the default branch (`main` when the repository cannot be read). */
  async headOfDefaultBranch() {
    let branch = "main";
    try {
      const { data: data2 } = await this.octokit.request("GET /repos/{owner}/{repo}", this.params());
      branch = data2.default_branch;
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      ...this.params(),
      ref: `heads/${branch}`
    });
    return data.object.sha;
  }
  /** Creates an annotated tag object and returns its sha. */
  async createTagObject(tag, message, commit) {
    const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/git/tags", {
      ...this.params(),
      tag,
      message,
      object: commit,
      type: "commit",
      tagger: { name: "mlci", email: "mlci@users.noreply.github.com", date: this.now().toISOString() }
    });
    return data.sha;
  }
  /** The message of a tag object, or null when it does not exist. */
  async tagMessage(sha) {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/tags/{tag_sha}", {
        ...this.params(),
        tag_sha: sha
      });
      return data.message;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }
  /** Creates `refs/<ref>`; false when it already exists (someone else won). */
  async createRef(ref, sha) {
    try {
      await this.octokit.request("POST /repos/{owner}/{repo}/git/refs", {
        ...this.params(),
        ref: `refs/${ref}`,
        sha
      });
      return true;
    } catch (error) {
      if (alreadyExists(error)) return false;
      throw error;
    }
  }
  /** Points `refs/<ref>` at another object. */
  async updateRef(ref, sha) {
    await this.octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
      ...this.params(),
      ref,
      sha,
      force: true
    });
  }
  /** Deletes a ref; one already gone is fine. */
  async deleteRef(ref) {
    try {
      await this.octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...this.params(), ref });
    } catch (error) {
      if (statusOf(error) !== 422 && statusOf(error) !== 404) throw error;
    }
  }
  /** The object a ref points at, or null. */
  async refObject(ref) {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
        ...this.params(),
        ref
      });
      return data.object;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }
  /** The commit a ref points at, through an annotated tag object (GitHub tags commits, not tags). */
  async peel(object) {
    if (object.type !== "tag") return object.sha;
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/tags/{tag_sha}", {
      ...this.params(),
      tag_sha: object.sha
    });
    return data.object.sha;
  }
  /** Creates a draft release. */
  async createDraft(tag, commit, body) {
    const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/releases", {
      ...this.params(),
      tag_name: tag,
      target_commitish: commit,
      name: tag,
      body,
      draft: true
    });
    return data;
  }
  /** Deletes a release; one already gone is fine. */
  async deleteRelease(id) {
    try {
      await this.octokit.request("DELETE /repos/{owner}/{repo}/releases/{release_id}", {
        ...this.params(),
        release_id: id
      });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
  /** Publishes a draft without making it the repository's latest release. */
  async publish(releaseId) {
    await this.octokit.request("PATCH /repos/{owner}/{repo}/releases/{release_id}", {
      ...this.params(),
      release_id: releaseId,
      draft: false,
      make_latest: "false"
    });
  }
  /** Replaces a release's notes. */
  async updateBody(releaseId, body) {
    await this.octokit.request("PATCH /repos/{owner}/{repo}/releases/{release_id}", {
      ...this.params(),
      release_id: releaseId,
      body
    });
  }
  /** Every asset of a release. */
  async listAssets(releaseId) {
    return await this.octokit.paginate("GET /repos/{owner}/{repo}/releases/{release_id}/assets", {
      ...this.params(),
      release_id: releaseId,
      per_page: 100
    });
  }
  /** Uploads one asset to a release's upload URL. */
  async uploadAsset(release, file, bytes) {
    await this.octokit.request({
      method: "POST",
      url: release.upload_url,
      name: file,
      data: bytes,
      headers: { "content-type": file.endsWith(".json") ? "application/json" : "application/octet-stream" }
    });
  }
  /** Deletes one asset. */
  async deleteAsset(id) {
    await this.octokit.request("DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}", {
      ...this.params(),
      asset_id: id
    });
  }
  /** The bytes of one asset. */
  async downloadAsset(id) {
    const response = await this.octokit.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
      ...this.params(),
      asset_id: id,
      headers: { accept: "application/octet-stream" }
    });
    return new Uint8Array(response.data);
  }
};

// src/github/release-drafts.ts
var DraftPublisher = class {
  constructor(api, options) {
    this.api = api;
    this.options = options;
  }
  api;
  options;
  /** Claims `<name>@v<number>` by creating its tag ref: false when another process got there first. */
  async claim(name, number, sha256, commit) {
    const tagObject = await this.api.createTagObject(
      `${name}@v${number}`,
      `mlci model ${name} v${number}

model sha256 ${sha256}
`,
      commit
    );
    return this.api.createRef(`tags/${name}@v${number}`, tagObject);
  }
  /**
   * Builds version `number` (whose tag this process just claimed) as a draft, uploads its assets
   * and publishes it. Returns null when another registration of the same model won the race (the
   * caller then finds that one). Any failure removes the draft and frees the number, so no half
   * version is ever published.
   */
  async createClaimed(prepared, number, commit) {
    const { name } = prepared.request;
    let draft = null;
    try {
      const entries = await this.api.scan(name);
      const previous = entries.filter((e) => e.version < number && e.record).map((e) => e.record).pop() ?? null;
      const built = buildVersion(prepared, number, previous, this.options.now().toISOString());
      draft = await this.api.createDraft(`${name}@v${number}`, commit, releaseBody(built.card, built.record));
      const rivals = (await this.api.scan(name)).filter(
        (e) => e.release.id !== draft.id && e.record?.sha256 === prepared.sha256 && (!e.release.draft || e.version < number)
      );
      if (rivals.length > 0) {
        await this.abandon(draft.id, name, number);
        return null;
      }
      await this.uploadAll(draft, built.files);
      await this.api.publish(draft.id);
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
    const files = this.rebuildFiles(entry, prepared);
    if (!files) {
      if (this.isStale(entry.release)) {
        await this.abandon(entry.release.id, record.name, record.version);
        return null;
      }
      throw new CheckFailedError(
        `another registration of the same model is in progress as draft ${record.tag} with different files (or a damaged record); run again once it is published, or remove the draft`
      );
    }
    await this.uploadAll(entry.release, files);
    await this.api.publish(entry.release.id);
    return record;
  }
  /** The files of a draft rebuilt from its notes and this request, or null when they disagree with its record. */
  rebuildFiles(entry, prepared) {
    const record = entry.record;
    const sums = { ...record.checksums };
    const sameFiles = Object.entries(prepared.files).every(([file, bytes]) => sums[file] === sha256Hex(bytes)) && Object.keys(sums).every((file) => file in prepared.files || file === CARD_ASSET || file === SUMS_ASSET);
    if (!sameFiles) return null;
    const encoder = new TextEncoder();
    delete sums[SUMS_ASSET];
    const files = {
      ...prepared.files,
      [CARD_ASSET]: encoder.encode(cardFromBody(entry.release.body ?? "")),
      [SUMS_ASSET]: encoder.encode(formatSha256Sums(sums)),
      [RECORD_ASSET]: encoder.encode(JSON.stringify(record, null, 2) + "\n")
    };
    const intact = sha256Hex(files[CARD_ASSET]) === record.checksums?.[CARD_ASSET] && sha256Hex(files[SUMS_ASSET]) === record.checksums?.[SUMS_ASSET];
    return intact ? files : null;
  }
  /** Whether a draft was left long enough ago to count as abandoned by a crashed run. */
  isStale(release) {
    return this.options.now().getTime() - Date.parse(release.created_at) > this.options.staleDraftMs;
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
    if (releaseId !== null) await this.api.deleteRelease(releaseId);
    if (!await this.api.published(name, version)) await this.api.deleteRef(`tags/${name}@v${version}`);
  }
  /**
   * Uploads every file missing from the release. An asset already there with the right digest is
   * kept (a retried upload whose first attempt landed); one with the wrong bytes is replaced.
   */
  async uploadAll(release, files) {
    let assets = release.assets;
    for (const [file, bytes] of Object.entries(files)) {
      const existing = assets.find((a) => a.name === file);
      if (existing && sameAsset(existing, bytes)) continue;
      if (existing) await this.api.deleteAsset(existing.id);
      try {
        await this.api.uploadAsset(release, file, bytes);
      } catch (error) {
        if (!alreadyExists(error)) throw error;
        assets = await this.api.listAssets(release.id);
        const landed = assets.find((a) => a.name === file);
        if (!landed || !sameAsset(landed, bytes)) {
          throw new CheckFailedError(
            `asset ${file} of release ${release.tag_name} was uploaded with different bytes concurrently`
          );
        }
      }
    }
    const final = await this.api.listAssets(release.id);
    for (const [file, bytes] of Object.entries(files)) {
      const asset = final.find((a) => a.name === file);
      if (!asset || !sameAsset(asset, bytes)) {
        throw new CheckFailedError(`asset ${file} of ${release.tag_name} is missing or damaged after upload`);
      }
    }
  }
};

// src/github/release-registry.ts
var SHA1 = /^[0-9a-f]{40}$/;
var GitHubReleaseRegistry = class {
  constructor(octokit, options) {
    this.options = options;
    const now = () => options.now ? options.now() : /* @__PURE__ */ new Date();
    this.api = new ReleaseApi(octokit, options.owner, options.repo, now);
    this.drafts = new DraftPublisher(this.api, { staleDraftMs: options.staleDraftMs ?? 60 * 60 * 1e3, now });
    this.aliasRefs = new AliasRefs(this.api, now);
  }
  options;
  api;
  drafts;
  aliasRefs;
  defaultCommit = null;
  register(request) {
    return this.guard(async () => {
      const prepared = prepareRegistration(request);
      const { name } = request;
      const attempts = this.options.claimAttempts ?? 20;
      for (let attempt = 0; attempt < attempts; attempt++) {
        const entries = await this.api.scan(name);
        const done = entries.find((e) => !e.release.draft && e.record?.sha256 === prepared.sha256);
        if (done) return { version: done.record, created: false };
        const pending = entries.find((e) => e.release.draft && e.record?.sha256 === prepared.sha256);
        if (pending) {
          const resumed = await this.drafts.resume(pending, prepared);
          if (resumed) return { version: resumed, created: true };
          continue;
        }
        const live = await this.drafts.removeStaleDrafts(entries);
        const claimed = await this.claimedVersions(name);
        const number = Math.max(0, ...live.map((e) => e.version), ...claimed) + 1;
        const commit = await this.commitFor(request);
        if (!await this.drafts.claim(name, number, prepared.sha256, commit)) continue;
        const version = await this.drafts.createClaimed(prepared, number, commit);
        if (version) return { version, created: true };
      }
      throw new CheckFailedError(
        `could not claim a version number for ${name} after ${attempts} attempts: too many concurrent registrations`
      );
    });
  }
  list(name) {
    return this.guard(
      async () => (await this.api.scan(name)).filter((e) => !e.release.draft && e.record).map((e) => e.record).sort((a, b) => a.version - b.version)
    );
  }
  models() {
    return this.guard(async () => {
      const names = /* @__PURE__ */ new Set();
      for (const release of await this.api.releases()) {
        const match = /^(.+)@v\d+$/.exec(release.tag_name);
        if (match && !release.draft && recordFromBody(release.body)) names.add(match[1]);
      }
      return [...names].sort();
    });
  }
  resolve(ref) {
    return this.guard(async () => {
      validateModelName(ref.name);
      if (ref.version !== void 0) return (await this.api.published(ref.name, ref.version))?.record ?? null;
      if (ref.alias) {
        validateAlias(ref.alias);
        const target = (await this.aliases(ref.name))[ref.alias];
        return target === void 0 ? null : this.resolve({ name: ref.name, version: target });
      }
      const versions = await this.list(ref.name);
      return versions[versions.length - 1] ?? null;
    });
  }
  download(name, version, asset = MODEL_ASSET) {
    return this.guard(async () => {
      const { record, release } = await this.publishedVersion(name, version);
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
      const bytes = await this.api.downloadAsset(stored.id);
      if (!expected) return bytes;
      return verifySha256(bytes, expected, `${name}@v${version} ${asset} (release asset ${stored.id})`);
    });
  }
  aliases(name) {
    return this.guard(() => this.aliasRefs.aliases(name));
  }
  promote(name, version, alias, by, reason) {
    return this.guard(async () => {
      validateModelName(name);
      validateAlias(alias);
      await this.publishedVersion(name, version, "promote");
      return this.aliasRefs.move(name, alias, async (current) => ({
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
      return this.aliasRefs.move(name, alias, async (_current, chain) => {
        const { from, to } = rollbackTarget(name, chain, alias);
        return { from, to, kind: "rollback", by, reason };
      });
    });
  }
  history(name) {
    return this.guard(async () => {
      validateModelName(name);
      return this.aliasRefs.history(name);
    });
  }
  /**
   * Adds files to a published version: the assets are uploaded (a forced replacement deletes the
   * old one first), then the record in the release notes names them; the version.json asset
   * follows last. A refusal happens before any upload.
   */
  attach(request) {
    return this.guard(async () => {
      validateAttachRequest(request);
      const { name, version } = request;
      const { record, release } = await this.publishedVersion(name, version, "attach to");
      const plan = planAttachment(record, request, this.api.now().toISOString());
      if (Object.keys(plan.files).length === 0) return record;
      const earlier = (await this.list(name)).filter((v) => v.version < version);
      const sealed = sealVersion(plan.record, earlier[earlier.length - 1] ?? null);
      const files = { ...plan.files, ...sealed.files };
      const replaced = release.assets.filter((a) => a.name in files);
      for (const asset of replaced) await this.api.deleteAsset(asset.id);
      const remaining = release.assets.filter((a) => !(a.name in files));
      await this.drafts.uploadAll({ ...release, assets: remaining }, files);
      await this.api.updateBody(release.id, releaseBody(sealed.card, sealed.record));
      const recordAsset = remaining.find((a) => a.name === RECORD_ASSET);
      if (recordAsset) await this.api.deleteAsset(recordAsset.id);
      await this.api.uploadAsset(
        release,
        RECORD_ASSET,
        new TextEncoder().encode(JSON.stringify(sealed.record, null, 2) + "\n")
      );
      return sealed.record;
    });
  }
  /** A published version with its record, or an InputError saying `<doing> <name>@v<N>` is not there. */
  async publishedVersion(name, version, doing) {
    validateModelName(name);
    const found = await this.api.published(name, version);
    if (!found?.record) {
      const repository = `${this.api.owner}/${this.api.repo}`;
      throw new InputError(
        doing ? `cannot ${doing} ${name}@v${version}: no such published version in ${repository}` : `${name}@v${version} is not a published release of ${repository}`
      );
    }
    return { record: found.record, release: found.release };
  }
  /** Turns a failed GitHub call into one message naming the repository, the call and what to do. */
  async guard(fn) {
    try {
      return await fn();
    } catch (error) {
      throw explainGitHubError(error, `${this.api.owner}/${this.api.repo}`);
    }
  }
  /** Version numbers taken by tag refs, including claims whose release was never published. */
  async claimedVersions(name) {
    const prefix = `refs/tags/${name}@v`;
    return (await this.api.matchingTagRefs(name)).filter((r) => r.ref.startsWith(prefix) && /^\d+$/.test(r.ref.slice(prefix.length))).map((r) => Number(r.ref.slice(prefix.length)));
  }
  async commitFor(request) {
    const fromLineage = request.lineage?.commit;
    if (fromLineage && SHA1.test(fromLineage)) return fromLineage;
    if (this.options.commit) return this.options.commit;
    this.defaultCommit ??= this.api.headOfDefaultBranch();
    return this.defaultCommit;
  }
};
export {
  GitHubRegistryError,
  GitHubReleaseRegistry,
  explainGitHubError,
  recordFromBody,
  releaseBody
};
