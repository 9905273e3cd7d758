/**
 * Row order by descending score, computed once per score column and shared by every ranking
 * metric (roc_auc, average_precision), every slice and every bootstrap resample. An LSD radix
 * sort on the IEEE-754 bits: four 16-bit passes, linear in the number of rows.
 */
export function descendingOrder(scores: Float64Array): Uint32Array {
  const n = scores.length;
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, n * 2);
  // Sortable unsigned keys: flip all bits of negatives, only the sign bit of positives.
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let l = bits[2 * i];
    let h = bits[2 * i + 1];
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    // Descending order: complement the keys so that an ascending sort yields largest first.
    lo[i] = ~l >>> 0;
    hi[i] = ~h >>> 0;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const keys = pass < 2 ? lo : hi;
    const shift = (pass % 2) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[order[i]] >>> shift) & 0xffff]++;
    let running = 0;
    let single = false;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      if (c === n) single = true;
      counts[d] = running;
      running += c;
    }
    if (single) continue; // every key shares this digit: the pass would not move anything
    for (let i = 0; i < n; i++) {
      const row = order[i];
      next[counts[(keys[row] >>> shift) & 0xffff]++] = row;
    }
    const swap = order;
    order = next;
    next = swap;
  }
  return order;
}
