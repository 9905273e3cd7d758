// HTTP plumbing of the model server: bodies, JSON answers, URL segments, parser errors, timeouts.
import { isUtf8 } from 'node:buffer';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { RequestError, show } from './decode.js';
import { duplicateKeyIn } from './duplicate-keys.js';
import { TRAFFIC_HEADER, TRAFFIC_SOURCES, type TrafficSource } from './prediction-log.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Time a client has to send a whole request (headers and body) before it gets a 408, in ms. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The answer to a request node's HTTP parser refused (malformed, headers or URL too large, too slow):
 * a JSON error, as every other refusal, instead of node's bare status line. Null when the client is gone.
 */
export function clientErrorReply(
  error: Error & { code?: string },
  timeout: number
): { status: number; text: string } | null {
  if (error.code === 'ECONNRESET') return null;
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'the request headers (with the URL) are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, `the request did not arrive within ${timeout / 1000} s`]
        : [400, `malformed HTTP request (${error.code ?? error.message})`];
  const body = JSON.stringify({ error: message });
  return {
    status,
    text:
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
  };
}

/** The TRAFFIC_HEADER of a request: undefined for ordinary traffic, else one of TRAFFIC_SOURCES. */
export function trafficSource(value: string | string[] | undefined): TrafficSource | undefined {
  if (value === undefined) return undefined;
  if (TRAFFIC_SOURCES.includes(value as TrafficSource)) return value as TrafficSource;
  throw new RequestError(
    400,
    `header ${TRAFFIC_HEADER}: ${show(String(value))}, expected ${TRAFFIC_SOURCES.join(' or ')}`
  );
}

/** A percent-encoded URL segment, decoded; a malformed escape is the client's error. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RequestError(400, `malformed percent-encoding in the URL: ${show(segment)}`);
  }
}

/** A version in a URL path ("2" or "v2"); anything else is a 404 naming the segment as sent. */
export function versionSegment(segment: string): number {
  const match = /^v?(\d+)$/.exec(segment);
  if (!match)
    throw new RequestError(
      404,
      `version ${show(segment)} is not loaded: versions are numbers such as 2 or v2`
    );
  return Number(match[1]);
}

/** Whether a content-type names JSON (application/json or a +json type, any parameters). */
function isJsonType(type: string): boolean {
  const media = type.split(';', 1)[0].trim().toLowerCase();
  return media === 'application/json' || (media.startsWith('application/') && media.endsWith('+json'));
}

/** Answers `body` as JSON with `status`; a response already under way is cut instead. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Reads a JSON body up to `limit` bytes and calls back once: 413 beyond it, 400 on malformed JSON.
 * A callback rather than a promise: it runs on every request.
 */
export function readJson(
  req: IncomingMessage,
  limit: number,
  done: (error: RequestError | null, body?: unknown) => void
): void {
  const type = req.headers['content-type'];
  if (type !== undefined && type !== 'application/json' && !isJsonType(type)) {
    req.resume();
    done(new RequestError(415, `content-type ${show(type)} is not JSON; send application/json`));
    return;
  }
  const declared = Number(req.headers['content-length'] ?? -1);
  if (declared > limit) {
    req.resume();
    done(new RequestError(413, `request body of ${declared} bytes exceeds the limit of ${limit}`));
    return;
  }
  let first: Buffer | undefined;
  let chunks: Buffer[] | undefined;
  let size = 0;
  let failed = false;
  req.on('data', (chunk: Buffer) => {
    if (failed) return;
    size += chunk.length;
    if (size > limit) {
      failed = true;
      done(new RequestError(413, `request body exceeds the limit of ${limit} bytes`));
      return;
    }
    if (!first) first = chunk;
    else (chunks ??= [first]).push(chunk);
  });
  req.on('error', (error) => {
    if (!failed) done(new RequestError(400, `could not read the request: ${error.message}`));
    failed = true;
  });
  req.on('end', () => {
    if (failed) return;
    failed = true;
    const bytes = chunks ? Buffer.concat(chunks) : first;
    if (bytes && !isUtf8(bytes)) return done(new RequestError(400, 'the request body is not valid UTF-8'));
    const text = bytes ? bytes.toString('utf8') : '';
    if (text.length === 0) return done(new RequestError(400, 'empty request body; expected JSON'));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return done(new RequestError(400, `malformed JSON: ${(error as Error).message}`));
    }
    const duplicate = duplicateKeyIn(text, body);
    if (duplicate !== undefined) {
      const message = `malformed JSON: key ${show(duplicate)} appears twice in one object; only one value is allowed`;
      return done(new RequestError(400, message));
    }
    done(null, body);
  });
}
