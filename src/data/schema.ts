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
  enum?: (string | number | boolean | null)[];
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
