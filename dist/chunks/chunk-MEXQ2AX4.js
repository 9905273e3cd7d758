import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  detectFormat,
  sqlIdent,
  sqlString
} from "./chunk-EGBE5CJD.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/data/source.ts
import { open, stat } from "node:fs/promises";
var ROW_COLUMN = "file_row_number";
var FILE_COLUMN = "__mlci_file";
var PREFIX_BYTES = 1 << 20;
var CANDIDATE_DELIMITERS = [",", ";", "	", "|"];
async function expandSource(db, path) {
  if (!/[*?[]/.test(path)) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputError(`data file not found: ${path}`);
    }
    if (info.isDirectory()) {
      throw new InputError(
        `${path} is a directory; pass a file or a glob such as "${path.replace(/\/$/, "")}/*.csv"`
      );
    }
    return [path];
  }
  const rows = (await db.runAndReadAll(`SELECT file FROM glob(${sqlString(path)}) ORDER BY file`)).getRows();
  const files = rows.map((r) => String(r[0]));
  if (files.length === 0) throw new InputError(`no files match ${path}`);
  return files;
}
async function readPrefix(file) {
  const handle = await open(file, "r").catch((error) => {
    throw new InputError(`${file}: cannot be opened (${error.code ?? error.message})`);
  });
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError(`${file} is a directory, expected a data file`);
    const buffer = Buffer.alloc(Math.min(PREFIX_BYTES, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), size: info.size };
  } finally {
    await handle.close();
  }
}
function looksBinary(bytes) {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || b > 13 && b < 32) control++;
  }
  return n > 0 && control / n > 0.1;
}
function splitCsv(text, delimiter, limit) {
  const records = [];
  let fields = 1;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let empty = true;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (ch === "\n") line++;
      continue;
    }
    if (ch === '"') {
      inQuotes = true;
      empty = false;
    } else if (ch === delimiter) {
      fields++;
      empty = false;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      if (!empty) records.push({ fields, line: recordLine });
      line++;
      recordLine = line;
      fields = 1;
      empty = true;
    } else {
      empty = false;
    }
  }
  if (!empty && records.length < limit) records.push({ fields, line: recordLine });
  return records;
}
function firstLine(text) {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}
function countOutsideQuotes(line, ch) {
  let n = 0;
  let q = false;
  for (const c of line) {
    if (c === '"') q = !q;
    else if (!q && c === ch) n++;
  }
  return n;
}
function sniffDelimiter(header) {
  let best = ",";
  let bestCount = 0;
  for (const d of CANDIDATE_DELIMITERS) {
    const n = countOutsideQuotes(header, d);
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}
async function inspectFile(file, format, options = {}) {
  const { bytes, size } = await readPrefix(file);
  if (size === 0) throw new InputError(`${file}: the file is empty`);
  if (format === "parquet") {
    if (bytes.subarray(0, 4).toString("latin1") !== "PAR1")
      throw new InputError(`${file}: not a Parquet file (no PAR1 header)`);
    return void 0;
  }
  if (looksBinary(bytes))
    throw new InputError(
      `${file}: looks like a binary file, not ${format === "csv" ? "CSV" : "JSON Lines"} text`
    );
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  if (bytes.length === size) {
  } else {
    const cut = Math.max(text.lastIndexOf("\n"), 0);
    text = text.slice(0, cut + 1);
  }
  if (text.trim() === "") throw new InputError(`${file}: the file has no content (only whitespace)`);
  if (format === "jsonl") {
    const first = text.trimStart();
    if (!first.startsWith("{"))
      throw new InputError(
        `${file}:1: expected one JSON object per line, found "${firstLine(first).slice(0, 40)}"`
      );
    return void 0;
  }
  const header = firstLine(text);
  const delimiter = options.delimiter ?? sniffDelimiter(header);
  if (options.delimiter && countOutsideQuotes(header, options.delimiter) === 0) {
    const likely = sniffDelimiter(header);
    if (countOutsideQuotes(header, likely) > 0) {
      throw new InputError(
        `${file}:1: the header has no "${printable(options.delimiter)}" delimiter but looks "${printable(likely)}"-separated; pass --delimiter "${printable(likely)}" (or remove the delimiter setting to detect it)`
      );
    }
  }
  const records = splitCsv(text, delimiter, 2e4);
  if (records.length < 2) throw new InputError(`${file}: has a header but no data rows`);
  const expected = records[0].fields;
  const whole = bytes.length === size;
  for (let i = 1; i < records.length; i++) {
    const isLastPartial = !whole && i === records.length - 1;
    if (records[i].fields !== expected && !isLastPartial) {
      throw new InputError(
        `${file}:${records[i].line}: row has ${records[i].fields} field${records[i].fields === 1 ? "" : "s"}, the header has ${expected} (delimiter "${printable(delimiter)}"; quote values that contain it)`
      );
    }
  }
  return { delimiter, header: parseHeader(header, delimiter) };
}
function parseHeader(line, delimiter) {
  const out = [];
  let cur = "";
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === delimiter) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}
function printable(d) {
  return d === "	" ? "\\t" : d;
}
var NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/;
function kindOf(type) {
  if (NUMERIC.test(type)) return "numeric";
  if (type === "BOOLEAN") return "boolean";
  if (/^(DATE|TIME|TIMESTAMP)/.test(type)) return "datetime";
  return "categorical";
}
function readExpression(files, format, dialect, withFile) {
  const list = files.length === 1 ? sqlString(files[0]) : `[${files.map(sqlString).join(", ")}]`;
  const extra = [
    withFile ? `filename = ${sqlString(FILE_COLUMN)}` : "",
    files.length > 1 ? "union_by_name = true" : ""
  ].filter(Boolean).map((s) => `, ${s}`).join("");
  if (format === "parquet") return `read_parquet(${list}, file_row_number = true${extra})`;
  if (format === "jsonl") return `read_json(${list}, format = 'newline_delimited'${extra})`;
  const delim = dialect?.delimiter ?? ",";
  return `read_csv(${list}, header = true, delim = ${sqlString(delim)}, quote = '"', escape = '"', auto_type_candidates = ['BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'TIME', 'VARCHAR']${extra})`;
}
function readError(path, error) {
  const message = error.message ?? String(error);
  const lineMatch = /Line: (\d+)/.exec(message);
  const fileMatch = /file "([^"]+)"|in file "([^"]+)"|File: ([^\s|]+)/.exec(message);
  const file = fileMatch?.[1] ?? fileMatch?.[2] ?? fileMatch?.[3] ?? path;
  const expected = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (expected && lineMatch) {
    return new InputError(
      `${file}:${lineMatch[1]}: row has ${expected[2]} fields, the header has ${expected[1]}`
    );
  }
  const first = message.split("\n")[0].replace(/^[A-Za-z ]+Error: /, "");
  return new InputError(`${lineMatch ? `${file}:${lineMatch[1]}` : file}: cannot be read (${first})`);
}
async function loadSource(db, path, table, options = {}) {
  const format = detectFormat(path, options.format);
  const files = await expandSource(db, path);
  let dialect;
  for (const file of files) {
    const found = await inspectFile(file, format, options);
    dialect ??= found;
  }
  const withFile = files.length > 1;
  const from = readExpression(files, format, dialect, withFile);
  try {
    if (format === "parquet")
      await db.run(`CREATE OR REPLACE VIEW ${sqlIdent(table)} AS SELECT * FROM ${from}`);
    else await db.run(`CREATE OR REPLACE TABLE ${sqlIdent(table)} AS SELECT * FROM ${from}`);
  } catch (error) {
    throw readError(path, error);
  }
  const described = (await db.runAndReadAll(`DESCRIBE ${sqlIdent(table)}`)).getRowObjects();
  const columns = described.map((row) => ({ name: String(row.column_name), type: String(row.column_type) })).filter((c) => c.name !== FILE_COLUMN && !(format === "parquet" && c.name === ROW_COLUMN)).map((c) => ({ ...c, kind: kindOf(c.type) }));
  if (format === "csv" && dialect && columns.length === 1 && dialect.header.length === 1 && files.length === 1) {
    const other = CANDIDATE_DELIMITERS.find((d) => d !== dialect.delimiter && dialect.header[0].includes(d));
    if (other) {
      throw new InputError(
        `${path}: read as a single column "${dialect.header[0].slice(0, 40)}"; the delimiter looks like "${printable(other)}" — pass --delimiter "${printable(other)}"`
      );
    }
  }
  const rows = Number((await db.runAndReadAll(`SELECT count(*) FROM ${sqlIdent(table)}`)).getRows()[0][0]);
  if (rows === 0) throw new InputError(`${path}: has no data rows`);
  return {
    path,
    format,
    files,
    table,
    rows,
    columns,
    fileColumn: withFile ? FILE_COLUMN : void 0,
    rowColumn: format === "parquet" ? ROW_COLUMN : void 0
  };
}

export {
  expandSource,
  inspectFile,
  kindOf,
  readExpression,
  readError,
  loadSource
};
