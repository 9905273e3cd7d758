// Checking a loaded table against a row schema, column by column in SQL (fast on millions of rows),
// naming the first offending rows.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AnomalyCode } from '../config/types.js';
import { sqlIdent, sqlString } from './engine.js';
import { ConditionCounts } from './schema-counts.js';
import { RowLocator, sampleRows, type RowRef } from './schema-rows.js';
import { InputError } from '../core/errors.js';
import { checkedSchema, re2Pattern, type ColumnSchema, type RowSchema } from './schema.js';
import type { ColumnInfo, LoadedSource } from './source.js';
import type { ColumnStatistics, DatasetStatistics } from './statistics.js';

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

/** Checks a loaded table against a row schema, column by column; `file` names the schema in refusals. */
export async function validateAgainstSchema(
  db: DuckDBConnection,
  source: LoadedSource,
  stats: DatasetStatistics,
  given: RowSchema,
  file = 'schema'
): Promise<SchemaViolation[]> {
  const schema = checkedSchema(given, file);
  await refuseUncheckable(db, source, schema, file);
  // Dry passes gather what to evaluate: value-level conditions first (their counts decide which
  // samples are needed), then the scan conditions and samples, answered by one scan.
  const counts = new ConditionCounts();
  await checkSchema(db, source, stats, schema, counts);
  await counts.resolveValues(db);
  await checkSchema(db, source, stats, schema, counts);
  await counts.load(db, source);
  return checkSchema(db, source, stats, schema, counts);
}

/** Text keywords: checked on the value as the file writes it, which only a column read as text keeps. */
const TEXT_KEYWORDS = ['pattern', 'minLength', 'maxLength'] as const;

/**
 * Exit 2 before any scan for what can't be checked exactly: a pattern the engine (RE2) can't run,
 * and text keywords on a column read as numbers or dates (its text as written — leading zeros,
 * "1.0" — is gone).
 */
async function refuseUncheckable(
  db: DuckDBConnection,
  source: LoadedSource,
  schema: RowSchema,
  file: string
): Promise<void> {
  const present = new Map(source.columns.map((c) => [c.name, c]));
  for (const [name, spec] of Object.entries(schema.properties)) {
    if (spec.pattern !== undefined) {
      await db
        .runAndReadAll(`SELECT regexp_matches('', ${sqlString(re2Pattern(spec.pattern))})`)
        .catch((error: unknown) => {
          throw new InputError(
            `${file}: column "${name}": pattern ${JSON.stringify(spec.pattern)} can't be run by the engine (RE2: ${(error as Error).message.replace(/^.*Error: /, '')})`
          );
        });
    }
    const info = present.get(name);
    const keyword = TEXT_KEYWORDS.find((k) => spec[k] !== undefined);
    if (info && keyword && info.type !== 'VARCHAR') {
      const read = info.kind === 'numeric' ? 'numbers' : info.type;
      throw new InputError(
        `${file}: column "${name}": "${keyword}" can't be checked, the data is read as ${read} (${info.type}) and its text as written (leading zeros, "1.0") is not kept; check it with minimum/maximum/multipleOf or remove it (in JSON Lines, writing the values as strings keeps them text)`
      );
    }
  }
}

/** What every check of one pass shares: where violations go and how conditions are counted and sampled. */
interface Pass {
  db: DuckDBConnection;
  table: string;
  counts: ConditionCounts;
  out: SchemaViolation[];
  count: (db: DuckDBConnection, table: string, where: string) => number;
  sample: (column: string, where: string) => Promise<RowRef[]>;
}

/** One column under check: its schema, how it was loaded and its statistics. */
interface Column {
  name: string;
  spec: ColumnSchema;
  info: ColumnInfo;
  s: ColumnStatistics;
  /** The column as a SQL identifier. */
  id: string;
  t: string[];
}

