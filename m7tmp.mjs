import { DuckDBInstance } from '@duckdb/node-api';
const db = await (await DuckDBInstance.create(':memory:')).connect();
for (const [f, extra] of [['ragged.csv',", names=['a','b','c']"],['ragged2.csv',", names=['a','b','c']"],['r3.csv',", names=['a','b','c']"],['r3.csv',""],['quoted.csv',", names=['a','b']"]]) {
  try {
    const r = await db.runAndReadAll(`SELECT * FROM read_csv('/tmp/bad/${f}', header=true, delim=',', quote='"', escape='"'${extra})`);
    console.log(f, extra, JSON.stringify(r.columnNames()), JSON.stringify(r.getRows().slice(0,4).map(x=>x.map(String))));
  } catch (e) { console.log(f, extra, 'ERR', e.message.slice(0, 300).replace(/\n/g,' | ')); }
}
