import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  HISTOGRAM_BINS,
  Hll,
  QUANTILES,
  SUMMARY_POINTS,
  VALUE_CAP
} from "./chunk-TDVX5RST.js";
import {
  sqlIdent
} from "./chunk-BQLEISGD.js";

// src/data/drift/binning.ts
function sturgesEdges(size, min, max) {
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const ptp = max - min;
  const width = ptp / (Math.log2(size) + 1);
  const bins = width ? Math.ceil((last - first) / width) : 1;
  return linspace(first, last, bins + 1);
}
function linspace(start, stop, num) {
  const div = num - 1;
  const step = (stop - start) / div;
  const out = [];
  for (let i = 0; i < num; i++) out.push(step === 0 ? i / div * (stop - start) + start : i * step + start);
  if (num > 1) out[num - 1] = stop;
  return out;
}
var BinCounter = class {
  constructor(edges) {
    this.edges = edges;
    this.counts = new Float64Array(Math.max(edges.length - 1, 0));
  }
  edges;
  counts;
  bin = 0;
  /** Adds `count` at `value`; values must arrive in ascending order. */
  add(value, count) {
    const nb = this.counts.length;
    if (nb === 0 || value < this.edges[0] || value > this.edges[nb]) return;
    while (this.bin < nb - 1 && value >= this.edges[this.bin + 1]) this.bin++;
    this.counts[this.bin] += count;
  }
};
function categoryShares(reference, current) {
  const keys = [.../* @__PURE__ */ new Set([...reference.keys(), ...current.keys()])];
  let nr = 0;
  let nc = 0;
  for (const c of reference.values()) nr += c;
  for (const c of current.values()) nc += c;
  return {
    keys,
    reference: keys.map((k) => (reference.get(k) ?? 0) / nr),
    current: keys.map((k) => (current.get(k) ?? 0) / nc)
  };
}

// src/data/numeric-exact.ts
var EXACT_DOUBLE_LIMIT = 2 ** 53;
var WIDE_INTEGER_TYPES = /* @__PURE__ */ new Set(["BIGINT", "UBIGINT", "HUGEINT", "UHUGEINT"]);
function holdsWideIntegers(type) {
  return WIDE_INTEGER_TYPES.has(type);
}
function beyondDoubles(min, max) {
  return min !== null && max !== null && Math.max(-min, max) >= EXACT_DOUBLE_LIMIT;
}
function exactCountsSql(table, column) {
  const limit = EXACT_DOUBLE_LIMIT;
  return `SELECT CAST(x AS DOUBLE) AS v, c, CASE WHEN x >= ${limit} OR x <= -${limit} THEN CAST(x AS VARCHAR) END AS k FROM (SELECT ${sqlIdent(column)} AS x, count(*)::DOUBLE AS c FROM ${sqlIdent(table)} GROUP BY 1) ORDER BY x NULLS FIRST`;
}
function keysOf(chunk) {
  if (chunk.columnCount < 3) return void 0;
  const vector = chunk.getColumnVector(2);
  const keys = Array.from({ length: chunk.rowCount }, (_, i) => vector.getItem(i));
  return keys.some((k) => k !== null) ? keys : void 0;
}
function fmix32(h) {
  h = Math.imul(h ^ h >>> 16, 2246822507);
  h = Math.imul(h ^ h >>> 13, 3266489909);
  return (h ^ h >>> 16) >>> 0;
}
function addExactInteger(hll, key) {
  const x = BigInt(key);
  const bits = BigInt.asUintN(64, x ^ x >> 64n);
  const a = Number(bits >> 32n);
  const b = Number(bits & 0xffffffffn);
  const hi = fmix32((a ^ Math.imul(b, 2654435761)) >>> 0);
  hll.addHash(hi, fmix32((b ^ Math.imul(hi ^ a, 2246822519) ^ 1540483477) >>> 0));
}

