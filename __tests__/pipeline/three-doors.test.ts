// Issue 14's acceptance: each stage entered by its three doors — the CLI command, the action entry and
// `mlci pipeline` — on one mlci.yml in a subfolder, from another working directory, builds the same
// request and writes the same results.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { run as registerAction } from '../../src/actions/register/main.js';
import { run as trainAction } from '../../src/actions/train/main.js';
import { run as validateAction } from '../../src/actions/validate-data/main.js';
import { run as deployAction } from '../../src/actions/deploy-canary/main.js';
import { run as evaluateAction } from '../../src/actions/evaluate-vs-baseline/main.js';
import { run as monitorAction } from '../../src/actions/monitor/main.js';
import { run as pipelineAction } from '../../src/actions/pipeline/main.js';
import { onRequestBuilt } from '../../src/stages/request-hook.js';
import { sha256Hex } from '../../src/registry/integrity.js';
import { runCli } from '../../test-support/cli.js';

type Door = 'cli' | 'action' | 'pipeline';
const STAGES = ['validate-data', 'train', 'evaluate', 'register', 'deploy-canary'] as const;
type Stage = (typeof STAGES)[number] | 'monitor' | 'pipeline';

// Per-door paths a request holds: each door writes to its own folder and passes on its own files.
const DOOR_PATHS: Record<Stage, string[]> = {
  'validate-data': ['out'],
  train: ['out'],
  evaluate: ['out', 'model', 'validation'],
  register: ['model', 'evaluation', 'statistics', 'training'],
  'deploy-canary': ['out'],
  monitor: ['out'],
  pipeline: ['out']
};

/** The request with the per-door paths left out and an opened registry named by its folder. */
function comparable(stage: Stage, request: unknown): Record<string, unknown> {
  const copy = { ...(request as Record<string, unknown>) };
  const holder = stage === 'register' ? (copy.stage = { ...(copy.stage as object) }) : copy;
  for (const key of DOOR_PATHS[stage]) delete (holder as Record<string, unknown>)[key];
  if (copy.registry && typeof copy.registry === 'object')
    copy.registry = { dir: (copy.registry as { dir?: string }).dir };
  return copy;
}

