import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { pacedLoad } from '../../src/deploy/traffic.js';
import { withDefaults } from '../../src/loadtest/objectives.js';
import { requestsTotal } from '../../src/loadtest/observed-rate.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import { runLoadTest } from '../../src/stages/loadtest.js';
import { runCli } from '../../test-support/cli.js';
import { binaryModel, makeRegistry, STABLE_WEIGHTS } from '../serve/support.js';
import { writeRows } from './support.js';

jest.setTimeout(60_000);

let f: Awaited<ReturnType<typeof makeRegistry>>;
let rows: string;
let registry: string;

beforeAll(async () => {
  f = await makeRegistry([binaryModel(STABLE_WEIGHTS.map(([w]) => [w * 1.02]))]);
  rows = await writeRows(f.dir);
  registry = join(f.dir, 'registry');
});
afterAll(() => f.cleanup());

const base = () => [
  'loadtest',
  '--model',
  'churn',
  '--registry',
  registry,
  '--config',
  join(f.dir, 'none.yml')
];

test('mlci loadtest --json --out: exit 0 on a pass, 1 on a failed objective, files written', async () => {
  const out = join(f.dir, 'cli-out');
  const args = [
    ...base(),
    '--version',
    'v2',
    '--rate',
    '100',
    '--duration',
    '0.6',
    '--ramp',
    '',
    '--replay',
    rows,
    // About the wiring, not latency: a loaded machine's p99 must not decide (objectives.test.ts holds the statistics).
    '--max-p99-ratio',
    '1000'
  ];
  const pass = await runCli([...args, '--json', '--out', out]);
  const json = JSON.parse(pass.stdout);
  expect(json.summary).toMatch(/^all \d objectives met/);
  expect(pass.code).toBe(0);
  expect(json.verdict).toBe('pass');
  expect(json.files).toEqual([join(out, 'loadtest.json'), join(out, 'loadtest.md')]);
  expect(JSON.parse(await readFile(join(out, 'loadtest.json'), 'utf8')).points).toHaveLength(1);
  const fail = await runCli([...args, '--max-p99-ms', '0.001']);
  expect(fail.code).toBe(1);
  expect(fail.stdout).toMatch(
    /^load test churn@v2: failed\n {2}objective failed: max_p99_ms: candidate p99 /
  );
  expect(fail.stdout).toMatch(/FAIL max_p99_ms: /);
});

test.each([
  [['--rate', '100', '--replay', 'ROWS'], /^mlci: --version is required/],
  [['--version', 'v2', '--rate', 'fast', '--replay', 'ROWS'], /^mlci: --rate: got "fast", expected a number/],
  [
    ['--version', 'v2', '--rate', '0', '--replay', 'ROWS'],
    /^mlci: --rate: got "0", expected a number above 0/
  ],
  [['--version', 'v2', '--rate', '10', '--ramp', '0.5,1', '--replay', 'ROWS'], /^mlci: --ramp: got "1"/],
  [
    ['--version', 'v2', '--rate', '10', '--stable-url', 'http://127.0.0.1:1', '--replay', 'ROWS'],
    /--stable-url .*pass --url too/
  ],
  [['--url', 'ftp://x', '--rate', '10', '--replay', 'ROWS'], /^mlci: --url: "ftp:\/\/x" is not a URL/],
  [
    ['--version', 'v9', '--rate', '10', '--replay', 'ROWS'],
    /^mlci: model "churn" has no version v9 in the registry/
  ],
  [
    ['--version', 'v2', '--rate', '10', '--replay', 'MISSING'],
    /^mlci: replay file not found: .*missing\.csv/
  ],
  [
    ['--version', 'v2', '--rate', '10', '--replay', 'RAGGED'],
    /ragged\.csv: row 3 has 2 cells, the header has 3/
  ],
  [['--version', 'v2', '--replay', 'ROWS'], /^mlci: the load test needs a rate: set deploy\.load_test\.rate/],
  [['--version', 'v2', '--rate', '10'], /^mlci: --replay FILE is required/]
])('bad input %j exits 2 with one message naming it', async (extra, message) => {
  const ragged = join(f.dir, 'ragged.csv');
  await writeFile(ragged, 'a,b,c\n1,2,3\n1,2\n');
  const args = extra.map((a) =>
    a === 'ROWS' ? rows : a === 'MISSING' ? join(f.dir, 'missing.csv') : a === 'RAGGED' ? ragged : a
  );
  const run = await runCli([...base(), ...args]);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(message) });
  expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(run.stderr).not.toMatch(/unexpected error/);
});

test("without a rate, the production server's observed rate × headroom sets it; an idle production server is an input error", async () => {
  const production = await ModelServer.start({
    model: { name: 'churn', version: 1 },
    source: registrySource(f.registry),
    port: 0
  });
  try {
    const common = {
      model: 'churn',
      version: 2,
      registry: f.registry,
      alias: 'production',
      headroom: 2,
      durationMs: 400,
      ramp: [],
      replay: rows,
      dropColumns: ['label'],
      objectives: withDefaults(),
      productionServer: production.url,
      observeMs: 1500
    };
    await expect(runLoadTest(common)).rejects.toThrow(
      /answered no requests in 1\.5 s: set deploy\.load_test\.rate/
    );
    const body = JSON.stringify({
      inputs: Array.from({ length: 10 }, (_, i) => ({
        name: `f${i}`,
        shape: [1],
        datatype: 'FP32',
        data: [0.5]
      }))
    });
    const traffic = pacedLoad({
      url: `${production.url}/v2/models/churn/infer`,
      bodies: [body],
      rate: 100,
      count: 400
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const result = await runLoadTest(common);
    await traffic;
    expect(result.report.rate.source).toBe('production');
    expect(result.report.rate.headroom).toBe(2);
    expect(result.report.rate.observed_rps).toBeGreaterThan(60);
    expect(result.report.rate.observed_rps).toBeLessThan(140);
    expect(result.report.rate.rps).toBe(Math.round(result.report.rate.observed_rps! * 2));
  } finally {
    await production.close();
  }
});

test('requestsTotal sums every mlci_requests_total series and ignores other metrics', () => {
  const text = [
    '# HELP mlci_requests_total Inference requests',
    '# TYPE mlci_requests_total counter',
    'mlci_requests_total{model="m",version="v1",variant="stable",code="200"} 120',
    'mlci_requests_total{model="m",version="v1",variant="stable",code="500"} 3',
    'mlci_rejected_requests_total{code="400"} 9'
  ].join('\n');
  expect(requestsTotal(text)).toBe(123);
  expect(requestsTotal('other_metric 1')).toBeNull();
  expect(requestsTotal('# TYPE mlci_requests_total counter\nother_metric 1')).toBe(0);
});
