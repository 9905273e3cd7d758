import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import { MLCI_VERSION } from '../../src/core/version.js';
import { planTraining, trainCacheKey } from '../../src/stages/train.js';
import { cleanEnv, makeProject, readRecord, runCount, train } from './helpers.js';

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe('mlci train: content-addressed cache', () => {
  it('misses, then restores model and record without retraining; --force retrains', async () => {
    const project = await makeProject();
    const first = await train(project);
    expect(first.cacheHit).toBe(false);
    expect(first.record.cache).toMatchObject({ enabled: true, hit: false });
    expect(first.record.cache.note).toContain(
      'miss; train.sources is not set: the key covers only the files the command names (train.sh)'
    );
    expect(await runCount(project.root)).toBe(1);

    // The model at train.model is gone; a hit must bring it back byte for byte.
    await writeFile(join(project.root, 'model.onnx'), 'stale');
    const second = await train(project);
    expect(second.cacheHit).toBe(true);
    expect(await runCount(project.root)).toBe(1);
    expect(second.record.cache.hit).toBe(true);
    expect(second.record.cache.note).toMatch(/^restored from \.mlci\/cache\/[0-9a-f]{40} without retraining/);
    expect(await sha256(join(project.root, 'model.onnx'))).toBe(first.record.model!.sha256);
    expect(await sha256(join(project.out, 'model.onnx'))).toBe(first.record.model!.sha256);
    expect((await readRecord(project.out)).started_at).toBe(first.record.started_at);

    const forced = await train(project, { force: true });
    expect(forced.cacheHit).toBe(false);
    expect(forced.record.cache.note).toContain('--force: retrained');
    expect(await runCount(project.root)).toBe(2);
  });

  it('reads the data files for rows and columns only when it trains (a cache hit restores them)', async () => {
    const project = await makeProject();
    const plan = await planTraining({ config: project.config, root: project.root });
    expect(plan.data.length).toBeGreaterThan(0);
    expect(plan.data.every((d) => d.rows === undefined && d.columns === undefined)).toBe(true);
    const first = await train(project);
    expect(first.record.data.every((d) => typeof d.rows === 'number' && Array.isArray(d.columns))).toBe(true);
    expect(await plan.describeData()).toEqual(first.record.data);
    const hit = await train(project);
    expect(hit.cacheHit).toBe(true);
    expect(hit.record.data).toEqual(first.record.data);
  });

  it('misses when the sources, the params, the seed, the data or the command change', async () => {
    const project = await makeProject();
    const key = async (
      extra: Parameters<typeof trainCacheKey>[0] extends infer O ? Partial<O> : never = {}
    ) => (await trainCacheKey({ config: project.config, root: project.root, ...extra })).key;
    const base = await key();
    expect(base).toMatch(/^[0-9a-f]{40}$/);
    expect(await key()).toBe(base);
    expect(await key({ overrides: ['lr=0.1'] })).not.toBe(base);
    expect(await key({ seed: 8 })).not.toBe(base);
    expect(await key({ command: 'bash train.sh --fast' })).not.toBe(base);
    await appendFile(join(project.root, 'train.sh'), '# a comment changes the source\n');
    const afterSource = await key();
    expect(afterSource).not.toBe(base);
    await appendFile(join(project.root, 'data', 'train.csv'), '1,1,1\n');
    expect(await key()).not.toBe(afterSource);

    await train(project);
    const trained = await runCount(project.root);
    await appendFile(join(project.root, 'params.yaml'), 'extra: 1\n');
    const changed = await train(project);
    expect(changed.cacheHit).toBe(false);
    expect(await runCount(project.root)).toBe(trained + 1);
  });

  it('uses train.sources globs for the key and can be switched off', async () => {
    const project = await makeProject({ trainYaml: '  sources: ["*.sh", "lib/**/*.py"]' });
    await expect(trainCacheKey({ config: project.config, root: project.root })).rejects.toThrow(
      'train.sources: "lib/**/*.py" matches no file'
    );
    const off = await makeProject({ trainYaml: '  cache: false' });
    await train(off);
    const again = await train(off);
    expect(again.cacheHit).toBe(false);
    expect(again.record.cache).toMatchObject({ enabled: false, key: null });
    expect(await runCount(off.root)).toBe(2);
  });
});

