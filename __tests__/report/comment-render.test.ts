/// <reference lib="dom" />
/**
 * Acceptance: the PR comment renders on GitHub-flavoured Markdown. It is rendered with marked (GFM)
 * and Mermaid in headless Chromium on GitHub's light and dark page colours: the history line must
 * be drawn in a colour that stands out from the page, and no table cell may be empty. The
 * comment of a 50-slice model stays under GitHub's comment limit.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { chromium, type Browser } from 'playwright-core';
import { sanitizeEvaluation } from '../../src/evaluation/sanitize.js';
import type { EvaluationJson, HistoryPoint } from '../../src/evaluation/types.js';
import { renderEvaluationMarkdown } from '../../src/report/evaluation-md.js';
import { copy, fixture } from './fixtures.js';

const CHROMIUM = process.env.MLCI_CHROMIUM ?? '/usr/bin/chromium';
const MERMAID = join(process.cwd(), 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
/** GitHub's comment body limit. */
const COMMENT_LIMIT = 65_536;
/** GitHub's page background and text colours, light and dark. */
const THEMES = {
  light: { background: '#ffffff', text: '#1f2328', mermaid: 'default' },
  dark: { background: '#0d1117', text: '#e6edf3', mermaid: 'dark' }
} as const;

function evaluation(): EvaluationJson {
  const raw = fixture('evaluation.json');
  const e = sanitizeEvaluation(copy(raw));
  e.history = raw.history as HistoryPoint[];
  return e;
}

function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: number[], b: number[]): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
const rgb = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

test('the comment of a 50-slice model stays under the comment limit', () => {
  const e = evaluation();
  const template = e.slices.find((s) => !s.skipped) as EvaluationJson['slices'][number];
  e.slices = ['region', 'plan', 'channel'].flatMap((column) =>
    Array.from({ length: 50 }, (_, v) => ({ ...copy(template), column, value: `${column}-value-${v}` }))
  );
  const md = renderEvaluationMarkdown(e, { maxSliceRows: 50 });
  expect(md.split('\n').filter((l) => /-value-\d+ \|/.test(l)).length).toBe(150);
  expect(md.length).toBeLessThan(COMMENT_LIMIT);
});

const describeIfChromium = existsSync(CHROMIUM) ? describe : describe.skip;

describeIfChromium('the comment rendered as GitHub renders it', () => {
  let browser: Browser;
  let work: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'mlci-comment-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it.each(['light', 'dark'] as const)(
    '%s: every table cell is filled and the history line stands out from the page',
    async (theme) => {
      const colours = THEMES[theme];
      const md = renderEvaluationMarkdown(evaluation());
      expect(md).toContain('```mermaid');
      const html = await marked.parse(md, { gfm: true });
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      try {
        await page.setContent(
          `<!doctype html><html><body style="background:${colours.background};color:${colours.text};font-family:sans-serif">${html}</body></html>`
        );
        await page.addScriptTag({ path: MERMAID });
        const state = await page.evaluate(async (mermaidTheme) => {
          // GitHub turns ```mermaid blocks into diagrams; do the same.
          for (const code of Array.from(document.querySelectorAll('code.language-mermaid'))) {
            const div = document.createElement('div');
            div.className = 'mermaid';
            div.textContent = code.textContent;
            (code.parentElement as HTMLElement).replaceWith(div);
          }
          const m = (window as unknown as { mermaid: { initialize(o: object): void; run(): Promise<void> } })
            .mermaid;
          m.initialize({ startOnLoad: false, theme: mermaidTheme });
          await m.run();
          const cells = Array.from(document.querySelectorAll('td, th')).map((c) =>
            (c.textContent ?? '').trim()
          );
          const lines = Array.from(document.querySelectorAll('div.mermaid svg path')).flatMap((p) => {
            const style = getComputedStyle(p);
            const box = (p as SVGGraphicsElement).getBBox();
            return style.fill === 'none' && style.stroke !== 'none' && box.width > 100
              ? [{ stroke: style.stroke, width: box.width, height: box.height }]
              : [];
          });
          return { cells, lines, charts: document.querySelectorAll('div.mermaid svg').length };
        }, colours.mermaid);
        expect(state.cells.length).toBeGreaterThan(20);
        expect(state.cells.filter((c) => c === '')).toEqual([]);
        expect(state.charts).toBeGreaterThan(0);
        expect(state.lines.length).toBeGreaterThan(0);
        for (const line of state.lines)
          expect(contrast(rgb(line.stroke), hex(colours.background))).toBeGreaterThanOrEqual(3);
      } finally {
        await page.close();
      }
    },
    120_000
  );
});
