import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  codedCsvColumns,
  expandSource,
  inspectFile,
  kindOf,
  numericTextColumns,
  readError,
  readExpression,
  textTyped
} from "./chunk-CZJ54TB3.js";
import {
  connection,
  describeRead,
  detectFormat,
  sqlIdent
} from "./chunk-BQLEISGD.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/data/column-dictionary.ts
var decoder = new TextDecoder();
var tail = (bytes) => bytes >= 4 ? -1 : bytes <= 0 ? 0 : (1 << 8 * bytes) - 1;
var hash16 = (a, b, c, d) => Math.imul(
  a ^ Math.imul(b, 2654435761) ^ Math.imul(c, 2246822507) ^ Math.imul(d, 3266489909),
  668265263
) >>> 7;
var ColumnDictionary = class {
  constructor(memory) {
    this.memory = memory;
  }
  memory;
  values = [];
  byText = /* @__PURE__ */ new Map();
  // Int32 words throughout: the lookup compares and hashes small integers only (no uint32 → double).
  keys = new Int32Array(4 * 64);
  slots = new Int32Array(64).fill(-1);
  used = 0;
  /** Writes the codes of a vector's rows into codes at offset (−1 where the validity mask says null). */
  encode(vector, rows, validity, codes, offset) {
    const data = this.memory.vector_get_data(vector, rows * 16);
    const words = data.byteOffset % 4 === 0 ? new Int32Array(data.buffer, data.byteOffset, rows * 4) : new Int32Array(data.slice(0, rows * 16).buffer);
    let keys = this.keys;
    let slots = this.slots;
    let mask = slots.length - 1;
    for (let r = 0; r < rows; r++) {
      if (validity !== null && (validity[r >>> 3] & 1 << (r & 7)) === 0) {
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
      const b = words[w + 1] & tail(a);
      const c = words[w + 2] & tail(a - 4);
      const d = words[w + 3] & tail(a - 8);
      let slot = hash16(a, b, c, d) & mask;
      let id = slots[slot];
      while (id >= 0) {
        const k = 4 * slot;
        if (keys[k] === a && keys[k + 1] === b && keys[k + 2] === c && keys[k + 3] === d) break;
        slot = slot + 1 & mask;
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
  code(text) {
    let id = this.byText.get(text);
    if (id === void 0) {
      id = this.values.length;
      this.values.push(text);
      this.byText.set(text, id);
    }
    return id;
  }
  /** Puts an inline string's key at its free slot, with the code of its text. */
  insert(slot, a, b, c, d, bytes) {
    const id = this.code(decoder.decode(bytes));
    this.keys.set([a, b, c, d], 4 * slot);
    this.slots[slot] = id;
    if (++this.used * 2 > this.slots.length) this.grow();
    return id;
  }
  grow() {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.slots = new Int32Array(oldSlots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let s = 0; s < oldSlots.length; s++) {
      if (oldSlots[s] < 0) continue;
      const [a, b, c, d] = oldKeys.subarray(4 * s, 4 * s + 4);
      let slot = hash16(a, b, c, d) & mask;
      while (this.slots[slot] >= 0) slot = slot + 1 & mask;
      this.keys.set([a, b, c, d], 4 * slot);
      this.slots[slot] = oldSlots[s];
    }
  }
};

// src/data/columns.ts
import { open, stat } from "node:fs/promises";

// src/data/prefault.ts
import { Worker } from "node:worker_threads";
var HELPER_MIN_BYTES = 16 << 20;
var ROWS_PER_STEP = 512;
var ROWS_AHEAD = 1 << 18;
var FILLED = 0;
var DONE = 1;
var SOURCE = `
const { workerData } = require('node:worker_threads');
const { buffers, widths, rows, step, ahead, control } = workerData;
const views = buffers.map((b) => new Int32Array(b));
const state = new Int32Array(control);
for (let r = 0; r < rows && Atomics.load(state, ${DONE}) === 0; r += step) {
  for (;;) {
    const filled = Atomics.load(state, ${FILLED});
    if (r < filled + ahead || Atomics.load(state, ${DONE}) !== 0) break;
    Atomics.wait(state, ${FILLED}, filled, 1000);
  }
  for (let c = 0; c < views.length; c++) Atomics.add(views[c], (r * widths[c]) >> 2, 0);
}
`;
function prefaultedColumns(widths, rows) {
  const total = widths.reduce((sum, w) => sum + w * rows, 0);
  if (total < HELPER_MIN_BYTES)
    return {
      buffers: widths.map((w) => new ArrayBuffer(w * rows)),
      filled: () => {
      },
      done: () => {
      },
      finished: Promise.resolve()
    };
  const buffers = widths.map((w) => new SharedArrayBuffer(w * rows));
  const control = new SharedArrayBuffer(8);
  const state = new Int32Array(control);
  let finished = Promise.resolve();
  try {
    const helper = new Worker(SOURCE, {
      eval: true,
      workerData: { buffers, widths, rows, step: ROWS_PER_STEP, ahead: ROWS_AHEAD, control }
    });
    helper.unref();
    finished = new Promise((resolve) => {
      helper.on("error", () => resolve());
      helper.on("exit", () => resolve());
    });
  } catch {
  }
  return {
    buffers,
    finished,
    filled: (n) => {
      Atomics.store(state, FILLED, n);
      Atomics.notify(state, FILLED);
    },
    done: () => {
      Atomics.store(state, DONE, 1);
      Atomics.notify(state, FILLED);
    }
  };
}

// src/data/columns.ts
async function bindings() {
  const mod = await import("./native-IGEQGGP4.js").then(
    (native) => native.loadDuckDBBindings()
  );
  return mod.default ?? mod;
}
function prepareReader() {
  return connection().then(
    () => void 0,
    () => void 0
  );
}
async function loadColumns(path, columns, options = {}, asText = []) {
  const db = await connection();
  const format = detectFormat(path, options.format);
  const files = await expandSource(db, path);
  let dialect;
  for (const file of files) dialect ??= await inspectFile(file, format, options);
  let from = readExpression(files, format, dialect);
  let types;
  try {
    types = await describeRead(db, from);
    const typed = await typedRead(db, from, files, format, dialect, types, asText);
    if (typed) {
      from = readExpression(files, format, typed);
      types = await describeRead(db, from);
    }
  } catch (error) {
    throw readError(path, error);
  }
  const missing = columns.filter((c) => !types.has(c));
  if (missing.length > 0) {
    throw new InputError(
      `${path}: missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} (has: ${[...types.keys()].join(", ")})`
    );
  }
  const isNumeric = columns.map((c) => !asText.includes(c) && kindOf(types.get(c) ?? "") === "numeric");
  const select = columns.map((c, i) => isNumeric[i] ? `CAST(${sqlIdent(c)} AS DOUBLE)` : `CAST(${sqlIdent(c)} AS VARCHAR)`).join(", ");
  const duckdb = await bindings();
  const sql = `SELECT ${select} FROM ${from}`;
  let sink = new ColumnSink(duckdb, isNumeric, format === "csv" ? await estimateRows(files) : void 0);
  try {
    const lines = format === "csv" ? dataLines(files) : null;
    lines?.catch(() => void 0);
    if (lines) await streamChunks(db, sql, duckdb, (chunk) => sink.add(chunk));
    if (!lines || sink.rows !== await lines) {
      sink.release();
      sink = new ColumnSink(duckdb, isNumeric, sink.rows);
      const result = await db.run(sql);
      for (let c = 0; c < result.chunkCount; c++) sink.add(result.getChunk(c).chunk);
    }
  } catch (error) {
    sink.release();
    throw readError(path, error);
  }
  const { rowCount, numbers, codes, dictionaries } = sink.finish();
  const numeric = {};
  const text = {};
  const coded = {};
  columns.forEach((c, i) => {
    const column = codes[i];
    if (column) {
      coded[c] = { codes: column, values: dictionaries[i].values };
      lazyText(text, c, coded[c]);
    } else {
      numeric[c] = numbers[i];
    }
  });
  return { rowCount, numeric, text, coded };
}
async function typedRead(db, from, files, format, dialect, types, asText) {
  const texts = asText.filter((c) => types.has(c));
  if (format === "jsonl") {
    const all = [.../* @__PURE__ */ new Set([...textTyped(types), ...texts])];
    return all.length > 0 ? { texts: all } : void 0;
  }
  if (format !== "csv" || !dialect) return void 0;
  const columnTypes = [...types].map(([name, type]) => ({ name, type }));
  for (const c of await codedCsvColumns(db, files, dialect, columnTypes))
    if (!texts.includes(c)) texts.push(c);
  const doubles = (await numericTextColumns(db, from, columnTypes, false)).filter((c) => !texts.includes(c));
  return doubles.length > 0 || texts.length > 0 ? { ...dialect, doubles, texts } : void 0;
}
async function streamChunks(db, sql, duckdb, take) {
  const result = await db.stream(sql);
  let next = duckdb.fetch_chunk(result.result);
  for (; ; ) {
    const chunk = await next;
    if (chunk === null || duckdb.data_chunk_get_size(chunk) === 0) return;
    next = duckdb.fetch_chunk(result.result);
    next.catch(() => void 0);
    take(chunk);
  }
}
var LINE_BLOCK = 1 << 20;
async function dataLines(files) {
  const block = Buffer.alloc(LINE_BLOCK);
  let total = 0;
  for (const file of files) {
    const handle = await open(file, "r");
    try {
      let lines = 0;
      let last = 10;
      for (; ; ) {
        const { bytesRead } = await handle.read(block, 0, LINE_BLOCK, null);
        if (bytesRead === 0) break;
        const read = bytesRead === LINE_BLOCK ? block : block.subarray(0, bytesRead);
        for (let at = read.indexOf(10); at !== -1; at = read.indexOf(10, at + 1)) lines++;
        last = block[bytesRead - 1];
      }
      total += lines + (last === 10 ? 0 : 1) - 1;
    } finally {
      await handle.close();
    }
  }
  return total;
}
var SAMPLE_BYTES = 1 << 16;
async function estimateRows(files) {
  try {
    let bytes = 0;
    for (const file of files) bytes += (await stat(file)).size;
    const handle = await open(files[0], "r");
    try {
      const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, bytes));
      const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
      let lines = 0;
      for (let i = 0; i < bytesRead; i++) if (sample[i] === 10) lines++;
      return lines > 1 ? Math.ceil(bytes / bytesRead * lines * 1.1) + 1024 : void 0;
    } finally {
      await handle.close();
    }
  } catch {
    return void 0;
  }
}
var ColumnSink = class {
  constructor(duckdb, isNumeric, expectedRows = 1 << 16) {
    this.duckdb = duckdb;
    this.isNumeric = isNumeric;
    this.capacity = Math.max(1 << 12, expectedRows);
    this.memory = prefaultedColumns(
      isNumeric.map((numeric) => numeric ? 8 : 4),
      this.capacity
    );
    const buffers = this.memory.buffers;
    this.numbers = isNumeric.map((numeric, i) => numeric ? new Float64Array(buffers[i]) : null);
    this.codes = isNumeric.map((numeric, i) => numeric ? null : new Int32Array(buffers[i]));
    this.dictionaries = isNumeric.map((numeric) => numeric ? null : new ColumnDictionary(duckdb));
  }
  duckdb;
  isNumeric;
  rows = 0;
  capacity;
  numbers;
  codes;
  dictionaries;
  memory;
  /** Copies a chunk's vectors: numbers as raw memory, text through each column's dictionary. */
  add(chunk) {
    const duckdb = this.duckdb;
    const rows = duckdb.data_chunk_get_size(chunk);
    if (rows === 0) return;
    if (this.rows + rows > this.capacity) this.grow(this.rows + rows);
    for (let i = 0; i < this.isNumeric.length; i++) {
      const vector = duckdb.data_chunk_get_vector(chunk, i);
      const validity = nullsIn(duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8), rows);
      const target = this.numbers[i];
      if (target) copyDoubles(duckdb.vector_get_data(vector, rows * 8), rows, validity, target, this.rows);
      else
        this.dictionaries[i].encode(
          vector,
          rows,
          validity,
          this.codes[i],
          this.rows
        );
    }
    this.rows += rows;
    this.memory.filled(this.rows);
  }
  /** Ends the helper faulting the output in (whatever the read's outcome). */
  release() {
    this.memory.done();
  }
  /** The filled columns, each exactly rowCount long (views: pages far past the end were never touched). */
  finish() {
    this.release();
    const n = this.rows;
    return {
      rowCount: n,
      numbers: this.numbers.map((a) => a?.subarray(0, n) ?? null),
      codes: this.codes.map((a) => a?.subarray(0, n) ?? null),
      dictionaries: this.dictionaries
    };
  }
  grow(needed) {
    this.release();
    this.capacity = Math.max(needed, 2 * this.capacity);
    const keep = this.rows;
    this.numbers = this.numbers.map((a) => a && copyInto(new Float64Array(this.capacity), a, keep));
    this.codes = this.codes.map((a) => a && copyInto(new Int32Array(this.capacity), a, keep));
  }
};
function copyInto(out, from, rows) {
  out.set(from.subarray(0, rows));
  return out;
}
function lazyText(text, name, column) {
  let strings;
  Object.defineProperty(text, name, {
    enumerable: true,
    configurable: true,
    get: () => strings ??= decodeColumn(column),
    set: (value) => strings = value
  });
}
function decodeColumn({ codes, values }) {
  const strings = new Array(codes.length);
  for (let r = 0; r < codes.length; r++) strings[r] = codes[r] < 0 ? null : values[codes[r]];
  return strings;
}
async function sourceColumnNames(path, options = {}) {
  const db = await connection();
  const format = detectFormat(path, options.format);
  const files = await expandSource(db, path);
  const dialect = await inspectFile(files[0], format, options);
  try {
    return [...(await describeRead(db, readExpression(files, format, dialect))).keys()];
  } catch (error) {
    throw readError(path, error);
  }
}
var isValid = (validity, row) => validity === null || (validity[row >>> 3] & 1 << (row & 7)) !== 0;
function nullsIn(validity, rows) {
  if (validity === null) return null;
  const full = rows >>> 3;
  for (let i = 0; i < full; i++) if (validity[i] !== 255) return validity;
  const rest = rows & 7;
  return rest > 0 && (validity[full] & (1 << rest) - 1) !== (1 << rest) - 1 ? validity : null;
}
function copyDoubles(data, rows, validity, out, offset) {
  if (data.byteOffset % 8 === 0) out.set(new Float64Array(data.buffer, data.byteOffset, rows), offset);
  else new Uint8Array(out.buffer, out.byteOffset + offset * 8, rows * 8).set(data.subarray(0, rows * 8));
  if (validity !== null) {
    for (let r = 0; r < rows; r++) if (!isValid(validity, r)) out[offset + r] = NaN;
  }
}

export {
  prepareReader,
  loadColumns,
  lazyText,
  sourceColumnNames
};
