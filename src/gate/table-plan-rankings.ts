import type { Scorer } from '../evaluation/metrics/scorer.js';
import type { BootstrapRanking } from './bootstrap.js';
import type { RankingSegments, TableMemory } from './table-kernels.js';
import type { CellPlan, Placing, PlanStage, TableGrouping } from './table-plan.js';
import { planRows, planStep, type PlanStep } from './table-plan-rows.js';

// The whole-table plan's ranking passes (see table-plan.ts): each model's rows by descending score,
// negatives first within a tie, packed per slice value for the kernels; and placing arrays in the
// table memory.

/** Metrics read from a ranking pass; average precision also needs the precision at each tie end. */
export const RANKED = ['roc_auc', 'roc_auc_ovr', 'average_precision'];

type Shared = Int32Array | Uint32Array | Uint8Array | Float64Array;
type SharedType<T extends Shared> = { new (buffer: ArrayBufferLike, at: number, length: number): T };

/** n zeroed entries of a typed array placed in the table memory. */
export function placed<T extends Shared>(
  memory: TableMemory,
  type: SharedType<T> & { BYTES_PER_ELEMENT: number },
  n: number
): T {
  const at = memory.place(type.BYTES_PER_ELEMENT * n); // before reading buffer: placing may grow it
  return new type(memory.memory.buffer, at, n);
}

/** A copy of `values` in the table memory, where a plan step can read it on any thread. */
export function staged<T extends Shared>(memory: TableMemory, values: T): T {
  const out = placed(
    memory,
    values.constructor as SharedType<T> & { BYTES_PER_ELEMENT: number },
    values.length
  );
  out.set(values as never);
  return out;
}

/** The reference ranking (the candidate's), ordered negatives first within a tie into the table memory here. */
export function referenceRanking(scorer: Scorer, c: number, memory: TableMemory): BootstrapRanking {
  const raw = (scorer.ranking as NonNullable<Scorer['ranking']>)(c);
  const n = raw.order.length;
  const out = {
    order: placed(memory, Uint32Array, n),
    sortedPositive: placed(memory, Uint8Array, n),
    lastOfTie: staged(memory, raw.lastOfTie)
  };
  planRows().negativesFirst({ ...raw, outOrder: out.order, outPositive: out.sortedPositive });
  return out;
}

/**
 * Places a model's ranking of a class in the table memory and the step that orders it negatives
 * first within a tie; the scorer's ranking is copied in by `stage`'s fill.
 */
function placeRanking(
  scorer: Scorer,
  c: number,
  memory: TableMemory,
  steps: PlanStep[],
  stage: PlanStage
): BootstrapRanking {
  const n = scorer.rows;
  const input = {
    order: placed(memory, Uint32Array, n),
    sortedPositive: placed(memory, Uint8Array, n),
    lastOfTie: placed(memory, Uint8Array, n)
  };
  const copyIn = () => {
    const raw = (scorer.ranking as NonNullable<Scorer['ranking']>)(c);
    input.order.set(raw.order);
    input.sortedPositive.set(raw.sortedPositive);
    input.lastOfTie.set(raw.lastOfTie);
  };
  const before = stage.fill;
  stage.fill = () => {
    before();
    copyIn();
  };
  const out = {
    order: placed(memory, Uint32Array, n),
    sortedPositive: placed(memory, Uint8Array, n),
    lastOfTie: input.lastOfTie
  };
  steps.push(planStep('negativesFirst', { ...input, outOrder: out.order, outPositive: out.sortedPositive }));
  return out;
}

/** Rows of a grouping that have a value with an interval. */
export function rowsWithValue(g: TableGrouping): number {
  let rows = 0;
  for (let i = 0; i < g.groupOf.length; i++) if (g.groupOf[i] >= 0) rows++;
  return rows;
}

