import type { MlflowLineage } from '../model/mlflow.js';

/** A reference to a model in a registry: a name with an optional alias (`@production`) or version (`@v3`). */
export interface ModelRef {
  name: string;
  alias?: string;
  version?: number;
}

/** Lineage of a registered version: where it came from. */
export interface VersionLineage {
  commit?: string;
  dirty?: boolean;
  runUrl?: string;
  dataHashes?: Record<string, string>;
  params?: Record<string, unknown>;
  trainingRecord?: string;
  /** The MLflow run and artifact path of a model registered from an MLflow model directory. */
  mlflow?: MlflowLineage;
}

/** The immutable record of one registered version. */
export interface ModelVersion {
  name: string;
  version: number;
  /** `<name>@v<version>` */
  tag: string;
  sha256: string;
  size: number;
  created: string;
  metrics: Record<string, number | null>;
  verdict: 'pass' | 'fail' | 'unknown';
  rubberStamp?: boolean;
  /** Present when a failed verdict was registered anyway. */
  forced?: { by: string; reason: string };
  lineage: VersionLineage;
  /** Names of the stored files of this version (model.onnx, statistics.json, …). */
  assets: string[];
  /** sha256 of every stored file (asset name → hex digest); downloads are verified against it. */
  checksums?: Record<string, string>;
  /** Who registered the version (a GitHub actor or the local user). */
  registeredBy?: string;
  /** Files added after registration, oldest first; the model and its sha256 never change. */
  attachments?: Attachment[];
}

/** A file added to a registered version: what, its digest, who and when (and what it replaced, if forced). */
export interface Attachment {
  file: string;
  sha256: string;
  size: number;
  at: string;
  by: string;
  /** sha256 of the file this one replaced (only with force). */
  replaced?: string;
}

/** Files to add to an existing version. */
export interface AttachRequest {
  name: string;
  version: number;
  /** File name → bytes; model.onnx, version.json, model-card.md and SHA256SUMS are refused. */
  files: Record<string, Uint8Array>;
  by: string;
  /** Replace a file the version already has (recorded); without it an existing file is refused. */
  force?: boolean;
}

/** One move of an alias, kept so rollback knows where to go and who moved it. */
export interface AliasEvent {
  alias: string;
  from: number | null;
  to: number;
  at: string;
  by: string;
  reason?: string;
  kind: 'promote' | 'rollback';
}

/** What to register: the model bytes plus the files and facts that travel with it. */
export interface RegisterRequest {
  name: string;
  model: Uint8Array;
  metrics?: Record<string, number | null>;
  verdict?: 'pass' | 'fail' | 'unknown';
  rubberStamp?: boolean;
  force?: { by: string; reason: string };
  lineage?: VersionLineage;
  /** Who registers (recorded); defaults to the backend's idea of the current user. */
  by?: string;
  /** Extra files stored with the version: name → bytes (evaluation.json, statistics.json, training.json, model card). */
  files?: Record<string, Uint8Array>;
}

/** The result of a registration: the version, and whether it already existed (same sha256). */
export interface RegisterResult {
  version: ModelVersion;
  created: boolean;
}

/** A model registry. Two backends (local directory, GitHub Releases) pass one contract suite. */
export interface Registry {
  /** Registers the next version, or returns the existing one with the same model sha256. */
  register(request: RegisterRequest): Promise<RegisterResult>;
  /** All versions of a model, oldest first. */
  list(name: string): Promise<ModelVersion[]>;
  /** Names of all models. */
  models(): Promise<string[]>;
  /** One version by number or alias; null when absent. */
  resolve(ref: ModelRef): Promise<ModelVersion | null>;
  /** The model bytes of a version, verified against its sha256 (throws on mismatch). */
  download(name: string, version: number, asset?: string): Promise<Uint8Array>;
  /** Current aliases of a model: alias → version. */
  aliases(name: string): Promise<Record<string, number>>;
  /** Moves an alias to a version, recording who and why. */
  promote(name: string, version: number, alias: string, by: string, reason?: string): Promise<AliasEvent>;
  /** Moves an alias back to the version it pointed to before its last move. */
  rollback(name: string, alias: string, by: string, reason?: string): Promise<AliasEvent>;
  /** The alias history of a model, oldest first. */
  history(name: string): Promise<AliasEvent[]>;
  /** Adds files to an existing version, recorded in its attachments; the same bytes again change nothing. */
  attach(request: AttachRequest): Promise<ModelVersion>;
}

/** Parses `name`, `name@alias` or `name@v3`; a second `@` stays in the alias, which then fails validation. */
export function parseModelRef(text: string): ModelRef {
  const at = text.indexOf('@');
  const name = at < 0 ? text : text.slice(0, at);
  const qualifier = at < 0 ? '' : text.slice(at + 1);
  if (!qualifier) return { name };
  const version = /^v(\d+)$/.exec(qualifier);
  return version ? { name, version: Number(version[1]) } : { name, alias: qualifier };
}

/** Formats a reference back to `name`, `name@alias` or `name@v3`. */
export function formatModelRef(ref: ModelRef): string {
  if (ref.version !== undefined) return `${ref.name}@v${ref.version}`;
  return ref.alias ? `${ref.name}@${ref.alias}` : ref.name;
}
