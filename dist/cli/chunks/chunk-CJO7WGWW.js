#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-SIJBQNRD.js";

// src/data/engine.ts
import { stat } from "node:fs/promises";
function detectFormat(path, format = "auto") {
  if (format && format !== "auto") return format;
  const name = path.toLowerCase().replace(/\.(gz|zst)$/, "");
  if (name.endsWith(".parquet") || name.endsWith(".pq")) return "parquet";
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) return "jsonl";
  if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) return "csv";
  throw new InputError(
    `${path}: cannot tell the format from the extension; pass a format (csv, jsonl, parquet)`
  );
}
function sqlString(text) {
  return `'${text.replace(/'/g, "''")}'`;
}
function sqlIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
function tableFunction(path, options = {}) {
  const format = detectFormat(path, options.format);
  const file = sqlString(path);
  if (format === "parquet") return `read_parquet(${file})`;
  if (format === "jsonl") return `read_json(${file}, format = 'newline_delimited')`;
  const delimiter = options.delimiter ?? (path.toLowerCase().endsWith(".tsv") ? "	" : void 0);
  const delimiterArg = delimiter ? `, delim = ${sqlString(delimiter)}` : "";
  return `read_csv(${file}, header = true${delimiterArg})`;
}
async function requireSource(path) {
  if (/[*?[]/.test(path)) return;
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`data file not found: ${path}`);
  }
  if (info.isDirectory())
    throw new InputError(`${path} is a directory; pass a file or a glob such as "${path}/*.csv"`);
}
var shared;
function connection() {
  shared ??= (async () => {
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    return instance.connect();
  })();
  return shared;
}
async function loadColumns(path, columns, options = {}) {
  await requireSource(path);
  const db = await connection();
  const from = tableFunction(path, options);
  let described;
  try {
    described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjects();
  } catch (error) {
    throw new InputError(`${path}: cannot be read (${firstLine(error.message)})`);
  }
  const types = new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
  const missing = columns.filter((c) => !types.has(c));
  if (missing.length > 0) {
    throw new InputError(
      `${path}: missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} (has: ${[...types.keys()].join(", ")})`
    );
  }
  const isNumeric = columns.map((c) => NUMERIC_TYPE.test(types.get(c) ?? ""));
  const select = columns.map((c, i) => isNumeric[i] ? `CAST(${sqlIdent(c)} AS DOUBLE)` : `CAST(${sqlIdent(c)} AS VARCHAR)`).join(", ");
  let result;
  try {
    result = await db.stream(`SELECT ${select} FROM ${from}`);
  } catch (error) {
    throw new InputError(`${path}: cannot be read (${firstLine(error.message)})`);
  }
  const numericParts = columns.map(() => []);
  const textOut = columns.map(() => []);
  let rowCount = 0;
  for (; ; ) {
    let chunk;
    try {
      chunk = await result.fetchChunk();
    } catch (error) {
      throw new InputError(`${path}: cannot be read (${firstLine(error.message)})`);
    }
    if (!chunk || chunk.rowCount === 0) break;
    rowCount += chunk.rowCount;
    for (let i = 0; i < columns.length; i++) {
      const values = chunk.getColumnValues(i);
      if (isNumeric[i]) numericParts[i].push(values);
      else for (const v of values) textOut[i].push(v === null ? null : String(v));
    }
  }
  const numeric = {};
  const text = {};
  columns.forEach((c, i) => {
    if (isNumeric[i]) {
      const out = new Float64Array(rowCount);
      let offset = 0;
      for (const part of numericParts[i]) {
        for (let j = 0; j < part.length; j++) out[offset + j] = part[j] ?? NaN;
        offset += part.length;
      }
      numeric[c] = out;
    } else {
      text[c] = textOut[i];
    }
  });
  return { rowCount, numeric, text };
}
var NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*|REAL)$/;
function firstLine(message) {
  return message.split("\n")[0];
}
async function openEngine(options = {}) {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const os = await import("node:os");
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { join } = await import("node:path");
  const spill = options.tempDirectory ?? mkdtempSync(join(os.tmpdir(), "mlci-duckdb-"));
  const ram = os.totalmem();
  const fallback = `${Math.max(128, Math.min(500, Math.floor(ram * 0.4 / 2 ** 20)))}MB`;
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: options.memoryLimit ?? process.env.MLCI_MEMORY_LIMIT ?? fallback,
    threads: String(
      options.threads ?? (Number(process.env.MLCI_THREADS) || Math.max(1, Math.min(os.availableParallelism(), 8)))
    ),
    temp_directory: spill
  });
  const db = await instance.connect();
  const extra = [];
  return {
    db,
    async connect() {
      const c = await instance.connect();
      extra.push(c);
      return c;
    },
    close() {
      for (const c of extra) c.closeSync();
      db.closeSync();
      instance.closeSync();
      if (!options.tempDirectory) rmSync(spill, { recursive: true, force: true });
    }
  };
}

export {
  detectFormat,
  sqlString,
  sqlIdent,
  loadColumns,
  openEngine
};
