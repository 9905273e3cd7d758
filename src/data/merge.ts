// `mlci stats merge`: combines shard statistics into what one pass over all rows would give.
// Exact: counts, sums, min/max, mean and variance (Chan's parallel formula), value counts, histograms
// over identical bins, and quantiles while every shard kept its exact distribution. Otherwise
// quantiles come from equal-weight points whose CDF error is bounded by `rank_error`, and distinct
// counts from merged HyperLogLog registers (≈1.6 % standard error). See docs/sharded-validation.md.
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { readInput, writeJsonAtomic } from '../core/files.js';
import { BinCounter } from './drift/binning.js';
import { equalWidthEdges } from './numeric.js';
import { sketchListed } from './sketch/categorical.js';
import { Hll } from './sketch/hll.js';
import { compress, pool, quantilesOf } from './sketch/quantiles.js';
import {
  VALUE_CAP,
  checkStatistics,
  type ColumnKind,
  type ColumnStatistics,
  type DatasetStatistics,
  type Histogram,
  type NumericDistribution
} from './statistics.js';

/** One shard's statistics of a column, with the file they came from (for messages). */
interface Part {
  file: string;
  stats: ColumnStatistics;
}

function sameEdges(hs: Histogram[]): boolean {
  return hs.every(
    (h) => h.edges.length === hs[0].edges.length && h.edges.every((e, i) => e === hs[0].edges[i])
  );
}

const SIGNED = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT'];
const UNSIGNED = ['UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT'];

/** The type one pass would give a column the shards typed differently (the engine's widening). */
export function widenType(kind: ColumnKind, types: string[]): string {
  const distinct = [...new Set(types)];
  if (distinct.length === 1) return distinct[0];
  const signed = distinct.map((t) => SIGNED.indexOf(t));
  const unsigned = distinct.map((t) => UNSIGNED.indexOf(t));
  if (distinct.every((_, i) => signed[i] >= 0 || unsigned[i] >= 0)) {
    if (unsigned.every((u) => u >= 0)) return UNSIGNED[Math.max(...unsigned)];
    // An unsigned type fits only in the next wider signed one.
    const width = Math.max(...distinct.map((_, i) => (signed[i] >= 0 ? signed[i] : unsigned[i] + 1)));
    return width < SIGNED.length ? SIGNED[width] : 'DOUBLE';
  }
  if (kind === 'numeric') return 'DOUBLE';
  if (kind === 'datetime')
    return distinct.some((t) => /TIME ZONE|TIMESTAMPTZ/i.test(t)) ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP';
  return 'VARCHAR';
}

/** Counts, NaN/±Inf/zeros and the moments of the finite values (Chan's parallel formula). */
function numericMoments(out: ColumnStatistics, parts: ColumnStatistics[]): void {
  let mean = 0;
  let m2 = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const p of parts) {
    out.count += p.count;
    out.missing += p.missing;
    out.present += p.present;
    out.nan! += p.nan ?? 0;
    out.pos_inf! += p.pos_inf ?? 0;
    out.neg_inf! += p.neg_inf ?? 0;
    out.zeros! += p.zeros ?? 0;
    const nb = p.finite ?? 0;
    if (nb === 0) continue;
    const na = out.finite!;
    const n = na + nb;
    const delta = (p.mean ?? 0) - mean;
    mean += (delta * nb) / n;
    m2 += (p.m2 ?? 0) + (delta * delta * na * nb) / n;
    sum += p.sum ?? 0;
    out.finite = n;
    min = Math.min(min, p.min as number);
    max = Math.max(max, p.max as number);
  }
  const n = out.finite!;
  if (n > 0) Object.assign(out, { min, max, mean, m2, sum, std: n > 1 ? Math.sqrt(m2 / (n - 1)) : null });
}

