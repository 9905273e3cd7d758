// Schemas for data: a JSON Schema (draft 2020-12) for one row with per-column extras as TFDV infers
// them. `mlci schema infer` writes one (schema-infer.ts); validation checks a loaded table against it
// column by column in SQL (schema-check.ts). See docs/schema.md.
import type { ErrorObject } from 'ajv';
import { InputError } from '../core/errors.js';
import validateMetaSchema from './json-schema.generated.js';

/** The per-column part of an mlci schema. */
export interface ColumnSchema {
  type?: string | string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  enum?: (string | number | boolean | null)[];
  const?: string | number | boolean | null;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  format?: string;
  'x-mlci-kind'?: string;
  /** Smallest share of rows in which the column must be present (not null). */
  'x-mlci-min-present'?: number;
  /** Whether NaN and ±Inf are allowed in a numeric column. */
  'x-mlci-allow-nan'?: boolean;
  'x-mlci-allow-inf'?: boolean;
  'x-mlci-min'?: string;
  'x-mlci-max'?: string;
  /** What the data inferred from held (informative: not checked, copy to minimum/maximum to check it). */
  'x-mlci-observed-min'?: number;
  'x-mlci-observed-max'?: number;
  'x-mlci-observed-min-length'?: number;
  'x-mlci-observed-max-length'?: number;
}

/** A row schema as `mlci schema infer` writes it. */
export interface RowSchema {
  $schema: string;
  title?: string;
  description?: string;
  type: 'object';
  properties: Record<string, ColumnSchema>;
  required?: string[];
  additionalProperties?: boolean;
  'x-mlci-min-rows'?: number;
}

/** The meta-schema mlci reads data schemas against (JSON Schema draft 2020-12). */
const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** Keywords whose values are data, not subschemas: a "pattern" or "$ref" key inside them is not one. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

/** Ajv's errorsText(): each error's path under `data` and its message. */
function errorsText(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `data${e.instancePath} ${e.message}`).join(', ');
}

/** Every name declared as an $anchor or $dynamicAnchor anywhere in `root`. */
function anchorsIn(root: unknown): Set<string> {
  const names = new Set<string>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const { $anchor, $dynamicAnchor } = node as { $anchor?: unknown; $dynamicAnchor?: unknown };
    if (typeof $anchor === 'string') names.add($anchor);
    if (typeof $dynamicAnchor === 'string') names.add($dynamicAnchor);
    for (const value of Object.values(node)) stack.push(value);
  }
  return names;
}

/** A schema being checked: its root, and its anchors collected once, when a reference first names one. */
interface SchemaDocument {
  root: unknown;
  hasAnchor(name: string): boolean;
}

/** The SchemaDocument of `root`. */
function schemaDocument(root: unknown): SchemaDocument {
  let anchors: Set<string> | undefined;
  return { root, hasAnchor: (name) => (anchors ??= anchorsIn(root)).has(name) };
}

/** Whether a reference points inside the document: "#", a JSON pointer ("#/$defs/x") or an anchor ("#name"). */
function resolvesLocally(doc: SchemaDocument, ref: string): boolean {
  if (!ref.startsWith('#')) return false;
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref.slice(1));
  } catch {
    return false; // a malformed %-escape
  }
  if (pointer === '') return true;
  if (!pointer.startsWith('/')) return doc.hasAnchor(pointer);
  let node: unknown = doc.root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * What compiling `schema` with Ajv would fail on beyond the meta-schema: a pattern that is not a
 * regular expression, a reference that does not resolve in the document. Compiling the schema itself
 * (Ajv's compiler and meta-schemas) cost ≈ 115 ms of every validate-data start.
 */
function compileProblem(root: unknown): string | undefined {
  const doc = schemaDocument(root);
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    // Loops rather than push(...values): a list of 100,000 names would overflow the call's arguments.
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      const problem = keywordProblem(doc, key, value);
      if (problem) return problem;
      if (DATA_KEYWORDS.has(key)) continue;
      // The keys of these are names (columns, definitions), not keywords: only their values are schemas.
      if (NAMED_SCHEMAS.has(key) && value !== null && typeof value === 'object')
        for (const schema of Object.values(value)) stack.push(schema);
      else stack.push(value);
    }
  }
  return undefined;
}

