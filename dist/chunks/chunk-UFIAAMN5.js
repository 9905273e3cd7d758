import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  RESERVED_ASSETS,
  validateAssetName,
  validateModelName
} from "./chunk-7VZC23W7.js";
import {
  sha256Hex
} from "./chunk-5Z5STRRD.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/registry/attach.ts
function validateAttachRequest(request) {
  validateModelName(request.name);
  if (!Number.isInteger(request.version) || request.version < 1) {
    throw new InputError(`version "${request.version}" is not valid: expected vN, e.g. v3`);
  }
  const names = Object.keys(request.files);
  if (names.length === 0) throw new InputError("nothing to attach: give --statistics or --file");
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
function planAttachment(record, request, at) {
  validateAttachRequest(request);
  const checksums = { ...record.checksums ?? {} };
  const assets = new Set(record.assets);
  const attachments = [...record.attachments ?? []];
  const files = {};
  for (const [file, bytes] of Object.entries(request.files).sort(([a], [b]) => a.localeCompare(b))) {
    const digest = sha256Hex(bytes);
    const previous = assets.has(file) ? checksums[file] : void 0;
    if (previous === digest) continue;
    if (assets.has(file) && !request.force) {
      throw new InputError(
        `${record.tag} already has "${file}" with other bytes (sha256 ${previous ?? "unknown"}); versions are immutable: use --force to replace it (the replacement is recorded)`
      );
    }
    const entry = { file, sha256: digest, size: bytes.byteLength, at, by: request.by };
    if (previous) entry.replaced = previous;
    attachments.push(entry);
    assets.add(file);
    checksums[file] = digest;
    files[file] = bytes;
  }
  if (Object.keys(files).length === 0) return { record, files };
  const sorted = Object.fromEntries(
    Object.keys(checksums).sort().map((k) => [k, checksums[k]])
  );
  return { record: { ...record, assets: [...assets].sort(), checksums: sorted, attachments }, files };
}

export {
  validateAttachRequest,
  planAttachment
};
