// Counting schema violations in few scans: conditions are gathered by dry passes over the checks,
// then answered together (see ConditionCounts).
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdent, sqlString } from './engine.js';
import { firstRowsInFiles, RowLocator, SAMPLE_ROWS, toRowRef, type RowRef } from './schema-rows.js';
import type { LoadedSource } from './source.js';

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
export class ConditionCounts {
  private readonly wanted = new Set<string>();
  private readonly sampleWanted = new Map<string, { column: string; where: string }>();
  private readonly valueWanted = new Map<string, { column: string; values: Record<string, number> }>();
  private readonly counts = new Map<string, number>();
  private readonly bad = new Map<string, { value: string; count: number }[]>();
  private readonly samples = new Map<string, RowRef[]>();
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

  /**
   * Answers the gathered counts and samples: one scan of the table, and for a table loaded without
   * its row order, ordered reads of its files for the samples of conditions that hold.
   */
  async load(db: DuckDBConnection, source: LoadedSource): Promise<void> {
    const list = [...this.wanted];
    const sampled = [...this.sampleWanted];
    this.dry = false;
    if (list.length === 0 && sampled.length === 0) return;
    if (source.scan) return this.loadUnordered(db, { ...source, scan: source.scan }, list, sampled);
    // Parquet views number rows per file; tables of rows from memory keep their order in rowid. Only
    // the row keys are sampled in the scan: casting every filtered value to text there cost 5x the whole scan.
    const frn = source.rowColumn ? sqlIdent(source.rowColumn) : undefined;
    const fileId = frn && source.fileColumn ? sqlIdent(source.fileColumn) : undefined;
    const key = frn ? (fileId ? `struct_pack(f := ${fileId}, k := ${frn})` : frn) : 'rowid';
    const row = await this.scan(
      db,
      source,
      list,
      sampled,
      (flag) => `min(k, ${SAMPLE_ROWS}) FILTER (WHERE ${flag})`,
      key
    );
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
    const table = sqlIdent(source.table);
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
    const locator = new RowLocator(db, source);
    for (const [i, [sampleId, s]] of sampled.entries()) {
      const c = columns.indexOf(s.column);
      const refs: RowRef[] = [];
      for (const k of keys[i])
        refs.push(await toRowRef(source, locator, { k: k.k, f: k.f, v: values.get(id(k))?.[c] ?? null }));
      this.samples.set(sampleId, refs);
    }
  }

  /**
   * A table loaded from files without its insertion order: the scan counts the rows of each sampled
   * condition too; only conditions that hold are sampled, in file order, by ordered reads of the
   * files (so clean data reads them once).
   */
  private async loadUnordered(
    db: DuckDBConnection,
    source: LoadedSource & { scan: string },
    list: string[],
    sampled: [string, { column: string; where: string }][]
  ): Promise<void> {
    const row = await this.scan(db, source, list, sampled, (flag) => `count_if(${flag})`);
    const hit = sampled
      .map(([sampleId, s], i) => ({ sampleId, ...s, count: Number(row[list.length + i]) }))
      .filter((s) => s.count > 0);
    const rows = await firstRowsInFiles(db, source, hit);
    for (const [sampleId] of sampled) this.samples.set(sampleId, []);
    hit.forEach(({ sampleId }, i) => this.samples.set(sampleId, rows[i]));
  }

  /** One scan of the table: each condition projected once, then counted (`list`) and sampled (`sample`). */
  private async scan(
    db: DuckDBConnection,
    source: LoadedSource,
    list: string[],
    sampled: [string, { column: string; where: string }][],
    sample: (flag: string) => string,
    key?: string
  ): Promise<unknown[]> {
    const conditions = [...new Set([...list, ...sampled.map(([, s]) => s.where)])];
    const flag = (where: string) => `b${conditions.indexOf(where)}`;
    const parts = [
      ...list.map((w) => `count_if(${flag(w)})`),
      ...sampled.map(([, s]) => sample(flag(s.where)))
    ];
    const projected = [...(key ? [`${key} AS k`] : []), ...conditions.map((c, i) => `${c} AS b${i}`)];
    const row = (
      await db.runAndReadAll(
        `SELECT ${parts.join(', ')} FROM (SELECT ${projected.join(', ')} FROM ${sqlIdent(source.table)})`
      )
    ).getRows()[0];
    list.forEach((w, i) => this.counts.set(w, Number(row[i])));
    return row;
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
  sample(column: string, where: string): RowRef[] | undefined {
    const id = `${column}\u0000${where}`;
    if (this.dry) {
      this.sampleWanted.set(id, { column, where });
      return [];
    }
    return this.samples.get(id);
  }
}