/** Keywords whose values map names to subschemas. */
const NAMED_SCHEMAS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas'
]);

/** What Ajv's compiler refuses in one keyword that the meta-schema lets through. */
function keywordProblem(doc: SchemaDocument, key: string, value: unknown): string | undefined {
  if (key === 'enum' && Array.isArray(value) && value.length === 0) return 'enum must have non-empty array';
  const patterns =
    key === 'pattern' && typeof value === 'string'
      ? [value]
      : key === 'patternProperties' && value !== null && typeof value === 'object'
        ? Object.keys(value)
        : [];
  for (const pattern of patterns) {
    try {
      new RegExp(pattern, 'u');
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (key === '$ref' && typeof value === 'string' && !resolvesLocally(doc, value))
    return `can't resolve reference ${value} (mlci reads references within the schema file only)`;
  return undefined;
}

/** Why `value` is not a JSON Schema draft 2020-12 mlci can read, or undefined. */
function schemaProblem(value: unknown): string | undefined {
  const declared =
    value !== null && typeof value === 'object' ? (value as { $schema?: unknown }).$schema : undefined;
  if (declared !== undefined && String(declared).replace(/#$/, '') !== DRAFT_2020_12)
    return `mlci reads JSON Schema draft 2020-12 ("$schema": "${DRAFT_2020_12}"), not ${JSON.stringify(declared)}`;
  try {
    if (!validateMetaSchema(value)) return `schema is invalid: ${errorsText(validateMetaSchema.errors)}`;
  } catch (error) {
    // The generated validator recurses with the schema's depth: a hostile nesting overflows it.
    if (error instanceof RangeError) return `nested too deeply to read (${error.message})`;
    throw error;
  }
  return compileProblem(value);
}

/** Reads and checks a schema file: valid JSON, a valid JSON Schema, an object schema with properties. */
export function parseSchema(text: string, path: string): RowSchema {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const problem = schemaProblem(value);
  if (problem) throw new InputError(`${path}: not a valid JSON Schema (${problem})`);
  const schema = value as RowSchema;
  if (typeof schema !== 'object' || schema === null || typeof schema.properties !== 'object') {
    throw new InputError(
      `${path}: expected an object schema with "properties" (one per column), as \`mlci schema infer\` writes`
    );
  }
  return schema;
}

/** Annotations and structure: no constraint on a column's values. */
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$anchor',
  '$dynamicAnchor',
  '$comment',
  '$defs',
  'definitions',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentMediaType',
  'contentEncoding'
]);

/** Assertion keywords mlci does not check: refused rather than ignored ("never silently ignore a constraint"). */
const UNCHECKED = new Set([
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'prefixItems',
  'items',
  'contains',
  'properties',
  'patternProperties',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  '$dynamicRef',
  'contentSchema'
]);

/** Formats mlci checks (RFC 3339, as JSON Schema defines them). */
export const CHECKED_FORMATS = new Set(['date', 'date-time', 'time']);

/** Numeric keywords: JSON reads 1e400 as Infinity, which bounds nothing a SQL query can state. */
const NUMBERS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];

/** Lower bounds merge to the largest, upper bounds to the smallest; other keywords must agree. */
const LARGEST = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'x-mlci-min-present']);
const SMALLEST = new Set(['maximum', 'exclusiveMaximum', 'maxLength']);
/** Constraints that two parts of an allOf can only both hold when equal (mlci checks one of each). */
const MUST_AGREE = new Set(['pattern', 'format', 'multipleOf']);

/** What resolving a column's schema needs from the whole document. */
interface Resolver {
  root: unknown;
  anchors: Map<string, unknown> | undefined;
}

