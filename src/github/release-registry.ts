import { CheckFailedError, ExitCode, InputError, MlciError } from '../core/errors.js';
import { formatSha256Sums, sha256Hex, verifySha256 } from '../registry/integrity.js';
import {
  CARD_ASSET,
  MODEL_ASSET,
  RECORD_ASSET,
  SUMS_ASSET,
  buildVersion,
  prepareRegistration,
  rollbackTarget,
  validateAlias,
  validateModelName,
  type PreparedRegistration
} from '../registry/record.js';
import type {
  AliasEvent,
  ModelRef,
  ModelVersion,
  RegisterRequest,
  RegisterResult,
  Registry
} from '../registry/types.js';
import type { MlciOctokit } from './octokit.js';

/** Where the registry lives and how patient it is with drafts left by crashed runs. */
export interface GitHubReleaseRegistryOptions {
  owner: string;
  repo: string;
  /** Commit new version tags point at when the lineage names none (default: the head of the default branch). */
  commit?: string;
  /** A draft older than this, of another model build, is taken as left by a crashed run and removed (default 1 h). */
  staleDraftMs?: number;
  /** How many times to look for a free version number before giving up (default 20). */
  claimAttempts?: number;
  now?: () => Date;
}

/** The parts of a release the registry reads. */
interface ReleaseData {
  id: number;
  tag_name: string;
  draft: boolean;
  body?: string | null;
  created_at: string;
  upload_url: string;
  assets: AssetData[];
}

interface AssetData {
  id: number;
  name: string;
  size: number;
  digest?: string | null;
}

interface Entry {
  release: ReleaseData;
  version: number;
  record: ModelVersion | null;
}

/** An alias move as stored in the annotated tag object the alias ref points at. */
interface StoredEvent extends AliasEvent {
  /** The tag object of the alias's previous move: the history is a chain through these. */
  previous: string | null;
}

const RECORD_MARKER = /<!-- mlci-record:([A-Za-z0-9+/=]+) -->/;
const SHA1 = /^[0-9a-f]{40}$/;

