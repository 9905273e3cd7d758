/**
 * Reads evaluation.json into what the report draws, through the types evaluate writes it with
 * (src/evaluation/types.ts). Optional parts may be absent (no baseline, curves, slices or
 * history: that part of the page says "not available"); a part that is present but not of its
 * declared type is refused with the file and field named.
 */
import type { IntervalResult } from '../../gate/bootstrap.js';
import type { GateResult } from '../../gate/gates.js';
import type { EvaluationJson, MetricDelta, ModelReport, SliceReport } from '../../evaluation/types.js';
import { documentOf, type Field } from './check.js';
import type { EvaluationView, GateRow, MetricRow, ModelView, SliceRow } from './views.js';

const TASKS = ['binary', 'multiclass', 'regression'] as const;
const VERDICTS = ['pass', 'fail'] as const;
const GATE_STATUSES = ['pass', 'fail', 'skipped'] as const;

function readCurves(field: Field<ModelReport['curves']>): Pick<ModelView, 'roc' | 'pr'> {
  const curves = field.optional((f) => f);
  if (!curves) return { roc: null, pr: null };
  const roc = curves.at('roc');
  const pr = curves.at('pr');
  const xy = (x: number[], y: number[], where: Field) => {
    if (x.length !== y.length) where.fail(`arrays of one length (${x.length} and ${y.length})`);
    return x.length > 1 ? { x, y } : null;
  };
  return {
    roc: xy(roc.at('fpr').numbers(), roc.at('tpr').numbers(), roc),
    pr: xy(pr.at('recall').numbers(), pr.at('precision').numbers(), pr)
  };
}

function readCalibration(field: Field<ModelReport['calibration']>): ModelView['calibration'] {
  return field.optional((c) => {
    const bins = c
      .at('bins')
      .array()
      .flatMap((bin) => {
        const meanPredicted = bin.at('mean_predicted').numberOrNull();
        const fractionPositive = bin.at('fraction_positive').numberOrNull();
        const rows = bin.at('rows').number();
        // Empty bins have no mean: nothing to draw.
        return meanPredicted !== null && fractionPositive !== null && rows > 0
          ? [{ meanPredicted, fractionPositive, rows }]
          : [];
      });
    if (bins.length === 0) return null;
    return {
      ece: c.at('expected_calibration_error').numberOrNull(),
      of: c.at('of').oneOf(['positive_probability', 'top_class_confidence'] as const),
      bins
    };
  });
}

function readConfusion(field: Field<ModelReport['confusion_matrix']>): ModelView['confusion'] {
  return field.optional((cm) => {
    const labels = cm
      .at('labels')
      .array()
      .map((l) => l.string());
    const counts = cm
      .at('counts')
      .array()
      .map((row) => row.numbers());
    if (counts.length !== labels.length || counts.some((row) => row.length !== labels.length))
      cm.fail(`a ${labels.length} × ${labels.length} matrix of counts, one row and column per label`);
    return labels.length > 0 ? { labels, counts } : null;
  });
}

function readModel(field: Field<ModelReport | null>, role: ModelView['role']): ModelView {
  const model = field.at('source').present() ? field.at('source').string() : null;
  return {
    role,
    name: model,
    metrics: field.at('metrics').numberMap(),
    reasons: field.at('undefined_reasons').optional((f) => f.stringMap()) ?? {},
    ...readCurves(field.at('curves')),
    calibration: readCalibration(field.at('calibration')),
    confusion: readConfusion(field.at('confusion_matrix'))
  };
}

function readInterval(field: Field<IntervalResult | undefined>): MetricRow['interval'] {
  return field.optional((i) => {
    const low = i.at('low').numberOrNull();
    const high = i.at('high').numberOrNull();
    if (low === null || high === null) return null; // no interval, and the reason why
    const interval = i as Field<Extract<IntervalResult, { low: number }>>;
    return {
      low,
      high,
      confidence: interval.at('confidence').number(),
      withinNoise: interval.at('within_noise').boolean()
    };
  });
}

function metricRows(
  deltas: Field<Record<string, MetricDelta>>,
  candidate: ModelView,
  baseline: ModelView | null
): MetricRow[] {
  const given = new Map(deltas.optional((d) => d.entries()) ?? []);
  const names = [...Object.keys(candidate.metrics)];
  for (const name of Object.keys(baseline?.metrics ?? {})) if (!names.includes(name)) names.push(name);
  return names.map((metric) => {
    const d = given.get(metric);
    const c = candidate.metrics[metric] ?? null;
    const b = baseline?.metrics[metric] ?? null;
    const delta = d ? d.at('delta').numberOrNull() : c !== null && b !== null ? c - b : null;
    const relative = d
      ? d.at('relative').numberOrNull()
      : delta !== null && b !== null && b !== 0
        ? delta / Math.abs(b)
        : null;
    return {
      metric,
      candidate: c,
      baseline: b,
      delta,
      relative,
      interval: d ? readInterval(d.at('interval')) : null
    };
  });
}

function readGate(g: Field<GateResult>): GateRow {
  const slice = g.at('slice').optional((s) => ` [${s.at('column').string()}=${s.at('value').string()}]`);
  const status = g.at('status').oneOf(GATE_STATUSES);
  return {
    metric: `${g.at('metric').string()}${slice ?? ''}`,
    rule: g.at('kind').string(),
    threshold: g.at('threshold').number(),
    // What was compared with the threshold: a value, a drop, a rise or a relative change.
    value: g.at('observed').optional((f) => f.number()),
    passed: status === 'skipped' ? null : status === 'pass',
    message: g.at('reason').optional((f) => f.string())
  };
}

function readSlice(s: Field<SliceReport>): SliceRow {
  return {
    column: s.at('column').string(),
    value: s.at('value').string(),
    rows: s.at('rows').number(),
    skipped: s.at('skipped').optional((f) => f.string()),
    candidate: s.at('candidate').optional((f) => f.numberMap()) ?? {},
    baseline: s.at('baseline').optional((f) => f.numberMap())
  };
}

/**
 * Reads evaluation.json (already parsed); `file` names it in errors. Throws an InputError for a
 * field that is not of the type evaluate writes.
 */
export function readEvaluation(json: unknown, file = 'evaluation.json'): EvaluationView {
  const doc = documentOf<EvaluationJson>(file, json);
  doc.at('schema_version').oneOf([1] as const);
  const candidate = readModel(doc.at('candidate'), 'candidate');
  const baseline = doc.at('baseline').optional((b) => readModel(b, 'baseline'));
  const verdict = doc.at('verdict').oneOf(VERDICTS);
  return {
    task: doc.at('task').oneOf(TASKS),
    modelName: doc.at('model_name').optional((f) => f.string()),
    rows: doc.at('data').optional((d) => d.at('rows').number()),
    verdict,
    rubberStamp: doc.at('rubber_stamp').optional((f) => f.boolean()) ?? false,
    summary: doc.at('summary').optional((f) => f.string()),
    candidate,
    baseline,
    metrics: metricRows(doc.at('deltas'), candidate, baseline),
    gates: doc.at('gates').array().map(readGate),
    slices: doc.at('slices').optional((f) => f.array().map(readSlice)) ?? [],
    history:
      doc
        .at('history')
        .optional((f) =>
          f.array().map((h) => ({ label: h.at('label').string(), metrics: h.at('metrics').numberMap() }))
        ) ?? []
  };
}