async function checkSchema(
  db: DuckDBConnection,
  source: LoadedSource,
  stats: DatasetStatistics,
  schema: RowSchema,
  counts: ConditionCounts
): Promise<SchemaViolation[]> {
  const locator = new RowLocator(db, source);
  const pass: Pass = {
    db,
    table: source.table,
    counts,
    out: [],
    count: (_db, _table, where) => counts.count(where),
    sample: async (column, where) => {
      const found = counts.sample(column, where);
      if (counts.dry) return [];
      return found ?? sampleRows(db, source, locator, column, where);
    }
  };
  const present = new Map(source.columns.map((c) => [c.name, c]));
  tableChecks(pass, source, stats, schema, present);
  for (const [name, spec] of Object.entries(schema.properties)) {
    const info = present.get(name);
    const s = stats.columns[name];
    if (!info || !s) continue;
    const column: Column = { name, spec, info, s, id: sqlIdent(name), t: types(spec) };
    if (!(await checkTypeAndNulls(pass, column))) continue;
    if (s.kind === 'numeric' || wantsNumbers(column)) await checkNumbers(pass, column);
    await checkText(pass, column);
  }
  return pass.out;
}

/** Columns required but missing, columns not in the schema, too few rows. */
function tableChecks(
  pass: Pass,
  source: LoadedSource,
  stats: DatasetStatistics,
  schema: RowSchema,
  present: Map<string, ColumnInfo>
): void {
  const out = pass.out;
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
}

