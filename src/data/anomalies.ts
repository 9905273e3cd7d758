// The anomaly rules of validate-data that need no schema: columns against a reference, NaN and ±Inf,
// row counts, duplicates and train/eval leakage. Pure functions over statistics; each returns the
// anomalies with the severity mlci.yml (or the default) gives their code.
import type { AnomalyCode, DataConfig, Severity } from '../config/types.js';
import { DEFAULT_MAX_OVERLAP_SHARE, type Overlap } from './overlap.js';
import type { Anomaly } from './report.js';
import type { ColumnStatistics, DatasetStatistics } from './statistics.js';

/** Severity of each code when mlci.yml says nothing (train_test_overlap: see overlapAnomaly). */
export const DEFAULT_SEVERITY: Record<AnomalyCode, Severity> = {
  missing_column: 'error',
  new_column: 'warning',
  type_mismatch: 'error',
  out_of_domain: 'error',
  out_of_range: 'error',
  unexpected_nulls: 'error',
  nan_values: 'warning',
  inf_values: 'warning',
  too_few_rows: 'error',
  duplicate_share: 'warning',
  train_test_overlap: 'warning',
  drift: 'warning'
};

/** Default largest share of duplicate rows before `duplicate_share` is reported. */
export const DEFAULT_MAX_DUPLICATE_SHARE = 0.05;

/** An anomaly before its severity is decided. */
export type Finding = Omit<Anomaly, 'severity'>;

/** The severity mlci.yml sets for a code (per column first), else `fallback`, else the default. */
export function severityOf(
  config: DataConfig | undefined,
  code: AnomalyCode,
  column?: string,
  fallback: Severity = DEFAULT_SEVERITY[code]
): Severity {
  const perColumn = column ? config?.columns?.[column]?.severity?.[code] : undefined;
  return perColumn ?? config?.severity?.[code] ?? fallback;
}

/** Collects anomalies, dropping those whose severity is off. */
export class Anomalies {
  readonly list: Anomaly[] = [];
  constructor(private readonly config: DataConfig | undefined) {}

  /** Adds a finding at the severity configured for its code (or `fallback`); a severity it holds keeps its place. */
  add(finding: Finding, fallback?: Severity): void {
    const severity = severityOf(this.config, finding.code, finding.column, fallback);
    if (severity !== 'off') this.list.push({ ...finding, severity });
  }

  /** Adds a finding whose severity is decided elsewhere (dataset drift). */
  push(anomaly: Anomaly): void {
    this.list.push(anomaly);
  }

  /** How many are errors. */
  errors(): number {
    return this.list.filter((a) => a.severity === 'error').length;
  }
}

/** Columns missing from, new to, or of another kind than in the reference (the label may change kind). */
export function referenceFindings(
  stats: DatasetStatistics,
  reference: Record<string, ColumnStatistics>,
  label?: string
): Finding[] {
  const out: Finding[] = [];
  for (const name of Object.keys(reference)) {
    if (!stats.columns[name])
      out.push({
        code: 'missing_column',
        column: name,
        message: `column "${name}" is in the reference but missing`
      });
  }
  for (const [name, s] of Object.entries(stats.columns)) {
    const r = reference[name];
    if (!r)
      out.push({ code: 'new_column', column: name, message: `column "${name}" is not in the reference` });
    else if (r.kind !== s.kind && label !== name) {
      out.push({
        code: 'type_mismatch',
        column: name,
        message: `column "${name}" is ${s.kind} (${s.type}) here but ${r.kind} (${r.type}) in the reference`
      });
    }
  }
  return out;
}

/** NaN and ±Inf values per column. */
export function specialValueFindings(stats: DatasetStatistics): Finding[] {
  const out: Finding[] = [];
  for (const [name, s] of Object.entries(stats.columns)) {
    if ((s.nan ?? 0) > 0)
      out.push({
        code: 'nan_values',
        column: name,
        message: `column "${name}" has ${s.nan} NaN values`,
        count: s.nan
      });
    const infs = (s.pos_inf ?? 0) + (s.neg_inf ?? 0);
    if (infs > 0)
      out.push({
        code: 'inf_values',
        column: name,
        message: `column "${name}" has ${infs} infinite values`,
        count: infs
      });
  }
  return out;
}

/** Too few rows (data.min_rows) and too many duplicate rows (data.max_duplicate_share). */
export function rowFindings(stats: DatasetStatistics, config: DataConfig | undefined): Finding[] {
  const out: Finding[] = [];
  if (config?.min_rows !== undefined && stats.rows < config.min_rows) {
    out.push({
      code: 'too_few_rows',
      message: `${stats.rows} rows, mlci.yml expects at least ${config.min_rows}`,
      count: stats.rows
    });
  }
  const maxDup = config?.max_duplicate_share ?? DEFAULT_MAX_DUPLICATE_SHARE;
  if (stats.rows > 0 && stats.duplicate_rows / stats.rows > maxDup) {
    out.push({
      code: 'duplicate_share',
      message: `${stats.duplicate_rows} duplicate rows (${((stats.duplicate_rows / stats.rows) * 100).toFixed(2)} %), more than ${(maxDup * 100).toFixed(2)} %`,
      count: stats.duplicate_rows
    });
  }
  return out;
}

/**
 * Leakage, at the severity it takes unless data.severity.train_test_overlap sets one: an error above
 * data.max_overlap_share of the rows (DEFAULT_MAX_OVERLAP_SHARE), else a warning.
 */
export function overlapFinding(overlap: Overlap, config: DataConfig | undefined): Anomaly {
  const share = overlap.rows / overlap.of;
  const max = config?.max_overlap_share ?? DEFAULT_MAX_OVERLAP_SHARE;
  const above = share > max;
  return {
    code: 'train_test_overlap',
    severity: above ? 'error' : 'warning',
    message:
      `${overlap.rows} of ${overlap.of} rows (${(share * 100).toFixed(2)} %) also occur in the training data ${overlap.train} ` +
      `(compared on ${overlap.columns} columns${overlap.label ? `, label "${overlap.label}" excluded` : ''})` +
      (above ? `, more than the ${(max * 100).toFixed(2)} % allowed (data.max_overlap_share)` : ''),
    count: overlap.rows
  };
}
