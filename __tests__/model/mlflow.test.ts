/**
 * `--model` accepts an MLflow model directory with the onnx flavour, laid out exactly as
 * mlflow.onnx.save_model writes it (__fixtures__/models/mlflow_dir.py, since mlflow is not
 * installable here): evaluate reads the feature order from its column-based signature, and
 * register records MLflow's run id and artifact path in the version's lineage.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalRegistry } from '../../src/registry/local.js';
import { runCli } from '../../test-support/cli.js';

const PYTHON = '/usr/bin/python3';
const RUN_ID = '5c1a2f6d8e9b4a7c9d0e1f2a3b4c5d6e';
let dir: string;
let data: string;
let mlflowDir: string;
let order: string[];

/** Trains a logistic regression on the columns in signature order and logs it as MLflow would. */
const TRAIN = `
import json, os, sys
import numpy as np, pandas as pd
from sklearn.linear_model import LogisticRegression
sys.path.insert(0, sys.argv[1])
from skl2onnx_shapes import to_onnx
out = sys.argv[2]
rng = np.random.default_rng(int(sys.argv[3]))
names = ['tenure', 'charges', 'age', 'calls']
X = rng.normal(size=(800, 4)).astype(np.float32)
y = (X @ rng.normal(size=4) + rng.normal(size=800) > 0).astype(int)
frame = pd.DataFrame({n: X[:, i] for i, n in enumerate(names)}); frame['y'] = y
frame.to_csv(os.path.join(out, 'data.csv'), index=False, float_format='%.9g')
order = [names[i] for i in rng.permutation(4)]
Xs = frame[order].to_numpy(dtype=np.float32)
model = LogisticRegression().fit(Xs, y)
open(os.path.join(out, 'model.onnx'), 'wb').write(to_onnx(model, 4))
np.savetxt(os.path.join(out, 'proba.csv'), model.predict_proba(Xs), delimiter=',', fmt='%.17g')
print(json.dumps(order))`;

async function mlflowModel(
  name: string,
  inputs: string,
  runId?: string,
  artifactPath?: string
): Promise<string> {
  const target = join(dir, name);
  const extra = runId && artifactPath ? [runId, artifactPath] : [];
  execFileSync(PYTHON, [
    resolve('__fixtures__/models/mlflow_dir.py'),
    target,
    join(dir, 'model.onnx'),
    inputs,
    ...extra
  ]);
  return target;
}

