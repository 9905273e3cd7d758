import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import { describeError, InputError } from '../core/errors.js';
import type { ModelRef } from '../registry/types.js';
import { adminApi, checkWeight } from './admin.js';
import { startAliasWatch, type AliasStatus, type AliasWatch } from './alias-watch.js';
import {
  decodeRows,
  decodeV2,
  RequestError,
  show,
  type DecodedBatch,
  type TensorConstructor
} from './decode.js';
import {
  clientErrorReply,
  decodeSegment,
  readJson,
  REQUEST_TIMEOUT_MS,
  sendJson,
  trafficSource,
  versionSegment
} from './http.js';
import { ServerMetrics } from './metrics.js';
import { loadOrt, loadServedModel, ModelContractError, type ServedModel } from './model.js';
import type { ServerOptions, ServerState } from './options.js';
import { PredictionLog, TRAFFIC_HEADER, type TrafficSource } from './prediction-log.js';
import { logRows, modelMetadata, renderPrediction, type ResponseNames } from './respond.js';
import { rowScores } from './stats.js';
import { TrafficSplit, type Slot, type StatsWindow } from './traffic-split.js';

export { REQUEST_TIMEOUT_MS } from './http.js';
export type { StatsWindow } from './traffic-split.js';
export type { ServerOptions, ServerState } from './options.js';

/**
 * An Open Inference Protocol (KServe v2 REST) server for one model with a stable and an optional
 * canary version. node:http with a small router: the fastest option measured here (bench/serve).
 */
export class ModelServer {
  private readonly split: TrafficSplit;
  private draining = false;
  private inflight = 0;
  private readonly metrics: ServerMetrics;
  private readonly maxBody: number;
  private readonly maxRows: number;
  private readonly server: Server;
  private log: PredictionLog | undefined;
  private Tensor!: TensorConstructor;
  private drained: (() => void) | undefined;
  private readonly token: Buffer | undefined;
  private baseUrl = '';
  private readonly names: ResponseNames;
  private watch: AliasWatch | undefined;
  /** The infer path of this model as clients normally write it, matched before the general router. */
  private readonly inferPath: string;
  /** One listener for every response (no closure per request). */
  private readonly onClose = (): void => {
    this.inflight -= 1;
    if (this.inflight === 0 && this.drained) this.drained();
  };

