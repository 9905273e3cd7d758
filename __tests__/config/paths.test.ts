import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { CONFIG_PATH_FIELDS } from '../../src/config/paths.js';
import { runCli } from '../../test-support/cli.js';

// One path rule (issue 14): every path in mlci.yml is relative to the folder of mlci.yml, whichever
// command reads it and whatever the working directory.

describe('paths in mlci.yml are relative to its folder', () => {
  let base: string;
  let config: string;
  let elsewhere: string;
  const cwd = process.cwd();
  beforeAll(async () => {
    // Inside the repository, so the example trainer finds its packages in the root node_modules.
    await mkdir(resolve('node_modules/.cache/mlci-tests'), { recursive: true });
    base = await mkdtemp(resolve('node_modules/.cache/mlci-tests/paths-'));
    await cp(resolve('examples/churn-node'), join(base, 'proj', 'sub'), {
      recursive: true,
      filter: (source) => !/(\.mlci|model\.onnx|\/out)$/.test(source)
    });
    config = join(base, 'proj', 'sub', 'mlci.yml');
    elsewhere = join(base, 'elsewhere');
    await mkdir(elsewhere);
    process.chdir(elsewhere);
  });
  afterAll(async () => {
    process.chdir(cwd);
    await rm(base, { recursive: true, force: true });
  });

  it('loadConfig resolves every path field against the folder of mlci.yml', async () => {
    const loaded = await loadConfig(config);
    const sub = join(base, 'proj', 'sub');
    expect(loaded.data?.train).toBe(join(sub, 'data/train.csv'));
    expect(loaded.evaluate?.data).toBe(join(sub, 'data/test.csv'));
    expect(loaded.train?.params).toBe(join(sub, 'params.yaml'));
    expect(loaded.train?.sources).toEqual([join(sub, 'train.mjs'), join(sub, 'params.yaml')]);
    expect(CONFIG_PATH_FIELDS.length).toBeGreaterThanOrEqual(16);
  });

  it('validate-data, train, evaluate and pipeline --until evaluate run from another folder', async () => {
    const sub = join(base, 'proj', 'sub');
    const validate = await runCli(['validate-data', '--config', config, '--out', 'validation']);
    expect(validate.stderr).not.toMatch(/not found|unexpected/);
    expect(validate.code).toBe(0);
    const validation = JSON.parse(await readFile(join(elsewhere, 'validation', 'validation.json'), 'utf8'));
    expect(JSON.stringify(validation)).toContain(join(sub, 'data', 'test.csv'));

    const train = await runCli(['train', '--config', config, '--out', 'train']);
    expect(train.stderr).not.toMatch(/not found|unexpected/);
    expect(train.code).toBe(0);

    const evaluate = await runCli([
      'evaluate',
      '--config',
      config,
      '--model',
      'train/model.onnx',
      '--out',
      'eval'
    ]);
    expect(evaluate.stderr).not.toMatch(/not found|unexpected/);
    expect(evaluate.code).toBe(0);

    const pipeline = await runCli([
      'pipeline',
      '--config',
      config,
      '--until',
      'evaluate',
      '--out',
      'pipeline'
    ]);
    expect(pipeline.stderr).not.toMatch(/not found|unexpected/);
    expect(pipeline.code).toBe(0);

    // The same data and the same model give the same numbers through both doors.
    const read = async (path: string) => JSON.parse(await readFile(join(elsewhere, path), 'utf8'));
    const direct = await read('eval/evaluation.json');
    const piped = await read('pipeline/evaluate/evaluation.json');
    expect(piped.candidate.sha256).toBe(direct.candidate.sha256);
    const withoutTiming = (metrics: Record<string, unknown>) => ({
      ...metrics,
      latency_ms_per_1000_rows: undefined
    });
    expect(withoutTiming(piped.candidate.metrics)).toEqual(withoutTiming(direct.candidate.metrics));
    expect(piped.data).toEqual(direct.data);
  });
});
