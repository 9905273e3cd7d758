import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Latency buckets in seconds: fine below 10 ms where a healthy model lives. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const SCORE_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** Observations are buffered and handed to prom-client in bulk: at scrape time, or when this many are pending. */
const FLUSH_AT = 4096;

/** The metrics one request touches, per (version, variant). */
export interface VariantMetrics {
  latency: { observe(value: number): void };
  ok: { inc(): void };
  failed(code: number): { inc(): void };
  scores: { observe(value: number): void };
}

type Labels = { model: string; version: string; variant: string };

/**
 * A histogram child whose hot path is an array push: prom-client hashes the labels on every
 * observe, which costs a few per cent of throughput at thousands of requests per second.
 */
class BufferedHistogram {
  private values: number[] = [];
  constructor(private readonly child: { observe(value: number): void }) {}
  observe(value: number): void {
    this.values.push(value);
    if (this.values.length >= FLUSH_AT) this.flush();
  }
  flush(): void {
    const values = this.values;
    this.values = [];
    for (let i = 0; i < values.length; i++) this.child.observe(values[i]);
  }
}

/** A counter child whose hot path is an addition; see BufferedHistogram. */
class BufferedCounter {
  private pending = 0;
  constructor(private readonly child: { inc(value?: number): void }) {}
  inc(): void {
    this.pending += 1;
  }
  flush(): void {
    if (this.pending > 0) this.child.inc(this.pending);
    this.pending = 0;
  }
}

/** Prometheus metrics of one server, in their own registry so several servers can live in one process. */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'model' | 'version' | 'variant' | 'code'>;
  private readonly latency: Histogram<'model' | 'version' | 'variant'>;
  private readonly scores: Histogram<'model' | 'version' | 'variant'>;
  readonly rejected: Counter<'code'>;
  readonly canaryWeight: Gauge<'model'>;
  readonly modelInfo: Gauge<'model' | 'version' | 'variant' | 'sha256'>;
  private readonly buffered = new Map<string, { flush(): void }[]>();
  private readonly variants = new Map<string, VariantMetrics>();

  /** `inflight` reads the number of requests in progress at scrape time. */
  constructor(inflight: () => number, defaultMetrics = true) {
    const registers = [this.registry];
    const flush = () => this.flush();
    this.requests = new Counter({
      name: 'mlci_requests_total',
      help: 'Inference requests by model version, traffic variant (stable, canary) and HTTP status code.',
      labelNames: ['model', 'version', 'variant', 'code'],
      registers,
      collect: flush
    });
    this.latency = new Histogram({
      name: 'mlci_request_duration_seconds',
      help: 'Inference request latency from the request to the response, by version and variant.',
      labelNames: ['model', 'version', 'variant'],
      buckets: LATENCY_BUCKETS,
      registers,
      collect: flush
    });
    this.scores = new Histogram({
      name: 'mlci_prediction_score',
      help: 'Prediction distribution: p(positive class) of a binary classifier, the class index of a multiclass one, the value of a regressor.',
      labelNames: ['model', 'version', 'variant'],
      buckets: SCORE_BUCKETS,
      registers,
      collect: flush
    });
    this.rejected = new Counter({
      name: 'mlci_rejected_requests_total',
      help: 'Requests answered with a 4xx status: malformed, oversized, invalid for the model, unknown model or route.',
      labelNames: ['code'],
      registers
    });
    this.canaryWeight = new Gauge({
      name: 'mlci_canary_weight_percent',
      help: 'Share of traffic routed to the canary version.',
      labelNames: ['model'],
      registers
    });
    this.modelInfo = new Gauge({
      name: 'mlci_model_info',
      help: 'Loaded model versions (value 1) with their sha256.',
      labelNames: ['model', 'version', 'variant', 'sha256'],
      registers
    });
    new Gauge({
      name: 'mlci_inflight_requests',
      help: 'Requests being processed.',
      registers,
      collect() {
        this.set(inflight());
      }
    });
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'mlci_' });
  }

  /** The metrics of one version in one role (the same object for the same labels). */
  variant(model: string, version: number, variant: 'stable' | 'canary'): VariantMetrics {
    const key = `${model}\u0000${version}\u0000${variant}`;
    const known = this.variants.get(key);
    if (known) return known;
    const labels: Labels = { model, version: `v${version}`, variant };
    const buffers: { flush(): void }[] = [];
    const track = <T extends { flush(): void }>(b: T) => (buffers.push(b), b);
    const failed = new Map<number, BufferedCounter>();
    const metrics: VariantMetrics = {
      latency: track(new BufferedHistogram(this.latency.labels(labels))),
      ok: track(new BufferedCounter(this.requests.labels({ ...labels, code: '200' }))),
      failed: (code) => {
        let child = failed.get(code);
        if (!child) {
          child = track(new BufferedCounter(this.requests.labels({ ...labels, code: String(code) })));
          failed.set(code, child);
        }
        return child;
      },
      scores: track(new BufferedHistogram(this.scores.labels(labels)))
    };
    this.buffered.set(key, buffers);
    this.variants.set(key, metrics);
    return metrics;
  }

  /** Hands every buffered observation to prom-client. */
  flush(): void {
    for (const buffers of this.buffered.values()) for (const b of buffers) b.flush();
  }
}
