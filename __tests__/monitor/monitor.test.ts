import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evaluate } from '../../src/stages/evaluate.js';
import { runMonitor, type MonitorReport } from '../../src/stages/monitor.js';
import { PredictionLog } from '../../src/serve/prediction-log.js';
import { runCli } from '../../test-support/cli.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import {
  LABEL,
  NEW_DATA,
  TEST,
  logTraffic,
  setUpProduction,
  writeLabels,
  type Production
} from './support.js';

const owner = 'octo-org';
const repo = 'ml-repo';
let production: Production;
/** Prediction logs written by the real server: test.csv rows (no drift) and new-data.csv rows (drift, rotated). */
let okLog: string;
let driftLog: string;
let driftRows: number;
let gh: GitHubEmulator;
const savedEnv = { ...process.env };

beforeAll(async () => {
  production = await setUpProduction();
  okLog = join(production.dir, 'ok/predictions.jsonl');
  driftLog = join(production.dir, 'drift/predictions.jsonl');
  await logTraffic(production, okLog, { csv: TEST, idPrefix: 't-' });
  driftRows = await logTraffic(production, driftLog, { csv: NEW_DATA, idPrefix: 'n-', maxBytes: 300_000 });
  await writeLabels(TEST, join(production.dir, 'labels-test.csv'), 't-');
  await writeLabels(NEW_DATA, join(production.dir, 'labels-new.csv'), 'n-');
}, 120_000);

afterAll(async () => {
  await production.cleanup();
});

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  process.env.GITHUB_TOKEN = gh.writeToken;
  process.env.GITHUB_API_URL = gh.baseUrl;
  process.env.GITHUB_REPOSITORY = `${owner}/${repo}`;
  delete process.env.GITHUB_RUN_ID;
});

