import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  releaseWhenNeeded
} from "./chunk-5QWN2HOG.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/data/engine.ts
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
var SIZE = /^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i;
function parseMemoryLimit(text, what) {
  if (!SIZE.test(text))
    throw new InputError(
      `${what}: got "${text}", expected a size such as "500MB" or "2GB" (units KB, MB, GB, TB or KiB, MiB, GiB, TiB)`
    );
  return text.trim();
}
async function runUnordered(db, statement) {
  await db.run("SET SESSION preserve_insertion_order = false");
  try {
    await db.run(statement);
  } finally {
    await db.run("RESET SESSION preserve_insertion_order");
  }
}
async function describeRead(db, from) {
  const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjects();
  return new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
}
var shared;
function connection() {
  shared ??= (async () => {
    const { DuckDBInstance } = await import("./native-IGEQGGP4.js").then((native) => native.loadDuckDB());
    const instance = await DuckDBInstance.create(":memory:");
    return instance.connect();
  })();
  return shared;
}
async function openEngine(options = {}) {
  const env = process.env.MLCI_MEMORY_LIMIT;
  const memoryLimit = options.memoryLimit ? parseMemoryLimit(options.memoryLimit, "memory limit") : env ? parseMemoryLimit(env, "MLCI_MEMORY_LIMIT") : void 0;
  const { DuckDBInstance } = await import("./native-IGEQGGP4.js").then((native) => native.loadDuckDB());
  const os = await import("node:os");
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { join } = await import("node:path");
  const spill = options.tempDirectory ?? mkdtempSync(join(os.tmpdir(), "mlci-duckdb-"));
  const ram = os.totalmem();
  const cap = (options.sourcesReadTogether ?? 1) >= 2 ? 450 : 500;
  const fallback = `${Math.max(128, Math.min(cap, Math.floor(ram * 0.4 / 2 ** 20)))}MB`;
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: memoryLimit ?? fallback,
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
      if (!options.tempDirectory) rmSync(spill, { recursive: true, force: true });
      releaseWhenNeeded(() => {
        for (const c of extra) c.closeSync();
        db.closeSync();
        instance.closeSync();
      });
    }
  };
}

export {
  detectFormat,
  sqlString,
  sqlIdent,
  parseMemoryLimit,
  runUnordered,
  describeRead,
  connection,
  openEngine
};
