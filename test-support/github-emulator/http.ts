import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorContext } from './context.js';
import type { TokenInfo } from './state.js';

/** What a route handler sees of one request. */
export interface RequestContext {
  readonly method: string;
  /** The path without query string, after `/repositories/{id}` was rewritten to `/repos/{owner}/{repo}`. */
  readonly path: string;
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The raw request body (uploads read it as bytes). */
  readonly raw: Buffer;
  /** The token's identity and permission; null on routes that need no authentication. */
  readonly token: TokenInfo | null;
  readonly emu: EmulatorContext;
  /** The JSON body (an empty object when the request had none). */
  json(): Record<string, unknown>;
}

/** A handler's answer: a JSON body, raw bytes, or nothing (204). */
export interface Reply {
  status: number;
  body?: unknown;
  raw?: Buffer;
  headers?: Record<string, string>;
}

/** One entry of a 422 `errors` array, as GitHub writes them. */
export interface ValidationErrorItem {
  resource?: string;
  code: string;
  field?: string;
  message?: string;
}

/** An error answer: thrown by handlers, turned into GitHub's `{ message, documentation_url, status }` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly errors?: ValidationErrorItem[];
  readonly headers: Record<string, string>;
  constructor(
    status: number,
    message: string,
    errors?: ValidationErrorItem[],
    headers: Record<string, string> = {}
  ) {
    super(message);
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

/** 404 exactly as GitHub answers it (also for resources the token may not see). */
export function notFound(): ApiError {
  return new ApiError(404, 'Not Found');
}

/** 422 "Validation Failed" with one error item. */
export function validationFailed(item: ValidationErrorItem): ApiError {
  return new ApiError(422, 'Validation Failed', [item]);
}

/** Reads a required string field of a JSON body, or answers 422 as GitHub does for a missing field. */
export function requireString(body: Record<string, unknown>, field: string, resource: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') {
    throw validationFailed({ resource, code: 'missing_field', field });
  }
  return value;
}

/** Reads an optional string field; a value of another type answers 422 `invalid`. */
export function optionalString(
  body: Record<string, unknown>,
  field: string,
  resource: string
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationFailed({ resource, code: 'invalid', field });
  return value;
}

/** Reads an optional boolean field; a value of another type answers 422 `invalid`. */
export function optionalBoolean(
  body: Record<string, unknown>,
  field: string,
  resource: string
): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw validationFailed({ resource, code: 'invalid', field });
  return value;
}

/** Parses a numeric path parameter (the router already checked it is digits). */
export function numericParam(ctx: RequestContext, name: string): number {
  return Number(ctx.params[name]);
}

/** GitHub's timestamp format: ISO 8601 to the second, UTC. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The JSON reply for a created resource. */
export function created(body: unknown): Reply {
  return { status: 201, body };
}

/** The JSON reply for a read or an update. */
export function ok(body: unknown): Reply {
  return { status: 200, body };
}

/** The empty reply of a delete or a dispatch. */
export function noContent(): Reply {
  return { status: 204 };
}
