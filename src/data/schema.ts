// Schemas for data: a JSON Schema (draft 2020-12) for one row with per-column extras as TFDV infers
// them. `mlci schema infer` writes one (schema-infer.ts); validation checks a loaded table against it
// column by column in SQL (schema-check.ts). See docs/schema.md.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { InputError } from '../core/errors.js';

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

// ajv-formats is CommonJS with a default export that NodeNext sees one level down.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** Reads and checks a schema file: valid JSON, a valid JSON Schema, an object schema with properties. */
export function parseSchema(text: string, path: string): RowSchema {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const ajv = addFormats(new Ajv2020({ strict: false }));
  try {
    ajv.compile(value as object);
  } catch (error) {
    throw new InputError(`${path}: not a valid JSON Schema (${(error as Error).message})`);
  }
  const schema = value as RowSchema;
  if (typeof schema !== 'object' || schema === null || typeof schema.properties !== 'object') {
    throw new InputError(
      `${path}: expected an object schema with "properties" (one per column), as \`mlci schema infer\` writes`
    );
  }
  return schema;
}