describe('mlci train: the environment of the command', () => {
  it('exports the seed, params, model and metrics paths (relative to mlci.yml, not workdir), and runs in train.workdir', async () => {
    const project = await makeProject({
      trainYaml: '  workdir: sub\n  model: sub/models/out.onnx\n  metrics: sub/logs/metrics.jsonl'
    });
    await mkdir(join(project.root, 'sub', 'models'), { recursive: true });
    await mkdir(join(project.root, 'sub', 'logs'), { recursive: true });
    const { config, root } = project;
    const command =
      'printf "%s\\n" "$PWD" "$MLCI_SEED" "$PYTHONHASHSEED" "$MLCI_MODEL_PATH" "$MLCI_METRICS_PATH" > env.txt; ' +
      'cp "$MLCI_PARAMS" params-seen.json; bash ../train.sh';
    const { record } = await train(
      { ...project, config: { ...config, train: { ...config.train!, command } } },
      { seed: 3 }
    );
    const seen = (await readFile(join(root, 'sub', 'env.txt'), 'utf8')).trim().split('\n');
    expect(seen).toEqual([
      join(root, 'sub'),
      '3',
      '3',
      join(root, 'sub', 'models', 'out.onnx'),
      join(root, 'sub', 'logs', 'metrics.jsonl')
    ]);
    expect(JSON.parse(await readFile(join(root, 'sub', 'params-seen.json'), 'utf8'))).toEqual(record.params);
    expect(record.workdir).toBe('sub');
    expect(record.model?.path).toBe('sub/models/out.onnx');
    expect(record.metrics.lines).toBe(20);
  });
});