/** The HTTP status of an Octokit RequestError (duck-typed: the class may come from another copy of the package). */
function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Whether a 422 says the thing being created (ref, release tag, asset name) already exists. */
function alreadyExists(error: unknown): boolean {
  if (statusOf(error) !== 422) return false;
  const data = (error as { response?: { data?: unknown } }).response?.data as
    { message?: string; errors?: { code?: string }[] } | undefined;
  return (
    /already exists/i.test(data?.message ?? (error as Error).message) ||
    (data?.errors ?? []).some((e) => e.code === 'already_exists')
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A GitHub API call that failed after the retries: the status stays available to callers. Exit code 2. */
export class GitHubRegistryError extends MlciError {
  readonly status: number;
  constructor(message: string, status: number, options?: ErrorOptions) {
    super(message, ExitCode.Usage, options);
    this.status = status;
  }
}

/** Maps an Octokit RequestError to a message a user can act on; other errors pass through. */
export function explainGitHubError(error: unknown, repository: string): unknown {
  const status = statusOf(error);
  if (status === undefined || error instanceof MlciError) return error;
  const request = (error as { request?: { method?: string; url?: string } }).request;
  const call = request ? `${request.method} ${request.url}` : 'a GitHub API call';
  const detail = (error as Error).message.split('\n')[0].slice(0, 300);
  const hint =
    status === 401
      ? 'the token is missing or invalid'
      : status === 403
        ? 'the token may not write here: the register job needs `permissions: contents: write` (a fork pull request only gets a read-only token)'
        : status === 404
          ? `the repository ${repository} or the object was not found (or the token cannot see it)`
          : status >= 500
            ? 'GitHub kept failing after retries; try again later'
            : 'GitHub refused the request';
  return new GitHubRegistryError(
    `GitHub registry ${repository}: ${call} answered ${status} (${detail}): ${hint}`,
    status,
    {
      cause: error
    }
  );
}

/** The release notes: the model card, then the machine-readable record in a hidden comment. */
export function releaseBody(card: string, record: ModelVersion): string {
  const encoded = Buffer.from(JSON.stringify(record)).toString('base64');
  return `${card.trimEnd()}\n\n<!-- mlci-record:${encoded} -->\n`;
}

/** Reads the record from release notes written by `releaseBody`; null when absent or damaged. */
export function recordFromBody(body: string | null | undefined): ModelVersion | null {
  const match = RECORD_MARKER.exec(body ?? '');
  if (!match) return null;
  try {
    return JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as ModelVersion;
  } catch {
    return null;
  }
}

function cardFromBody(body: string): string {
  return body.replace(RECORD_MARKER, '').trimEnd() + '\n';
}

/**
 * A registry on GitHub Releases. Version N of a model is the release `<name>@v<N>`; its number is
 * claimed by creating the tag ref (only one creator wins), the release is built as a draft and
 * published only once every asset is uploaded and verified. Aliases are tags `<name>@<alias>`
 * pointing at an annotated tag object per move, each naming the previous one: a ref moves in one
 * update, and the chain of tag objects is the alias's history. See actions/register/README.md.
 */
export class GitHubReleaseRegistry implements Registry {
  private readonly owner: string;
  private readonly repo: string;
  private readonly options: GitHubReleaseRegistryOptions;
  private defaultCommit: Promise<string> | null = null;

  constructor(
    private readonly octokit: MlciOctokit,
    options: GitHubReleaseRegistryOptions
  ) {
    this.owner = options.owner;
    this.repo = options.repo;
    this.options = options;
  }

  register(request: RegisterRequest): Promise<RegisterResult> {
    return this.guard(async () => {
      const prepared = prepareRegistration(request);
      const { name } = request;
      const attempts = this.options.claimAttempts ?? 20;
      for (let attempt = 0; attempt < attempts; attempt++) {
        const entries = await this.scan(name);
        const done = entries.find((e) => !e.release.draft && e.record?.sha256 === prepared.sha256);
        if (done) return { version: done.record!, created: false };
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
          `mlci model ${name} v${number}\n\nmodel sha256 ${prepared.sha256}\n`,
          commit
        );
        try {
          await this.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
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

  list(name: string): Promise<ModelVersion[]> {
    return this.guard(async () => {
      return (await this.scan(name))
        .filter((e) => !e.release.draft && e.record)
        .map((e) => e.record!)
        .sort((a, b) => a.version - b.version);
    });
  }

  models(): Promise<string[]> {
    return this.guard(async () => {
      const names = new Set<string>();
      for (const release of await this.releases()) {
        const match = /^(.+)@v\d+$/.exec(release.tag_name);
        if (match && !release.draft && recordFromBody(release.body)) names.add(match[1]);
      }
      return [...names].sort();
    });
  }

  resolve(ref: ModelRef): Promise<ModelVersion | null> {
    return this.guard(async () => {
      validateModelName(ref.name);
      if (ref.version !== undefined) return (await this.published(ref.name, ref.version))?.record ?? null;
      if (ref.alias) {
        const target = (await this.aliases(ref.name))[ref.alias];
        return target === undefined ? null : this.resolve({ name: ref.name, version: target });
      }
      const versions = await this.list(ref.name);
      return versions[versions.length - 1] ?? null;
    });
  }

  download(name: string, version: number, asset: string = MODEL_ASSET): Promise<Uint8Array> {
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
          `${name}@v${version} has no asset "${asset}" (it has ${release.assets.map((a) => a.name).join(', ')})`
        );
      }
      const expected = asset === MODEL_ASSET ? record.sha256 : record.checksums?.[asset];
      if (!expected && asset !== RECORD_ASSET) {
        throw new InputError(`${name}@v${version}: no recorded sha256 for "${asset}", refusing to use it`);
      }
      const response = await this.octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
        ...this.repoParams(),
        asset_id: stored.id,
        headers: { accept: 'application/octet-stream' }
      });
      const bytes = new Uint8Array(response.data as unknown as ArrayBuffer);
      if (!expected) return bytes;
      return verifySha256(bytes, expected, `${name}@v${version} ${asset} (release asset ${stored.id})`);
    });
  }

  aliases(name: string): Promise<Record<string, number>> {
    return this.guard(async () => {
      const aliases: Record<string, number> = {};
      for (const { alias, sha } of await this.aliasRefs(name)) {
        const event = await this.readEvent(sha);
        if (event) aliases[alias] = event.to;
      }
      return aliases;
    });
  }

  promote(name: string, version: number, alias: string, by: string, reason?: string): Promise<AliasEvent> {
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
        kind: 'promote' as const,
        by,
        reason
      }));
    });
  }

  rollback(name: string, alias: string, by: string, reason?: string): Promise<AliasEvent> {
    return this.guard(async () => {
      validateModelName(name);
      validateAlias(alias);
      return this.moveAlias(name, alias, async (_current, chain) => {
        const { from, to } = rollbackTarget(name, chain, alias);
        return { from, to, kind: 'rollback' as const, by, reason };
      });
    });
  }

  history(name: string): Promise<AliasEvent[]> {
    return this.guard(async () => {
      validateModelName(name);
      const events: AliasEvent[] = [];
      for (const { sha } of await this.aliasRefs(name)) events.push(...(await this.chain(sha)));
      // Each chain is in order; the merge keeps that order for events of the same millisecond.
      return events
        .map((event, index) => ({ event, index }))
        .sort((a, b) => a.event.at.localeCompare(b.event.at) || a.index - b.index)
        .map(({ event }) => event);
    });
  }

  /** Turns a failed GitHub call into one message naming the repository, the call and what to do. */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw explainGitHubError(error, `${this.owner}/${this.repo}`);
    }
  }

  private repoParams() {
    return { owner: this.owner, repo: this.repo };
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  private async releases(): Promise<ReleaseData[]> {
    return (await this.octokit.paginate('GET /repos/{owner}/{repo}/releases', {
      ...this.repoParams(),
      per_page: 100
    })) as ReleaseData[];
  }

  /** Every release of a model, drafts included when the token can see them, with their records. */
  private async scan(name: string): Promise<Entry[]> {
    validateModelName(name);
    const pattern = new RegExp(`^${escapeRegExp(name)}@v(\\d+)$`);
    const entries: Entry[] = [];
    for (const release of await this.releases()) {
      const match = pattern.exec(release.tag_name);
      if (match) entries.push({ release, version: Number(match[1]), record: recordFromBody(release.body) });
    }
    return entries.sort((a, b) => a.version - b.version);
  }

  private async published(
    name: string,
    version: number
  ): Promise<{ release: ReleaseData; record: ModelVersion | null } | null> {
    try {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
        ...this.repoParams(),
        tag: `${name}@v${version}`
      });
      const release = data as unknown as ReleaseData;
      return { release, record: recordFromBody(release.body) };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  /** Version numbers taken by tag refs, including claims whose release was never published. */
  private async claimedVersions(name: string): Promise<number[]> {
    const pattern = new RegExp(`^refs/tags/${escapeRegExp(name)}@v(\\d+)$`);
    const refs = await this.matchingTagRefs(name);
    return refs
      .map((r) => pattern.exec(r.ref))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]));
  }

  private async matchingTagRefs(name: string): Promise<{ ref: string; object: { sha: string } }[]> {
    return (await this.octokit.paginate('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
      ...this.repoParams(),
      ref: `tags/${name}@`,
      per_page: 100
    })) as { ref: string; object: { sha: string } }[];
  }

  private async aliasRefs(name: string): Promise<{ alias: string; sha: string }[]> {
    const prefix = `refs/tags/${name}@`;
    return (await this.matchingTagRefs(name))
      .filter((r) => r.ref.startsWith(prefix) && !/^v\d+$/.test(r.ref.slice(prefix.length)))
      .map((r) => ({ alias: r.ref.slice(prefix.length), sha: r.object.sha }));
  }

  private async commitFor(request: RegisterRequest): Promise<string> {
    const fromLineage = request.lineage?.commit;
    if (fromLineage && SHA1.test(fromLineage)) return fromLineage;
    if (this.options.commit) return this.options.commit;
    this.defaultCommit ??= this.headOfDefaultBranch();
    return this.defaultCommit;
  }

  private async headOfDefaultBranch(): Promise<string> {
    let branch = 'main';
    try {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}', this.repoParams());
      branch = data.default_branch;
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
    const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
      ...this.repoParams(),
      ref: `heads/${branch}`
    });
    return data.object.sha;
  }

  private async createTagObject(tag: string, message: string, commit: string): Promise<string> {
    const { data } = await this.octokit.request('POST /repos/{owner}/{repo}/git/tags', {
      ...this.repoParams(),
      tag,
      message,
      object: commit,
      type: 'commit',
      tagger: { name: 'mlci', email: 'mlci@users.noreply.github.com', date: this.now().toISOString() }
    });
    return data.sha;
  }

  private async deleteRef(ref: string): Promise<void> {
    try {
      await this.octokit.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
        ...this.repoParams(),
        ref
      });
    } catch (error) {
      if (statusOf(error) !== 422 && statusOf(error) !== 404) throw error;
    }
  }

  private async deleteRelease(id: number): Promise<void> {
    try {
      await this.octokit.request('DELETE /repos/{owner}/{repo}/releases/{release_id}', {
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
  private async createClaimed(
    prepared: PreparedRegistration,
    number: number,
    commit: string
  ): Promise<ModelVersion | null> {
    const { name } = prepared.request;
    const tag = `${name}@v${number}`;
    let draft: ReleaseData | null = null;
    try {
      const entries = await this.scan(name);
      const previous =
        entries
          .filter((e) => e.version < number && e.record)
          .map((e) => e.record!)
          .pop() ?? null;
      const built = buildVersion(prepared, number, previous, this.now().toISOString());
      const { data } = await this.octokit.request('POST /repos/{owner}/{repo}/releases', {
        ...this.repoParams(),
        tag_name: tag,
        target_commitish: commit,
        name: tag,
        body: releaseBody(built.card, built.record),
        draft: true
      });
      draft = data as unknown as ReleaseData;
      // Two runs of the same model at once: the lower version number wins, the other steps aside.
      const rivals = (await this.scan(name)).filter(
        (e) =>
          e.release.id !== draft!.id &&
          e.record?.sha256 === prepared.sha256 &&
          (!e.release.draft || e.version < number)
      );
      if (rivals.length > 0) {
        await this.abandon(draft.id, name, number);
        return null;
      }
      await this.uploadAll(draft, built.files);
      await this.publish(draft.id);
      return built.record;
    } catch (error) {
      await this.abandon(draft?.id ?? null, name, number).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Finishes a draft of the same model left by a crashed or concurrent run, when its record agrees
   * with this request's files; a stale incompatible draft is removed (null: claim afresh).
   */
  private async resume(entry: Entry, prepared: PreparedRegistration): Promise<ModelVersion | null> {
    const record = entry.record!;
    const files: Record<string, Uint8Array> = {};
    const compatible = Object.entries(prepared.files).every(
      ([file, bytes]) => record.checksums?.[file] === sha256Hex(bytes)
    );
    const sameFiles =
      compatible &&
      Object.keys(record.checksums ?? {}).every(
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
    files[CARD_ASSET] = new TextEncoder().encode(cardFromBody(entry.release.body ?? ''));
    const sums = { ...record.checksums };
    delete sums[SUMS_ASSET];
    files[SUMS_ASSET] = new TextEncoder().encode(formatSha256Sums(sums));
    files[RECORD_ASSET] = new TextEncoder().encode(JSON.stringify(record, null, 2) + '\n');
    if (
      sha256Hex(files[CARD_ASSET]) !== record.checksums?.[CARD_ASSET] ||
      sha256Hex(files[SUMS_ASSET]) !== record.checksums?.[SUMS_ASSET]
    ) {
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

  private isStale(release: ReleaseData): boolean {
    return (
      this.now().getTime() - Date.parse(release.created_at) > (this.options.staleDraftMs ?? 60 * 60 * 1000)
    );
  }

  /** Drafts of other builds left by crashed runs: removed with their tag so the number can be reused. */
  private async removeStaleDrafts(entries: Entry[]): Promise<Entry[]> {
    const live: Entry[] = [];
    for (const entry of entries) {
      if (entry.release.draft && this.isStale(entry.release)) {
        await this.abandon(entry.release.id, entry.release.tag_name.replace(/@v\d+$/, ''), entry.version);
      } else {
        live.push(entry);
      }
    }
    return live;
  }

  /** Removes a draft and frees its version number, unless that version got published meanwhile. */
  private async abandon(releaseId: number | null, name: string, version: number): Promise<void> {
    if (releaseId !== null) await this.deleteRelease(releaseId);
    if (!(await this.published(name, version))) await this.deleteRef(`tags/${name}@v${version}`);
  }

  /**
   * Uploads every file missing from the release. An asset already there with the right digest is
   * kept (a retried upload whose first attempt landed); one with the wrong bytes is replaced.
   */
  private async uploadAll(release: ReleaseData, files: Record<string, Uint8Array>): Promise<void> {
    let assets = release.assets;
    for (const [file, bytes] of Object.entries(files)) {
      const digest = `sha256:${sha256Hex(bytes)}`;
      const existing = assets.find((a) => a.name === file);
      if (existing && this.sameAsset(existing, bytes, digest)) continue;
      if (existing) await this.deleteAsset(existing.id);
      try {
        await this.octokit.request({
          method: 'POST',
          url: release.upload_url,
          name: file,
          data: bytes,
          headers: {
            'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream'
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
    // Nothing is published until the release holds every file with the expected digest.
    const final = await this.listAssets(release.id);
    for (const [file, bytes] of Object.entries(files)) {
      const asset = final.find((a) => a.name === file);
      if (!asset || !this.sameAsset(asset, bytes, `sha256:${sha256Hex(bytes)}`)) {
        throw new CheckFailedError(`asset ${file} of ${release.tag_name} is missing or damaged after upload`);
      }
    }
  }

  private sameAsset(asset: AssetData, bytes: Uint8Array, digest: string): boolean {
    return asset.size === bytes.byteLength && (!asset.digest || asset.digest === digest);
  }

  private async listAssets(releaseId: number): Promise<AssetData[]> {
    return (await this.octokit.paginate('GET /repos/{owner}/{repo}/releases/{release_id}/assets', {
      ...this.repoParams(),
      release_id: releaseId,
      per_page: 100
    })) as AssetData[];
  }

  private async deleteAsset(id: number): Promise<void> {
    await this.octokit.request('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      ...this.repoParams(),
      asset_id: id
    });
  }

  private async publish(releaseId: number): Promise<void> {
    await this.octokit.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
      ...this.repoParams(),
      release_id: releaseId,
      draft: false,
      make_latest: 'false'
    });
  }

  private async readEvent(sha: string): Promise<StoredEvent | null> {
    let message: string;
    try {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
        ...this.repoParams(),
        tag_sha: sha
      });
      message = data.message;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
    const json = message.slice(message.indexOf('\n\n') + 2).trim();
    try {
      const event = JSON.parse(json) as StoredEvent;
      return typeof event.to === 'number' && typeof event.alias === 'string' ? event : null;
    } catch {
      return null;
    }
  }

  /** The events of one alias, oldest first, by walking its chain of tag objects. */
  private async chain(sha: string | null): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    const seen = new Set<string>();
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
  private async moveAlias(
    name: string,
    alias: string,
    decide: (
      current: StoredEvent | null,
      chain: StoredEvent[]
    ) => Promise<Pick<AliasEvent, 'from' | 'to' | 'kind' | 'by' | 'reason'>>
  ): Promise<AliasEvent> {
    const ref = `tags/${name}@${alias}`;
    for (let attempt = 0; attempt < 10; attempt++) {
      const currentSha = await this.refSha(ref);
      const chain = currentSha ? await this.chain(currentSha) : [];
      const current = chain[chain.length - 1] ?? null;
      const move = await decide(current, chain);
      const event: AliasEvent = {
        alias,
        from: move.from,
        to: move.to,
        at: this.now().toISOString(),
        by: move.by,
        kind: move.kind
      };
      if (move.reason) event.reason = move.reason;
      if (move.from === move.to && move.kind === 'promote') return event;
      const versionTag = await this.refObject(`tags/${name}@v${move.to}`);
      if (!versionTag) throw new InputError(`${name}@v${move.to} has no tag in ${this.owner}/${this.repo}`);
      const stored: StoredEvent = { ...event, previous: currentSha };
      const object = await this.createTagObject(
        `${name}@${alias}`,
        `mlci alias ${name}@${alias} -> v${move.to} (${move.kind})\n\n${JSON.stringify(stored)}\n`,
        await this.peel(versionTag)
      );
      if (!currentSha) {
        try {
          await this.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
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
      // The git refs API has no compare-and-swap: check right before the forced update.
      if ((await this.refSha(ref)) !== currentSha) continue;
      await this.octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
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
  private async peel(object: { sha: string; type: string }): Promise<string> {
    if (object.type !== 'tag') return object.sha;
    const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
      ...this.repoParams(),
      tag_sha: object.sha
    });
    return data.object.sha;
  }

  private async refSha(ref: string): Promise<string | null> {
    return (await this.refObject(ref))?.sha ?? null;
  }

  private async refObject(ref: string): Promise<{ sha: string; type: string } | null> {
    try {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
        ...this.repoParams(),
        ref
      });
      return data.object;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }
}