// src/data/numeric.ts
function valueCountsSql(table, column) {
  return `SELECT CAST(${sqlIdent(column)} AS DOUBLE) AS v, count(*)::DOUBLE AS c FROM ${sqlIdent(table)} GROUP BY 1 ORDER BY 1 NULLS FIRST`;
}
function items(vector) {
  return vector.items;
}
var READ_WHOLE_GROUPS = 1 << 20;
function groupsOf(chunk, first) {
  const vector = chunk.getColumnVector(0);
  const values = items(vector);
  const counts = items(chunk.getColumnVector(1));
  const keys = keysOf(chunk);
  if (!first || vector.getItem(0) !== null) return { values, counts, keys, nulls: 0 };
  return { values: values.subarray(1), counts: counts.subarray(1), keys: keys?.slice(1), nulls: counts[0] };
}
function finiteRange(values) {
  let from = 0;
  while (from < values.length && values[from] === -Infinity) from++;
  let to = from;
  while (to < values.length && Number.isFinite(values[to])) to++;
  return [from, to];
}
function slice({ values, counts, keys }, from, to) {
  return {
    values: values.subarray(from, to),
    counts: counts.subarray(from, to),
    keys: keys?.slice(from, to)
  };
}
async function readCounts(db, sql, limit) {
  const result = await db.stream(sql);
  const chunks = [];
  let nulls = 0;
  let groups = 0;
  for (; ; ) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return { chunks, nulls };
    groups += chunk.rowCount;
    if (groups > limit) return void 0;
    const { nulls: n, ...finite } = groupsOf(chunk, chunks.length === 0);
    nulls += n;
    chunks.push(finite);
  }
}
async function* finiteChunks(db, sql) {
  const result = await db.stream(sql);
  for (let first = true; ; first = false) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return;
    const groups = groupsOf(chunk, first);
    const [from, to] = finiteRange(groups.values);
    yield slice(groups, from, to);
    if (to < groups.values.length) return;
  }
}
async function openStreamed(db, table, column, wide) {
  const x = `CAST(${sqlIdent(column)} AS DOUBLE)`;
  const finite = `FILTER (WHERE isfinite(${x}))`;
  const [row] = (await db.runAndReadAll(
    `SELECT count(*) - count(${x}), count_if(isnan(${x})), count_if(${x} = 'inf'::DOUBLE), count_if(${x} = '-inf'::DOUBLE), min(${x}) ${finite}, max(${x}) ${finite} FROM ${sqlIdent(table)}`
  )).getRows();
  const [nulls, nan, posInf, negInf] = row.slice(0, 4).map(Number);
  const bound = (v) => v === null ? null : Number(v);
  const head = { nulls, nan, posInf, negInf, min: bound(row[4]), max: bound(row[5]) };
  const sql = wide && beyondDoubles(head.min, head.max) ? exactCountsSql(table, column) : valueCountsSql(table, column);
  const cursor = await new Cursor(finiteChunks(db, sql)).refill();
  return { head, cursor };
}
async function* handOut(chunks) {
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    chunks[i] = void 0;
    yield chunk;
  }
}
async function openCounts(db, table, column, readWhole = READ_WHOLE_GROUPS, wide = false) {
  const whole = await readCounts(db, valueCountsSql(table, column), readWhole);
  if (!whole) return openStreamed(db, table, column, wide);
  const opened = headOf(whole);
  if (!wide || !beyondDoubles(opened.head.min, opened.head.max)) return opened.open();
  const exact = await readCounts(db, exactCountsSql(table, column), readWhole);
  return exact ? headOf(exact).open() : openStreamed(db, table, column, wide);
}
function headOf(whole) {
  const head = { nulls: whole.nulls, nan: 0, posInf: 0, negInf: 0, min: null, max: null };
  const finite = [];
  for (const chunk of whole.chunks) {
    const { values, counts } = chunk;
    const [from, to] = finiteRange(values);
    for (let i = 0; i < from; i++) head.negInf += counts[i];
    for (let i = to; i < values.length; i++) {
      if (Number.isNaN(values[i])) head.nan += counts[i];
      else head.posInf += counts[i];
    }
    if (to > from) finite.push(slice(chunk, from, to));
  }
  if (finite.length > 0) {
    const last = finite[finite.length - 1].values;
    head.min = finite[0].values[0];
    head.max = last[last.length - 1];
  }
  return { head, open: async () => ({ head, cursor: await new Cursor(handOut(finite)).refill() }) };
}
async function* storedCounts(distribution) {
  yield { values: Float64Array.from(distribution.values), counts: Float64Array.from(distribution.counts) };
}
var Cursor = class {
  constructor(source) {
    this.source = source;
  }
  source;
  values = new Float64Array(0);
  counts = new Float64Array(0);
  keys;
  index = 0;
  done = false;
  /** Loads the next non-empty chunk (or marks the cursor done). */
  async refill() {
    for (; ; ) {
      const next = await this.source.next();
      if (next.done) {
        this.done = true;
        return this;
      }
      if (next.value.values.length > 0) {
        this.values = next.value.values;
        this.counts = next.value.counts;
        this.keys = next.value.keys;
        this.index = 0;
        return this;
      }
    }
  }
  /** The current value (only when not done). */
  get value() {
    return this.values[this.index];
  }
  /** The current count (only when not done). */
  get count() {
    return this.counts[this.index];
  }
  /** The current value's exact text when its double does not hold it (see CountChunk.keys). */
  get key() {
    return this.keys?.[this.index] ?? void 0;
  }
  /** Moves to the next value; true when the chunk is used up and refill() must be awaited. */
  advance() {
    this.index++;
    return this.index >= this.values.length;
  }
};
function lerp(a, b, t) {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
function equalWidthEdges(min, max, bins = HISTOGRAM_BINS) {
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  return linspace(first, last, bins + 1);
}
var NumericAccumulator = class {
  constructor(n, edges, light = false) {
    this.n = n;
    this.light = light;
    this.qLo = QUANTILES.map(([, p]) => Math.floor((n - 1) * p));
    this.qFrac = QUANTILES.map(([, p], i) => (n - 1) * p - this.qLo[i]);
    this.qA = QUANTILES.map(() => NaN);
    this.qB = QUANTILES.map(() => NaN);
    this.qHi = this.qLo.map((lo) => Math.min(lo + 1, n - 1));
    this.hist = new BinCounter(edges);
    const k = Math.min(SUMMARY_POINTS, n);
    for (let i = 0; i < k; i++) this.pointRanks.push(Math.floor((i + 0.5) * n / k));
  }
  n;
  light;
  seen = 0;
  // The running mean as an unevaluated sum hi + lo: with a mean far from zero (1e12 + N(0, 1)) each
  // value's share of it falls below the mean's last bit, and a plain running mean stalls.
  meanHi = 0;
  meanLo = 0;
  m2 = 0;
  m2Comp = 0;
  sum = 0;
  sumComp = 0;
  min = NaN;
  max = NaN;
  zeros = 0;
  distinct = 0;
  qLo;
  qFrac;
  qA;
  qB;
  qHi;
  qNextA = 0;
  qNextB = 0;
  hist;
  below = 0;
  above = 0;
  top = [];
  exactValues = [];
  exactCounts = [];
  pointRanks = [];
  points = [];
  pointIndex = 0;
  hll = new Hll();
  /**
   * Adds a distinct value with its count (values ascending); `key` is its exact text when the double
   * does not hold it (CountChunk.keys): moments, quantiles and histograms use the double, as numpy
   * does with int64 data, while distinct and top values count the exact values.
   */
  add(value, count, key) {
    const before = this.seen;
    const after = before + count;
    if (this.distinct === 0) this.min = value;
    this.max = value;
    this.distinct++;
    this.addMoments(value, count, after);
    const term = value * count;
    const s = this.sum + term;
    this.sumComp += Math.abs(this.sum) >= Math.abs(term) ? this.sum - s + term : term - s + this.sum;
    this.sum = s;
    if (value === 0) this.zeros += count;
    while (this.qNextA < this.qLo.length && this.qLo[this.qNextA] < after) this.qA[this.qNextA++] = value;
    while (this.qNextB < this.qHi.length && this.qHi[this.qNextB] < after) this.qB[this.qNextB++] = value;
    const edges = this.hist.edges;
    if (value < edges[0]) this.below += count;
    else if (value > edges[edges.length - 1]) this.above += count;
    else this.hist.add(value, count);
    if (this.light) {
      this.seen = after;
      return;
    }
    if (this.top.length < 10 || count > this.top[this.top.length - 1].count) {
      this.top.push({ value: key ?? value, count });
      this.top.sort((a, b) => b.count - a.count);
      if (this.top.length > 10) this.top.pop();
    }
    if (this.exactValues) {
      if (this.exactValues.length >= VALUE_CAP || key !== void 0) this.exactValues = void 0;
      else {
        this.exactValues.push(value);
        this.exactCounts.push(count);
      }
    }
    while (this.pointIndex < this.pointRanks.length && this.pointRanks[this.pointIndex] < after) {
      this.points.push(value);
      this.pointIndex++;
    }
    if (key === void 0) this.hll.addNumber(value);
    else addExactInteger(this.hll, key);
    this.seen = after;
  }
  /**
   * Welford's update on a mean kept as hi + lo (Neumaier-compensated M2): std and mean match numpy's
   * two passes to about 1e-15 even when |mean| ≫ std.
   */
  addMoments(value, count, after) {
    const delta = value - this.meanHi - this.meanLo;
    const step = delta * count / after;
    const hi = this.meanHi + step;
    const back = hi - this.meanHi;
    this.meanLo += this.meanHi - (hi - back) + (step - back);
    this.meanHi = hi + this.meanLo;
    this.meanLo -= this.meanHi - hi;
    const term = delta * (value - this.meanHi - this.meanLo) * count;
    const m2 = this.m2 + term;
    this.m2Comp += this.m2 >= Math.abs(term) ? this.m2 - m2 + term : term - m2 + this.m2;
    this.m2 = m2;
  }
  /** The statistics of everything added. */
  finish() {
    if (this.seen !== this.n)
      throw new Error(`the engine's value stream ended after ${this.seen} of ${this.n} finite values`);
    const quantiles = {};
    QUANTILES.forEach(([name], i) => {
      quantiles[name] = this.seen === 0 ? null : lerp(this.qA[i], this.qB[i], this.qFrac[i]);
    });
    const histogram = { edges: this.hist.edges, counts: Array.from(this.hist.counts) };
    if (this.below > 0) histogram.below = this.below;
    if (this.above > 0) histogram.above = this.above;
    const distribution = this.exactValues ? { kind: "exact", values: this.exactValues, counts: this.exactCounts } : {
      kind: "quantiles",
      values: this.points,
      counts: this.points.map(() => this.seen / this.points.length),
      rank_error: 1 / this.points.length
    };
    return {
      finite: this.seen,
      sum: this.sum + this.sumComp,
      mean: this.seen > 0 ? this.meanHi + this.meanLo : null,
      m2: this.m2 + this.m2Comp,
      min: this.seen > 0 ? this.min : null,
      max: this.seen > 0 ? this.max : null,
      zeros: this.zeros,
      distinct: this.distinct,
      quantiles,
      histogram,
      top: this.top,
      distribution,
      hll: this.hll
    };
  }
};

// src/data/sketch/engine-hll.ts
async function engineHll(db, hashes) {
  const rows = (await db.runAndReadAll(
    `SELECT (h >> 52)::INTEGER, max(CASE WHEN (h & 4503599627370495) = 0 THEN 53 ELSE 52 - floor(log2((h & 4503599627370495)::DOUBLE))::INTEGER END) FROM (${hashes}) GROUP BY 1`
  )).getRows();
  const hll = new Hll();
  for (const [index, rank] of rows) hll.registers[Number(index)] = Number(rank);
  return hll;
}

export {
  sturgesEdges,
  BinCounter,
  categoryShares,
  holdsWideIntegers,
  READ_WHOLE_GROUPS,
  openCounts,
  storedCounts,
  Cursor,
  equalWidthEdges,
  NumericAccumulator,
  engineHll
};
