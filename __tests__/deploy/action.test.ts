import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { run } from '../../src/actions/deploy-canary/main.js';
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
const saved = { ...process.env };

beforeAll(async () => {
  ({ registry, dir, cleanup } = await makeRegistry([
    binaryModel(
      // A good candidate: other bytes, the same predictions to float precision. A visibly different one would
      // fail the divergence check by chance: on a few dozen requests one score crossing a bin moves JS by ~0.15.
      STABLE_WEIGHTS.map(([w]) => [w * (1 + 1e-6)]),
      0.1
    ),
    divergingModel()
  ]));
  const lines = [[...FEATURES, 'label'].join(',')];
  for (let i = 0; i < 300; i++)
    lines.push([...FEATURES.map((f) => row(i)[f].toFixed(4)), String(i % 2)].join(','));
  await writeFile(join(dir, 'test.csv'), lines.join('\n') + '\n');
  gh = await startGitHubEmulator({ owner: 'octo-org', repo: 'ml-repo' });
});

afterAll(async () => {
  process.env = saved;
  await gh.close();
  await cleanup();
});

/** Runs the action in this process with the inputs a composite step would pass; returns its outputs. */
async function runAction(
  version: string,
  name: string,
  env: Record<string, string> = {}
): Promise<{ code: number; outputs: string; summary: string; stdout: string }> {
  const outputs = join(dir, `${name}.outputs`);
  // One file for every run: @actions/core's summary keeps the path it saw first.
  const summary = join(dir, 'summary.md');
  await writeFile(outputs, '');
  await writeFile(summary, '');
  process.env = {
    ...saved,
    MLCI_INPUT_MODEL: 'churn',
    MLCI_INPUT_VERSION: version,
    MLCI_INPUT_TARGET: 'local',
    MLCI_INPUT_REGISTRY: registry.dir,
    MLCI_INPUT_REPLAY: join(dir, 'test.csv'),
    MLCI_INPUT_RATE: '150',
    // 150 req/s × 1.5 s: about 56 canary requests at 25 %, well above the latency test's 20 on a busy runner (800 ms gave 19 once).
    MLCI_INPUT_INTERVAL: '1500ms',
    MLCI_INPUT_STEPS: '25,100',
    MLCI_INPUT_MIN_REQUESTS: '15',
    MLCI_INPUT_P99_SLACK_MS: '500',
    MLCI_INPUT_CONFIG: join(dir, 'none.yml'),
    MLCI_INPUT_OUT: join(dir, `out-${name}`),
    MLCI_INPUT_STATE_FILE: join(dir, `${name}-state.json`),
    GITHUB_TOKEN: gh.writeToken,
    GITHUB_REPOSITORY: 'octo-org/ml-repo',
    GITHUB_API_URL: gh.baseUrl,
    GITHUB_SHA: 'main',
    GITHUB_RUN_ID: '42',
    GITHUB_OUTPUT: outputs,
    GITHUB_STEP_SUMMARY: summary,
    ...env
  };
  const before = process.exitCode;
  process.exitCode = undefined;
  // Workflow commands (::warning::) go to stdout.
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await run();
  } finally {
    process.stdout.write = write;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = before;
  process.env = { ...saved };
  return {
    code,
    outputs: await readFile(outputs, 'utf8'),
    summary: await readFile(summary, 'utf8'),
    stdout: printed.join('')
  };
}

test('the action rolls back a diverging canary: step fails, outputs and summary say why, deployment failure', async () => {
  const result = await runAction('v3', 'bad');
  expect(result.code).toBe(1);
  expect(result.outputs).toMatch(/outcome<<.*\nrolled-back\n/);
  expect(result.outputs).toMatch(/reason<<.*\nstep 1 \(25 %\): .*divergence/);
  expect(result.summary).toMatch(/Canary churn@v3: ❌ rolled back/);
  expect((await registry.aliases('churn')).production).toBe(1);
  const deployment = gh.state.deployments.at(-1)!;
  const statuses = gh.state.deploymentStatuses.filter((s) => s.deployment_id === deployment.id);
  expect(statuses.at(-1)).toMatchObject({
    state: 'failure',
    log_url: 'https://github.com/octo-org/ml-repo/actions/runs/42'
  });
});

test('the action promotes a good canary and moves production', async () => {
  const result = await runAction('2', 'good');
  expect(result.code).toBe(0);
  expect(result.outputs).toMatch(/outcome<<.*\npromoted\n/);
  expect(result.outputs).toMatch(/stable<<.*\n2\n/);
  expect((await registry.aliases('churn')).production).toBe(2);
  const deployment = gh.state.deployments.at(-1)!;
  expect(deployment.environment).toBe('production');
  expect(gh.state.deploymentStatuses.filter((s) => s.deployment_id === deployment.id).at(-1)!.state).toBe(
    'success'
  );
});

test('a paused rollout exits 0 and says so: status output, resume instruction, warning, summary, deployment queued', async () => {
  await registry.promote('churn', 1, 'production', 'test'); // the test before promoted v2
  const result = await runAction('v2', 'paused', { MLCI_INPUT_MIN_REQUESTS: '100000' });
  expect(result.code).toBe(0);
  expect(result.outputs).toMatch(/status<<.*\npaused\n/);
  expect(result.outputs).toMatch(/outcome<<.*\npaused\n/);
  expect(result.outputs).toMatch(
    /reason<<.*\nstep 1 \(25 %\): inconclusive: error_rate: .* canary requests needed/
  );
  expect(result.outputs).toMatch(/resume<<.*\nrun the workflow again for version v2 with `resume: true`\n/);
  expect(result.stdout).toMatch(
    // "%" is escaped as %25 in a workflow command.
    /^::warning title=canary paused::canary churn@v2 paused, not finished: step 1 \(25 %25\).*To carry on, run the workflow again/m
  );
  expect(result.summary).toMatch(/Canary churn@v2: ⏸️ paused/);
  expect(result.summary).toMatch(/\[!WARNING\]\n> \*\*Paused, not finished\.\*\* .*canary stays at 25 %/);
  expect((await registry.aliases('churn')).production).toBe(1);
  const deployment = gh.state.deployments.at(-1)!;
  expect(gh.state.deploymentStatuses.filter((s) => s.deployment_id === deployment.id).at(-1)!.state).toBe(
    'queued'
  );
});