afterEach(async () => {
  await gh.close();
  for (const key of [
    'GITHUB_TOKEN',
    'GITHUB_API_URL',
    'GITHUB_REPOSITORY',
    'GITHUB_SERVER_URL',
    'GITHUB_RUN_ID'
  ]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

let outCount = 0;
function outDir(): string {
  outCount += 1;
  return join(production.dir, `out-${outCount}`);
}

async function monitorJson(out: string): Promise<MonitorReport> {
  return JSON.parse(await readFile(join(out, 'monitor.json'), 'utf8')) as MonitorReport;
}

function cli(args: string[]) {
  return runCli(['monitor', '--model', 'churn', '--registry', production.registryDir, ...args]);
}

describe('mlci monitor on the prediction log', () => {
  it('finds no drift in traffic like the training data: exit 0, no dispatch', async () => {
    const out = outDir();
    const run = await cli([
      '--log',
      okLog,
      '--trigger',
      'workflow_dispatch',
      '--workflow',
      'retrain.yml',
      '--out',
      out
    ]);
    expect(run.stderr).not.toContain('mlci:');
    expect(run.stderr).toContain('testing drift against registry:churn@v1/statistics.json');
    expect(run.code).toBe(0);
    const report = await monitorJson(out);
    expect(report.verdict).toBe('ok');
    expect(report.model).toEqual({ name: 'churn', version: 1, tag: 'churn@v1', alias: 'production' });
    expect(report.rows).toBe(3000);
    expect(report.dataset_drift).toMatchObject({ tested: 9, drifted_dataset: false, threshold: 0.5 });
    expect(report.drifted_columns.length).toBeLessThan(5);
    expect(report.trigger).toMatchObject({ kind: 'workflow_dispatch', sent: false, reason: null });
    expect(gh.state.workflowDispatches).toHaveLength(0);
    expect(gh.state.repositoryDispatches).toHaveLength(0);
    for (const f of ['monitor.json', 'monitor.md', 'validation.json', 'statistics.json', 'validation.md'])
      expect(existsSync(join(out, f))).toBe(true);
    // The window's statistics are those of the logged features, not of the training data.
    const stats = JSON.parse(await readFile(join(out, 'statistics.json'), 'utf8'));
    expect(stats.rows).toBe(3000);
    expect(stats.columns[LABEL]).toBeUndefined();
    expect(report.live_stats).toMatchObject({ rows: 3000, sample_rate: 1 });
    // The label is left out of the log on purpose: no missing_column for it.
    const validation = JSON.parse(await readFile(join(out, 'validation.json'), 'utf8'));
    const missing = validation.anomalies.filter((a: { code: string }) => a.code === 'missing_column');
    expect(missing).toEqual([]);
  });

  it('detects drift and sends exactly one workflow_dispatch with the reason: exit 1', async () => {
    const out = outDir();
    const run = await cli([
      '--log',
      driftLog,
      '--trigger',
      'workflow_dispatch',
      '--workflow',
      'retrain.yml',
      '--ref',
      'main',
      '--out',
      out
    ]);
    expect(run.code).toBe(1);
    const report = await monitorJson(out);
    expect(report.verdict).toBe('drift');
    expect(report.rows).toBe(driftRows);
    // The server rotated its log: every file was read, oldest first.
    expect((report.source as { files: string[] }).files.length).toBeGreaterThan(1);
    const dd = report.dataset_drift!;
    expect(dd.drifted_dataset).toBe(true);
    expect(dd.share).toBeGreaterThanOrEqual(0.5);
    expect(report.reason).toContain(`drift: ${dd.drifted} of ${dd.tested} columns drifted`);
    expect(report.reason).toContain('3,000 logged rows since');
    expect(report.reason).toContain("vs churn@v1's training data");
    expect(gh.state.workflowDispatches).toEqual([
      { workflow_id: 'retrain.yml', ref: 'main', inputs: { reason: report.reason } }
    ]);
    expect(report.trigger).toMatchObject({ kind: 'workflow_dispatch', sent: true, reason: report.reason });
    expect(run.stdout).toContain('monitor: DRIFT');
    expect(await readFile(join(out, 'monitor.md'), 'utf8')).toMatch(/^## 🔴 Monitor churn@\u200bv1: DRIFT/);
    // Drift per column is validate-data's, column by column.
    const validation = JSON.parse(await readFile(join(out, 'validation.json'), 'utf8'));
    expect(report.drift).toEqual(validation.drift);
    expect(report.drifted_columns).toEqual(
      Object.keys(validation.drift)
        .filter((c) => validation.drift[c].drifted)
        .sort()
    );
  });

  it('writes the report before it dispatches: an output it cannot write sends nothing', async () => {
    const out = outDir();
    await mkdir(join(out, 'monitor.md'), { recursive: true });
    const before = gh.state.workflowDispatches.length;
    const run = await cli([
      '--log',
      driftLog,
      '--trigger',
      'workflow_dispatch',
      '--workflow',
      'retrain.yml',
      '--out',
      out
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('monitor.md');
    expect(gh.state.workflowDispatches.length).toBe(before);
  });

  it('sends data_version only when given, and nothing with --dry-run', async () => {
    const run = await cli([
      '--log',
      driftLog,
      '--trigger',
      'workflow_dispatch',
      '--workflow',
      'retrain.yml',
      '--data-version',
      'abc123',
      '--json'
    ]);
    expect(run.code).toBe(1);
    expect(gh.state.workflowDispatches).toHaveLength(1);
    expect(Object.keys(gh.state.workflowDispatches[0].inputs).sort()).toEqual(['data_version', 'reason']);
    expect(gh.state.workflowDispatches[0].inputs.data_version).toBe('abc123');
    const printed = JSON.parse(run.stdout) as MonitorReport;
    expect(printed.verdict).toBe('drift');

    const dry = await cli([
      '--log',
      driftLog,
      '--trigger',
      'workflow_dispatch',
      '--workflow',
      'retrain.yml',
      '--dry-run',
      '--json'
    ]);
    expect(dry.code).toBe(1);
    expect(gh.state.workflowDispatches).toHaveLength(1);
    const report = JSON.parse(dry.stdout) as MonitorReport;
    expect(report.trigger).toMatchObject({ sent: false, dry_run: true });
    expect(report.trigger.request).toMatchObject({
      kind: 'workflow_dispatch',
      workflow: 'retrain.yml',
      ref: 'main'
    });
  });

  it('sends a repository_dispatch with the model, version, reason and drifted columns', async () => {
    process.env.GITHUB_SERVER_URL = 'https://github.com';
    process.env.GITHUB_RUN_ID = '42';
    const out = outDir();
    const run = await cli(['--log', driftLog, '--trigger', 'repository_dispatch', '--out', out]);
    expect(run.code).toBe(1);
    const report = await monitorJson(out);
    expect(gh.state.repositoryDispatches).toEqual([
      {
        event_type: 'mlci-retrain',
        client_payload: {
          model: 'churn',
          version: 1,
          reason: report.reason,
          drifted_columns: report.drifted_columns,
          report: `https://github.com/${owner}/${repo}/actions/runs/42`
        }
      }
    ]);
    expect(gh.state.workflowDispatches).toHaveLength(0);

    // --data-version travels in the payload too, for a retraining workflow that reads it there.
    await cli(['--log', driftLog, '--trigger', 'repository_dispatch', '--data-version', 'v7']);
    expect(gh.state.repositoryDispatches[1].client_payload.data_version).toBe('v7');
  });

  it('reports a read-only token clearly (exit 2) after writing the report', async () => {
    process.env.GITHUB_TOKEN = gh.readOnlyToken;
    const out = outDir();
    const run = await cli([
      '--log',
      driftLog,
      '--trigger',
      'workflow_dispatch',
      '--workflow',
      'retrain.yml',
      '--out',
      out
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('workflow_dispatch of retrain.yml on main in octo-org/ml-repo failed (403');
    expect(run.stderr).toContain('permissions: actions: write');
    expect(gh.state.workflowDispatches).toHaveLength(0);
    const report = await monitorJson(out);
    expect(report.verdict).toBe('drift');
    expect(report.trigger.sent).toBe(false);
    expect(report.trigger.error).toContain('403');
    expect(await readFile(join(out, 'monitor.md'), 'utf8')).toContain(
      '⚠️ not sent: workflow_dispatch of retrain.yml'
    );
  });

  it('reports an invalid token and an unknown repository with exit 2', async () => {
    process.env.GITHUB_TOKEN = 'not-a-token';
    const bad = await cli(['--log', driftLog, '--trigger', 'repository_dispatch']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('401');
    expect(bad.stderr).toContain('the token is missing or invalid');

    process.env.GITHUB_TOKEN = gh.writeToken;
    const missing = await cli([
      '--log',
      driftLog,
      '--trigger',
      'workflow_dispatch',
      '--workflow',
      'retrain.yml',
      '--repo',
      'octo-org/nope'
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('404');
    expect(missing.stderr).toContain('check --workflow and --repo');

    delete process.env.GITHUB_TOKEN;
    const none = await cli([
      '--log',
      driftLog,
      '--trigger',
      'workflow_dispatch',
      '--workflow',
      'retrain.yml'
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('needs a token in GITHUB_TOKEN');
    expect(gh.state.workflowDispatches).toHaveLength(0);
  });
});

describe('delayed labels', () => {
  it('computes the metrics of what production answered, equal to evaluate on the same rows', async () => {
    const out = outDir();
    const run = await cli([
      '--log',
      okLog,
      '--labels',
      join(production.dir, 'labels-test.csv'),
      '--label',
      LABEL,
      '--out',
      out
    ]);
    expect(run.code).toBe(0);
    const report = await monitorJson(out);
    expect(report.verdict).toBe('ok');
    const p = report.performance!;
    expect(p.labelled_rows).toBe(3000);
    expect(p.unlabelled_rows).toBe(0);
    expect(p.task).toBe('binary');
    // Same rows as the registered evaluation (test.csv): the logged probabilities give its metrics.
    for (const metric of ['roc_auc', 'accuracy', 'log_loss', 'f1'])
      expect(p.current[metric]).toBeCloseTo(production.metrics[metric]!, 9);
    expect(p.gates).toEqual([
      expect.objectContaining({ metric: 'roc_auc', kind: 'max_drop', threshold: 0.05, status: 'pass' })
    ]);
  });

  it('turns a metric drop past the gate into a degraded verdict and a dispatch', async () => {
    const out = outDir();
    const run = await cli([
      '--log',
      driftLog,
      '--labels',
      join(production.dir, 'labels-new.csv'),
      '--label',
      LABEL,
      '--gate',
      'roc_auc:max_drop=0.01',
      '--trigger',
      'workflow_dispatch',
      '--workflow',
      'retrain.yml',
      '--out',
      out
    ]);
    expect(run.code).toBe(1);
    const report = await monitorJson(out);
    expect(report.verdict).toBe('degraded');
    const { evaluation } = await evaluate({
      model: production.modelPath,
      data: NEW_DATA,
      label: LABEL,
      task: 'binary',
      bootstrap: { resamples: 0 }
    });
    const now = evaluation.candidate.metrics.roc_auc!;
    expect(report.performance!.current.roc_auc).toBeCloseTo(now, 9);
    const gate = report.performance!.gates[0];
    expect(gate).toMatchObject({ metric: 'roc_auc', kind: 'max_drop', status: 'fail' });
    expect(gate.observed).toBeCloseTo(production.metrics.roc_auc! - now, 9);
    expect(report.reason).toMatch(
      /^roc_auc fell by 0\.0\d+ \(0\.8507 → 0\.8\d+, at most 0\.01 allowed\) on 3,000 labelled rows; drift:/
    );
    expect(gh.state.workflowDispatches).toHaveLength(1);
    expect(gh.state.workflowDispatches[0].inputs.reason).toBe(report.reason);
  });

  it('joins labels that arrived for part of the window only', async () => {
    const partial = join(production.dir, 'labels-partial.csv');
    await writeLabels(NEW_DATA, partial, 'n-', 500);
    await appendFile(partial, 'x-unknown,1\n');
    const result = await runMonitor({
      registry: production.registry,
      model: 'churn',
      log: driftLog,
      labels: partial,
      labelColumn: LABEL
    });
    const p = result.report.performance!;
    expect(p.labelled_rows).toBe(500);
    expect(p.unlabelled_rows).toBe(2500);
    expect(p.unmatched_labels).toBe(1);
  });
});

describe('a batch of production data', () => {
  it('tests drift and, with the label column, scores the production model on it', async () => {
    const result = await runMonitor({
      registry: production.registry,
      model: 'churn',
      data: NEW_DATA,
      labelColumn: LABEL,
      gates: { roc_auc: { max_drop: 0.01 } }
    });
    expect(result.exitCode).toBe(1);
    expect(result.report.verdict).toBe('degraded');
    expect(result.report.source).toEqual({ kind: 'data', path: NEW_DATA });
    expect(result.report.drift[LABEL]).toBeUndefined();
    expect(result.report.dataset_drift!.drifted_dataset).toBe(true);
    expect(result.report.reason).toContain(`on 3,000 rows of ${NEW_DATA}`);
    const { evaluation } = await evaluate({
      model: production.modelPath,
      data: NEW_DATA,
      label: LABEL,
      task: 'binary',
      bootstrap: { resamples: 0 }
    });
    expect(result.report.performance!.current.roc_auc).toBeCloseTo(evaluation.candidate.metrics.roc_auc!, 9);
  });
});

describe('too few rows', () => {
  it('answers insufficient_data with exit 0 and no dispatch', async () => {
    const small = join(production.dir, 'small/predictions.jsonl');
    await logTraffic(production, small, { csv: NEW_DATA, idPrefix: 's-', limit: 40 });
    const out = outDir();
    const run = await cli([
      '--log',
      small,
      '--trigger',
      'workflow_dispatch',
      '--workflow',
      'retrain.yml',
      '--out',
      out
    ]);
    expect(run.code).toBe(0);
    const report = await monitorJson(out);
    expect(report.verdict).toBe('insufficient_data');
    expect(report.rows).toBe(40);
    expect(report.reason).toContain('fewer than the 100 rows needed');
    expect(report.trigger).toMatchObject({ sent: false, note: 'too few rows to judge' });
    expect(gh.state.workflowDispatches).toHaveLength(0);

    // A window that starts after every logged row holds none at all.
    const later = await cli(['--log', driftLog, '--since', '2099-01-01T00:00:00Z', '--json']);
    expect(later.code).toBe(0);
    const empty = JSON.parse(later.stdout) as MonitorReport;
    expect(empty).toMatchObject({ verdict: 'insufficient_data', rows: 0, dataset_drift: null });
    expect((empty.source as { before_since: number }).before_since).toBe(driftRows);
    const minRows = await cli(['--log', driftLog, '--min-rows', '5000', '--json']);
    expect(minRows.code).toBe(0);
    expect((JSON.parse(minRows.stdout) as MonitorReport).verdict).toBe('insufficient_data');
  });
});

describe('bad input', () => {
  it('names a missing log, a missing alias, a missing statistics.json and a bad line (exit 2)', async () => {
    const missing = await cli(['--log', join(production.dir, 'nope/predictions.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('prediction log not found');

    const noAlias = await cli(['--log', okLog, '--alias', 'staging']);
    expect(noAlias.code).toBe(2);
    expect(noAlias.stderr).toContain('churn has no "staging" alias: promote a version first');

    await production.registry.register({
      name: 'bare',
      model: new Uint8Array(await readFile(production.modelPath))
    });
    await production.registry.promote('bare', 1, 'production', 'test');
    const noStats = await runCli([
      'monitor',
      '--model',
      'bare',
      '--registry',
      production.registryDir,
      '--log',
      okLog
    ]);
    expect(noStats.code).toBe(2);
    expect(noStats.stderr).toContain('bare@v1 has no statistics.json');

    const broken = join(production.dir, 'broken/predictions.jsonl');
    await logTraffic(production, broken, { csv: TEST, idPrefix: 'b-', limit: 3 });
    const text = await readFile(broken, 'utf8');
    await writeFile(broken, text.replace(/\n/, '\n{"oops": \n'));
    const bad = await cli(['--log', broken]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${broken}:2: not a prediction log line`);

    // A log whose columns are not the training columns (a matrix model without feature names).
    const unnamed = join(production.dir, 'unnamed/predictions.jsonl');
    const log = await PredictionLog.open({ path: unnamed, sampleRate: 1 });
    for (let i = 0; i < 5; i++)
      log.write({
        ts: new Date().toISOString(),
        model: 'churn',
        version: 1,
        variant: 'stable',
        features: { 'input[0]': i },
        prediction: { probabilities: [0.5, 0.5], label: 0 },
        latency_ms: 1
      });
    await log.close();
    const mismatch = await cli(['--log', unnamed]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain(
      `none of the columns of ${unnamed} (input[0]) is in churn@v1's training statistics`
    );

    // Logged features the engine cannot take as columns: named, exit 2, never "unexpected error".
    const hostile = async (dirName: string, features: Record<string, unknown>[]) => {
      const path = join(production.dir, `${dirName}/predictions.jsonl`);
      const plog = await PredictionLog.open({ path, sampleRate: 1 });
      for (const f of features)
        plog.write({
          ts: new Date().toISOString(),
          model: 'churn',
          version: 1,
          variant: 'stable',
          features: f as Record<string, number>,
          prediction: { probabilities: [0.5, 0.5], label: 0 },
          latency_ms: 1
        });
      await plog.close();
      return { path, run: await cli(['--log', path]) };
    };
    const cased = await hostile('cased', [{ age: 30 }, { Age: 31 }]);
    expect(cased.run.code).toBe(2);
    expect(cased.run.stderr).toContain(`${cased.path}: keys "age" and "Age" differ only in case`);
    const empty = await hostile('empty', [{}, {}]);
    expect(empty.run.code).toBe(2);
    expect(empty.run.stderr).toContain(`${empty.path}: the rows have no columns`);
    // Nested values and integers past 2^53 are data, not a crash: kept as text and as a number.
    const odd = await hostile(
      'odd',
      Array.from({ length: 5 }, (_, i) => ({ age: 2 ** 60 + i, contract: { nested: [i] } }))
    );
    expect(odd.run.stderr).not.toContain('unexpected');
    expect([0, 1]).toContain(odd.run.code);

    const both = await cli(['--log', okLog, '--data', NEW_DATA]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('either --log or --data');
    const since = await cli(['--log', okLog, '--since', 'yesterday']);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since: got "yesterday"');
  });
});

describe('mlci.yml', () => {
  it('takes the log, labels, gates, trigger and registry from the monitor: section', async () => {
    const config = join(production.dir, 'mlci.yml');
    await writeFile(
      config,
      [
        'version: 1',
        'model: { name: churn, task: binary, label: churned }',
        `register: { registry: ${JSON.stringify(production.registryDir)} }`,
        'monitor:',
        `  log: ${JSON.stringify(driftLog)}`,
        `  labels: ${JSON.stringify(join(production.dir, 'labels-new.csv'))}`,
        '  min_rows: 50',
        '  max_metric_drop: { roc_auc: { max_drop: 0.01 } }',
        '  trigger: { kind: repository_dispatch, event_type: retrain-churn }',
        ''
      ].join('\n')
    );
    const run = await runCli(['monitor', '--config', config, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as MonitorReport;
    expect(report).toMatchObject({ verdict: 'degraded', min_rows: 50 });
    expect(report.performance!.gates[0]).toMatchObject({
      metric: 'roc_auc',
      threshold: 0.01,
      status: 'fail'
    });
    expect(gh.state.repositoryDispatches.map((d) => d.event_type)).toEqual(['retrain-churn']);
  });
});
