import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Latency buckets in seconds: fine below 10 ms where a healthy model lives. */
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5
];
const SCORE_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** The children a request touches, resolved once per (version, variant) so the hot path skips label hashing. */
export interface VariantMetrics {
  latency: { observe(value: number): void };
  ok: { inc(value?: number): void };
  failed(code: number): { inc(value?: number): void };
  scores: { observe(value: number): void };
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
  readonly inflight: Gauge;

  constructor(defaultMetrics = true) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'mlci_requests_total',
      help: 'Inference requests by model version, traffic variant (stable, canary) and HTTP status code.',
      labelNames: ['model', 'version', 'variant', 'code'],
      registers
    });
    this.latency = new Histogram({
      name: 'mlci_request_duration_seconds',
      help: 'Inference request latency from the first body byte to the response, by version and variant.',
      labelNames: ['model', 'version', 'variant'],
      buckets: LATENCY_BUCKETS,
      registers
    });
    this.scores = new Histogram({
      name: 'mlci_prediction_score',
      help: 'Prediction distribution: p(positive class) of a binary classifier, the class index of a multiclass one, the value of a regressor.',
      labelNames: ['model', 'version', 'variant'],
      buckets: SCORE_BUCKETS,
      registers
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
    this.inflight = new Gauge({
      name: 'mlci_inflight_requests',
      help: 'Requests being processed.',
      registers
    });
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'mlci_' });
  }

  /** Bound children for one version in one role. */
  variant(model: string, version: number, variant: 'stable' | 'canary'): VariantMetrics {
    const labels = { model, version: `v${version}`, variant };
    const failed = new Map<number, { inc(value?: number): void }>();
    return {
      latency: this.latency.labels(labels),
      ok: this.requests.labels({ ...labels, code: '200' }),
      failed: (code) => {
        let child = failed.get(code);
        if (!child) {
          child = this.requests.labels({ ...labels, code: String(code) });
          failed.set(code, child);
        }
        return child;
      },
      scores: this.scores.labels(labels)
    };
  }
}
