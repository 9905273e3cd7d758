/**
 * The export recipes of docs/training-convention.md, run as written where their library is
 * installed (torch; skl2onnx through __fixtures__/models/shims, which builds skl2onnx's exact
 * graph since skl2onnx is not installable) and checked by graph shape where it is not
 * (onnxmltools' XGBoost and LightGBM classifiers, __fixtures__/models/onnxmltools_shapes.py):
 * each model then evaluates with no flag beyond what the recipe says, to the probabilities of
 * the model it was exported from.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readModelFile } from '../../src/model/inference.js';
import { runCli } from '../../test-support/cli.js';

const PYTHON = '/usr/bin/python3';
let dir: string;
let doc: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-recipes-'));
  doc = await readFile('docs/training-convention.md', 'utf8');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The code block that follows `<!-- recipe: NAME -->` in the doc. */
function recipe(name: string): string {
  const match = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`python\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!match) throw new Error(`docs/training-convention.md has no recipe "${name}"`);
  return match[1];
}

/** The largest gap between the probabilities mlci read and the expected ones. */
function gap(predictions: string, expected: string): number {
  const script = `import sys, numpy as np, pandas as pd
p = pd.read_csv(sys.argv[1]).filter(like='candidate_').to_numpy(dtype=np.float64)
print(float(np.abs(p - np.loadtxt(sys.argv[2], delimiter=',', ndmin=2)).max()))`;
  return Number(execFileSync(PYTHON, ['-c', script, predictions, expected], { encoding: 'utf8' }));
}

async function evaluate(model: string, data: string, task: string, extra: string[] = []) {
  const predictions = join(dir, `${Math.random().toString(36).slice(2)}.csv`);
  const res = await runCli([
    'evaluate',
    '--model',
    model,
    '--data',
    data,
    '--label',
    'y',
    '--task',
    task,
    '--predictions',
    predictions,
    ...extra
  ]);
  expect(res.stderr).not.toMatch(/this is a bug/);
  expect(res.code).toBe(0);
  return { ...res, predictions };
}

it('torch.onnx.export: inputs named after the columns, a dynamic batch axis, probabilities', async () => {
  const work = join(dir, 'torch');
  const script = `import os, sys, numpy as np, torch
os.makedirs(sys.argv[1]); os.chdir(sys.argv[1]); torch.manual_seed(int(sys.argv[2]))
${recipe('torch')}
torch.manual_seed(int(sys.argv[2]))
net = Net()  # the same weights as the exported one: same seed, same initialisation
X = np.random.default_rng(int(sys.argv[2])).normal(size=(300, len(FEATURES))).astype(np.float32)
with torch.no_grad():
    p = net(*[torch.tensor(X[:, [i]]) for i in range(len(FEATURES))]).numpy()
y = (p[:, 1] > np.random.default_rng(1).random(300)).astype(int)
with open("data.csv", "w") as f:
    f.write(",".join(FEATURES[::-1] + ["y"]) + "\\n")
    for row, label in zip(X, y):
        f.write(",".join("%.9g" % v for v in row[::-1]) + ",%d\\n" % label)
np.savetxt("proba.csv", p, delimiter=",", fmt="%.17g")`;
  execFileSync(PYTHON, ['-c', script, work, String(Math.floor(Math.random() * 1e6))], { stdio: 'pipe' });
  const model = await readModelFile(join(work, 'model.onnx'));
  expect(model.signature.inputs.map((i) => [i.name, i.shape])).toEqual([
    ['tenure', ['N', 1]],
    ['charges', ['N', 1]],
    ['age', ['N', 1]]
  ]);
  const res = await evaluate(join(work, 'model.onnx'), join(work, 'data.csv'), 'binary');
  expect(res.stderr).toMatch(/read output "probabilities"/);
  expect(gap(res.predictions, join(work, 'proba.csv'))).toBeLessThan(1e-6);
}, 120_000);

describe('skl2onnx, with and without ZipMap, and model.features', () => {
  it.each(['ZipMap', 'no ZipMap'])(
    '%s',
    async (variant) => {
      const work = join(dir, `skl2onnx-${variant.replace(' ', '-')}`);
      // The recipe's two conversions, one at a time; the fitted model and X come before it.
      const lines = recipe('skl2onnx')
        .split('\n')
        .filter((l) => !l.startsWith('onx = ') || l.includes('zipmap') === (variant === 'no ZipMap'));
      const features = /features: \[(.*)\]/.exec(doc.slice(doc.indexOf('<!-- recipe: skl2onnx -->')))?.[1];
      const columns = (features ?? '').split(',').map((c) => c.trim());
      const script = `import os, sys, numpy as np
from sklearn.linear_model import LogisticRegression
os.makedirs(sys.argv[1]); os.chdir(sys.argv[1])
rng = np.random.default_rng(int(sys.argv[2])); columns = sys.argv[3].split(',')
X = rng.normal(size=(400, len(columns))).astype(np.float32)
y = (X @ rng.normal(size=len(columns)) + rng.normal(size=400) > 0).astype(int)
model = LogisticRegression().fit(X, y)
${lines.join('\n')}
order = list(reversed(columns))  # the data file's columns in another order than the model's
with open("data.csv", "w") as f:
    f.write(",".join(order + ["y"]) + "\\n")
    for row, label in zip(X, y):
        f.write(",".join("%.9g" % row[columns.index(c)] for c in order) + ",%d\\n" % label)
np.savetxt("proba.csv", model.predict_proba(X), delimiter=",", fmt="%.17g")`;
      execFileSync(PYTHON, ['-c', script, work, String(Math.floor(Math.random() * 1e6)), columns.join(',')], {
        stdio: 'pipe',
        env: { ...process.env, PYTHONPATH: resolve('__fixtures__/models/shims') }
      });
      const config = join(work, 'mlci.yml');
      await writeFile(
        config,
        `version: 1\nmodel:\n  name: m\n  task: binary\n  label: y\n  features: [${features}]\n`
      );
      const res = await evaluate(join(work, 'model.onnx'), join(work, 'data.csv'), 'binary', [
        '--config',
        config
      ]);
      expect(res.stderr).toMatch(
        variant === 'ZipMap' ? /read output "output_probability"/ : /read output "probabilities"/
      );
      expect(gap(res.predictions, join(work, 'proba.csv'))).toBeLessThan(1e-5);
    },
    120_000
  );
});

describe('onnxmltools: XGBoost and LightGBM classifiers by graph shape', () => {
  let cases: Record<string, { data: string; task: string }>;
  beforeAll(async () => {
    const work = join(dir, 'onnxmltools');
    execFileSync('mkdir', ['-p', work]);
    execFileSync(PYTHON, [
      resolve('__fixtures__/models/onnxmltools_shapes.py'),
      work,
      String(Math.floor(Math.random() * 1e6))
    ]);
    cases = JSON.parse(await readFile(join(work, 'cases.json'), 'utf8'));
    expect(recipe('onnxmltools')).toMatch(/\("input", FloatTensorType\(\[None, X\.shape\[1\]\]\)\)/);
  }, 120_000);

  it.each(['xgboost-binary', 'xgboost-multi', 'lightgbm-binary', 'lightgbm-multi'])('%s', async (name) => {
    const c = cases[name];
    const res = await evaluate(join(dir, 'onnxmltools', `${name}.onnx`), c.data, c.task);
    expect(res.stderr).toMatch(/read output "probabilities"/);
    if (name.startsWith('lightgbm')) expect(res.stderr).toMatch(/ZipMap output "probabilities" read through/);
    expect(gap(res.predictions, join(dir, 'onnxmltools', `${name}.proba.csv`))).toBeLessThan(1e-6);
  });
});
