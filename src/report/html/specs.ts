/**
 * Vega-Lite specifications of the report's charts. Data goes in under fixed field names (series,
 * x, y, ...) and names from the data only ever appear as values or titles, never as field names,
 * so a column called "a.b" or "datum['x']" cannot turn into a Vega expression.
 */
import type { ModelView, SliceRow } from './views.js';

/** A Vega-Lite specification (kept loose: vega-lite's own types are not needed to build one). */
export type VegaLiteSpec = Record<string, unknown>;

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. */
export const PALETTE = {
  candidate: '#0072B2',
  baseline: '#D55E00',
  reference: '#E69F00',
  current: '#0072B2',
  chance: '#7f7f7f'
} as const;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Shared look: readable font sizes, no chart border, white background (prints as drawn). */
export const BASE_CONFIG = {
  font: FONT,
  background: 'white',
  view: { stroke: null },
  title: { fontSize: 14, fontWeight: 600, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#444' },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 500,
    gridColor: '#e6e6e6',
    labelColor: '#333'
  },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom', direction: 'horizontal' }
};

const SQUARE = 260;

function modelScale(models: ModelView[]) {
  const domain = models.map((m) => m.role);
  return {
    domain,
    range: domain.map((r) => PALETTE[r])
  };
}

const DASHES = { candidate: [1, 0], baseline: [6, 4] };

function modelLegend(models: ModelView[]) {
  return {
    color: { field: 'series', type: 'nominal', title: 'model', scale: modelScale(models) },
    strokeDash: {
      field: 'series',
      type: 'nominal',
      title: 'model',
      scale: { domain: models.map((m) => m.role), range: models.map((m) => DASHES[m.role]) }
    }
  };
}

function fmt(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined ? 'n/a' : value.toFixed(digits);
}

const chanceLine = (points: [number, number][]) => ({
  data: { values: points.map(([x, y]) => ({ x, y })) },
  mark: { type: 'line', color: PALETTE.chance, strokeDash: [2, 3], strokeWidth: 1 },
  encoding: {
    x: { field: 'x', type: 'quantitative' },
    y: { field: 'y', type: 'quantitative' }
  }
});

function curveSpec(
  models: ModelView[],
  curve: (m: ModelView) => { x: number[]; y: number[] } | null,
  options: {
    title: string;
    subtitle: string[];
    description: string;
    xTitle: string;
    yTitle: string;
    chance: [number, number][] | null;
    interpolate: string;
  }
): VegaLiteSpec {
  const values = models.flatMap((m) => {
    const c = curve(m);
    return c ? c.x.map((x, i) => ({ series: m.role, order: i, x, y: c.y[i] })) : [];
  });
  const layers: unknown[] = [];
  if (options.chance) layers.push(chanceLine(options.chance));
  layers.push({
    data: { values },
    mark: { type: 'line', strokeWidth: 2, interpolate: options.interpolate },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: options.xTitle, scale: { domain: [0, 1] } },
      y: { field: 'y', type: 'quantitative', title: options.yTitle, scale: { domain: [0, 1] } },
      order: { field: 'order', type: 'quantitative' },
      ...modelLegend(models)
    }
  });
  return {
    title: { text: options.title, subtitle: options.subtitle },
    description: options.description,
    width: SQUARE,
    height: SQUARE,
    layer: layers
  };
}

/** ROC curves of the models that carry one, with the chance diagonal. */
export function rocSpec(models: ModelView[]): VegaLiteSpec {
  const withCurve = models.filter((m) => m.roc);
  return curveSpec(withCurve, (m) => m.roc, {
    title: 'ROC curve',
    subtitle: withCurve.map((m) => `${m.role}: ROC AUC ${fmt(m.metrics.roc_auc)}`),
    description: `Receiver operating characteristic: true positive rate against false positive rate for ${withCurve
      .map((m) => `the ${m.role} (ROC AUC ${fmt(m.metrics.roc_auc)})`)
      .join(' and ')}. The dotted diagonal is a random classifier.`,
    xTitle: 'False positive rate',
    yTitle: 'True positive rate',
    chance: [
      [0, 0],
      [1, 1]
    ],
    interpolate: 'linear'
  });
}

