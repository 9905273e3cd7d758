/**
 * deploy/grafana and deploy/prometheus: every PromQL expression of the dashboard and the alerts
 * names only metrics that a real `mlci serve` exports on /metrics (scraped on 127.0.0.1), that
 * `mlci monitor --metrics-file` writes, or that a recording rule of the file defines.
 */
import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { monitorMetricsText } from '../../src/monitor/prometheus.js';
import type { MonitorReport } from '../../src/monitor/types.js';
import { runCli, type CliRun } from '../../test-support/cli.js';
import { LABEL, NEW_DATA, setUpProduction, type Production } from '../monitor/support.js';
import { http, makeRegistry, row, v2Body, binaryModel } from '../serve/support.js';

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan'
]);

/** The metric names a PromQL expression selects (Grafana's $variables allowed). */
function promqlMetrics(expr: string): string[] {
  const labelValues = /^label_values\(\s*([a-zA-Z_:][\w:]*)\s*,\s*\w+\s*\)$/.exec(expr.trim());
  if (labelValues) return [labelValues[1]];
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\w+/g, ' ');
  return [...bare.matchAll(/(?<![\w:.$])([a-zA-Z_:][\w:]*)(?![\w:]|\s*\()/g)]
    .map((m) => m[1])
    .filter((name) => !KEYWORDS.has(name.toLowerCase()));
}

/** The sample names of a Prometheus text exposition (histograms and summaries with their series). */
function exposedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\w+)$/.exec(line);
    if (type) {
      const [, name, kind] = type;
      names.add(name);
      if (kind === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(name + s);
      if (kind === 'summary') for (const s of ['_sum', '_count']) names.add(name + s);
    } else if (line && !line.startsWith('#')) names.add(/^[a-zA-Z_:][\w:]*/.exec(line)?.[0] ?? line);
  }
  return names;
}

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface Panel {
  type: string;
  title: string;
  targets?: { expr: string }[];
}
const rulesFile = parse(readFileSync('deploy/prometheus/mlci-rules.yaml', 'utf8')) as {
  apiVersion: string;
  kind: string;
  spec: { groups: { name: string; rules: Rule[] }[] };
};
const dashboard = JSON.parse(readFileSync('deploy/grafana/mlci-dashboard.json', 'utf8')) as {
  panels: Panel[];
  templating: { list: { type: string; query: string | { query: string } }[] };
};
const rules = rulesFile.spec.groups.flatMap((g) => g.rules);
const expressions: [string, string][] = [
  ...rules.map((r): [string, string] => [`rule ${r.alert ?? r.record}`, r.expr]),
  ...dashboard.panels.flatMap((p) =>
    (p.targets ?? []).map((t): [string, string] => [`panel ${p.title}`, t.expr])
  ),
  ...dashboard.templating.list
    .filter((v) => v.type === 'query')
    .map((v): [string, string] => ['variable', typeof v.query === 'string' ? v.query : v.query.query])
];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

/** A monitor report as `mlci monitor` writes it for a drifted batch with delayed labels. */
const report = {
  verdict: 'drift',
  model: { name: 'churn', version: 3, tag: 'churn@v3', alias: 'production' },
  rows: 500,
  drift: {
    tenure: { test: 'ks', statistic: 0.4, p_value: 0.001, threshold: 0.05, drifted: true, exact: true },
    'plan "gold"': { test: 'chi2', statistic: 1, p_value: 0.6, threshold: 0.05, drifted: false, exact: true }
  },
  dataset_drift: {
    tested: 2,
    drifted: 1,
    share: 0.5,
    threshold: 0.5,
    drifted_dataset: true,
    blocking: false
  },
  performance: { current: { roc_auc: 0.81, accuracy: null } }
} as unknown as MonitorReport;

