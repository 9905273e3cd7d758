import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  TRAFFIC_HEADER
} from "./chunk-VHONKP4V.js";
import {
  CheckFailedError,
  InputError
} from "./chunk-HRKM2MUG.js";

// src/deploy/http.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
var agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 256 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 256 })
};
function requestJson(method, url, options = {}) {
  const target = new URL(url);
  const secure = target.protocol === "https:";
  const payload = options.raw ?? (options.body === void 0 ? void 0 : JSON.stringify(options.body));
  const headers = { accept: "application/json" };
  if (payload !== void 0) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(payload));
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      target,
      { method, headers, agent: secure ? agents.https : agents.http, timeout: options.timeoutMs ?? 3e4 },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
          }
          resolve({ status: res.statusCode ?? 0, body, text, headers: res.headers });
        });
        res.on("error", reject);
      }
    );
    req.on(
      "timeout",
      () => req.destroy(new Error(`no answer from ${target.origin} within ${options.timeoutMs ?? 3e4} ms`))
    );
    req.on("error", reject);
    req.end(payload);
  });
}
async function adminCall(base, token, method, path, body) {
  let answer;
  try {
    answer = await requestJson(method, new URL(path, base).toString(), { body, token });
  } catch (error) {
    throw new InputError(`cannot reach the mlci server at ${base}: ${error.message}`);
  }
  if (answer.status === 401 || answer.status === 403) {
    throw new InputError(
      `the mlci server at ${base} refused the admin token (${answer.status}): ${errorText(answer)}`
    );
  }
  if (answer.status === 422)
    throw new CheckFailedError(`the mlci server could not load the canary: ${errorText(answer)}`);
  if (answer.status >= 400)
    throw new InputError(`${method} ${path} on ${base} failed (${answer.status}): ${errorText(answer)}`);
  return answer.body;
}
function errorText(answer) {
  const body = answer.body;
  return typeof body?.error === "string" ? body.error : answer.text.slice(0, 300);
}

// src/deploy/traffic.ts
import { readFile } from "node:fs/promises";
import { request as httpRequest2 } from "node:http";
import { request as httpsRequest2 } from "node:https";
import { performance } from "node:perf_hooks";
async function readReplayFile(path, drop = []) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new InputError(`replay file not found: ${path}`);
  }
  const lower = path.toLowerCase();
  const rows = [];
  const raw = [];
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
    text.split("\n").forEach((line, i) => {
      if (!line.trim()) return;
      let value;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new InputError(`${path}: line ${i + 1} is not JSON (${error.message})`);
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new InputError(`${path}: line ${i + 1} is not a JSON object`);
      }
      if ("inputs" in value) raw.push(line);
      else rows.push(withoutColumns(value, drop));
    });
  } else {
    const records = parseCsv(text, path).filter((cells) => !(cells.length === 1 && cells[0] === ""));
    const header = records.shift();
    if (!header) throw new InputError(`${path}: empty replay file`);
    records.forEach((cells, r) => {
      if (cells.length !== header.length) {
        throw new InputError(
          `${path}: row ${r + 2} has ${cells.length} cells, the header has ${header.length}`
        );
      }
    });
    const numeric = header.map(
      (_, j) => records.every((cells) => cells[j].trim() === "" || Number.isFinite(Number(cells[j])))
    );
    for (const cells of records) {
      const row = {};
      header.forEach((name, j) => {
        if (drop.includes(name)) return;
        const cell = cells[j];
        row[name] = numeric[j] ? cell.trim() === "" ? null : Number(cell) : cell;
      });
      rows.push(row);
    }
  }
  if (rows.length === 0 && raw.length === 0) throw new InputError(`${path}: no rows to replay`);
  return { rows, raw };
}
function replayBodies(replay, columns) {
  const keep = (row) => columns ? Object.fromEntries(columns.filter((c) => c in row).map((c) => [c, row[c]])) : row;
  return [...replay.raw, ...replay.rows.map((row) => JSON.stringify(rowBody(keep(row))))];
}
function rowBody(row) {
  return {
    inputs: Object.entries(row).map(
      ([name, value]) => typeof value === "string" ? { name, shape: [1], datatype: "BYTES", data: [value] } : { name, shape: [1], datatype: "FP32", data: [value] }
    )
  };
}
function withoutColumns(row, drop) {
  if (drop.length === 0) return row;
  return Object.fromEntries(Object.entries(row).filter(([k]) => !drop.includes(k)));
}
function parseCsv(text, source = "csv") {
  const records = [];
  let field = "";
  let record = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (quoted) throw new InputError(`${source}: unterminated quoted field`);
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
async function pacedLoad(options) {
  const { url, bodies, rate, count } = options;
  if (!(rate > 0)) throw new InputError(`replay rate must be positive, got ${rate}`);
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest2 : httpRequest2;
  const agent = target.protocol === "https:" ? agents.https : agents.http;
  const latencies = new Float64Array(count);
  let ok = 0;
  let failed = 0;
  let sent = 0;
  const gap = 1e3 / rate;
  const start = options.start ?? performance.now();
  const pending = [];
  const fire = (index, due) => new Promise((resolve) => {
    const payload = bodies[index % bodies.length];
    const finish = (status, body, headers) => {
      const latencyMs = performance.now() - due;
      latencies[index] = latencyMs;
      if (status >= 200 && status < 300) ok++;
      else failed++;
      options.onResult?.({ index, status, latencyMs, body, headers });
      resolve();
    };
    const req = send(
      target,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          ...options.source ? { [TRAFFIC_HEADER]: options.source } : {}
        }
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on(
          "end",
          () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8"), res.headers)
        );
        res.on("error", () => finish(0, "", {}));
      }
    );
    req.on("error", () => finish(0, "", {}));
    req.end(payload);
  });
  while (sent < count && !options.signal?.aborted) {
    const now = performance.now();
    while (sent < count && start + sent * gap <= now) {
      pending.push(fire(sent, start + sent * gap));
      sent++;
    }
    if (sent < count) {
      const wait = start + sent * gap - performance.now();
      await new Promise((resolve) => wait >= 1 ? setTimeout(resolve, wait) : setImmediate(resolve));
    }
  }
  await Promise.all(pending);
  const durationMs = performance.now() - start;
  const used = latencies.subarray(0, sent).sort();
  return { sent, ok, failed, latencies: used, achievedRate: sent / (durationMs / 1e3), durationMs };
}

export {
  requestJson,
  adminCall,
  readReplayFile,
  replayBodies,
  pacedLoad
};
