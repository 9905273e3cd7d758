import type { GateSpec } from '../config/types.js';
import { InputError } from '../core/errors.js';
import type { SliceReport } from '../evaluation/types.js';
import { applyGates, type GateKind, type GateResult } from './gates.js';

/**
 * Applies per-slice gates (`evaluate.slice_gates.<column>`) to every slice of that column. A skipped
 * slice (too small, beyond the largest ones) gives skipped results that say why; `hasBaseline`
 * decides whether change gates compare or are skipped, as for the whole data.
 */
export function applySliceGates(
  sliceGates: Record<string, Record<string, GateSpec>>,
  slices: readonly SliceReport[],
  sliceColumns: readonly string[],
  hasBaseline: boolean
): GateResult[] {
  const results: GateResult[] = [];
  for (const [column, specs] of Object.entries(sliceGates)) {
    if (!sliceColumns.includes(column)) {
      throw new InputError(
        `evaluate.slice_gates.${column}: "${column}" is not one of evaluate.slices (${sliceColumns.join(', ') || 'none'})`
      );
    }
    for (const s of slices.filter((r) => r.column === column)) {
      if (s.skipped || !s.candidate) {
        results.push(...skippedSlice(specs, s));
        continue;
      }
      results.push(
        ...applyGates(specs, {
          candidate: { values: s.candidate, reasons: s.undefined_reasons?.candidate },
          baseline: hasBaseline
            ? { values: s.baseline ?? {}, reasons: s.undefined_reasons?.baseline ?? undefined }
            : null,
          slice: { column, value: s.value }
        })
      );
    }
  }
  return results;
}

function skippedSlice(specs: Record<string, GateSpec>, s: SliceReport): GateResult[] {
  const results: GateResult[] = [];
  for (const [metric, spec] of Object.entries(specs)) {
    for (const kind of Object.keys(spec) as GateKind[]) {
      results.push({
        metric,
        slice: { column: s.column, value: s.value },
        kind,
        threshold: spec[kind] as number,
        status: 'skipped',
        candidate: null,
        baseline: null,
        observed: null,
        reason: `slice skipped: ${s.skipped ?? 'no metrics'}`
      });
    }
  }
  return results;
}
