// `mlci schema infer`: a row schema from a table and its statistics, as TFDV infers one — types,
// presence, closed categorical domains and text patterns; observed ranges only on request
// (docs/schema.md).
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdent, sqlString } from './engine.js';
import { re2Pattern, type ColumnSchema, type RowSchema } from './schema.js';
import { kindOf, type LoadedSource } from './source.js';
import type { ColumnStatistics, DatasetStatistics } from './statistics.js';

import { MAX_DOMAIN, MIN_DOMAIN_COUNT } from './schema-domain.js';

export { MAX_DOMAIN, MIN_DOMAIN_COUNT } from './schema-domain.js';

/** True when a column's values are few and each frequent enough to be its whole domain (an enum). */
function closedDomain(s: ColumnStatistics): s is ColumnStatistics & { values: Record<string, number> } {
  return (
    s.values !== undefined &&
    s.distinct <= MAX_DOMAIN &&
    Object.values(s.values).every((count) => count >= MIN_DOMAIN_COUNT)
  );
}

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
  } else if (jsonType(type) !== 'string') {
    // Nested values (JSON objects and lists) and numbers profiled as categories (a numeric label):
    // typed as JSON holds them, not by the engine's text rendering ("{'c': 1}", "0").
    const json = jsonType(type);
    if (json) out.type = withNull(json);
    if (kindOf(type) === 'numeric' && closedDomain(s)) {
      out.enum = Object.keys(s.values)
        .map(Number)
        .sort((a, b) => a - b);
      if (nullable) out.enum.push(null);
    }
  } else {
    out.type = withNull('string');
    if (closedDomain(s)) {
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

/** The JSON type of a non-numeric, non-date column's values by its engine type (undefined: any JSON value). */
function jsonType(type: string): string | undefined {
  if (kindOf(type) === 'numeric') return /INT/.test(type) ? 'integer' : 'number';
  if (type.endsWith(']')) return 'array';
  if (type.startsWith('STRUCT') || type.startsWith('MAP')) return 'object';
  if (type === 'JSON') return undefined;
  return 'string';
}

/** The first of PATTERNS all values match, with JSON Schema's (ECMA-262) meaning of each pattern. */
async function commonPattern(db: DuckDBConnection, table: string, name: string): Promise<string | undefined> {
  const x = `CAST(${sqlIdent(name)} AS VARCHAR)`;
  const checks = PATTERNS.map(([p]) => `bool_and(regexp_matches(${x}, ${sqlString(re2Pattern(p))}))`).join(
    ', '
  );
  const row = (
    await db.runAndReadAll(`SELECT ${checks} FROM ${sqlIdent(table)} WHERE ${sqlIdent(name)} IS NOT NULL`)
  ).getRows()[0];
  const i = row.findIndex((v) => v === true);
  return i >= 0 ? PATTERNS[i][0] : undefined;
}