describe('one request per stage: CLI, action and pipeline agree (examples/churn-node in a subfolder)', () => {
  const cwd = process.cwd();
  const env = { ...process.env };
  let root: string;
  let sub: string;
  let config: string;
  let elsewhere: string;
  const requests: Record<Door, Partial<Record<Stage, unknown>>> = { cli: {}, action: {}, pipeline: {} };
  let door: Door = 'pipeline';
  let stop: () => void;

  beforeAll(async () => {
    // Inside the repository, so that train.mjs resolves its packages from the root node_modules.
    const base = resolve('node_modules/.cache/mlci-tests');
    await mkdir(base, { recursive: true });
    root = await mkdtemp(join(base, 'three-doors-'));
    sub = join(root, 'proj', 'sub');
    await mkdir(sub, { recursive: true });
    for (const file of ['mlci.yml', 'data', 'train.mjs', 'params.yaml'])
      await cp(resolve('examples/churn-node', file), join(sub, file), { recursive: true });
    config = join(sub, 'mlci.yml');
    elsewhere = join(root, 'elsewhere');
    await mkdir(elsewhere);
    for (const key of Object.keys(process.env))
      if (key.startsWith('GITHUB_') || key.startsWith('MLCI_') || key === 'GH_TOKEN') delete process.env[key];
    process.chdir(elsewhere);
    stop = onRequestBuilt((stage, request) => {
      requests[door][stage as Stage] = structuredClone(comparable(stage as Stage, request));
    });
  });

  afterAll(async () => {
    stop();
    process.chdir(cwd);
    process.env = env;
    process.exitCode = undefined;
    await rm(root, { recursive: true, force: true });
  });

  /** Runs an action entry with MLCI_INPUT_* as its action.yml passes them; returns its outputs file. */
  async function runAction(entry: () => Promise<void>, inputs: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(root, 'gh-'));
    const outputs = join(dir, 'outputs');
    await writeFile(outputs, '');
    await writeFile(join(dir, 'summary'), '');
    const saved = { ...process.env };
    Object.assign(process.env, { GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: join(dir, 'summary') });
    for (const [name, value] of Object.entries(inputs))
      process.env[`MLCI_INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    // A CLI run before this one leaves its own exit code (0); the action must not set one on success.
    process.exitCode = undefined;
    try {
      await entry();
    } finally {
      process.stdout.write = write;
      process.env = saved;
    }
    const code = process.exitCode;
    process.exitCode = undefined;
    expect({ code, outputs: await readFile(outputs, 'utf8') }).toMatchObject({ code: undefined });
    return readFile(outputs, 'utf8');
  }

  const json = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
  const out = (d: Door, stage: Stage) =>
    d === 'pipeline' ? join(elsewhere, 'pipe', stage) : join(elsewhere, d, stage);

  it('runs every stage by the three doors from another directory and gets the same requests and results', async () => {
    door = 'pipeline';
    const pipe = await runCli(['pipeline', '--config', config, '--until', 'register', '--out', 'pipe']);
    expect(pipe.stderr).not.toMatch(/unexpected error/);
    expect(pipe.code).toBe(0);

    // The pipeline validates the training data with the label required; the other doors are asked the same.
    const train = join(sub, 'data/train.csv');
    door = 'cli';
    const cli = async (args: string[]) => {
      const r = await runCli([...args, '--config', config]);
      expect({ args, code: r.code, stderr: r.stderr }).toMatchObject({ code: 0 });
    };
    await cli(['validate-data', '--data', train, '--label', 'churned', '--out', out('cli', 'validate-data')]);
    await cli(['train', '--out', out('cli', 'train')]);
    const model = (d: Door) => join(out(d, 'train'), 'model.onnx');
    const validation = (d: Door) => join(out(d, 'validate-data'), 'validation.json');
    await cli([
      'evaluate',
      ...['--model', model('cli'), '--validation', validation('cli'), '--out', out('cli', 'evaluate')]
    ]);
    const registerFiles = (d: Door) => ({
      evaluation: join(out(d, 'evaluate'), 'evaluation.json'),
      statistics: join(out(d, 'validate-data'), 'statistics.json'),
      training: join(out(d, 'train'), 'training.json')
    });
    const f = registerFiles('cli');
    await cli([
      'register',
      ...['--model', model('cli'), '--evaluation', f.evaluation, '--statistics', f.statistics],
      ...['--training', f.training, '--json']
    ]);

    door = 'action';
    await runAction(validateAction, {
      config,
      data: train,
      label: 'churned',
      out: out('action', 'validate-data')
    });
    await runAction(trainAction, { config, out: out('action', 'train') });
    await runAction(evaluateAction, {
      config,
      model: model('action'),
      validation: validation('action'),
      out: out('action', 'evaluate')
    });
    const a = registerFiles('action');
    // The action's registry input defaults to github (action.yml); a workflow on a local registry names it.
    const registryDir = join(sub, '.mlci/registry');
    const registered = await runAction(registerAction, {
      config,
      model: model('action'),
      evaluation: a.evaluation,
      statistics: a.statistics,
      'training-record': a.training,
      registry: registryDir,
      out: join(elsewhere, 'action', 'register')
    });

    // Deploy last, once every door has evaluated without a production baseline: the pipeline's deploy stage
    // (a second run, to the end) makes the first version production, the other doors then find it there.
    door = 'pipeline';
    const full = await runCli(['pipeline', '--config', config, '--out', 'pipe-deploy']);
    expect(full.code).toBe(0);
    door = 'cli';
    await cli(['deploy-canary', '--version', 'v1', '--out', out('cli', 'deploy-canary')]);
    door = 'action';
    const deployed = await runAction(deployAction, {
      config,
      version: 'v1',
      registry: registryDir,
      out: out('action', 'deploy-canary')
    });

    // The monitor has two doors (the pipeline has no monitor stage): new data against production's statistics.
    const batch = join(sub, 'data/test.csv');
    door = 'cli';
    await cli(['monitor', '--data', batch, '--dry-run', '--out', out('cli', 'monitor')]);
    door = 'action';
    await runAction(monitorAction, {
      config,
      data: batch,
      registry: registryDir,
      'dry-run': 'true',
      out: out('action', 'monitor')
    });
    expect(requests.action.monitor).toEqual(requests.cli.monitor);
    expect(requests.cli.monitor).toMatchObject({ model: 'churn-node', data: batch, labelColumn: 'churned' });
    const [cliMonitor, actionMonitor] = await Promise.all(
      (['cli', 'action'] as const).map((d) => json(join(out(d, 'monitor'), 'monitor.json')))
    );
    expect(actionMonitor.verdict).toBe(cliMonitor.verdict);
    expect(actionMonitor.drift).toEqual(cliMonitor.drift);

    // Same requests.
    for (const stage of STAGES) {
      expect({ stage, request: requests.cli[stage] }).toEqual({ stage, request: requests.pipeline[stage] });
      expect({ stage, request: requests.action[stage] }).toEqual({
        stage,
        request: requests.pipeline[stage]
      });
    }
    // Every path of mlci.yml was read from the subfolder, not from the working directory.
    expect(requests.pipeline['validate-data']).toMatchObject({
      data: train,
      reference: join(sub, 'data/train.csv'),
      label: 'churned',
      labelOptional: false
    });
    expect(requests.pipeline.evaluate).toMatchObject({
      data: join(sub, 'data/test.csv'),
      registry: { dir: registryDir }
    });
    expect(requests.pipeline.register).toMatchObject({ registry: registryDir });
    expect(requests.pipeline['deploy-canary']).toMatchObject({
      model: 'churn-node',
      version: 1,
      replay: join(sub, 'data/test.csv'),
      dropColumns: ['churned'],
      stateFile: join(sub, '.mlci/deploy-state.json'),
      registry: { dir: registryDir }
    });

    // Same results.
    const doors: Door[] = ['cli', 'action', 'pipeline'];
    const validations = await Promise.all(doors.map((d) => json(validation(d))));
    for (const v of validations.slice(1)) {
      expect(v.verdict).toBe(validations[0].verdict);
      expect(v.columns).toEqual(validations[0].columns);
      expect(v.drift).toEqual(validations[0].drift);
      expect(v.dataset_drift).toEqual(validations[0].dataset_drift);
      expect(v.anomalies).toEqual(validations[0].anomalies);
    }
    expect(validations[0].dataset_drift).not.toBeNull();
    const shas = await Promise.all(doors.map(async (d) => sha256Hex(await readFile(model(d)))));
    expect(new Set(shas).size).toBe(1);
    const evaluations = await Promise.all(
      doors.map((d) => json(join(out(d, 'evaluate'), 'evaluation.json')))
    );
    // Latency is a timing, different on every run; every other metric is computed from the same bytes.
    const scores = (e: { candidate: { metrics: Record<string, number> } }) => {
      const { latency_ms_per_1000_rows: latency, ...rest } = e.candidate.metrics;
      expect(latency).toBeGreaterThan(0);
      return rest;
    };
    for (const e of evaluations.slice(1)) {
      expect(scores(e)).toEqual(scores(evaluations[0]));
      expect(e.slices).toEqual(evaluations[0].slices);
      expect(e.gates).toEqual(evaluations[0].gates);
      expect(e.verdict).toBe(evaluations[0].verdict);
    }
    // One version, the same bytes, whichever door registered it first.
    const pipeline = await json(join(elsewhere, 'pipe', 'pipeline.json'));
    expect(pipeline.version).toBe(1);
    expect(await json(join(elsewhere, 'pipe-deploy', 'pipeline.json'))).toMatchObject({
      version: 1,
      production: 1
    });
    expect(deployed).toMatch(/stable<<[^\n]+\n1\n/);
    expect(registered).toMatch(new RegExp(`sha256<<[^\\n]+\\n${shas[0]}\\n`));
    expect(registered).toMatch(/version<<[^\n]+\n1\n/);
    // Nothing was written to the working directory but the outputs asked for.
    expect((await import('node:fs')).readdirSync(elsewhere).sort()).toEqual([
      'action',
      'cli',
      'pipe',
      'pipe-deploy'
    ]);

    // The pipeline itself has two doors: mlci pipeline and the root action.
    door = 'cli';
    await cli(['pipeline', '--until', 'evaluate', '--out', 'pr-cli', '--dry-run']);
    door = 'action';
    await runAction(pipelineAction, { config, until: 'evaluate', out: join(elsewhere, 'pr-action') });
    expect(requests.action.pipeline).toEqual(requests.cli.pipeline);
    expect(requests.cli.pipeline).toMatchObject({ configPath: config, until: 'evaluate', skip: [] });
  }, 300_000);
});
