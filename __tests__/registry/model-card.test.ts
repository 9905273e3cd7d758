import { escapeMarkdown, renderModelCard } from '../../src/registry/model-card.js';
import type { ModelVersion } from '../../src/registry/types.js';

const base: ModelVersion = {
  name: 'churn',
  version: 2,
  tag: 'churn@v2',
  sha256: 'a'.repeat(64),
  size: 2048,
  created: '2026-01-02T03:04:05.000Z',
  metrics: { rmse: 1.5, r2: 0.5 },
  verdict: 'pass',
  lineage: {
    commit: 'c'.repeat(40),
    runUrl: 'javascript:alert(1)',
    params: { '<b>depth</b>': 'ping @octocat | x', long: 'y'.repeat(300) },
    dataHashes: { 'data/_train_.csv': 'd'.repeat(64) }
  },
  assets: ['model.onnx'],
  registeredBy: '@someone'
};

describe('model card', () => {
  it('compares with the previous version knowing which way is better', () => {
    const previous = { ...base, version: 1, metrics: { rmse: 2, r2: 0.6, mae: 1 } };
    const card = renderModelCard(base, previous);
    expect(card).toContain('| rmse | 1.5000 | 2 | −0.5000 ▲ better |');
    expect(card).toContain('| r2 | 0.5000 | 0.6000 | −0.1000 ▼ worse |');
    expect(card).toContain('| mae | — | 1 | — |');
    expect(card).toContain('| size | 2.0 KiB |');
    expect(card).toContain('| previous version | v1 |');
  });

  it('labels a rise in latency, size or calibration error as worse, and a fall as better', () => {
    const previous = {
      ...base,
      version: 1,
      metrics: {
        latency_ms_per_1000_rows: 2,
        model_size_bytes: 1000,
        expected_calibration_error: 0.02,
        log_loss: 0.5
      }
    };
    const current = {
      ...base,
      metrics: {
        latency_ms_per_1000_rows: 3,
        model_size_bytes: 1500,
        expected_calibration_error: 0.05,
        log_loss: 0.4
      }
    };
    const card = renderModelCard(current, previous);
    expect(card).toMatch(/\| latency_ms_per_1000_rows \| 3 \| 2 \| \+1 ▼ worse \|/);
    expect(card).toMatch(/\| model_size_bytes \| 1,500 \| 1,000 \| \+500 ▼ worse \|/);
    expect(card).toMatch(/\| expected_calibration_error \| 0\.0500 \| 0\.0200 \| \+0\.0300 ▼ worse \|/);
    expect(card).toMatch(/\| log_loss \| 0\.4000 \| 0\.5000 \| −0\.1000 ▲ better \|/);
    const faster = renderModelCard(previous, { ...current, version: 0 });
    expect(faster).toMatch(/\| latency_ms_per_1000_rows \| 2 \| 3 \| −1 ▲ better \|/);
  });

  it('judges no direction for a metric mlci does not know', () => {
    const card = renderModelCard(
      { ...base, metrics: { custom_score: 2 } },
      { ...base, version: 1, metrics: { custom_score: 1 } }
    );
    expect(card).toContain('| custom_score | 2 | 1 | +1 |');
  });

  it('escapes every string from users and data, links only http(s) URLs and mentions nobody', () => {
    const card = renderModelCard(base, null);
    expect(card).toContain('| &lt;b&gt;depth&lt;/b&gt; | ping @\u200bocto');
    expect(card).toContain('\\| x |');
    expect(card).not.toMatch(/@octocat|@someone/);
    expect(card).not.toContain('](javascript:');
    expect(card).toContain('| run | javascript:alert\\(1\\) |');
    expect(card).toContain('| data/\\_train\\_.csv |');
    expect(card).toContain(`${'y'.repeat(197)}…`);
    expect(card).toContain('| previous version | none (first version) |');
    expect(escapeMarkdown('roc_auc')).toBe('roc_auc');
  });
});
