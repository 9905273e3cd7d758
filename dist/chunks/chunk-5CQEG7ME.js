import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  require_prom_client
} from "./chunk-YUK5W3RX.js";
import {
  planOutput,
  positiveClassIndex,
  probabilityProblem,
  problemText
} from "./chunk-GL4WARX4.js";
import {
  PredictionLog,
  TRAFFIC_HEADER,
  TRAFFIC_SOURCES
} from "./chunk-VHONKP4V.js";
import {
  VariantStats,
  rowScores
} from "./chunk-D4WWN4FX.js";
import {
  declaredClasses,
  runnableModel
} from "./chunk-4JPR7HNQ.js";
import {
  InputError,
  describeError
} from "./chunk-HRKM2MUG.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// src/serve/server.ts
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";

// src/serve/admin.ts
import { timingSafeEqual } from "node:crypto";

// src/serve/decode.ts
var RequestError = class extends Error {
  constructor(status, message) {
    super(message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message);
    this.status = status;
  }
  status;
};
var MAX_MESSAGE = 500;
var intRange = (min, max) => ({
  min,
  max,
  integer: true,
  text: `${min}..${max}`
});
var floatRange = (max, text) => ({ min: -max, max, integer: false, text });
var RANGES = /* @__PURE__ */ new Map([
  ["INT8", intRange(-128, 127)],
  ["INT16", intRange(-32768, 32767)],
  ["INT32", intRange(-2147483648, 2147483647)],
  ["INT64", intRange(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)],
  ["UINT8", intRange(0, 255)],
  ["UINT16", intRange(0, 65535)],
  ["UINT32", intRange(0, 4294967295)],
  ["UINT64", intRange(0, Number.MAX_SAFE_INTEGER)],
  ["FP16", floatRange(65504, "65504")],
  ["FP32", floatRange(34028234663852886e22, "3.4e38")],
  ["FP64", floatRange(Number.MAX_VALUE, "1.8e308")]
]);
function decodeV2(body, layout, Tensor, maxRows) {
  if (!isObject(body)) throw new RequestError(400, 'request body must be a JSON object with "inputs"');
  const inputs = body.inputs;
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new RequestError(
      400,
      '"inputs" must be a non-empty array of tensors {name, shape, datatype, data}'
    );
  }
  const count = inputs.length;
  const names = [];
  const seen = count > 32 ? /* @__PURE__ */ new Set() : void 0;
  for (let index = 0; index < count; index++) {
    const raw = inputs[index];
    if (!isObject(raw) || typeof raw.name !== "string")
      throw new RequestError(400, `inputs[${index}]: needs a string "name"`);
    const name = raw.name;
    if (seen ? seen.has(name) : names.includes(name))
      throw new RequestError(400, `input "${name}" is given twice`);
    seen?.add(name);
    names.push(name);
  }
  if (layout.kind === "matrix") {
    const index = names.indexOf(layout.input.name);
    if (index >= 0) {
      if (count > 1)
        throw new RequestError(400, `the model takes one input "${layout.input.name}"; got ${count}`);
      return matrixFromTensor(inputs[index], layout, Tensor, maxRows);
    }
  }
  const columns = [];
  let rows = -1;
  for (let index = 0; index < count; index++) {
    const name = names[index];
    const column = readColumn(inputs[index], name);
    if (rows >= 0 && column.values.length !== rows) {
      throw new RequestError(400, `input "${name}": ${column.values.length} rows, other inputs have ${rows}`);
    }
    rows = column.values.length;
    columns.push(column);
  }
  checkRows(rows, maxRows);
  return fromColumns(names, columns, rows, layout, Tensor);
}
function decodeRows(body, layout, Tensor, maxRows) {
  const instances = isObject(body) ? body.instances ?? body.rows : body;
  if (!Array.isArray(instances) || instances.length === 0) {
    throw new RequestError(400, 'request body must be {"instances": [row, …]} with at least one row');
  }
  checkRows(instances.length, maxRows);
  const names = columnNames(layout);
  const columns = names.map(() => ({ values: new Array(instances.length), type: "number" }));
  const position = layoutPositions(layout);
  for (const [r, instance] of instances.entries()) {
    if (Array.isArray(instance)) {
      if (instance.length !== names.length) {
        throw new RequestError(
          400,
          `instances[${r}]: ${instance.length} values, the model takes ${names.length} (${names.join(", ")})`
        );
      }
      names.forEach((name, j) => setValue(columns[j], r, instance[j], `instances[${r}][${j}] (${name})`));
    } else if (isObject(instance)) {
      for (const key of Object.keys(instance)) {
        if (!position.has(key))
          throw new RequestError(
            400,
            `instances[${r}]: unknown column "${key}"; the model takes ${names.join(", ")}`
          );
      }
      names.forEach((name, j) => {
        if (!(name in instance)) throw new RequestError(400, `instances[${r}]: missing column "${name}"`);
        setValue(columns[j], r, instance[name], `instances[${r}].${name}`);
      });
    } else {
      throw new RequestError(400, `instances[${r}]: expected an object of column values or an array`);
    }
  }
  return fromColumns(names, columns, instances.length, layout, Tensor);
}
function columnNames(layout) {
  if (layout.kind === "columns") return layout.inputs.map((i) => i.name);
  if (!layout.features) {
    throw new RequestError(
      400,
      `the model has no feature_names; send one tensor "${layout.input.name}" [N, F]`
    );
  }
  return layout.features;
}
var positions = /* @__PURE__ */ new WeakMap();
function layoutPositions(layout) {
  let map = positions.get(layout);
  if (!map) {
    map = new Map(columnNames(layout).map((name, j) => [name, j]));
    positions.set(layout, map);
  }
  return map;
}
function setValue(column, row, value, where) {
  if (typeof value === "number" || typeof value === "string" || value === null) column.values[row] = value;
  else throw new RequestError(400, `${where}: expected a number, a string or null, got ${typeof value}`);
}
function readColumn(tensor, name) {
  const shape = readShape(tensor.shape, name);
  if (shape.length > 2 || shape.length === 2 && shape[1] !== 1) {
    throw new RequestError(
      400,
      `input "${name}": shape [${shape.join(", ")}], expected [N] or [N, 1] for a column`
    );
  }
  const values = flatData(tensor.data, name, shape);
  if (values.length !== shape[0]) {
    throw new RequestError(
      400,
      `input "${name}": shape [${shape.join(", ")}] needs ${shape[0]} values, got ${values.length}`
    );
  }
  const datatype = tensor.datatype;
  if (typeof datatype !== "string")
    throw new RequestError(400, `input "${name}": needs a "datatype" (FP32, INT64, BYTES, …)`);
  if (datatype === "BYTES") {
    for (let i = 0; i < values.length; i++)
      if (typeof values[i] !== "string")
        throw new RequestError(400, `input "${name}": BYTES data must be strings`);
    return { values, type: "string" };
  }
  const range = RANGES.get(datatype);
  if (!range) throw new RequestError(400, `input "${name}": unsupported datatype "${datatype}"`);
  checkNumbers(values, name, datatype, range);
  return { values, type: range.integer ? "integer" : "number" };
}
function checkNumbers(values, name, datatype, range) {
  const { min, max, integer } = range;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null && !integer) continue;
    if (typeof v !== "number" || integer && !Number.isInteger(v)) {
      throw new RequestError(
        400,
        `input "${name}": ${datatype} data must be ${integer ? "integers" : "numbers"}, got ${show(v)}`
      );
    }
    if (v < min || v > max) throw outOfRange(name, i, v, datatype, range);
  }
}
function matrixFromTensor(tensor, layout, Tensor, maxRows) {
  const name = layout.input.name;
  const shape = readShape(tensor.shape, name);
  const width = matrixWidth(layout);
  if (shape.length !== 2)
    throw new RequestError(
      400,
      `input "${name}": shape [${shape.join(", ")}], expected [N, ${width ?? "F"}]`
    );
  if (width !== null && shape[1] !== width) {
    throw new RequestError(400, `input "${name}": shape [${shape.join(", ")}], expected [N, ${width}]`);
  }
  if (tensor.datatype !== "FP32" && tensor.datatype !== "FP64") {
    throw new RequestError(400, `input "${name}": datatype ${show(tensor.datatype)}, expected FP32`);
  }
  checkRows(shape[0], maxRows);
  const values = flatData(tensor.data, name, shape);
  if (values.length !== shape[0] * shape[1]) {
    throw new RequestError(
      400,
      `input "${name}": shape [${shape.join(", ")}] needs ${shape[0] * shape[1]} values, got ${values.length}`
    );
  }
  const data = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) data[i] = NaN;
    else if (typeof v !== "number") {
      throw new RequestError(400, `input "${name}": FP32 data must be numbers, got ${show(v)}`);
    } else {
      data[i] = v;
      if (!Number.isFinite(data[i])) throw notFinite(name, Math.floor(i / shape[1]), "FP32");
    }
  }
  const cols = shape[1];
  const names = layout.features ?? Array.from({ length: cols }, (_, j) => `${name}[${j}]`);
  return {
    rows: shape[0],
    feeds: { [name]: new Tensor("float32", data, shape) },
    row: (i) => Object.fromEntries(names.map((n, j) => [n, data[i * cols + j]]))
  };
}
function fromColumns(given, columns, rows, layout, Tensor) {
  const names = columnNames(layout);
  const position = layoutPositions(layout);
  const ordered = new Array(names.length);
  for (let i = 0; i < given.length; i++) {
    const j = position.get(given[i]);
    if (j === void 0) {
      const hint = layout.kind === "matrix" ? ` or one tensor "${layout.input.name}"` : "";
      throw new RequestError(400, `unknown input "${given[i]}"; the model takes ${names.join(", ")}${hint}`);
    }
    ordered[j] = columns[i];
  }
  for (let j = 0; j < names.length; j++)
    if (ordered[j] === void 0) throw new RequestError(400, `missing input "${names[j]}"`);
  const row = (i) => Object.fromEntries(names.map((n, j) => [n, ordered[j].values[i]]));
  if (layout.kind === "matrix") {
    const width = names.length;
    const data = new Float32Array(rows * width);
    for (let j = 0; j < width; j++) {
      const values = ordered[j].values;
      for (let r = 0; r < rows; r++) {
        const v = values[r];
        if (v === null) data[r * width + j] = NaN;
        else if (typeof v !== "number") {
          throw new RequestError(400, `input "${names[j]}": expected numbers, got ${show(v)}`);
        } else {
          data[r * width + j] = v;
          if (!Number.isFinite(data[r * width + j])) throw notFinite(names[j], r, "FP32");
        }
      }
    }
    return { rows, feeds: { [layout.input.name]: new Tensor("float32", data, [rows, width]) }, row };
  }
  const feeds = {};
  for (let j = 0; j < layout.inputs.length; j++) {
    const input = layout.inputs[j];
    const values = ordered[j].values;
    const dims = input.shape && input.shape.length === 1 ? [rows] : [rows, 1];
    if (input.type === "string") {
      for (let r = 0; r < rows; r++)
        if (typeof values[r] !== "string")
          throw new RequestError(
            400,
            `input "${input.name}": expects strings (BYTES), got ${show(values[r])}`
          );
      feeds[input.name] = new Tensor("string", values, dims);
    } else if (input.type === "int64" || input.type === "int32") {
      const data = input.type === "int64" ? new BigInt64Array(rows) : new Int32Array(rows);
      for (let r = 0; r < rows; r++) {
        const v = values[r];
        if (typeof v !== "number" || !Number.isInteger(v)) {
          throw new RequestError(400, `input "${input.name}": expects integers (INT64), got ${show(v)}`);
        }
        checkInteger(input.name, r, v, input.type);
        data[r] = input.type === "int64" ? BigInt(v) : v;
      }
      feeds[input.name] = new Tensor(input.type, data, dims);
    } else {
      const data = input.type === "double" ? new Float64Array(rows) : new Float32Array(rows);
      for (let r = 0; r < rows; r++) {
        const v = values[r];
        if (v === null) data[r] = NaN;
        else if (typeof v !== "number") {
          throw new RequestError(400, `input "${input.name}": expects numbers (FP32), got ${show(v)}`);
        } else {
          data[r] = v;
          if (!Number.isFinite(data[r]))
            throw notFinite(input.name, r, input.type === "double" ? "FP64" : "FP32");
        }
      }
      feeds[input.name] = new Tensor(input.type === "double" ? "float64" : "float32", data, dims);
    }
  }
  return { rows, feeds, row };
}
function readShape(shape, name) {
  let valid = Array.isArray(shape) && shape.length > 0;
  if (valid) {
    const dims = shape;
    for (let i = 0; i < dims.length && valid; i++) {
      const d = dims[i];
      valid = Number.isInteger(d) && d >= 0;
    }
  }
  if (!valid) throw new RequestError(400, `input "${name}": "shape" must be a list of non-negative integers`);
  return shape;
}
function flatData(data, name, shape) {
  if (!Array.isArray(data)) throw new RequestError(400, `input "${name}": "data" must be an array`);
  if (data.length === 0 || !Array.isArray(data[0])) return data;
  const rank = shape.length;
  let first = data;
  for (let depth = 0; Array.isArray(first); depth++) {
    if (depth >= rank) throw tooDeep(name, rank);
    first = first[0];
  }
  if (data.length !== shape[0]) throw nestingMismatch(name, shape, `has ${data.length} items`);
  let level = data;
  for (let depth = 1; depth < rank; depth++) {
    for (let i = 0; i < level.length; i++) {
      const item = level[i];
      if (!Array.isArray(item) || item.length !== shape[depth]) {
        const got = Array.isArray(item) ? `${item.length} items` : show(item);
        throw nestingMismatch(name, shape, `item ${i} at depth ${depth} is ${got}`);
      }
    }
    level = level.flat();
  }
  if (level.some(Array.isArray)) throw tooDeep(name, rank);
  return level;
}
function tooDeep(name, rank) {
  return new RequestError(400, `input "${name}": "data" is nested deeper than its ${rank}-dimensional shape`);
}
function nestingMismatch(name, shape, what) {
  return new RequestError(
    400,
    `input "${name}": nested "data" does not match its shape [${shape.join(", ")}]: it ${what}`
  );
}
function matrixWidth(layout) {
  const dim = layout.input.shape?.[1];
  if (typeof dim === "number") return dim;
  return layout.features?.length ?? null;
}
function show(value) {
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null) return "an object";
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
function notFinite(name, row, datatype) {
  return outOfRange(name, row, Infinity, datatype, RANGES.get(datatype));
}
function outOfRange(name, row, value, datatype, range) {
  const where = `input "${name}", row ${row}`;
  if (range.integer)
    return new RequestError(400, `${where}: ${value} is outside the ${datatype} range ${range.text}`);
  return new RequestError(
    400,
    `${where}: the value is out of the ${datatype} range (|x| ≤ ${range.text}); send null for a missing value`
  );
}
function checkInteger(name, row, value, type) {
  const ok = type === "int64" ? Number.isSafeInteger(value) : (value | 0) === value;
  if (!ok) {
    const range = type === "int64" ? "±9007199254740991" : "-2147483648..2147483647";
    throw new RequestError(
      400,
      `input "${name}", row ${row}: ${value} is outside the ${type.toUpperCase()} range ${range}`
    );
  }
}
function checkRows(rows, maxRows) {
  if (rows < 1) throw new RequestError(400, "the request has no rows");
  if (rows > maxRows) throw new RequestError(413, `the request has ${rows} rows; the limit is ${maxRows}`);
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/serve/http.ts
import { isUtf8 } from "node:buffer";
import { STATUS_CODES } from "node:http";

// src/serve/duplicate-keys.ts
var STRUCTURAL = /["{}[\]]/g;
function isKey(text, end) {
  let i = end + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 58) return true;
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
    i++;
  }
  return false;
}
function closingQuote(text, quote) {
  let end = text.indexOf('"', quote + 1);
  for (; ; ) {
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}
function duplicateKeyIn(text, parsed) {
  return colons(text) === keyCount(parsed) ? void 0 : duplicateKey(text);
}
function colons(text) {
  let n = 0;
  for (let i = text.indexOf(":"); i !== -1; i = text.indexOf(":", i + 1)) n++;
  return n;
}
function keyCount(value) {
  let n = 0;
  const pending = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item === null || typeof item !== "object") continue;
    if (Array.isArray(item)) {
      for (const child of item)
        if (child !== null && typeof child === "object") pending.push(child);
      continue;
    }
    for (const child of Object.values(item)) {
      n++;
      if (child !== null && typeof child === "object") pending.push(child);
    }
  }
  return n;
}
function duplicateKey(text) {
  const open = [];
  STRUCTURAL.lastIndex = 0;
  for (let match = STRUCTURAL.exec(text); match; match = STRUCTURAL.exec(text)) {
    const at = match.index;
    const c = text.charCodeAt(at);
    if (c === 34) {
      const end = closingQuote(text, at);
      const keys = open[open.length - 1];
      if (keys && isKey(text, end)) {
        const raw = text.slice(at + 1, end);
        const key = raw.includes("\\") ? JSON.parse(`"${raw}"`) : raw;
        if (keys.has(key)) return key;
        keys.add(key);
      }
      STRUCTURAL.lastIndex = end + 1;
    } else if (c === 123) open.push(/* @__PURE__ */ new Set());
    else if (c === 91) open.push(null);
    else open.pop();
  }
  return void 0;
}

