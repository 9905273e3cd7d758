/// <reference lib="dom" />
/**
 * The load test's latency-vs-rate chart in report.html, opened in headless Chromium: the chart is
 * drawn with both versions and every rate of the ramp, and the numbers it shows (its points'
 * descriptions and the table beside it) are loadtest.json's. The load test is a real one: two
 * versions served by mlci's stack, driven open loop.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { jest } from '@jest/globals';
import type { LoadTestReport } from '../../src/loadtest/types.js';
import { buildReport, writeReport } from '../../src/report/html/index.js';
import { runLoadTest } from '../../src/stages/loadtest.js';
import { binaryModel, makeRegistry, STABLE_WEIGHTS } from '../serve/support.js';
import { passableObjectives, writeRows } from '../loadtest/support.js';
import { runCli } from '../../test-support/cli.js';

jest.setTimeout(90_000);

const CHROMIUM = process.env.MLCI_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(process.cwd(), '__tests__', 'artifacts');
const describeIfChromium = existsSync(CHROMIUM) ? describe : describe.skip;
const ms = (x: number) => x.toFixed(2);

describeIfChromium('latency-vs-rate chart of a load test in report.html', () => {
  let made: Awaited<ReturnType<typeof makeRegistry>>;
  let loadtest: LoadTestReport;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    made = await makeRegistry([binaryModel(STABLE_WEIGHTS.map(([w]) => [w * 1.02]))]);
    const out = join(made.dir, 'out');
    await runLoadTest({
      model: 'churn',
      version: 2,
      registry: made.registry,
      alias: 'production',
      rate: 120,
      headroom: 2,
      durationMs: 600,
      ramp: [0.25, 0.5, 0.75],
      replay: await writeRows(made.dir),
      dropColumns: ['label'],
      objectives: passableObjectives(),
      out
    });
    const path = join(out, 'loadtest.json');
    loadtest = JSON.parse(await readFile(path, 'utf8')) as LoadTestReport;
    const report = await writeReport({ loadtest, sources: { loadtest: path } }, out);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run']
    });
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(pathToFileURL(report.path).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    await made?.cleanup();
  });

  test('the load test measured both versions at every rate of the ramp', () => {
    expect(loadtest.points.map((p) => p.rate)).toEqual([30, 60, 90, 120]);
    for (const p of loadtest.points) expect(p.stable).not.toBeNull();
  });

  test('the chart is drawn, with a line per version and percentile and a point per rate', async () => {
    const figure = page.locator('#loadtest figure[data-chart*="latency-rate"]');
    expect(await figure.count()).toBe(1);
    const box = await figure.locator('svg').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(200);
    // 2 versions × 3 percentiles.
    expect(await figure.locator('g.mark-line path').count()).toBe(6);
    expect(await page.getByRole('img', { name: /^Latency against request rate/ }).count()).toBe(1);
    expect(await page.locator('.verdict', { hasText: 'load test' }).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await figure.screenshot({ path: join(ARTIFACTS, 'loadtest-chart.png') });
  });

  test("the points shown are loadtest.json's: both versions, every rate, p50/p95/p99", async () => {
    const labels = await page
      .locator('#loadtest figure g.mark-symbol.role-mark path')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('aria-label') ?? ''));
    const expected = loadtest.points.flatMap((p) =>
      (['candidate', 'stable'] as const).flatMap((series) =>
        (['p50', 'p95', 'p99'] as const).map(
          (q) => `${series} ${q} at ${p.rate} req/s: ${ms(p[series]!.latency_ms[q])} ms`
        )
      )
    );
    expect([...labels].sort()).toEqual([...expected].sort());
  });

  test('the table beside the chart carries the same numbers', async () => {
    const rows = await page.locator('table[data-table="latency-rate"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        series: tr.getAttribute('data-series'),
        rate: Number(tr.getAttribute('data-rate')),
        p: ['p50', 'p95', 'p99'].map((q) => tr.querySelector(`td[data-percentile="${q}"]`)?.textContent ?? '')
      }))
    );
    const expected = loadtest.points.flatMap((p) =>
      (['candidate', 'stable'] as const).map((series) => ({
        series,
        rate: p.rate,
        p: (['p50', 'p95', 'p99'] as const).map((q) => ms(p[series]!.latency_ms[q]))
      }))
    );
    expect(rows).toEqual(expected);
  });
});

test('a loadtest.json whose field is not of its type is refused with the file and field named', async () => {
  const broken = {
    model: 'churn',
    verdict: 'pass',
    summary: 's',
    infrastructure: [],
    objectives: [],
    points: [
      { rate: 10, candidate: { achieved_rps: 10, error_rate: 0, latency_ms: { p50: 1, p95: 2, p99: '3' } } }
    ]
  };
  await expect(buildReport({ loadtest: broken, sources: { loadtest: 'out/loadtest.json' } })).rejects.toThrow(
    'out/loadtest.json: points[0].candidate.latency_ms.p99: expected a number, got "3"'
  );
});

describe('mlci report --loadtest', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'mlci-report-loadtest-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  const measurement = (rate: number, p99: number) => ({
    target_rps: rate,
    achieved_rps: rate,
    requests: rate,
    errors: 0,
    error_rate: 0,
    latency_ms: { p50: p99 / 4, p95: p99 / 2, p99, max: p99, mean: p99 / 4 },
    rss_mb: null
  });

  test('builds the load-test section alone, beside the input', async () => {
    const doc = {
      model: 'churn',
      candidate: { version: 2, endpoint: 'candidate v2' },
      stable: { version: 1, endpoint: 'stable v1' },
      verdict: 'fail',
      summary: 'objective failed: max_p99_ms',
      infrastructure: [{ name: 'kserve runtime', passed: true, detail: 'model opset 13 <loads>' }],
      objectives: [{ objective: 'max_p99_ms', limit: 5, value: 8, passed: false, detail: 'p99 8 ms' }],
      points: [50, 100].map((rate) => ({
        rate,
        candidate: measurement(rate, rate / 12.5),
        stable: measurement(rate, rate / 25),
        slice_p99_ms: { candidate: [rate / 12.5], stable: [rate / 25] }
      }))
    };
    await writeFile(join(work, 'loadtest.json'), JSON.stringify(doc));
    const run = await runCli(['report', '--loadtest', join(work, 'loadtest.json'), '--json']);
    expect(run.stderr).not.toContain('mlci:');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ path: join(work, 'report.html'), charts: 1 });
    const html = await readFile(join(work, 'report.html'), 'utf8');
    expect(html).toContain('<title>mlci report — churn</title>');
    expect(html).toContain('✖ load test: fail');
    expect(html).toContain('candidate p99 at 100 req/s: 8.00 ms');
    expect(html).toContain('<td class="text">kserve runtime</td>');
    expect(html).toContain('model opset 13 &lt;loads&gt;');
  });

  test('a load test without stable (a first version, or --url alone) draws the candidate only', async () => {
    const doc = {
      model: 'churn',
      candidate: { version: null, endpoint: 'candidate http://127.0.0.1:8080' },
      stable: null,
      verdict: 'pass',
      summary: 'all 1 objectives met',
      infrastructure: [],
      objectives: [],
      points: [{ rate: 40, candidate: measurement(40, 3), stable: null, slice_p99_ms: null }]
    };
    const built = await buildReport({ loadtest: doc });
    expect(built.charts).toBe(1);
    expect(built.html).toContain('candidate p99 at 40 req/s: 3.00 ms');
    expect(built.html).not.toContain('data-series="stable"');
    expect(built.html).not.toContain('stable p99 at');
  });

  test('a loadtest.json with a broken point is exit 2 naming the field', async () => {
    await writeFile(join(work, 'bad.json'), JSON.stringify({ points: [{ rate: -1 }] }));
    const run = await runCli(['report', '--loadtest', join(work, 'bad.json'), '--out', work]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mlci: .*bad\.json: model: expected a string, got nothing\n$/);
  });
});
