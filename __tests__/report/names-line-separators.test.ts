/// <reference lib="dom" />
/**
 * Names from the data holding line separators (U+2028, U+2029, NEL, CR, LF) or other control
 * characters: Vega-Lite copies titles and labels into the expressions it generates, and Vega's
 * expression lexer refuses a line terminator inside a string literal, so `mlci report` crashed.
 * Inputs are made through the CLI (validate-data and evaluate on JSON Lines data, whose keys may
 * hold any character); class labels and history labels are then set in evaluation.json.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { linearModelOnnx } from '../../src/model/onnx-build.js';
import { runCli } from '../../test-support/cli.js';

const CHROMIUM = process.env.MLCI_CHROMIUM ?? '/usr/bin/chromium';

/** Every character that broke a chart or is not valid in SVG text, one name each. */
const ODD: Record<string, string> = {
  ls: '\u2028',
  ps: '\u2029',
  nel: '\u0085',
  cr: '\r',
  lf: '\n',
  crlf: '\r\n',
  tab: '\t',
  soh: '\u0001',
  del: '\u007f'
};
const columnName = (key: string) => `${key}${ODD[key]}x`;
const SLICE_COLUMN = 're\u2028gion';
const SLICE_VALUES = ['n\u2028orth', 's\u2029outh', 'e\nast', 'w\rest'];

let work: string;

/** A current and a shifted reference sample, JSON Lines, with the odd names as keys and values. */
function writeData(): { current: string; reference: string } {
  let s = 7;
  const r = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const sample = (rows: number, shift: number) => {
    const lines: string[] = [];
    for (let i = 0; i < rows; i++) {
      const row: Record<string, unknown> = {};
      for (const key of Object.keys(ODD)) row[columnName(key)] = Math.round((r() * 50 + shift) * 10) / 10;
      const f1 = r() * 4 - 2;
      const f2 = r() * 4 - 2;
      row.f1 = f1;
      row.f2 = f2;
      row[SLICE_COLUMN] = SLICE_VALUES[i % SLICE_VALUES.length];
      row.y = f1 + f2 + (r() - 0.5) * 2 > 0 ? 1 : 0;
      lines.push(JSON.stringify(row));
    }
    return lines.join('\n') + '\n';
  };
  const paths = { current: join(work, 'current.jsonl'), reference: join(work, 'reference.jsonl') };
  writeFileSync(paths.current, sample(400, 0));
  writeFileSync(paths.reference, sample(300, 5));
  return paths;
}

function writeModel(path: string, w: [number, number]): void {
  writeFileSync(
    path,
    linearModelOnnx({ task: 'binary', featureNames: ['f1', 'f2'], weights: [[w[0]], [w[1]]], bias: [0] })
  );
}

