// The admin API of the model server (docs/serving.md): bearer-token calls that move traffic.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError } from '../core/errors.js';
import { RequestError, show } from './decode.js';
import { readJson, sendJson } from './http.js';
import type { ModelServer } from './server.js';

/** What the admin API drives. */
export type AdminControl = Pick<
  ModelServer,
  'state' | 'stats' | 'resetStats' | 'promote' | 'rollback' | 'setCanary' | 'setWeight' | 'reload'
>;

/** Answers one /admin/{path} call after checking the bearer token; errors are RequestErrors. */
export async function adminApi(
  server: AdminControl,
  token: Buffer | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  path: string
): Promise<void> {
  if (!token) {
    throw new RequestError(
      403,
      'the admin API is disabled: start the server with --admin-token or MLCI_ADMIN_TOKEN'
    );
  }
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) {
    res.setHeader('www-authenticate', 'Bearer realm="mlci-admin"');
    throw new RequestError(401, 'the admin API needs "Authorization: Bearer <token>"');
  }
  const given = Buffer.from(header.slice(7).trim());
  if (given.length !== token.length || !timingSafeEqual(given, token)) {
    throw new RequestError(403, 'wrong admin token');
  }
  const key = `${method} ${path}`;
  if (key === 'GET state') return sendJson(res, 200, server.state());
  if (key === 'GET stats') return sendJson(res, 200, server.stats());
  if (key === 'POST stats/reset') {
    return sendJson(res, 200, { since: server.resetStats() });
  }
  if (key === 'POST promote') return sendJson(res, 200, server.promote());
  if (key === 'POST rollback') return sendJson(res, 200, server.rollback());
  if (key === 'POST reload') return sendJson(res, 200, await server.reload());
  const body = method === 'POST' ? await readAdminBody(req) : {};
  if (key === 'POST canary') {
    const version = parseVersion(body.version);
    const weight = body.weight === undefined ? 0 : parseWeight(body.weight);
    const shadow = parseShadow(body.shadow);
    try {
      return sendJson(res, 200, await server.setCanary(version, weight, shadow));
    } catch (error) {
      if (error instanceof RequestError) throw error;
      throw new RequestError(422, `cannot load v${version}: ${describeError(error)}`);
    }
  }
  if (key === 'POST weight') return sendJson(res, 200, server.setWeight(parseWeight(body.weight)));
  throw new RequestError(404, `no admin route ${method} /admin/${path}`);
}

/** The JSON object body of an admin call (64 KiB at most). */
async function readAdminBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await new Promise<unknown>((resolve, reject) =>
    readJson(req, 64 * 1024, (error, value) => (error ? reject(error) : resolve(value)))
  );
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new RequestError(400, 'the admin call needs a JSON object body');
  return body as Record<string, unknown>;
}

function parseVersion(value: unknown): number {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  const match = /^v?(\d+)$/.exec(text);
  if (!match)
    throw new RequestError(400, `"version" must be a version such as 4 or "v4", got ${show(value)}`);
  return Number(match[1]);
}

// JSON types are taken as sent: Number("0x32"), Number(null) or Boolean("false") would turn a
// client's mistake into a traffic change.
function parseWeight(value: unknown): number {
  if (typeof value !== 'number') throw weightError(value);
  checkWeight(value);
  return value;
}

function parseShadow(value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new RequestError(400, `"shadow" must be true or false, got ${show(value)}`);
}

/** Checks a traffic percentage. */
export function checkWeight(weight: number): void {
  if (!Number.isFinite(weight) || weight < 0 || weight > 100) throw weightError(weight);
}

function weightError(value: unknown): RequestError {
  return new RequestError(400, `"weight" must be a percentage, a number from 0 to 100, got ${show(value)}`);
}
