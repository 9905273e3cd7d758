// Evidently's get_binned_data: shares per category over the union of values, or — for numeric
// columns with more than 20 reference values — shares per shared Sturges bin of the pooled data
// (numpy.histogram_bin_edges(bins='sturges') and numpy.histogram's edge rules).

/** numpy.histogram_bin_edges(pooled, bins='sturges') from the pooled size and range. */
export function sturgesEdges(size: number, min: number, max: number): number[] {
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

/** numpy.linspace(start, stop, num) with endpoint. */
export function linspace(start: number, stop: number, num: number): number[] {
  const div = num - 1;
  const step = (stop - start) / div;
  const out: number[] = [];
  for (let i = 0; i < num; i++) out.push(step === 0 ? (i / div) * (stop - start) + start : i * step + start);
  if (num > 1) out[num - 1] = stop;
  return out;
}

/** Counts values (ascending calls) into numpy.histogram bins: [e_i, e_i+1), the last bin closed. */
export class BinCounter {
  readonly counts: Float64Array;
  private bin = 0;
  constructor(readonly edges: number[]) {
    this.counts = new Float64Array(Math.max(edges.length - 1, 0));
  }
  /** Adds `count` at `value`; values must arrive in ascending order. */
  add(value: number, count: number): void {
    const nb = this.counts.length;
    if (nb === 0 || value < this.edges[0] || value > this.edges[nb]) return;
    while (this.bin < nb - 1 && value >= this.edges[this.bin + 1]) this.bin++;
    this.counts[this.bin] += count;
  }
}

/** Shares of reference and current over the union of keys, in one key order. */
export function categoryShares(
  reference: Map<string, number>,
  current: Map<string, number>
): { keys: string[]; reference: number[]; current: number[] } {
  const keys = [...new Set([...reference.keys(), ...current.keys()])];
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
