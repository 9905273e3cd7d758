import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { InputError } from '../../src/core/errors.js';
import { explainDispatchError } from '../../src/github/dispatch.js';
import { readLogWindow, type LoggedRow } from '../../src/monitor/log.js';
import { checkPerformance, joinLabels, predictionsFromLog } from '../../src/monitor/performance.js';
import { parseSince } from '../../src/monitor/since.js';
import { PredictionLog, type PredictionRecord } from '../../src/serve/prediction-log.js';

const run = promisify(execFile);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-monitor-unit-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function record(i: number, over: Partial<PredictionRecord> = {}): PredictionRecord {
  return {
    ts: new Date(Date.UTC(2026, 10, 25, 0, i)).toISOString(),
    model: 'churn',
    version: 1,
    variant: 'stable',
    request_id: `r-${i}`,
    features: { x: i, c: i % 2 ? 'a' : '' },
    prediction: { probabilities: [1 - i / 100, i / 100], label: i > 50 ? 1 : 0 },
    latency_ms: 1,
    ...over
  };
}

describe('parseSince', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it('reads durations back from now and ISO times', () => {
    expect(parseSince('24h', now).toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(parseSince('7d', now).toISOString()).toBe('2026-11-19T12:00:00.000Z');
    expect(parseSince('90m', now).toISOString()).toBe('2026-11-26T10:30:00.000Z');
    expect(parseSince('2026-11-01T00:00:00Z', now).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });
  it('reads a time without an offset as UTC whatever the machine’s zone', async () => {
    // Jest's process.env is a copy, so the zone is set on a child process running the bundled module.
    const bundle = join(dir, 'since.mjs');
    await build({
      entryPoints: ['src/monitor/since.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle
    });
    const script = `const { parseSince } = await import(${JSON.stringify(bundle)});
      const now = new Date('2026-11-26T12:00:00Z');
      console.log(['2026-11-01T00:00:00', '2026-11-01 06:30', '2026-11-01'].map((t) => parseSince(t, now).toISOString()).join(' '));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TZ: 'America/New_York' }
    });
    expect(stdout.trim()).toBe('2026-11-01T00:00:00.000Z 2026-11-01T06:30:00.000Z 2026-11-01T00:00:00.000Z');
  });
  it('refuses anything else, naming the flag', () => {
    expect(() => parseSince('1', now)).toThrow('--since: got "1", expected a duration');
    expect(() => parseSince('24 hours', now, 'monitor.since')).toThrow('monitor.since: got "24 hours"');
  });
});

describe('readLogWindow', () => {
  it('keeps rows of one model version since a time, across rotated files, oldest first', async () => {
    const path = join(dir, 'predictions.jsonl');
    const log = await PredictionLog.open({
      path,
      sampleRate: 1,
      maxBytes: 1500,
      keep: 10,
      statsIntervalMs: 60_000
    });
    for (let i = 0; i < 30; i++) log.write(record(i, { version: i % 3 === 0 ? 2 : 1 }));
    log.write(record(30, { model: 'other' }));
    await log.close();
    const window = await readLogWindow(path, {
      model: 'churn',
      version: 1,
      since: new Date(Date.UTC(2026, 10, 25, 0, 5))
    });
    expect(window.files.length).toBeGreaterThan(2);
    expect(window.files[window.files.length - 1]).toBe(path);
    expect(window.read).toBe(31);
    expect(window.otherModels).toBe(1);
    expect(window.otherVersions).toEqual({ v2: 10 });
    expect(window.beforeSince).toBe(3); // rows 1, 2, 4
    expect(window.rows.map((r) => r.request_id)).toEqual(
      Array.from({ length: 30 }, (_, i) => i)
        .filter((i) => i % 3 !== 0 && i >= 5)
        .map((i) => `r-${i}`)
    );
    expect(window.from).toBe(record(5).ts);
    expect(window.to).toBe(record(29).ts);
  });

  it('leaves an unfinished last line of the live file for the next run, but names a bad line elsewhere', async () => {
    const path = join(dir, 'predictions.jsonl');
    await writeFile(path, `${JSON.stringify(record(1))}\n${JSON.stringify(record(2))}\n{"ts": "2026-11-2`);
    const window = await readLogWindow(path, { model: 'churn' });
    expect(window.rows).toHaveLength(2);
    expect(window.partialLines).toBe(1);
    await appendFile(path, '\n');
    await expect(readLogWindow(path, { model: 'churn' })).rejects.toThrow(
      `${path}:3: not a prediction log line`
    );
    await writeFile(path, `${JSON.stringify({ ...record(1), version: 'v1' })}\n`);
    await expect(readLogWindow(path, { model: 'churn' })).rejects.toThrow('"version" must be a number');
  });
});

describe('delayed labels', () => {
  const rows: LoggedRow[] = [
    { ts: 't', request_id: 'a', features: {}, prediction: { probabilities: [0.9, 0.1] } },
    { ts: 't', request_id: 'b', features: {}, prediction: { probabilities: [0.2, 0.8] } },
    { ts: 't', request_id: 'b', features: {}, prediction: { probabilities: [0.6, 0.4] } },
    { ts: 't', features: {}, prediction: { probabilities: [0.3, 0.7] } }
  ];

  it('matches the labels of a multi-row request in order and counts what did not match', () => {
    const join = joinLabels(rows, {
      source: 'l.csv',
      ids: ['b', 'b', 'a', 'zz', 'a'],
      values: [1, 0, 0, 1, null]
    });
    expect(join.rows).toEqual([0, 1, 2]);
    expect(join.labels).toEqual([0, 1, 0]);
    expect(join.unlabelled).toBe(1);
    expect(join.unmatched).toBe(1);
    const p = predictionsFromLog('binary', rows, join, null, 'l.csv');
    expect(p.task === 'binary' && Array.from(p.y)).toEqual([0, 1, 0]);
    expect(p.task === 'binary' && Array.from(p.pred)).toEqual([0, 1, 0]);
  });

  it('reads the positive class second when the model names its classes [1, 0], as evaluate does', () => {
    const join = joinLabels(rows, { source: 'l.csv', ids: ['b', 'b', 'a'], values: [1, 0, 0] });
    // Logged in the model's order: p(class 1) first.
    const p = predictionsFromLog('binary', rows, join, ['1', '0'], 'l.csv');
    if (p.task !== 'binary') throw new Error('binary expected');
    expect(p.labels).toEqual(['0', '1']);
    expect(Array.from(p.y)).toEqual([0, 1, 0]);
    expect(Array.from(p.proba)).toEqual([0.1, 0.9, 0.8, 0.2, 0.4, 0.6]);
    expect(Array.from(p.pred)).toEqual([1, 0, 1]);
  });

  it('names the file and line of a logged prediction it cannot score', async () => {
    // Before: "logged row 2 of the window": replayed lines left out of the window shifted the count.
    const path = join(dir, 'p.jsonl');
    const lines = [
      record(1, { source: 'replay' }),
      record(2),
      record(3, { source: 'replay' }),
      record(4, { prediction: { label: 1 } })
    ];
    await writeFile(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const window = await readLogWindow(path, { model: 'churn' });
    const joined = joinLabels(window.rows, { source: 'l.csv', ids: ['r-2', 'r-4'], values: [0, 1] });
    expect(() => predictionsFromLog('binary', window.rows, joined, null, 'l.csv')).toThrow(
      `${path}:4: the logged prediction has 0 probabilities, expected 2`
    );
  });

  it('names a label that is not one of the classes', () => {
    const join = joinLabels(rows, { source: 'l.csv', ids: ['a'], values: ['yes'] });
    expect(() => predictionsFromLog('binary', rows, join, ['0', '1'], 'l.csv')).toThrow(
      'l.csv: label "yes" (request a) is not one of the model\'s classes (0, 1)'
    );
  });

  it('gates against registered metrics, refusing a gate on a metric the record lacks', () => {
    const join = joinLabels(rows, { source: 'l.csv', ids: ['a', 'b', 'b'], values: [0, 1, 0] });
    const p = predictionsFromLog('binary', rows, join, null, 'l.csv');
    const check = checkPerformance(p, { roc_auc: 0.9 }, { roc_auc: { max_drop: 0.05 } }, 'churn@v1', 1);
    expect(check.current.roc_auc).toBe(1);
    expect(check.gates).toEqual([
      expect.objectContaining({ status: 'pass', observed: -0.09999999999999998 })
    ]);
    expect(() => checkPerformance(p, {}, { f1: { max_drop: 0.1 } }, 'churn@v1', 1)).toThrow(InputError);
    expect(checkPerformance(p, {}, undefined, 'churn@v1', 1).note).toContain('no metrics to compare with');
    expect(checkPerformance(p, { roc_auc: 0.9 }, undefined, 'churn@v1', 10).note).toBe(
      '3 labelled rows, fewer than the 10 needed to gate metrics'
    );
    // One class only: roc_auc is undefined, which is no evidence of a degradation.
    const one = joinLabels(rows, { source: 'l.csv', ids: ['a'], values: [0] });
    const single = checkPerformance(
      predictionsFromLog('binary', rows, one, null, 'l.csv'),
      { roc_auc: 0.9 },
      undefined,
      'churn@v1',
      1
    );
    expect(single.gates[0]).toMatchObject({ status: 'skipped', metric: 'roc_auc' });
  });
});

describe('explainDispatchError', () => {
  const wf = {
    kind: 'workflow_dispatch' as const,
    workflow: 'retrain.yml',
    ref: 'main',
    inputs: { reason: 'x' }
  };
  const rd = { kind: 'repository_dispatch' as const, eventType: 'mlci-retrain', clientPayload: {} };
  const err = (status: number) => Object.assign(new Error('Not Found'), { status });
  it('says what to change for each status', () => {
    expect(explainDispatchError(err(404), wf, 'o/r').message).toBe(
      'workflow_dispatch of retrain.yml on main in o/r failed (404: Not Found): no workflow retrain.yml in o/r (or the token cannot see it): check --workflow and --repo'
    );
    expect(explainDispatchError(err(422), wf, 'o/r').message).toContain('inputs reason and data_version');
    expect(explainDispatchError(err(403), rd, 'o/r').message).toContain('permissions: contents: write');
    expect(explainDispatchError(err(403), rd, 'o/r').exitCode).toBe(2);
  });
});

describe('drift against stored statistics in memory', () => {
  it('rows and statistics in memory give the drift validate-data finds from files, named as given', async () => {
    const { profileData, validateData } = await import('../../src/stages/validate-data.js');
    const { checkData } = await import('../../src/data/check.js');
    const { loadRecords } = await import('../../src/data/records.js');
    const { openEngine } = await import('../../src/data/engine.js');
    const lines = ['a,b'];
    for (let i = 0; i < 400; i++) lines.push(`${(i * 37) % 101},${['x', 'y', 'z'][i % 3]}`);
    const rows: { a: number; b: string }[] = [];
    for (let i = 0; i < 300; i++) rows.push({ a: ((i * 53) % 101) + 20, b: ['x', 'y', 'y'][i % 3] });
    await writeFile(join(dir, 'train.csv'), lines.join('\n') + '\n');
    await writeFile(join(dir, 'now.csv'), ['a,b', ...rows.map((r) => `${r.a},${r.b}`)].join('\n') + '\n');
    const statsPath = join(dir, 'statistics.json');
    const stats = await profileData({ data: join(dir, 'train.csv'), out: statsPath });
    const fromFile = await validateData({ data: join(dir, 'now.csv'), reference: statsPath });
    const engine = await openEngine();
    try {
      const current = await loadRecords(engine.db, rows, 'window', 'predictions.jsonl');
      const inMemory = await checkData(engine, {
        current,
        dataPath: 'predictions.jsonl',
        reference: { kind: 'statistics', statistics: stats, path: 'registry:churn@v1/statistics.json' }
      });
      expect(inMemory.report.drift).toEqual(fromFile.report.drift);
      expect(inMemory.report.drift.a.drifted).toBe(true);
      expect(inMemory.report.reference).toEqual({
        path: 'registry:churn@v1/statistics.json',
        kind: 'statistics',
        rows: 400
      });
    } finally {
      engine.close();
    }
  });
});