/** The node a local reference (JSON pointer or anchor) names; parseSchema made sure it resolves. */
function refTarget(doc: Resolver, ref: string): unknown {
  const pointer = decodeURIComponent(ref.slice(1));
  if (pointer !== '' && !pointer.startsWith('/')) {
    if (!doc.anchors) {
      doc.anchors = new Map();
      const stack: unknown[] = [doc.root];
      while (stack.length > 0) {
        const node = stack.pop();
        if (node === null || typeof node !== 'object') continue;
        const { $anchor, $dynamicAnchor } = node as { $anchor?: unknown; $dynamicAnchor?: unknown };
        for (const name of [$anchor, $dynamicAnchor])
          if (typeof name === 'string' && !doc.anchors.has(name)) doc.anchors.set(name, node);
        for (const value of Object.values(node)) stack.push(value);
      }
    }
    return doc.anchors.get(pointer);
  }
  let node: unknown = doc.root;
  for (const raw of pointer.split('/').slice(1))
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
}

/** `spec` with its references followed and allOf merged into one set of checked keywords (throws why not). */
function resolveColumn(doc: Resolver, spec: unknown, depth: number): ColumnSchema {
  if (depth > 32) throw new Error('references or allOf nested more than 32 deep (or a reference loop)');
  if (spec === true) return {};
  if (spec === false) throw new Error('the schema false (no value passes) is not checked by mlci');
  const node = spec as Record<string, unknown>;
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (UNCHECKED.has(key)) throw new Error(`keyword "${key}" is not checked by mlci`);
    if (key === '$ref' || key === 'allOf' || ANNOTATIONS.has(key)) continue;
    if (key === 'format' && !CHECKED_FORMATS.has(String(value)))
      throw new Error(
        `"format": ${JSON.stringify(value)} is not checked by mlci (only date, date-time, time)`
      );
    if (NUMBERS.includes(key) && !Number.isFinite(value))
      throw new Error(`"${key}" is not a finite number (JSON reads 1e400 as infinite); remove the bound`);
    own[key] = value;
  }
  if ('const' in own) {
    const { const: value, ...rest } = own;
    Object.assign(rest, mergeColumns(rest as ColumnSchema, { enum: [value as string] }));
    return withParts(doc, node, rest as ColumnSchema, depth);
  }
  return withParts(doc, node, own as ColumnSchema, depth);
}

/** `own` merged with what the node's $ref and allOf parts require. */
function withParts(
  doc: Resolver,
  node: Record<string, unknown>,
  own: ColumnSchema,
  depth: number
): ColumnSchema {
  let out = own;
  if (typeof node.$ref === 'string')
    out = mergeColumns(out, resolveColumn(doc, refTarget(doc, node.$ref), depth + 1));
  if (Array.isArray(node.allOf))
    for (const part of node.allOf) out = mergeColumns(out, resolveColumn(doc, part, depth + 1));
  return out;
}

/** The keywords of two schemas a value must both satisfy, as one schema (throws on what can't merge). */
function mergeColumns(a: ColumnSchema, b: ColumnSchema): ColumnSchema {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (key === 'type') out.type = mergeTypes(mine as string | string[], value as string | string[]);
    else if (key === 'enum') {
      const theirs = new Set((value as unknown[]).map((v) => JSON.stringify(v)));
      out.enum = (mine as unknown[]).filter((v) => theirs.has(JSON.stringify(v)));
      if ((out.enum as unknown[]).length === 0) throw new Error('enum and const allow no value together');
    } else if (LARGEST.has(key)) out[key] = Math.max(mine as number, value as number);
    else if (SMALLEST.has(key)) out[key] = Math.min(mine as number, value as number);
    else if (key === 'x-mlci-allow-nan' || key === 'x-mlci-allow-inf')
      out[key] = mine === true && value === true;
    else if (MUST_AGREE.has(key) && JSON.stringify(mine) !== JSON.stringify(value))
      throw new Error(
        `two different "${key}" values (in allOf or behind $ref) can't be merged into one check`
      );
  }
  return out as ColumnSchema;
}