/** Precision–recall curves, drawn as steps as average precision integrates them. */
export function prSpec(models: ModelView[]): VegaLiteSpec {
  const withCurve = models.filter((m) => m.pr);
  return curveSpec(withCurve, (m) => m.pr, {
    title: 'Precision–recall curve',
    subtitle: withCurve.map((m) => `${m.role}: average precision ${fmt(m.metrics.average_precision)}`),
    description: `Precision against recall for ${withCurve
      .map((m) => `the ${m.role} (average precision ${fmt(m.metrics.average_precision)})`)
      .join(' and ')}.`,
    xTitle: 'Recall',
    yTitle: 'Precision',
    chance: null,
    interpolate: 'step-before'
  });
}

/** Reliability diagram: observed frequency against mean predicted probability per bin. */
export function calibrationSpec(models: ModelView[]): VegaLiteSpec {
  const withBins = models.filter((m) => m.calibration);
  const values = withBins.flatMap((m) =>
    (m.calibration?.bins ?? []).map((b, i) => ({
      series: m.role,
      order: i,
      x: b.meanPredicted,
      y: b.fractionPositive,
      rows: b.rows
    }))
  );
  const of =
    withBins[0]?.calibration?.of === 'top_class_confidence'
      ? 'top-class confidence'
      : 'predicted probability';
  return {
    title: {
      text: 'Calibration (reliability diagram)',
      subtitle: withBins.map(
        (m) => `${m.role}: expected calibration error ${fmt(m.calibration?.ece ?? null)}`
      )
    },
    description: `Observed fraction of positives against mean ${of} per bin for ${withBins
      .map((m) => `the ${m.role} (expected calibration error ${fmt(m.calibration?.ece ?? null)})`)
      .join(' and ')}. The dotted diagonal is perfect calibration.`,
    width: SQUARE,
    height: SQUARE,
    layer: [
      chanceLine([
        [0, 0],
        [1, 1]
      ]),
      {
        data: { values },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: `Mean ${of}`, scale: { domain: [0, 1] } },
          y: {
            field: 'y',
            type: 'quantitative',
            title: 'Observed fraction positive',
            scale: { domain: [0, 1] }
          },
          order: { field: 'order', type: 'quantitative' },
          ...modelLegend(withBins)
        },
        layer: [
          { mark: { type: 'line', strokeWidth: 2 } },
          {
            mark: { type: 'point', filled: true, size: 40 },
            encoding: {
              shape: {
                field: 'series',
                type: 'nominal',
                title: 'model',
                scale: {
                  domain: withBins.map((m) => m.role),
                  range: ['circle', 'square'].slice(0, withBins.length)
                }
              }
            }
          }
        ]
      }
    ]
  };
}

/** Confusion-matrix heat map: colour is the share of the true class (recall per row), text the count. */
export function confusionSpec(model: ModelView): VegaLiteSpec {
  const cm = model.confusion as NonNullable<ModelView['confusion']>;
  const values = cm.counts.flatMap((row, t) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((count, p) => ({
      truth: cm.labels[t],
      predicted: cm.labels[p],
      count,
      share: total > 0 ? count / total : 0
    }));
  });
  const side = Math.max(140, Math.min(360, cm.labels.length * 56));
  const total = values.reduce((a, v) => a + v.count, 0);
  const correct = values.filter((v) => v.truth === v.predicted).reduce((a, v) => a + v.count, 0);
  return {
    title: {
      text: `Confusion matrix — ${model.role}`,
      subtitle: `${correct} of ${total} rows on the diagonal`
    },
    description: `Confusion matrix of the ${model.role} over ${cm.labels.length} classes: rows are true classes, columns predicted classes; ${correct} of ${total} rows are classified correctly.`,
    width: side,
    height: side,
    data: { values },
    encoding: {
      x: {
        field: 'predicted',
        type: 'ordinal',
        title: 'Predicted class',
        sort: cm.labels,
        axis: { labelAngle: 0 }
      },
      y: { field: 'truth', type: 'ordinal', title: 'True class', sort: cm.labels }
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'share',
            type: 'quantitative',
            title: 'share of true class',
            scale: { scheme: 'blues', domain: [0, 1] },
            legend: { format: '.0%', orient: 'right', direction: 'vertical', gradientLength: 120 }
          }
        }
      },
      {
        mark: { type: 'text', fontSize: 12, fontWeight: 600 },
        encoding: {
          text: { field: 'count', type: 'quantitative', format: ',d' },
          color: { condition: { test: 'datum.share > 0.55', value: 'white' }, value: '#111' }
        }
      }
    ]
  };
}

