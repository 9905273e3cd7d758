// A fork's evaluation.json is read back through sanitizeEvaluation: a slice's reasons for undefined
// metrics survive it, so the slice gates it feeds say why a metric has no value.
import { sanitizeEvaluation } from '../../src/evaluation/sanitize.js';

describe('sanitizeEvaluation keeps the reasons of a slice’s undefined metrics', () => {
  it('as texts per metric, candidate and baseline', () => {
    const raw = {
      schema_version: 1,
      task: 'binary',
      verdict: 'pass',
      candidate: { metrics: { roc_auc: 0.8 } },
      slices: [
        {
          column: 'region',
          value: 'north',
          rows: 3,
          candidate: { roc_auc: null },
          baseline: { roc_auc: null },
          undefined_reasons: {
            candidate: { roc_auc: 'only one class in the labels', 'bad key!': 'x' },
            baseline: { roc_auc: 'only one class in the labels' }
          }
        },
        { column: 'region', value: 'south', rows: 9, candidate: { roc_auc: 0.8 }, baseline: null }
      ]
    };
    const slices = sanitizeEvaluation(raw).slices;
    expect(slices[0].undefined_reasons).toEqual({
      candidate: { roc_auc: 'only one class in the labels' },
      baseline: { roc_auc: 'only one class in the labels' }
    });
    expect(slices[1].undefined_reasons).toBeUndefined();
  });
});