// src/serve/http.ts
var JSON_HEADERS = { "content-type": "application/json" };
var REQUEST_TIMEOUT_MS = 3e4;
function clientErrorReply(error, timeout) {
  if (error.code === "ECONNRESET") return null;
  const [status, message] = error.code === "HPE_HEADER_OVERFLOW" ? [431, "the request headers (with the URL) are too large"] : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? [408, `the request did not arrive within ${timeout / 1e3} s`] : [400, `malformed HTTP request (${error.code ?? error.message})`];
  const body = JSON.stringify({ error: message });
  return {
    status,
    text: `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r
content-type: application/json\r
content-length: ${Buffer.byteLength(body)}\r
connection: close\r
\r
${body}`
  };
}
function trafficSource(value) {
  if (value === void 0) return void 0;
  if (TRAFFIC_SOURCES.includes(value)) return value;
  throw new RequestError(
    400,
    `header ${TRAFFIC_HEADER}: ${show(String(value))}, expected ${TRAFFIC_SOURCES.join(" or ")}`
  );
}
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RequestError(400, `malformed percent-encoding in the URL: ${show(segment)}`);
  }
}
function versionSegment(segment) {
  const match = /^v?(\d+)$/.exec(segment);
  if (!match)
    throw new RequestError(
      404,
      `version ${show(segment)} is not loaded: versions are numbers such as 2 or v2`
    );
  return Number(match[1]);
}
function isJsonType(type) {
  const media = type.split(";", 1)[0].trim().toLowerCase();
  return media === "application/json" || media.startsWith("application/") && media.endsWith("+json");
}
function sendJson(res, status, body) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, "content-length": Buffer.byteLength(text) });
  res.end(text);
}
function readJson(req, limit, done) {
  const type = req.headers["content-type"];
  if (type !== void 0 && type !== "application/json" && !isJsonType(type)) {
    req.resume();
    done(new RequestError(415, `content-type ${show(type)} is not JSON; send application/json`));
    return;
  }
  const declared = Number(req.headers["content-length"] ?? -1);
  if (declared > limit) {
    req.resume();
    done(new RequestError(413, `request body of ${declared} bytes exceeds the limit of ${limit}`));
    return;
  }
  let first;
  let chunks;
  let size = 0;
  let failed = false;
  req.on("data", (chunk) => {
    if (failed) return;
    size += chunk.length;
    if (size > limit) {
      failed = true;
      done(new RequestError(413, `request body exceeds the limit of ${limit} bytes`));
      return;
    }
    if (!first) first = chunk;
    else (chunks ??= [first]).push(chunk);
  });
  req.on("error", (error) => {
    if (!failed) done(new RequestError(400, `could not read the request: ${error.message}`));
    failed = true;
  });
  req.on("end", () => {
    if (failed) return;
    failed = true;
    const bytes = chunks ? Buffer.concat(chunks) : first;
    if (bytes && !isUtf8(bytes)) return done(new RequestError(400, "the request body is not valid UTF-8"));
    const text = bytes ? bytes.toString("utf8") : "";
    if (text.length === 0) return done(new RequestError(400, "empty request body; expected JSON"));
    let body;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return done(new RequestError(400, `malformed JSON: ${error.message}`));
    }
    const duplicate = duplicateKeyIn(text, body);
    if (duplicate !== void 0) {
      const message = `malformed JSON: key ${show(duplicate)} appears twice in one object; only one value is allowed`;
      return done(new RequestError(400, message));
    }
    done(null, body);
  });
}

