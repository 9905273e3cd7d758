import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  expandSource,
  inspectFile,
  kindOf,
  numericTextColumns,
  readError,
  readExpression
} from "./chunk-CMYVUKBS.js";
import {
  connection,
  detectFormat,
  sqlIdent
} from "./chunk-OIQXQKN5.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/data/columns.ts
import { open, stat } from "node:fs/promises";
async function bindings() {
  const mod = await import("./native-7PUTJKCA.js").then(
    (native) => native.loadDuckDBBindings()
  );
  return mod.default ?? mod;
}
function prepareReader() {
  connection().catch(() => void 0);
}
async function loadColumns(path, columns, options = {}) {
  const db = await connection();
  const format = detectFormat(path, options.format);
  const files = await expandSource(db, path);
  let dialect;
  for (const file of files) dialect ??= await inspectFile(file, format, options);
  let from = readExpression(files, format, dialect, false);
  let types;
  try {
    types = await describeRead(db, from);
    if (format === "csv" && dialect) {
      const columnTypes = [...types].map(([name, type]) => ({ name, type }));
      const doubles = await numericTextColumns(db, from, columnTypes, false);
      if (doubles.length > 0) {
        from = readExpression(files, format, { ...dialect, doubles }, false);
        types = await describeRead(db, from);
      }
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
  const isNumeric = columns.map((c) => kindOf(types.get(c) ?? "") === "numeric");
  const select = columns.map((c, i) => isNumeric[i] ? `CAST(${sqlIdent(c)} AS DOUBLE)` : `CAST(${sqlIdent(c)} AS VARCHAR)`).join(", ");
  const duckdb = await bindings();
  const sql = `SELECT ${select} FROM ${from}`;
  let sink = new ColumnSink(duckdb, isNumeric, format === "csv" ? await estimateRows(files) : void 0);
  try {
    const lines = format === "csv" ? dataLines(files) : null;
    lines?.catch(() => void 0);
    if (lines) await streamChunks(db, sql, duckdb, (chunk) => sink.add(chunk));
    if (!lines || sink.rows !== await lines) {
      sink = new ColumnSink(duckdb, isNumeric, sink.rows);
      const result = await db.run(sql);
      for (let c = 0; c < result.chunkCount; c++) sink.add(result.getChunk(c).chunk);
    }
  } catch (error) {
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
        for (let i = 0; i < bytesRead; i++) if (block[i] === 10) lines++;
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
    this.numbers = isNumeric.map((numeric) => numeric ? new Float64Array(this.capacity) : null);
    this.codes = isNumeric.map((numeric) => numeric ? null : new Int32Array(this.capacity));
    this.dictionaries = isNumeric.map((numeric) => numeric ? null : new Dictionary(duckdb));
  }
  duckdb;
  isNumeric;
  rows = 0;
  capacity;
  numbers;
  codes;
  dictionaries;
  /** Copies a chunk's vectors: numbers as raw memory, text through each column's dictionary. */
  add(chunk) {
    const duckdb = this.duckdb;
    const rows = duckdb.data_chunk_get_size(chunk);
    if (rows === 0) return;
    if (this.rows + rows > this.capacity) this.grow(this.rows + rows);
    for (let i = 0; i < this.isNumeric.length; i++) {
      const vector = duckdb.data_chunk_get_vector(chunk, i);
      const validity = duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8);
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
  }
  /** The filled columns, each exactly rowCount long (views: pages past the end were never touched). */
  finish() {
    const n = this.rows;
    return {
      rowCount: n,
      numbers: this.numbers.map((a) => a?.subarray(0, n) ?? null),
      codes: this.codes.map((a) => a?.subarray(0, n) ?? null),
      dictionaries: this.dictionaries
    };
  }
  grow(needed) {
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
    return [...(await describeRead(db, readExpression(files, format, dialect, false))).keys()];
  } catch (error) {
    throw readError(path, error);
  }
}
async function describeRead(db, from) {
  const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjects();
  return new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
}
var isValid = (validity, row) => validity === null || (validity[row >>> 3] & 1 << (row & 7)) !== 0;
function copyDoubles(data, rows, validity, out, offset) {
  if (data.byteOffset % 8 === 0) out.set(new Float64Array(data.buffer, data.byteOffset, rows), offset);
  else new Uint8Array(out.buffer, out.byteOffset + offset * 8, rows * 8).set(data.subarray(0, rows * 8));
  if (validity !== null) {
    for (let r = 0; r < rows; r++) if (!isValid(validity, r)) out[offset + r] = NaN;
  }
}
var decoder = new TextDecoder();
var tail = (bytes) => bytes >= 4 ? 4294967295 : bytes <= 0 ? 0 : (1 << 8 * bytes) - 1;
var hash16 = (a, b, c, d) => Math.imul(
  a ^ Math.imul(b, 2654435761) ^ Math.imul(c, 2246822507) ^ Math.imul(d, 3266489909),
  668265263
) >>> 7;
var Dictionary = class {
  constructor(duckdb) {
    this.duckdb = duckdb;
  }
  duckdb;
  values = [];
  byText = /* @__PURE__ */ new Map();
  keys = new Uint32Array(4 * 64);
  slots = new Int32Array(64).fill(-1);
  used = 0;
  /** Writes the codes of a vector's rows into codes at offset. */
  encode(vector, rows, validity, codes, offset) {
    const data = this.duckdb.vector_get_data(vector, rows * 16);
    const aligned = data.byteOffset % 4 === 0;
    const words = aligned ? new Uint32Array(data.buffer, data.byteOffset, rows * 4) : new Uint32Array(data.slice(0, rows * 16).buffer);
    for (let r = 0; r < rows; r++) {
      if (!isValid(validity, r)) {
        codes[offset + r] = -1;
        continue;
      }
      const length = words[4 * r];
      codes[offset + r] = length <= 12 ? this.inline(words, 4 * r, data, 16 * r) : this.code(
        decoder.decode(
          this.duckdb.get_data_from_pointer(data.buffer, data.byteOffset + 16 * r + 8, length)
        )
      );
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
  inline(words, at, bytes, byteAt) {
    const a = words[at];
    const b = (words[at + 1] & tail(a)) >>> 0;
    const c = (words[at + 2] & tail(a - 4)) >>> 0;
    const d = (words[at + 3] & tail(a - 8)) >>> 0;
    const mask = this.slots.length - 1;
    let slot = hash16(a, b, c, d) & mask;
    for (; ; ) {
      const id2 = this.slots[slot];
      if (id2 < 0) break;
      const k = 4 * slot;
      if (this.keys[k] === a && this.keys[k + 1] === b && this.keys[k + 2] === c && this.keys[k + 3] === d)
        return id2;
      slot = slot + 1 & mask;
    }
    const id = this.code(decoder.decode(bytes.subarray(byteAt + 4, byteAt + 4 + a)));
    this.keys.set([a, b, c, d], 4 * slot);
    this.slots[slot] = id;
    if (++this.used * 2 > this.slots.length) this.grow();
    return id;
  }
  grow() {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    this.keys = new Uint32Array(oldKeys.length * 2);
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

export {
  prepareReader,
  loadColumns,
  lazyText,
  sourceColumnNames
};
