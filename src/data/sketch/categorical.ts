// HyperLogLog registers of a categorical shard that listed its values (under the value cap), built
// by engineHll as the profile builds them for shards above the cap — the engine's hash of each value
// in its column type — so both kinds of shard merge into one sketch of the union.
import { InputError } from '../../core/errors.js';
import { connection, sqlIdent } from '../engine.js';
import { engineHll } from './engine-hll.js';
import type { Hll } from './hll.js';

/** Engine types a listed value may be cast back to: names, sizes and list brackets, nothing quoted. */
const SAFE_TYPE = /^[A-Za-z][A-Za-z0-9_ ]*(\(\d+(, ?\d+)?\))?(\[\d*\])*$/;

let tables = 0;

/** The sketch of a shard's listed values (their text, as statistics.json keeps them) of engine type `type`. */
export async function sketchListed(values: string[], type: string, where: string): Promise<Hll> {
  // The type comes from a file and goes into SQL: only plain type names pass.
  if (!SAFE_TYPE.test(type))
    throw new InputError(`${where}: type "${type}" cannot be re-hashed to merge above the value cap`);
  const db = await connection();
  const name = `mlci_merge_values_${tables++}`;
  const table = sqlIdent(name);
  await db.run(`CREATE OR REPLACE TABLE ${table} (v VARCHAR)`);
  try {
    const appender = await db.createAppender(name);
    try {
      for (const v of values) {
        appender.appendVarchar(v);
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return await registers(table, type, where);
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

async function registers(table: string, type: string, where: string): Promise<Hll> {
  try {
    return await engineHll(await connection(), `SELECT hash(CAST(v AS ${type})) AS h FROM ${table}`);
  } catch (error) {
    throw new InputError(`${where}: a listed value is not a ${type} (${(error as Error).message})`);
  }
}
