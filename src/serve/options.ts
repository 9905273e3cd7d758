// The options and the routing state of the model server, apart from the server itself so that
// callers (the CLI, the deploy targets) can name them without loading it.
import type { ModelRef } from '../registry/types.js';
import type { PredictionLogOptions } from './prediction-log.js';
import type { ModelSource } from './source.js';

/** Options of `mlci serve`. */
export interface ServerOptions {
  /** The model served at /v2/models/{name}. */
  model: ModelRef;
  source: ModelSource;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Bearer token of the admin API; without one the admin API is disabled. */
  adminToken?: string;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Most rows per request (default 10,000). */
  maxRows?: number;
  /** Time to receive a whole request, ms (default REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Column order of matrix models without feature_names metadata. */
  features?: string[];
  task?: 'binary' | 'multiclass' | 'regression';
  /** Binary decision threshold: positive when p(positive class) > threshold (default argmax). */
  threshold?: number;
  log?: PredictionLogOptions;
  /** Export Node process metrics too (default true). */
  processMetrics?: boolean;
  /** Served by alias: poll the registry this often (ms) for the alias moving (0 or absent: only on POST /admin/reload). */
  watchIntervalMs?: number;
  /** Told (one line) when the alias moves away from the version served, or back to it. */
  onAliasMove?: (line: string) => void;
}

/** The routing state, as GET /admin/state reports it. */
export interface ServerState {
  model: string;
  stable: { version: number; sha256: string };
  canary: { version: number; sha256: string; weight: number } | null;
  shadow: boolean;
  draining: boolean;
}

/** How a server reads its model beyond the file: mlci.yml's `model.features`, `task` and `threshold`. */
export type ServeModelSettings = Pick<ServerOptions, 'features' | 'task' | 'threshold'>;
