import { isUtf8 } from 'node:buffer';
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { describeError, InputError } from '../core/errors.js';
import type { ModelRef } from '../registry/types.js';
import {
  decodeRows,
  decodeV2,
  RequestError,
  show,
  type DecodedBatch,
  type TensorConstructor
} from './decode.js';
import { ServerMetrics, type VariantMetrics } from './metrics.js';
import { loadOrt, loadServedModel, ModelContractError, type ServedModel } from './model.js';
import {
  PredictionLog,
  TRAFFIC_HEADER,
  TRAFFIC_SOURCES,
  type PredictionLogOptions,
  type PredictionRecord,
  type TrafficSource
} from './prediction-log.js';
import type { ModelSource } from './source.js';
import { rowScores, VariantStats, type ScoreKind, type VariantWindow } from './stats.js';

/** Options of `mlci serve`. */
export interface ServerOptions {
  /** The model served at /v2/models/{name}. */
  model: ModelRef;
  source: ModelSource;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Bearer token of the admin API; without one the admin API is disabled. */
  adminToken?: string;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Most rows per request (default 10,000). */
  maxRows?: number;
  /** Time to receive a whole request, ms (default REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Column order of matrix models without feature_names metadata. */
  features?: string[];
  task?: 'binary' | 'multiclass' | 'regression';
  /** Binary decision threshold: positive when p1 > threshold (default argmax). */
  threshold?: number;
  log?: PredictionLogOptions;
  /** Export Node process metrics too (default true). */
  processMetrics?: boolean;
}

/** The routing state, as GET /admin/state reports it. */
export interface ServerState {
  model: string;
  stable: { version: number; sha256: string };
  canary: { version: number; sha256: string; weight: number } | null;
  shadow: boolean;
  draining: boolean;
}

/** The analysis window of both versions, as GET /admin/stats reports it. */
export interface StatsWindow {
  since: string;
  stable: VariantWindow;
  canary: VariantWindow | null;
  shadow: boolean;
}

interface Handle {
  model: ServedModel;
  inflight: number;
  retired: boolean;
}

interface Slot {
  handle: Handle;
  role: 'stable' | 'canary';
  stats: VariantStats;
  metrics: VariantMetrics;
  /** The version as text, for the response header. */
  versionText: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Time a client has to send a whole request (headers and body) before it gets a 408, in ms. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * An Open Inference Protocol (KServe v2 REST) server for one model with a stable and an optional
 * canary version. node:http with a small router: the fastest option measured here (bench/serve).
 */
export class ModelServer {
  private stable!: Slot;
  private canary: Slot | null = null;
  private weight = 0;
  private shadow = false;
  private draining = false;
  private inflight = 0;
  private since = new Date();
  private readonly metrics: ServerMetrics;
  private readonly maxBody: number;
  private readonly maxRows: number;
  private readonly server: Server;
  private log: PredictionLog | undefined;
  private Tensor!: TensorConstructor;
  private drained: (() => void) | undefined;
  private readonly token: Buffer | undefined;
  private baseUrl = '';
  private readonly nameJson: string;
  /** The infer path of this model as clients normally write it, matched before the general router. */
  private readonly inferPath: string;
  /** One listener for every response (no closure per request). */
  private readonly onClose = (): void => {
    this.inflight -= 1;
    if (this.inflight === 0 && this.drained) this.drained();
  };

  private constructor(private readonly options: ServerOptions) {
    this.metrics = new ServerMetrics(() => this.inflight, options.processMetrics ?? true);
    this.maxBody = options.maxBodyBytes ?? 1024 * 1024;
    this.maxRows = options.maxRows ?? 10_000;
    this.token = options.adminToken ? Buffer.from(options.adminToken) : undefined;
    this.nameJson = JSON.stringify(options.model.name);
    this.inferPath = `/v2/models/${encodeURIComponent(options.model.name)}/infer`;
    const timeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    // Node checks the timeouts every connectionsCheckingInterval (30 s by default), so a slow client
    // would otherwise get up to twice its time; check often enough to cut it within a few percent.
    this.server = createServer(
      { keepAliveTimeout: 65_000, connectionsCheckingInterval: Math.max(50, Math.min(1000, timeout / 20)) },
      (req, res) => this.onRequest(req, res)
    );
    this.server.requestTimeout = timeout;
    this.server.headersTimeout = timeout;
    this.server.on('clientError', (error: Error & { code?: string }, socket: Duplex) =>
      this.onClientError(error, socket, timeout)
    );
  }