/** The union sketch of numeric shards; a shard without one is sketched from its exact distribution. */
function numericSketch(parts: ColumnStatistics[]): Hll {
  const hll = new Hll();
  for (const p of parts) {
    if (p.hll) hll.merge(Hll.fromJSON(p.hll));
    else if (p.distribution?.kind === 'exact') for (const v of p.distribution.values) hll.addNumber(v);
  }
  return hll;
}

/** Top values: every count of shards with an exact distribution, the top list of the others. */
function numericTop(parts: ColumnStatistics[]): { value: string | number; count: number }[] {
  // Keyed by the value as written: an integer beyond 2^53 is a string, and Number() would merge it with
  // its neighbours.
  const top = new Map<string, { value: string | number; count: number }>();
  const add = (value: string | number, count: number) => {
    const key = String(value);
    const entry = top.get(key);
    if (entry) entry.count += count;
    else top.set(key, { value, count });
  };
  for (const p of parts) {
    const d = p.distribution;
    if (d?.kind === 'exact') d.values.forEach((v, i) => add(v, d.counts[i]));
    else for (const t of p.top) add(t.value, t.count);
  }
  return [...top.values()].sort((a, b) => b.count - a.count || byValue(a.value, b.value)).slice(0, 10);
}

/** Numeric order of two top values, exact for integers written as strings beyond 2^53. */
function byValue(a: string | number, b: string | number): number {
  if (typeof a === 'string' && typeof b === 'string' && /^-?\d+$/.test(a) && /^-?\d+$/.test(b)) {
    const d = BigInt(a) - BigInt(b);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  return Number(a) - Number(b);
}

/** Histogram: summed when every shard used the same bins, else rebuilt over the merged range. */
function numericHistogram(
  out: ColumnStatistics,
  finiteParts: ColumnStatistics[],
  pooled: NumericDistribution
): void {
  const hists = finiteParts.filter((p) => p.histogram).map((p) => p.histogram!);
  if (hists.length === finiteParts.length && hists.length > 0 && sameEdges(hists)) {
    const counts = hists[0].counts.map((_, i) => hists.reduce((s, h) => s + h.counts[i], 0));
    const histogram: Histogram = { edges: hists[0].edges, counts };
    const below = hists.reduce((s, h) => s + (h.below ?? 0), 0);
    const above = hists.reduce((s, h) => s + (h.above ?? 0), 0);
    if (below) histogram.below = below;
    if (above) histogram.above = above;
    out.histogram = histogram;
    return;
  }
  const counter = new BinCounter(equalWidthEdges(out.min as number, out.max as number));
  pooled.values.forEach((v, i) => counter.add(v, pooled.counts[i]));
  out.histogram = { edges: counter.edges, counts: Array.from(counter.counts) };
}

function mergeNumeric(name: string, parts: Part[]): ColumnStatistics {
  const stats = parts.map((p) => p.stats);
  const out: ColumnStatistics = {
    kind: 'numeric',
    type: '',
    count: 0,
    missing: 0,
    present: 0,
    nan: 0,
    pos_inf: 0,
    neg_inf: 0,
    zeros: 0,
    finite: 0,
    distinct: 0,
    distinct_exact: true,
    top: []
  };
  numericMoments(out, stats);
  const n = out.finite!;
  if (n === 0) return out;
  const finiteParts = parts.filter((p) => (p.stats.finite ?? 0) > 0);
  const lacking = finiteParts.find((p) => !p.stats.distribution);
  if (lacking)
    throw new InputError(
      `${lacking.file}: "columns.${name}.distribution" is missing; re-create the shard with this version of mlci`
    );
  const dists = finiteParts.map((p) => p.stats.distribution!);
  const pooled = pool(dists);
  const allExact = dists.every((d) => d.kind === 'exact');
  const hll = numericSketch(finiteParts.map((p) => p.stats));
  if (allExact && pooled.values.length <= VALUE_CAP) {
    out.distribution = { kind: 'exact', values: pooled.values, counts: pooled.counts };
  } else {
    const points = compress(pooled.values, pooled.counts, n);
    const inputError = Math.max(0, ...dists.map((d) => d.rank_error ?? 0));
    out.distribution = {
      kind: 'quantiles',
      values: points,
      counts: points.map(() => n / points.length),
      rank_error: inputError + 1 / points.length
    };
  }
  // Exact shards pooled hold every distinct value; otherwise only the sketch of the union knows.
  if (allExact) out.distinct = pooled.values.length;
  else Object.assign(out, { distinct: hll.estimate(), distinct_exact: false });
  out.hll = hll.toJSON();
  out.quantiles = quantilesOf(pooled.values, pooled.counts, n);
  numericHistogram(
    out,
    stats.filter((p) => (p.finite ?? 0) > 0),
    { kind: 'exact', ...pooled }
  );
  out.top = numericTop(stats);
  return out;
}

/** Sums the value counts of shards that list them; `complete` when every shard does. */
function listedValues(parts: ColumnStatistics[]): { values: Map<string, number>; complete: boolean } {
  const values = new Map<string, number>();
  let complete = true;
  for (const p of parts) {
    if (p.values) for (const [k, c] of Object.entries(p.values)) values.set(k, (values.get(k) ?? 0) + c);
    else complete = false;
  }
  return { values, complete };
}

function mergeCategorical(name: string, parts: Part[]): ColumnStatistics {
  const stats = parts.map((p) => p.stats);
  const out: ColumnStatistics = {
    kind: stats[0].kind,
    type: '',
    count: 0,
    missing: 0,
    present: 0,
    distinct: 0,
    distinct_exact: true,
    top: []
  };
  for (const p of stats) {
    out.count += p.count;
    out.missing += p.missing;
    out.present += p.present;
    if (p.length)
      out.length = {
        min: Math.min(out.length?.min ?? Infinity, p.length.min),
        max: Math.max(out.length?.max ?? -Infinity, p.length.max)
      };
  }
  const { values, complete } = listedValues(stats);
  const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  if (complete && values.size <= VALUE_CAP) {
    out.values = Object.fromEntries([...values.entries()].sort(byCount));
    out.distinct = values.size;
  } else {
    // Above the cap one pass keeps a sketch of every value: every shard must bring one (listing
    // shards get theirs from sketchCategoricalShards()).
    const unsketched = parts.find((p) => p.stats.present > 0 && !p.stats.hll);
    if (unsketched)
      throw new InputError(
        `${unsketched.file}: "columns.${name}.hll" is missing, and the merged column is above ${VALUE_CAP} values`
      );
    const hll = new Hll();
    for (const p of stats) if (p.hll) hll.merge(Hll.fromJSON(p.hll));
    out.hll = hll.toJSON();
    // Listed values from every shard are the exact union; else the sketch, never below what is known.
    if (complete) out.distinct = values.size;
    else
      Object.assign(out, {
        distinct: Math.max(values.size, ...stats.map((p) => p.distinct), hll.estimate()),
        distinct_exact: false
      });
  }
  // Shards above the cap add their top counts (their only counts) to the listed ones.
  const top = new Map<string, number>(values);
  for (const p of stats)
    if (!p.values) for (const t of p.top) top.set(String(t.value), (top.get(String(t.value)) ?? 0) + t.count);
  out.top = [...top.entries()]
    .sort(byCount)
    .slice(0, 10)
    .map(([value, count]) => ({ value, count }));
  return out;
}

/**
 * Distinct dates/times: shards keep neither value sets nor sketches, so the union is exact only when
 * at most one shard has values or the shards' ranges do not overlap; else the largest shard's count
 * is a lower bound, flagged `distinct_bound: "lower"`.
 */
function datetimeDistinct(
  parts: ColumnStatistics[]
): Pick<ColumnStatistics, 'distinct' | 'distinct_exact' | 'distinct_bound'> {
  const live = parts.filter((p) => p.present > 0);
  if (live.length === 0) return { distinct: 0, distinct_exact: true };
  const exact = live.every((p) => p.distinct_exact && !p.distinct_bound);
  if (live.length === 1 && exact) return { distinct: live[0].distinct, distinct_exact: true };
  const sorted = [...live].sort((a, b) => (String(a.min) < String(b.min) ? -1 : 1));
  // Text order is time order only for one type's ISO text, so mixed types are never called disjoint.
  const disjoint =
    new Set(live.map((p) => p.type)).size === 1 &&
    sorted.every((p, i) => i === 0 || String(sorted[i - 1].max) < String(p.min));
  if (exact && disjoint) return { distinct: live.reduce((s, p) => s + p.distinct, 0), distinct_exact: true };
  return {
    distinct: Math.max(...live.map((p) => p.distinct)),
    distinct_exact: false,
    distinct_bound: 'lower'
  };
}

function mergeDatetime(parts: Part[]): ColumnStatistics {
  const stats = parts.map((p) => p.stats);
  const mins = stats.map((p) => p.min).filter((m): m is string => typeof m === 'string');
  const maxs = stats.map((p) => p.max).filter((m): m is string => typeof m === 'string');
  return {
    kind: 'datetime',
    type: '',
    count: stats.reduce((s, p) => s + p.count, 0),
    missing: stats.reduce((s, p) => s + p.missing, 0),
    present: stats.reduce((s, p) => s + p.present, 0),
    min: mins.length ? mins.sort()[0] : null,
    max: maxs.length ? maxs.sort()[maxs.length - 1] : null,
    ...datetimeDistinct(stats),
    top: []
  };
}

/**
 * One column over all shards. Shards where it has no values (all missing, or absent: `absentRows`)
 * decide neither kind nor type: their rows only count as missing, as in one pass over all rows.
 */
function mergeColumn(column: string, parts: Part[], absentRows: number): ColumnStatistics {
  const present = parts.filter((p) => p.stats.present > 0);
  const kind = (present[0] ?? parts[0]).stats.kind;
  const clash = present.find((p) => p.stats.kind !== kind);
  if (clash)
    throw new InputError(
      `column "${column}" is ${kind} in ${present[0].file} but ${clash.stats.kind} in ${clash.file}; shards must share a schema`
    );
  const deciding = present.length > 0 ? present : parts.filter((p) => p.stats.kind === kind);
  const out =
    kind === 'numeric'
      ? mergeNumeric(column, deciding)
      : kind === 'datetime'
        ? mergeDatetime(deciding)
        : mergeCategorical(column, deciding);
  out.type = widenType(
    kind,
    deciding.map((p) => p.stats.type)
  );
  const extra = parts.filter((p) => !deciding.includes(p)).reduce((s, p) => s + p.stats.count, absentRows);
  out.count += extra;
  out.missing += extra;
  return out;
}

/** Each column's shard statistics, in first-seen order (a Map, so any column name is a key). */
function columnsOf(parts: { name: string; stats: DatasetStatistics }[]): Map<string, Part[]> {
  const columns = new Map<string, Part[]>();
  for (const { name, stats } of parts)
    for (const [column, s] of Object.entries(stats.columns))
      columns.set(column, [...(columns.get(column) ?? []), { file: name, stats: s }]);
  return columns;
}

function mergeLabels(parts: { name: string; stats: DatasetStatistics }[]): DatasetStatistics['label'] {
  const labelled = parts.filter((p) => p.stats.label !== undefined);
  if (labelled.length === 0) return undefined;
  const column = labelled[0].stats.label!.column;
  const other = labelled.find((p) => p.stats.label!.column !== column);
  if (other)
    throw new InputError(
      `${other.name}: "label.column" is "${other.stats.label!.column}" but "${column}" in ${labelled[0].name}`
    );
  const distribution = new Map<string, number>();
  for (const p of labelled)
    for (const [k, c] of Object.entries(p.stats.label!.distribution))
      distribution.set(k, (distribution.get(k) ?? 0) + c);
  // fromEntries defines own keys, so a class named "__proto__" stays a class.
  return { column, distribution: Object.fromEntries(distribution) };
}

/** Merges shard statistics (checked first; a column absent from a shard is missing there) into one. */
export function mergeStatistics(parts: { name: string; stats: DatasetStatistics }[]): DatasetStatistics {
  for (const p of parts) checkStatistics(p.stats, p.name);
  return mergeChecked(parts);
}

/** mergeStatistics of shards already checked. */
function mergeChecked(parts: { name: string; stats: DatasetStatistics }[]): DatasetStatistics {
  if (parts.length === 0) throw new InputError('stats merge: no files given');
  const columns = columnsOf(parts);
  const merged: DatasetStatistics = {
    format: 'mlci-statistics',
    version: 1,
    source: {
      path: parts.map((p) => p.stats.source.path).join(', '),
      files: parts.reduce((s, p) => s + p.stats.source.files, 0),
      format: parts[0].stats.source.format
    },
    rows: parts.reduce((s, p) => s + p.stats.rows, 0),
    duplicate_rows: parts.reduce((s, p) => s + p.stats.duplicate_rows, 0),
    // fromEntries defines own keys, so a column named "__proto__" is kept like any other.
    columns: Object.fromEntries(
      [...columns].map(([column, list]) => {
        const absentRows = parts
          .filter((p) => !list.some((l) => l.file === p.name))
          .reduce((s, p) => s + p.stats.rows, 0);
        return [column, mergeColumn(column, list, absentRows)];
      })
    ),
    merged_from: parts.reduce((s, p) => s + (p.stats.merged_from ?? 1), 0)
  };
  const label = mergeLabels(parts);
  if (label) merged.label = label;
  return merged;
}

/**
 * Adds a sketch to listing shards (already checked) of categorical columns that end up above the
 * value cap, so that their values enter the merged distinct count (returns copies; the input is left as is).
 */
async function sketchCategoricalShards(
  parts: { name: string; stats: DatasetStatistics }[]
): Promise<{ name: string; stats: DatasetStatistics }[]> {
  const copies = parts.map((p) => ({ name: p.name, stats: { ...p.stats, columns: { ...p.stats.columns } } }));
  for (const [column, list] of columnsOf(parts)) {
    const listing = list.filter(
      (l) => l.stats.kind !== 'numeric' && l.stats.kind !== 'datetime' && l.stats.present > 0
    );
    const { values, complete } = listedValues(listing.map((l) => l.stats));
    if (complete && values.size <= VALUE_CAP) continue;
    for (const l of listing) {
      if (l.stats.hll || !l.stats.values) continue;
      const where = `${l.file}: "columns.${column}"`;
      const hll = await sketchListed(Object.keys(l.stats.values), l.stats.type, where);
      const copy = copies.find((c) => c.name === l.file)!;
      Object.defineProperty(copy.stats.columns, column, {
        value: { ...l.stats, hll: hll.toJSON() },
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
  }
  return copies;
}

/** The shard's real path, so that one file given twice under two spellings is caught. */
async function identity(file: string): Promise<string> {
  return realpath(file).catch(() => resolve(file));
}

/** Reads statistics.json files, merges them and writes the result atomically to `out`. */
export async function mergeStatisticsFiles(files: string[], out?: string): Promise<DatasetStatistics> {
  const parts: { name: string; stats: DatasetStatistics }[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const text = await readInput(file, 'statistics file', 'utf8');
    const real = await identity(file);
    // The same shard twice would count its rows twice.
    if (seen.has(real))
      throw new InputError(`${file}: given twice (also as ${seen.get(real)}); each shard counts once`);
    seen.set(real, file);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${file}: not valid JSON (${(error as Error).message})`);
    }
    parts.push({ name: file, stats: checkStatistics(value, file) });
  }
  const merged = mergeChecked(await sketchCategoricalShards(parts));
  if (out) await writeJsonAtomic(out, merged);
  return merged;
}
