// The traffic split of the model server: a stable and an optional canary version, the canary's share
// of requests, the analysis window of each, and when a replaced version's session may be freed.
import { RequestError } from './decode.js';
import type { ServerMetrics, VariantMetrics } from './metrics.js';
import type { ServedModel } from './model.js';
import { VariantStats, type ScoreKind, type VariantWindow } from './stats.js';

/** The analysis window of both versions, as GET /admin/stats reports it. */
export interface StatsWindow {
  since: string;
  stable: VariantWindow;
  canary: VariantWindow | null;
  shadow: boolean;
}

/** A loaded version and the requests it is still answering. */
export interface Handle {
  model: ServedModel;
  inflight: number;
  retired: boolean;
}

/** A version in a role, with the statistics and metrics of the current analysis window. */
export interface Slot {
  handle: Handle;
  role: 'stable' | 'canary';
  stats: VariantStats;
  metrics: VariantMetrics;
  /** The version as text, for the response header. */
  versionText: string;
}

/** Which version answers each request, and the bookkeeping of promotions and rollbacks. */
export class TrafficSplit {
  stable!: Slot;
  canary: Slot | null = null;
  /** Percentage of requests routed to the canary. */
  weight = 0;
  shadow = false;
  private since = new Date();

  constructor(
    private readonly metrics: ServerMetrics,
    private readonly name: string
  ) {}

  /** Starts with `model` as the stable version. */
  start(model: ServedModel): void {
    this.stable = this.slot({ model, inflight: 0, retired: false }, 'stable');
    this.publishInfo();
  }

  /** The version that answers a request: the pinned one, else the canary for its share of requests. */
  pick(version: number | undefined): Slot {
    if (version !== undefined) return this.pinned(version)!;
    return this.canary && this.weight > 0 && Math.random() * 100 < this.weight ? this.canary : this.stable;
  }

  /** The loaded version `version`, or null. */
  pinned(version: number): Slot | null {
    if (this.stable.handle.model.version === version) return this.stable;
    if (this.canary && this.canary.handle.model.version === version) return this.canary;
    return null;
  }

  /** The versions loaded, stable first. */
  versions(): number[] {
    return this.canary
      ? [this.stable.handle.model.version, this.canary.handle.model.version]
      : [this.stable.handle.model.version];
  }

  /** Makes `model` the canary (undefined keeps the loaded one) with `weight` % of traffic. */
  setCanary(model: ServedModel | undefined, weight: number, shadow: boolean): void {
    if (model) {
      const previous = this.canary;
      this.canary = this.slot({ model, inflight: 0, retired: false }, 'canary');
      this.resetStats();
      if (previous) this.retire(previous.handle);
    }
    this.weight = weight;
    this.shadow = shadow;
    this.publishInfo();
  }

  /** Changes the canary's share of traffic. */
  setWeight(weight: number): void {
    if (!this.canary) throw new RequestError(409, 'no canary is loaded');
    this.weight = weight;
    this.publishInfo();
  }

  /** Makes the canary stable; the old stable is released when its requests finish. */
  promote(): void {
    if (!this.canary) throw new RequestError(409, 'no canary to promote');
    const old = this.stable;
    this.stable = this.slot(this.canary.handle, 'stable');
    this.canary = null;
    this.weight = 0;
    this.since = new Date();
    this.retire(old.handle);
    this.publishInfo();
  }

  /** Serves `model` as the stable version (a reload); the old one is released when its requests finish. */
  replaceStable(model: ServedModel): void {
    if (this.canary) throw new RequestError(409, 'a canary is loaded: finish or roll back the rollout first');
    const old = this.stable;
    this.stable = this.slot({ model, inflight: 0, retired: false }, 'stable');
    this.since = new Date();
    this.retire(old.handle);
    this.publishInfo();
  }

  /** Sends all traffic back to stable; the canary is released when its requests finish. */
  rollback(): void {
    if (this.canary) {
      const old = this.canary;
      this.canary = null;
      this.weight = 0;
      this.retire(old.handle);
    }
    this.publishInfo();
  }

  /** The analysis window since the last reset (or the last canary change). */
  window(): StatsWindow {
    return {
      since: this.since.toISOString(),
      stable: this.stable.stats.snapshot(),
      canary: this.canary ? this.canary.stats.snapshot() : null,
      shadow: this.shadow
    };
  }

  /** Starts a new analysis window; returns its start time. */
  resetStats(): string {
    this.stable = this.slot(this.stable.handle, 'stable');
    if (this.canary) this.canary = this.slot(this.canary.handle, 'canary');
    this.since = new Date();
    return this.since.toISOString();
  }

  /** One request less on a version; a retired version is released after its last request. */
  settle(handle: Handle): void {
    handle.inflight -= 1;
    if (handle.retired && handle.inflight === 0) void handle.model.release().catch(() => undefined);
  }

  /** Frees every loaded version (on shutdown). */
  async release(): Promise<void> {
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
}
