import type { Registry } from '../registry/types.js';
import { modelFromBytes, readModelFile, type ModelFile } from '../model/inference.js';
import { PRODUCTION_ALIAS } from '../registry/aliases.js';

/** Where the baseline came from. */
export interface BaselineSource {
  kind: 'file' | 'registry' | 'artifact' | 'none';
  /** The file, `name@vN (alias production)`, or the artifact and run. */
  ref: string | null;
  /** Registry version, when it came from a registry. */
  version?: number;
  /** What was looked at, in order, and why each step did not give a baseline. */
  tried: string[];
}

/** A baseline model fetched from a CI artifact (the adapter lives in src/github). */
export interface ArtifactBaseline {
  bytes: Uint8Array;
  ref: string;
}

/** Where to look for the baseline, in the order docs/architecture.md gives. */
export interface BaselineLookup {
  /** An explicit model file: when given, it must exist. */
  file?: string;
  registry?: Registry | null;
  modelName?: string;
  /** The alias naming the production model; default `production`. */
  alias?: string;
  /** The latest successful main-branch run's artifact; null when there is none. */
  artifact?: () => Promise<ArtifactBaseline | null>;
}

/**
 * Resolves the baseline: an explicit file; else the registry's `production` alias; else the
 * latest successful main-branch run's artifact; else none (a first run). Needs no git history.
 */
export async function resolveBaseline(
  lookup: BaselineLookup
): Promise<{ model: ModelFile | null; source: BaselineSource }> {
  const tried: string[] = [];
  if (lookup.file) {
    const model = await readModelFile(lookup.file);
    return { model, source: { kind: 'file', ref: lookup.file, tried: [`file ${lookup.file}`] } };
  }
  const alias = lookup.alias ?? PRODUCTION_ALIAS;
  if (lookup.registry && lookup.modelName) {
    const version = await lookup.registry.resolve({ name: lookup.modelName, alias });
    if (version) {
      const bytes = await lookup.registry.download(lookup.modelName, version.version);
      const ref = `${lookup.modelName}@v${version.version} (alias ${alias})`;
      tried.push(`registry: ${ref}`);
      return {
        model: modelFromBytes(bytes, `registry ${ref}`),
        source: { kind: 'registry', ref, version: version.version, tried }
      };
    }
    tried.push(`registry: no ${lookup.modelName}@${alias}`);
  } else {
    tried.push(lookup.registry ? 'registry: no model name given' : 'registry: none configured');
  }
  if (lookup.artifact) {
    const found = await lookup.artifact();
    if (found) {
      tried.push(`artifact: ${found.ref}`);
      return {
        model: modelFromBytes(found.bytes, `artifact ${found.ref}`),
        source: { kind: 'artifact', ref: found.ref, tried }
      };
    }
    tried.push('artifact: no successful main-branch run with an unexpired model artifact');
  }
  return { model: null, source: { kind: 'none', ref: null, tried } };
}
