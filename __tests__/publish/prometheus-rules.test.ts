/**
 * deploy/prometheus/mlci-rules.yaml evaluated by Prometheus' own promtool: every rule parses, and the
 * alerts fire on the series `mlci serve` exports exactly when the share they promise is crossed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';

const run = promisify(execFile);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mlci-prom-rules-'));
  const crd = parse(await readFile('deploy/prometheus/mlci-rules.yaml', 'utf8')) as {
    spec: { groups: unknown[] };
  };
  // promtool reads a plain rule file: the PrometheusRule's spec is one.
  await writeFile(join(work, 'rules.yaml'), stringify({ groups: crd.spec.groups }));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Runs `promtool test rules` on one unit-test file; returns its output when it fails. */
async function promtoolTest(tests: unknown): Promise<string> {
  const file = join(work, 'tests.yaml');
  await writeFile(file, stringify({ rule_files: ['rules.yaml'], evaluation_interval: '1m', tests }));
  return run('promtool', ['test', 'rules', file]).then(
    () => '',
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`
  );
}

const served = (instance: string, code: string, perMinute: number, version = 'v1') => ({
  series: `mlci_requests_total{job="serve",instance="${instance}",model="m",version="${version}",variant="stable",code="${code}"}`,
  values: `0+${perMinute}x40`
});
const rejected = (instance: string, perMinute: number) => ({
  series: `mlci_rejected_requests_total{job="serve",instance="${instance}",code="400"}`,
  values: `0+${perMinute}x40`
});
const rejectedAlert = (instance: string, share: string) => ({
  exp_labels: { job: 'serve', instance, severity: 'warning' },
  exp_annotations: {
    summary: `${share} of requests to ${instance} are rejected as invalid`,
    description:
      'A client sends requests the model refuses (wrong features, types or sizes): a schema change upstream?'
  }
});

describe('deploy/prometheus/mlci-rules.yaml under promtool', () => {
  it('every rule parses', async () => {
    const { stdout } = await run('promtool', ['check', 'rules', join(work, 'rules.yaml')]);
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('MlciManyRejectedRequests counts each request once, routed 4xx included, and fires when all are refused', async () => {
    const failure = await promtoolTest([
      {
        interval: '1m',
        input_series: [
          // a: 80/s answered, 20/s refused by the model (routed), 5/s refused before routing: 25 of 105.
          served('a', '200', 4800),
          served('a', '400', 1200),
          rejected('a', 1500),
          // b: every request refused before routing, so no mlci_requests_total series at all.
          rejected('b', 600),
          // c: 1 % refused: no alert.
          served('c', '200', 5940),
          served('c', '400', 60),
          rejected('c', 60)
        ],
        alert_rule_test: [
          {
            eval_time: '30m',
            alertname: 'MlciManyRejectedRequests',
            exp_alerts: [rejectedAlert('a', '23.81%'), rejectedAlert('b', '100%')]
          }
        ]
      }
    ]);
    expect(failure).toBe('');
  });

  it('MlciHighErrorRate fires on more than 1 % of 5xx for a version, and not at 1 %', async () => {
    const failure = await promtoolTest([
      {
        interval: '1m',
        input_series: [
          served('a', '200', 5880),
          served('a', '500', 120),
          served('a', '200', 5940, 'v2'),
          served('a', '500', 60, 'v2')
        ],
        alert_rule_test: [
          {
            eval_time: '20m',
            alertname: 'MlciHighErrorRate',
            exp_alerts: [
              {
                exp_labels: { model: 'm', version: 'v1', variant: 'stable', severity: 'page' },
                exp_annotations: {
                  summary: 'm v1 (stable) fails 2% of requests',
                  description:
                    'More than 1 % of inference requests answered with a 5xx status over 5 minutes. Client errors (4xx) are counted in mlci_rejected_requests_total instead.'
                }
              }
            ]
          }
        ]
      }
    ]);
    expect(failure).toBe('');
  });
});