describe('Grafana dashboard and PrometheusRule', () => {
  let served: Set<string>;
  let serverText: string;
  let monitorText: string;
  beforeAll(async () => {
    const { registry, dir, cleanup } = await makeRegistry([binaryModel(undefined, 0.3)]);
    const port = await freePort();
    const running: Promise<CliRun> = runCli([
      'serve',
      '--registry',
      registry.dir,
      '--model',
      'churn',
      '--port',
      String(port),
      '--config',
      `${dir}/none.yml`,
      '--admin-token',
      'tok'
    ]);
    const base = `http://127.0.0.1:${port}`;
    let ready = false;
    for (let i = 0; i < 200 && !ready; i++) {
      ready = await http('GET', `${base}/v2/health/ready`).then(
        (a) => a.status === 200,
        () => false
      );
      if (!ready) await new Promise((r) => setTimeout(r, 50));
    }
    expect(ready).toBe(true);
    const admin = { authorization: 'Bearer tok' };
    expect((await http('POST', `${base}/admin/canary`, { version: 2, weight: 50 }, admin)).status).toBe(200);
    for (let i = 0; i < 10; i++) await http('POST', `${base}/v2/models/churn/infer`, v2Body([row(i)]));
    await http('POST', `${base}/v2/models/churn/infer`, '{not json');
    const scrape = await http('GET', `${base}/metrics`);
    expect(scrape.status).toBe(200);
    serverText = scrape.body;
    process.emit('SIGTERM');
    expect((await running).code).toBe(0);
    await cleanup();
    monitorText = await monitorMetricsText(report, new Date('2026-12-01T00:00:00Z'));
    served = exposedNames(serverText);
  }, 60_000);

  it('the parser finds the metrics of an expression and nothing else', () => {
    expect(
      promqlMetrics(
        'histogram_quantile(0.99, sum by (le, variant) (rate(mlci_request_duration_seconds_bucket{model=~"$model", code!="a b"}[$__rate_interval]))) > 2 * 0.5e3 and on (job) up'
      )
    ).toEqual(['mlci_request_duration_seconds_bucket', 'up']);
    expect(promqlMetrics('label_values(mlci_model_info, model)')).toEqual(['mlci_model_info']);
  });

  it('every expression names metrics the server exports, the monitor writes or a recording rule defines', () => {
    const known = new Set([
      ...served,
      ...exposedNames(monitorText),
      ...rules.flatMap((r) => (r.record ? [r.record] : []))
    ]);
    expect(expressions.length).toBeGreaterThan(20);
    for (const [where, expr] of expressions) {
      const names = promqlMetrics(expr);
      expect({ where, expr, names: names.length > 0 }).toEqual({ where, expr, names: true });
      expect({ where, unknown: names.filter((n) => !known.has(n)) }).toEqual({ where, unknown: [] });
    }
  });

  it('the server exports the canary, traffic and latency series the alerts read, with their labels', () => {
    expect(serverText).toMatch(
      /^mlci_requests_total\{model="churn",version="v2",variant="canary",code="200"\} \d+$/m
    );
    expect(serverText).toMatch(/^mlci_canary_weight_percent\{model="churn"\} 50$/m);
    expect(serverText).toMatch(
      /^mlci_request_duration_seconds_bucket\{le="\+Inf",model="churn",version="v1",variant="stable"\} \d+$/m
    );
    expect(serverText).toMatch(/^mlci_rejected_requests_total\{code="4\d\d"\} 1$/m);
  });

  it('keeps prom-client’s standard process and Node.js metric names, so stock dashboards work', () => {
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_heap_size_used_bytes'
    ]) {
      expect({ name, exported: served.has(name) }).toEqual({ name, exported: true });
    }
    expect([...served].filter((n) => /^mlci_(process|nodejs)_/.test(n))).toEqual([]);
  });

  it('the monitor textfile carries the drift, verdict, metrics and freshness of the run', () => {
    const labels = 'model="churn",version="v3"';
    expect(monitorText).toContain(`mlci_monitor_dataset_drift{${labels}} 1`);
    expect(monitorText).toContain(`mlci_monitor_drift_share{${labels}} 0.5`);
    expect(monitorText).toContain(`mlci_monitor_verdict{${labels},verdict="drift"} 1`);
    expect(monitorText).toContain(`mlci_monitor_verdict{${labels},verdict="ok"} 0`);
    expect(monitorText).toContain(`mlci_monitor_column_drift{${labels},column="tenure",test="ks"} 1`);
    // Label values are escaped as the exposition format says.
    expect(monitorText).toContain(`column="plan \\"gold\\"",test="chi2"} 0`);
    expect(monitorText).toContain(`mlci_monitor_metric{${labels},metric="roc_auc"} 0.81`);
    expect(monitorText).not.toContain('metric="accuracy"');
    expect(monitorText).toContain(
      `mlci_monitor_last_run_timestamp_seconds{${labels}} ${Date.parse('2026-12-01T00:00:00Z') / 1000}`
    );
  });

  it('the PrometheusRule is a valid CRD: named groups, each rule a record or an alert with severity and summary', () => {
    expect(rulesFile).toMatchObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule' });
    for (const rule of rules) {
      expect(Boolean(rule.record) !== Boolean(rule.alert)).toBe(true);
      if (rule.alert) {
        expect(rule.labels?.severity).toMatch(/^(page|warning|info)$/);
        expect(rule.annotations?.summary).toBeTruthy();
      }
      let depth = 0;
      for (const c of rule.expr) {
        depth += c === '(' ? 1 : c === ')' ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
    const alerts = rules.flatMap((r) => (r.alert ? [r.alert] : []));
    expect(alerts).toEqual(
      expect.arrayContaining(['MlciHighErrorRate', 'MlciHighP99Latency', 'MlciDataDrift', 'MlciCanaryStuck'])
    );
  });
});

describe('mlci monitor --metrics-file', () => {
  let production: Production;
  beforeAll(async () => {
    production = await setUpProduction();
  }, 120_000);
  afterAll(() => production.cleanup());

  it('writes the drift of a real run as Prometheus text beside monitor.json, with the names the alerts read', async () => {
    const prom = join(production.dir, 'textfile/mlci.prom');
    await mkdir(join(production.dir, 'textfile'));
    const run = await runCli([
      'monitor',
      '--model',
      'churn',
      '--registry',
      production.registryDir,
      '--data',
      NEW_DATA,
      '--label',
      LABEL,
      '--out',
      join(production.dir, 'out'),
      '--metrics-file',
      prom
    ]);
    expect(run.code).toBe(1);
    const text = readFileSync(prom, 'utf8');
    expect(text).toMatch(/^mlci_monitor_dataset_drift\{model="churn",version="v1"\} 1$/m);
    expect(text).toMatch(/^mlci_monitor_verdict\{model="churn",version="v1",verdict="drift"\} 1$/m);
    const written = exposedNames(text);
    const monitorNames = rules
      .flatMap((r) => promqlMetrics(r.expr))
      .filter((n) => n.startsWith('mlci_monitor_'));
    expect(monitorNames.length).toBeGreaterThan(0);
    expect(monitorNames.filter((n) => !written.has(n))).toEqual([]);
  }, 120_000);

  it('a folder as --metrics-file is exit 2 before any work', async () => {
    const out = join(production.dir, 'out-bad');
    const run = await runCli([
      'monitor',
      '--model',
      'churn',
      '--registry',
      production.registryDir,
      '--data',
      NEW_DATA,
      '--label',
      LABEL,
      '--out',
      out,
      '--metrics-file',
      production.dir
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--metrics-file ${production.dir}: is a directory, expected a file`);
    expect(existsSync(out)).toBe(false);
  });
});