// src/serve/admin.ts
async function adminApi(server, token, req, res, method, path) {
  if (!token) {
    throw new RequestError(
      403,
      "the admin API is disabled: start the server with --admin-token or MLCI_ADMIN_TOKEN"
    );
  }
  const header = req.headers.authorization ?? "";
  if (!header.startsWith("Bearer ")) {
    res.setHeader("www-authenticate", 'Bearer realm="mlci-admin"');
    throw new RequestError(401, 'the admin API needs "Authorization: Bearer <token>"');
  }
  const given = Buffer.from(header.slice(7).trim());
  if (given.length !== token.length || !timingSafeEqual(given, token)) {
    throw new RequestError(403, "wrong admin token");
  }
  const key = `${method} ${path}`;
  if (key === "GET state") return sendJson(res, 200, server.state());
  if (key === "GET stats") return sendJson(res, 200, server.stats());
  if (key === "POST stats/reset") {
    return sendJson(res, 200, { since: server.resetStats() });
  }
  if (key === "POST promote") return sendJson(res, 200, server.promote());
  if (key === "POST rollback") return sendJson(res, 200, server.rollback());
  if (key === "POST reload") return sendJson(res, 200, await server.reload());
  const body = method === "POST" ? await readAdminBody(req) : {};
  if (key === "POST canary") {
    const version = parseVersion(body.version);
    const weight = body.weight === void 0 ? 0 : parseWeight(body.weight);
    const shadow = parseShadow(body.shadow);
    try {
      return sendJson(res, 200, await server.setCanary(version, weight, shadow));
    } catch (error) {
      if (error instanceof RequestError) throw error;
      throw new RequestError(422, `cannot load v${version}: ${describeError(error)}`);
    }
  }
  if (key === "POST weight") return sendJson(res, 200, server.setWeight(parseWeight(body.weight)));
  throw new RequestError(404, `no admin route ${method} /admin/${path}`);
}
async function readAdminBody(req) {
  const body = await new Promise(
    (resolve, reject) => readJson(req, 64 * 1024, (error, value) => error ? reject(error) : resolve(value))
  );
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new RequestError(400, "the admin call needs a JSON object body");
  return body;
}
function parseVersion(value) {
  const text = typeof value === "number" || typeof value === "string" ? String(value) : "";
  const match = /^v?(\d+)$/.exec(text);
  if (!match)
    throw new RequestError(400, `"version" must be a version such as 4 or "v4", got ${show(value)}`);
  return Number(match[1]);
}
function parseWeight(value) {
  if (typeof value !== "number") throw weightError(value);
  checkWeight(value);
  return value;
}
function parseShadow(value) {
  if (value === void 0 || typeof value === "boolean") return value;
  throw new RequestError(400, `"shadow" must be true or false, got ${show(value)}`);
}
function checkWeight(weight) {
  if (!Number.isFinite(weight) || weight < 0 || weight > 100) throw weightError(weight);
}
function weightError(value) {
  return new RequestError(400, `"weight" must be a percentage, a number from 0 to 100, got ${show(value)}`);
}

