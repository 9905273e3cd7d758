import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { InputError } from '../core/errors.js';
import { validate } from './validate.generated.js';
import type { MlciConfig } from './types.js';

/** The default config file name, at the repository root. */
export const CONFIG_FILE = 'mlci.yml';

/** A config file that cannot be used; the message names the file, line, key path, value and expectation. */
export class ConfigError extends InputError {}

/** Reads and validates mlci.yml; every failure is a ConfigError with one clear message. */
export async function loadConfig(path = CONFIG_FILE): Promise<MlciConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ConfigError(`${path}: not found (run \`mlci init\` to write a starter file)`);
    if (code === 'EISDIR') throw new ConfigError(`${path}: is a directory, expected a YAML file`);
    throw new ConfigError(`${path}: cannot be read (${code ?? String(error)})`);
  }
  return parseConfig(text, path);
}

/**
 * Reads mlci.yml when it exists, else null: every setting also has a flag or an input. A path
 * the user named explicitly must exist.
 */
export async function loadOptionalConfig(
  path: string | undefined,
  explicit = false
): Promise<MlciConfig | null> {
  if (!path) return null;
  if (!explicit && !existsSync(path)) return null;
  return loadConfig(path);
}

/** Parses and validates config text; `source` names the file in messages. */
export function parseConfig(text: string, source = CONFIG_FILE): MlciConfig {
  const empty = new ConfigError(
    `${source}: the file is empty; expected at least \`version: 1\` and a \`model:\` section`
  );
  if (text.trim() === '') throw empty;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const pos = lineCounter.linePos(first.pos[0]);
    const reason = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(`${source}:${pos.line}:${pos.col}: invalid YAML: ${reason}`);
  }
  // Comments only (a licence header, say) parse to a document without contents: the parser
  // decides in linear time what a regular expression over the text could not.
  if (doc.contents === null) throw empty;
  const value: unknown = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(
      `${source}: expected a mapping of keys (version, model, data, …), got ${describeValue(value)}`
    );
  }
  if (!validate(value)) {
    const error = mostRelevant(validate.errors ?? []);
    throw new ConfigError(formatSchemaError(error, value, doc, lineCounter, source));
  }
  return value as MlciConfig;
}

// With allErrors, anyOf branches each report; the deepest error is the one a person can act on.
function mostRelevant(errors: ErrorObject[]): ErrorObject {
  const useful = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'if');
  const pool = useful.length > 0 ? useful : errors;
  return pool.reduce((best, e) => (depth(e) > depth(best) ? e : best), pool[0]);
}

function depth(error: ErrorObject): number {
  return error.instancePath.split('/').length + (error.keyword === 'additionalProperties' ? 1 : 0);
}

function formatSchemaError(
  error: ErrorObject,
  root: unknown,
  doc: Document,
  lineCounter: LineCounter,
  source: string
): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const keyPath = segments.length > 0 ? segments.join('.') : '(top level)';
  const value = segments.reduce<unknown>(
    (node, key) => (node as Record<string, unknown> | undefined)?.[key],
    root
  );
  const params = error.params as Record<string, unknown>;
  let where: string;
  let message: string;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      where = locate(doc, lineCounter, [...segments, key], source, true);
      const allowed = allowedKeys(error.parentSchema);
      const hint = allowed.length > 0 ? `; expected one of: ${allowed.join(', ')}` : '';
      const suggestion = closest(key, allowed);
      message = `unknown key "${key}" in ${keyPath}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}${hint}`;
      break;
    }
    case 'required':
      where = locate(doc, lineCounter, segments, source, false);
      message = `missing required key "${String(params.missingProperty)}" in ${keyPath}`;
      break;
    case 'type':
      where = locate(doc, lineCounter, segments, source, false);
      message = `${keyPath}: got ${describeValue(value)}, expected ${String(params.type)}`;
      break;
    case 'enum':
      where = locate(doc, lineCounter, segments, source, false);
      message = `${keyPath}: got ${describeValue(value)}, expected one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'const':
      where = locate(doc, lineCounter, segments, source, false);
      message = `${keyPath}: got ${describeValue(value)}, expected ${JSON.stringify(params.allowedValue)}`;
      break;
    default:
      where = locate(doc, lineCounter, segments, source, false);
      message = `${keyPath}: got ${describeValue(value)}, expected a value that ${error.message ?? 'matches the schema'}`;
  }
  return `${where}: ${message}`;
}

function allowedKeys(parentSchema: unknown): string[] {
  const properties = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: string[],
  source: string,
  key: boolean
): string {
  const parentPath = key ? path.slice(0, -1) : path;
  let node: unknown = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  if (key && node && typeof node === 'object' && 'items' in node) {
    const pair = (node as { items: { key: unknown }[] }).items.find(
      (item) => isNode(item.key) && String((item.key as { value?: unknown }).value) === path[path.length - 1]
    );
    node = pair?.key ?? node;
  }
  const range = isNode(node) ? node.range : undefined;
  if (!range) return source;
  const pos = lineCounter.linePos(range[0]);
  return `${source}:${pos.line}:${pos.col}`;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return `a list (${truncate(JSON.stringify(value))})`;
  if (typeof value === 'object') return 'a mapping';
  return `${JSON.stringify(value)} (${typeof value})`;
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
