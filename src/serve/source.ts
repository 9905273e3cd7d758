import { InputError } from '../core/errors.js';
import type { ModelRef, ModelVersion, Registry } from '../registry/types.js';

/** Where a server gets model versions from. */
export interface ModelSource {
  /** Resolves a version or alias and returns its record and verified model bytes. */
  fetch(ref: ModelRef): Promise<{ record: ModelVersion; bytes: Uint8Array }>;
  /** Resolves a version or alias without downloading (sources that can: the alias watch polls it). */
  resolve?(ref: ModelRef): Promise<ModelVersion | null>;
}

/** A model source backed by a registry; the bytes are verified against the recorded sha256. */
export function registrySource(registry: Registry): ModelSource {
  return {
    resolve: (ref) => registry.resolve(ref),
    async fetch(ref) {
      const record = await registry.resolve(ref);
      if (!record) {
        const what =
          ref.version !== undefined ? `version v${ref.version}` : `alias "${ref.alias ?? 'latest'}"`;
        throw new InputError(`model "${ref.name}": ${what} not found in the registry`);
      }
      const bytes = await registry.download(record.name, record.version);
      return { record, bytes };
    }
  };
}
