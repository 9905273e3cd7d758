// An enum is inferred only for a closed domain (every value in at least MIN_DOMAIN_COUNT rows): a
// random 80/20 split of data whose categories have a long tail of rare values must give no
// error-level anomaly on the held-out part, while a new value in a domain of frequent values is
// still an out_of_domain error.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIN_DOMAIN_COUNT } from '../../src/data/schema-infer.js';
import { runCli } from '../../test-support/cli.js';
import { seededRandom } from '../../test-support/random.js';

type Report = {
  verdict: string;
  anomalies: { code: string; severity: string; column?: string; message: string }[];
};

let dir: string;
let rows: string[];
const HEADER = 'x,cat,code,label';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-rare-domain-'));
  // 2,000 rows: `cat` has 10 frequent values and 50 rare ones (1 to 3 rows each), `code` 40 values
  // seen 2 to 12 times, a numeric label with a rare class; `x` is a number.
  const next = seededRandom(7);
  rows = [];
  for (let r = 0; r < 50; r++) for (let k = 0; k <= r % 3; k++) rows.push(`c${10 + r}`);
  while (rows.length < 2000) rows.push(`c${Math.floor(next() * 10)}`);
  rows = rows.map((cat, i) => {
    const code = `K${i % 40 < 20 ? i % 40 : 20 + Math.floor(next() * 20)}`;
    const label = i % 997 === 0 ? 9 : i % 3;
    return `${(next() * 100).toFixed(3)},${cat},${i < 300 ? code : `K${i % 20}`},${label}`;
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function inferAndCheck(train: string, test: string, name: string): Promise<Report> {
  const schema = join(dir, `${name}.schema.json`);
  const inferred = await runCli(['schema', 'infer', '--data', train, '--out', schema, '--label', 'label']);
  expect(inferred.code).toBe(0);
  const run = await runCli([
    'validate-data',
    '--data',
    test,
    '--schema',
    schema,
    '--label',
    'label',
    '--json'
  ]);
  return JSON.parse(run.stdout) as Report;
}

describe('inferred domains on random splits', () => {
  it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
    'seed %i: the held-out 20 %% of data with rare categories has no error',
    async (seed) => {
      const next = seededRandom(1000 + seed);
      const inTrain = rows.map(() => next() < 0.8);
      const train = join(dir, `train-${seed}.csv`);
      const test = join(dir, `test-${seed}.csv`);
      await writeFile(train, [HEADER, ...rows.filter((_, i) => inTrain[i])].join('\n') + '\n');
      await writeFile(test, [HEADER, ...rows.filter((_, i) => !inTrain[i])].join('\n') + '\n');
      const report = await inferAndCheck(train, test, `split-${seed}`);
      expect(report.anomalies.filter((a) => a.severity === 'error')).toEqual([]);
      expect(report.verdict).toBe('pass');
      const schema = JSON.parse(await readFile(join(dir, `split-${seed}.schema.json`), 'utf8')) as {
        properties: Record<string, { enum?: unknown[]; pattern?: string }>;
      };
      // The open domains get a pattern instead of an enum.
      expect(schema.properties.cat.enum).toBeUndefined();
      expect(schema.properties.cat.pattern).toBe('^[A-Za-z0-9]+$');
      expect(schema.properties.label.enum).toBeUndefined();
    },
    30_000
  );

  it('a new value in a domain of frequent values is still an out_of_domain error', async () => {
    const train = join(dir, 'closed-train.csv');
    const test = join(dir, 'closed-test.csv');
    const colours = ['red', 'green', 'blue'];
    const line = (i: number, colour: string) => `${i},${colour},K1,${i % 2}`;
    await writeFile(
      train,
      [HEADER, ...Array.from({ length: 3 * MIN_DOMAIN_COUNT }, (_, i) => line(i, colours[i % 3]))].join(
        '\n'
      ) + '\n'
    );
    await writeFile(test, [HEADER, line(1, 'red'), line(2, 'purple'), line(3, 'blue')].join('\n') + '\n');
    const report = await inferAndCheck(train, test, 'closed');
    expect(report.verdict).toBe('fail');
    expect(report.anomalies).toContainEqual(
      expect.objectContaining({ code: 'out_of_domain', column: 'cat', severity: 'error' })
    );
    const schema = JSON.parse(await readFile(join(dir, 'closed.schema.json'), 'utf8')) as {
      properties: Record<string, { enum?: unknown[] }>;
    };
    expect(schema.properties.cat.enum).toEqual(['blue', 'green', 'red']);
    expect(schema.properties.label.enum).toEqual([0, 1]);
  }, 30_000);

  it('one value short of the count leaves the domain open', async () => {
    const train = join(dir, 'short-train.csv');
    const lines = Array.from(
      { length: 4 * MIN_DOMAIN_COUNT - 1 },
      (_, i) => `${i},${['a', 'b', 'c', 'd'][i % 4]},K1,0`
    );
    await writeFile(train, [HEADER, ...lines].join('\n') + '\n');
    const schema = join(dir, 'short.schema.json');
    expect((await runCli(['schema', 'infer', '--data', train, '--out', schema])).code).toBe(0);
    const inferred = JSON.parse(await readFile(schema, 'utf8')) as {
      properties: Record<string, { enum?: unknown[] }>;
    };
    expect(inferred.properties.cat.enum).toBeUndefined();
  });
});
