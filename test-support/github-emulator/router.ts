import type { Reply, RequestContext } from './http.js';

/** A route handler: returns the reply or throws an `ApiError`. */
export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/** How a route authenticates. */
export type Access = 'read' | 'write' | 'none';

/** One registered route. */
export interface Route {
  method: string;
  /** Octokit's notation without the host, e.g. `GET /repos/{owner}/{repo}/releases/{release_id}`: the key faults use. */
  key: string;
  access: Access;
  handler: Handler;
  match(path: string): Record<string, string> | null;
}

/** Options of one route. */
export interface RouteOptions {
  /** `write` routes answer 403 to read-only tokens; `none` routes skip authentication (signed downloads). */
  access: Access;
  /** A path prefix before the template (`/uploads` for the uploads host). */
  prefix?: string;
}

/**
 * Parameters named `ref` take the rest of the path (git refs contain slashes); `*_id` and `*_number`
 * take digits only (except `workflow_id`, which may be a file name), so literal siblings such as
 * `/releases/latest` never collide with `/releases/{release_id}`.
 */
function paramPattern(name: string): string {
  if (name === 'ref') return '(.+?)';
  if ((name.endsWith('_id') || name.endsWith('_number')) && name !== 'workflow_id') return '(\\d+)';
  return '([^/]+)';
}

/** A tiny method + path-template router over Octokit's route notation. */
export class Router {
  readonly routes: Route[] = [];

  /** Registers `'METHOD /path/{param}'`. */
  add(key: string, options: RouteOptions, handler: Handler): void {
    const [method, template] = key.split(' ') as [string, string];
    const names: string[] = [];
    const source = (options.prefix ?? '') + template;
    const pattern = source.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return paramPattern(name);
    });
    const regex = new RegExp(`^${pattern}/?$`);
    this.routes.push({
      method,
      key,
      access: options.access,
      handler,
      match(path) {
        const m = regex.exec(path);
        if (!m) return null;
        const params: Record<string, string> = {};
        names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] ?? '');
        });
        return params;
      }
    });
  }

  /** The route and its parameters for a request, or null; `methodMismatch` tells 404 from 405-like cases. */
  find(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = route.match(path);
      if (params) return { route, params };
    }
    return null;
  }

  /** Whether `key` names a registered route (after normalising Octokit's `{?name,label}` and `{origin}`). */
  has(key: string): boolean {
    return this.routes.some((r) => r.key === key);
  }
}

/** Octokit route strings may carry a query template or an origin; the emulator keys routes without them. */
export function normaliseRouteKey(key: string): string {
  return key
    .replace(/\{\?[^}]*\}/g, '')
    .replace(/\{origin\}/g, '')
    .trim();
}