describe('names with line separators and control characters in report.html', () => {
  let reportPath: string;
  let charts = 0;
  let validationNames: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'mlci-report-names-'));
    const { current, reference } = writeData();
    const validated = await runCli([
      'validate-data',
      '--data',
      current,
      '--reference',
      reference,
      '--out',
      join(work, 'v')
    ]);
    expect(validated.stderr).not.toContain('mlci:');
    validationNames = Object.keys(
      (JSON.parse(readFileSync(join(work, 'v', 'validation.json'), 'utf8')) as { columns: object }).columns
    );
    writeModel(join(work, 'candidate.onnx'), [1, 1]);
    writeModel(join(work, 'baseline.onnx'), [0.5, 0.2]);
    const evaluated = await runCli([
      'evaluate',
      '--model',
      join(work, 'candidate.onnx'),
      '--baseline',
      join(work, 'baseline.onnx'),
      '--data',
      current,
      '--label',
      'y',
      '--task',
      'binary',
      '--features',
      'f1,f2',
      '--slices',
      SLICE_COLUMN,
      '--min-slice-size',
      '10',
      '--bootstrap',
      '0',
      '--out',
      join(work, 'e')
    ]);
    expect(evaluated.stderr).not.toContain('mlci:');
    // Class labels and history labels: evaluate takes them from the label column and the registry;
    // they are set here, with a NUL that no data reader passes through.
    const path = join(work, 'e', 'evaluation.json');
    const evaluation = JSON.parse(readFileSync(path, 'utf8')) as {
      candidate: { confusion_matrix: { labels: string[] } };
      baseline: { confusion_matrix: { labels: string[] } };
      history?: unknown;
    };
    for (const model of [evaluation.candidate, evaluation.baseline])
      model.confusion_matrix.labels = ['no\u2029', 'yes\u0000\u2028'];
    evaluation.history = ['v1\u2028', 'v2\r\n', 'candidate'].map((label, i) => ({
      label,
      metrics: { roc_auc: 0.6 + i / 20 }
    }));
    writeFileSync(path, JSON.stringify(evaluation));
    const reported = await runCli([
      'report',
      '--evaluation',
      path,
      '--validation',
      join(work, 'v', 'validation.json'),
      '--out',
      join(work, 'r'),
      '--json'
    ]);
    expect(reported.stderr).not.toContain('mlci:');
    expect(reported.code).toBe(0);
    ({ path: reportPath, charts } = JSON.parse(reported.stdout) as { path: string; charts: number });
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('the inputs carry the odd names (made through the CLI)', () => {
    for (const key of Object.keys(ODD)) expect(validationNames).toContain(columnName(key));
    expect(validationNames).toContain(SLICE_COLUMN);
  });

  test('every chart is drawn: one per column, confusion matrices, slices and history', () => {
    // 13 columns' distributions, ROC, PR, calibration, 2 confusion matrices, ≥ 1 slice, 1 history.
    expect(charts).toBeGreaterThanOrEqual(13 + 3 + 2 + 1 + 1);
  });

  test('line breaks are shown as ⏎ and other control characters as U+FFFD in the charts', () => {
    const html = readFileSync(reportPath, 'utf8');
    const svgs = (html.match(/<svg[\s\S]*?<\/svg>/g) ?? []).join('');
    for (const shown of [
      'ls⏎x',
      'ps⏎x',
      'nel⏎x',
      'cr⏎x',
      'lf⏎x',
      'crlf⏎x',
      'tab\tx',
      'soh\ufffdx',
      'del\ufffdx'
    ])
      expect(svgs).toContain(shown);
    for (const shown of ['re⏎gion', 'n⏎orth', 'e⏎ast', 'no⏎', 'yes\ufffd⏎', 'v1⏎', 'v2⏎'])
      expect(svgs).toContain(shown);
    // eslint-disable-next-line no-control-regex
    expect(svgs).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/);
  });

  (existsSync(CHROMIUM) ? test : test.skip)(
    'the page renders in headless Chromium with every chart and no console error',
    async () => {
      const context: BrowserContext = await chromium.launchPersistentContext(join(work, 'profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking'
        ],
        offline: true
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const errors: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(pathToFileURL(reportPath).href, { waitUntil: 'load' });
        const drawn = await page.$$eval('figure[data-chart]', (figures) =>
          figures.map((figure) => {
            const svg = figure.querySelector('svg');
            const box = svg?.getBoundingClientRect();
            let marks = 0;
            svg?.querySelectorAll('g[class^="mark-"] > path, g[class^="mark-"] > text').forEach((m) => {
              const b = (m as SVGGraphicsElement).getBBox();
              if (b.width > 0 || b.height > 0) marks++;
            });
            return { id: figure.getAttribute('data-chart'), ok: (box?.width ?? 0) > 100 && marks > 3 };
          })
        );
        expect(drawn).toHaveLength(charts);
        for (const chart of drawn) expect(chart).toEqual({ id: chart.id, ok: true });
        expect(await page.getByRole('img', { name: /^ls⏎x/ }).count()).toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    60_000
  );
});
