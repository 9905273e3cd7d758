// What changed between the production model and the candidate, from their lineage: parameters,
// data versions, training code and runtime (docs/lineage.md). Pure: the snapshots are read elsewhere.
import type { VersionLineage } from '../registry/types.js';
import { canonicalJson, sha256 } from './files.js';
import { dataVersionId, type DataFileRecord, type TrainingRecord } from './record.js';

/** One model's lineage as far as it is known (a training.json gives all, a registry record part). */
export interface LineageSnapshot {
  /** Resolved params, seed excluded; null when unknown. */
  params: Record<string, unknown> | null;
  seed: number | null;
  paramsFile: string | null;
  /** Params set over the file (train.set, --set). */
  overrides: Record<string, unknown>;
  /** Data files; role and shape are null when only the registry's hashes are known. */
  data:
    (Pick<DataFileRecord, 'path' | 'sha256' | 'dvc' | 'rows' | 'columns'> & { role: string | null })[] | null;
  commit: string | null;
  /** Training sources with their sha256; null when unknown. */
  sources: { path: string; sha256: string }[] | null;
  /** Runtime versions by name (node, python, mlci); null when unknown. */
  runtime: Record<string, string | null> | null;
}

/** One data file's version as the comment shows it. */
export interface DataVersion {
  /** sha256 hex, or DVC's md5 (`algorithm: md5`). */
  hash: string;
  algorithm: 'sha256' | 'md5';
  /** The dvc.lock or .dvc file the md5 comes from. */
  dvc_file: string | null;
  rows: number | null;
  columns: string[] | null;
}

/** A parameter whose value differs (absent on one side: added or removed). */
export interface ParamChange {
  name: string;
  change: 'added' | 'removed' | 'changed';
  baseline: unknown;
  candidate: unknown;
  /** Where the candidate's value came from. */
  origin: 'params_file' | 'override' | 'seed';
}

/** A data file whose version differs, or that only one model was trained with. */
export interface DataChange {
  path: string;
  role: string | null;
  change: 'added' | 'removed' | 'changed';
  baseline: DataVersion | null;
  candidate: DataVersion | null;
  columns_added: string[];
  columns_removed: string[];
}

/** Training code that differs: the commit and the sources (params file excluded: it is under params). */
export interface CodeChange {
  commit: { baseline: string | null; candidate: string | null };
  /** A sha256 over the sources' paths and hashes; null when unknown. */
  sources_sha256: { baseline: string | null; candidate: string | null };
  /** Source files added, removed or changed; empty when the sources are unknown on one side. */
  files: { path: string; change: 'added' | 'removed' | 'changed' }[];
}

/** A runtime whose version differs. */
export interface EnvironmentChange {
  name: string;
  baseline: string | null;
  candidate: string | null;
}

/** evaluation.json's `what_changed`: the lineage diff from the baseline to the candidate. */
export interface WhatChanged {
  /** The baseline compared with (`churn@v3 (alias production)`); null when there is none. */
  baseline: string | null;
  /** Why nothing or not everything could be compared; null when both lineages were complete. */
  note: string | null;
  params_file: { baseline: string | null; candidate: string | null } | null;
  params: ParamChange[];
  data: DataChange[];
  code: CodeChange | null;
  environment: EnvironmentChange[];
}

/** A snapshot of a full training record. */
export function snapshotFromTraining(record: TrainingRecord): LineageSnapshot {
  return {
    params: record.params ?? null,
    seed: typeof record.seed === 'number' ? record.seed : null,
    paramsFile: record.params_file ?? null,
    overrides: record.overrides ?? {},
    data: Array.isArray(record.data) ? record.data : null,
    commit: record.git?.commit ?? null,
    sources: Array.isArray(record.sources) ? record.sources : null,
    runtime: record.runtime
      ? {
          node: record.runtime.node ?? null,
          python: record.runtime.python ?? null,
          mlci: record.mlci_version ?? null
        }
      : null
  };
}

/** A snapshot of what a registry version records when its training.json is not available. */
export function snapshotFromVersion(lineage: VersionLineage): LineageSnapshot {
  const { seed, ...params } = lineage.params ?? {};
  return {
    params: lineage.params ? params : null,
    seed: typeof seed === 'number' ? seed : null,
    paramsFile: null,
    overrides: {},
    data: lineage.dataHashes
      ? Object.entries(lineage.dataHashes).map(([path, id]) => ({
          path,
          role: null,
          ...(id.startsWith('md5:')
            ? { sha256: null, dvc: { md5: id.slice(4), size: null, file: '', path } }
            : { sha256: id })
        }))
      : null,
    commit: lineage.commit ?? null,
    sources: null,
    runtime: null
  };
}

/** The diff from the baseline's lineage to the candidate's; `baseline` names the baseline. */
export function diffLineage(base: LineageSnapshot, cand: LineageSnapshot, baseline: string): WhatChanged {
  const unknown = [
    base.params === null && 'the baseline’s parameters',
    base.data === null && 'the baseline’s data',
    base.sources === null && 'the baseline’s training sources',
    base.runtime === null && 'the baseline’s runtime'
  ].filter(Boolean);
  const paramsFileChanged = base.paramsFile !== null && base.paramsFile !== cand.paramsFile;
  return {
    baseline,
    note: unknown.length > 0 ? `not recorded: ${unknown.join(', ')}` : null,
    params_file: paramsFileChanged ? { baseline: base.paramsFile, candidate: cand.paramsFile } : null,
    params: diffParams(base, cand),
    data: diffData(base.data, cand.data),
    code: diffCode(base, cand),
    environment: diffRuntime(base.runtime, cand.runtime)
  };
}

