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

/** Options of inferSchema. */
export interface InferOptions {
  /**
   * Write the observed numeric ranges and text lengths as checked limits (minimum/maximum,
   * minLength/maxLength). Off by default, as in TFDV: exact training limits fail a held-out split
   * of the same data (docs/schema.md).
   */
  ranges?: boolean;
}

/** Infers a row schema from a table and its statistics (patterns are checked in SQL). */
export async function inferSchema(
  db: DuckDBConnection,
  source: LoadedSource,
  stats: DatasetStatistics,
  options: InferOptions = {}
): Promise<RowSchema> {
  const properties: Record<string, ColumnSchema> = {};
  for (const info of source.columns) {
    const s = stats.columns[info.name];
    properties[info.name] = await inferColumn(db, source.table, info.name, info.type, s, options);
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
  s: ColumnStatistics,
  options: InferOptions
): Promise<ColumnSchema> {
  const nullable = s.missing > 0;
  const withNull = (t: string): string | string[] => (nullable ? [t, 'null'] : t);
  const out: ColumnSchema = {};
  if (s.kind === 'numeric') {
    const integer = /INT/.test(type);
    out.type = withNull(integer ? 'integer' : 'number');
    if (typeof s.min === 'number') out[options.ranges ? 'minimum' : 'x-mlci-observed-min'] = s.min;
    if (typeof s.max === 'number') out[options.ranges ? 'maximum' : 'x-mlci-observed-max'] = s.max;
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
        out[options.ranges ? 'minLength' : 'x-mlci-observed-min-length'] = s.length.min;
        out[options.ranges ? 'maxLength' : 'x-mlci-observed-max-length'] = s.length.max;
      }
    }
  }
  out['x-mlci-kind'] = s.kind;
  // Like TFDV's presence.min_fraction: required where always present. A column with some missing
  // values gets no lower bound, since the share missing varies between samples of the same data.
  if (s.count > 0 && s.present === s.count) out['x-mlci-min-present'] = 1;
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

/** Turns a sampled row (engine row id, or file and 0-based row for Parquet) into a RowRef. */
async function toRowRef(source: LoadedSource, locator: RowLocator, sampled: Sampled): Promise<RowRef> {
  const value = sampled.v === null || sampled.v === undefined ? null : String(sampled.v);
  if (source.rowColumn) {
    return { row: Number(sampled.k) + 1, file: String(sampled.f ?? source.files[0]), value };
  }
  const at = await locator.locate(Number(sampled.k));
  return { row: Number(sampled.k) - at.start + 1, file: at.file, line: at.line, value };
}

type Sampled = { k: unknown; f?: unknown; v: unknown };

/** Orders strings as the engine does (by UTF-8 bytes), so value lists match an ORDER BY. */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * Counts rows per condition and samples the first offending rows. Dry passes over the schema collect
 * what is needed; then conditions on a column whose value counts are known (categorical columns) are
 * evaluated on its distinct values only, and all other counts and every sample come from one scan
 * (count_if, and min over the row keys) — instead of one ordered scan per violated check.
 */
class ConditionCounts {
  private readonly wanted = new Set<string>();
  private readonly sampleWanted = new Map<string, { column: string; where: string }>();
  private readonly valueWanted = new Map<string, { column: string; values: Record<string, number> }>();
  private readonly counts = new Map<string, number>();
  private readonly bad = new Map<string, { value: string; count: number }[]>();
  private readonly samples = new Map<string, Sampled[]>();
  dry = true;

  /** Evaluates the value-level conditions on the distinct values, then resets for another dry pass. */
  async resolveValues(db: DuckDBConnection): Promise<void> {
    for (const [where, { column, values }] of this.valueWanted) {
      const keys = Object.keys(values);
      const found =
        keys.length === 0
          ? []
          : (
              await db.runAndReadAll(
                // The column name is bound to the distinct values, so `where` reads as it does on the table.
                `SELECT ${sqlIdent(column)} FROM (SELECT unnest([${keys.map(sqlString).join(', ')}]) AS ${sqlIdent(column)}) WHERE ${where}`
              )
            ).getRows();
      const list = found
        .map((r) => ({ value: String(r[0]), count: values[String(r[0])] ?? 0 }))
        .sort((a, b) => b.count - a.count || byBytes(a.value, b.value));
      this.bad.set(where, list);
      this.counts.set(
        where,
        list.reduce((sum, x) => sum + x.count, 0)
      );
    }
    this.valueWanted.clear();
    this.wanted.clear();
    this.sampleWanted.clear();
  }

