/**
 * Row order by descending score, computed once per score column and shared by every ranking
 * metric (roc_auc, average_precision), every slice and every bootstrap resample. An LSD radix
 * sort on the IEEE-754 bits: four 16-bit passes, linear in the number of rows.
 */
export function descendingOrder(scores: Float64Array): Uint32Array {
  const n = scores.length;
  // Model outputs are float32 widened to float64: then 32-bit keys sort the same in half the passes.
  let single = true;
  for (let i = 0; i < n; i++) {
    if (Math.fround(scores[i]) !== scores[i]) {
      single = false;
      break;
    }
  }
  if (single) return descendingOrder32(scores);
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

/** The same order for values that are all exact float32: two 16-bit passes over float32 bit patterns. */
function descendingOrder32(scores: Float64Array): Uint32Array {
  const n = scores.length;
  const f32 = Float32Array.from(scores);
  const bits = new Uint32Array(f32.buffer);
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const b = bits[i];
    const sortable = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    keys[i] = ~sortable >>> 0;
  }
  const counts = new Uint32Array(65536);
  const first = new Uint32Array(n);
  for (let i = 0; i < n; i++) counts[keys[i] & 0xffff]++;
  let running = 0;
  for (let d = 0; d < 65536; d++) {
    const c = counts[d];
    counts[d] = running;
    running += c;
  }
  for (let i = 0; i < n; i++) first[counts[keys[i] & 0xffff]++] = i;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[keys[i] >>> 16]++;
  running = 0;
  for (let d = 0; d < 65536; d++) {
    const c = counts[d];
    counts[d] = running;
    running += c;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const row = first[i];
    order[counts[keys[row] >>> 16]++] = row;
  }
  return order;
}
