/// <reference lib="dom" />
/**
 * Acceptance: the report opens in headless Chromium (Debian's /usr/bin/chromium, started here)
 * with every chart drawn, no console error, no network request; a screenshot is kept as a test
 * artifact in __tests__/artifacts/report.png.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { profileData, validateData } from '../../src/stages/validate-data.js';
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

function launch(work: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(join(work, 'profile'), {
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
}

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
    context = await launch(work);
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

/**
 * A reference and a current CSV: 13 of the 54 current rows shifted past the reference's range, some
 * missing, NaN and ±Inf.
 */
async function writeShiftedData(dir: string): Promise<{ reference: string; current: string }> {
  const reference = ['amount,score,plan,y'];
  for (let i = 0; i < 300; i++)
    reference.push(`${(i % 50) + 0.5},${-((i * 7) % 23)},${['basic', 'pro', 'team'][i % 3]},${i % 2}`);
  const current = ['amount,score,plan,y'];
  for (let i = 0; i < 54; i++) {
    const amount = i < 13 ? String(100 + i) : i % 5 === 0 ? '' : String((i % 40) + 1);
    // NaN is counted with the missing values, ±Inf with the values below and above the bins.
    const special = { 20: 'nan', 21: 'inf', 23: '-inf' }[i];
    const score = special ?? (i % 9 === 0 ? '-40' : i % 11 === 0 ? '' : String(-((i * 5) % 23)));
    const plan = i % 7 === 0 ? '' : ['basic', 'pro', 'enterprise'][i % 3];
    current.push(`${amount},${score},${plan},${i % 2}`);
  }
  const paths = { reference: join(dir, 'reference.csv'), current: join(dir, 'current.csv') };
  await writeFile(paths.reference, reference.join('\n') + '\n');
  await writeFile(paths.current, current.join('\n') + '\n');
  return paths;
}

interface ChartRows {
  id: string;
  /** Rows each sample has, as the chart's description states them. */
  stated: Record<string, number>;
  /** Rows of the bars drawn for each sample, read from the bars' accessible labels. */
  drawn: Record<string, number>;
  /** The current data's rows as the figure's caption gives them. */
  caption: number;
  /** Labels of the bars beside a histogram (rows outside its bins, missing rows). */
  outside: string[];
}

describeIfChromium('report.html of a real validate-data run, read back from the page', () => {
  let work: string;
  let context: BrowserContext;
  let charts: ChartRows[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'mlci-report-rows-'));
    const { reference, current } = await writeShiftedData(work);
    const out = join(work, 'validation');
    const { report } = await validateData({ data: current, reference, label: 'y', out });
    const referenceStatistics = await profileData({ data: reference, label: 'y' });
    const written = await writeReport({ validation: report, referenceStatistics }, out);
    context = await launch(work);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(written.path).href, { waitUntil: 'load' });
    charts = await page.$$eval('figure[data-chart*="-dist-"]', (figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector('svg') as SVGSVGElement;
        const desc = svg.querySelector('desc')?.textContent ?? '';
        const stated: Record<string, number> = {};
        for (const m of desc.matchAll(/(reference|current): (\d+) rows/g)) stated[m[1]] = Number(m[2]);
        const drawn: Record<string, number> = {};
        const outside = new Set<string>();
        svg.querySelectorAll('g[class^="mark-"] > path[aria-label]').forEach((bar) => {
          const label = bar.getAttribute('aria-label') ?? '';
          const series = /\bdata: (\w+)/.exec(label)?.[1];
          const rows = /(?:^|; )rows: ([\d,]+)/.exec(label)?.[1];
          if (series && rows) drawn[series] = (drawn[series] ?? 0) + Number(rows.replace(/,/g, ''));
          const beside = /^outside the bins: ([^;]+)/.exec(label)?.[1];
          if (beside) outside.add(beside);
        });
        const caption = /rows (\d+)/.exec(figure.querySelector('figcaption')?.textContent ?? '')?.[1];
        const id = (figure.getAttribute('data-chart') ?? '').replace(/^chart-\d+-/, '');
        return { id, stated, drawn, caption: Number(caption), outside: [...outside].sort() };
      })
    );
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('each distribution chart draws every row: bins + below + above + missing = rows', () => {
    expect(charts.map((c) => c.id).sort()).toEqual(['dist-amount', 'dist-plan', 'dist-score', 'dist-y']);
    for (const chart of charts) {
      expect({ id: chart.id, drawn: chart.drawn }).toEqual({ id: chart.id, drawn: chart.stated });
      expect({ id: chart.id, current: chart.stated.current }).toEqual({ id: chart.id, current: 54 });
      expect({ id: chart.id, caption: chart.caption }).toEqual({ id: chart.id, caption: 54 });
      expect({ id: chart.id, reference: chart.stated.reference }).toEqual({ id: chart.id, reference: 300 });
    }
    const outside = Object.fromEntries(charts.map((c) => [c.id, c.outside]));
    // The 13 shifted amounts lie above the reference's last edge; −40 and −Inf below the scores' first (−22), +Inf above.
    expect(outside['dist-amount']).toEqual(['above 49.5', 'missing']);
    expect(outside['dist-score']).toEqual(['above 0', 'below -22', 'missing']);
  });
});