  async load(db: DuckDBConnection, source: LoadedSource): Promise<void> {
    const list = [...this.wanted];
    const sampled = [...this.sampleWanted];
    this.dry = false;
    if (list.length === 0 && sampled.length === 0) return;
    // Parquet views number rows per file; tables keep the insertion order in rowid. Only the row keys
    // are sampled in the scan: casting every filtered value to text there cost 5x the whole scan.
    const frn = source.rowColumn ? sqlIdent(source.rowColumn) : undefined;
    const fileId = frn && source.fileColumn ? sqlIdent(source.fileColumn) : undefined;
    const key = frn ? (fileId ? `struct_pack(f := ${fileId}, k := ${frn})` : frn) : 'rowid';
    // Each condition is projected once and then both counted and sampled.
    const conditions = [...new Set([...list, ...sampled.map(([, s]) => s.where)])];
    const flag = (where: string) => `b${conditions.indexOf(where)}`;
    const parts = [
      ...list.map((w) => `count_if(${flag(w)})`),
      ...sampled.map(([, s]) => `min(k, ${SAMPLE_ROWS}) FILTER (WHERE ${flag(s.where)})`)
    ];
    const table = sqlIdent(source.table);
    const row = (
      await db.runAndReadAll(
        `SELECT ${parts.join(', ')} FROM (SELECT ${key} AS k, ${conditions.map((c, i) => `${c} AS b${i}`).join(', ')} FROM ${table})`
      )
    ).getRows()[0];
    list.forEach((w, i) => this.counts.set(w, Number(row[i])));
    const rowKey = (k: unknown): { k: number; f?: string } => {
      const entries = (k as { entries?: { f: unknown; k: unknown } }).entries;
      return entries ? { k: Number(entries.k), f: String(entries.f) } : { k: Number(k) };
    };
    const keys = sampled.map((_, i) =>
      ((row[list.length + i] as { items?: unknown[] } | null)?.items ?? []).map(rowKey)
    );
    const numbers = [...new Set(keys.flat().map((k) => k.k))];
    const columns = [...new Set(sampled.map(([, s]) => s.column))];
    const values = new Map<string, unknown[]>();
    const id = (k: { k: number; f?: string }) => `${k.f ?? ''}\u0000${k.k}`;
    if (numbers.length > 0) {
      // One lookup of the sampled rows' values (a few dozen rows) for every sampled column.
      const select = [
        frn ?? 'rowid',
        fileId ?? 'NULL',
        ...columns.map((c) => `CAST(${sqlIdent(c)} AS VARCHAR)`)
      ];
      const found = (
        await db.runAndReadAll(
          `SELECT ${select.join(', ')} FROM ${table} WHERE ${frn ?? 'rowid'} IN (${numbers.join(', ')})`
        )
      ).getRows();
      for (const r of found)
        values.set(id({ k: Number(r[0]), f: fileId ? String(r[1]) : undefined }), r.slice(2));
    }
    sampled.forEach(([sampleId, s], i) => {
      const c = columns.indexOf(s.column);
      this.samples.set(
        sampleId,
        keys[i].map((k) => ({ k: k.k, f: k.f, v: values.get(id(k))?.[c] ?? null }))
      );
    });
  }

  /** Rows matching `where` (a scan condition). */
  count(where: string): number {
    if (this.dry) {
      this.wanted.add(where);
      // Pretend a violation so that the dry pass also reaches (and registers) every sample.
      return 1;
    }
    return this.counts.get(where) ?? 0;
  }

  /**
   * Rows matching `where`, a condition on `column` alone that holds or fails per value, from the
   * column's complete value counts (evaluated on its distinct values, not on every row).
   */
  countValues(where: string, column: string, values: Record<string, number>): number {
    const known = this.counts.get(where);
    if (known !== undefined) return known;
    if (this.dry) {
      this.valueWanted.set(where, { column, values });
      return 1;
    }
    return 0;
  }

  /** The offending values of a value-level condition with their counts, most frequent first. */
  badValues(where: string): { value: string; count: number }[] | undefined {
    return this.bad.get(where);
  }

  /** In the dry pass registers a sample; afterwards returns the sampled rows (undefined if not loaded). */
  sample(column: string, where: string): Sampled[] | undefined {
    const id = `${column}\u0000${where}`;
    if (this.dry) {
      this.sampleWanted.set(id, { column, where });
      return [];
    }
    return this.samples.get(id);
  }
}

/** Checks a loaded table against a row schema, column by column. */
export async function validateAgainstSchema(
  db: DuckDBConnection,
  source: LoadedSource,
  stats: DatasetStatistics,
  schema: RowSchema
): Promise<SchemaViolation[]> {
  // Dry passes gather what to evaluate: value-level conditions first (their counts decide which
  // samples are needed), then the scan conditions and samples, answered by one scan.
  const counts = new ConditionCounts();
  await checkSchema(db, source, stats, schema, counts);
  await counts.resolveValues(db);
  await checkSchema(db, source, stats, schema, counts);
  await counts.load(db, source);
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
  const sample = async (column: string, where: string): Promise<RowRef[]> => {
    const found = counts.sample(column, where);
    if (counts.dry) return [];
    if (!found) return sampleRows(db, source, locator, column, where);
    const out: RowRef[] = [];
    for (const r of found) out.push(await toRowRef(source, locator, r));
    return out;
  };
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
      // The finite min and max are known: a column inside the range needs no scan.
      const outside =
        (spec.minimum !== undefined &&
          (s.min === null || s.min === undefined || Number(s.min) < spec.minimum)) ||
        (spec.maximum !== undefined &&
          (s.max === null || s.max === undefined || Number(s.max) > spec.maximum));
      if (conds.length > 0 && outside) {
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
    // Complete value counts (categorical columns) let per-value conditions run on distinct values only.
    const byValue = s.kind !== 'numeric' && s.values !== undefined;
    if (spec.enum) {
      const allowed = spec.enum.filter((v) => v !== null).map((v) => sqlString(String(v)));
      const bad =
        allowed.length > 0
          ? `${id} IS NOT NULL AND ${x} NOT IN (${allowed.join(', ')})`
          : `${id} IS NOT NULL`;
      const n = byValue ? counts.countValues(bad, name, s.values!) : count(db, table, bad);
      if (n > 0) {
        const known = byValue ? counts.badValues(bad) : undefined;
        const values = counts.dry
          ? []
          : known
            ? known.slice(0, 20).map((v) => [v.value, v.count])
            : (
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
      const n = byValue ? counts.countValues(bad, name, s.values!) : count(db, table, bad);
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
