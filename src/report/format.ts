/**
 * The one number formatter of every output (CLI, PR comment, job summary, HTML report, model card):
 * a true minus sign (−), integers without decimals and with thousands separators, four decimals
 * otherwise, and values under 0.001 (p-values, small deltas) in one scientific notation, 1.2 × 10⁻⁵.
 */

const MINUS = '\u2212';
const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹'
};

/** Below this magnitude a non-zero value is written as a power of ten. */
const SMALL = 0.001;

function scientific(magnitude: number): string {
  const [mantissa, exponent] = magnitude.toExponential(1).split('e');
  const power = String(Number(exponent))
    .split('')
    .map((c) => SUPERSCRIPT[c])
    .join('');
  return `${mantissa} × 10${power}`;
}

/** An unsigned magnitude: integers whole, small values scientific, else `digits` decimals. */
function magnitudeText(m: number, digits: number): string {
  if (Number.isInteger(m)) return m.toLocaleString('en-US');
  if (m < SMALL) return scientific(m);
  if (m >= 1000) return m.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  if (digits === 0) return Math.round(m).toLocaleString('en-US');
  return m.toFixed(digits);
}

/** A value: "n/a" when undefined, a true minus sign when negative. */
export function formatValue(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined) return 'n/a';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : `${MINUS}∞`;
  const text = magnitudeText(Math.abs(x), digits);
  return x < 0 && text !== '0' ? `${MINUS}${text}` : text;
}

/** A change: always signed (+ or −), 0 unsigned. */
export function formatSigned(x: number, digits = 4): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return x > 0 ? '+∞' : `${MINUS}∞`;
  return `${x > 0 ? '+' : MINUS}${magnitudeText(Math.abs(x), digits)}`;
}

/** A relative change as a signed percentage with two decimals. */
export function formatPercent(fraction: number): string {
  return `${formatSigned(fraction * 100, 2)} %`;
}

/** "1 value", "2 values" (`plural` when it is not the singular + s). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatValue(n)} ${n === 1 ? singular : plural}`;
}

/** A value with its unit where the metric has one (latencies in ms, sizes in bytes). */
export function formatWithUnit(metric: string, x: number | null | undefined, signed = false): string {
  if (x === null || x === undefined) return 'n/a';
  const digits = unitDigits(metric, x);
  const text = signed ? formatSigned(x, digits) : formatValue(x, digits);
  const unit = unitOf(metric);
  if (!unit) return text;
  if (unit === 'bytes') return `${text} ${Math.abs(x) === 1 ? 'byte' : 'bytes'}`;
  return `${text} ${unit}`;
}

/** The unit of a metric's values, or '' for a dimensionless score. */
export function unitOf(metric: string): string {
  if (metric.startsWith('latency_ms') || metric.endsWith('_ms')) return 'ms';
  if (metric.endsWith('_bytes')) return 'bytes';
  return '';
}

/** Milliseconds carry three significant digits (0.0620 ms, 268 ms), whatever their scale. */
function unitDigits(metric: string, x: number): number {
  if (unitOf(metric) !== 'ms') return 4;
  const m = Math.abs(x);
  return m === 0 || m >= 100 ? 0 : Math.max(0, 2 - Math.floor(Math.log10(m)));
}

/** An interval of a difference: [−0.0012, +0.0034]. */
export function formatInterval(low: number, high: number, digits = 4): string {
  return `[${formatSigned(low, digits)}, ${formatSigned(high, digits)}]`;
}

/** A p-value in the same notation as every other small number. */
export function formatPValue(p: number | null | undefined): string {
  return formatValue(p);
}

/** A verdict summary ("pass: …", "fail: …") as a headline: the verdict in capitals, said once. */
export function headline(summary: string): string {
  return summary.replace(/^(pass|fail)\b/, (v) => v.toUpperCase());
}

/** A verdict summary without its leading verdict, for places that already show the verdict. */
export function withoutVerdict(summary: string): string {
  return summary.replace(/^(pass|fail)( \(rubber stamp\))?: /, '');
}
