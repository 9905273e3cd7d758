import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  describeRead,
  detectFormat,
  runUnordered,
  sqlIdent,
  sqlString
} from "./chunk-BQLEISGD.js";
import {
  missingDataMessage
} from "./chunk-36UX5SSD.js";
import {
  closest
} from "./chunk-J2XJ3L6O.js";
import {
  InputError
} from "./chunk-HRKM2MUG.js";

// src/data/column-names.ts
import { open } from "node:fs/promises";
function withoutSurroundingSpaces(name) {
  const space = (c) => c === " " || c === " ";
  let start = 0;
  let end = name.length;
  while (start < end && space(name[start])) start++;
  while (end > start && space(name[end - 1])) end--;
  return name.slice(start, end);
}
function checkUniqueNames(file, names) {
  const seen = /* @__PURE__ */ new Map();
  names.forEach((name, i) => {
    const key = withoutSurroundingSpaces(name).toLowerCase();
    const first = seen.get(key);
    if (first === void 0) {
      seen.set(key, i);
      return;
    }
    if (names[first] === name) {
      throw new InputError(
        `${file}:1: column name "${name}" appears more than once in the header (columns ${first + 1} and ${i + 1}); column names must be unique`
      );
    }
    if (names[first].toLowerCase() !== name.toLowerCase()) {
      const alsoCase = withoutSurroundingSpaces(names[first]) !== withoutSurroundingSpaces(name);
      throw new InputError(
        `${file}:1: column names "${names[first]}" (column ${first + 1}) and "${name}" (column ${i + 1}) differ only in ${alsoCase ? "case and " : ""}the spaces around them, which the reader drops, so rename one of them`
      );
    }
    throw new InputError(
      `${file}:1: column names "${names[first]}" (column ${first + 1}) and "${name}" (column ${i + 1}) differ only in case; column names are compared ignoring case, so rename one of them`
    );
  });
}
function checkUsableNames(path, names) {
  if (names.includes(""))
    throw new InputError(`${path}: a key is the empty string; every column needs a name`);
  const at = names.indexOf("__proto__");
  if (at >= 0)
    throw new InputError(
      `${path}: column "__proto__" (column ${at + 1}) cannot be a column name: mlci's outputs are keyed by column name and would lose it; rename it`
    );
  const nul = names.findIndex((name) => name.includes("\0"));
  if (nul >= 0)
    throw new InputError(
      `${path}: column ${nul + 1} ("${names[nul].replaceAll("\0", "\\u0000")}") has a NUL character in its name; rename it`
    );
}
function checkRenamedKeys(file, names) {
  const present = new Set(names);
  for (const name of names) {
    const renamed = /^(.+)_\d+$/.exec(name);
    if (!renamed) continue;
    const original = renamed[1];
    const other = names.find((n) => n !== original && n.toLowerCase() === original.toLowerCase());
    if (other && !present.has(original)) {
      throw new InputError(
        `${file}: keys "${other}" and "${original}" differ only in case; column names are compared ignoring case, so rename one of them`
      );
    }
  }
}
async function checkParquetNames(path, files, names) {
  const suspects = names.filter((n) => /^.+_\d+$/.test(n));
  if (suspects.length === 0) return;
  const footers = await Promise.all(files.map(parquetFooter));
  for (const name of suspects) {
    const bytes = Buffer.from(name);
    if (footers.some((f) => f.includes(bytes))) continue;
    const original = name.replace(/_\d+$/, "");
    const same = names.find((n) => n.toLowerCase() === original.toLowerCase()) ?? original;
    throw new InputError(
      same === original ? `${path}: column name "${original}" appears more than once; column names must be unique` : `${path}: column names "${same}" and "${original}" differ only in case; column names are compared ignoring case, so rename one of them`
    );
  }
}
async function parquetFooter(file) {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const tail = Buffer.alloc(8);
    await handle.read(tail, 0, 8, size - 8);
    const length = Math.min(tail.readUInt32LE(0), size - 8);
    const footer = Buffer.alloc(length);
    await handle.read(footer, 0, length, size - 8 - length);
    return footer;
  } finally {
    await handle.close();
  }
}
function requireColumn(path, columns, name, role) {
  if (columns.includes(name)) return;
  const suggestion = closest(name, columns);
  const shown = columns.length > 30 ? `${columns.slice(0, 30).join(", ")}, … (${columns.length} in all)` : columns.join(", ");
  throw new InputError(
    `${role} column "${name}" is not in ${path}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}; columns: ${shown}`
  );
}
function labelIn(path, columns, label, optional = false) {
  if (label === void 0 || optional && !columns.includes(label)) return void 0;
  requireColumn(path, columns, label, "label");
  return label;
}

