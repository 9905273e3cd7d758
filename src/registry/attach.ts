import { InputError } from '../core/errors.js';
import { sha256Hex } from './integrity.js';
import { RESERVED_ASSETS, validateAssetName, validateModelName } from './record.js';
import type { Attachment, AttachRequest, ModelVersion } from './types.js';

/** What an attachment changes: the new record and the files to store (empty when nothing changes). */
export interface AttachmentPlan {
  record: ModelVersion;
  files: Record<string, Uint8Array>;
}

/** Refuses a malformed attach request before anything is read or written. */
export function validateAttachRequest(request: AttachRequest): void {
  validateModelName(request.name);
  if (!Number.isInteger(request.version) || request.version < 1) {
    throw new InputError(`version "${request.version}" is not valid: expected vN, e.g. v3`);
  }
  const names = Object.keys(request.files);
  if (names.length === 0) throw new InputError('nothing to attach: give --statistics or --file');
  for (const name of names) {
    validateAssetName(name);
    if (RESERVED_ASSETS.has(name)) {
      throw new InputError(
        `cannot attach "${name}": it is part of the registered version and never changes (register a new version instead)`
      );
    }
    if (request.files[name].byteLength === 0)
      throw new InputError(`cannot attach "${name}": the file is empty`);
  }
}

/**
 * Plans adding files to a version: a file it already has with the same bytes is skipped, one with
 * other bytes is refused unless forced (then the replaced digest is recorded). The model, its
 * sha256 and the files stored at registration other than the replaced one stay as they were.
 */
export function planAttachment(record: ModelVersion, request: AttachRequest, at: string): AttachmentPlan {
  validateAttachRequest(request);
  const checksums = { ...(record.checksums ?? {}) };
  const assets = new Set(record.assets);
  const attachments: Attachment[] = [...(record.attachments ?? [])];
  const files: Record<string, Uint8Array> = {};
  for (const [file, bytes] of Object.entries(request.files).sort(([a], [b]) => a.localeCompare(b))) {
    const digest = sha256Hex(bytes);
    const previous = assets.has(file) ? checksums[file] : undefined;
    if (previous === digest) continue;
    if (assets.has(file) && !request.force) {
      throw new InputError(
        `${record.tag} already has "${file}" with other bytes (sha256 ${previous ?? 'unknown'}); versions are immutable: use --force to replace it (the replacement is recorded)`
      );
    }
    const entry: Attachment = { file, sha256: digest, size: bytes.byteLength, at, by: request.by };
    if (previous) entry.replaced = previous;
    attachments.push(entry);
    assets.add(file);
    checksums[file] = digest;
    files[file] = bytes;
  }
  if (Object.keys(files).length === 0) return { record, files };
  const sorted = Object.fromEntries(
    Object.keys(checksums)
      .sort()
      .map((k) => [k, checksums[k]])
  );
  return { record: { ...record, assets: [...assets].sort(), checksums: sorted, attachments }, files };
}
