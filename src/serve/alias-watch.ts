// A server started on an alias (`mlci serve --model churn@production`) keeps polling the registry,
// so that a rollback or a promotion made elsewhere shows: a log line, the model metadata and a gauge
// say which version it serves and where the alias points now (docs/serving.md).
import { Gauge, type Registry as MetricsRegistry } from 'prom-client';
import { describeError } from '../core/errors.js';
import type { ModelRef, ModelVersion } from '../registry/types.js';
import { RequestError } from './decode.js';
import type { ServerOptions } from './options.js';
import type { TrafficSplit } from './traffic-split.js';

/** What the watch knows about the alias, as /v2/models/{name} reports it. */
export interface AliasStatus {
  alias: string;
  /** The version the alias pointed to at the last check (null before the first one or if it points nowhere). */
  points_to: number | null;
  served: number;
  in_step: boolean;
  checked: string | null;
  /** Why the last check failed, if it did (the registry was unreachable). */
  error: string | null;
}

/** A move of the alias away from the version served (or back to it). */
export interface AliasEvent {
  model: string;
  alias: string;
  served: number;
  pointsTo: number | null;
}

/** Polls the registry for the version an alias points to and compares it with the version served. */
export class AliasWatch {
  private pointsTo: number | null = null;
  private checked: string | null = null;
  private error: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly aliasVersion: Gauge<'model' | 'alias'>;
  private readonly inStep: Gauge<'model' | 'alias'>;

  constructor(
    private readonly ref: ModelRef & { alias: string },
    private readonly resolve: (ref: ModelRef) => Promise<ModelVersion | null>,
    private readonly served: () => number,
    metrics: MetricsRegistry,
    private readonly onChange: (event: AliasEvent) => void
  ) {
    this.aliasVersion = new Gauge({
      name: 'mlci_alias_version',
      help: 'The version the served alias points to in the registry at the last check (0: nowhere).',
      labelNames: ['model', 'alias'],
      registers: [metrics]
    });
    const publish = () => this.publish();
    this.inStep = new Gauge({
      name: 'mlci_alias_in_step',
      help: 'Whether the stable version served is the one the alias points to (1) or the alias moved (0).',
      labelNames: ['model', 'alias'],
      registers: [metrics],
      // At scrape time: a reload changes the version served between two checks.
      collect: publish
    });
  }

  /** Starts watching: polls every `intervalMs` (the timer does not keep the process alive); 0 only on reload. */
  start(intervalMs: number): void {
    this.pointsTo = this.served();
    this.publish();
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
  }

  /** Stops polling. */
  stop(): void {
    clearInterval(this.timer);
  }

  /** Resolves the alias now; tells `onChange` when it moved away from (or back to) the version served. */
  async check(): Promise<AliasStatus> {
    const before = this.pointsTo;
    try {
      const record = await this.resolve({ name: this.ref.name, alias: this.ref.alias });
      this.pointsTo = record?.version ?? null;
      this.error = null;
    } catch (error) {
      this.error = describeError(error);
    }
    this.checked = new Date().toISOString();
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
  async reloadTarget(canaryLoaded: boolean): Promise<number | null> {
    if (canaryLoaded)
      throw new RequestError(409, 'a canary is loaded: finish or roll back the rollout first');
    const status = await this.check();
    if (status.error) throw new RequestError(503, `cannot read the registry: ${status.error}`);
    if (status.points_to === null)
      throw new RequestError(409, `alias "${this.ref.alias}" points to no version`);
    return status.in_step ? null : status.points_to;
  }

  /** The alias's target as last seen, beside the version served. */
  status(): AliasStatus {
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

  private publish(): void {
    const labels = { model: this.ref.name, alias: this.ref.alias };
    this.aliasVersion.set(labels, this.pointsTo ?? 0);
    this.inStep.set(labels, this.pointsTo === this.served() ? 1 : 0);
  }
}

/** The log line of an alias move, as `mlci serve` prints it. */
export function aliasMoveLine(event: AliasEvent): string {
  const where = event.pointsTo === null ? 'nowhere' : `v${event.pointsTo}`;
  return event.pointsTo === event.served
    ? `${event.model}@${event.alias} points to v${event.served} again: the server is in step with the registry`
    : `${event.model}@${event.alias} moved to ${where} in the registry; this server still serves v${event.served} ` +
        '(POST /admin/reload to serve it)';
}

/**
 * Starts the alias watch of a server started on an alias; undefined for one started on a version.
 * Without an interval (`--watch 0`) nothing polls, but POST /admin/reload still resolves the alias.
 */
export function startAliasWatch(
  options: ServerOptions,
  split: Pick<TrafficSplit, 'stable'>,
  metrics: MetricsRegistry
): AliasWatch | undefined {
  const { model, watchIntervalMs, source, onAliasMove } = options;
  if (!model.alias || !source.resolve) return undefined;
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
