import { readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { runCli } from '../../test-support/cli.js';
import { GitHubDeploymentRecorder } from '../../src/github/deployments.js';
import { createOctokit } from '../../src/github/octokit.js';
import { deployCanary, type DeployCanaryOptions } from '../../src/stages/deploy.js';
import { linearModelOnnx } from '../../src/model/onnx-build.js';
import type { LocalRegistry } from '../../src/registry/local.js';
import {
  binaryModel,
  divergingModel,
  FEATURES,
  makeRegistry,
  row,
  STABLE_WEIGHTS
} from '../serve/support.js';

let registry: LocalRegistry;
let dir: string;
let cleanup: () => Promise<void>;
let gh: GitHubEmulator;
let replay: string;

beforeAll(async () => {
  // v1 production, v2 good, v3 diverging
  ({ registry, dir, cleanup } = await makeRegistry([
    // A good candidate as a retrain gives one: weights ×1.02, predictions a little different.
    binaryModel(
      STABLE_WEIGHTS.map(([w]) => [w * 1.02]),
      0.1
    ),
    divergingModel()
  ]));
  // The replay file: a test set with a label column the model does not take.
  replay = join(dir, 'test.csv');
  const lines = [[...FEATURES, 'label'].join(',')];
  for (let i = 0; i < 300; i++)
    lines.push([...FEATURES.map((f) => row(i)[f].toFixed(4)), String(i % 2)].join(','));
  await writeFile(replay, lines.join('\n') + '\n');
  gh = await startGitHubEmulator({ owner: 'octo-org', repo: 'ml-repo' });
});

afterAll(async () => {
  await gh.close();
  await cleanup();
});

function options(version: number, extra: Partial<DeployCanaryOptions> = {}): DeployCanaryOptions {
  return {
    model: 'churn',
    version,
    target: 'local',
    registry,
    steps: [25, 100],
    intervalMs: 800,
    // Generous latency slack: these tests are about promotion and rollback, not latency (see rollout.test.ts).
    thresholds: { minRequests: 15, p99SlackMs: 500 },
    replay,
    rate: 150,
    dropColumns: ['label'],
    stateFile: join(dir, 'state.json'),
    ...extra
  };
}

function recorder(token = gh.writeToken, warnings: string[] = []) {
  return new GitHubDeploymentRecorder(
    createOctokit({ token, baseUrl: gh.baseUrl, timeScale: 0.001 }),
    {
      owner: 'octo-org',
      repo: 'ml-repo',
      ref: 'main',
      logUrl: 'https://github.com/octo-org/ml-repo/actions/runs/1'
    },
    (message) => {
      warnings.push(message);
    }
  );
}

/** Fails with the rollout's reason, so a flaky environment shows what the analysis saw. */
function expectOutcome(report: { outcome: string; reason: string }, outcome: string): void {
  if (report.outcome !== outcome)
    throw new Error(`expected ${outcome}, got ${report.outcome}: ${report.reason}`);
}

test('a diverging candidate is rolled back, production stays, the deployment fails with the reason', async () => {
  const rec = recorder();
  const out = join(dir, 'out-bad');
  const result = await deployCanary(options(3, { recorder: rec, out }));
  expectOutcome(result.report, 'rolled_back');
  expect(result.report.reason).toMatch(/^step 1 \(25 %\): .*divergence/);
  expect(result.alias).toBeNull();
  expect((await registry.aliases('churn')).production).toBe(1);
  const statuses = gh.state.deploymentStatuses.filter((s) => s.deployment_id === rec.deploymentId);
  expect(statuses.map((s) => s.state)).toEqual(['queued', 'in_progress', 'failure']);
  expect(statuses[2].description).toMatch(/rolled back: step 1 \(25 %\)/);
  expect(statuses[2].log_url).toBe('https://github.com/octo-org/ml-repo/actions/runs/1');
  const md = await readFile(join(out, 'deployment.md'), 'utf8');
  expect(md).toMatch(/rolled back/);
  expect(md).toMatch(/Alias `production` left where it was/);
  const json = JSON.parse(await readFile(join(out, 'deployment.json'), 'utf8'));
  expect(
    json.report.analyses[0].analysis.metrics.find((m: { name: string }) => m.name === 'divergence').status
  ).toBe('fail');
});

test('a good candidate is promoted and production moves; the deployment succeeds', async () => {
  const rec = recorder();
  const result = await deployCanary(options(2, { recorder: rec, by: 'tester' }));
  expectOutcome(result.report, 'promoted');
  expect(result.report.analyses.map((a) => a.weight)).toEqual([25, 100]);
  expect(result.alias).toMatchObject({ alias: 'production', from: 1, to: 2, by: 'tester' });
  expect((await registry.aliases('churn')).production).toBe(2);
  const deployment = gh.state.deployments.find((d) => d.id === rec.deploymentId)!;
  expect(deployment).toMatchObject({
    environment: 'production',
    task: 'deploy:canary',
    payload: { model: 'churn', version: 2 }
  });
  const statuses = gh.state.deploymentStatuses
    .filter((s) => s.deployment_id === rec.deploymentId)
    .map((s) => s.state);
  expect(statuses).toEqual(['queued', 'in_progress', 'in_progress', 'success']);
  // put production back for the other tests
  await registry.promote('churn', 1, 'production', 'test');
});

test('a model with one [N, F] input and no feature_names gets its columns from mlci.yml: the canary sends requests', async () => {
  // torch.onnx.export and skl2onnx give such a model; model.features names its columns.
  const bare = (weights: number[][]) =>
    linearModelOnnx({
      task: 'binary',
      featureNames: FEATURES,
      weights,
      bias: [0.1],
      metadata: { feature_names: undefined }
    });
  const own = await makeRegistry([bare(STABLE_WEIGHTS.map(([w]) => [w * 1.02]))]);
  try {
    await own.registry.register({ name: 'churn', model: bare(STABLE_WEIGHTS), verdict: 'pass' });
    await own.registry.promote('churn', 3, 'production', 'test');
    const result = await deployCanary({
      ...options(2, { registry: own.registry, stateFile: join(own.dir, 'state.json') }),
      serve: { features: FEATURES }
    });
    expect(result.report.analyses[0].analysis.canary.requests).toBeGreaterThan(0);
    expectOutcome(result.report, 'promoted');
  } finally {
    await own.cleanup();
  }
});

test('an inconclusive analysis pauses with a state file; resume carries on and promotes', async () => {
  const stateFile = join(dir, 'pause.json');
  const paused = await deployCanary(
    options(2, { stateFile, thresholds: { minRequests: 100_000, p99SlackMs: 10 } })
  );
  expectOutcome(paused.report, 'paused');
  expect(paused.report.reason).toMatch(/inconclusive: error_rate: .* canary requests needed/);
  expect((await registry.aliases('churn')).production).toBe(1);
  const state = JSON.parse(await readFile(stateFile, 'utf8'));
  expect(state).toMatchObject({ model: 'churn', version: 2, step: 0, weight: 25, steps: [25, 100] });

  const resumed = await deployCanary(options(2, { stateFile, resume: true }));
  expectOutcome(resumed.report, 'promoted');
  expect((await registry.aliases('churn')).production).toBe(2);
  expect(existsSync(stateFile)).toBe(false);
  await registry.promote('churn', 1, 'production', 'test');
});

test('a read-only token cannot record the deployment: the rollout goes on, with one warning saying so', async () => {
  const warnings: string[] = [];
  const result = await deployCanary(options(2, { recorder: recorder(gh.readOnlyToken, warnings) }));
  expectOutcome(result.report, 'promoted');
  expect((await registry.aliases('churn')).production).toBe(2);
  expect(warnings).toEqual([
    expect.stringMatching(/no GitHub Deployment recorded .*answered 403.*deployments: write/)
  ]);
  await registry.promote('churn', 1, 'production', 'test');
});

test('CLI: deploy-canary exits 1 with the reason when rolled back, 0 when promoted', async () => {
  const common = [
    '--target',
    'local',
    '--registry',
    registry.dir,
    '--model',
    'churn',
    '--replay',
    replay,
    '--rate',
    '400',
    '--interval',
    '2s',
    '--steps',
    '25,100',
    '--min-requests',
    '60',
    '--p99-slack-ms',
    '50',
    '--state',
    join(dir, 'cli-state.json'),
    '--config',
    join(dir, 'none.yml')
  ];
  const bad = await runCli(['deploy-canary', ...common, '--version', 'v3']);
  if (bad.code !== 1) throw new Error(`exit ${bad.code}: ${bad.stdout} ${bad.stderr}`);
  expect(bad.stdout).toMatch(/rolled back/);
  expect(bad.stdout).toMatch(/divergence/);
  const good = await runCli(['deploy-canary', ...common, '--version', 'v2', '--json']);
  if (good.code !== 0) throw new Error(`exit ${good.code}: ${good.stdout} ${good.stderr}`);
  expect(JSON.parse(good.stdout)).toMatchObject({ report: { outcome: 'promoted' }, alias: { to: 2 } });
  const usage = await runCli(['deploy-canary', ...common, '--version', 'four']);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toMatch(/--version: "four"/);
  await registry.promote('churn', 1, 'production', 'test');
});

test('CLI: a paused rollout exits 0 with a warning, status "paused" and the resume instruction', async () => {
  const stateFile = join(dir, 'cli-pause.json');
  const summary = join(dir, 'cli-summary.md');
  await writeFile(summary, '');
  const args = [
    'deploy-canary',
    '--target',
    'local',
    '--registry',
    registry.dir,
    '--model',
    'churn',
    '--version',
    'v2',
    '--replay',
    replay,
    '--rate',
    '150',
    '--interval',
    '800ms',
    '--steps',
    '25,100',
    '--min-requests',
    '100000',
    '--state',
    stateFile,
    '--config',
    join(dir, 'none.yml')
  ];
  const text = await runCli(args);
  if (text.code !== 0) throw new Error(`exit ${text.code}: ${text.stdout} ${text.stderr}`);
  expect(text.stdout).toMatch(/churn@v2 on .*: paused/);
  expect(text.stderr).toMatch(
    /^mlci: warning: canary churn@v2 paused, not finished: step 1 \(25 %\): inconclusive: error_rate: .* canary requests needed.* To carry on, run `mlci deploy-canary --model churn --version v2 --resume` with the same options\.$/m
  );
  expect(text.stderr).not.toMatch(/::warning/);
  expect((await registry.aliases('churn')).production).toBe(1);

  const saved = { ...process.env };
  Object.assign(process.env, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
  const json = await runCli([...args, '--resume', '--json']).finally(() => (process.env = saved));
  if (json.code !== 0) throw new Error(`exit ${json.code}: ${json.stdout} ${json.stderr}`);
  expect(JSON.parse(json.stdout)).toMatchObject({
    status: 'paused',
    reason: expect.stringMatching(/^step 1 \(25 %\): inconclusive/),
    resume: 'run `mlci deploy-canary --model churn --version v2 --resume` with the same options',
    report: { outcome: 'paused', pausedAt: { step: 0, weight: 25 } },
    alias: null
  });
  expect(json.stderr).toMatch(/^::warning title=canary paused::canary churn@v2 paused, not finished: /m);
  expect(await readFile(summary, 'utf8')).toMatch(/\*\*Paused, not finished\.\*\*/);
  await rm(stateFile, { force: true });
});

test('CLI: --dry-run renders the KServe manifests of every step', async () => {
  const out = join(dir, 'kserve');
  const run = await runCli([
    'deploy-canary',
    '--target',
    'kserve',
    '--registry',
    registry.dir,
    '--model',
    'churn',
    '--version',
    'v2',
    '--kserve-storage-uri',
    's3://models/{name}/v{version}',
    '--dry-run',
    '--out',
    out,
    '--config',
    join(dir, 'none.yml')
  ]);
  expect(run.code).toBe(0);
  expect(await readFile(join(out, 'canary-50.yaml'), 'utf8')).toMatch(/canaryTrafficPercent: 50/);
  expect(await readFile(join(out, 'rollback.yaml'), 'utf8')).toMatch(/storageUri: s3:\/\/models\/churn\/v1/);
  await rm(out, { recursive: true });
});

test('without an interval each step lasts as long as the canary needs at the replay rate; the report says each test in words', async () => {
  const lines: string[] = [];
  const progress = { start() {}, update() {}, finish() {}, info: (m: string) => void lines.push(m) };
  const out = join(dir, 'out-derived');
  const result = await deployCanary(
    options(3, { intervalMs: undefined, thresholds: { minRequests: 30 }, progress, out })
  );
  expectOutcome(result.report, 'rolled_back');
  // 30 canary requests at 25 % of 150 requests/s, with a quarter more for a dip in the rate: 1 s
  expect(lines).toContain('  observing for 1.0 s (150.0 requests/s)');
  expect(lines.filter((l) => l.startsWith('  analysis'))).toEqual([
    expect.stringMatching(/^ {2}analysis: fail \(divergence: one-sided t-test, paired on \d+ requests/),
    expect.stringMatching(/^ {2}analysis \(try 2\): fail /)
  ]);
  // (Markdown-escaped: the reasons can quote untrusted text.) The canary's share of requests is
  // random: an interval may end a few requests short of the minimum, which leaves errors inconclusive.
  const md = await readFile(join(out, 'deployment.md'), 'utf8');
  expect(md).toMatch(/\| 1 \(try 2\) \| 25 % \| \d+ \/ \d+ \|/);
  expect(md).toMatch(
    /^- (✅|⏸️) error_rate: Fisher's exact test, 0 errors in \d+ canary requests vs 0 in \d+ stable: (no significant excess|\d+ of the 30 canary requests needed)/m
  );
  expect(md).toMatch(
    /^- ❌ divergence: one-sided t-test, paired on \d+ requests both versions scored: mean \\\|change of p\\\(positive\\\)\\\| 0\.\d+ &gt; 0\.1, t [0-9.]+, p .* &lt; 0\.01$/m
  );
  expect(md).toMatch(/^- ✅ p99_latency: Mann–Whitney U, \d+ canary vs \d+ stable latencies: /m);
});
