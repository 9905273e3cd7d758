/**
 * `mlci evaluate` on Parquet data with a model that names no features: its columns are the data's in
 * file order without the label. The reader's row numbers are not a data column (they were counted as
 * one, so a 2-feature model on x1, x2, y was refused as "3 columns besides the label"), and a file
 * with a column of its own named file_row_number is read (the engine refused it).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { linearModelOnnx } from '../../src/model/onnx-build.js';
import { runCli } from '../../test-support/cli.js';
import { writeParquet } from '../../test-support/parquet.js';
import { tempDir } from './helpers.js';

let dir: string;
let model: string;

const parquet = (path: string, columns: string) => writeParquet(path, columns, 400);

beforeAll(async () => {
  dir = await tempDir('mlci-eval-parquet-');
  // A [N, 2] matrix input and no feature_names metadata: the model names no features.
  model = join(dir, 'model.onnx');
  const bytes = linearModelOnnx({
    task: 'binary',
    featureNames: ['x1', 'x2'],
    weights: [[1.2], [-0.8]],
    bias: [0],
    metadata: { feature_names: undefined }
  });
  await writeFile(model, bytes);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function evaluate(data: string, name: string) {
  const out = join(dir, name);
  const res = await runCli([
    'evaluate',
    '--model',
    model,
    '--data',
    data,
    '--label',
    'y',
    '--task',
    'binary',
    '--out',
    out
  ]);
  const evaluation = res.code === 0 ? JSON.parse(await readFile(join(out, 'evaluation.json'), 'utf8')) : null;
  return { ...res, evaluation: evaluation as { data: { rows: number } } | null };
}

describe('evaluate reads a Parquet file’s own columns as the features of a model that names none', () => {
  it('takes x1, x2 in file order, not the reader’s row numbers', async () => {
    const data = await parquet(
      join(dir, 'plain.parquet'),
      '(range % 17) / 4.0 - 2 AS x1, (range % 11) / 3.0 - 1.5 AS x2, (range % 3 = 0)::INTEGER AS y'
    );
    const res = await evaluate(data, 'plain');
    expect(res.stderr).toMatch(
      /the model names no features, so its columns are .*plain\.parquet's in file order \(x1, x2\)/
    );
    expect(res.code).toBe(0);
    expect(res.evaluation?.data.rows).toBe(400);
  });

  it('reads a file with a column of its own named file_row_number, as a feature', async () => {
    const data = await parquet(
      join(dir, 'frn.parquet'),
      '(range % 17) / 4.0 - 2 AS x1, (range % 5) * 1.0 AS file_row_number, (range % 3 = 0)::INTEGER AS y'
    );
    const res = await evaluate(data, 'frn');
    expect(res.stderr).toMatch(/its columns are .*frn\.parquet's in file order \(x1, file_row_number\)/);
    expect(res.code).toBe(0);
    expect(res.evaluation?.data.rows).toBe(400);
  });
});
