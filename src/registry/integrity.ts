import { createHash } from 'node:crypto';
import { CheckFailedError } from '../core/errors.js';

/** A stored file whose bytes no longer match the sha256 recorded at registration. Exit code 1. */
export class IntegrityError extends CheckFailedError {}

/** Hex sha256 of some bytes. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Refuses bytes whose sha256 differs from the recorded one, so a tampered or truncated model is
 * never loaded; `what` names the file and version in the message.
 */
export function verifySha256(bytes: Uint8Array, expected: string, what: string): Uint8Array {
  const actual = sha256Hex(bytes);
  if (actual !== expected.toLowerCase()) {
    throw new IntegrityError(
      `${what}: sha256 mismatch — recorded ${expected}, downloaded bytes hash to ${actual} ` +
        `(${bytes.byteLength} bytes); the stored file was changed or corrupted after registration, refusing to use it`
    );
  }
  return bytes;
}

/** Formats checksums as `sha256sum` does (`<hex>  <name>`), sorted by name, so `sha256sum -c` can check a download. */
export function formatSha256Sums(checksums: Record<string, string>): string {
  return (
    Object.keys(checksums)
      .sort()
      .map((name) => `${checksums[name]}  ${name}`)
      .join('\n') + '\n'
  );
}

/** Parses a SHA256SUMS file (both text `  ` and binary ` *` markers). */
export function parseSha256Sums(text: string): Record<string, string> {
  const sums: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trim());
    if (match) sums[match[2]] = match[1].toLowerCase();
  }
  return sums;
}
