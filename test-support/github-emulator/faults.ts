import { ApiError } from './http.js';

/** The failures GitHub produces that clients must survive. */
export type FaultKind = '502' | '500' | 'secondary-rate-limit' | '429' | 'slow';

/** A fault for the next `times` calls of one route. */
export interface FaultSpec {
  /** Octokit's route notation, e.g. `POST /repos/{owner}/{repo}/releases/{release_id}/assets`; `*` for any route. */
  route: string;
  kind: FaultKind;
  /** How many calls it answers (default 1). */
  times?: number;
  /** For `slow`: how long to wait before answering normally (default 2000 ms). */
  delayMs?: number;
  /** For the rate limits: the `retry-after` seconds (default 1). */
  retryAfterSeconds?: number;
  /** Calls of the route answered normally before the fault starts (default 0): a failure mid-way. */
  after?: number;
}

interface ActiveFault {
  route: string;
  kind: FaultKind;
  remaining: number;
  delayMs: number;
  retryAfterSeconds: number;
  /** Calls still to let through before the fault answers. */
  skip: number;
}

/** Queue of injected faults, consumed in the order they were added. */
export class FaultQueue {
  private readonly faults: ActiveFault[] = [];

  /** Adds a fault (route already validated and normalised). */
  add(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`inject: times must be a positive integer`);
    const after = spec.after ?? 0;
    if (!Number.isInteger(after) || after < 0)
      throw new Error(`inject: after must be a non-negative integer`);
    this.faults.push({
      route: spec.route,
      kind: spec.kind,
      remaining: times,
      delayMs: spec.delayMs ?? 2000,
      retryAfterSeconds: spec.retryAfterSeconds ?? 1,
      skip: after
    });
  }

  /** Takes one use of the first fault that applies to `routeKey`, if any. */
  take(routeKey: string): ActiveFault | null {
    const fault = this.faults.find((f) => f.remaining > 0 && (f.route === routeKey || f.route === '*'));
    if (!fault) return null;
    if (fault.skip > 0) {
      fault.skip -= 1;
      return null;
    }
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }

  /** How many injected answers are still pending. */
  pending(): number {
    return this.faults.reduce((n, f) => n + f.remaining, 0);
  }
}

/** A failure as GitHub sends it; `slow` is not a failure and has no answer here. */
export function faultError(fault: ActiveFault, nowMs: number): ApiError | 'html-502' {
  switch (fault.kind) {
    case '502':
      return 'html-502';
    case '500':
      return new ApiError(500, 'Server Error');
    case 'secondary-rate-limit':
      // The throttling plugin recognises a secondary limit by this wording and honours retry-after.
      return new ApiError(
        403,
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
          'If you reach out to GitHub Support for help, please include the request ID 0000:0000.',
        undefined,
        { 'retry-after': String(fault.retryAfterSeconds) }
      );
    case '429': {
      // A primary rate limit: remaining 0 and a reset time, plus retry-after as GitHub sends on 429.
      const reset = Math.ceil(nowMs / 1000) + fault.retryAfterSeconds;
      return new ApiError(429, 'API rate limit exceeded for installation ID 1000001.', undefined, {
        'retry-after': String(fault.retryAfterSeconds),
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-resource': 'core'
      });
    }
    case 'slow':
      throw new Error('slow is not an error fault');
  }
}

/** The page GitHub's front end answers with on a 502. */
export const BAD_GATEWAY_HTML =
  '<!DOCTYPE html>\n<html><head><title>Unicorn! &middot; GitHub</title></head>' +
  '<body><h1>This page is taking too long to load.</h1></body></html>\n';
