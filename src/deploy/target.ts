import { InputError } from '../core/errors.js';
import type { ServerState, StatsWindow } from '../serve/server.js';
import { adminCall, requestJson } from './http.js';
import type { PacedResult } from './traffic.js';

/** What a rollout drives: a place where a stable and a canary version share traffic. */
export interface CanaryTarget {
  /** Human name for reports, e.g. "mlci server http://…" */
  readonly description: string;
  /** Where replayed requests go (the model's infer URL). */
  readonly inferUrl: string;
  /** The current routing state. */
  state(): Promise<ServerState>;
  /** Loads `version` as the canary and sends it `weight` % of traffic. */
  setCanary(version: number, weight: number, shadow: boolean): Promise<void>;
  /** Starts a new analysis window. */
  resetStats(): Promise<void>;
  /** The analysis window since the last reset. */
  stats(): Promise<StatsWindow>;
  /** Makes the canary the stable version. */
  promote(): Promise<void>;
  /** Sends all traffic back to stable. */
  rollback(): Promise<void>;
  /** Column names the model takes (to drop other columns, such as the label, from replayed rows). */
  features(): Promise<string[] | null>;
  /** True when a window cannot tell stable's requests from the canary's, so latency is compared with stable before the rollout. */
  readonly latencyAgainstBaseline?: boolean;
  /** Sees each replayed request's outcome (targets that measure on the client side). */
  observe?(result: PacedResult): void;
}

/** Checks that `text` is an http(s) URL; `what` names the flag, input or key it came from. */
export function checkServerUrl(text: string, what: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InputError(
      `${what}: "${text}" is not a URL such as http://127.0.0.1:8080 (a running mlci serve)`
    );
  }
  return text;
}

/** A running mlci server, driven through its authenticated admin API. */
export class ServerTarget implements CanaryTarget {
  readonly description: string;
  readonly inferUrl: string;

  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly model: string
  ) {
    if (!token)
      throw new InputError('the admin token is missing: pass --admin-token or set MLCI_ADMIN_TOKEN');
    checkServerUrl(base, 'server');
    this.description = `mlci server ${base}`;
    this.inferUrl = new URL(`/v2/models/${encodeURIComponent(model)}/infer`, base).toString();
  }

  async state(): Promise<ServerState> {
    const state = (await adminCall(this.base, this.token, 'GET', '/admin/state')) as ServerState;
    if (state.model !== this.model) {
      throw new InputError(`the server at ${this.base} serves model "${state.model}", not "${this.model}"`);
    }
    return state;
  }

  async setCanary(version: number, weight: number, shadow: boolean): Promise<void> {
    await adminCall(this.base, this.token, 'POST', '/admin/canary', { version, weight, shadow });
  }

  async resetStats(): Promise<void> {
    await adminCall(this.base, this.token, 'POST', '/admin/stats/reset');
  }

  async stats(): Promise<StatsWindow> {
    return (await adminCall(this.base, this.token, 'GET', '/admin/stats')) as StatsWindow;
  }

  async promote(): Promise<void> {
    await adminCall(this.base, this.token, 'POST', '/admin/promote');
  }

  async rollback(): Promise<void> {
    await adminCall(this.base, this.token, 'POST', '/admin/rollback');
  }

  async features(): Promise<string[] | null> {
    const answer = await requestJson(
      'GET',
      new URL(`/v2/models/${encodeURIComponent(this.model)}`, this.base).toString()
    );
    const names = (answer.body as { parameters?: { feature_names?: unknown } } | null)?.parameters
      ?.feature_names;
    return Array.isArray(names) ? (names as string[]) : null;
  }
}
