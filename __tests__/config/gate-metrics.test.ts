// Gates validated before the run (issue 19): a gate on a metric the task does not compute is refused
// when mlci.yml is read (so by `mlci pipeline --dry-run`) and when given as `--gate`, naming the
// metric meant and the metrics of the task; `mlci init --task` writes gates that fit the task.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../src/config/load.js';
import { checkGateMetrics, gateableMetrics, gateMetricProblem } from '../../src/config/rules.js';
import type { Task } from '../../src/config/types.js';
import { METRIC_CATALOG } from '../../src/evaluation/metrics/catalog.js';
import { runCli } from '../../test-support/cli.js';

const TASKS: Task[] = ['binary', 'multiclass', 'regression'];
const config = (task: Task, tail: string) =>
  `version: 1\nmodel:\n  name: m\n  task: ${task}\n  label: y\n${tail}`;

describe('gate metrics per task', () => {
  it('accepts every metric the catalog computes for the task, and nothing else', () => {
    for (const task of TASKS) {
      const computed = METRIC_CATALOG.filter((m) => m.tasks.includes(task)).map((m) => m.name);
      expect([...gateableMetrics(task)].sort()).toEqual([...computed].sort());
      for (const metric of METRIC_CATALOG.map((m) => m.name)) {
        expect(gateMetricProblem(metric, task) === null).toBe(computed.includes(metric));
      }
    }
  });

  it("names the task's variant of a metric, or the nearest spelling, and the task's metrics", () => {
    expect(gateMetricProblem('roc_auc', 'multiclass')).toMatch(
      /^"roc_auc" is not computed for a multiclass model \(it is a binary metric\); did you mean "roc_auc_ovr"\? multiclass metrics: accuracy, .*roc_auc_ovr, log_loss/
    );
    expect(gateMetricProblem('f1', 'multiclass')).toContain('did you mean "f1_macro"?');
    expect(gateMetricProblem('f1_weighted', 'binary')).toContain('did you mean "f1"?');
    expect(gateMetricProblem('rocauc', 'binary')).toMatch(
      /not a metric mlci computes; did you mean "roc_auc"\?/
    );
    expect(gateMetricProblem('accuracy', 'regression')).toMatch(
      /regression metrics: rmse, mae, r2, mape, latency/
    );
    // Latency and size are facts of the whole model: a slice or the monitor cannot gate them.
    expect(gateMetricProblem('latency_ms_per_1000_rows', 'binary', 'rows')).toMatch(
      /fact of the whole model/
    );
    expect(() => checkGateMetrics({ r2: {} }, 'binary', '--gate')).toThrow(
      /^--gate r2: "r2" is not computed for a binary model/
    );
  });

  it('config loading refuses a wrong-task gate in evaluate.gates, evaluate.slice_gates and monitor.max_metric_drop, at its line', () => {
    expect(() =>
      parseConfig(
        config('multiclass', 'evaluate:\n  gates:\n    accuracy: { min: 0.5 }\n    roc_auc: { min: 0.7 }\n')
      )
    ).toThrow(
      /^mlci.yml:9:5: evaluate.gates.roc_auc: "roc_auc" is not computed for a multiclass model.*"roc_auc_ovr"/
    );
    expect(() =>
      parseConfig(
        config(
          'binary',
          'evaluate:\n  slices: [r]\n  slice_gates:\n    r:\n      model_size_bytes: { max: 10 }\n'
        )
      )
    ).toThrow(/evaluate.slice_gates.r.model_size_bytes: .*fact of the whole model/);
    expect(() =>
      parseConfig(config('regression', 'monitor:\n  max_metric_drop:\n    roc_auc: { max_drop: 0.1 }\n'))
    ).toThrow(/monitor.max_metric_drop.roc_auc: .*regression metrics: rmse/);
    expect(() =>
      parseConfig(config('multiclass', 'evaluate:\n  gates:\n    roc_auc_ovr: { min: 0.7 }\n'))
    ).not.toThrow();
  });

  it('mlci evaluate refuses a --gate on a metric of another task before reading anything', async () => {
    const run = await runCli([
      'evaluate',
      '--model',
      'nope.onnx',
      '--data',
      'nope.csv',
      '--label',
      'y',
      '--task',
      'multiclass',
      '--gate',
      'roc_auc:min=0.7'
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^mlci: --gate roc_auc: "roc_auc" is not computed for a multiclass model.*did you mean "roc_auc_ovr"/m
    );
  });
});

describe('docs/metrics.md', () => {
  it('lists exactly the metrics of each task, their direction and scope, as the catalog has them', () => {
    const rows = readFileSync('docs/metrics.md', 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim())
      );
    const expected = METRIC_CATALOG.filter((m) => m.tasks.length > 0).map((m) => [
      `\`${m.name}\``,
      ...TASKS.map((t) => (m.tasks.includes(t) ? '✓' : '')),
      m.direction,
      gateableMetrics(m.tasks[0], 'rows').includes(m.name) ? 'yes' : 'no'
    ]);
    expect(rows).toEqual(expected);
  });
});

describe('mlci init --task', () => {
  it.each(TASKS)('writes gates that fit a %s model, which --dry-run accepts', async (task) => {
    const file = join(mkdtempSync(join(tmpdir(), 'mlci-init-task-')), 'mlci.yml');
    expect((await runCli(['init', '--name', 'm', '--task', task, '--file', file])).code).toBe(0);
    const parsed = parseConfig(readFileSync(file, 'utf8'), file);
    expect(parsed.model.task).toBe(task);
    const gates = Object.keys(parsed.evaluate?.gates ?? {});
    expect(gates.length).toBeGreaterThan(0);
    for (const metric of gates) expect(gateableMetrics(task)).toContain(metric);
    const dry = await runCli(['pipeline', '--dry-run', '--config', file]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`(${task})`);
  });

  it('refuses an unknown task', async () => {
    const run = await runCli(['init', '--task', 'ranking', '--file', join(tmpdir(), 'never-written.yml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--task: got "ranking", expected binary, multiclass, regression');
  });
});
