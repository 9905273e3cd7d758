import type { ModelSignature } from '../model/signature.js';
import type { GitState } from './git.js';
import type { GithubRunInfo, RunnerInfo } from './environment.js';
import type { HashedFile } from './files.js';

/** Name and version of the training.json format. */
export const TRAINING_RECORD_SCHEMA = 'mlci.training/v1';

/** A check as recorded (see src/train/checks.ts). */
export interface RecordedCheck {
  name: string;
  status: 'pass' | 'fail' | 'skipped';
  detail: string;
}

/** How DVC tracks a data file: the md5 it recorded, read from dvc.lock or a .dvc file. */
export interface DvcRecord {
  /** DVC's md5 (of the file, or `<md5>.dir` of the tracked directory holding it). */
  md5: string;
  /** Size DVC recorded for the tracked path, in bytes; null when it recorded none. */
  size: number | null;
  /** The dvc.lock or .dvc file that records it, relative to the project root. */
  file: string;
  /** The tracked path: the file itself, or the directory holding it. */
  path: string;
}

/** A data file with the role it played, its content version and its shape. */
export interface DataFileRecord {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  role: 'train' | 'eval';
  bytes: number;
  /** sha256 of the content; null when DVC tracks the file and its md5 stands for it (no second hash). */
  sha256: string | null;
  /** The DVC record, when dvc.lock or a .dvc file tracks the file. */
  dvc?: DvcRecord;
  /** Rows as read; null when the file could not be read as data (older records lack it). */
  rows?: number | null;
  /** Column names in file order; null when the file could not be read as data. */
  columns?: string[] | null;
}

/** The one identifier of a data file's version: its sha256 hex, or `md5:<hex>` when DVC's md5 stands for it. */
export function dataVersionId(file: Pick<DataFileRecord, 'sha256' | 'dvc'>): string {
  if (file.sha256) return file.sha256;
  return `md5:${file.dvc?.md5 ?? 'unknown'}`;
}

/** How the training process ran and what it cost. */
export interface ProcessRecord {
  exit_code: number | null;
  signal: string | null;
  timed_out: boolean;
  wall_seconds: number;
  cpu_user_seconds: number | null;
  cpu_system_seconds: number | null;
  peak_rss_bytes: number | null;
  measured_by: { cpu: string; memory: string };
}

/** What `--check-reproducible` found. */
export interface ReproducibilityRecord {
  reproducible: boolean;
  /** `bytes`: the two models are byte-identical; `predictions`: bytes differ, predictions compared. */
  method: 'bytes' | 'predictions';
  identical_bytes: boolean;
  sha256: [string, string];
  predictions: {
    data: string;
    rows: number;
    outputs: string[];
    max_abs_diff: number;
    tolerance: number;
  } | null;
  detail: string;
}

/** training.json: everything needed to say where a model came from and to run it again. */
export interface TrainingRecord {
  schema: typeof TRAINING_RECORD_SCHEMA;
  mlci_version: string;
  status: 'pass' | 'fail';
  failed_checks: string[];
  started_at: string;
  finished_at: string;
  command: string;
  /** Working directory of the command, relative to the project root. */
  workdir: string;
  seed: number;
  params: Record<string, unknown>;
  params_file: string | null;
  /** sha256 of the resolved params as canonical JSON (sorted keys), seed excluded. */
  params_sha256: string;
  params_file_sha256: string | null;
  overrides: Record<string, unknown>;
  data: DataFileRecord[];
  sources: HashedFile[];
  git: GitState | null;
  runtime: { node: string; python: string | null; python_interpreter: string | null };
  runner: RunnerInfo;
  github: GithubRunInfo | null;
  process: ProcessRecord | null;
  metrics: {
    reported: boolean;
    lines: number;
    /** The loss curve, at most 1000 evenly spaced points. */
    loss_curve: { step: number; loss: number | null }[];
    loss_points: number;
    final: Record<string, unknown> | null;
  };
  model: { path: string; sha256: string; bytes: number; signature: ModelSignature } | null;
  checks: RecordedCheck[];
  cache: {
    enabled: boolean;
    key: string | null;
    hit: boolean;
    note: string;
    /** On a hit: when and from which checkout the stored run was restored. */
    restored?: { at: string; commit: string | null; run_url: string | null };
  };
  reproducibility: ReproducibilityRecord | null;
}
