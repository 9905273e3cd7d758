/**
 * The whole-table plan's per-row passes (see table-plan.ts): reordering the strata codes and terms
 * into the reference order, each ranking's rows negatives first, the baseline's weight gathers and
 * the ranking segments per slice value. They are plain JavaScript source, compiled on the calling
 * thread or in a kernel worker thread, so that the plan is filled beside the metrics on the main
 * thread instead of before them (the run's timeline: bench/evaluate/README.md). Every array a step
 * reads or writes lives in the table's shared WebAssembly memory, named by its address.
 */
const PLAN_ROWS_SOURCE = String.raw`
const TYPES = { i32: Int32Array, u32: Uint32Array, u8: Uint8Array, f64: Float64Array };

// A ranking's rows with negatives first within each tie (ROC area's and precision's order).
function negativesFirst({ order, sortedPositive, lastOfTie, outOrder, outPositive }) {
  const n = order.length;
  let start = 0;
  for (let end = 0; end < n; end++) {
    if (lastOfTie[end] !== 1) continue;
    let j = start;
    for (let pass = 0; pass < 2; pass++) {
      for (let k = start; k <= end; k++) {
        if (sortedPositive[k] !== pass) continue;
        outOrder[j] = order[k];
        outPositive[j++] = pass;
      }
    }
    start = end + 1;
  }
}

// out[row] = its position in the reference order.
function positions({ order, out }) {
  for (let k = 0; k < order.length; k++) out[order[k]] = k;
}

// Per-row terms in reference order, interleaved: out[k × terms + t] = rows[t][order[k]]
// (term by term: interleaving row by row measured slower).
function interleave({ rows, order, out }) {
  const T = rows.length;
  for (let t = 0; t < T; t++) {
    const values = rows[t];
    const n = values.length;
    if (order) for (let k = 0; k < n; k++) out[k * T + t] = values[order[k]];
    else for (let k = 0; k < n; k++) out[k * T + t] = values[k];
  }
}

// A strata set's code and stratum per reference position: each row's code is formed in row order
// first (sequential reads), then read once per row in reference order. The code is the stratum
// (the members' values, "none" as the last value) × perStratum + the joint cell
// (true class × C² + candidate's prediction × C + baseline's; 0 without classes).
function strataCodes({ columns, none, radix, y, a, b, classes, perStratum, order, rowCode, code, stratum }) {
  const n = code.length;
  const C = classes;
  for (let i = 0; i < n; i++) {
    let st = 0;
    for (let m = 0; m < columns.length; m++) {
      const v = columns[m][i];
      st = st * radix[m] + (v < 0 ? none[m] : v);
    }
    rowCode[i] = st * perStratum + (y ? y[i] * C * C + a[i] * C + b[i] : 0);
  }
  for (let k = 0; k < n; k++) {
    const c = rowCode[order ? order[k] : k];
    code[k] = c;
    stratum[k] = Math.floor(c / perStratum);
  }
}

// One byte per row where the values fit (255: no value): the ranking passes read it at random.
function compact({ groupOf, out }) {
  for (let i = 0; i < groupOf.length; i++) out[i] = groupOf[i] < 0 ? 255 : groupOf[i];
}

// Byte offset of each row's 8 weights, for a ranking read in its own order.
function weightOffsets({ positions, order, out }) {
  for (let k = 0; k < order.length; k++) out[k] = 8 * positions[order[k]];
}

// The precision-step flag of a tie's last row: negatives come first in a tie, so its last row is
// positive iff it holds a positive; a tie without one adds exactly 0 to average precision and
// leaves tp0 as it is, so it needs no step.
function step(lastRow) {
  return (lastRow & 1) << 2;
}

// The whole data as one segment, packed as segments() packs a group's rows: a row starts a tie
// after the end of one, and is a precision step when it ends a tie and is positive. A loop of its
// own: no grouping to look up per row.
function wholeSegment({ sortedPositive, lastOfTie, rows, ends }) {
  const n = rows.length;
  let first = 2;
  for (let k = 0; k < n; k++) {
    const positive = sortedPositive[k];
    const last = k === n - 1 ? 1 : lastOfTie[k];
    rows[k] = (k << 3) | ((last & positive) << 2) | first | positive;
    first = last << 1;
  }
  ends[0] = n;
}

// A ranking's rows grouped by value (stable, so each segment stays in descending score order and
// negatives first within a tie), packed for the kernel: its rank k (where its weights are) << 3 |
// precision step << 2 | first of tie << 1 | positive, ties taken within the segment. Two rows of a
// segment share a threshold when no tie boundary of the whole ranking lies between them: a running
// count of boundaries replaces comparing their scores. A row that starts a tie in its segment also
// ends the previous one there. A group below 0 (Int32Array) or of 255 (Uint8Array) is no group.
function segments({ order, sortedPositive, lastOfTie, groupOf, rows, ends }) {
  const n = order.length;
  const groups = ends.length;
  const counts = new Int32Array(groups);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] >>> 0;
    if (g < groups) counts[g]++;
  }
  const cursor = new Int32Array(groups);
  let total = 0;
  for (let g = 0; g < groups; g++) {
    cursor[g] = total;
    total += counts[g];
    ends[g] = total;
  }
  const tieOf = new Int32Array(groups).fill(-1);
  let tie = 0;
  for (let k = 0; k < n; k++) {
    const g = groupOf[order[k]] >>> 0;
    if (g < groups) {
      const at = cursor[g]++;
      let v = (k << 3) | sortedPositive[k];
      if (tieOf[g] !== tie) {
        if (tieOf[g] >= 0) rows[at - 1] |= step(rows[at - 1]);
        tieOf[g] = tie;
        v |= 2;
      }
      rows[at] = v;
    }
    tie += lastOfTie[k];
  }
  for (let g = 0; g < groups; g++) if (counts[g] > 0) rows[ends[g] - 1] |= step(rows[ends[g] - 1]);
}

const STEPS = { negativesFirst, positions, strataCodes, compact, weightOffsets, wholeSegment, segments };

// A step's argument: an array by address ({ type, at, length }), a list of them, or a plain value.
function resolve(buffer, v) {
  if (Array.isArray(v)) return v.map((x) => resolve(buffer, x));
  if (v !== null && typeof v === 'object' && v.type in TYPES) return new TYPES[v.type](buffer, v.at, v.length);
  return v;
}

// Runs the steps in order over the memory's current buffer.
function run(memory, steps) {
  const buffer = memory.buffer;
  for (const s of steps) {
    const args = {};
    for (const key of Object.keys(s.args)) args[key] = resolve(buffer, s.args[key]);
    STEPS[s.op](args);
  }
}

return { run, negativesFirst, interleave };
`;