  /** Loads the stable version and starts listening. */
  static async start(options: ServerOptions): Promise<ModelServer> {
    const server = new ModelServer(options);
    server.Tensor = (await loadOrt()).Tensor;
    const model = await server.loadVersion(options.model);
    server.stable = server.slot({ model, inflight: 0, retired: false }, 'stable');
    if (options.log) server.log = await PredictionLog.open(options.log);
    server.publishInfo();
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', (error) => reject(new InputError(`cannot listen: ${error.message}`)));
      server.server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = server.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    server.baseUrl = `http://${host}:${address.port}`;
    return server;
  }

  /** Base URL, e.g. http://127.0.0.1:8080. */
  get url(): string {
    return this.baseUrl;
  }

  /** The model name this server answers for. */
  get name(): string {
    return this.options.model.name;
  }

  /** Current routing state. */
  state(): ServerState {
    return {
      model: this.name,
      stable: { version: this.stable.handle.model.version, sha256: this.stable.handle.model.sha256 },
      canary: this.canary
        ? {
            version: this.canary.handle.model.version,
            sha256: this.canary.handle.model.sha256,
            weight: this.weight
          }
        : null,
      shadow: this.shadow,
      draining: this.draining
    };
  }

  /** Loads a version as the canary (or reuses the loaded one) and routes `weight` % of traffic to it. */
  async setCanary(version: number, weight: number, shadow = this.shadow): Promise<ServerState> {
    checkWeight(weight);
    if (version === this.stable.handle.model.version) {
      throw new RequestError(409, `v${version} is already the stable version`);
    }
    if (!this.canary || this.canary.handle.model.version !== version) {
      const model = await this.loadVersion({ name: this.name, version });
      const previous = this.canary;
      this.canary = this.slot({ model, inflight: 0, retired: false }, 'canary');
      this.resetStats();
      if (previous) this.retire(previous.handle);
    }
    this.weight = weight;
    this.shadow = shadow;
    this.publishInfo();
    return this.state();
  }

  /** Changes the canary's share of traffic. */
  setWeight(weight: number): ServerState {
    checkWeight(weight);
    if (!this.canary) throw new RequestError(409, 'no canary is loaded');
    this.weight = weight;
    this.publishInfo();
    return this.state();
  }

  /** Makes the canary the stable version at once; the old stable is released when its requests finish. */
  promote(): ServerState {
    if (!this.canary) throw new RequestError(409, 'no canary to promote');
    const old = this.stable;
    this.stable = this.slot(this.canary.handle, 'stable');
    this.canary = null;
    this.weight = 0;
    this.since = new Date();
    this.retire(old.handle);
    this.publishInfo();
    return this.state();
  }

  /** Sends all traffic back to stable and unloads the canary once its requests finish. */
  rollback(): ServerState {
    if (this.canary) {
      const old = this.canary;
      this.canary = null;
      this.weight = 0;
      this.retire(old.handle);
    }
    this.publishInfo();
    return this.state();
  }

  /** The analysis window since the last reset (or the last canary change). */
  stats(): StatsWindow {
    return {
      since: this.since.toISOString(),
      stable: this.stable.stats.snapshot(),
      canary: this.canary ? this.canary.stats.snapshot() : null,
      shadow: this.shadow
    };
  }

  /** Starts a new analysis window. */
  resetStats(): void {
    this.stable = this.slot(this.stable.handle, 'stable');
    if (this.canary) this.canary = this.slot(this.canary.handle, 'canary');
    this.since = new Date();
  }