  private constructor(private readonly options: ServerOptions) {
    this.metrics = new ServerMetrics(() => this.inflight, options.processMetrics ?? true);
    this.split = new TrafficSplit(this.metrics, options.model.name);
    this.maxBody = options.maxBodyBytes ?? 1024 * 1024;
    this.maxRows = options.maxRows ?? 10_000;
    this.token = options.adminToken ? Buffer.from(options.adminToken) : undefined;
    this.names = {
      name: options.model.name,
      nameJson: JSON.stringify(options.model.name),
      threshold: options.threshold
    };
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
    this.server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
      const reply = socket.writable ? clientErrorReply(error, timeout) : null;
      if (!reply) return void socket.destroy();
      this.metrics.rejected.inc({ code: String(reply.status) });
      socket.end(reply.text);
    });
  }

  /** Loads the stable version and starts listening. */
  static async start(options: ServerOptions): Promise<ModelServer> {
    const server = new ModelServer(options);
    server.Tensor = (await loadOrt()).Tensor;
    const model = await server.loadVersion(options.model);
    server.split.start(model);
    if (options.log) server.log = await PredictionLog.open(options.log);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', (error) => reject(new InputError(`cannot listen: ${error.message}`)));
      server.server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = server.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    server.baseUrl = `http://${host}:${address.port}`;
    server.watch = startAliasWatch(options, server.split, server.metrics.registry);
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
    const { stable, canary } = this.split;
    return {
      model: this.name,
      stable: { version: stable.handle.model.version, sha256: stable.handle.model.sha256 },
      canary: canary
        ? {
            version: canary.handle.model.version,
            sha256: canary.handle.model.sha256,
            weight: this.split.weight
          }
        : null,
      shadow: this.split.shadow,
      draining: this.draining
    };
  }

  /** Loads a version as the canary (or reuses the loaded one) and routes `weight` % of traffic to it. */
  async setCanary(version: number, weight: number, shadow = this.split.shadow): Promise<ServerState> {
    checkWeight(weight);
    if (version === this.split.stable.handle.model.version) {
      throw new RequestError(409, `v${version} is already the stable version`);
    }
    const model =
      this.split.canary?.handle.model.version === version
        ? undefined
        : await this.loadVersion({ name: this.name, version });
    this.split.setCanary(model, weight, shadow);
    return this.state();
  }

  /** Changes the canary's share of traffic. */
  setWeight(weight: number): ServerState {
    checkWeight(weight);
    this.split.setWeight(weight);
    return this.state();
  }

  /** Makes the canary the stable version at once; the old stable is released when its requests finish. */
  promote(): ServerState {
    this.split.promote();
    return this.state();
  }

  /** Serves the version the watched alias points to now (refused during a rollout: docs/serving.md). */
  async reload(): Promise<ServerState & { alias: AliasStatus }> {
    if (!this.watch) throw new RequestError(409, 'this server was started on a version, not a watched alias');
    const version = await this.watch.reloadTarget(this.split.canary !== null);
    if (version !== null) this.split.replaceStable(await this.loadVersion({ name: this.name, version }));
    return { ...this.state(), alias: this.watch.status() };
  }

  /** Sends all traffic back to stable and unloads the canary once its requests finish. */
  rollback(): ServerState {
    this.split.rollback();
    return this.state();
  }

  /** The analysis window since the last reset (or the last canary change). */
  stats(): StatsWindow {
    return this.split.window();
  }

  /** Starts a new analysis window; returns its start time. */
  resetStats(): string {
    return this.split.resetStats();
  }

  /**
   * Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then closes the
   * remaining connections and frees the models.
   */
  async close(graceMs = 10_000): Promise<void> {
    this.draining = true;
    this.watch?.stop();
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
    await this.split.release();
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

  /** Answers a failed request: its status and `{error}`; every 4xx counts as rejected, routed or not. */
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
        version = versionSegment(rest[1]);
        rest = rest.slice(2);
      }
      const action = rest.join('/');
      if (action === 'infer' && method === 'POST') return this.infer(req, res, name, version, 'v2');
      this.requireModel(name, version);
      if (action === '' && method === 'GET') {
        const slot = version !== undefined ? this.split.pinned(version)! : this.split.stable;
        const metadata = modelMetadata(
          this.name,
          this.split.versions(),
          slot.handle.model,
          this.watch?.status()
        );
        return sendJson(res, 200, metadata);
      }
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
    if (path.startsWith('/admin/')) return adminApi(this, this.token, req, res, method, path.slice(7));
    throw new RequestError(404, `no route ${method} ${path}`);
  }

  private requireModel(name: string, version?: number): void {
    if (name !== this.name)
      throw new RequestError(404, `model ${show(name)} not found; this server serves "${this.name}"`);
    if (version !== undefined && this.split.pinned(version) === null) {
      const loaded = this.split
        .versions()
        .map((v) => `v${v}`)
        .join(', ');
      throw new RequestError(404, `model "${name}" version ${version} is not loaded (loaded: ${loaded})`);
    }
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
    const slot = this.split.pick(version);
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
        this.split.settle(handle);
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
    const payload = renderPrediction(this.names, model, data, batch.rows, width, protocol, body);
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
    if (this.log?.sample())
      logRows(this.log, this.name, slot.role, slot.handle.model, batch, data, width, latency, body, source);
    if (this.split.shadow && slot.role === 'canary') this.shadowScore(slot, body, protocol, scores);
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
    this.split.settle(slot.handle);
    this.fail(
      res,
      error instanceof RequestError
        ? error
        : new RequestError(500, `v${model.version}: inference failed: ${describeError(error)}`)
    );
  }

  private decode(body: unknown, model: ServedModel, protocol: 'v2' | 'rows'): DecodedBatch {
    return protocol === 'v2'
      ? decodeV2(body, model.layout, this.Tensor, this.maxRows)
      : decodeRows(body, model.layout, this.Tensor, this.maxRows);
  }

  private otherAccepts(slot: Slot, body: unknown, protocol: 'v2' | 'rows'): boolean {
    const other = slot.role === 'canary' ? this.split.stable : this.split.canary;
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
  private shadowScore(
    canary: Slot,
    body: unknown,
    protocol: 'v2' | 'rows',
    canaryScores: Float64Array
  ): void {
    const other = this.split.stable;
    const handle = other.handle;
    handle.inflight += 1;
    const done = () => this.split.settle(handle);
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
}
