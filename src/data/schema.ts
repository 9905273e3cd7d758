// Schemas for data: `mlci schema infer` writes a JSON Schema (draft 2020-12) for one row with
// per-column extras as TFDV infers them; validation checks a loaded table against it column by
// column in SQL (fast on millions of rows), naming the first offending rows.
import type { DuckDBConnection } from '@duckdb/node-api';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { AnomalyCode } from '../config/types.js';
import { InputError } from '../core/errors.js';
import { sqlIdent, sqlString } from './engine.js';
import type { LoadedSource } from './source.js';
import type { ColumnStatistics, DatasetStatistics } from './statistics.js';

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

/** Largest categorical domain written as an enum (TFDV's default). */
export const MAX_DOMAIN = 100;

const PATTERNS: [string, string][] = [
  ['^[0-9]+$', 'digits'],
  ['^[A-Z]+$', 'upper-case letters'],
  ['^[a-z]+$', 'lower-case letters'],
  ['^[A-Za-z]+$', 'letters'],
  ['^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', 'UUID'],
  ['^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', 'e-mail address'],
  ['^[A-Za-z0-9]+$', 'letters and digits'],
  ['^[A-Za-z0-9_.-]+$', 'identifier'],
  ['^\\S+$', 'no whitespace']
];

function floor3(x: number): number {
  return Math.floor(x * 1000) / 1000;
}

/** Infers a row schema from a table and its statistics (patterns are checked in SQL). */
export async function inferSchema(
  db: DuckDBConnection,
  source: LoadedSource,
  stats: DatasetStatistics
): Promise<RowSchema> {
  const properties: Record<string, ColumnSchema> = {};
  for (const info of source.columns) {
    const s = stats.columns[info.name];
    properties[info.name] = await inferColumn(db, source.table, info.name, info.type, s);
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `Row of ${source.path}`,
    description: `Inferred by mlci from ${stats.rows} rows. Edit freely: ranges, domains and x-mlci-* limits are checked by \`mlci validate-data --schema\`.`,
    type: 'object',
    properties,
    required: source.columns.map((c) => c.name),
    additionalProperties: false
  };
}

async function inferColumn(
  db: DuckDBConnection,
  table: string,
  name: string,
  type: string,
  s: ColumnStatistics
): Promise<ColumnSchema> {
  const nullable = s.missing > 0;
  const withNull = (t: string): string | string[] => (nullable ? [t, 'null'] : t);
  const out: ColumnSchema = {};
  if (s.kind === 'numeric') {
    const integer = /INT/.test(type);
    out.type = withNull(integer ? 'integer' : 'number');
    if (typeof s.min === 'number') out.minimum = s.min;
    if (typeof s.max === 'number') out.maximum = s.max;
    out['x-mlci-allow-nan'] = (s.nan ?? 0) > 0;
    out['x-mlci-allow-inf'] = (s.pos_inf ?? 0) + (s.neg_inf ?? 0) > 0;
  } else if (s.kind === 'datetime') {
    out.type = withNull('string');
    out.format =
      type === 'DATE'
        ? 'date'
        : type.startsWith('TIME') && !type.startsWith('TIMESTAMP')
          ? 'time'
          : 'date-time';
    if (typeof s.min === 'string') out['x-mlci-min'] = s.min;
    if (typeof s.max === 'string') out['x-mlci-max'] = s.max;
  } else if (s.kind === 'boolean') {
    out.type = withNull('boolean');
  } else {
    out.type = withNull('string');
    if (s.values && s.distinct <= MAX_DOMAIN) {
      out.enum = Object.keys(s.values).sort();
      if (nullable) out.enum.push(null);
    } else {
      const pattern = await commonPattern(db, table, name);
      if (pattern) out.pattern = pattern;
      if (s.length) {
        out.minLength = s.length.min;
        out.maxLength = s.length.max;
      }
    }
  }
  out['x-mlci-kind'] = s.kind;
  out['x-mlci-min-present'] = s.count > 0 ? floor3(s.present / s.count) : 0;
  return out;
}

