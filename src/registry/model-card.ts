import { metricDirection } from '../evaluation/metrics/catalog.js';
import { escapeMarkdown as escapeUntrusted } from '../report/markdown.js';
import type { ModelVersion } from './types.js';
import { formatValue } from '../report/format.js';

/** Escapes text from data or users so it renders literally in Markdown and mentions no one. */
export function escapeMarkdown(text: string): string {
  return escapeUntrusted(text, Number.POSITIVE_INFINITY);
}

function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return formatValue(value);
}

function formatChange(
  metric: string,
  current: number | null | undefined,
  previous: number | null | undefined
): string {
  if (typeof current !== 'number' || typeof previous !== 'number') return '—';
  const delta = current - previous;
  if (delta === 0) return '±0';
  const sign = delta > 0 ? '+' : '−';
  const direction = metricDirection(metric);
  // A metric mlci does not know (an older version's) has no direction to judge the change by.
  if (direction === null) return `${sign}${formatNumber(Math.abs(delta))}`;
  const better = direction === 'lower' ? delta < 0 : delta > 0;
  return `${sign}${formatNumber(Math.abs(delta))} ${better ? '▲ better' : '▼ worse'}`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s<>()]+$/.test(url) ? url : null;
}

function formatParam(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return escapeMarkdown(text.length > 200 ? `${text.slice(0, 197)}…` : text);
}

/**
 * Renders a version's model card (the GitHub release notes and `model-card.md`): what it is,
 * how it compares with the previous version, what data and parameters made it, and where from.
 */
export function renderModelCard(version: ModelVersion, previous: ModelVersion | null): string {
  const lines: string[] = [];
  const { lineage } = version;
  lines.push(`# ${escapeMarkdown(version.name)} v${version.version}`, '');
  lines.push('| | |', '|---|---|');
  lines.push(`| model sha256 | ${code(version.sha256)} |`);
  lines.push(`| size | ${formatSize(version.size)} |`);
  lines.push(
    `| registered | ${version.created}${version.registeredBy ? ` by ${escapeMarkdown(version.registeredBy)}` : ''} |`
  );
  const verdict = version.rubberStamp
    ? `${version.verdict} (rubber stamp: no baseline to compare with)`
    : version.verdict;
  lines.push(`| verdict | ${verdict} |`);
  if (lineage.commit)
    lines.push(`| commit | ${code(lineage.commit)}${lineage.dirty ? ' (uncommitted changes)' : ''} |`);
  if (lineage.runUrl) {
    const url = safeUrl(lineage.runUrl);
    lines.push(`| run | ${url ? `[${escapeMarkdown(url)}](${url})` : escapeMarkdown(lineage.runUrl)} |`);
  }
  lines.push(`| previous version | ${previous ? `v${previous.version}` : 'none (first version)'} |`, '');
  if (version.forced) {
    lines.push(
      `> [!WARNING]`,
      `> Registered although its verdict was **fail**: forced by ${escapeMarkdown(version.forced.by)} — ${escapeMarkdown(version.forced.reason)}`,
      ''
    );
  }

  const metricNames = [
    ...new Set([...Object.keys(version.metrics), ...Object.keys(previous?.metrics ?? {})])
  ].sort();
  lines.push('## Metrics', '');
  if (metricNames.length === 0) {
    lines.push('No metrics were recorded.', '');
  } else {
    const prevLabel = previous ? `v${previous.version}` : 'previous';
    lines.push(`| metric | v${version.version} | ${prevLabel} | change |`, '|---|---:|---:|---|');
    for (const metric of metricNames) {
      const current = version.metrics[metric];
      const before = previous?.metrics[metric];
      lines.push(
        `| ${escapeMarkdown(metric)} | ${formatNumber(current)} | ${formatNumber(before)} | ${formatChange(metric, current, before)} |`
      );
    }
    lines.push('');
  }

  const hashes = Object.entries(lineage.dataHashes ?? {});
  lines.push('## Data', '');
  if (hashes.length === 0) lines.push('No data hashes were recorded.', '');
  else {
    lines.push('| data | sha256 |', '|---|---|');
    for (const [file, hash] of hashes) lines.push(`| ${escapeMarkdown(file)} | ${code(hash)} |`);
    lines.push('');
  }
  if (version.assets.includes('statistics.json')) {
    lines.push('The statistics of the training data are stored with this version (`statistics.json`).', '');
  }

  const params = Object.entries(lineage.params ?? {});
  lines.push('## Parameters', '');
  if (params.length === 0) lines.push('No parameters were recorded.', '');
  else {
    lines.push('| parameter | value |', '|---|---|');
    for (const [key, value] of params.sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`| ${escapeMarkdown(key)} | ${formatParam(value)} |`);
    }
    lines.push('');
  }

  const checksums = Object.entries(version.checksums ?? {});
  if (checksums.length > 0) {
    lines.push('## Files', '');
    lines.push('| file | sha256 |', '|---|---|');
    for (const [file, hash] of checksums) lines.push(`| ${escapeMarkdown(file)} | ${code(hash)} |`);
    lines.push('', 'Verify a download with `sha256sum -c SHA256SUMS`.', '');
  }
  const attachments = version.attachments ?? [];
  if (attachments.length > 0) {
    lines.push('Attached after registration:', '');
    for (const a of attachments) {
      const replaced = a.replaced ? `, replacing sha256 ${code(a.replaced)}` : '';
      lines.push(
        `- ${escapeMarkdown(a.file)} on ${escapeMarkdown(a.at)} by ${escapeMarkdown(a.by)}${replaced}`
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
