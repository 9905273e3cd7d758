import { rm } from 'node:fs/promises';
import { evaluate } from '../../src/stages/evaluate.js';
import { tempDir, writeBinaryData, writeBinaryModel } from './helpers.js';

let dir: string;
let data: string;

beforeAll(async () => {
  dir = await tempDir();
  data = await writeBinaryData(dir, 4000, 5);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const gates = { roc_auc: { max_drop: 0.01 }, accuracy: { max_drop: 0.01 }, log_loss: { max_rise: 0.02 } };

/** Metric rows of the main table: | `metric` ↑ | baseline | candidate | Δ | Δ% | change | gate |. */
function metricRows(md: string): string[][] {
  return md
    .split('\n')
    .filter((l) => /^\| `[a-z0-9_]+` [↑↓] \|/.test(l))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim())
    );
}

describe('noise-aware changes', () => {
  it('colours nothing when the candidate is its baseline: every row and slice cell is within noise', async () => {
    const model = await writeBinaryModel(dir, 'same.onnx', 1.2, -0.6, 0.1);
    const { evaluation: e, markdown } = await evaluate({
      model,
      baseline: model,
      data,
      label: 'y',
      task: 'binary',
      slices: ['country'],
      gates,
      bootstrap: { resamples: 200, seed: 1 }
    });
    for (const [m, d] of Object.entries(e.deltas)) expect([m, d.change]).toEqual([m, 'within_noise']);
    const rows = metricRows(markdown);
    expect(rows.length).toBe(Object.keys(e.deltas).length);
    for (const row of rows) expect(row[5]).toBe('within noise');
    const tableLines = markdown.split('\n').filter((l) => l.startsWith('|'));
    expect(tableLines.filter((l) => /🟢|🔴/.test(l))).toEqual([]);
    const scored = e.slices.filter((s) => !s.skipped && s.rows >= 100);
    expect(scored.length).toBeGreaterThan(0);
    for (const s of scored) for (const v of Object.values(s.change ?? {})) expect(v).toBe('within_noise');
    // LU has 80 rows: scored, but too few for an interval, and it says so.
    expect(markdown).toMatch(/\| LU \| 80 \| .*\(too few rows\)/);
  });

  it('colours the gated rows of a clearly better candidate green, with intervals that exclude 0', async () => {
    const better = await writeBinaryModel(dir, 'better.onnx', 1.5, -0.8, 0);
    const worse = await writeBinaryModel(dir, 'worse.onnx', 0.6, 0.1, 0.4);
    const { evaluation: e, markdown } = await evaluate({
      model: better,
      baseline: worse,
      data,
      label: 'y',
      task: 'binary',
      slices: ['country'],
      gates,
      bootstrap: { resamples: 200, seed: 1 }
    });
    for (const m of Object.keys(gates)) {
      const d = e.deltas[m];
      expect([m, d.change]).toEqual([m, 'better']);
      const i = d.interval as { low: number; high: number };
      expect(i.low > 0 || i.high < 0).toBe(true);
      const row = metricRows(markdown).find((r) => r[0].startsWith(`\`${m}\``)) as string[];
      expect(row[5]).toBe('🟢 better');
      expect(row[3]).toMatch(/^[+−]\d\.\d{4} \[[+−]\d\.\d{4}, [+−]\d\.\d{4}\]$/);
    }
    const fr = e.slices.find((s) => s.value === 'FR');
    expect(fr?.change?.roc_auc).toBe('better');
    expect(fr?.intervals?.roc_auc.low).toBeGreaterThan(0);
  });
});
