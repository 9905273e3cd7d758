import {
  axisRange,
  HISTORY_CHART,
  HISTORY_LINE_COLOUR,
  renderHistory,
  sparkline
} from '../../src/report/history-chart.js';
import type { EvaluationJson } from '../../src/evaluation/types.js';

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

function withHistory(points: [string, Record<string, number>][]): EvaluationJson {
  return { history: points.map(([label, metrics]) => ({ label, metrics })) } as unknown as EvaluationJson;
}

describe('metric history', () => {
  it('draws the line in a colour visible on GitHub light and dark backgrounds', () => {
    expect(contrast(HISTORY_LINE_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(HISTORY_LINE_COLOUR, '#0d1117')).toBeGreaterThanOrEqual(3);
  });

  it('does not turn a change in the fourth decimal into a full-height slope', () => {
    const [low, high] = axisRange('rmse', [55.9614, 55.957]);
    expect(high - low).toBeGreaterThan(5);
    expect(low).toBeLessThan(55.957);
    expect(high).toBeGreaterThan(55.9614);
    // Bounded metrics: at least a tenth of their range, never outside it.
    expect(axisRange('roc_auc', [0.97, 0.99])).toEqual([0.9, 1]);
    const [a, b] = axisRange('roc_auc', [0.5, 0.9]);
    expect(a).toBeLessThan(0.5);
    expect(b).toBeGreaterThan(0.9);
  });

  it('shows a flat history as a table row with a sparkline, and a moving one as a compact coloured chart', () => {
    const lines: string[] = [];
    renderHistory(
      lines,
      withHistory([
        ['v1', { rmse: 55.9614, roc_auc: 0.8 }],
        ['v2', { rmse: 55.957, roc_auc: 0.85 }],
        ['v3', { rmse: 55.9601, roc_auc: 0.83 }]
      ])
    );
    const md = lines.join('\n');
    expect(md).toMatch(/\| `rmse` \| [▁-█]{3} \| 55\.9614 → 55\.9601 \| v1 → v3 \|/);
    expect(md).not.toMatch(/title "rmse"/);
    expect(md).toContain(`plotColorPalette: "${HISTORY_LINE_COLOUR}"`);
    expect(md).toContain(`height: ${HISTORY_CHART.height}`);
    expect(md).toMatch(/y-axis "roc_auc" 0\.775 --> 0\.875/);
    expect(sparkline([0, 0.5, 1], [0, 1])).toBe('▁▅█');
  });
});
