import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { MLCI_VERSION } from '../core/version.js';

/**
 * The Octokit class mlci uses: @octokit/rest (typed `rest.*` methods and pagination) + retries on
 * server errors + rate-limit throttling. Modules that import this one are loaded on first use, so the
 * client stays out of an action's start-up.
 */
export const MlciOctokit = Octokit.plugin(retry, throttling);
/** An Octokit instance made by `createOctokit`. */
export type MlciOctokit = InstanceType<typeof MlciOctokit>;

/** A rate limit GitHub answered with, reported before the client waits (or gives up). */
export interface RateLimitEvent {
  /** `primary`: the hourly quota is spent; `secondary`: GitHub's abuse limits (403/429 with retry-after). */
  kind: 'primary' | 'secondary';
  /** How long GitHub asked to wait. */
  retryAfterSeconds: number;
  method: string;
  url: string;
  /** How many retries of this request came before this one. */
  retryCount: number;
  /** False when the retry budget is spent or the wait is longer than `maxRetryAfterSeconds`. */
  willRetry: boolean;
}

/** Options of `createOctokit`. */
export interface CreateOctokitOptions {
  token: string;
  /** API root, e.g. `https://api.github.com` or `${GITHUB_API_URL}`. */
  baseUrl?: string;
  /** Retries of a request that failed with a server error or a network error (default 3). */
  retries?: number;
  /** Retries of a request that hit a rate limit (default 3). */
  rateLimitRetries?: number;
  /** A longer wait than this is not worth it inside a CI job: the request fails instead (default 120 s). */
  maxRetryAfterSeconds?: number;
  /** Told of every rate limit (to print a warning); it does not decide whether to retry. */
  onRateLimit?: (event: RateLimitEvent) => void;
  /**
   * Multiplies every wait: retry back-off, retry-after, and the spacing GitHub asks for between writes
   * (1 s). Production leaves it at 1; tests pass e.g. 0.001 to keep the behaviour with tiny delays.
   */
  timeScale?: number;
  /** Per-attempt limit until response headers arrive; a timed-out attempt is retried as a server error. */
  timeoutMs?: number;
}

/** HTTP statuses that retrying cannot fix; 403 and 429 rate limits are the throttling plugin's job. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/** Adds a per-attempt timeout; the error is not an AbortError, so Octokit reports it as a retryable 500. */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(init?.signal ? [init.signal] : [])];
    try {
      return await fetch(input, { ...init, signal: AbortSignal.any(signals) });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new Error(`request timed out after ${timeoutMs} ms`, { cause: error });
      }
      throw error;
    }
  };
}

/** Builds the Octokit client every GitHub adapter in mlci uses. */
export function createOctokit(options: CreateOctokitOptions): MlciOctokit {
  const scale = options.timeScale ?? 1;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRetryAfterSeconds ?? 120;
  const limitHandler =
    (kind: RateLimitEvent['kind']) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const willRetry = retryCount < rateLimitRetries && retryAfter <= maxWait;
      options.onRateLimit?.({
        kind,
        retryAfterSeconds: retryAfter,
        method: request.method,
        url: request.url,
        retryCount,
        willRetry
      });
      return willRetry;
    };
  // Own groups per client: the plugin's defaults are process-wide and space writes by a fixed 1 s.
  const group = (minTime: number) => new Bottleneck.Group({ maxConcurrent: 1, minTime: minTime * scale });
  return new MlciOctokit({
    auth: options.token,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: `mlci/${MLCI_VERSION}`,
    // @octokit/rest logs every failed request on console.error; mlci decides what a failure means
    // (a 404 while looking for a comment is normal) and reports it itself.
    log: { debug() {}, info() {}, warn: console.warn, error() {} },
    request: options.timeoutMs ? { fetch: fetchWithTimeout(options.timeoutMs) } : {},
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: 1000 * scale, doNotRetry: DO_NOT_RETRY },
    throttle: {
      retryAfterBaseValue: 1000 * scale,
      write: group(1000),
      search: group(2000),
      notifications: group(3000),
      onRateLimit: limitHandler('primary'),
      onSecondaryRateLimit: limitHandler('secondary')
    }
  });
}

/** Where a client for the current run points: the token and the API root. */
export interface ClientTarget {
  token: string;
  apiUrl: string;
}

/** A client that warns on stderr of every rate limit GitHub answers with (the one mlci's commands and actions use). */
export function githubClient(target: ClientTarget, options: Partial<CreateOctokitOptions> = {}): MlciOctokit {
  return createOctokit({
    token: target.token,
    baseUrl: target.apiUrl,
    onRateLimit: (e) =>
      process.stderr.write(
        `mlci: GitHub ${e.kind} rate limit on ${e.method} ${e.url}: ${e.willRetry ? `retrying in ${e.retryAfterSeconds} s` : 'giving up'}\n`
      ),
    ...options
  });
}