  /**
   * Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then closes the
   * remaining connections and frees the models.
   */
  async close(graceMs = 10_000): Promise<void> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    if (this.inflight > 0) {
      await Promise.race([
        new Promise<void>((resolve) => (this.drained = resolve)),
        new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref())
      ]);
    }
    this.server.closeAllConnections();
    await closed;
    await this.log?.close();
    for (const slot of [this.stable, this.canary])
      if (slot) await slot.handle.model.release().catch(() => undefined);
  }

  private slot(handle: Handle, role: 'stable' | 'canary'): Slot {
    const model = handle.model;
    const kind: ScoreKind =
      model.output.kind === 'regressor'
        ? 'value'
        : model.output.classes?.length === 2
          ? 'probability'
          : 'class';
    return {
      handle,
      role,
      stats: new VariantStats(model.version, kind),
      metrics: this.metrics.variant(this.name, model.version, role),
      versionText: String(model.version)
    };
  }

  private retire(handle: Handle): void {
    handle.retired = true;
    if (handle.inflight === 0) void handle.model.release().catch(() => undefined);
  }

  private async loadVersion(ref: ModelRef): Promise<ServedModel> {
    const { record, bytes } = await this.options.source.fetch(ref);
    return loadServedModel(bytes, {
      name: record.name,
      version: record.version,
      sha256: record.sha256,
      features: this.options.features,
      task: this.options.task
    });
  }

  private publishInfo(): void {
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

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    this.inflight += 1;
    res.on('close', this.onClose);
    if (this.draining) res.setHeader('connection', 'close');
    if (req.url === this.inferPath && req.method === 'POST') {
      // The hot path skips the router and its promise.
      try {
        this.infer(req, res, this.name, undefined, 'v2');
      } catch (error) {
        this.fail(res, error);
      }
      return;
    }
    this.route(req, res).catch((error) => this.fail(res, error));
  }

  /**
   * Answers a request node's HTTP parser refused (malformed, headers or URL too large, too slow) with
   * a JSON error, as every other refusal, instead of node's bare status line.
   */
  private onClientError(error: Error & { code?: string }, socket: Duplex, timeout: number): void {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'the request headers (with the URL) are too large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, `the request did not arrive within ${timeout / 1000} s`]
          : [400, `malformed HTTP request (${error.code ?? error.message})`];
    this.metrics.rejected.inc({ code: String(status) });
    const body = JSON.stringify({ error: message });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
    );
  }

  /** Answers a failed request: its status and `{error}`, counted as rejected when it is a 4xx. */
  private fail(res: ServerResponse, error: unknown): void {
    const status = error instanceof RequestError ? error.status : 500;
    const message = error instanceof RequestError ? error.message : `internal error: ${describeError(error)}`;
    if (status >= 400 && status < 500) this.metrics.rejected.inc({ code: String(status) });
    // The rest of an oversized body is not read: close the connection rather than parse it as a request.
    if ((status === 413 || this.draining) && !res.headersSent) res.setHeader('connection', 'close');
    sendJson(res, status, { error: message });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q < 0 ? raw : raw.slice(0, q);
    const method = req.method ?? 'GET';
    if (path.startsWith('/v2/models/')) {
      const parts = path.slice(11).split('/');
      const name = decodeSegment(parts[0]);
      let version: number | undefined;
      let rest = parts.slice(1);
      if (rest[0] === 'versions' && rest.length >= 2) {
        version = /^v?(\d+)$/.test(rest[1]) ? Number(rest[1].replace(/^v/, '')) : NaN;
        rest = rest.slice(2);
      }
      const action = rest.join('/');
      if (action === 'infer' && method === 'POST') return this.infer(req, res, name, version, 'v2');
      this.requireModel(name, version);
      if (action === '' && method === 'GET') return sendJson(res, 200, this.metadata(version));
      if (action === 'ready' && method === 'GET') return sendJson(res, 200, { name, ready: !this.draining });
      throw new RequestError(method === 'GET' || method === 'POST' ? 404 : 405, `no route ${method} ${path}`);
    }
    if (path.startsWith('/v1/models/') && path.endsWith(':predict') && method === 'POST') {
      return this.infer(req, res, decodeSegment(path.slice(11, -8)), undefined, 'rows');
    }
    if (method === 'GET') {
      if (path === '/v2/health/live') return sendJson(res, 200, { live: true });
      if (path === '/v2/health/ready')
        return sendJson(res, this.draining ? 503 : 200, { ready: !this.draining });
      if (path === '/v2') {
        return sendJson(res, 200, { name: 'mlci', version: '1', extensions: ['mlci-canary', 'mlci-rows'] });
      }
      if (path === '/metrics') {
        const body = await this.metrics.registry.metrics();
        res.writeHead(200, { 'content-type': this.metrics.registry.contentType });
        res.end(body);
        return;
      }
    }
    if (path.startsWith('/admin/')) return this.admin(req, res, method, path.slice(7));
    throw new RequestError(404, `no route ${method} ${path}`);
  }

  private requireModel(name: string, version?: number): void {
    if (name !== this.name)
      throw new RequestError(404, `model ${show(name)} not found; this server serves "${this.name}"`);
    if (version !== undefined && this.pinned(version) === null) {
      const loaded = [this.stable, this.canary].filter(Boolean).map((s) => `v${s!.handle.model.version}`);
      throw new RequestError(
        404,
        `model "${name}" version ${version} is not loaded (loaded: ${loaded.join(', ')})`
      );
    }
  }

  private pinned(version: number): Slot | null {
    if (this.stable.handle.model.version === version) return this.stable;
    if (this.canary && this.canary.handle.model.version === version) return this.canary;
    return null;
  }

  private metadata(version?: number): unknown {
    const model = (version !== undefined ? this.pinned(version)! : this.stable).handle.model;
    const tensor = (t: { name: string; type: string; shape: (number | string | null)[] | null }) => ({
      name: t.name,
      datatype: DATATYPES[t.type] ?? t.type.toUpperCase(),
      shape: (t.shape ?? []).map((d) => (typeof d === 'number' ? d : -1))
    });
    return {
      name: this.name,
      versions: [this.stable, this.canary].filter(Boolean).map((s) => String(s!.handle.model.version)),
      platform: 'onnxruntime_onnx',
      inputs: model.signature.inputs.map(tensor),
      outputs: model.signature.outputs.map(tensor),
      parameters: {
        version: model.version,
        sha256: model.sha256,
        feature_names:
          model.layout.kind === 'matrix' ? model.layout.features : model.layout.inputs.map((i) => i.name),
        classes: model.output.classes
      }
    };
  }

  /** Reads and scores one inference request; failures reach `fail` (a synchronous throw for an unknown model). */
  private infer(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    version: number | undefined,
    protocol: 'v2' | 'rows'
  ): void {
    const started = performance.now();
    this.requireModel(name, version);
    const source = trafficSource(req.headers[TRAFFIC_HEADER]);
    readJson(req, this.maxBody, (error, body) => {
      if (error) return this.fail(res, error);
      try {
        this.score(res, body, started, version, protocol, source);
      } catch (unexpected) {
        // Called from a stream event: an escaped error would take the process down.
        this.fail(res, unexpected);
      }
    });
  }

  /** Routes a parsed request to a version, validates it, runs the model and answers. */
  private score(
    res: ServerResponse,
    body: unknown,
    started: number,
    version: number | undefined,
    protocol: 'v2' | 'rows',
    source: TrafficSource | undefined
  ): void {
    const slot =
      version !== undefined
        ? this.pinned(version)!
        : this.canary && this.weight > 0 && Math.random() * 100 < this.weight
          ? this.canary
          : this.stable;
    const handle = slot.handle;
    handle.inflight += 1;
    let batch: DecodedBatch;
    try {
      batch = this.decode(body, handle.model, protocol);
    } catch (error) {
      this.failed(res, slot, body, protocol, started, error, false);
      return;
    }
    let running: ReturnType<ServedModel['run']>;
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
        this.settle(handle);
      },
      (error: unknown) => this.failed(res, slot, body, protocol, started, error, true)
    );
  }

  /** Sends the prediction, then records metrics, statistics, the log and the shadow scoring. */
  private answer(
    res: ServerResponse,
    slot: Slot,
    batch: DecodedBatch,
    data: Float32Array,
    body: unknown,
    started: number,
    protocol: 'v2' | 'rows',
    source: TrafficSource | undefined
  ): void {
    const model = slot.handle.model;
    const width = data.length / batch.rows;
    if (
      !Number.isInteger(width) ||
      (model.output.kind === 'classifier' && model.output.classes?.length !== width)
    ) {
      throw new ModelContractError(
        `v${model.version}: output "${model.output.name}" has ${data.length} values for ${batch.rows} rows`
      );
    }
    const scores = rowScores(data, batch.rows, slot.stats.scoreKind);
    const payload = this.respond(model, data, batch.rows, width, protocol, body);
    if (this.draining) res.setHeader('connection', 'close');
    // A content-length (not chunked encoding) lets node send head and body in one write.
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
      'mlci-model-version': slot.versionText,
      'mlci-variant': slot.role
    });
    res.end(payload);
    const latency = performance.now() - started;
    slot.metrics.ok.inc();
    slot.metrics.latency.observe(latency / 1000);
    for (let i = 0; i < scores.length; i++) slot.metrics.scores.observe(scores[i]);
    slot.stats.record(latency, true, scores);
    if (this.log?.sample()) this.logRows(slot, batch, data, width, latency, body, source);
    if (this.shadow && slot.role === 'canary') this.shadowScore(slot, body, protocol, scores);
  }

  /**
   * Counts a failed request against its version when it is the version's fault, releases the
   * version and answers the error. `decoded`: the request passed validation.
   */
  private failed(
    res: ServerResponse,
    slot: Slot,
    body: unknown,
    protocol: 'v2' | 'rows',
    started: number,
    error: unknown,
    decoded: boolean
  ): void {
    const model = slot.handle.model;
    const status = error instanceof RequestError ? error.status : 500;
    // A request the other version accepts but this one rejects is this version's fault (a broken
    // contract); a request every version rejects is the client's and does not count against it.
    const counts = status >= 500 || (!decoded && this.otherAccepts(slot, body, protocol));
    const latency = performance.now() - started;
    slot.metrics.failed(status).inc();
    if (counts) slot.stats.record(latency, false);
    this.settle(slot.handle);
    this.fail(
      res,
      error instanceof RequestError
        ? error
        : new RequestError(500, `v${model.version}: inference failed: ${describeError(error)}`)
    );
  }

  /** One request less on a version; a retired version is released after its last request. */
  private settle(handle: Handle): void {
    handle.inflight -= 1;
    if (handle.retired && handle.inflight === 0) void handle.model.release().catch(() => undefined);
  }

  private decode(body: unknown, model: ServedModel, protocol: 'v2' | 'rows'): DecodedBatch {
    return protocol === 'v2'
      ? decodeV2(body, model.layout, this.Tensor, this.maxRows)
      : decodeRows(body, model.layout, this.Tensor, this.maxRows);
  }

  private otherAccepts(slot: Slot, body: unknown, protocol: 'v2' | 'rows'): boolean {
    const other = slot.role === 'canary' ? this.stable : this.canary;
    if (!other) return false;
    try {
      this.decode(body, other.handle.model, protocol);
      return true;
    } catch {
      return false;
    }
  }

  private respond(
    model: ServedModel,
    data: Float32Array,
    rows: number,
    width: number,
    protocol: 'v2' | 'rows',
    body: unknown
  ): string {
    let cached: number[] | undefined;
    const array = () => (cached ??= Array.from(data));
    const id =
      protocol === 'v2' && typeof (body as { id?: unknown }).id === 'string'
        ? (body as { id: string }).id
        : undefined;
    if (model.output.kind === 'regressor') {
      const flat = width === 1 ? array() : array().filter((_, i) => i % width === 0);
      if (protocol === 'rows')
        return JSON.stringify({ predictions: flat, model_version: String(model.version) });
      return JSON.stringify({
        model_name: this.name,
        model_version: String(model.version),
        id,
        outputs: [{ name: model.output.name, datatype: 'FP32', shape: [rows], data: flat }]
      });
    }
    const classes = model.output.classes!;
    const labels = new Array<string | number>(rows);
    const threshold = this.options.threshold;
    for (let r = 0; r < rows; r++) {
      let best = 0;
      if (width === 2 && threshold !== undefined) best = data[r * 2 + 1] > threshold ? 1 : 0;
      else for (let c = 1; c < width; c++) if (data[r * width + c] > data[r * width + best]) best = c;
      labels[r] = classes[best];
    }
    if (protocol === 'rows') {
      const probabilities = Array.from({ length: rows }, (_, r) => array().slice(r * width, (r + 1) * width));
      return JSON.stringify({ predictions: labels, probabilities, model_version: String(model.version) });
    }
    const stringLabels = typeof classes[0] === 'string';
    if (id === undefined && !stringLabels && allFinite(data)) {
      // The common case, serialised by hand: a third of the time JSON.stringify takes here.
      return (
        `{"model_name":${this.nameJson},"model_version":"${model.version}","outputs":[{"name":"probabilities",` +
        `"datatype":"FP32","shape":[${rows},${width}],"data":[${data.join(',')}]},{"name":"label","datatype":"INT64",` +
        `"shape":[${rows}],"data":[${labels.join(',')}]}]}`
      );
    }
    return JSON.stringify({
      model_name: this.name,
      model_version: String(model.version),
      id,
      outputs: [
        { name: 'probabilities', datatype: 'FP32', shape: [rows, width], data: array() },
        { name: 'label', datatype: stringLabels ? 'BYTES' : 'INT64', shape: [rows], data: labels }
      ]
    });
  }

  private logRows(
    slot: Slot,
    batch: DecodedBatch,
    data: Float32Array,
    width: number,
    latency: number,
    body: unknown,
    source: TrafficSource | undefined
  ) {
    const model = slot.handle.model;
    const ts = new Date().toISOString();
    const requestId =
      typeof (body as { id?: unknown })?.id === 'string' ? (body as { id: string }).id : undefined;
    for (let r = 0; r < batch.rows; r++) {
      const prediction: PredictionRecord['prediction'] = {};
      if (model.output.kind === 'regressor') prediction.value = data[r * width];
      else {
        prediction.probabilities = Array.from(data.subarray(r * width, (r + 1) * width));
        let best = 0;
        for (let c = 1; c < width; c++) if (data[r * width + c] > data[r * width + best]) best = c;
        prediction.label = model.output.classes?.[best] ?? best;
      }
      this.log!.write({
        ts,
        model: this.name,
        version: model.version,
        variant: slot.role,
        source,
        request_id: requestId,
        features: batch.row(r),
        prediction,
        latency_ms: Math.round(latency * 1000) / 1000
      });
    }
  }

  /**
   * Shadow mode: stable also scores the requests the canary answered, off the response path, so the
   * analysis compares both versions on the same rows. Only this direction: the cost stays bounded by
   * the canary's share and by stable's speed, even when the canary is slow.
   */
  private shadowScore(
    canary: Slot,
    body: unknown,
    protocol: 'v2' | 'rows',
    canaryScores: Float64Array
  ): void {
    const other = this.stable;
    const handle = other.handle;
    handle.inflight += 1;
    const done = () => this.settle(handle);
    setImmediate(() => {
      let batch: DecodedBatch;
      try {
        batch = this.decode(body, handle.model, protocol);
      } catch {
        other.stats.recordShadow(false);
        return done();
      }
      handle.model
        .run(batch.feeds)
        .then(
          ({ data }) => {
            other.stats.recordShadow(true);
            canary.stats.recordPairs(canaryScores, rowScores(data, batch.rows, canary.stats.scoreKind));
          },
          () => other.stats.recordShadow(false)
        )
        .finally(done);
    });
  }

  private async admin(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string
  ): Promise<void> {
    if (!this.token) {
      throw new RequestError(
        403,
        'the admin API is disabled: start the server with --admin-token or MLCI_ADMIN_TOKEN'
      );
    }
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) {
      res.setHeader('www-authenticate', 'Bearer realm="mlci-admin"');
      throw new RequestError(401, 'the admin API needs "Authorization: Bearer <token>"');
    }
    const given = Buffer.from(header.slice(7).trim());
    if (given.length !== this.token.length || !timingSafeEqual(given, this.token)) {
      throw new RequestError(403, 'wrong admin token');
    }
    const key = `${method} ${path}`;
    if (key === 'GET state') return sendJson(res, 200, this.state());
    if (key === 'GET stats') return sendJson(res, 200, this.stats());
    if (key === 'POST stats/reset') {
      this.resetStats();
      return sendJson(res, 200, { since: this.since.toISOString() });
    }
    if (key === 'POST promote') return sendJson(res, 200, this.promote());
    if (key === 'POST rollback') return sendJson(res, 200, this.rollback());
    const body =
      method === 'POST'
        ? ((await new Promise<unknown>((resolve, reject) =>
            readJson(req, 64 * 1024, (error, value) => (error ? reject(error) : resolve(value)))
          )) as Record<string, unknown>)
        : {};
    if (key === 'POST canary') {
      const version = parseVersion(body.version);
      const weight = Number(body.weight ?? 0);
      try {
        return sendJson(
          res,
          200,
          await this.setCanary(version, weight, body.shadow === undefined ? undefined : Boolean(body.shadow))
        );
      } catch (error) {
        if (error instanceof RequestError) throw error;
        throw new RequestError(422, `cannot load v${version}: ${describeError(error)}`);
      }
    }
    if (key === 'POST weight') return sendJson(res, 200, this.setWeight(Number(body.weight)));
    throw new RequestError(404, `no admin route ${method} /admin/${path}`);
  }
}