const columnSchema = (columns: string[], type = 'double') =>
  JSON.stringify(columns.map((name) => ({ type, name, required: true })));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-mlflow-'));
  const seed = String(Math.floor(Math.random() * 1e6));
  order = JSON.parse(
    execFileSync(PYTHON, ['-c', TRAIN, resolve('__fixtures__/models'), dir, seed], { encoding: 'utf8' })
  ) as string[];
  data = join(dir, 'data.csv');
  mlflowDir = await mlflowModel('mlflow-model', columnSchema(order), RUN_ID, 'model');
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('an MLflow model directory as --model', () => {
  it('evaluate runs its model.onnx with the column order of its signature', async () => {
    const out = join(dir, 'eval');
    const predictions = join(dir, 'predictions.csv');
    const res = await runCli([
      'evaluate',
      '--model',
      mlflowDir,
      '--data',
      data,
      '--label',
      'y',
      '--task',
      'binary',
      '--out',
      out,
      '--predictions',
      predictions
    ]);
    expect(res.stderr).not.toMatch(/this is a bug/);
    expect(res.code).toBe(0);
    const gap = execFileSync(
      PYTHON,
      [
        '-c',
        `import sys, numpy as np, pandas as pd
p = pd.read_csv(sys.argv[1]).filter(like='candidate_').to_numpy(dtype=np.float64)
print(float(np.abs(p - np.loadtxt(sys.argv[2], delimiter=',')).max()))`,
        predictions,
        join(dir, 'proba.csv')
      ],
      { encoding: 'utf8' }
    );
    expect(Number(gap)).toBeLessThan(1e-5);
    const evaluation = JSON.parse(await readFile(join(out, 'evaluation.json'), 'utf8'));
    const onnx = await readFile(join(mlflowDir, 'model.onnx'));
    expect(evaluation.candidate.sha256).toBe(createHash('sha256').update(onnx).digest('hex'));
  });

  it('register records the MLflow run id, artifact path and model uuid in the lineage', async () => {
    const registry = join(dir, 'registry');
    const res = await runCli([
      'register',
      '--model',
      mlflowDir,
      '--name',
      'churn',
      '--evaluation',
      join(dir, 'eval/evaluation.json'),
      '--registry',
      registry
    ]);
    expect(res.stderr).not.toMatch(/this is a bug/);
    expect(res.code).toBe(0);
    const mlmodel = await readFile(join(mlflowDir, 'MLmodel'), 'utf8');
    const uuid = /^model_uuid: (\w+)$/m.exec(mlmodel)?.[1];
    const version = await new LocalRegistry(registry).resolve({ name: 'churn', version: 1 });
    expect(version?.lineage.mlflow).toEqual({ runId: RUN_ID, artifactPath: 'model', modelUuid: uuid });
    const onnx = await readFile(join(mlflowDir, 'model.onnx'));
    expect(version?.sha256).toBe(createHash('sha256').update(onnx).digest('hex'));
  });

  it('without a run id (mlflow.onnx.save_model), the lineage keeps only the model uuid', async () => {
    const saved = await mlflowModel('saved-model', columnSchema(order));
    const res = await runCli([
      'register',
      '--model',
      saved,
      '--name',
      'saved',
      '--registry',
      join(dir, 'registry2')
    ]);
    expect(res.code).toBe(0);
    const version = await new LocalRegistry(join(dir, 'registry2')).resolve({ name: 'saved', version: 1 });
    expect(version?.lineage.mlflow).toEqual({ modelUuid: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });
});

describe('broken MLflow model directories are refused with the file and key at fault', () => {
  const evaluate = (model: string) =>
    runCli(['evaluate', '--model', model, '--data', data, '--label', 'y', '--task', 'binary']);

  it('an MLmodel without the onnx flavour', async () => {
    const target = join(dir, 'sklearn-flavour');
    await mkdir(target);
    await writeFile(
      join(target, 'MLmodel'),
      'artifact_path: model\nflavors:\n  python_function:\n    loader_module: mlflow.sklearn\n  sklearn:\n    pickled_model: model.pkl\n    serialization_format: cloudpickle\n    sklearn_version: 1.2.1\nrun_id: abc\n'
    );
    const res = await evaluate(target);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /MLmodel: the model has no onnx flavour \(flavours: python_function, sklearn\)/
    );
  });

  it('flavors.onnx.data pointing outside the directory', async () => {
    const target = await mlflowModel('escape', columnSchema(order));
    const mlmodel = join(target, 'MLmodel');
    await writeFile(
      mlmodel,
      (await readFile(mlmodel, 'utf8')).replace(
        '    data: model.onnx\n    onnx_version',
        '    data: ../model.onnx\n    onnx_version'
      )
    );
    const res = await evaluate(target);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/flavors\.onnx\.data "\.\.\/model\.onnx" points outside the model directory/);
  });

  it('a signature typing a column as string for a numeric matrix input', async () => {
    const target = await mlflowModel('string-column', columnSchema(order, 'string'));
    const res = await evaluate(target);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(new RegExp(`types column "${order[0]}" as string`));
  });

  it('an MLmodel that is not YAML', async () => {
    const target = await mlflowModel('not-yaml', columnSchema(order));
    await writeFile(join(target, 'MLmodel'), 'flavors: [unclosed\n');
    const res = await evaluate(target);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/MLmodel: not valid YAML/);
  });
});
