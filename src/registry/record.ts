import { userInfo } from 'node:os';
import { CheckFailedError, InputError } from '../core/errors.js';
import { formatSha256Sums, sha256Hex } from './integrity.js';
import { renderModelCard } from './model-card.js';
import type { AliasEvent, ModelVersion, RegisterRequest } from './types.js';

export { PRODUCTION_ALIAS } from './aliases.js';

/** File names every version stores. */
export const MODEL_ASSET = 'model.onnx';
export const CARD_ASSET = 'model-card.md';
export const SUMS_ASSET = 'SHA256SUMS';
export const RECORD_ASSET = 'version.json';
/** Files written by the registry itself: never supplied or replaced by a caller. */
export const RESERVED_ASSETS: ReadonlySet<string> = new Set([
  MODEL_ASSET,
  CARD_ASSET,
  SUMS_ASSET,
  RECORD_ASSET
]);

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Refuses a model name that cannot be a directory and a tag (`<name>@v<N>`) at once. */
export function validateModelName(name: string): string {
  if (!NAME.test(name) || name.endsWith('.') || name.includes('..')) {
    throw new InputError(
      `model name "${name}" is not valid: use letters, digits, ".", "_" and "-" (starting with a letter or digit, at most 100)`
    );
  }
  return name;
}

/** Refuses an alias that would be mistaken for a version (`v3`) or is not a safe tag suffix. */
export function validateAlias(alias: string): string {
  if (!NAME.test(alias) || alias.endsWith('.') || alias.includes('..') || /^v\d+$/.test(alias)) {
    throw new InputError(
      `alias "${alias}" is not valid: use letters, digits, ".", "_" and "-", and not the form vN (that names a version)`
    );
  }
  if (alias === 'aliases') throw new InputError('alias "aliases" is reserved');
  return alias;
}

/** Refuses a stored file name that is reserved or not a plain file name. */
export function validateAssetName(name: string): string {
  if (!NAME.test(name) || name.includes('..')) {
    throw new InputError(
      `file name "${name}" is not valid for a registry asset (a plain name: letters, digits, ".", "_", "-")`
    );
  }
  return name;
}

/** The user recorded as the author of registry changes when none is given. */
export function currentUser(): string {
  if (process.env.GITHUB_ACTOR) return process.env.GITHUB_ACTOR;
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

/** A validated registration: the model's digest and its files, before a version number is known. */
export interface PreparedRegistration {
  request: RegisterRequest;
  sha256: string;
  /** Model and extra files, without the ones that depend on the version number (card, sums, record). */
  files: Record<string, Uint8Array>;
}

/**
 * Checks a request before anything is written: a failed verdict is refused unless forced, and a
 * forced registration must say who and why.
 */
export function prepareRegistration(request: RegisterRequest): PreparedRegistration {
  validateModelName(request.name);
  if (request.model.byteLength === 0) throw new InputError(`model for "${request.name}" is empty`);
  if (request.verdict === 'fail' && !request.force) {
    throw new CheckFailedError(
      `refusing to register ${request.name}: its evaluation verdict is fail (use --force with a reason to register it anyway; the forcing is recorded)`
    );
  }
  if (request.force && (!request.force.by || !request.force.reason)) {
    throw new InputError('a forced registration needs who forces it and why');
  }
  const files: Record<string, Uint8Array> = { [MODEL_ASSET]: request.model };
  for (const [name, bytes] of Object.entries(request.files ?? {})) {
    validateAssetName(name);
    if (RESERVED_ASSETS.has(name)) throw new InputError(`file name "${name}" is reserved by the registry`);
    files[name] = bytes;
  }
  return { request, sha256: sha256Hex(request.model), files };
}

/** A complete version: its record and every file to store, card and SHA256SUMS included. */
export interface BuiltVersion {
  record: ModelVersion;
  card: string;
  files: Record<string, Uint8Array>;
}

/** Builds the immutable record, the model card (against `previous`) and SHA256SUMS of version `version`. */
export function buildVersion(
  prepared: PreparedRegistration,
  version: number,
  previous: ModelVersion | null,
  created = new Date().toISOString()
): BuiltVersion {
  const { request } = prepared;
  const encoder = new TextEncoder();
  const checksums: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(prepared.files)) checksums[name] = sha256Hex(bytes);
  const record: ModelVersion = {
    name: request.name,
    version,
    tag: `${request.name}@v${version}`,
    sha256: prepared.sha256,
    size: request.model.byteLength,
    created,
    metrics: request.metrics ?? {},
    verdict: request.verdict ?? 'unknown',
    ...(request.rubberStamp ? { rubberStamp: true } : {}),
    ...(request.verdict === 'fail' && request.force ? { forced: request.force } : {}),
    lineage: request.lineage ?? {},
    assets: [...Object.keys(prepared.files), CARD_ASSET, SUMS_ASSET, RECORD_ASSET].sort(),
    checksums: { ...checksums },
    registeredBy: request.by ?? currentUser()
  };
  const sealed = sealVersion(record, previous);
  const files: Record<string, Uint8Array> = { ...prepared.files, ...sealed.files };
  files[RECORD_ASSET] = encoder.encode(JSON.stringify(sealed.record, null, 2) + '\n');
  return { record: sealed.record, card: sealed.card, files };
}