const DATATYPES: Record<string, string> = {
  float: 'FP32',
  double: 'FP64',
  int64: 'INT64',
  int32: 'INT32',
  string: 'BYTES',
  bool: 'BOOL'
};

/** Whether every value is finite (JSON has no NaN or Infinity; JSON.stringify turns them into null). */
function allFinite(data: Float32Array): boolean {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return false;
  return true;
}

function parseVersion(value: unknown): number {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  const match = /^v?(\d+)$/.exec(text);
  if (!match)
    throw new RequestError(400, `"version" must be a version such as 4 or "v4", got ${show(value)}`);
  return Number(match[1]);
}

function checkWeight(weight: number): void {
  if (!Number.isFinite(weight) || weight < 0 || weight > 100) {
    throw new RequestError(400, `"weight" must be a percentage 0..100, got ${weight}`);
  }
}

/** The TRAFFIC_HEADER of a request: undefined for ordinary traffic, else one of TRAFFIC_SOURCES. */
function trafficSource(value: string | string[] | undefined): TrafficSource | undefined {
  if (value === undefined) return undefined;
  if (TRAFFIC_SOURCES.includes(value as TrafficSource)) return value as TrafficSource;
  throw new RequestError(
    400,
    `header ${TRAFFIC_HEADER}: ${show(String(value))}, expected ${TRAFFIC_SOURCES.join(' or ')}`
  );
}