/** Bars of one metric per value of a slice column, candidate beside baseline. */
export function sliceSpec(
  column: string,
  metric: string,
  rows: SliceRow[],
  models: ModelView[]
): VegaLiteSpec {
  const values = rows.flatMap((r) => {
    const out: { slice: string; series: string; value: number; rows: number | null }[] = [];
    const c = r.candidate[metric];
    if (typeof c === 'number') out.push({ slice: r.value, series: 'candidate', value: c, rows: r.rows });
    const b = r.baseline?.[metric];
    if (typeof b === 'number') out.push({ slice: r.value, series: 'baseline', value: b, rows: r.rows });
    return out;
  });
  const present = models.filter((m) => values.some((v) => v.series === m.role));
  return {
    title: {
      text: `${metric} by ${column}`,
      subtitle: `${rows.length} slice${rows.length === 1 ? '' : 's'}`
    },
    description: `${metric} of ${present.map((m) => `the ${m.role}`).join(' and ')} for each value of the column ${column}.`,
    width: 300,
    height: { step: present.length > 1 ? 15 : 18 },
    data: { values },
    encoding: {
      y: { field: 'slice', type: 'nominal', title: column, sort: rows.map((r) => r.value) },
      yOffset: { field: 'series', type: 'nominal', scale: { domain: present.map((m) => m.role) } },
      x: { field: 'value', type: 'quantitative', title: metric, axis: { tickCount: 5 } }
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: { color: { field: 'series', type: 'nominal', title: 'model', scale: modelScale(present) } }
      },
      {
        // The value at the end of each bar: close values are read, not guessed from bar lengths.
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#222' },
        encoding: { text: { field: 'value', type: 'quantitative', format: '.3f' } }
      }
    ]
  };
}

/** One gated metric across the registered versions and the candidate, in registration order. */
export function historySpec(metric: string, points: { label: string; value: number }[]): VegaLiteSpec {
  const values = points.map((p, order) => ({
    label: p.label,
    order,
    value: p.value,
    series: p.label === 'candidate' ? 'candidate' : 'registered'
  }));
  const last = points[points.length - 1];
  return {
    title: { text: `${metric} across versions`, subtitle: `${last.label}: ${last.value.toFixed(4)}` },
    description: `${metric} of the last ${points.length - 1} registered versions and the candidate: ${points
      .map((p) => `${p.label} ${p.value.toFixed(4)}`)
      .join(', ')}.`,
    width: Math.max(200, Math.min(420, points.length * 40)),
    height: 160,
    data: { values },
    encoding: {
      x: {
        field: 'label',
        type: 'ordinal',
        title: 'version',
        sort: points.map((p) => p.label),
        axis: { labelAngle: 0 }
      },
      y: { field: 'value', type: 'quantitative', title: metric, scale: { zero: false } }
    },
    layer: [
      { mark: { type: 'line', color: PALETTE.chance, strokeWidth: 1.5 } },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          color: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { domain: ['registered', 'candidate'], range: [PALETTE.baseline, PALETTE.candidate] }
          },
          shape: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { domain: ['registered', 'candidate'], range: ['square', 'circle'] }
          }
        }
      }
    ]
  };
}
