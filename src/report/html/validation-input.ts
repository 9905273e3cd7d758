/**
 * Reads validation.json, and the statistics.json files beside it, into what the report draws,
 * through the types validate-data writes them with (src/data/report.ts, src/data/statistics.ts).
 * A field that is not of its declared type is refused with the file and field named.
 */
import type { ColumnDrift } from '../../data/drift/registry.js';
import type { ValidationReport } from '../../data/report.js';
import type { ColumnStatistics, DatasetStatistics } from '../../data/statistics.js';
import { documentOf, type Field } from './check.js';
import type { AnomalyView, ColumnView, Distribution, DriftView, ValidationView } from './views.js';

type ColumnField = Field<Partial<ColumnStatistics>>;

function count(field: Field<number | undefined>): number {
  return field.optional((f) => f.number()) ?? 0;
}

/** Every row of a numeric column: in a bin, below or above the bins (and ±Inf), or missing (and NaN). */
function numericDistribution(column: ColumnField): Distribution | null {
  return column.at('histogram').optional((h) => {
    const edges = h.at('edges').numbers();
    const counts = h.at('counts').numbers();
    if (edges.length !== counts.length + 1)
      h.fail(`one more edge than counts (${edges.length} and ${counts.length})`);
    if (counts.length === 0) return null;
    return {
      kind: 'numeric' as const,
      rows: column.at('count').number(),
      bins: counts.map((c, i) => ({ lower: edges[i], upper: edges[i + 1], count: c })),
      below: count(h.at('below')) + count(column.at('neg_inf')),
      above: count(h.at('above')) + count(column.at('pos_inf')),
      missing: count(column.at('missing')) + count(column.at('nan'))
    };
  });
}

/** Every row of a categorical column: a listed value, "(other)" (values past the listed ones), or missing. */
function categoricalDistribution(column: ColumnField): Distribution | null {
  const listed =
    column.at('values').optional((v) => Object.entries(v.numberMap())) ??
    column
      .at('top')
      .optional((t) =>
        t.array().map((e) => [String(e.at('value').value), e.at('count').number()] as const)
      ) ??
    [];
  const categories = listed.map(([value, c]) => ({ value, count: c ?? 0 }));
  if (categories.length === 0) return null;
  const rows = column.at('count').number();
  const missing = count(column.at('missing'));
  const inListed = categories.reduce((a, c) => a + c.count, 0);
  return { kind: 'categorical', rows, categories, other: Math.max(0, rows - missing - inListed), missing };
}

function distributionOf(column: ColumnField | undefined): Distribution | null {
  if (!column) return null;
  return column.at('kind').value === 'numeric'
    ? numericDistribution(column)
    : (numericDistribution(column) ?? categoricalDistribution(column));
}

function formatStat(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value))
    return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  return typeof value === 'string' ? value : null;
}

function summarise(column: ColumnField): { label: string; value: string }[] {
  const s = column.object() as Partial<ColumnStatistics>;
  const shown: [string, unknown][] = [
    ['rows', s.count],
    ['missing', s.missing],
    ['distinct', s.distinct],
    ['mean', s.mean],
    ['std', s.std],
    ['min', s.min],
    ['median', s.quantiles?.p50],
    ['max', s.max]
  ];
  return shown.flatMap(([label, v]) => {
    const value = formatStat(v);
    return value === null ? [] : [{ label, value }];
  });
}

function readDrift(d: Field<ColumnDrift>): DriftView {
  return {
    test: d.at('test').string(),
    statistic: d.at('statistic').numberOrNull(),
    pValue: d.at('p_value').numberOrNull(),
    threshold: d.at('threshold').number(),
    drifted: d.at('drifted').boolean()
  };
}

function statisticsColumns(json: unknown, file: string): Map<string, ColumnField> {
  if (json === undefined) return new Map();
  const doc = documentOf<DatasetStatistics>(file, json);
  doc.at('format').oneOf(['mlci-statistics'] as const);
  return new Map(doc.at('columns').entries() as [string, ColumnField][]);
}

/** Where the documents came from, to name them in errors. */
export interface ValidationFileNames {
  validation?: string;
  referenceStatistics?: string;
  currentStatistics?: string;
}

/**
 * Reads validation.json (already parsed) with the reference's statistics (reference-statistics.json)
 * and the current data's statistics.json when given. Throws an InputError naming the file and field
 * that is not of the type validate-data writes.
 */
export function readValidation(
  json: unknown,
  referenceStatistics?: unknown,
  currentStatistics?: unknown,
  files: ValidationFileNames = {}
): ValidationView {
  const doc = documentOf<ValidationReport>(files.validation ?? 'validation.json', json);
  doc.at('format').oneOf(['mlci-validation'] as const);
  const stats = new Map(doc.at('columns').entries() as [string, ColumnField][]);
  const reference = statisticsColumns(
    referenceStatistics,
    files.referenceStatistics ?? 'reference statistics'
  );
  const current = statisticsColumns(currentStatistics, files.currentStatistics ?? 'statistics.json');
  const drift = new Map(doc.at('drift').optional((d) => d.entries()) ?? []);
  const names = [...stats.keys()];
  for (const name of drift.keys()) if (!names.includes(name)) names.push(name);
  const columns: ColumnView[] = names.map((name) => {
    const s = stats.get(name);
    const d = drift.get(name);
    return {
      name,
      type: s ? s.at('kind').string() : null,
      summary: s ? summarise(s) : [],
      drift: d ? readDrift(d) : null,
      reference: distributionOf(reference.get(name)),
      // statistics.json lists every category; validation.json keeps columns of up to 100.
      current: distributionOf(current.get(name)) ?? distributionOf(s)
    };
  });
  const anomalies: AnomalyView[] = doc
    .at('anomalies')
    .array()
    .map((a) => ({
      code: a.at('code').string(),
      column: a.at('column').optional((f) => f.string()),
      severity: a.at('severity').oneOf(['error', 'warning'] as const),
      description: a.at('message').string()
    }));
  return {
    verdict: doc.at('verdict').oneOf(['pass', 'fail'] as const),
    rows: doc.at('data').at('rows').number(),
    referenceRows: doc.at('reference').optional((r) => r.at('rows').number()),
    columns,
    anomalies,
    datasetDrift: doc.at('dataset_drift').optional((dd) => ({
      drifted: dd.at('drifted_dataset').boolean(),
      share: dd.at('share').number()
    }))
  };
}