/** The column's type and nulls; false when it holds the wrong type (nothing more is checked). */
async function checkTypeAndNulls(pass: Pass, column: Column): Promise<boolean> {
  const { db, table, out, count, sample } = pass;
  const { name, spec, info, s, id, t } = column;
  if (wantsNumbers(column) && s.kind !== 'numeric') {
    // A column profiled as a category (a classification label) may still hold only numbers.
    const bad = `${id} IS NOT NULL AND TRY_CAST(${id} AS DOUBLE) IS NULL`;
    const n = count(db, table, bad);
    if (n > 0) {
      out.push({
        code: 'type_mismatch',
        column: name,
        message: `column "${name}" should be ${t.filter((x) => x !== 'null').join(' or ')} but holds ${s.kind} values (${n} not numeric)`,
        count: n,
        rows: await sample(name, bad)
      });
      return false;
    }
  }
  if (t.includes('integer') && !t.includes('number') && !/INT/.test(info.type)) {
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
  return true;
}

/** Whether the schema asks for numbers in this column. */
function wantsNumbers(column: Column): boolean {
  return column.t.includes('number') || column.t.includes('integer');
}

/** NaN, ±Inf and the range of a numeric column. */
async function checkNumbers(pass: Pass, column: Column): Promise<void> {
  const { db, table, out, count, sample } = pass;
  const { name, spec, s, id } = column;
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
  await checkRange(pass, column, x);
  if (spec.multipleOf !== undefined) {
    // A relative tolerance, as a decimal step (0.1) is not exact in binary floating point.
    const q = `(${x} / ${spec.multipleOf})`;
    const bad = `isfinite(${x}) AND abs(${q} - round(${q})) > 1e-9 * greatest(1, abs(${q}))`;
    const n = count(db, table, bad);
    if (n > 0)
      out.push({
        code: 'out_of_range',
        column: name,
        message: `column "${name}": ${n} values are not a multiple of ${spec.multipleOf}`,
        count: n,
        rows: await sample(name, bad)
      });
  }
}

/** minimum, maximum, exclusiveMinimum and exclusiveMaximum of a numeric column. */
async function checkRange(pass: Pass, column: Column, x: string): Promise<void> {
  const { db, table, out, count, sample } = pass;
  const { name, spec, s } = column;
  const { minimum: lo, maximum: hi, exclusiveMinimum: xlo, exclusiveMaximum: xhi } = spec;
  const conds: string[] = [];
  if (lo !== undefined) conds.push(`${x} < ${Number(lo)}`);
  if (hi !== undefined) conds.push(`${x} > ${Number(hi)}`);
  if (xlo !== undefined) conds.push(`${x} <= ${Number(xlo)}`);
  if (xhi !== undefined) conds.push(`${x} >= ${Number(xhi)}`);
  // The finite min and max are known: a column inside the range needs no scan (NaN when unknown).
  const min = s.min === null || s.min === undefined ? NaN : Number(s.min);
  const max = s.max === null || s.max === undefined ? NaN : Number(s.max);
  const outside =
    (lo !== undefined && !(min >= lo)) ||
    (hi !== undefined && !(max <= hi)) ||
    (xlo !== undefined && !(min > xlo)) ||
    (xhi !== undefined && !(max < xhi));
  if (conds.length > 0 && outside) {
    const bad = `isfinite(${x}) AND (${conds.join(' OR ')})`;
    const n = count(db, table, bad);
    if (n > 0) {
      const from = xlo !== undefined && (lo === undefined || xlo >= lo) ? `(${xlo}` : `[${lo ?? '-∞'}`;
      const to = xhi !== undefined && (hi === undefined || xhi <= hi) ? `${xhi})` : `${hi ?? '∞'}]`;
      out.push({
        code: 'out_of_range',
        column: name,
        message: `column "${name}": ${n} values outside ${from}, ${to} (observed ${s.min} … ${s.max})`,
        count: n,
        rows: await sample(name, bad)
      });
    }
  }
}

/** The domain (enum), pattern and length limits of a text column. */
async function checkText(pass: Pass, column: Column): Promise<void> {
  const { db, table, out, count, sample, counts } = pass;
  const { name, spec, s, id } = column;
  const x = `CAST(${id} AS VARCHAR)`;
  // Complete value counts (categorical columns) let per-value conditions run on distinct values only.
  const byValue = s.kind !== 'numeric' && s.values !== undefined;
  if (spec.enum) {
    // Numbers compare as numbers (1 is 1.0); other values as the column's text.
    const texts = spec.enum
      .filter((v) => v !== null && typeof v !== 'number')
      .map((v) => sqlString(String(v)));
    const numbers = spec.enum.filter((v): v is number => typeof v === 'number');
    const allowed = [
      ...(texts.length > 0 ? [`${x} IN (${texts.join(', ')})`] : []),
      ...(numbers.length > 0 ? [`coalesce(TRY_CAST(${id} AS DOUBLE) IN (${numbers.join(', ')}), false)`] : [])
    ];
    const bad =
      allowed.length > 0 ? `${id} IS NOT NULL AND NOT (${allowed.join(' OR ')})` : `${id} IS NOT NULL`;
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
  // JSON Schema patterns are ECMA-262 searches, not full matches: "[a-c]" accepts "abcx".
  if (spec.pattern !== undefined)
    textConds.push(`NOT regexp_matches(${x}, ${sqlString(re2Pattern(spec.pattern))})`);
  if (spec.minLength !== undefined) textConds.push(`length(${x}) < ${Number(spec.minLength)}`);
  if (spec.maxLength !== undefined) textConds.push(`length(${x}) > ${Number(spec.maxLength)}`);
  if (textConds.length > 0) {
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
  await checkFormat(pass, column, byValue);
}

/** RFC 3339 times of day, with leap seconds and an optional offset (as Ajv's formats read them). */
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)([.][0-9]+)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?';

/** The engine types whose values always have a format: parsed dates, timestamps and times. */
const FORMAT_TYPES: Record<string, RegExp> = { date: /^DATE$/, 'date-time': /^TIMESTAMP/, time: /^TIME$/ };

/** `format` date, date-time or time: the text's shape, and a date that exists in the calendar. */
async function checkFormat(pass: Pass, column: Column, byValue: boolean): Promise<void> {
  const { db, table, out, count, sample, counts } = pass;
  const { name, spec, s, id, info } = column;
  if (spec.format === undefined) return;
  // A column the engine read as that very type holds only such values: no scan (2 M rows ≈ 1 CPU s).
  if (FORMAT_TYPES[spec.format]?.test(info.type)) return;
  const x = `CAST(${id} AS VARCHAR)`;
  const calendar = (date: string) => `TRY_CAST(${date} AS DATE) IS NOT NULL`;
  const ok =
    spec.format === 'date'
      ? `regexp_full_match(${x}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND ${calendar(x)}`
      : spec.format === 'time'
        ? `regexp_full_match(${x}, '${TIME}')`
        : `regexp_full_match(${x}, '[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ]${TIME}') AND ${calendar(`substr(${x}, 1, 10)`)}`;
  const bad = `${id} IS NOT NULL AND NOT coalesce(${ok}, false)`;
  const n = byValue ? counts.countValues(bad, name, s.values!) : count(db, table, bad);
  if (n > 0)
    out.push({
      code: 'out_of_domain',
      column: name,
      message: `column "${name}": ${n} values are not a ${spec.format} (RFC 3339)`,
      count: n,
      rows: await sample(name, bad)
    });
}

function fmtShare(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}