// src/data/source.ts
import { open as open2, stat } from "node:fs/promises";

// src/data/hidden-columns.ts
var ROW_HASH_COLUMN = "__mlci_row_hash";
var FILE_COLUMN = "__mlci_file";
var ROW_COLUMN = "file_row_number";
function freeName(base, dataColumns) {
  const taken = new Set(dataColumns.map((c) => c.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  return name;
}
async function chooseHidden(wanted, dataColumns) {
  const parquet = wanted.format === "parquet";
  const names = wanted.file || parquet ? await dataColumns() : [];
  return {
    file: wanted.file ? freeName(FILE_COLUMN, names) : void 0,
    rowHash: wanted.rowHash,
    rowNumber: parquet && !names.some((c) => c.toLowerCase() === ROW_COLUMN)
  };
}
function loadSelect(hidden) {
  if (!hidden.rowHash) return "*";
  const data = hidden.file ? `* EXCLUDE (${sqlIdent(hidden.file)})` : "*";
  return `*, hash(*COLUMNS(${data})) AS ${sqlIdent(ROW_HASH_COLUMN)}`;
}
function splitHidden(described, hidden) {
  const rowHash = hidden.rowHash ? described.at(-1)?.name : void 0;
  const rest = hidden.rowHash ? described.slice(0, -1) : described;
  const data = rest.filter((c) => c.name !== hidden.file && !(hidden.rowNumber && c.name === ROW_COLUMN));
  return { data, rowHash };
}

// src/data/read-expression.ts
var READ_BUFFER_BYTES = 4e6;
function readExpression(files, format, dialect, hidden = {}) {
  const list = files.length === 1 ? sqlString(files[0]) : `[${files.map(sqlString).join(", ")}]`;
  const extra = [
    hidden.file ? `filename = ${sqlString(hidden.file)}` : "",
    files.length > 1 ? "union_by_name = true" : ""
  ].filter(Boolean).map((s) => `, ${s}`).join("");
  if (format === "parquet")
    return `read_parquet(${list}${hidden.rowNumber ? ", file_row_number = true" : ""}${extra})`;
  if (format === "jsonl")
    return withText(`read_json(${list}, format = 'newline_delimited'${extra})`, dialect?.texts ?? []);
  const delim = dialect?.delimiter ?? ",";
  const buffer = `, buffer_size = ${Math.max(READ_BUFFER_BYTES, 2 * (dialect?.maxLineBytes ?? 0))}`;
  const longRows = dialect?.maxLineBytes ? `, max_line_size = ${dialect.maxLineBytes}` : "";
  const typed = [
    ...(dialect?.doubles ?? []).map((c) => `${sqlString(c)}: 'DOUBLE'`),
    ...(dialect?.texts ?? []).map((c) => `${sqlString(c)}: 'VARCHAR'`)
  ];
  const types = typed.length > 0 ? `, types = {${typed.join(", ")}}` : "";
  return `read_csv(${list}, header = true, delim = ${sqlString(delim)}, quote = '"', escape = '"', auto_type_candidates = ['BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'TIME', 'VARCHAR']${longRows}${buffer}${types}${extra})`;
}
function withText(read, texts) {
  if (texts.length === 0) return read;
  const replaced = texts.map((c) => `json_extract_string(to_json(${sqlIdent(c)}), '$') AS ${sqlIdent(c)}`);
  return `(SELECT * REPLACE (${replaced.join(", ")}) FROM ${read})`;
}
function textTyped(types) {
  return [...types].filter(([, type]) => type === "JSON").map(([name]) => name);
}

// src/data/numeric-text.ts
var SAMPLE_ROWS = 20480;
var NUMBER_SPELLING = "[ \\t]*([+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|(?i:[+-]?inf(inity)?)|-?(nan|NaN))[ \\t]*";
function numberLike(column, present) {
  const id = sqlIdent(column);
  return `bool_and(${id} IS NULL OR regexp_full_match(${id}, ${sqlString(NUMBER_SPELLING)}))${present ? ` AND count(${id}) > 0` : ""}`;
}
async function allNumberLike(db, from, columns, present) {
  if (columns.length === 0) return [];
  const row = (await db.runAndReadAll(`SELECT ${columns.map((c) => numberLike(c, present)).join(", ")} FROM ${from}`)).getRows()[0];
  return columns.filter((_, i) => row[i] === true);
}
async function numericTextColumns(db, from, columns, isTable = true) {
  const source = isTable ? sqlIdent(from) : from;
  const text = columns.filter((c) => c.type === "VARCHAR").map((c) => c.name);
  if (text.length === 0) return [];
  const sampled = await allNumberLike(
    db,
    `(SELECT ${text.map(sqlIdent).join(", ")} FROM ${source} LIMIT ${SAMPLE_ROWS})`,
    text,
    false
  );
  return allNumberLike(db, `(SELECT ${sampled.map(sqlIdent).join(", ")} FROM ${source})`, sampled, true);
}
async function codedCsvColumns(db, files, dialect, columns) {
  const typed = columns ?? [...await describeRead(db, readExpression(files, "csv", dialect))].map(([name, type]) => ({
    name,
    type
  }));
  const sniffed = typed.filter((c) => c.type === "BIGINT" || c.type === "DOUBLE").map((c) => c.name);
  if (sniffed.length === 0) return [];
  const textRead = readExpression(files, "csv", {
    ...dialect,
    texts: [...dialect.texts ?? [], ...sniffed]
  });
  const sample = `(SELECT ${sniffed.map(sqlIdent).join(", ")} FROM ${textRead} LIMIT ${SAMPLE_ROWS})`;
  const numbers = new Set(await allNumberLike(db, sample, sniffed, false));
  return sniffed.filter((c) => !numbers.has(c));
}

// src/data/read-errors.ts
import { closeSync, openSync, readSync } from "node:fs";
var MAX_ROW_BYTES = 16 * 2 ** 20;
function longRowSize(error) {
  const found = /Maximum line size of \d+ bytes exceeded\. Actual Size:\s*(\d+) bytes/.exec(
    error.message ?? ""
  );
  return found ? Number(found[1]) : void 0;
}
var SCAN_BLOCK = 1 << 20;
var CHECK_BYTES = 1 << 16;
var NL = 10;
var CR = 13;
var QUOTE = 34;
function withFile(file, use) {
  let fd;
  try {
    fd = openSync(file, "r");
  } catch {
    return void 0;
  }
  try {
    return use(fd);
  } catch {
    return void 0;
  } finally {
    closeSync(fd);
  }
}
function scanFile(file, take) {
  return withFile(file, (fd) => {
    const block = Buffer.allocUnsafe(SCAN_BLOCK);
    for (let offset = 0; ; ) {
      const n = readSync(fd, block, 0, SCAN_BLOCK, offset);
      if (n === 0) return void 0;
      const stop = take(block, n);
      if (stop >= 0) return offset + stop + 1;
      offset += n;
    }
  });
}
function lineAt(file, offset) {
  return withFile(file, (fd) => {
    const buffer = Buffer.alloc(CHECK_BYTES);
    const n = readSync(fd, buffer, 0, CHECK_BYTES, offset);
    const begin = n > 0 && buffer[0] === NL ? 1 : 0;
    let end = buffer.subarray(0, n).indexOf(NL, begin);
    if (end < 0) end = n;
    if (end > begin && buffer[end - 1] === CR) end--;
    return buffer.toString("utf8", begin, end);
  });
}
function csvFileLine(file, engineLine, original) {
  let quoted = false;
  let lines = 1;
  let records = 1;
  let afterCr = false;
  const start = engineLine <= 1 ? 0 : scanFile(file, (block, n) => {
    for (let i = 0; i < n; i++) {
      const byte = block[i];
      const cr = afterCr;
      afterCr = byte === CR;
      if (byte === QUOTE) quoted = !quoted;
      if ((byte !== NL || cr) && byte !== CR) continue;
      lines++;
      if (!quoted && ++records === engineLine) return i;
    }
    return -1;
  });
  if (start === void 0) return void 0;
  const row = original?.replace(/^[\r\n]+/, "").split(/\r?\n/)[0];
  if (row && !lineAt(file, start)?.startsWith(row)) return void 0;
  return lines;
}
function jsonFileLine(file, nth) {
  let lines = 1;
  let records = 0;
  let blank = true;
  const end = scanFile(file, (block, n) => {
    for (let i = 0; i < n; i++) {
      const byte = block[i];
      if (byte !== NL) {
        if (byte !== 32 && byte !== 9 && byte !== CR) blank = false;
        continue;
      }
      if (!blank && ++records === nth) return i;
      blank = true;
      lines++;
    }
    return -1;
  });
  if (end !== void 0) return lines;
  return !blank && records + 1 === nth ? lines : void 0;
}
function typeWords(type) {
  if (/INT/.test(type)) return "a whole number";
  if (/DOUBLE|FLOAT|DECIMAL|REAL/.test(type)) return "a number";
  if (type === "DATE") return "a date";
  if (type.startsWith("TIMESTAMP")) return "a date and time";
  if (type.startsWith("TIME")) return "a time of day";
  if (type === "BOOLEAN") return "true or false";
  return `a ${type} value`;
}
function quoteValue(value) {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}
function csvWhere(file, message) {
  const line = /CSV Error on Line: (\d+)/.exec(message);
  if (!line) return void 0;
  const original = /\nOriginal Line: ?([\s\S]*?)\n(?=Expected Number|Error when converting|Invalid unicode|Possible)/.exec(
    message
  )?.[1];
  const found = csvFileLine(
    file,
    Number(line[1]),
    /Invalid unicode|utf-8/i.test(message) ? void 0 : original
  );
  return found === void 0 ? `${file}, record ${line[1]} (header and blank lines included)` : `${file}:${found}`;
}
function jsonError(message) {
  const malformed = /Malformed JSON in file "([^"\n]+)", at byte (\d+) in line (\d+): ([^\n]*)/.exec(message);
  if (malformed) {
    const [, file, byte, engineLine, said] = malformed;
    const what = said.trim().replace(/\.$/, "");
    const line = jsonFileLine(file, Number(engineLine) - 1);
    const where = line === void 0 ? `${file}, record ${Number(engineLine) - 1}` : `${file}:${line}`;
    if (/byte order mark/i.test(what))
      return new InputError(
        `${where}: starts with a UTF-8 byte order mark (BOM), which the JSON Lines reader refuses; save the file as UTF-8 without a BOM`
      );
    return new InputError(`${where}: not valid JSON: ${what} (byte ${byte} from the start of the line)`);
  }
  const transform = /JSON transform error in file "([^"\n]+)", in line (\d+): ([^\n]*)/.exec(message);
  if (transform) {
    const [, file, engineLine, what] = transform;
    const line = jsonFileLine(file, Number(engineLine));
    const where = line === void 0 ? `${file}, record ${engineLine} (blank lines not counted)` : `${file}:${line}`;
    return new InputError(`${where}: ${what}`);
  }
  return void 0;
}
function readError(path, error) {
  const message = error.message ?? String(error);
  const json = jsonError(message);
  if (json) return json;
  const fileMatch = /file "([^"]+)"|in file "([^"]+)"|File: ([^\s|]+)|\n[ \t]*file = ([^\n]+)/.exec(message);
  const file = fileMatch?.[1] ?? fileMatch?.[2] ?? fileMatch?.[3] ?? fileMatch?.[4]?.trim() ?? path;
  const where = csvWhere(file, message);
  const expected = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (expected && where) {
    return new InputError(`${where}: row has ${expected[2]} fields, the header has ${expected[1]}`);
  }
  const converting = /Error when converting column "(.*)"\. Could not convert string "(.*)" to '(.+)'/.exec(
    message
  );
  if (converting) {
    const [, column, value, type] = converting;
    const sample = /\n[ \t]*sample_size = (\d+)/.exec(message)?.[1];
    const rows = sample ? `the first ${Number(sample).toLocaleString("en-US")} rows` : "the rows sampled";
    return new InputError(
      `${where ?? file}: column "${column}": ${quoteValue(value)} is not ${typeWords(type)}, though the column's values are in ${rows} (read as ${type}); correct or remove the value`
    );
  }
  const long = longRowSize(error);
  if (long !== void 0) {
    return new InputError(
      // No line: the engine counts it from the start of its read buffer, not of the file.
      `${file}: a row of ${long.toLocaleString("en-US")} bytes, longer than the ${MAX_ROW_BYTES / 2 ** 20} MiB mlci reads`
    );
  }
  if (/Invalid unicode|not utf-8 encoded/i.test(message)) {
    return new InputError(
      `${where ?? file}: not valid UTF-8 text (Latin-1 or another encoding?); save it as UTF-8`
    );
  }
  const first = message.split("\n")[0].replace(/^[A-Za-z ]+Error: /, "");
  return new InputError(`${where ?? file}: cannot be read (${first})`);
}

// src/data/source.ts
var PREFIX_BYTES = 1 << 20;
var CANDIDATE_DELIMITERS = [",", ";", "	", "|"];
async function expandSource(db, path) {
  if (!/[*?[]/.test(path)) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputError(await missingDataMessage(path));
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
async function readPrefix(file, limit) {
  const handle = await open2(file, "r").catch((error) => {
    throw new InputError(`${file}: cannot be opened (${error.code ?? error.message})`);
  });
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError(`${file} is a directory, expected a data file`);
    const buffer = Buffer.alloc(Math.min(limit, info.size));
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
  for (let limit = PREFIX_BYTES; ; limit *= 4) {
    const found = await inspectPrefix(file, format, options, limit);
    if (found !== "more") return found;
    if (limit >= MAX_ROW_BYTES)
      throw new InputError(
        `${file}: the header and first row are longer than ${MAX_ROW_BYTES / 2 ** 20} MiB`
      );
  }
}
async function inspectPrefix(file, format, options, limit) {
  const { bytes, size } = await readPrefix(file, limit);
  if (size === 0) throw new InputError(`${file}: the file is empty`);
  if (format === "parquet") {
    if (bytes.subarray(0, 4).toString("latin1") !== "PAR1")
      throw new InputError(`${file}: not a Parquet file (no PAR1 header)`);
    return void 0;
  }
  if (bytes.length >= 2 && (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255))
    throw new InputError(
      `${file}: encoded as UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8`
    );
  if (looksBinary(bytes))
    throw new InputError(
      `${file}: looks like a binary file, not ${format === "csv" ? "CSV" : "JSON Lines"} text`
    );
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  const whole = bytes.length === size;
  if (!whole) {
    const cut = text.lastIndexOf("\n");
    if (cut < 0) return "more";
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
  if (records.length < 2) {
    if (!whole) return "more";
    throw new InputError(`${file}: has a header but no data rows`);
  }
  const expected = records[0].fields;
  for (let i = 1; i < records.length; i++) {
    const isLastPartial = !whole && i === records.length - 1;
    if (records[i].fields !== expected && !isLastPartial) {
      throw new InputError(
        `${file}:${records[i].line}: row has ${records[i].fields} field${records[i].fields === 1 ? "" : "s"}, the header has ${expected} (delimiter "${printable(delimiter)}"; quote values that contain it)`
      );
    }
  }
  const names = parseHeader(header, delimiter);
  checkUniqueNames(file, names);
  return { delimiter, header: names, ...limit > PREFIX_BYTES ? { maxLineBytes: limit } : {} };
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
async function createTable(db, path, table, files, format, dialect, hidden) {
  for (let attempt = dialect; ; ) {
    const from = readExpression(files, format, attempt, hidden);
    try {
      if (format === "parquet")
        await db.run(`CREATE OR REPLACE VIEW ${sqlIdent(table)} AS SELECT * FROM ${from}`);
      else
        await runUnordered(
          db,
          `CREATE OR REPLACE TABLE ${sqlIdent(table)} AS SELECT ${loadSelect(hidden)} FROM ${from}`
        );
      if (dialect && attempt?.maxLineBytes) dialect.maxLineBytes = attempt.maxLineBytes;
      return from;
    } catch (error) {
      const needed = longRowSize(error);
      const failed = attempt?.maxLineBytes ?? READ_BUFFER_BYTES;
      const raised = Math.min(MAX_ROW_BYTES, 2 * Math.max(needed ?? 0, failed));
      const stuck = raised <= (attempt?.maxLineBytes ?? 0);
      if (format !== "csv" || needed === void 0 || needed > MAX_ROW_BYTES || stuck)
        throw readError(path, error);
      attempt = { ...attempt ?? { delimiter: ",", header: [] }, maxLineBytes: raised };
    }
  }
}
async function describe(db, table, hidden) {
  const described = (await db.runAndReadAll(`DESCRIBE ${sqlIdent(table)}`)).getRowObjects();
  const { data, rowHash } = splitHidden(
    described.map((row) => ({ name: String(row.column_name), type: String(row.column_type) })),
    hidden
  );
  return { columns: data.map((c) => ({ ...c, kind: kindOf(c.type) })), rowHash };
}
async function loadSource(db, path, table, options = {}, load = {}) {
  const format = detectFormat(path, options.format);
  const rowHash = format !== "parquet" && load.rowHash === true;
  const files = await expandSource(db, path);
  let dialect;
  const headers = [];
  for (const file of files) {
    const found = await inspectFile(file, format, options);
    if (dialect && found?.maxLineBytes)
      dialect.maxLineBytes = Math.max(dialect.maxLineBytes ?? 0, found.maxLineBytes);
    dialect ??= found;
    headers.push(...found?.header ?? []);
  }
  let described;
  const types = () => described ??= describeRead(db, readExpression(files, format, void 0));
  const names = async () => format === "csv" ? headers : [...(await types()).keys()];
  const texts = format === "jsonl" ? textTyped(await types().catch((e) => Promise.reject(readError(path, e)))) : [];
  const read = texts.length > 0 ? { texts } : dialect;
  const hidden = await chooseHidden({ file: files.length > 1, rowHash, format }, names).catch(
    (error) => {
      throw readError(path, error);
    }
  );
  let scan = await createTable(db, path, table, files, format, read, hidden).catch(async (error) => {
    const coded = format === "csv" && dialect ? await codedCsvColumns(db, files, dialect).catch(() => []) : [];
    if (coded.length === 0) throw error;
    dialect.texts = [...dialect.texts ?? [], ...coded];
    return createTable(db, path, table, files, format, dialect, hidden);
  });
  let { columns, rowHash: rowHashColumn } = await describe(db, table, hidden);
  if (format === "csv" && dialect) {
    const coded = await codedCsvColumns(db, files, dialect, columns);
    if (coded.length > 0) {
      dialect.texts = [...dialect.texts ?? [], ...coded];
      scan = await createTable(db, path, table, files, format, dialect, hidden);
      ({ columns, rowHash: rowHashColumn } = await describe(db, table, hidden));
    }
    const doubles = await numericTextColumns(db, table, columns);
    if (doubles.length > 0) {
      const typed = { ...dialect, doubles };
      scan = await createTable(db, path, table, files, format, typed, hidden).catch(() => void 0) ?? await createTable(db, path, table, files, format, dialect, hidden);
      ({ columns, rowHash: rowHashColumn } = await describe(db, table, hidden));
    }
    if (columns.length === 1 && dialect.header.length === 1 && files.length === 1) {
      const header = dialect.header[0];
      const other = CANDIDATE_DELIMITERS.find((d) => d !== dialect.delimiter && header.includes(d));
      if (other) {
        throw new InputError(
          `${path}: read as a single column "${header.slice(0, 40)}"; the delimiter looks like "${printable(other)}" — pass --delimiter "${printable(other)}"`
        );
      }
    }
  }
  checkUsableNames(
    path,
    columns.map((c) => c.name)
  );
  if (format === "jsonl")
    checkRenamedKeys(
      path,
      columns.map((c) => c.name)
    );
  if (format === "parquet")
    await checkParquetNames(
      path,
      files,
      columns.map((c) => c.name)
    );
  const rows = Number((await db.runAndReadAll(`SELECT count(*) FROM ${sqlIdent(table)}`)).getRows()[0][0]);
  if (rows === 0) throw new InputError(`${path}: has no data rows`);
  return {
    path,
    format,
    files,
    table,
    rows,
    columns,
    fileColumn: hidden.file,
    rowColumn: hidden.rowNumber ? ROW_COLUMN : void 0,
    // Parquet views number their rows, when the files leave the engine's name for it free.
    scan: hidden.rowNumber ? void 0 : scan,
    rowHashColumn
  };
}

export {
  readExpression,
  textTyped,
  numericTextColumns,
  codedCsvColumns,
  readError,
  checkUsableNames,
  labelIn,
  expandSource,
  inspectFile,
  kindOf,
  loadSource
};
