// The default registry is a path of mlci.yml like any other: .mlci/registry beside mlci.yml, whichever
// door reads it and whatever the working directory (docs/config.md). The pipeline used the folder of
// mlci.yml while `mlci evaluate --config` and `mlci register --config` used the working directory, so
// the same mlci.yml compared against a production model through one door and against none through another.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onRequestBuilt } from '../../src/stages/request-hook.js';
import { runCli } from '../../test-support/cli.js';

const cwd = process.cwd();
let root: string;
let sub: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mlci-default-registry-'));
  sub = join(root, 'proj');
  await mkdir(join(root, 'elsewhere'), { recursive: true });
  await mkdir(sub);
  await writeFile(
    join(sub, 'mlci.yml'),
    'version: 1\nmodel: {name: m, task: binary, label: y}\ndata: {eval: test.csv}\n'
  );
  process.chdir(join(root, 'elsewhere'));
});
afterAll(async () => {
  process.chdir(cwd);
  process.exitCode = undefined;
  await rm(root, { recursive: true, force: true });
});

test('evaluate and register default to .mlci/registry beside mlci.yml, not in the working directory', async () => {
  const seen: Record<string, unknown> = {};
  const stop = onRequestBuilt((stage, request) => (seen[stage] = request));
  try {
    const config = join(sub, 'mlci.yml');
    await runCli(['evaluate', '--config', config, '--model', join(sub, 'model.onnx')]);
    await runCli(['register', '--config', config, '--model', join(sub, 'model.onnx')]);
  } finally {
    stop();
  }
  const registry = join(sub, '.mlci/registry');
  expect((seen.evaluate as { registry: { dir?: string } | null }).registry?.dir).toBe(registry);
  expect((seen.register as { registry?: string }).registry).toBe(registry);
});

test('--gate adds to the gates of mlci.yml on the same metric, not replaces them', async () => {
  // Before: `--gate roc_auc:max_drop=0.5` dropped mlci.yml's `roc_auc: {min: 0.99}`, so a failing
  // model passed on a gate that is skipped without a baseline.
  const config = join(sub, 'gates.yml');
  await writeFile(
    config,
    'version: 1\nmodel: {name: m, task: binary, label: y}\ndata: {eval: test.csv}\n' +
      'evaluate: {gates: {roc_auc: {min: 0.99}, accuracy: {min: 0.5}}}\n'
  );
  let request: { gates?: unknown } = {};
  const stop = onRequestBuilt((stage, built) => {
    if (stage === 'evaluate') request = built as typeof request;
  });
  try {
    await runCli([
      'evaluate',
      '--config',
      config,
      '--model',
      join(sub, 'model.onnx'),
      '--gate',
      'roc_auc:max_drop=0.5'
    ]);
  } finally {
    stop();
  }
  expect(request.gates).toEqual({ roc_auc: { min: 0.99, max_drop: 0.5 }, accuracy: { min: 0.5 } });
});