// src/serve/alias-watch.ts
var import_prom_client = __toESM(require_prom_client(), 1);
var AliasWatch = class {
  constructor(ref, resolve, served, metrics, onChange) {
    this.ref = ref;
    this.resolve = resolve;
    this.served = served;
    this.onChange = onChange;
    this.aliasVersion = new import_prom_client.Gauge({
      name: "mlci_alias_version",
      help: "The version the served alias points to in the registry at the last check (0: nowhere).",
      labelNames: ["model", "alias"],
      registers: [metrics]
    });
    const publish = () => this.publish();
    this.inStep = new import_prom_client.Gauge({
      name: "mlci_alias_in_step",
      help: "Whether the stable version served is the one the alias points to (1) or the alias moved (0).",
      labelNames: ["model", "alias"],
      registers: [metrics],
      // At scrape time: a reload changes the version served between two checks.
      collect: publish
    });
  }
  ref;
  resolve;
  served;
  onChange;
  pointsTo = null;
  checked = null;
  error = null;
  timer;
  aliasVersion;
  inStep;
  /** Starts watching: polls every `intervalMs` (the timer does not keep the process alive); 0 only on reload. */
  start(intervalMs) {
    this.pointsTo = this.served();
    this.publish();
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
  }
  /** Stops polling. */
  stop() {
    clearInterval(this.timer);
  }
  /** Resolves the alias now; tells `onChange` when it moved away from (or back to) the version served. */
  async check() {
    const before = this.pointsTo;
    try {
      const record = await this.resolve({ name: this.ref.name, alias: this.ref.alias });
      this.pointsTo = record?.version ?? null;
      this.error = null;
    } catch (error) {
      this.error = describeError(error);
    }
    this.checked = (/* @__PURE__ */ new Date()).toISOString();
    this.publish();
    if (this.pointsTo !== before && !this.error) {
      this.onChange({
        model: this.ref.name,
        alias: this.ref.alias,
        served: this.served(),
        pointsTo: this.pointsTo
      });
    }
    return this.status();
  }
  /** The version a reload should serve, checked now; null when already served. Refused (409) during a rollout. */
  async reloadTarget(canaryLoaded) {
    if (canaryLoaded)
      throw new RequestError(409, "a canary is loaded: finish or roll back the rollout first");
    const status = await this.check();
    if (status.error) throw new RequestError(503, `cannot read the registry: ${status.error}`);
    if (status.points_to === null)
      throw new RequestError(409, `alias "${this.ref.alias}" points to no version`);
    return status.in_step ? null : status.points_to;
  }
  /** The alias's target as last seen, beside the version served. */
  status() {
    const served = this.served();
    return {
      alias: this.ref.alias,
      points_to: this.pointsTo,
      served,
      in_step: this.pointsTo === served,
      checked: this.checked,
      error: this.error
    };
  }
  publish() {
    const labels = { model: this.ref.name, alias: this.ref.alias };
    this.aliasVersion.set(labels, this.pointsTo ?? 0);
    this.inStep.set(labels, this.pointsTo === this.served() ? 1 : 0);
  }
};
function aliasMoveLine(event) {
  const where = event.pointsTo === null ? "nowhere" : `v${event.pointsTo}`;
  return event.pointsTo === event.served ? `${event.model}@${event.alias} points to v${event.served} again: the server is in step with the registry` : `${event.model}@${event.alias} moved to ${where} in the registry; this server still serves v${event.served} (POST /admin/reload to serve it)`;
}
function startAliasWatch(options, split, metrics) {
  const { model, watchIntervalMs, source, onAliasMove } = options;
  if (!model.alias || !source.resolve) return void 0;
  const served = () => split.stable.handle.model.version;
  const watch = new AliasWatch(
    { ...model, alias: model.alias },
    source.resolve.bind(source),
    served,
    metrics,
    (event) => onAliasMove?.(aliasMoveLine(event))
  );
  watch.start(watchIntervalMs ?? 0);
  return watch;
}