async function commonPattern(db: DuckDBConnection, table: string, name: string): Promise<string | undefined> {
  const x = `CAST(${sqlIdent(name)} AS VARCHAR)`;
  const checks = PATTERNS.map(([p]) => `bool_and(regexp_full_match(${x}, ${sqlString(p)}))`).join(', ');
  const row = (
    await db.runAndReadAll(`SELECT ${checks} FROM ${sqlIdent(table)} WHERE ${sqlIdent(name)} IS NOT NULL`)
  ).getRows()[0];
  const i = row.findIndex((v) => v === true);
  return i >= 0 ? PATTERNS[i][0] : undefined;
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

/** One offending row: where it is and what it holds. */
export interface RowRef {
  row: number;
  file?: string;
  line?: number;
  value?: string | number | null;
}

/** A schema violation found by validateAgainstSchema. */
export interface SchemaViolation {
  code: AnomalyCode;
  column?: string;
  message: string;
  count?: number;
  values?: { value: string; count: number }[];
  rows?: RowRef[];
}

function types(s: ColumnSchema): string[] {
  return s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
}

/** Finds where each row of a table starts in its file, to turn row numbers into file lines. */
export class RowLocator {
  private starts: { file: string; start: number }[] | undefined;
  constructor(
    private readonly db: DuckDBConnection,
    private readonly source: LoadedSource
  ) {}

  /** File and line of a table row (CSV: header on line 1; JSON Lines: one row per line). */
  async locate(rowid: number): Promise<{ file: string; start: number; line?: number }> {
    if (!this.starts) {
      if (this.source.fileColumn) {
        const rows = (
          await this.db.runAndReadAll(
            `SELECT ${sqlIdent(this.source.fileColumn)}, min(rowid) FROM ${sqlIdent(this.source.table)} GROUP BY 1 ORDER BY 2`
          )
        ).getRows();
        this.starts = rows.map((r) => ({ file: String(r[0]), start: Number(r[1]) }));
      } else {
        this.starts = [{ file: this.source.files[0], start: 0 }];
      }
    }
    let found = this.starts[0];
    for (const s of this.starts) if (s.start <= rowid) found = s;
    const index = rowid - found.start;
    return {
      file: found.file,
      start: found.start,
      line: this.source.format === 'csv' ? index + 2 : index + 1
    };
  }
}

const SAMPLE_ROWS = 5;

async function sampleRows(
  db: DuckDBConnection,
  source: LoadedSource,
  locator: RowLocator,
  column: string,
  where: string
): Promise<RowRef[]> {
  const table = sqlIdent(source.table);
  const value = `CAST(${sqlIdent(column)} AS VARCHAR)`;
  if (source.rowColumn) {
    // Parquet: rows are numbered within each file; there are no lines.
    const file = source.fileColumn ? sqlIdent(source.fileColumn) : sqlString(source.files[0]);
    const rows = (
      await db.runAndReadAll(
        `SELECT ${file}, ${sqlIdent(source.rowColumn)}, ${value} FROM ${table} WHERE ${where} ORDER BY 1, 2 LIMIT ${SAMPLE_ROWS}`
      )
    ).getRows();
    return rows.map(([f, r, v]) => ({
      row: Number(r) + 1,
      file: String(f),
      value: v === null ? null : String(v)
    }));
  }
  const rows = (
    await db.runAndReadAll(
      `SELECT rowid, ${value} FROM ${table} WHERE ${where} ORDER BY rowid LIMIT ${SAMPLE_ROWS}`
    )
  ).getRows();
  const out: RowRef[] = [];
  for (const [rowid, v] of rows) {
    const at = await locator.locate(Number(rowid));
    out.push({
      row: Number(rowid) - at.start + 1,
      file: at.file,
      line: at.line,
      value: v === null ? null : String(v)
    });
  }
  return out;
}

/** Counts rows per condition: a dry pass collects conditions, one query counts them all at once. */
class ConditionCounts {
  readonly wanted = new Set<string>();
  private readonly counts = new Map<string, number>();
  dry = true;

  async load(db: DuckDBConnection, table: string): Promise<void> {
    const list = [...this.wanted];
    this.dry = false;
    if (list.length === 0) return;
    const row = (
      await db.runAndReadAll(`SELECT ${list.map((w) => `count_if(${w})`).join(', ')} FROM ${sqlIdent(table)}`)
    ).getRows()[0];
    list.forEach((w, i) => this.counts.set(w, Number(row[i])));
  }

  count(where: string): number {
    if (this.dry) {
      this.wanted.add(where);
      return 0;
    }
    return this.counts.get(where) ?? 0;
  }
}

/** Checks a loaded table against a row schema, column by column. */
export async function validateAgainstSchema(
  db: DuckDBConnection,
  source: LoadedSource,
  stats: DatasetStatistics,
  schema: RowSchema
): Promise<SchemaViolation[]> {
  // Two passes over the schema: the first only gathers the conditions to count (one scan for all).
  const counts = new ConditionCounts();
  await checkSchema(db, source, stats, schema, counts);
  await counts.load(db, source.table);
  return checkSchema(db, source, stats, schema, counts);
}

async function checkSchema(
  db: DuckDBConnection,
  source: LoadedSource,
  stats: DatasetStatistics,
  schema: RowSchema,
  counts: ConditionCounts
): Promise<SchemaViolation[]> {
  const count = (_db: DuckDBConnection, _table: string, where: string) => counts.count(where);
  const sample = (column: string, where: string) =>
    counts.dry ? Promise.resolve([] as RowRef[]) : sampleRows(db, source, locator, column, where);
  const out: SchemaViolation[] = [];
  const locator = new RowLocator(db, source);
  const present = new Map(source.columns.map((c) => [c.name, c]));
  const table = source.table;
  for (const name of schema.required ?? []) {
    if (!present.has(name))
      out.push({
        code: 'missing_column',
        column: name,
        message: `column "${name}" is required by the schema but missing`
      });
  }
  if (schema.additionalProperties === false) {
    for (const c of source.columns) {
      if (!(c.name in schema.properties))
        out.push({ code: 'new_column', column: c.name, message: `column "${c.name}" is not in the schema` });
    }
  }
  if (schema['x-mlci-min-rows'] !== undefined && stats.rows < schema['x-mlci-min-rows']) {
    out.push({
      code: 'too_few_rows',
      message: `${stats.rows} rows, the schema expects at least ${schema['x-mlci-min-rows']}`,
      count: stats.rows
    });
  }
  for (const [name, spec] of Object.entries(schema.properties)) {
    const info = present.get(name);
    const s = stats.columns[name];
    if (!info || !s) continue;
    const id = sqlIdent(name);
    const t = types(spec);
    const wantsNumber = t.includes('number') || t.includes('integer');
    if (wantsNumber && s.kind !== 'numeric') {
      const bad = `${id} IS NOT NULL AND TRY_CAST(${id} AS DOUBLE) IS NULL`;
      const n = count(db, table, bad);
      out.push({
        code: 'type_mismatch',
        column: name,
        message: `column "${name}" should be ${t.filter((x) => x !== 'null').join(' or ')} but holds ${s.kind} values (${n} not numeric)`,
        count: n,
        rows: await sample(name, bad)
      });
      continue;
    }
    if (t.includes('integer') && !t.includes('number') && s.kind === 'numeric' && !/INT/.test(info.type)) {
      const bad = `isfinite(CAST(${id} AS DOUBLE)) AND CAST(${id} AS DOUBLE) <> floor(CAST(${id} AS DOUBLE))`;
      const n = count(db, table, bad);
      if (n > 0) {
        out.push({
          code: 'type_mismatch',
          column: name,
          message: `column "${name}" should hold integers; ${n} values have a fraction`,
          count: n,
          rows: await sample(name, bad)
        });
      }
    }
    if (t.length > 0 && !t.includes('null') && s.missing > 0) {
      out.push({
        code: 'unexpected_nulls',
        column: name,
        message: `column "${name}" is not nullable but has ${s.missing} missing values`,
        count: s.missing,
        rows: await sample(name, `${id} IS NULL`)
      });
    } else if (
      spec['x-mlci-min-present'] !== undefined &&
      s.count > 0 &&
      s.present / s.count < spec['x-mlci-min-present']
    ) {
      out.push({
        code: 'unexpected_nulls',
        column: name,
        message: `column "${name}" is present in ${fmtShare(s.present / s.count)} of rows, the schema expects at least ${fmtShare(spec['x-mlci-min-present'])}`,
        count: s.missing
      });
    }
    if (s.kind === 'numeric') {
      const x = `CAST(${id} AS DOUBLE)`;
      if (spec['x-mlci-allow-nan'] === false && (s.nan ?? 0) > 0) {
        out.push({
          code: 'nan_values',
          column: name,
          message: `column "${name}" has ${s.nan} NaN values`,
          count: s.nan,
          rows: await sample(name, `isnan(${x})`)
        });
      }
      const infs = (s.pos_inf ?? 0) + (s.neg_inf ?? 0);
      if (spec['x-mlci-allow-inf'] === false && infs > 0) {
        out.push({
          code: 'inf_values',
          column: name,
          message: `column "${name}" has ${infs} infinite values`,
          count: infs,
          rows: await sample(name, `isinf(${x})`)
        });
      }
      const conds: string[] = [];
      if (spec.minimum !== undefined) conds.push(`${x} < ${Number(spec.minimum)}`);
      if (spec.maximum !== undefined) conds.push(`${x} > ${Number(spec.maximum)}`);
      if (conds.length > 0) {
        const bad = `isfinite(${x}) AND (${conds.join(' OR ')})`;
        const n = count(db, table, bad);
        if (n > 0) {
          out.push({
            code: 'out_of_range',
            column: name,
            message: `column "${name}": ${n} values outside [${spec.minimum ?? '-∞'}, ${spec.maximum ?? '∞'}] (observed ${s.min} … ${s.max})`,
            count: n,
            rows: await sample(name, bad)
          });
        }
      }
    }
    const x = `CAST(${id} AS VARCHAR)`;
    if (spec.enum) {
      const allowed = spec.enum.filter((v) => v !== null).map((v) => sqlString(String(v)));
      const bad =
        allowed.length > 0
          ? `${id} IS NOT NULL AND ${x} NOT IN (${allowed.join(', ')})`
          : `${id} IS NOT NULL`;
      const n = count(db, table, bad);
      if (n > 0) {
        const values = (
          await db.runAndReadAll(
            `SELECT ${x} AS v, count(*) AS c FROM ${sqlIdent(table)} WHERE ${bad} GROUP BY 1 ORDER BY c DESC, v LIMIT 20`
          )
        ).getRows();
        out.push({
          code: 'out_of_domain',
          column: name,
          message: `column "${name}": ${n} values outside the domain, e.g. ${values
            .slice(0, 5)
            .map((v) => `"${String(v[0])}" (${Number(v[1])})`)
            .join(', ')}`,
          count: n,
          values: values.map((v) => ({ value: String(v[0]), count: Number(v[1]) })),
          rows: await sample(name, bad)
        });
      }
    }
    const textConds: string[] = [];
    if (spec.pattern) textConds.push(`NOT regexp_full_match(${x}, ${sqlString(spec.pattern)})`);
    if (spec.minLength !== undefined) textConds.push(`length(${x}) < ${Number(spec.minLength)}`);
    if (spec.maxLength !== undefined) textConds.push(`length(${x}) > ${Number(spec.maxLength)}`);
    if (textConds.length > 0 && s.kind !== 'numeric') {
      const bad = `${id} IS NOT NULL AND (${textConds.join(' OR ')})`;
      const n = count(db, table, bad);
      if (n > 0) {
        out.push({
          code: 'out_of_domain',
          column: name,
          message: `column "${name}": ${n} values do not match ${spec.pattern ? `pattern ${spec.pattern}` : 'the length limits'}`,
          count: n,
          rows: await sample(name, bad)
        });
      }
    }
  }
  return out;
}

function fmtShare(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}