/** A `what_changed` with nothing compared, and why (a first run, no lineage). */
export function nothingToCompare(baseline: string | null, note: string): WhatChanged {
  return { baseline, note, params_file: null, params: [], data: [], code: null, environment: [] };
}

/** Whether anything differs. */
export function anythingChanged(w: WhatChanged): boolean {
  return (
    w.params_file !== null ||
    w.params.length > 0 ||
    w.data.length > 0 ||
    w.code !== null ||
    w.environment.length > 0
  );
}

function diffParams(base: LineageSnapshot, cand: LineageSnapshot): ParamChange[] {
  if (base.params === null || cand.params === null) return [];
  const a = flatten(base.params);
  const b = flatten(cand.params);
  const overridden = new Set(Object.keys(cand.overrides));
  const out: ParamChange[] = [];
  for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const inA = name in a;
    const inB = name in b;
    if (inA && inB && canonicalJson(a[name]) === canonicalJson(b[name])) continue;
    out.push({
      name,
      change: !inA ? 'added' : !inB ? 'removed' : 'changed',
      baseline: inA ? a[name] : null,
      candidate: inB ? b[name] : null,
      origin: [...overridden].some((o) => name === o || name.startsWith(`${o}.`)) ? 'override' : 'params_file'
    });
  }
  if (base.seed !== null && cand.seed !== null && base.seed !== cand.seed)
    out.push({ name: 'seed', change: 'changed', baseline: base.seed, candidate: cand.seed, origin: 'seed' });
  return out;
}

// Nested params compare leaf by leaf under dotted names (`optimizer.lr`), as overrides name them.
function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0)
      Object.assign(out, flatten(v as Record<string, unknown>, name));
    else out[name] = v;
  }
  return out;
}

function versionOf(file: NonNullable<LineageSnapshot['data']>[number]): DataVersion {
  const id = dataVersionId(file);
  const md5 = id.startsWith('md5:');
  return {
    hash: md5 ? id.slice(4) : id,
    algorithm: md5 ? 'md5' : 'sha256',
    dvc_file: file.dvc?.file || null,
    rows: file.rows ?? null,
    columns: file.columns ?? null
  };
}

function diffData(base: LineageSnapshot['data'], cand: LineageSnapshot['data']): DataChange[] {
  if (base === null || cand === null) return [];
  const key = (f: { path: string }) => f.path;
  const before = new Map(base.map((f) => [key(f), f]));
  const after = new Map(cand.map((f) => [key(f), f]));
  const out: DataChange[] = [];
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(path);
    const b = after.get(path);
    if (a && b && dataVersionId(a) === dataVersionId(b)) continue;
    const va = a ? versionOf(a) : null;
    const vb = b ? versionOf(b) : null;
    const colsA = va?.columns ?? null;
    const colsB = vb?.columns ?? null;
    out.push({
      path,
      role: b?.role ?? a?.role ?? null,
      change: !a ? 'added' : !b ? 'removed' : 'changed',
      baseline: va,
      candidate: vb,
      columns_added: colsA && colsB ? colsB.filter((c) => !colsA.includes(c)) : [],
      columns_removed: colsA && colsB ? colsA.filter((c) => !colsB.includes(c)) : []
    });
  }
  return out;
}

// The sources' hash covers paths and contents, the params file left out (it is reported as params).
function sourcesHash(s: LineageSnapshot): string | null {
  const list = codeSources(s);
  return list ? sha256(canonicalJson(list.map((f) => [f.path, f.sha256]))) : null;
}

function codeSources(s: LineageSnapshot): { path: string; sha256: string }[] | null {
  if (s.sources === null) return null;
  return s.sources.filter((f) => f.path !== s.paramsFile).sort((x, y) => x.path.localeCompare(y.path));
}

function diffCode(base: LineageSnapshot, cand: LineageSnapshot): CodeChange | null {
  const a = codeSources(base);
  const b = codeSources(cand);
  const commit = { baseline: base.commit, candidate: cand.commit };
  const hashes = { baseline: sourcesHash(base), candidate: sourcesHash(cand) };
  if (a === null || b === null) {
    // Without both source lists, only a different commit says the code may differ.
    return base.commit && cand.commit && base.commit !== cand.commit
      ? { commit, sources_sha256: hashes, files: [] }
      : null;
  }
  if (hashes.baseline === hashes.candidate) return null;
  const before = new Map(a.map((f) => [f.path, f.sha256]));
  const after = new Map(b.map((f) => [f.path, f.sha256]));
  const files: CodeChange['files'] = [];
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    if (before.get(path) === after.get(path)) continue;
    files.push({ path, change: !before.has(path) ? 'added' : !after.has(path) ? 'removed' : 'changed' });
  }
  return { commit, sources_sha256: hashes, files };
}

function diffRuntime(
  base: LineageSnapshot['runtime'],
  cand: LineageSnapshot['runtime']
): EnvironmentChange[] {
  if (base === null || cand === null) return [];
  return [...new Set([...Object.keys(base), ...Object.keys(cand)])]
    .filter((name) => (base[name] ?? null) !== (cand[name] ?? null))
    .map((name) => ({ name, baseline: base[name] ?? null, candidate: cand[name] ?? null }));
}
