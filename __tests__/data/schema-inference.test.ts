// An inferred schema must not fail clean held-out data of the same source (issue 15): infer on a
// seeded random 80 % of the example's data, validate the other 20 %, expect no error anomaly.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';
import { seededRandom } from '../../test-support/random.js';

const random = seededRandom;

let dir: string;
const sources: Record<string, { header: string; rows: string[] }> = {};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-schema-split-'));
  const text = await readFile('examples/churn-node/data/train.csv', 'utf8');
  const [header, ...rows] = text.trim().split('\n');
  sources.churn = { header, rows };
  // Unbounded values, where a held-out split almost surely goes past the training extremes.
  const next = random(99);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const columns = Array.from({ length: 8 }, (_, j) => `g${j}`);
  sources.gaussian = {
    header: [...columns, 'group'].join(','),
    rows: Array.from({ length: 2000 }, (_, i) =>
      [...columns.map(() => normal().toFixed(6)), ['a', 'b', 'c'][i % 3]].join(',')
    )
  };
});

/** Writes a seeded random 80/20 split of a source; returns the two paths. */
async function split(name: string, seed: number): Promise<{ train: string; test: string }> {
  const { header, rows } = sources[name];
  const next = random(seed);
  const inTrain = rows.map(() => next() < 0.8);
  const train = join(dir, `${name}-train-${seed}.csv`);
  const test = join(dir, `${name}-test-${seed}.csv`);
  await writeFile(train, [header, ...rows.filter((_, i) => inTrain[i])].join('\n') + '\n');
  await writeFile(test, [header, ...rows.filter((_, i) => !inTrain[i])].join('\n') + '\n');
  return { train, test };
}

type Report = { anomalies: { code: string; severity: string }[] };

describe('an inferred schema on a random split of the same data', () => {
  const label = ['--label', 'churned'];
  // The last two infer with and validate without --label, or the other way round: a 0/1 label
  // profiled as a category still holds the integers its schema asks for (it was a type_mismatch).
  test.each([
    ['churn', 1, label, label],
    ['churn', 2, label, label],
    ['churn', 3, [], []],
    ['gaussian', 1, [], []],
    ['churn', 4, [], label],
    ['churn', 5, label, []]
  ])('%s, seed %i: the 20 %% held out passes with no error', async (name, seed, inferLabel, checkLabel) => {
    const { train, test } = await split(name as string, seed as number);
    const schema = join(dir, `${name}-schema-${seed}.json`);
    const inferred = await runCli([
      'schema',
      'infer',
      '--data',
      train,
      ...(inferLabel as string[]),
      '--out',
      schema
    ]);
    expect(inferred.code).toBe(0);
    const run = await runCli([
      'validate-data',
      '--data',
      test,
      '--schema',
      schema,
      ...(checkLabel as string[]),
      '--json'
    ]);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.anomalies.filter((a) => a.severity === 'error')).toEqual([]);
    expect(run.code).toBe(0);
  });

  test('--ranges checks the observed ranges: the same split then fails with out_of_range', async () => {
    const { train, test } = await split('gaussian', 1);
    const schema = join(dir, 'ranges-schema.json');
    expect((await runCli(['schema', 'infer', '--data', train, '--out', schema])).code).toBe(0);
    // --out names a file: inferring again replaces it (it was refused as "expected a directory").
    const again = await runCli(['schema', 'infer', '--data', train, '--ranges', '--out', schema]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const run = await runCli(['validate-data', '--data', test, '--schema', schema, '--json']);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.anomalies.some((a) => a.code === 'out_of_range' && a.severity === 'error')).toBe(true);
    expect(run.code).toBe(1);
  });
});