describe('mlci train: training.json lineage', () => {
  it('records commit, dirty flag, command, params, seed, hashes, versions, runner, times and the run URL', async () => {
    const project = await makeProject({ params: { lr: 0.5 } });
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: project.root, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'init');
    const commit = git('rev-parse', 'HEAD');
    const env = cleanEnv({
      GITHUB_SERVER_URL: 'https://github.example.com',
      GITHUB_REPOSITORY: 'acme/churn',
      GITHUB_RUN_ID: '12345',
      GITHUB_RUN_ATTEMPT: '2'
    });
    const before = Date.now();
    const { record } = await train(project, {
      env,
      overrides: ['lr=0.25', 'optimizer.momentum=0.9', 'name=adam'],
      seed: 11
    });
    const after = Date.now();
    expect(record.git).toEqual({ commit, dirty: false, branch: expect.any(String) });
    expect(record.command).toBe('bash train.sh');
    expect(record.seed).toBe(11);
    expect(record.params).toEqual({
      mode: 'ok',
      runs_file: join(project.root, 'runs.txt'),
      lr: 0.25,
      optimizer: { momentum: 0.9 },
      name: 'adam'
    });
    expect(record.overrides).toEqual({ lr: 0.25, 'optimizer.momentum': 0.9, name: 'adam' });
    expect(record.params_file).toBe('params.yaml');
    expect(record.params_file_sha256).toBe(await sha256(join(project.root, 'params.yaml')));
    expect(record.data).toEqual([
      {
        role: 'train',
        path: 'data/train.csv',
        sha256: await sha256(join(project.root, 'data/train.csv')),
        bytes: expect.any(Number),
        rows: 119,
        columns: ['x1', 'x2', 'y']
      },
      {
        role: 'eval',
        path: 'data/eval.csv',
        sha256: await sha256(join(project.root, 'data/eval.csv')),
        bytes: expect.any(Number),
        rows: 200,
        columns: ['x1', 'x2', 'y']
      }
    ]);
    expect(record.sources.map((s) => s.path)).toEqual(['params.yaml', 'train.sh']);
    expect(record.mlci_version).toBe(MLCI_VERSION);
    expect(record.runtime).toEqual({ node: process.version, python: null, python_interpreter: null });
    expect(record.runner.cpus).toBe(cpus().length);
    expect(record.runner.os).toBe(process.platform);
    expect(record.github?.run_url).toBe('https://github.example.com/acme/churn/actions/runs/12345');
    expect(record.github?.run_attempt).toBe('2');
    const started = Date.parse(record.started_at);
    const finished = Date.parse(record.finished_at);
    expect(started).toBeGreaterThanOrEqual(before - 1000);
    expect(finished).toBeGreaterThanOrEqual(started);
    expect(finished).toBeLessThanOrEqual(after);
    expect(record.process?.exit_code).toBe(0);
    expect(record.process?.wall_seconds).toBeGreaterThan(0);
    expect(record.model?.sha256).toBe(await sha256(join(project.out, 'model.onnx')));
    expect(record.model?.signature.inputs.map((i) => i.name)).toEqual(['x1', 'x2']);
    expect(record.model?.signature.producer).toBe('fake-trainer');
    expect(record.metrics.loss_curve[0]).toEqual({ step: 1, loss: 0.7 * Math.exp(-1 / 8) + 0.1 });
    expect(record.checks.every((c) => c.status !== 'fail')).toBe(true);

    // The trainer saw the seed and the resolved params.
    expect((await readFile(join(project.root, 'runs.txt'), 'utf8')).trim()).toBe('11');

    await appendFile(join(project.root, 'train.sh'), '# edit\n');
    const dirty = await train(project, { env, force: true });
    expect(dirty.record.git?.dirty).toBe(true);
  });

  it('tolerates a directory without git and records the python interpreter a command uses', async () => {
    const project = await makeProject();
    const python = '/usr/bin/python3';
    const { record } = await train(project, {
      env: cleanEnv(),
      command: `${python} -c "import sys; print(sys.version)" && bash train.sh`
    });
    expect(record.git).toBeNull();
    expect(record.github).toBeNull();
    const expected = execFileSync(python, ['-c', 'import platform; print(platform.python_version())'], {
      encoding: 'utf8'
    }).trim();
    expect(record.runtime).toEqual({ node: process.version, python: expected, python_interpreter: python });
  });

  it('measures CPU time and peak memory of the process tree', async () => {
    const project = await makeProject();
    // A grandchild that touches ~200 MB, burns some CPU, holds the memory for 600 ms and reports
    // what it used itself: the record must account for at least that much.
    const usage = join(project.root, 'usage.json');
    const script = [
      'const b = Buffer.alloc(200 * 1024 * 1024, 1);',
      'let x = 0; for (let i = 0; i < 5e7; i++) x += i % 7;',
      'setTimeout(() => {',
      '  const c = process.cpuUsage();',
      `  require('fs').writeFileSync(${JSON.stringify(usage)}, JSON.stringify({ cpu: (c.user + c.system) / 1e6, rss: process.memoryUsage().rss, x, b: b[5] }));`,
      '}, 600);'
    ].join(' ');
    await writeFile(join(project.root, 'burn.js'), script);
    const { record } = await train(project, { command: 'node burn.js && bash train.sh' });
    const own = JSON.parse(await readFile(usage, 'utf8')) as { cpu: number; rss: number };
    const p = record.process!;
    expect(p.cpu_user_seconds! + p.cpu_system_seconds!).toBeGreaterThanOrEqual(own.cpu - 0.01);
    expect(p.wall_seconds).toBeGreaterThan(0.6);
    if (process.platform === 'linux') {
      expect(own.rss).toBeGreaterThan(200 * 1024 * 1024);
      expect(p.peak_rss_bytes!).toBeGreaterThanOrEqual(200 * 1024 * 1024);
      expect(p.measured_by.memory).toContain('/proc');
    }
  });
});

describe('mlci.yml train section', () => {
  it('accepts the loss rule and the tolerance, and rejects a window over 0.5', () => {
    const base = 'version: 1\nmodel: {name: m, task: binary}\ntrain:\n  command: x\n';
    expect(
      parseConfig(
        base + '  tolerance: 0.001\n  checks:\n    loss_decreases: {window: 0.1, min_decrease: 0.2}\n'
      ).train
    ).toMatchObject({
      tolerance: 0.001,
      checks: { loss_decreases: { window: 0.1, min_decrease: 0.2 } }
    });
    expect(() => parseConfig(base + '  checks:\n    loss_decreases: {window: 0.9}\n')).toThrow(
      'train.checks.loss_decreases.window'
    );
  });
});