/** An array in the table's shared memory, by address. */
export interface MemoryRef {
  type: 'i32' | 'u32' | 'u8' | 'f64';
  at: number;
  length: number;
}

type Arg = MemoryRef | MemoryRef[] | number | number[] | null;

/** One per-row pass of the plan, with its arrays by address (a plain object: it crosses threads). */
export interface PlanStep {
  op:
    | 'negativesFirst'
    | 'positions'
    | 'strataCodes'
    | 'compact'
    | 'weightOffsets'
    | 'wholeSegment'
    | 'segments';
  args: Record<string, Arg>;
}

type Shared = Int32Array | Uint32Array | Uint8Array | Float64Array;

/** The address of a view placed in the table's shared memory. */
export function refOf(view: Shared): MemoryRef {
  // By tag, not instanceof: a test's realm has constructors of its own.
  const tag = (x: unknown) => Object.prototype.toString.call(x).slice(8, -1);
  if (tag(view.buffer) !== 'SharedArrayBuffer')
    throw new Error('a plan step reads only arrays placed in the table memory');
  const type = TYPE_OF_TAG[tag(view)];
  if (!type) throw new Error(`a plan step cannot read a ${tag(view)}`);
  return { type, at: view.byteOffset, length: view.length };
}

const TYPE_OF_TAG: Record<string, MemoryRef['type']> = {
  Int32Array: 'i32',
  Uint32Array: 'u32',
  Uint8Array: 'u8',
  Float64Array: 'f64'
};

/** Builds a step, naming each array argument by its address. */
export function planStep(
  op: PlanStep['op'],
  args: Record<string, Shared | Shared[] | number | number[] | null>
): PlanStep {
  const out: Record<string, Arg> = {};
  for (const [key, v] of Object.entries(args)) {
    if (v === null || typeof v === 'number') out[key] = v;
    else if (Array.isArray(v)) out[key] = v.map((x) => (typeof x === 'number' ? x : refOf(x))) as Arg;
    else out[key] = refOf(v);
  }
  return { op, args: out };
}

interface PlanRows {
  run(memory: WebAssembly.Memory, steps: readonly PlanStep[]): void;
  negativesFirst(args: {
    order: Uint32Array;
    sortedPositive: Uint8Array;
    lastOfTie: Uint8Array;
    outOrder: Uint32Array;
    outPositive: Uint8Array;
  }): void;
  interleave(args: { rows: Float64Array[]; order: Uint32Array | null; out: Float64Array }): void;
}

let compiled: PlanRows | undefined;

/** The plan's per-row passes compiled on this thread. */
export function planRows(): PlanRows {
  compiled ??= new Function(PLAN_ROWS_SOURCE)() as PlanRows;
  return compiled;
}

/** The source of the plan's per-row passes: a function body returning `{ run }` (for a worker thread). */
export { PLAN_ROWS_SOURCE };