/** A version's files derived from its record, and the record naming their digests. */
export interface SealedVersion {
  record: ModelVersion;
  card: string;
  /** The model card and SHA256SUMS. */
  files: Record<string, Uint8Array>;
}

/**
 * Renders the model card and SHA256SUMS from a record's checksums of its model and files (digests
 * of an older card and SHA256SUMS in it are ignored), so that both list every stored file with
 * its current sha256: at registration, and again after each attachment.
 */
export function sealVersion(record: ModelVersion, previous: ModelVersion | null): SealedVersion {
  const encoder = new TextEncoder();
  const checksums = Object.fromEntries(
    Object.entries(record.checksums ?? {}).filter(([file]) => file !== CARD_ASSET && file !== SUMS_ASSET)
  );
  // The card lists the checksums of the model and its files; its own and SHA256SUMS' come after.
  const card = renderModelCard({ ...record, checksums: { ...checksums } }, previous);
  const files: Record<string, Uint8Array> = { [CARD_ASSET]: encoder.encode(card) };
  checksums[CARD_ASSET] = sha256Hex(files[CARD_ASSET]);
  files[SUMS_ASSET] = encoder.encode(formatSha256Sums(checksums));
  checksums[SUMS_ASSET] = sha256Hex(files[SUMS_ASSET]);
  const sorted = Object.fromEntries(
    Object.keys(checksums)
      .sort()
      .map((k) => [k, checksums[k]])
  );
  return { record: { ...record, checksums: sorted }, card, files };
}

/**
 * The versions an alias went through, as a stack: a promotion pushes, a rollback pops. Rolling
 * back twice therefore walks two steps back instead of toggling between the last two versions.
 */
export function aliasStack(history: AliasEvent[], alias: string): number[] {
  const stack: number[] = [];
  for (const event of history) {
    if (event.alias !== alias) continue;
    if (event.kind === 'rollback') {
      stack.pop();
      if (stack[stack.length - 1] !== event.to) stack.push(event.to);
    } else {
      stack.push(event.to);
    }
  }
  return stack;
}

/** The version a rollback of `alias` moves to, or an error naming why there is none. */
export function rollbackTarget(
  name: string,
  history: AliasEvent[],
  alias: string
): { from: number; to: number } {
  const stack = aliasStack(history, alias);
  if (stack.length === 0) throw new InputError(`${name}@${alias} does not exist: nothing to roll back`);
  if (stack.length === 1) {
    throw new CheckFailedError(
      `${name}@${alias} has no earlier version to roll back to (it has only pointed to v${stack[0]})`
    );
  }
  return { from: stack[stack.length - 1], to: stack[stack.length - 2] };
}

/** Current aliases from a history: the last target of each alias. */
export function aliasesFromHistory(history: AliasEvent[]): Record<string, number> {
  const aliases: Record<string, number> = {};
  for (const event of history) aliases[event.alias] = event.to;
  return aliases;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Checks that parsed JSON is the record of `name`@v`version`; the message says what is wrong. */
export function checkRecord(value: unknown, name: string, version: number, where: string): ModelVersion {
  const record = value as Partial<ModelVersion> | null;
  const problem =
    !record || typeof record !== 'object' || Array.isArray(record)
      ? 'not a JSON object'
      : record.name !== name || record.version !== version
        ? `it names ${JSON.stringify(record.name)} v${JSON.stringify(record.version)}, expected ${name} v${version}`
        : typeof record.sha256 !== 'string' || !SHA256.test(record.sha256)
          ? '"sha256" is not a sha256 digest'
          : !Array.isArray(record.assets) || !record.assets.every((a) => typeof a === 'string')
            ? '"assets" is not a list of file names'
            : !record.metrics || typeof record.metrics !== 'object' || !record.lineage
              ? '"metrics" or "lineage" is missing'
              : null;
  if (problem) throw new InputError(`${where}: not a valid version record (${problem})`);
  return record as ModelVersion;
}

/** Checks that a parsed alias history is a list of alias moves; the message names the first bad entry. */
export function checkHistory(value: unknown, where: string): AliasEvent[] {
  if (!Array.isArray(value)) throw new InputError(`${where}: "history" is not a list of alias moves`);
  value.forEach((event: Partial<AliasEvent> | null, index) => {
    const valid =
      event &&
      typeof event === 'object' &&
      typeof event.alias === 'string' &&
      Number.isInteger(event.to) &&
      (event.from === null || Number.isInteger(event.from)) &&
      (event.kind === 'promote' || event.kind === 'rollback');
    if (!valid) throw new InputError(`${where}: history entry ${index + 1} is not an alias move`);
  });
  return value as AliasEvent[];
}