/** A percent-encoded URL segment, decoded; a malformed escape is the client's error. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RequestError(400, `malformed percent-encoding in the URL: ${show(segment)}`);
  }
}

/** Whether a content-type names JSON (application/json or a +json type, any parameters). */
function isJsonType(type: string): boolean {
  const media = type.split(';', 1)[0].trim().toLowerCase();
  return media === 'application/json' || (media.startsWith('application/') && media.endsWith('+json'));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Reads a JSON body up to `limit` bytes and calls back once: 413 beyond it, 400 on malformed JSON.
 * A callback rather than a promise: it runs on every request.
 */
function readJson(
  req: IncomingMessage,
  limit: number,
  done: (error: RequestError | null, body?: unknown) => void
): void {
  const type = req.headers['content-type'];
  if (type !== undefined && type !== 'application/json' && !isJsonType(type)) {
    req.resume();
    done(new RequestError(415, `content-type ${show(type)} is not JSON; send application/json`));
    return;
  }
  const declared = Number(req.headers['content-length'] ?? -1);
  if (declared > limit) {
    req.resume();
    done(new RequestError(413, `request body of ${declared} bytes exceeds the limit of ${limit}`));
    return;
  }
  let first: Buffer | undefined;
  let chunks: Buffer[] | undefined;
  let size = 0;
  let failed = false;
  req.on('data', (chunk: Buffer) => {
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
  req.on('error', (error) => {
    if (!failed) done(new RequestError(400, `could not read the request: ${error.message}`));
    failed = true;
  });
  req.on('end', () => {
    if (failed) return;
    failed = true;
    const bytes = chunks ? Buffer.concat(chunks) : first;
    if (bytes && !isUtf8(bytes)) return done(new RequestError(400, 'the request body is not valid UTF-8'));
    const text = bytes ? bytes.toString('utf8') : '';
    if (text.length === 0) return done(new RequestError(400, 'empty request body; expected JSON'));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return done(new RequestError(400, `malformed JSON: ${(error as Error).message}`));
    }
    done(null, body);
  });
}
