// Delayed labels are joined to logged rows by the request id the client sent, as text. Ids that
// look like numbers were read as doubles: "007" became "7" and 2^53 + 1 became 2^53, joining labels
// to no row or to the wrong one. JSON Lines values of mixed types kept their JSON quotes.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns } from '../../src/data/columns.js';
import { joinLabels, readLabels } from '../../src/monitor/performance.js';
import type { LoggedRow } from '../../src/monitor/log.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-label-ids-'));
});

const logged = (ids: string[]) => ids.map((request_id) => ({ request_id }) as LoggedRow);

describe('label ids are the text the client sent', () => {
  test('CSV ids with leading zeros and beyond 2^53 keep every digit', async () => {
    const path = join(dir, 'labels.csv');
    await writeFile(path, 'request_id,y\n007,1\n00012,0\n9007199254740993,1\n9007199254740992,0\n');
    const table = await readLabels(path, 'request_id', 'y');
    expect(table.ids).toEqual(['007', '00012', '9007199254740993', '9007199254740992']);
    const joined = joinLabels(logged(['9007199254740992', '9007199254740993', '007']), table);
    expect(joined.rows).toEqual([0, 1, 2]);
    expect(joined.labels).toEqual([0, 1, 1]);
    expect(joined.unmatched).toBe(1);
  });

  test('JSON Lines ids and labels of mixed types lose no quotes', async () => {
    const path = join(dir, 'labels.jsonl');
    await writeFile(
      path,
      '{"request_id":"a","y":"0"}\n{"request_id":"b","y":1}\n{"request_id":5,"y":0}\n{"request_id":null,"y":1}\n'
    );
    const table = await readLabels(path, 'request_id', 'y');
    expect(table.ids).toEqual(['a', 'b', '5', '']);
    expect(table.values).toEqual(['0', '1', '0', '1']);
  });

  test('a JSON Lines column mixing strings and numbers reads as plain text', async () => {
    const path = join(dir, 'mixed.jsonl');
    await writeFile(path, '{"r":"east","x":1}\n{"r":"west","x":2}\n{"r":5,"x":3}\n{"r":null,"x":4}\n');
    const data = await loadColumns(path, ['r', 'x']);
    expect(data.text.r).toEqual(['east', 'west', '5', null]);
    expect(Array.from(data.numeric.x)).toEqual([1, 2, 3, 4]);
  });
});
