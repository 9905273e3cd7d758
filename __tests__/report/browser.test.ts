/// <reference lib="dom" />
/**
 * Acceptance: the report opens in headless Chromium (Debian's /usr/bin/chromium, started here)
 * with every chart drawn, no console error, no network request; a screenshot is kept as a test
 * artifact in __tests__/artifacts/report.png.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { writeReport } from '../../src/report/html/index.js';
import { fixture } from './fixtures.js';

// Debian's chromium here; CI runners without it can point MLCI_CHROMIUM at another Chromium build.
const CHROMIUM = process.env.MLCI_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(process.cwd(), '__tests__', 'artifacts');

interface ChartState {
  id: string;
  width: number;
  height: number;
  marks: number;
  drawn: number;
  name: string;
}

test('Debian chromium is installed (apt-get install -y chromium)', () => {
  expect(existsSync(CHROMIUM)).toBe(true);
});

// Without the browser the acceptance checks cannot run; the test above then fails and says why.
const describeIfChromium = existsSync(CHROMIUM) ? describe : describe.skip;

describeIfChromium('report.html in headless Chromium', () => {
  let work: string;
  let context: BrowserContext;
  let page: Page;
  let reportUrl: string;
  let expectedCharts = 0;
  let bytes = 0;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'mlci-report-'));
    const report = await writeReport(
      {
        evaluation: fixture('evaluation.json'),
        validation: fixture('validation.json'),
        sources: { evaluation: 'out/evaluation.json', validation: 'out/validation.json' }
      },
      join(work, 'out')
    );
    expectedCharts = report.charts;
    bytes = statSync(report.path).size;
    reportUrl = pathToFileURL(report.path).href;
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ],
      viewport: { width: 1280, height: 900 },
      offline: true
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => {
      if (request.url() !== reportUrl) requests.push(request.url());
    });
    await page.goto(reportUrl, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('every chart rendered: an SVG with a size and drawn marks', async () => {
    const charts: ChartState[] = await page.$$eval('figure[data-chart]', (figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        // Marks Vega drew: non-empty paths, lines and texts inside mark groups.
        const marks = svg
          ? svg.querySelectorAll(
              'g[class^="mark-"] > path, g[class^="mark-"] > line, g[class^="mark-"] > text'
            )
          : [];
        let drawn = 0;
        marks.forEach((m) => {
          const b = (m as SVGGraphicsElement).getBBox();
          if (b.width > 0 || b.height > 0) drawn++;
        });
        const labelled = svg?.getAttribute('aria-labelledby')?.split(' ') ?? [];
        return {
          id: figure.getAttribute('data-chart') ?? '',
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks: marks.length,
          drawn,
          name: labelled.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ')
        };
      })
    );
    expect(charts).toHaveLength(expectedCharts);
    expect(charts.length).toBeGreaterThanOrEqual(15);
    for (const chart of charts) {
      expect({ id: chart.id, sized: chart.width > 100 && chart.height > 100 }).toEqual({
        id: chart.id,
        sized: true
      });
      expect({ id: chart.id, drawn: chart.drawn > 10 }).toEqual({ id: chart.id, drawn: true });
      expect(chart.name.length).toBeGreaterThan(20);
    }
    // The data marks themselves, not only axes: curves, bars and heat map cells.
    expect(await page.locator('#chart-1-roc g.mark-line path').count()).toBeGreaterThanOrEqual(3);
    expect(
      await page.locator('figure[data-chart*="confusion"] g.mark-rect path').count()
    ).toBeGreaterThanOrEqual(8);
    expect(await page.locator('figure[data-chart*="dist-"] g.mark-rect path').count()).toBeGreaterThan(50);
  });

  test('charts are named for assistive technology', async () => {
    expect(await page.getByRole('img', { name: /^ROC curve/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Confusion matrix — baseline/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /^monthly_charges \(DRIFT/ }).count()).toBe(1);
  });

  test('no console errors and no network requests', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  test('the watchers would see a request or a blocked load (a tampered copy with an external image)', async () => {
    const html = readFileSync(new URL(reportUrl), 'utf8');
    const tampered = join(work, 'out', 'tampered.html');
    writeFileSync(
      tampered,
      html.replace('<footer>', '<img src="http://127.0.0.1:9/pixel.png" alt=""><footer>')
    );
    const other = await context.newPage();
    const seen: string[] = [];
    other.on('request', (request) => seen.push(request.url()));
    other.on('console', (message) => {
      if (message.type() === 'error') seen.push(message.text());
    });
    await other.goto(pathToFileURL(tampered).href, { waitUntil: 'load' });
    await other.close();
    // The Content-Security-Policy blocks the image: Chromium reports the refused load as an error.
    expect(seen.some((s) => s.includes('127.0.0.1:9'))).toBe(true);
  });

  test('prints without navigation and without charts split across pages', async () => {
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('nav.toc') as Element).display,
      figure: getComputedStyle(document.querySelector('figure') as Element).breakInside
    }));
    await page.emulateMedia({ media: 'screen' });
    expect(printed).toEqual({ nav: 'none', figure: 'avoid' });
  });

  test('a screenshot is saved as a test artifact, and the file stays under 2 MB', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, 'report.png');
    rmSync(path, { force: true });
    await page.screenshot({ path, fullPage: true });
    expect(statSync(path).size).toBeGreaterThan(50_000);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });
});
