import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  CheckFailedError
} from "./chunk-HRKM2MUG.js";

// src/registry/integrity.ts
import { createHash } from "node:crypto";
var IntegrityError = class extends CheckFailedError {
};
function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
function verifySha256(bytes, expected, what) {
  const actual = sha256Hex(bytes);
  if (actual !== expected.toLowerCase()) {
    throw new IntegrityError(
      `${what}: sha256 mismatch — recorded ${expected}, downloaded bytes hash to ${actual} (${bytes.byteLength} bytes); the stored file was changed or corrupted after registration, refusing to use it`
    );
  }
  return bytes;
}
function formatSha256Sums(checksums) {
  return Object.keys(checksums).sort().map((name) => `${checksums[name]}  ${name}`).join("\n") + "\n";
}

export {
  sha256Hex,
  verifySha256,
  formatSha256Sums
};
