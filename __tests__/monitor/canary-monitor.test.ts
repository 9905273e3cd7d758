// Issue 15's acceptance, run as a user runs it: the built CLI serves the example model with a
// prediction log, `mlci deploy-canary` rolls a retrained version out against it while replaying the
// test set (logged, marked as replay), ordinary requests follow, and `mlci monitor` over that log
// finds no drift: the replayed rows, which repeat the test set, are not production's traffic.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readReplayFile, rowBody } from '../../src/deploy/traffic.js';
import { EXAMPLE, LABEL, TEST, setUpProduction, type Production } from './support.js';

const CLI = 'dist/cli/index.js';
const TOKEN = 'canary-monitor-test-token';
let production: Production;

beforeAll(async () => {
  if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
  production = await setUpProduction();
  // A retrained candidate (another seed): a model of its own, close to production in what it answers.
  const candidate = join(production.dir, 'candidate.onnx');
  execFileSync(process.execPath, [join(EXAMPLE, 'train.mjs')], {
    env: { ...process.env, MLCI_MODEL_PATH: candidate, MLCI_SEED: '7' },
    stdio: 'ignore'
  });
  await production.registry.register({
    name: 'churn',
    model: new Uint8Array(await readFile(candidate)),
    metrics: production.metrics,
    verdict: 'pass',
    files: {
      'statistics.json': await production.registry.download('churn', 1, 'statistics.json')
    }
  });
}, 180_000);

afterAll(async () => {
  await production?.cleanup();
});

/** Runs the built CLI to its end; resolves with its exit code and output. */
function mlci(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, MLCI_ADMIN_TOKEN: TOKEN }
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Starts `mlci serve` on a free port; resolves with the process and its URL once it serves. */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
      env: { ...process.env, MLCI_ADMIN_TOKEN: TOKEN }
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const found = / on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (found) resolve({ child, url: found[1] });
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`mlci serve exited ${code}: ${stderr}`)));
  });
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('close');
    child.on('close', () => resolve());
    child.kill('SIGTERM');
  });
}

test('a canary run followed by mlci monitor on ordinary traffic reports no drift', async () => {
  const log = join(production.dir, 'logs/predictions.jsonl');
  const registry = production.registryDir;
  const { child, url } = await serve([
    '--registry',
    registry,
    '--model',
    'churn@production',
    '--log',
    log,
    '--log-sample',
    '1'
  ]);
  let ordinary = 0;
  try {
    const canary = await mlci([
      'deploy-canary',
      '--server',
      url,
      '--registry',
      registry,
      '--model',
      'churn',
      '--version',
      'v2',
      '--replay',
      TEST,
      '--label',
      LABEL,
      '--steps',
      '50,100',
      '--rate',
      '300',
      '--interval',
      '2s',
      '--json'
    ]);
    // Whatever the analysis decided, the rollout ran and replayed the test set through the server.
    expect(canary.stderr).not.toContain('mlci:');
    expect([0, 1]).toContain(canary.code);
    const outcome = JSON.parse(canary.stdout) as { status: string };
    expect(['promoted', 'rolled_back', 'paused']).toContain(outcome.status);
    // Then production's own traffic: the test set's rows, once each, as ordinary requests.
    const { rows } = await readReplayFile(TEST, [LABEL]);
    for (let start = 0; start < rows.length; start += 50) {
      const answers = await Promise.all(
        rows.slice(start, start + 50).map((row) =>
          fetch(`${url}/v2/models/churn/infer`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(rowBody(row))
          })
        )
      );
      for (const a of answers) expect(a.status).toBe(200);
      ordinary += answers.length;
    }
  } finally {
    await stopped(child);
  }
  // The log holds the replayed rows too, marked: without leaving them out, the window would repeat rows.
  const logged = (await readFile(log, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { source?: string; version: number });
  const replayed = logged.filter((r) => r.source === 'replay').length;
  expect(replayed).toBeGreaterThan(300);
  const out = join(production.dir, 'monitor');
  const monitor = await mlci([
    'monitor',
    '--registry',
    registry,
    '--model',
    'churn',
    '--log',
    log,
    '--out',
    out
  ]);
  expect(monitor.stderr).not.toContain('mlci:');
  expect(monitor.code).toBe(0);
  const report = JSON.parse(await readFile(join(out, 'monitor.json'), 'utf8'));
  expect(report.verdict).toBe('ok');
  expect(report.rows).toBe(ordinary);
  // Every line read is accounted for: the rows kept and each reason a row was left out.
  const { source } = report as {
    source: Record<string, number> & Record<'other_versions' | 'other_sources', Record<string, number>>;
  };
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  expect(source.other_sources.replay).toBeGreaterThan(0);
  expect(source.lines_read).toBe(
    report.rows +
      source.other_models +
      sum(source.other_versions) +
      sum(source.other_sources) +
      source.before_since
  );
  expect(report.dataset_drift).toMatchObject({ tested: 9, drifted: 0, drifted_dataset: false });
  expect(monitor.stdout).toContain('0 of 9 columns drifted');
  const validation = JSON.parse(await readFile(join(out, 'validation.json'), 'utf8'));
  expect(validation.anomalies.filter((a: { code: string }) => a.code === 'duplicate_share')).toEqual([]);
}, 300_000);