/** Each model's ranking passes, weights gathered into any order but the reference's. */
export function planRankings(
  scorers: [Scorer, Scorer],
  groupings: readonly TableGrouping[],
  columns: Int32Array[],
  reference: BootstrapRanking | null,
  options: { rankingClasses: number[]; metrics: readonly string[] },
  at: Placing,
  later: PlanStage,
  into: { rankings: RankingSegments[]; wholeData: CellPlan; perGrouping: CellPlan[][] }
): void {
  if (options.rankingClasses.length === 0) return;
  const { memory, steps } = at;
  const n = scorers[0].rows;
  const order = reference?.order ?? null;
  const refPos = memory.i32(n);
  if (order) steps.push(planStep('positions', { order, out: refPos }));
  const referenceClass = scorers[0].task === 'binary' ? 1 : 0;
  // One byte per row where the values fit: the passes read it at random, 1 MB instead of 4 per 1M rows.
  const compact = groupings.map((g, j) => {
    if (g.values.length >= 255 || !g.metrics.some((m) => RANKED.includes(m))) return columns[j];
    const out = placed(memory, Uint8Array, n);
    steps.push(planStep('compact', { groupOf: columns[j], out }));
    return out;
  });
  const segmentRows = groupings.map((g) =>
    g.metrics.some((m) => RANKED.includes(m)) ? rowsWithValue(g) : 0
  );
  for (const m of [0, 1] as const) {
    for (const c of options.rankingClasses) {
      const isReference = m === 0 && c === referenceClass && reference !== null;
      // The reference's passes are filled first; another ranking's once this thread has sorted it
      // (later), reading weights gathered once into its own order.
      const stepsOf = isReference ? steps : later.steps;
      const data = isReference ? reference : placeRanking(scorers[m], c, memory, stepsOf, later);
      let gather: Int32Array | null = null;
      if (!isReference) {
        gather = memory.i32(n);
        stepsOf.push(planStep('weightOffsets', { positions: refPos, order: data.order, out: gather }));
      }
      rankingPasses(data, gather, groupings, options.metrics, { compact, segmentRows }, at, into, stepsOf);
    }
  }
}

/**
 * One model's ranking of one class: its whole-data pass, then a pass per slice column that shows
 * a ranking metric (average precision's division only where it is shown).
 */
function rankingPasses(
  data: BootstrapRanking,
  gather: Int32Array | null,
  groupings: readonly TableGrouping[],
  metrics: readonly string[],
  slices: { compact: (Int32Array | Uint8Array)[]; segmentRows: number[] },
  at: Placing,
  into: { rankings: RankingSegments[]; wholeData: CellPlan; perGrouping: CellPlan[][] },
  steps: PlanStep[]
): void {
  const { memory } = at;
  const n = data.order.length;
  const ordered = gather !== null;
  const whole = { rows: memory.i32(n), ends: memory.i32(1) };
  steps.push(
    planStep('wholeSegment', { sortedPositive: data.sortedPositive, lastOfTie: data.lastOfTie, ...whole })
  );
  into.rankings.push({
    ...whole,
    offset: at.offset,
    ap: metrics.includes('average_precision'),
    ordered,
    gather
  });
  into.wholeData.ranking.push([at.offset]);
  at.offset += 4;
  groupings.forEach((g, j) => {
    if (!g.metrics.some((m) => RANKED.includes(m))) return;
    const seg = { rows: memory.i32(slices.segmentRows[j]), ends: memory.i32(g.values.length) };
    steps.push(
      planStep('segments', {
        order: data.order,
        sortedPositive: data.sortedPositive,
        lastOfTie: data.lastOfTie,
        groupOf: slices.compact[j],
        ...seg
      })
    );
    const ap = g.metrics.includes('average_precision');
    into.rankings.push({ ...seg, offset: at.offset, ap, ordered, gather: null });
    const offset = at.offset;
    into.perGrouping[j].forEach((cellPlan, v) => cellPlan.ranking.push([offset + 4 * v]));
    at.offset += 4 * g.values.length;
  });
}
