import { CheckFailedError, InputError } from '../core/errors.js';
import { planAttachment, validateAttachRequest } from '../registry/attach.js';
import { verifySha256 } from '../registry/integrity.js';
import {
  MODEL_ASSET,
  RECORD_ASSET,
  prepareRegistration,
  rollbackTarget,
  sealVersion,
  validateAlias,
  validateModelName
} from '../registry/record.js';
import type {
  AliasEvent,
  AttachRequest,
  ModelRef,
  ModelVersion,
  RegisterRequest,
  RegisterResult,
  Registry
} from '../registry/types.js';
import type { MlciOctokit } from './octokit.js';
import { AliasRefs } from './release-aliases.js';
import { ReleaseApi, recordFromBody, releaseBody, type ReleaseData } from './release-api.js';
import { DraftPublisher } from './release-drafts.js';
import { explainGitHubError } from './release-errors.js';

export { GitHubRegistryError, explainGitHubError } from './release-errors.js';
export { recordFromBody, releaseBody } from './release-api.js';

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

const SHA1 = /^[0-9a-f]{40}$/;

/**
 * A registry on GitHub Releases. Version N of a model is the release `<name>@v<N>`; its number is
 * claimed by creating the tag ref (only one creator wins), the release is built as a draft and
 * published only once every asset is uploaded and verified. Aliases are tags `<name>@<alias>`
 * (see release-aliases.ts). See actions/register/README.md.
 */
export class GitHubReleaseRegistry implements Registry {
  private readonly api: ReleaseApi;
  private readonly drafts: DraftPublisher;
  private readonly aliasRefs: AliasRefs;
  private defaultCommit: Promise<string> | null = null;

  constructor(
    octokit: MlciOctokit,
    private readonly options: GitHubReleaseRegistryOptions
  ) {
    const now = () => (options.now ? options.now() : new Date());
    this.api = new ReleaseApi(octokit, options.owner, options.repo, now);
    this.drafts = new DraftPublisher(this.api, { staleDraftMs: options.staleDraftMs ?? 60 * 60 * 1000, now });
    this.aliasRefs = new AliasRefs(this.api, now);
  }

  register(request: RegisterRequest): Promise<RegisterResult> {
    return this.guard(async () => {
      const prepared = prepareRegistration(request);
      const { name } = request;
      const attempts = this.options.claimAttempts ?? 20;
      for (let attempt = 0; attempt < attempts; attempt++) {
        const entries = await this.api.scan(name);
        const done = entries.find((e) => !e.release.draft && e.record?.sha256 === prepared.sha256);
        if (done) return { version: done.record!, created: false };
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
        if (!(await this.drafts.claim(name, number, prepared.sha256, commit))) continue;
        const version = await this.drafts.createClaimed(prepared, number, commit);
        if (version) return { version, created: true };
      }
      throw new CheckFailedError(
        `could not claim a version number for ${name} after ${attempts} attempts: too many concurrent registrations`
      );
    });
  }

  list(name: string): Promise<ModelVersion[]> {
    return this.guard(async () =>
      (await this.api.scan(name))
        .filter((e) => !e.release.draft && e.record)
        .map((e) => e.record!)
        .sort((a, b) => a.version - b.version)
    );
  }

  models(): Promise<string[]> {
    return this.guard(async () => {
      const names = new Set<string>();
      for (const release of await this.api.releases()) {
        const match = /^(.+)@v\d+$/.exec(release.tag_name);
        if (match && !release.draft && recordFromBody(release.body)) names.add(match[1]);
      }
      return [...names].sort();
    });
  }

  resolve(ref: ModelRef): Promise<ModelVersion | null> {
    return this.guard(async () => {
      validateModelName(ref.name);
      if (ref.version !== undefined) return (await this.api.published(ref.name, ref.version))?.record ?? null;
      if (ref.alias) {
        validateAlias(ref.alias);
        const target = (await this.aliases(ref.name))[ref.alias];
        return target === undefined ? null : this.resolve({ name: ref.name, version: target });
      }
      const versions = await this.list(ref.name);
      return versions[versions.length - 1] ?? null;
    });
  }

  download(name: string, version: number, asset: string = MODEL_ASSET): Promise<Uint8Array> {
    return this.guard(async () => {
      const { record, release } = await this.publishedVersion(name, version);
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
      const bytes = await this.api.downloadAsset(stored.id);
      if (!expected) return bytes;
      return verifySha256(bytes, expected, `${name}@v${version} ${asset} (release asset ${stored.id})`);
    });
  }

  aliases(name: string): Promise<Record<string, number>> {
    return this.guard(() => this.aliasRefs.aliases(name));
  }

  promote(name: string, version: number, alias: string, by: string, reason?: string): Promise<AliasEvent> {
    return this.guard(async () => {
      validateModelName(name);
      validateAlias(alias);
      await this.publishedVersion(name, version, 'promote');
      return this.aliasRefs.move(name, alias, async (current) => ({
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
      return this.aliasRefs.move(name, alias, async (_current, chain) => {
        const { from, to } = rollbackTarget(name, chain, alias);
        return { from, to, kind: 'rollback' as const, by, reason };
      });
    });
  }

  history(name: string): Promise<AliasEvent[]> {
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
  attach(request: AttachRequest): Promise<ModelVersion> {
    return this.guard(async () => {
      validateAttachRequest(request);
      const { name, version } = request;
      const { record, release } = await this.publishedVersion(name, version, 'attach to');
      const plan = planAttachment(record, request, this.api.now().toISOString());
      if (Object.keys(plan.files).length === 0) return record;
      // The card and SHA256SUMS follow the record, as the local registry's do (sealVersion).
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
        new TextEncoder().encode(JSON.stringify(sealed.record, null, 2) + '\n')
      );
      return sealed.record;
    });
  }

  /** A published version with its record, or an InputError saying `<doing> <name>@v<N>` is not there. */
  private async publishedVersion(
    name: string,
    version: number,
    doing?: string
  ): Promise<{ record: ModelVersion; release: ReleaseData }> {
    validateModelName(name);
    const found = await this.api.published(name, version);
    if (!found?.record) {
      const repository = `${this.api.owner}/${this.api.repo}`;
      throw new InputError(
        doing
          ? `cannot ${doing} ${name}@v${version}: no such published version in ${repository}`
          : `${name}@v${version} is not a published release of ${repository}`
      );
    }
    return { record: found.record, release: found.release };
  }

  /** Turns a failed GitHub call into one message naming the repository, the call and what to do. */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw explainGitHubError(error, `${this.api.owner}/${this.api.repo}`);
    }
  }

  /** Version numbers taken by tag refs, including claims whose release was never published. */
  private async claimedVersions(name: string): Promise<number[]> {
    const prefix = `refs/tags/${name}@v`;
    return (await this.api.matchingTagRefs(name))
      .filter((r) => r.ref.startsWith(prefix) && /^\d+$/.test(r.ref.slice(prefix.length)))
      .map((r) => Number(r.ref.slice(prefix.length)));
  }

  private async commitFor(request: RegisterRequest): Promise<string> {
    const fromLineage = request.lineage?.commit;
    if (fromLineage && SHA1.test(fromLineage)) return fromLineage;
    if (this.options.commit) return this.options.commit;
    this.defaultCommit ??= this.api.headOfDefaultBranch();
    return this.defaultCommit;
  }
}
