// Train/eval leakage (issue 15): an error above data.max_overlap_share of the evaluation rows, a
// warning at or below it, and data.severity.train_test_overlap overrides both.
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_OVERLAP_SHARE } from '../../src/data/overlap.js';
import { runCli } from '../../test-support/cli.js';

let dir: string;
let train: string;
const rows = (from: number, to: number) =>
  Array.from(
    { length: to - from },
    (_, k) => `${from + k},${((from + k) * 0.37).toFixed(2)},${(from + k) % 2}`
  );

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-overlap-'));
  train = join(dir, 'train.csv');
  await writeFile(train, ['id,x,y', ...rows(0, 4000)].join('\n') + '\n');
});

/** Evaluation data of 1000 rows of which `shared` are training rows (label flipped: still leakage). */
async function evaluation(shared: number): Promise<string> {
  const leaked = rows(0, shared).map((r) => r.replace(/,(\d)$/, (_, y: string) => `,${1 - Number(y)}`));
  const path = join(dir, `eval-${shared}.csv`);
  await writeFile(path, ['id,x,y', ...leaked, ...rows(10000, 11000 - shared)].join('\n') + '\n');
  return path;
}

async function config(data: string): Promise<string> {
  const path = join(dir, `mlci-${Math.random().toString(36).slice(2)}.yml`);
  await writeFile(path, `version: 1\nmodel:\n  name: leak\n  task: binary\n  label: y\ndata:\n${data}`);
  return path;
}

async function overlapOf(args: string[]) {
  const run = await runCli(['validate-data', ...args, '--train', train, '--label', 'y', '--json']);
  const report = JSON.parse(run.stdout) as { anomalies: { code: string; severity: string; count: number }[] };
  return { code: run.code, anomaly: report.anomalies.find((a) => a.code === 'train_test_overlap') };
}

describe('train/eval overlap', () => {
  test('all evaluation rows in the training data is an error (exit 1)', async () => {
    const { code, anomaly } = await overlapOf(['--data', await evaluation(1000)]);
    expect(anomaly).toMatchObject({ severity: 'error', count: 1000 });
    expect(code).toBe(1);
  });
  test('a share above the default 0.5 % is an error; at or below, a warning', async () => {
    expect(DEFAULT_MAX_OVERLAP_SHARE).toBe(0.005);
    const above = await overlapOf(['--data', await evaluation(6)]);
    expect(above.anomaly).toMatchObject({ severity: 'error', count: 6 });
    expect(above.code).toBe(1);
    const at = await overlapOf(['--data', await evaluation(5)]);
    expect(at.anomaly).toMatchObject({ severity: 'warning', count: 5 });
    expect(at.code).toBe(0);
  });
  test('no shared rows, no anomaly', async () => {
    const { code, anomaly } = await overlapOf(['--data', await evaluation(0)]);
    expect(anomaly).toBeUndefined();
    expect(code).toBe(0);
  });
  test('data.max_overlap_share in mlci.yml moves the threshold', async () => {
    const cfg = await config('  max_overlap_share: 0.2\n');
    const { code, anomaly } = await overlapOf(['--config', cfg, '--data', await evaluation(150)]);
    expect(anomaly).toMatchObject({ severity: 'warning', count: 150 });
    expect(code).toBe(0);
  });
  test('data.severity.train_test_overlap overrides the share rule', async () => {
    const cfg = await config('  severity:\n    train_test_overlap: warning\n');
    const { code, anomaly } = await overlapOf(['--config', cfg, '--data', await evaluation(1000)]);
    expect(anomaly).toMatchObject({ severity: 'warning' });
    expect(code).toBe(0);
    const off = await config('  severity:\n    train_test_overlap: "off"\n');
    expect((await overlapOf(['--config', off, '--data', await evaluation(1000)])).anomaly).toBeUndefined();
  });
  test('the JSON Schema states the same default', () => {
    const schema = JSON.parse(readFileSync('schema/mlci.schema.json', 'utf8'));
    expect(schema.properties.data.properties.max_overlap_share.default).toBe(DEFAULT_MAX_OVERLAP_SHARE);
  });
});
