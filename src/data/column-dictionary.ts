import type { Vector } from '@duckdb/node-bindings';

/** The C-API calls of @duckdb/node-bindings a dictionary reads VARCHAR vectors with. */
export interface VectorMemory {
  vector_get_data(vector: Vector, bytes: number): Uint8Array;
  get_data_from_pointer(buffer: ArrayBufferLike, offset: number, bytes: number): Uint8Array;
}

const decoder = new TextDecoder();

/** The mask of the first `bytes` bytes of a little-endian 32-bit word (all of it from 4 on). */
const tail = (bytes: number) => (bytes >= 4 ? -1 : bytes <= 0 ? 0 : (1 << (8 * bytes)) - 1);

const hash16 = (a: number, b: number, c: number, d: number) =>
  Math.imul(
    a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b) ^ Math.imul(d, 0xc2b2ae35),
    0x27d4eb2f
  ) >>> 7;

/**
 * Dictionary-encodes VARCHAR vectors. DuckDB's string_t is 16 bytes: a uint32 length, then up to
 * 12 inline bytes (zero-padded) or a 4-byte prefix and a pointer. Inline strings — most category
 * labels — are looked up by their 16 bytes in an open-addressing table and decoded once per
 * distinct value; longer ones are decoded and looked up by text.
 */
export class ColumnDictionary {
  readonly values: string[] = [];
  private readonly byText = new Map<string, number>();
  // Int32 words throughout: the lookup compares and hashes small integers only (no uint32 → double).
  private keys = new Int32Array(4 * 64);
  private slots = new Int32Array(64).fill(-1);
  private used = 0;

  constructor(private readonly memory: VectorMemory) {}

  /** Writes the codes of a vector's rows into codes at offset (−1 where the validity mask says null). */
  encode(vector: Vector, rows: number, validity: Uint8Array | null, codes: Int32Array, offset: number): void {
    const data = this.memory.vector_get_data(vector, rows * 16);
    const words =
      data.byteOffset % 4 === 0
        ? new Int32Array(data.buffer, data.byteOffset, rows * 4)
        : new Int32Array(data.slice(0, rows * 16).buffer);
    // The table is read through locals, refreshed after an insert (which may grow it).
    let keys = this.keys;
    let slots = this.slots;
    let mask = slots.length - 1;
    for (let r = 0; r < rows; r++) {
      if (validity !== null && (validity[r >>> 3] & (1 << (r & 7))) === 0) {
        codes[offset + r] = -1;
        continue;
      }
      const w = 4 * r;
      const a = words[w];
      if (a > 12) {
        const text = this.memory.get_data_from_pointer(data.buffer, data.byteOffset + 16 * r + 8, a);
        codes[offset + r] = this.code(decoder.decode(text));
        continue;
      }
      // Only the string's own bytes count, whatever DuckDB left in the padding.
      const b = words[w + 1] & tail(a);
      const c = words[w + 2] & tail(a - 4);
      const d = words[w + 3] & tail(a - 8);
      let slot = hash16(a, b, c, d) & mask;
      let id = slots[slot];
      while (id >= 0) {
        const k = 4 * slot;
        if (keys[k] === a && keys[k + 1] === b && keys[k + 2] === c && keys[k + 3] === d) break;
        slot = (slot + 1) & mask;
        id = slots[slot];
      }
      if (id < 0) {
        id = this.insert(slot, a, b, c, d, data.subarray(16 * r + 4, 16 * r + 4 + a));
        keys = this.keys;
        slots = this.slots;
        mask = slots.length - 1;
      }
      codes[offset + r] = id;
    }
  }

  private code(text: string): number {
    let id = this.byText.get(text);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(text);
      this.byText.set(text, id);
    }
    return id;
  }

  /** Puts an inline string's key at its free slot, with the code of its text. */
  private insert(slot: number, a: number, b: number, c: number, d: number, bytes: Uint8Array): number {
    const id = this.code(decoder.decode(bytes));
    this.keys.set([a, b, c, d], 4 * slot);
    this.slots[slot] = id;
    if (++this.used * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.slots = new Int32Array(oldSlots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let s = 0; s < oldSlots.length; s++) {
      if (oldSlots[s] < 0) continue;
      const [a, b, c, d] = oldKeys.subarray(4 * s, 4 * s + 4);
      let slot = hash16(a, b, c, d) & mask;
      while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
      this.keys.set([a, b, c, d], 4 * slot);
      this.slots[slot] = oldSlots[s];
    }
  }
}