/** Types allowed by both: an integer is a number. */
function mergeTypes(a: string | string[], b: string | string[]): string[] {
  const left = Array.isArray(a) ? a : [a];
  const right = Array.isArray(b) ? b : [b];
  const both = left.flatMap((t) =>
    right.includes(t) || (t === 'integer' && right.includes('number'))
      ? [t]
      : t === 'number' && right.includes('integer')
        ? ['integer']
        : []
  );
  if (both.length === 0)
    throw new Error(`types ${JSON.stringify(a)} and ${JSON.stringify(b)} allow no value together`);
  return [...new Set(both)];
}

/** Top-level keywords mlci checks or that only annotate; `additionalProperties` only as true or false. */
const ROW_KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties', 'x-mlci-min-rows']);

/**
 * The schema as mlci checks it: every column's references followed and allOf merged, const as a
 * one-value enum. Exit 2 naming the file, the column and the keyword for a constraint mlci doesn't check.
 */
export function checkedSchema(schema: RowSchema, file: string): RowSchema {
  for (const [key, value] of Object.entries(schema)) {
    const refused =
      (UNCHECKED.has(key) && !ROW_KEYWORDS.has(key)) ||
      key === '$ref' ||
      key === 'allOf' ||
      (key === 'additionalProperties' && typeof value !== 'boolean');
    if (refused)
      throw new InputError(`${file}: keyword "${key}" is not checked by mlci on the row (docs/schema.md)`);
  }
  const doc: Resolver = { root: schema, anchors: undefined };
  const properties: Record<string, ColumnSchema> = {};
  for (const [name, spec] of Object.entries(schema.properties)) {
    try {
      const column = resolveColumn(doc, spec, 0);
      if (column.pattern !== undefined) re2Pattern(column.pattern);
      properties[name] = column;
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`${file}: column "${name}": ${(error as Error).message} (docs/schema.md)`);
    }
  }
  return { ...schema, properties };
}

/** ECMA-262's \s: what JSON Schema (and Ajv) count as whitespace, as code points RE2 reads in a class. */
const SPACES =
  '\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

/**
 * A JSON Schema pattern (ECMA-262, "u" flag) as an RE2 pattern of the same meaning, for an unanchored
 * search (regexp_matches). RE2 differs on \s, "." and \u escapes (translated here) and has no
 * lookaround or backreferences (refused: throws why).
 */
export function re2Pattern(pattern: string): string {
  const refuse = (what: string) =>
    new Error(`pattern ${JSON.stringify(pattern)} uses ${what}, which the engine (RE2) can't run`);
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const e = pattern[++i];
      if (e === 's') out += inClass ? SPACES : `[${SPACES}]`;
      else if (e === 'S' && !inClass) out += `[^${SPACES}]`;
      else if (e === 'S') throw refuse('\\S inside a character class');
      else if (e === 'u') {
        const braced = pattern[i + 1] === '{';
        const end = braced ? pattern.indexOf('}', i) : i + 4;
        out += `\\x{${pattern.slice(i + (braced ? 2 : 1), braced ? end : end + 1)}}`;
        i = end;
      } else if (/[1-9]/.test(e) || e === 'k') throw refuse('a backreference');
      else if (e === 'c') throw refuse('a \\c control escape');
      else if (e === 'v') out += '\\x{b}';
      else if (e === '0') out += '\\x{0}';
      else if (e === 'b' && inClass) out += '\\x{8}';
      else out += `\\${e}`;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c === '[' ? '\\[' : c;
    } else if (c === '[') {
      inClass = true;
      const negated = pattern[i + 1] === '^';
      if (pattern[i + (negated ? 2 : 1)] === ']') throw refuse('an empty class ([] or [^])');
      out += negated ? '[^' : '[';
      if (negated) i++;
    } else if (c === '.') out += '[^\\n\\r\\x{2028}\\x{2029}]';
    else if (c === '(' && /^\(\?(=|!|<=|<!)/.test(pattern.slice(i, i + 4)))
      throw refuse('lookahead or lookbehind');
    else if (c === '(' && pattern.startsWith('(?<', i)) {
      out += '(?P<';
      i += 2;
    } else out += c;
  }
  return out;
}
