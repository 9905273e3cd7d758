import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { CheckFailedError, InputError } from '../core/errors.js';

/** The answer of one JSON request. */
export interface JsonAnswer {
  status: number;
  body: unknown;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Keep-alive agents shared by the replay generator and the admin client. */
export const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 256 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 256 })
};

/** Sends one request with an optional JSON body and bearer token; never throws on HTTP status. */
export function requestJson(
  method: string,
  url: string,
  options: { body?: unknown; raw?: string; token?: string; timeoutMs?: number } = {}
): Promise<JsonAnswer> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      target,
      { method, headers, agent: secure ? agents.https : agents.http, timeout: options.timeoutMs ?? 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body, text, headers: res.headers });
        });
        res.on('error', reject);
      }
    );
    req.on('timeout', () =>
      req.destroy(new Error(`no answer from ${target.origin} within ${options.timeoutMs ?? 30_000} ms`))
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Calls an admin endpoint and returns its JSON, turning HTTP failures into errors users can act on. */
export async function adminCall(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown
): Promise<unknown> {
  let answer: JsonAnswer;
  try {
    answer = await requestJson(method, new URL(path, base).toString(), { body, token });
  } catch (error) {
    throw new InputError(`cannot reach the mlci server at ${base}: ${(error as Error).message}`);
  }
  if (answer.status === 401 || answer.status === 403) {
    throw new InputError(
      `the mlci server at ${base} refused the admin token (${answer.status}): ${errorText(answer)}`
    );
  }
  if (answer.status === 422)
    throw new CheckFailedError(`the mlci server could not load the canary: ${errorText(answer)}`);
  if (answer.status >= 400)
    throw new InputError(`${method} ${path} on ${base} failed (${answer.status}): ${errorText(answer)}`);
  return answer.body;
}

function errorText(answer: JsonAnswer): string {
  const body = answer.body as { error?: unknown } | null;
  return typeof body?.error === 'string' ? body.error : answer.text.slice(0, 300);
}
