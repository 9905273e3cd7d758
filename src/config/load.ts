import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode, isScalar, visit, type Document } from 'yaml';
import { closest } from '../core/suggest.js';
import { configFileOr, DEFAULT_CONFIG_FILES, existingDefaultConfigs } from './default-file.js';
import { ConfigError } from './errors.js';
import { checkConfigText, MAX_ALIAS_COUNT, MAX_CONFIG_BYTES, tooBig } from './limits.js';
import { resolveConfigPaths } from './paths.js';
import { checkSteps, gateMetricProblem, type GateScope } from './rules.js';
import { validate } from './validate.generated.js';
import type { MlciConfig } from './types.js';

export { ConfigError };

/** The default config file name in messages about config text whose file is not known. */
export const CONFIG_FILE: string = DEFAULT_CONFIG_FILES[0];

/**
 * Reads and validates mlci.yml (the file named, else mlci.yml or mlci.yaml, whichever exists); every
 * failure is a ConfigError with one clear message. Every path in the returned config is absolute,
 * resolved against the folder of mlci.yml.
 */
export async function loadConfig(named?: string): Promise<MlciConfig> {
  const path = configFileOr(named);
  let text: string;
  try {
    text = await readLimited(path);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ConfigError(`${path}: not found (run \`mlci init\` to write a starter file)`);
    if (code === 'EISDIR') throw new ConfigError(`${path}: is a directory, expected a YAML file`);
    throw new ConfigError(`${path}: cannot be read (${code ?? String(error)})`);
  }
  return resolveConfigPaths(parseConfig(text, path), dirname(path));
}

// Reads at most one byte more than the limit, so a huge file (or a device) is refused without
// being read whole.
async function readLimited(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_CONFIG_BYTES) throw tooBig(path, (await handle.stat()).size || length);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Reads mlci.yml when it exists, else null: every setting also has a flag or an input. With no path,
 * the default file (mlci.yml or mlci.yaml) is read when there is one. A path the user named
 * explicitly must exist.
 */
export async function loadOptionalConfig(
  path: string | undefined,
  explicit = false
): Promise<MlciConfig | null> {
  if (!path) return existingDefaultConfigs().length > 0 ? loadConfig() : null;
  if (!explicit && !existsSync(path)) return null;
  return loadConfig(path);
}

/** Parses and validates config text; `source` names the file in messages. */
export function parseConfig(text: string, source = CONFIG_FILE): MlciConfig {
  const empty = new ConfigError(
    `${source}: the file is empty; expected at least \`version: 1\` and a \`model:\` section`
  );
  if (text.trim() === '') throw empty;
  checkConfigText(text, source);
  const lineCounter = new LineCounter();
  // The parser's own unique-key check compares each key with every earlier one (40,000 keys took
  // over a minute); checkUniqueKeys does it with a set.
  // Tags such as !!omap and !!set would become a JS Map or Set, which the schema sees as an empty
  // mapping (every key inside unchecked); unresolved, they stay the list or mapping they are written as.
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    logLevel: 'error',
    resolveKnownTags: false
  });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const pos = lineCounter.linePos(first.pos[0]);
    const reason = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(`${source}:${pos.line}:${pos.col}: invalid YAML: ${reason}`);
  }
  checkUniqueKeys(doc, lineCounter, source);
  // Comments only (a licence header, say) parse to a document without contents: the parser
  // decides in linear time what a regular expression over the text could not.
  if (doc.contents === null) throw empty;
  const value = toValue(doc, lineCounter, source);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(
      `${source}: expected a mapping of keys (version, model, data, …), got ${describeValue(value)}`
    );
  }
  checkFinite(value, [], doc, lineCounter, source);
  if (!validate(value)) {
    const error = mostRelevant(validate.errors ?? []);
    throw new ConfigError(formatSchemaError(error, value, doc, lineCounter, source));
  }
  const config = value as MlciConfig;
  checkRules(config, doc, lineCounter, source);
  return config;
}

function checkUniqueKeys(doc: Document, lineCounter: LineCounter, source: string): void {
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        // As the parser does: scalar keys compare by value, other keys never collide; by their text,
        // since 1 and "1" become the same key once read.
        if (!isScalar(key)) continue;
        const name = String(key.value);
        if (seen.has(name)) {
          const pos = lineCounter.linePos(key.range?.[0] ?? 0);
          throw new ConfigError(
            `${source}:${pos.line}:${pos.col}: invalid YAML: duplicate key ${JSON.stringify(String(key.value))}: map keys must be unique`
          );
        }
        seen.add(name);
      }
    }
  });
}

// YAML reads .nan, .inf and 1e400 as numbers that bound nothing (and JSON Schema's checks pass them).
function checkFinite(
  value: unknown,
  path: (string | number)[],
  doc: Document,
  lineCounter: LineCounter,
  source: string
): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    const where = locate(doc, lineCounter, path as string[], source, false);
    throw new ConfigError(`${where}: ${path.join('.')}: got ${value}, not a finite number`);
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value))
    checkFinite(item, [...path, Array.isArray(value) ? Number(key) : key], doc, lineCounter, source);
}

// Aliases are expanded while building values; a document whose aliases expand past the limit
// ("billion laughs") is refused at its first alias.
function toValue(doc: Document, lineCounter: LineCounter, source: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let where = source;
    visit(doc, {
      Alias(_key, node) {
        if (node.range) where = `${source}:${lineCounter.linePos(node.range[0]).line}`;
        return visit.BREAK;
      }
    });
    throw new ConfigError(
      `${where}: YAML aliases expand to too many values (more than ${MAX_ALIAS_COUNT}); write the values out or use fewer aliases`
    );
  }
}

// Rules a JSON Schema cannot say, shared with the stage that enforces them.
function checkRules(config: MlciConfig, doc: Document, lineCounter: LineCounter, source: string): void {
  checkGates(config, doc, lineCounter, source);
  const steps = config.deploy?.steps;
  if (steps) {
    try {
      checkSteps(steps, 'deploy.steps');
    } catch (error) {
      const where = locate(doc, lineCounter, ['deploy', 'steps'], source, false);
      throw new ConfigError(`${where}: ${(error as Error).message}`);
    }
  }
}

// A gate on a metric the task does not compute would pass the dry run and fail at evaluate.
function checkGates(config: MlciConfig, doc: Document, lineCounter: LineCounter, source: string): void {
  const task = config.model.task;
  const groups: [string[], Record<string, unknown> | undefined, GateScope][] = [
    [['evaluate', 'gates'], config.evaluate?.gates, 'model'],
    ...Object.entries(config.evaluate?.slice_gates ?? {}).map(
      ([column, gates]): [string[], Record<string, unknown>, GateScope] => [
        ['evaluate', 'slice_gates', column],
        gates,
        'rows'
      ]
    ),
    [['monitor', 'max_metric_drop'], config.monitor?.max_metric_drop, 'rows']
  ];
  for (const [path, gates, scope] of groups) {
    for (const metric of Object.keys(gates ?? {})) {
      const problem = gateMetricProblem(metric, task, scope);
      if (problem)
        throw new ConfigError(
          `${locate(doc, lineCounter, [...path, metric], source, true)}: ${path.join('.')}.${metric}: ${problem}`
        );
    }
  }
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
