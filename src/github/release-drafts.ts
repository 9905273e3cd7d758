import { CheckFailedError } from '../core/errors.js';
import { formatSha256Sums, sha256Hex } from '../registry/integrity.js';
import {
  CARD_ASSET,
  RECORD_ASSET,
  SUMS_ASSET,
  buildVersion,
  type PreparedRegistration
} from '../registry/record.js';
import type { ModelVersion } from '../registry/types.js';
import {
  cardFromBody,
  releaseBody,
  sameAsset,
  type Entry,
  type ReleaseData,
  type ReleaseApi
} from './release-api.js';
import { alreadyExists } from './release-errors.js';

/** How patient the draft handling is with drafts left by crashed runs. */
export interface DraftOptions {
  /** A draft older than this, of another model build, is taken as left by a crashed run and removed. */
  staleDraftMs: number;
  now: () => Date;
}

/**
 * Claims version numbers and builds releases as drafts, publishing one only once every asset is
 * uploaded and verified; drafts of crashed runs are resumed (same model) or removed (stale).
 */
export class DraftPublisher {
  constructor(
    private readonly api: ReleaseApi,
    private readonly options: DraftOptions
  ) {}

  /** Claims `<name>@v<number>` by creating its tag ref: false when another process got there first. */
  async claim(name: string, number: number, sha256: string, commit: string): Promise<boolean> {
    const tagObject = await this.api.createTagObject(
      `${name}@v${number}`,
      `mlci model ${name} v${number}\n\nmodel sha256 ${sha256}\n`,
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
  async createClaimed(
    prepared: PreparedRegistration,
    number: number,
    commit: string
  ): Promise<ModelVersion | null> {
    const { name } = prepared.request;
    let draft: ReleaseData | null = null;
    try {
      const entries = await this.api.scan(name);
      const previous =
        entries
          .filter((e) => e.version < number && e.record)
          .map((e) => e.record!)
          .pop() ?? null;
      const built = buildVersion(prepared, number, previous, this.options.now().toISOString());
      draft = await this.api.createDraft(`${name}@v${number}`, commit, releaseBody(built.card, built.record));
      // Two runs of the same model at once: the lower version number wins, the other steps aside.
      const rivals = (await this.api.scan(name)).filter(
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
      await this.api.publish(draft.id);
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
  async resume(entry: Entry, prepared: PreparedRegistration): Promise<ModelVersion | null> {
    const record = entry.record!;
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
  private rebuildFiles(entry: Entry, prepared: PreparedRegistration): Record<string, Uint8Array> | null {
    const record = entry.record!;
    const sums = { ...record.checksums };
    const sameFiles =
      Object.entries(prepared.files).every(([file, bytes]) => sums[file] === sha256Hex(bytes)) &&
      Object.keys(sums).every((file) => file in prepared.files || file === CARD_ASSET || file === SUMS_ASSET);
    if (!sameFiles) return null;
    const encoder = new TextEncoder();
    delete sums[SUMS_ASSET];
    const files: Record<string, Uint8Array> = {
      ...prepared.files,
      [CARD_ASSET]: encoder.encode(cardFromBody(entry.release.body ?? '')),
      [SUMS_ASSET]: encoder.encode(formatSha256Sums(sums)),
      [RECORD_ASSET]: encoder.encode(JSON.stringify(record, null, 2) + '\n')
    };
    const intact =
      sha256Hex(files[CARD_ASSET]) === record.checksums?.[CARD_ASSET] &&
      sha256Hex(files[SUMS_ASSET]) === record.checksums?.[SUMS_ASSET];
    return intact ? files : null;
  }

  /** Whether a draft was left long enough ago to count as abandoned by a crashed run. */
  isStale(release: ReleaseData): boolean {
    return this.options.now().getTime() - Date.parse(release.created_at) > this.options.staleDraftMs;
  }

  /** Drafts of other builds left by crashed runs: removed with their tag so the number can be reused. */
  async removeStaleDrafts(entries: Entry[]): Promise<Entry[]> {
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
    if (releaseId !== null) await this.api.deleteRelease(releaseId);
    if (!(await this.api.published(name, version))) await this.api.deleteRef(`tags/${name}@v${version}`);
  }

  /**
   * Uploads every file missing from the release. An asset already there with the right digest is
   * kept (a retried upload whose first attempt landed); one with the wrong bytes is replaced.
   */
  async uploadAll(release: ReleaseData, files: Record<string, Uint8Array>): Promise<void> {
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
    // Nothing is published (or recorded) until the release holds every file with the expected digest.
    const final = await this.api.listAssets(release.id);
    for (const [file, bytes] of Object.entries(files)) {
      const asset = final.find((a) => a.name === file);
      if (!asset || !sameAsset(asset, bytes)) {
        throw new CheckFailedError(`asset ${file} of ${release.tag_name} is missing or damaged after upload`);
      }
    }
  }
}
