import type { CodedColumn, LoadedColumns } from '../data/columns.js';
import { splitResults } from './evaluate-model.js';
import type { SliceReport } from './types.js';
import { assertMetricRanges } from './metrics/catalog.js';
import type { Scorer } from './metrics/scorer.js';

/**
 * Scores every slice column: each scorer (candidate, then baseline) over the rows of each value
 * with at least `minSize` rows, in one pass per column; smaller or surplus values are listed as
 * skipped. `sources` name the models in the range check's message.
 */
export function scoreSlices(
  data: LoadedColumns,
  columns: readonly string[],
  minSize: number,
  scorers: readonly Scorer[],
  sources: readonly string[]
): SliceReport[] {
  const reports: SliceReport[] = [];
  for (const column of columns) {
    const grouping = groupSlices(data, column, minSize);
    const perModel = scorers.map((sc) =>
      sc.score({ groupOf: grouping.groupOf, groups: grouping.values.length }).map(splitResults)
    );
    grouping.values.forEach((value, g) => {
      perModel.forEach((m, i) => assertMetricRanges(m[g].values, `${sources[i]} [${column}=${value}]`));
      const reasons = perModel.map((m) => m[g].reasons);
      const anyReason = reasons.some((r) => Object.keys(r).length > 0);
      reports.push({
        column,
        value,
        rows: grouping.sizes[g],
        candidate: perModel[0][g].values,
        baseline: perModel[1] ? perModel[1][g].values : null,
        ...(anyReason ? { undefined_reasons: { candidate: reasons[0], baseline: reasons[1] ?? null } } : {})
      });
    });
    reports.push(...grouping.skipped.map((report) => ({ ...report })));
  }
  return reports;
}

/** The most distinct values of a slice column that get metrics; the rest are listed as skipped. */
export const MAX_SLICE_VALUES = 50;

/** A slice column's grouping: a group per row (−1 when too small) and the groups' values and sizes. */
export interface SliceGrouping {
  column: string;
  groupOf: Int32Array;
  values: string[];
  sizes: number[];
  skipped: SliceReport[];
}

/** Groupings already formed, per data (the slice scores and the bootstrap plan group the same columns). */
const groupingCache = new WeakMap<LoadedColumns, Map<string, SliceGrouping>>();

/** Groups rows by the values of a column in one pass; slices under `minSize` rows are skipped. */
export function groupSlices(data: LoadedColumns, column: string, minSize: number): SliceGrouping {
  let cached = groupingCache.get(data);
  if (!cached) groupingCache.set(data, (cached = new Map()));
  const key = `${minSize}\u0000${column}`;
  let grouping = cached.get(key);
  if (!grouping) cached.set(key, (grouping = formGroups(data, column, minSize)));
  return grouping;
}

function formGroups(data: LoadedColumns, column: string, minSize: number): SliceGrouping {
  const n = data.rowCount;
  const { raw, names, counts } = data.coded?.[column]
    ? codedValues(data.coded[column], n)
    : distinctValues(data, column);
  const byValue = names
    .map((name, id) => ({ name, id, size: counts[id] }))
    .filter((entry) => entry.size > 0)
    .sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1));
  const remap = new Int32Array(names.length).fill(-1);
  const values: string[] = [];
  const sizes: number[] = [];
  const skipped: SliceReport[] = [];
  const skip = (entry: { name: string; size: number }, why: string) =>
    skipped.push({
      column,
      value: entry.name,
      rows: entry.size,
      candidate: null,
      baseline: null,
      skipped: why
    });
  for (const entry of byValue) {
    if (entry.size < minSize) {
      skip(entry, `fewer than ${minSize} rows`);
    } else if (values.length >= MAX_SLICE_VALUES) {
      skip(entry, `beyond the ${MAX_SLICE_VALUES} largest slices`);
    } else {
      remap[entry.id] = values.length;
      values.push(entry.name);
      sizes.push(entry.size);
    }
  }
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) groupOf[i] = remap[raw[i]];
  return { column, groupOf, values, sizes, skipped };
}

/** Row → value id of a column, by the text of each value ('(null)' for missing). */
function distinctValues(data: LoadedColumns, column: string) {
  const numeric = data.numeric[column];
  const text = data.text[column];
  const n = data.rowCount;
  const raw = new Int32Array(n);
  const ids = new Map<string, number>();
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = numeric ? (Number.isNaN(numeric[i]) ? '(null)' : String(numeric[i])) : (text[i] ?? '(null)');
    let id = ids.get(v);
    if (id === undefined) {
      id = ids.size;
      ids.set(v, id);
      counts.push(0);
    }
    counts[id]++;
    raw[i] = id;
  }
  return { raw, names: [...ids.keys()], counts };
}

/** The same from a dictionary-encoded column: its codes, with null as one more value. */
function codedValues(column: CodedColumn, n: number) {
  // Nulls share the name '(null)' with a text value spelled so, as in distinctValues.
  const spelled = column.values.indexOf('(null)');
  const nullId = spelled >= 0 ? spelled : column.values.length;
  const raw = new Int32Array(n);
  const counts = new Array<number>(nullId + 1).fill(0);
  for (let i = 0; i < n; i++) {
    const id = column.codes[i] < 0 ? nullId : column.codes[i];
    raw[i] = id;
    counts[id]++;
  }
  return { raw, names: spelled >= 0 ? column.values : [...column.values, '(null)'], counts };
}
