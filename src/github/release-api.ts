import { sha256Hex } from '../registry/integrity.js';
import { validateModelName } from '../registry/record.js';
import type { ModelVersion } from '../registry/types.js';
import type { MlciOctokit } from './octokit.js';
import { alreadyExists, statusOf } from './release-errors.js';

/** The parts of a release the registry reads. */
export interface ReleaseData {
  id: number;
  tag_name: string;
  draft: boolean;
  body?: string | null;
  created_at: string;
  upload_url: string;
  assets: AssetData[];
}

/** The parts of a release asset the registry reads. */
export interface AssetData {
  id: number;
  name: string;
  size: number;
  digest?: string | null;
}

/** A release of a model version with the record read from its notes. */
export interface Entry {
  release: ReleaseData;
  version: number;
  record: ModelVersion | null;
}

const RECORD_MARKER = /<!-- mlci-record:([A-Za-z0-9+/=]+) -->/;

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

/** The model card part of release notes written by `releaseBody`. */
export function cardFromBody(body: string): string {
  return body.replace(RECORD_MARKER, '').trimEnd() + '\n';
}

/** Escapes a model name for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An asset already holds these bytes (size, and the digest when GitHub reports one). */
export function sameAsset(asset: AssetData, bytes: Uint8Array): boolean {
  return asset.size === bytes.byteLength && (!asset.digest || asset.digest === `sha256:${sha256Hex(bytes)}`);
}

/** The GitHub calls of the release registry, on one repository: releases, assets, refs and tag objects. */
export class ReleaseApi {
  constructor(
    readonly octokit: MlciOctokit,
    readonly owner: string,
    readonly repo: string,
    readonly now: () => Date
  ) {}

  /** `{ owner, repo }` for a request. */
  params() {
    return { owner: this.owner, repo: this.repo };
  }

  /** Every release, drafts included when the token can see them. */
  async releases(): Promise<ReleaseData[]> {
    return (await this.octokit.paginate('GET /repos/{owner}/{repo}/releases', {
      ...this.params(),
      per_page: 100
    })) as ReleaseData[];
  }

  /** Every release of a model, drafts included when the token can see them, with their records. */
  async scan(name: string): Promise<Entry[]> {
    validateModelName(name);
    const pattern = new RegExp(`^${escapeRegExp(name)}@v(\\d+)$`);
    const entries: Entry[] = [];
    for (const release of await this.releases()) {
      const match = pattern.exec(release.tag_name);
      if (match) entries.push({ release, version: Number(match[1]), record: recordFromBody(release.body) });
    }
    return entries.sort((a, b) => a.version - b.version);
  }

  /** The published release of a version, or null. */
  async published(
    name: string,
    version: number
  ): Promise<{ release: ReleaseData; record: ModelVersion | null } | null> {
    try {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
        ...this.params(),
        tag: `${name}@v${version}`
      });
      const release = data as unknown as ReleaseData;
      return { release, record: recordFromBody(release.body) };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  /** Tag refs starting with `<name>@`: versions and aliases. */
  async matchingTagRefs(name: string): Promise<{ ref: string; object: { sha: string } }[]> {
    return (await this.octokit.paginate('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
      ...this.params(),
      ref: `tags/${name}@`,
      per_page: 100
    })) as { ref: string; object: { sha: string } }[];
  }

  /** The head commit of the default branch (`main` when the repository cannot be read). */
  async headOfDefaultBranch(): Promise<string> {
    let branch = 'main';
    try {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}', this.params());
      branch = data.default_branch;
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
    const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
      ...this.params(),
      ref: `heads/${branch}`
    });
    return data.object.sha;
  }

  /** Creates an annotated tag object and returns its sha. */
  async createTagObject(tag: string, message: string, commit: string): Promise<string> {
    const { data } = await this.octokit.request('POST /repos/{owner}/{repo}/git/tags', {
      ...this.params(),
      tag,
      message,
      object: commit,
      type: 'commit',
      tagger: { name: 'mlci', email: 'mlci@users.noreply.github.com', date: this.now().toISOString() }
    });
    return data.sha;
  }

  /** The message of a tag object, or null when it does not exist. */
  async tagMessage(sha: string): Promise<string | null> {
    try {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
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
  async createRef(ref: string, sha: string): Promise<boolean> {
    try {
      await this.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
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
  async updateRef(ref: string, sha: string): Promise<void> {
    await this.octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      ...this.params(),
      ref,
      sha,
      force: true
    });
  }

  /** Deletes a ref; one already gone is fine. */
  async deleteRef(ref: string): Promise<void> {
    try {
      await this.octokit.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { ...this.params(), ref });
    } catch (error) {
      if (statusOf(error) !== 422 && statusOf(error) !== 404) throw error;
    }
  }

  /** The object a ref points at, or null. */
  async refObject(ref: string): Promise<{ sha: string; type: string } | null> {
    try {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
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
  async peel(object: { sha: string; type: string }): Promise<string> {
    if (object.type !== 'tag') return object.sha;
    const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
      ...this.params(),
      tag_sha: object.sha
    });
    return data.object.sha;
  }

  /** Creates a draft release. */
  async createDraft(tag: string, commit: string, body: string): Promise<ReleaseData> {
    const { data } = await this.octokit.request('POST /repos/{owner}/{repo}/releases', {
      ...this.params(),
      tag_name: tag,
      target_commitish: commit,
      name: tag,
      body,
      draft: true
    });
    return data as unknown as ReleaseData;
  }

  /** Deletes a release; one already gone is fine. */
  async deleteRelease(id: number): Promise<void> {
    try {
      await this.octokit.request('DELETE /repos/{owner}/{repo}/releases/{release_id}', {
        ...this.params(),
        release_id: id
      });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  /** Publishes a draft without making it the repository's latest release. */
  async publish(releaseId: number): Promise<void> {
    await this.octokit.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
      ...this.params(),
      release_id: releaseId,
      draft: false,
      make_latest: 'false'
    });
  }

  /** Replaces a release's notes. */
  async updateBody(releaseId: number, body: string): Promise<void> {
    await this.octokit.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
      ...this.params(),
      release_id: releaseId,
      body
    });
  }

  /** Every asset of a release. */
  async listAssets(releaseId: number): Promise<AssetData[]> {
    return (await this.octokit.paginate('GET /repos/{owner}/{repo}/releases/{release_id}/assets', {
      ...this.params(),
      release_id: releaseId,
      per_page: 100
    })) as AssetData[];
  }

  /** Uploads one asset to a release's upload URL. */
  async uploadAsset(release: ReleaseData, file: string, bytes: Uint8Array): Promise<void> {
    await this.octokit.request({
      method: 'POST',
      url: release.upload_url,
      name: file,
      data: bytes,
      headers: { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream' }
    });
  }

  /** Deletes one asset. */
  async deleteAsset(id: number): Promise<void> {
    await this.octokit.request('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      ...this.params(),
      asset_id: id
    });
  }

  /** The bytes of one asset. */
  async downloadAsset(id: number): Promise<Uint8Array> {
    const response = await this.octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      ...this.params(),
      asset_id: id,
      headers: { accept: 'application/octet-stream' }
    });
    return new Uint8Array(response.data as unknown as ArrayBuffer);
  }
}
