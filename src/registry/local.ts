import { access, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import { InputError } from '../core/errors.js';
import { DEFAULT_LOCAL_REGISTRY } from './default-dir.js';
import { planAttachment, validateAttachRequest } from './attach.js';
import { verifySha256 } from './integrity.js';
import {
  LOCK,
  PENDING,
  finishPending,
  makeStagingDir,
  removeEmptyStaging,
  sweepLeftovers,
  writeAtomic,
  writeSynced
} from './local-files.js';
import { withLock, type LockOptions } from './lock.js';
import {
  CARD_ASSET,
  MODEL_ASSET,
  RECORD_ASSET,
  SUMS_ASSET,
  aliasesFromHistory,
  buildVersion,
  checkHistory,
  checkRecord,
  prepareRegistration,
  rollbackTarget,
  sealVersion,
  validateAlias,
  validateModelName
} from './record.js';
import type {
  AliasEvent,
  AttachRequest,
  ModelRef,
  ModelVersion,
  RegisterRequest,
  RegisterResult,
  Registry
} from './types.js';

export { DEFAULT_LOCAL_REGISTRY } from './default-dir.js';

/** Options of the local registry: lock timings and a clock (tests pass both). */
export interface LocalRegistryOptions {
  lock?: LockOptions;
  now?: () => Date;
}

interface AliasFile {
  aliases: Record<string, number>;
  history: AliasEvent[];
}

const ALIASES = 'aliases.json';

function numbersOf(entries: string[]): number[] {
  return entries
    .map((entry) => /^v(\d+)$/.exec(entry))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
}

/**
 * A registry in a directory: `<dir>/<name>/v<N>/` holds a version's files and `version.json`,
 * `<dir>/<name>/aliases.json` the aliases and their history. A version directory appears in one
 * rename once complete, an attachment arrives as `v<N>/.pending` in one rename and is finished from
 * there, and every read-modify-write holds `<dir>/<name>/.lock`, so concurrent or killed processes
 * neither leave half a version or a file under another's sha256 nor lose an update.
 */
export class LocalRegistry implements Registry {
  /** Absolute path of the registry directory. */
  readonly dir: string;
  private readonly options: LocalRegistryOptions;

  constructor(dir: string = DEFAULT_LOCAL_REGISTRY, options: LocalRegistryOptions = {}) {
    this.dir = resolvePath(dir);
    this.options = options;
  }

  /** Where the files of a version live (for tools that want a path; reading through download() verifies). */
  versionDir(name: string, version: number): string {
    return join(this.dir, validateModelName(name), `v${version}`);
  }

  async register(request: RegisterRequest): Promise<RegisterResult> {
    const prepared = prepareRegistration(request);
    const root = join(this.dir, prepared.request.name);
    const known = (await this.list(request.name)).find((v) => v.sha256 === prepared.sha256);
    if (known) return { version: known, created: false };

    // The big files are staged before taking the lock, so the lock is held only for small writes.
    const staging = await makeStagingDir(root);
    try {
      for (const [file, bytes] of Object.entries(prepared.files)) await writeFile(join(staging, file), bytes);
      return await this.locked(prepared.request.name, async () => {
        const versions = await this.list(prepared.request.name);
        const same = versions.find((v) => v.sha256 === prepared.sha256);
        if (same) {
          // Removed under the lock, so that the lock's exit leaves no empty staging folder behind.
          await rm(staging, { recursive: true, force: true });
          return { version: same, created: false };
        }
        const previous = versions[versions.length - 1] ?? null;
        // A stray v<N> directory without a record (copied in by hand, say) still takes its number.
        const number = Math.max(previous?.version ?? 0, ...(await this.versionNumbers(root))) + 1;
        const built = buildVersion(prepared, number, previous, this.now().toISOString());
        for (const file of [CARD_ASSET, SUMS_ASSET, RECORD_ASSET]) {
          await writeFile(join(staging, file), built.files[file]);
        }
        await rename(staging, join(root, `v${number}`));
        return { version: built.record, created: true };
      });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  async list(name: string): Promise<ModelVersion[]> {
    const root = join(this.dir, validateModelName(name));
    let entries: string[];
    try {
      entries = await readdir(root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const numbers = numbersOf(entries);
    const versions: ModelVersion[] = [];
    for (const number of numbers) {
      const record = await this.readRecord(name, number);
      if (record) versions.push(record);
    }
    return versions;
  }

  async models(): Promise<string[]> {
    let entries;
    try {
      entries = await readdir(this.dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const names: string[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      if ((await this.list(entry.name)).length > 0) names.push(entry.name);
    }
    return names.sort();
  }

  async resolve(ref: ModelRef): Promise<ModelVersion | null> {
    validateModelName(ref.name);
    if (ref.version !== undefined) return this.readRecord(ref.name, ref.version);
    if (ref.alias) {
      validateAlias(ref.alias);
      const target = (await this.aliases(ref.name))[ref.alias];
      return target === undefined ? null : this.readRecord(ref.name, target);
    }
    const versions = await this.list(ref.name);
    return versions[versions.length - 1] ?? null;
  }

  async download(name: string, version: number, asset: string = MODEL_ASSET): Promise<Uint8Array> {
    await this.settled(name, version);
    const record = await this.readRecord(name, version);
    if (!record) throw new InputError(`${name}@v${version} is not in the registry ${this.dir}`);
    if (!record.assets.includes(asset)) {
      throw new InputError(`${name}@v${version} has no file "${asset}" (it has ${record.assets.join(', ')})`);
    }
    const path = join(this.versionDir(name, version), asset);
    const bytes = await readFile(path).then(
      (data) => new Uint8Array(data),
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        throw new InputError(`${name}@v${version}: its file "${asset}" is missing from ${path}`);
      }
    );
    if (asset === RECORD_ASSET) return bytes;
    const expected = asset === MODEL_ASSET ? record.sha256 : record.checksums?.[asset];
    if (!expected)
      throw new InputError(`${name}@v${version}: no recorded sha256 for "${asset}", refusing to use it`);
    return verifySha256(bytes, expected, `${name}@v${version} ${asset} (${path})`);
  }

  async aliases(name: string): Promise<Record<string, number>> {
    return (await this.readAliasFile(name)).aliases;
  }

  async promote(
    name: string,
    version: number,
    alias: string,
    by: string,
    reason?: string
  ): Promise<AliasEvent> {
    validateModelName(name);
    validateAlias(alias);
    // Versions are never removed, so a version found now is still there under the lock.
    if (!(await this.readRecord(name, version))) {
      throw new InputError(`cannot promote ${name}@v${version}: no such version in ${this.dir}`);
    }
    return this.locked(name, async () => {
      const state = await this.readAliasFile(name);
      const from = state.aliases[alias] ?? null;
      const event: AliasEvent = {
        alias,
        from,
        to: version,
        at: this.now().toISOString(),
        by,
        kind: 'promote'
      };
      if (reason) event.reason = reason;
      // Promoting to where the alias already points records nothing, so re-runs stay quiet.
      if (from === version) return event;
      await this.writeAliasFile(name, [...state.history, event]);
      return event;
    });
  }

  async rollback(name: string, alias: string, by: string, reason?: string): Promise<AliasEvent> {
    validateModelName(name);
    validateAlias(alias);
    // Refused before the lock, so a rollback of an unknown model or alias writes nothing.
    rollbackTarget(name, (await this.readAliasFile(name)).history, alias);
    return this.locked(name, async () => {
      const state = await this.readAliasFile(name);
      const { from, to } = rollbackTarget(name, state.history, alias);
      const event: AliasEvent = { alias, from, to, at: this.now().toISOString(), by, kind: 'rollback' };
      if (reason) event.reason = reason;
      await this.writeAliasFile(name, [...state.history, event]);
      return event;
    });
  }

  async history(name: string): Promise<AliasEvent[]> {
    return (await this.readAliasFile(name)).history;
  }

  async attach(request: AttachRequest): Promise<ModelVersion> {
    validateAttachRequest(request);
    const { name, version } = request;
    const found = await this.readRecord(name, version);
    if (!found) throw new InputError(`cannot attach to ${name}@v${version}: no such version in ${this.dir}`);
    // Planned once before the lock so that a refusal writes nothing, then again on the locked state.
    if (Object.keys(planAttachment(found, request, '').files).length === 0) return found;
    return this.locked(name, async () => {
      const current = (await this.readRecord(name, version))!;
      const plan = planAttachment(current, request, this.now().toISOString());
      // The card and SHA256SUMS list every file with its sha256, so they change with the record.
      const sealed = sealVersion(plan.record, await this.previousOf(name, version));
      const dir = this.versionDir(name, version);
      const staging = await makeStagingDir(join(this.dir, name));
      try {
        const record = JSON.stringify(sealed.record, null, 2) + '\n';
        const files = { ...plan.files, ...sealed.files, [RECORD_ASSET]: record };
        for (const [file, bytes] of Object.entries(files)) await writeSynced(join(staging, file), bytes);
        // The commit point: a replaced file, its new sha256, SHA256SUMS and the card arrive together, even under kill -9.
        await rename(staging, join(dir, PENDING));
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
      await finishPending(dir, RECORD_ASSET);
      return sealed.record;
    });
  }

  /** The version a version's card compares with: the one registered just before it. */
  private async previousOf(name: string, version: number): Promise<ModelVersion | null> {
    const earlier = (await this.list(name)).filter((v) => v.version < version);
    return earlier[earlier.length - 1] ?? null;
  }

  /** Finishes an attachment a killed process decided but left half moved, before a file is read. */
  private async settled(name: string, version: number): Promise<void> {
    const pending = join(this.versionDir(name, version), PENDING);
    if (
      await access(pending).then(
        () => true,
        () => false
      )
    )
      await this.locked(name, async () => undefined);
  }

  private async versionNumbers(root: string): Promise<number[]> {
    return numbersOf(await readdir(root).catch(() => [] as string[]));
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  /** Runs a write under the model's lock, after clearing what killed writers left behind. */
  private locked<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const root = join(this.dir, name);
    return withLock(
      join(root, LOCK),
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

  private async readRecord(name: string, version: number): Promise<ModelVersion | null> {
    const path = join(this.versionDir(name, version), RECORD_ASSET);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
    }
    return checkRecord(value, name, version, path);
  }

  private async readAliasFile(name: string): Promise<AliasFile> {
    const path = join(this.dir, validateModelName(name), ALIASES);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { aliases: {}, history: [] };
      throw error;
    }
    let parsed: Partial<AliasFile> | null;
    try {
      parsed = JSON.parse(text) as Partial<AliasFile> | null;
    } catch (error) {
      throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
    }
    const history = checkHistory(parsed?.history, path);
    return { aliases: aliasesFromHistory(history), history };
  }

  private async writeAliasFile(name: string, history: AliasEvent[]): Promise<void> {
    const file: AliasFile = { aliases: aliasesFromHistory(history), history };
    const root = join(this.dir, name);
    await writeAtomic(root, join(root, ALIASES), JSON.stringify(file, null, 2) + '\n');
  }
}
