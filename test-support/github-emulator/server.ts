import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from './context.js';
import { BAD_GATEWAY_HTML, faultError, type FaultQueue } from './faults.js';
import { ApiError, type Reply, type RequestContext } from './http.js';
import { allows, scopesFor } from './permissions.js';
import type { Router } from './router.js';
import type { TokenInfo } from './state.js';

const DOCS = 'https://docs.github.com/rest';

/** Reads the token from `Authorization: token X` or `Authorization: Bearer X`. */
function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  return m ? m[1] : '';
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `/repositories/{id}/…` (the form of GitHub's Link URLs) is the same repository as `/repos/{owner}/{repo}/…`. */
function canonicalPath(emu: EmulatorContext, path: string): string {
  const prefix = `/repositories/${emu.state.repoId}`;
  if (path === prefix || path.startsWith(`${prefix}/`)) {
    return `/repos/${emu.state.owner}/${emu.state.repo}${path.slice(prefix.length)}`;
  }
  return path;
}

function errorBody(err: ApiError): Record<string, unknown> {
  return {
    message: err.message,
    ...(err.errors ? { errors: err.errors } : {}),
    documentation_url: DOCS,
    status: String(err.status)
  };
}

/** Headers GitHub sends on every API answer. */
function commonHeaders(requestCount: number): Record<string, string> {
  return {
    'x-github-request-id': randomUUID().toUpperCase().slice(0, 23),
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(Math.max(0, 5000 - requestCount)),
    'x-ratelimit-used': String(Math.min(5000, requestCount)),
    'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core'
  };
}

/** Creates the HTTP server that routes, authenticates, injects faults and logs every request. */
export function createEmulatorServer(
  getContext: () => EmulatorContext,
  router: Router,
  faults: FaultQueue
): Server {
  let count = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const emu = getContext();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', emu.baseUrl);
    const path = canonicalPath(emu, url.pathname);
    const raw = await readBody(req);
    count += 1;
    const found = router.find(method, path);
    let faultName: string | null = null;

    const send = (status: number, reply: Reply): void => {
      const headers: Record<string, string> = { ...commonHeaders(count), ...(reply.headers ?? {}) };
      let payload: Buffer | undefined;
      if (reply.raw !== undefined) {
        payload = reply.raw;
      } else if (reply.body !== undefined) {
        payload = Buffer.from(JSON.stringify(reply.body));
        headers['content-type'] ??= 'application/json; charset=utf-8';
      }
      if (payload) headers['content-length'] = String(payload.length);
      res.writeHead(status, headers);
      res.end(payload);
      emu.state.requests.push({
        method,
        path: url.pathname,
        query: url.search,
        route: found?.route.key ?? null,
        status,
        fault: faultName
      });
    };

    try {
      if (!found) throw new ApiError(404, 'Not Found');
      const { route, params } = found;
      const { owner, repo } = params;
      if (owner !== undefined && repo !== undefined && !route.key.startsWith('GET /_storage')) {
        if (
          owner.toLowerCase() !== emu.state.owner.toLowerCase() ||
          repo.toLowerCase() !== emu.state.repo.toLowerCase()
        ) {
          throw new ApiError(404, 'Not Found');
        }
      }
      let token: TokenInfo | null = null;
      const presented = bearer(req);
      if (presented !== null) token = emu.tokens.find((t) => t.token === presented) ?? null;
      if (route.access !== 'none') {
        if (presented === null) throw new ApiError(401, 'Requires authentication');
        if (!token) throw new ApiError(401, 'Bad credentials');
        const scopes = scopesFor(route.key);
        if (!allows(token.permissions, token.permission, scopes, route.access)) {
          throw new ApiError(403, 'Resource not accessible by integration', undefined, {
            'x-accepted-github-permissions': scopes.map((s) => `${s}=${route.access}`).join('; ')
          });
        }
      }

      const fault = faults.take(route.key);
      if (fault) {
        faultName = fault.kind;
        if (fault.kind === 'slow') {
          await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        } else {
          const err = faultError(fault, Date.now());
          if (err === 'html-502') {
            send(502, {
              status: 502,
              raw: Buffer.from(BAD_GATEWAY_HTML),
              headers: { 'content-type': 'text/html' }
            });
            return;
          }
          throw err;
        }
      }

      let parsed: Record<string, unknown> | undefined;
      const ctx: RequestContext = {
        method,
        path,
        params,
        query: url.searchParams,
        headers: req.headers,
        raw,
        token,
        emu,
        json() {
          if (parsed) return parsed;
          if (raw.length === 0) return (parsed = {});
          let value: unknown;
          try {
            value = JSON.parse(raw.toString('utf8'));
          } catch {
            throw new ApiError(400, 'Problems parsing JSON');
          }
          if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            throw new ApiError(400, 'Body should be a JSON object');
          }
          return (parsed = value as Record<string, unknown>);
        }
      };
      const reply = await route.handler(ctx);
      send(reply.status, reply);
    } catch (error) {
      if (error instanceof ApiError) {
        send(error.status, { status: error.status, body: errorBody(error), headers: error.headers });
      } else {
        const message = error instanceof Error ? error.message : String(error);
        send(500, { status: 500, body: { message: `emulator error: ${message}`, documentation_url: DOCS } });
      }
    }
  };
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
}
