import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** Latency buckets in seconds: fine below 10 ms where a healthy model lives. */
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5
];
const SCORE_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** The metrics one request touches, per (version, variant). */
export interface VariantMetrics {
  latency: { observe(value: number): void };
  ok: { inc(): void };
  failed(code: number): { inc(): void };
  scores: { observe(value: number): void };
}

type Labels = { model: string; version: string; variant: string };

/**
 * A Prometheus histogram whose observe is a bucket search and two additions, registered in a
 * prom-client registry (which renders it with the other metrics). prom-client's own histogram hashes
 * the label set on every observe (≈ 1.5 µs here), which shows in the tail latency at thousands of
 * requests per second.
 */
class LeanHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly children = new Map<
    string,
    { labels: Labels; counts: Float64Array; sum: number; count: number }
  >();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly bounds: number[]
  ) {}

  /** The child of one label set; its observe does not allocate. */
  labels(labels: Labels): { observe(value: number): void } {
    const key = `${labels.model}\u0000${labels.version}\u0000${labels.variant}`;
    let child = this.children.get(key);
    if (!child) {
      child = { labels, counts: new Float64Array(this.bounds.length + 1), sum: 0, count: 0 };
      this.children.set(key, child);
    }
    const state = child;
    const bounds = this.bounds;
    return {
      observe(value: number) {
        let i = 0;
        while (i < bounds.length && value > bounds[i]) i++;
        state.counts[i] += 1;
        state.sum += value;
        state.count += 1;
      }
    };
  }

  /** prom-client's metric contract: the values to render. */
  async get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: unknown[] }> {
    const values: unknown[] = [];
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
        labels: { le: '+Inf', ...child.labels },
        value: cumulative,
        metricName: `${this.name}_bucket`
      });
      values.push({ labels: child.labels, value: child.sum, metricName: `${this.name}_sum` });
      values.push({ labels: child.labels, value: child.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  /** prom-client calls this on Registry.resetMetrics(). */
  reset(): void {
    this.children.clear();
  }
}

/** A counter child whose hot path is an addition, handed to prom-client at scrape time (see LeanHistogram). */
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
  private readonly latency: LeanHistogram;
  private readonly scores: LeanHistogram;
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
    this.latency = new LeanHistogram(
      'mlci_request_duration_seconds',
      'Inference request latency from the request to the response, by version and variant.',
      LATENCY_BUCKETS
    );
    this.scores = new LeanHistogram(
      'mlci_prediction_score',
      'Prediction distribution: p(positive class) of a binary classifier, the class index of a multiclass one, the value of a regressor.',
      SCORE_BUCKETS
    );
    this.registry.registerMetric(this.latency as never);
    this.registry.registerMetric(this.scores as never);
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
    // No prefix: stock Node.js dashboards and alerts look for process_* and nodejs_* (deploy/README.md).
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry });
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
      latency: this.latency.labels(labels),
      ok: track(new BufferedCounter(this.requests.labels({ ...labels, code: '200' }))),
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
  flush(): void {
    for (const buffers of this.buffered.values()) for (const b of buffers) b.flush();
  }
}