// src/serve/metrics.ts
var import_prom_client2 = __toESM(require_prom_client(), 1);
var LATENCY_BUCKETS = [
  5e-4,
  1e-3,
  2e-3,
  3e-3,
  5e-3,
  75e-4,
  0.01,
  0.025,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5
];
var SCORE_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
var LeanHistogram = class {
  constructor(name, help, bounds) {
    this.name = name;
    this.help = help;
    this.bounds = bounds;
  }
  name;
  help;
  bounds;
  type = "histogram";
  aggregator = "sum";
  children = /* @__PURE__ */ new Map();
  /** The child of one label set; its observe does not allocate. */
  labels(labels) {
    const key = `${labels.model}\0${labels.version}\0${labels.variant}`;
    let child = this.children.get(key);
    if (!child) {
      child = { labels, counts: new Float64Array(this.bounds.length + 1), sum: 0, count: 0 };
      this.children.set(key, child);
    }
    const state = child;
    const bounds = this.bounds;
    return {
      observe(value) {
        let i = 0;
        while (i < bounds.length && value > bounds[i]) i++;
        state.counts[i] += 1;
        state.sum += value;
        state.count += 1;
      }
    };
  }
  /** prom-client's metric contract: the values to render. */
  async get() {
    const values = [];
    for (const child of this.children.values()) {
      let cumulative = 0;
      this.bounds.forEach((bound, i) => {
        cumulative += child.counts[i];
        values.push({
          labels: { le: bound, ...child.labels },
          value: cumulative,
          metricName: `${this.name}_bucket`
        });
      });
      cumulative += child.counts[this.bounds.length];
      values.push({
        labels: { le: "+Inf", ...child.labels },
        value: cumulative,
        metricName: `${this.name}_bucket`
      });
      values.push({ labels: child.labels, value: child.sum, metricName: `${this.name}_sum` });
      values.push({ labels: child.labels, value: child.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
  /** prom-client calls this on Registry.resetMetrics(). */
  reset() {
    this.children.clear();
  }
};
var BufferedCounter = class {
  constructor(child) {
    this.child = child;
  }
  child;
  pending = 0;
  inc() {
    this.pending += 1;
  }
  flush() {
    if (this.pending > 0) this.child.inc(this.pending);
    this.pending = 0;
  }
};
var ServerMetrics = class {
  registry = new import_prom_client2.Registry();
  requests;
  latency;
  scores;
  rejected;
  canaryWeight;
  modelInfo;
  buffered = /* @__PURE__ */ new Map();
  variants = /* @__PURE__ */ new Map();
  /** `inflight` reads the number of requests in progress at scrape time. */
  constructor(inflight, defaultMetrics = true) {
    const registers = [this.registry];
    const flush = () => this.flush();
    this.requests = new import_prom_client2.Counter({
      name: "mlci_requests_total",
      help: "Inference requests by model version, traffic variant (stable, canary) and HTTP status code.",
      labelNames: ["model", "version", "variant", "code"],
      registers,
      collect: flush
    });
    this.latency = new LeanHistogram(
      "mlci_request_duration_seconds",
      "Inference request latency from the request to the response, by version and variant.",
      LATENCY_BUCKETS
    );
    this.scores = new LeanHistogram(
      "mlci_prediction_score",
      "Prediction distribution: p(positive class) of a binary classifier, the class index of a multiclass one, the value of a regressor.",
      SCORE_BUCKETS
    );
    this.registry.registerMetric(this.latency);
    this.registry.registerMetric(this.scores);
    this.rejected = new import_prom_client2.Counter({
      name: "mlci_rejected_requests_total",
      help: "Requests answered with a 4xx status: malformed, oversized, invalid for the model, unknown model or route.",
      labelNames: ["code"],
      registers
    });
    this.canaryWeight = new import_prom_client2.Gauge({
      name: "mlci_canary_weight_percent",
      help: "Share of traffic routed to the canary version.",
      labelNames: ["model"],
      registers
    });
    this.modelInfo = new import_prom_client2.Gauge({
      name: "mlci_model_info",
      help: "Loaded model versions (value 1) with their sha256.",
      labelNames: ["model", "version", "variant", "sha256"],
      registers
    });
    new import_prom_client2.Gauge({
      name: "mlci_inflight_requests",
      help: "Requests being processed.",
      registers,
      collect() {
        this.set(inflight());
      }
    });
    if (defaultMetrics) (0, import_prom_client2.collectDefaultMetrics)({ register: this.registry });
  }
  /** The metrics of one version in one role (the same object for the same labels). */
  variant(model, version, variant) {
    const key = `${model}\0${version}\0${variant}`;
    const known = this.variants.get(key);
    if (known) return known;
    const labels = { model, version: `v${version}`, variant };
    const buffers = [];
    const track = (b) => (buffers.push(b), b);
    const failed = /* @__PURE__ */ new Map();
    const metrics = {
      latency: this.latency.labels(labels),
      ok: track(new BufferedCounter(this.requests.labels({ ...labels, code: "200" }))),
      failed: (code) => {
        let child = failed.get(code);
        if (!child) {
          child = track(new BufferedCounter(this.requests.labels({ ...labels, code: String(code) })));
          failed.set(code, child);
        }
        return child;
      },
      scores: this.scores.labels(labels)
    };
    this.buffered.set(key, buffers);
    this.variants.set(key, metrics);
    return metrics;
  }
  /** Hands every buffered observation to prom-client. */
  flush() {
    for (const buffers of this.buffered.values()) for (const b of buffers) b.flush();
  }
};

// src/serve/model.ts
import { createHash } from "node:crypto";

// src/serve/output.ts
var WARM_UP_ROW = "a row of zeros (the warm-up request)";
function planServedOutput(signature, task, source) {
  const floats = signature.outputs.filter((o) => o.type === "float");
  const wide = (name) => {
    const width = signature.outputs.find((o) => o.name === name)?.shape?.[1];
    return typeof width !== "number" || width >= 2;
  };
  const guessed = floats.some((o) => o.name === "probabilities") || floats.some((o) => o.shape?.length === 2 && wide(o.name));
  const kind = (task ? task !== "regression" : guessed) ? "classifier" : "regressor";
  const plan = planOutput(
    { source, signature },
    kind === "regressor" ? "regression" : task ?? "multiclass"
  );
  if (kind === "regressor") return { kind, plan };
  const outputs = plan.outputs.filter(wide);
  if (outputs.length === 0)
    throw new InputError(
      `${source}: mlci serve answers class probabilities from one float output [N, C]; output "${plan.outputs[0]}" has one column (p(class 1)): export both columns, [1 − p, p], as the output named "probabilities"`
    );
  return { kind, plan: { ...plan, outputs } };
}
function decideOutput(served, source, warmUp2) {
  const { plan } = served;
  const first = { name: plan.outputs[0], reason: plan.reason };
  if (served.kind === "regressor" || !warmUp2) return first;
  const finite = plan.outputs.filter((name) => !warmUp2.get(name).values.some(Number.isNaN));
  if (finite.length === 0) return first;
  const problems = [];
  for (const name of finite) {
    const values = warmUp2.get(name);
    const problem = probabilityProblem(values);
    if (!problem)
      return {
        name,
        reason: plan.rule === "fixed" ? plan.reason : `${plan.reason}; the first float output whose values are probabilities`
      };
    problems.push(problemText(name, values.width, problem));
  }
  throw new InputError(
    `${source}: no output holds class probabilities on ${WARM_UP_ROW}: ${problems.join("; ")}. To fix: export them (after softmax or sigmoid, each row summing to 1) as the output named "probabilities" (docs/training-convention.md)`
  );
}
function servedClasses(signature, graph, output, source) {
  const declared = declaredClasses(signature.metadata.classes, graph, source);
  if (declared) return declared;
  const width = signature.outputs.find((o) => o.name === output)?.shape?.[1];
  return typeof width === "number" ? Array.from({ length: width }, (_, i) => i) : null;
}
function checkProbabilities(source, output, data, width) {
  const problem = probabilityProblem({ values: data, width }, { skipNaNRows: true });
  if (!problem) return null;
  return `${source}: output "${output}" row ${problem.row} is (${problem.values.join(", ")}): ${problem.why}; it does not hold class probabilities for this request`;
}

// src/serve/model.ts
var ortModule;
function loadOrt() {
  ortModule ??= import("./native-IGEQGGP4.js").then((native) => native.loadOnnxRuntime());
  return ortModule;
}
function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
async function loadServedModel(bytes, options) {
  const source = `${options.name}@v${options.version}`;
  const sha256 = sha256Hex(bytes);
  if (options.sha256 && options.sha256 !== sha256) {
    throw new InputError(
      `${source}: sha256 mismatch: registry records ${options.sha256}, the model file has ${sha256}`
    );
  }
  const runnable = runnableModel(bytes, source);
  const signature = runnable.signature;
  const layout = inputLayout(signature, options.features, source);
  const planned = planServedOutput(signature, options.task, source);
  const ort = await loadOrt();
  let session;
  try {
    session = await ort.InferenceSession.create(runnable.bytes, {
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: "all",
      logSeverityLevel: 4
    });
  } catch (error) {
    throw new InputError(`${source}: onnxruntime cannot load the model: ${error.message}`);
  }
  const chosen = decideOutput(
    planned,
    source,
    await warmUp(session, layout, planned.plan.outputs, ort.Tensor)
  );
  const output = {
    ...chosen,
    kind: planned.kind,
    classes: planned.kind === "classifier" ? servedClasses(signature, runnable, chosen.name, source) : null
  };
  const fetches = [output.name];
  const extract = (result) => {
    const tensor = result[output.name];
    if (!tensor || !(tensor.data instanceof Float32Array)) {
      throw new ModelContractError(`${source}: output "${output.name}" is not a float tensor`);
    }
    const width = tensor.dims[1] ?? 1;
    const problem = output.kind === "classifier" ? checkProbabilities(source, output.name, tensor.data, width) : null;
    if (problem) throw new ModelContractError(problem);
    return { data: tensor.data, shape: tensor.dims };
  };
  return {
    name: options.name,
    version: options.version,
    sha256,
    signature,
    layout,
    output,
    run(feeds) {
      return session.run(feeds, fetches, RUN_OPTIONS).then(extract);
    },
    async release() {
      await session.release();
    }
  };
}
async function warmUp(session, layout, fetches, Tensor) {
  const feeds = {};
  if (layout.kind === "matrix") {
    const width = matrixWidth(layout);
    if (!width) return null;
    feeds[layout.input.name] = new Tensor("float32", new Float32Array(width), [1, width]);
  } else {
    for (const input of layout.inputs) {
      const dims = input.shape?.length === 1 ? [1] : [1, 1];
      if (input.type === "string") feeds[input.name] = new Tensor("string", [""], dims);
      else if (input.type === "int64") feeds[input.name] = new Tensor("int64", new BigInt64Array(1), dims);
      else if (input.type === "int32") feeds[input.name] = new Tensor("int32", new Int32Array(1), dims);
      else if (input.type === "double") feeds[input.name] = new Tensor("float64", new Float64Array(1), dims);
      else feeds[input.name] = new Tensor("float32", new Float32Array(1), dims);
    }
  }
  const result = await session.run(feeds, fetches, RUN_OPTIONS).catch(() => null);
  if (!result) return null;
  const values = /* @__PURE__ */ new Map();
  for (const name of fetches) {
    const tensor = result[name];
    if (!tensor || !(tensor.data instanceof Float32Array)) return null;
    values.set(name, { values: tensor.data, width: tensor.dims[1] ?? 1 });
  }
  return values;
}
var ModelContractError = class extends Error {
};
var RUN_OPTIONS = { logSeverityLevel: 4 };
var NUMERIC = /* @__PURE__ */ new Set(["float", "double", "int64", "int32"]);
function inputLayout(signature, configured, source) {
  const inputs = signature.inputs;
  if (inputs.length === 0) throw new InputError(`${source}: the model has no inputs`);
  const single = inputs[0];
  if (inputs.length === 1 && single.type === "float" && single.shape?.length === 2) {
    const width = single.shape[1];
    let features = configured ?? null;
    if (!features && signature.metadata.feature_names) {
      try {
        const parsed = JSON.parse(signature.metadata.feature_names);
        if (Array.isArray(parsed) && parsed.every((x) => typeof x === "string")) features = parsed;
      } catch {
        throw new InputError(`${source}: metadata feature_names is not a JSON array of column names`);
      }
    }
    if (features && typeof width === "number" && features.length !== width) {
      throw new InputError(`${source}: ${features.length} feature names for an input of width ${width}`);
    }
    return { kind: "matrix", input: single, features };
  }
  for (const input of inputs) {
    if (!NUMERIC.has(input.type) && input.type !== "string") {
      throw new InputError(
        `${source}: input "${input.name}" has type ${input.type}; expected float, int64 or string`
      );
    }
  }
  return { kind: "columns", inputs };
}

// src/serve/respond.ts
var DATATYPES = {
  float: "FP32",
  double: "FP64",
  int64: "INT64",
  int32: "INT32",
  string: "BYTES",
  bool: "BOOL"
};
function modelMetadata(name, versions, model, alias) {
  const tensor = (t) => ({
    name: t.name,
    datatype: DATATYPES[t.type] ?? t.type.toUpperCase(),
    shape: (t.shape ?? []).map((d) => typeof d === "number" ? d : -1)
  });
  return {
    name,
    versions: versions.map(String),
    platform: "onnxruntime_onnx",
    inputs: model.signature.inputs.map(tensor),
    outputs: model.signature.outputs.map(tensor),
    parameters: {
      version: model.version,
      sha256: model.sha256,
      feature_names: model.layout.kind === "matrix" ? model.layout.features : model.layout.inputs.map((i) => i.name),
      classes: model.output.classes,
      ...alias ? { alias } : {}
    }
  };
}
function renderPrediction(names, model, data, rows, width, protocol, body) {
  let cached;
  const array = () => cached ??= Array.from(data);
  const id = protocol === "v2" && typeof body.id === "string" ? body.id : void 0;
  if (model.output.kind === "regressor") {
    const flat = width === 1 ? array() : array().filter((_, i) => i % width === 0);
    if (protocol === "rows")
      return JSON.stringify({ predictions: flat, model_version: String(model.version) });
    return JSON.stringify({
      model_name: names.name,
      model_version: String(model.version),
      id,
      outputs: [{ name: model.output.name, datatype: "FP32", shape: [rows], data: flat }]
    });
  }
  const classes = model.output.classes;
  const labels = new Array(rows);
  const threshold = names.threshold;
  const positive = width === 2 && threshold !== void 0 ? positiveClassIndex(classes.map(String)) : 1;
  for (let r = 0; r < rows; r++) {
    const best = rowClass(data, r, width, threshold, positive);
    labels[r] = best < 0 ? null : classes[best];
  }
  if (protocol === "rows") {
    const probabilities = Array.from({ length: rows }, (_, r) => array().slice(r * width, (r + 1) * width));
    return JSON.stringify({ predictions: labels, probabilities, model_version: String(model.version) });
  }
  const stringLabels = typeof classes[0] === "string";
  if (id === void 0 && !stringLabels && allFinite(data)) {
    return `{"model_name":${names.nameJson},"model_version":"${model.version}","outputs":[{"name":"probabilities","datatype":"FP32","shape":[${rows},${width}],"data":[${data.join(",")}]},{"name":"label","datatype":"INT64","shape":[${rows}],"data":[${labels.join(",")}]}]}`;
  }
  return JSON.stringify({
    model_name: names.name,
    model_version: String(model.version),
    id,
    outputs: [
      { name: "probabilities", datatype: "FP32", shape: [rows, width], data: array() },
      { name: "label", datatype: stringLabels ? "BYTES" : "INT64", shape: [rows], data: labels }
    ]
  });
}
function logRows(log, name, variant, model, batch, data, width, latency, body, source) {
  const ts = (/* @__PURE__ */ new Date()).toISOString();
  const requestId = typeof body?.id === "string" ? body.id : void 0;
  for (let r = 0; r < batch.rows; r++) {
    const prediction = {};
    if (model.output.kind === "regressor") prediction.value = data[r * width];
    else {
      prediction.probabilities = Array.from(data.subarray(r * width, (r + 1) * width));
      const best = rowClass(data, r, width);
      if (best >= 0) prediction.label = model.output.classes?.[best] ?? best;
    }
    log.write({
      ts,
      model: name,
      version: model.version,
      variant,
      source,
      request_id: requestId,
      features: batch.row(r),
      prediction,
      latency_ms: Math.round(latency * 1e3) / 1e3
    });
  }
}
function allFinite(data) {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return false;
  return true;
}
function rowClass(data, r, width, threshold, positive = 1) {
  const at = r * width;
  if (data[at] !== data[at]) return -1;
  if (width === 2 && threshold !== void 0)
    return data[at + positive] > threshold ? positive : 1 - positive;
  let best = 0;
  for (let c = 1; c < width; c++) if (data[at + c] > data[at + best]) best = c;
  return best;
}

// src/serve/traffic-split.ts
var TrafficSplit = class {
  constructor(metrics, name) {
    this.metrics = metrics;
    this.name = name;
  }
  metrics;
  name;
  stable;
  canary = null;
  /** Percentage of requests routed to the canary. */
  weight = 0;
  shadow = false;
  since = /* @__PURE__ */ new Date();
  /** Starts with `model` as the stable version. */
  start(model) {
    this.stable = this.slot({ model, inflight: 0, retired: false }, "stable");
    this.publishInfo();
  }
  /** The version that answers a request: the pinned one, else the canary for its share of requests. */
  pick(version) {
    if (version !== void 0) return this.pinned(version);
    return this.canary && this.weight > 0 && Math.random() * 100 < this.weight ? this.canary : this.stable;
  }
  /** The loaded version `version`, or null. */
  pinned(version) {
    if (this.stable.handle.model.version === version) return this.stable;
    if (this.canary && this.canary.handle.model.version === version) return this.canary;
    return null;
  }
  /** The versions loaded, stable first. */
  versions() {
    return this.canary ? [this.stable.handle.model.version, this.canary.handle.model.version] : [this.stable.handle.model.version];
  }
  /** Makes `model` the canary (undefined keeps the loaded one) with `weight` % of traffic. */
  setCanary(model, weight, shadow) {
    if (model) {
      const previous = this.canary;
      this.canary = this.slot({ model, inflight: 0, retired: false }, "canary");
      this.resetStats();
      if (previous) this.retire(previous.handle);
    }
    this.weight = weight;
    this.shadow = shadow;
    this.publishInfo();
  }
  /** Changes the canary's share of traffic. */
  setWeight(weight) {
    if (!this.canary) throw new RequestError(409, "no canary is loaded");
    this.weight = weight;
    this.publishInfo();
  }
  /** Makes the canary stable; the old stable is released when its requests finish. */
  promote() {
    if (!this.canary) throw new RequestError(409, "no canary to promote");
    const old = this.stable;
    this.stable = this.slot(this.canary.handle, "stable");
    this.canary = null;
    this.weight = 0;
    this.since = /* @__PURE__ */ new Date();
    this.retire(old.handle);
    this.publishInfo();
  }
  /** Serves `model` as the stable version (a reload); the old one is released when its requests finish. */
  replaceStable(model) {
    if (this.canary) throw new RequestError(409, "a canary is loaded: finish or roll back the rollout first");
    const old = this.stable;
    this.stable = this.slot({ model, inflight: 0, retired: false }, "stable");
    this.since = /* @__PURE__ */ new Date();
    this.retire(old.handle);
    this.publishInfo();
  }
  /** Sends all traffic back to stable; the canary is released when its requests finish. */
  rollback() {
    if (this.canary) {
      const old = this.canary;
      this.canary = null;
      this.weight = 0;
      this.retire(old.handle);
    }
    this.publishInfo();
  }
  /** The analysis window since the last reset (or the last canary change). */
  window() {
    return {
      since: this.since.toISOString(),
      stable: this.stable.stats.snapshot(),
      canary: this.canary ? this.canary.stats.snapshot() : null,
      shadow: this.shadow
    };
  }
  /** Starts a new analysis window; returns its start time. */
  resetStats() {
    this.stable = this.slot(this.stable.handle, "stable");
    if (this.canary) this.canary = this.slot(this.canary.handle, "canary");
    this.since = /* @__PURE__ */ new Date();
    return this.since.toISOString();
  }
  /** One request less on a version; a retired version is released after its last request. */
  settle(handle) {
    handle.inflight -= 1;
    if (handle.retired && handle.inflight === 0) void handle.model.release().catch(() => void 0);
  }
  /** Frees every loaded version (on shutdown). */
  async release() {
    for (const slot of [this.stable, this.canary])
      if (slot) await slot.handle.model.release().catch(() => void 0);
  }
  slot(handle, role) {
    const model = handle.model;
    const kind = model.output.kind === "regressor" ? "value" : model.output.classes?.length === 2 ? "probability" : "class";
    return {
      handle,
      role,
      stats: new VariantStats(model.version, kind),
      metrics: this.metrics.variant(this.name, model.version, role),
      versionText: String(model.version)
    };
  }
  retire(handle) {
    handle.retired = true;
    if (handle.inflight === 0) void handle.model.release().catch(() => void 0);
  }
  publishInfo() {
    this.metrics.modelInfo.reset();
    for (const slot of [this.stable, this.canary]) {
      if (!slot) continue;
      const m = slot.handle.model;
      this.metrics.modelInfo.set(
        { model: this.name, version: `v${m.version}`, variant: slot.role, sha256: m.sha256 },
        1
      );
    }
    this.metrics.canaryWeight.set({ model: this.name }, this.canary ? this.weight : 0);
  }
};

// src/serve/server.ts
var ModelServer = class _ModelServer {
  constructor(options) {
    this.options = options;
    this.metrics = new ServerMetrics(() => this.inflight, options.processMetrics ?? true);
    this.split = new TrafficSplit(this.metrics, options.model.name);
    this.maxBody = options.maxBodyBytes ?? 1024 * 1024;
    this.maxRows = options.maxRows ?? 1e4;
    this.token = options.adminToken ? Buffer.from(options.adminToken) : void 0;
    this.names = {
      name: options.model.name,
      nameJson: JSON.stringify(options.model.name),
      threshold: options.threshold
    };
    this.inferPath = `/v2/models/${encodeURIComponent(options.model.name)}/infer`;
    const timeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    this.server = createServer(
      { keepAliveTimeout: 65e3, connectionsCheckingInterval: Math.max(50, Math.min(1e3, timeout / 20)) },
      (req, res) => this.onRequest(req, res)
    );
    this.server.requestTimeout = timeout;
    this.server.headersTimeout = timeout;
    this.server.on("clientError", (error, socket) => {
      const reply = socket.writable ? clientErrorReply(error, timeout) : null;
      if (!reply) return void socket.destroy();
      this.metrics.rejected.inc({ code: String(reply.status) });
      socket.end(reply.text);
    });
  }
  options;
  split;
  draining = false;
  inflight = 0;
  metrics;
  maxBody;
  maxRows;
  server;
  log;
  Tensor;
  drained;
  token;
  baseUrl = "";
  names;
  watch;
  /** The infer path of this model as clients normally write it, matched before the general router. */
  inferPath;
  /** One listener for every response (no closure per request). */
  onClose = () => {
    this.inflight -= 1;
    if (this.inflight === 0 && this.drained) this.drained();
  };
  /** Loads the stable version and starts listening. */
  static async start(options) {
    const server = new _ModelServer(options);
    server.Tensor = (await loadOrt()).Tensor;
    const model = await server.loadVersion(options.model);
    server.split.start(model);
    if (options.log) server.log = await PredictionLog.open(options.log);
    await new Promise((resolve, reject) => {
      server.server.once("error", (error) => reject(new InputError(`cannot listen: ${error.message}`)));
      server.server.listen(options.port ?? 8080, options.host ?? "127.0.0.1", () => resolve());
    });
    const address = server.server.address();
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    server.baseUrl = `http://${host}:${address.port}`;
    server.watch = startAliasWatch(options, server.split, server.metrics.registry);
    return server;
  }
  /** Base URL, e.g. http://127.0.0.1:8080. */
  get url() {
    return this.baseUrl;
  }
  /** The model name this server answers for. */
  get name() {
    return this.options.model.name;
  }
  /** Current routing state. */
  state() {
    const { stable, canary } = this.split;
    return {
      model: this.name,
      stable: { version: stable.handle.model.version, sha256: stable.handle.model.sha256 },
      canary: canary ? {
        version: canary.handle.model.version,
        sha256: canary.handle.model.sha256,
        weight: this.split.weight
      } : null,
      shadow: this.split.shadow,
      draining: this.draining
    };
  }
  /** Loads a version as the canary (or reuses the loaded one) and routes `weight` % of traffic to it. */
  async setCanary(version, weight, shadow = this.split.shadow) {
    checkWeight(weight);
    if (version === this.split.stable.handle.model.version) {
      throw new RequestError(409, `v${version} is already the stable version`);
    }
    const model = this.split.canary?.handle.model.version === version ? void 0 : await this.loadVersion({ name: this.name, version });
    this.split.setCanary(model, weight, shadow);
    return this.state();
  }
  /** Changes the canary's share of traffic. */
  setWeight(weight) {
    checkWeight(weight);
    this.split.setWeight(weight);
    return this.state();
  }
  /** Makes the canary the stable version at once; the old stable is released when its requests finish. */
  promote() {
    this.split.promote();
    return this.state();
  }
  /** Serves the version the watched alias points to now (refused during a rollout: docs/serving.md). */
  async reload() {
    if (!this.watch) throw new RequestError(409, "this server was started on a version, not a watched alias");
    const version = await this.watch.reloadTarget(this.split.canary !== null);
    if (version !== null) this.split.replaceStable(await this.loadVersion({ name: this.name, version }));
    return { ...this.state(), alias: this.watch.status() };
  }
  /** Sends all traffic back to stable and unloads the canary once its requests finish. */
  rollback() {
    this.split.rollback();
    return this.state();
  }
  /** The analysis window since the last reset (or the last canary change). */
  stats() {
    return this.split.window();
  }
  /** Starts a new analysis window; returns its start time. */
  resetStats() {
    return this.split.resetStats();
  }
  /**
   * Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then closes the
   * remaining connections and frees the models.
   */
  async close(graceMs = 1e4) {
    this.draining = true;
    this.watch?.stop();
    const closed = new Promise((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    if (this.inflight > 0) {
      await Promise.race([
        new Promise((resolve) => this.drained = resolve),
        new Promise((resolve) => setTimeout(resolve, graceMs).unref())
      ]);
    }
    this.server.closeAllConnections();
    await closed;
    await this.log?.close();
    await this.split.release();
  }
  async loadVersion(ref) {
    const { record, bytes } = await this.options.source.fetch(ref);
    return loadServedModel(bytes, {
      name: record.name,
      version: record.version,
      sha256: record.sha256,
      features: this.options.features,
      task: this.options.task
    });
  }
  onRequest(req, res) {
    this.inflight += 1;
    res.on("close", this.onClose);
    if (this.draining) res.setHeader("connection", "close");
    if (req.url === this.inferPath && req.method === "POST") {
      try {
        this.infer(req, res, this.name, void 0, "v2");
      } catch (error) {
        this.fail(res, error);
      }
      return;
    }
    this.route(req, res).catch((error) => this.fail(res, error));
  }
  /** Answers a failed request: its status and `{error}`; every 4xx counts as rejected, routed or not. */
  fail(res, error) {
    const status = error instanceof RequestError ? error.status : 500;
    const message = error instanceof RequestError ? error.message : `internal error: ${describeError(error)}`;
    if (status >= 400 && status < 500) this.metrics.rejected.inc({ code: String(status) });
    if ((status === 413 || this.draining) && !res.headersSent) res.setHeader("connection", "close");
    sendJson(res, status, { error: message });
  }
  async route(req, res) {
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const path = q < 0 ? raw : raw.slice(0, q);
    const method = req.method ?? "GET";
    if (path.startsWith("/v2/models/")) {
      const parts = path.slice(11).split("/");
      const name = decodeSegment(parts[0]);
      let version;
      let rest = parts.slice(1);
      if (rest[0] === "versions" && rest.length >= 2) {
        version = versionSegment(rest[1]);
        rest = rest.slice(2);
      }
      const action = rest.join("/");
      if (action === "infer" && method === "POST") return this.infer(req, res, name, version, "v2");
      this.requireModel(name, version);
      if (action === "" && method === "GET") {
        const slot = version !== void 0 ? this.split.pinned(version) : this.split.stable;
        const metadata = modelMetadata(
          this.name,
          this.split.versions(),
          slot.handle.model,
          this.watch?.status()
        );
        return sendJson(res, 200, metadata);
      }
      if (action === "ready" && method === "GET") return sendJson(res, 200, { name, ready: !this.draining });
      throw new RequestError(method === "GET" || method === "POST" ? 404 : 405, `no route ${method} ${path}`);
    }
    if (path.startsWith("/v1/models/") && path.endsWith(":predict") && method === "POST") {
      return this.infer(req, res, decodeSegment(path.slice(11, -8)), void 0, "rows");
    }
    if (method === "GET") {
      if (path === "/v2/health/live") return sendJson(res, 200, { live: true });
      if (path === "/v2/health/ready")
        return sendJson(res, this.draining ? 503 : 200, { ready: !this.draining });
      if (path === "/v2") {
        return sendJson(res, 200, { name: "mlci", version: "1", extensions: ["mlci-canary", "mlci-rows"] });
      }
      if (path === "/metrics") {
        const body = await this.metrics.registry.metrics();
        res.writeHead(200, { "content-type": this.metrics.registry.contentType });
        res.end(body);
        return;
      }
    }
    if (path.startsWith("/admin/")) return adminApi(this, this.token, req, res, method, path.slice(7));
    throw new RequestError(404, `no route ${method} ${path}`);
  }
  requireModel(name, version) {
    if (name !== this.name)
      throw new RequestError(404, `model ${show(name)} not found; this server serves "${this.name}"`);
    if (version !== void 0 && this.split.pinned(version) === null) {
      const loaded = this.split.versions().map((v) => `v${v}`).join(", ");
      throw new RequestError(404, `model "${name}" version ${version} is not loaded (loaded: ${loaded})`);
    }
  }
  /** Reads and scores one inference request; failures reach `fail` (a synchronous throw for an unknown model). */
  infer(req, res, name, version, protocol) {
    const started = performance.now();
    this.requireModel(name, version);
    const source = trafficSource(req.headers[TRAFFIC_HEADER]);
    readJson(req, this.maxBody, (error, body) => {
      if (error) return this.fail(res, error);
      try {
        this.score(res, body, started, version, protocol, source);
      } catch (unexpected) {
        this.fail(res, unexpected);
      }
    });
  }
  /** Routes a parsed request to a version, validates it, runs the model and answers. */
  score(res, body, started, version, protocol, source) {
    const slot = this.split.pick(version);
    const handle = slot.handle;
    handle.inflight += 1;
    let batch;
    try {
      batch = this.decode(body, handle.model, protocol);
    } catch (error) {
      this.failed(res, slot, body, protocol, started, error, false);
      return;
    }
    let running;
    try {
      running = handle.model.run(batch.feeds);
    } catch (error) {
      this.failed(res, slot, body, protocol, started, error, true);
      return;
    }
    running.then(
      ({ data }) => {
        try {
          this.answer(res, slot, batch, data, body, started, protocol, source);
        } catch (error) {
          this.failed(res, slot, body, protocol, started, error, true);
          return;
        }
        this.split.settle(handle);
      },
      (error) => this.failed(res, slot, body, protocol, started, error, true)
    );
  }
  /** Sends the prediction, then records metrics, statistics, the log and the shadow scoring. */
  answer(res, slot, batch, data, body, started, protocol, source) {
    const model = slot.handle.model;
    const width = data.length / batch.rows;
    if (!Number.isInteger(width) || model.output.kind === "classifier" && model.output.classes?.length !== width) {
      throw new ModelContractError(
        `v${model.version}: output "${model.output.name}" has ${data.length} values for ${batch.rows} rows`
      );
    }
    const scores = rowScores(data, batch.rows, slot.stats.scoreKind);
    const payload = renderPrediction(this.names, model, data, batch.rows, width, protocol, body);
    if (this.draining) res.setHeader("connection", "close");
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(payload),
      "mlci-model-version": slot.versionText,
      "mlci-variant": slot.role
    });
    res.end(payload);
    const latency = performance.now() - started;
    slot.metrics.ok.inc();
    slot.metrics.latency.observe(latency / 1e3);
    for (let i = 0; i < scores.length; i++) slot.metrics.scores.observe(scores[i]);
    slot.stats.record(latency, true, scores);
    if (this.log?.sample())
      logRows(this.log, this.name, slot.role, slot.handle.model, batch, data, width, latency, body, source);
    if (this.split.shadow && slot.role === "canary") this.shadowScore(slot, body, protocol, scores);
  }
  /**
   * Counts a failed request against its version when it is the version's fault, releases the
   * version and answers the error. `decoded`: the request passed validation.
   */
  failed(res, slot, body, protocol, started, error, decoded) {
    const model = slot.handle.model;
    const status = error instanceof RequestError ? error.status : 500;
    const counts = status >= 500 || !decoded && this.otherAccepts(slot, body, protocol);
    const latency = performance.now() - started;
    slot.metrics.failed(status).inc();
    if (counts) slot.stats.record(latency, false);
    this.split.settle(slot.handle);
    this.fail(
      res,
      error instanceof RequestError ? error : new RequestError(500, `v${model.version}: inference failed: ${describeError(error)}`)
    );
  }
  decode(body, model, protocol) {
    return protocol === "v2" ? decodeV2(body, model.layout, this.Tensor, this.maxRows) : decodeRows(body, model.layout, this.Tensor, this.maxRows);
  }
  otherAccepts(slot, body, protocol) {
    const other = slot.role === "canary" ? this.split.stable : this.split.canary;
    if (!other) return false;
    try {
      this.decode(body, other.handle.model, protocol);
      return true;
    } catch {
      return false;
    }
  }
  /**
   * Shadow mode: stable also scores the requests the canary answered, off the response path, so the
   * analysis compares both versions on the same rows. Only this direction: the cost stays bounded by
   * the canary's share and by stable's speed, even when the canary is slow.
   */
  shadowScore(canary, body, protocol, canaryScores) {
    const other = this.split.stable;
    const handle = other.handle;
    handle.inflight += 1;
    const done = () => this.split.settle(handle);
    setImmediate(() => {
      let batch;
      try {
        batch = this.decode(body, handle.model, protocol);
      } catch {
        other.stats.recordShadow(false);
        return done();
      }
      handle.model.run(batch.feeds).then(
        ({ data }) => {
          other.stats.recordShadow(true);
          canary.stats.recordPairs(canaryScores, rowScores(data, batch.rows, canary.stats.scoreKind));
        },
        () => other.stats.recordShadow(false)
      ).finally(done);
    });
  }
};

export {
  REQUEST_TIMEOUT_MS,
  ModelServer
};
