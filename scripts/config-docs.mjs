// Writes docs/config.md, the mlci.yml reference, from the JSON Schema so the two cannot disagree.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const schema = JSON.parse(readFileSync(new URL('../schema/mlci.schema.json', import.meta.url), 'utf8'));

const typeOf = (node) => {
  if (!node) return '';
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return node.enum.map((v) => `\`${v}\``).join(' | ');
  if (node.anyOf) return node.anyOf.map(typeOf).join(' or ');
  if (node.type === 'array') return `list of ${typeOf(node.items) || 'values'}`;
  if (node.type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object' && !node.properties) {
    return `map of name → ${node.additionalProperties.properties ? 'mapping' : typeOf(node.additionalProperties)}`;
  }
  if (Array.isArray(node.type)) return node.type.join(' or ');
  if (node.type === 'string' && node.pattern) return 'string';
  return node.type ?? '';
};
const constraints = (node) => {
  const parts = [];
  if (node.minimum !== undefined) parts.push(`≥ ${node.minimum}`);
  if (node.exclusiveMinimum !== undefined) parts.push(`> ${node.exclusiveMinimum}`);
  if (node.maximum !== undefined) parts.push(`≤ ${node.maximum}`);
  if (node.exclusiveMaximum !== undefined) parts.push(`< ${node.exclusiveMaximum}`);
  return parts.join(', ');
};
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

const rows = [];
const walk = (node, path, required = []) => {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const keyPath = [...path, key].join('.');
    rows.push([
      `\`${keyPath}\``,
      typeOf(child),
      required.includes(key) ? 'yes' : '',
      child.default !== undefined ? `\`${JSON.stringify(child.default)}\`` : '',
      [child.description, constraints(child)].filter(Boolean).join(' ')
    ]);
    if (child.properties) walk(child, [...path, key], child.required ?? []);
    const mapped = child.additionalProperties;
    if (mapped && typeof mapped === 'object' && mapped.properties) walk(mapped, [...path, key, '<name>'], mapped.required ?? []);
    if (mapped && typeof mapped === 'object' && mapped.additionalProperties?.properties) {
      walk(mapped.additionalProperties, [...path, key, '<name>', '<metric>'], []);
    }
  }
};
walk(schema, [], schema.required ?? []);

const text = `# mlci.yml reference

Generated from [schema/mlci.schema.json](../schema/mlci.schema.json) by \`scripts/config-docs.mjs\`
(\`npm run build\` refreshes it). Unknown keys are errors, so a typo never passes silently; every error
names the file, line, key path, the value found and what was expected. \`mlci init\` writes a commented
starter file; \`mlci pipeline --dry-run\` checks one.

Editors: add \`# yaml-language-server: $schema=./node_modules/mlci/schema/mlci.schema.json\` as the first
line for completion and inline errors.

## Paths

Every path in mlci.yml (\`data.train\`, \`data.eval\`, \`data.reference\`, \`data.schema\`, \`train.model\`,
\`train.params\`, \`train.workdir\`, \`train.metrics\`, \`train.sources\`, \`evaluate.data\`,
\`evaluate.baseline\`, \`register.registry\` unless it is \`github\`, \`deploy.replay\`, \`monitor.log\`,
\`monitor.data\`, \`monitor.labels\`) is relative to the folder of mlci.yml, whichever command, action or
pipeline stage reads it and whatever the working directory: \`mlci evaluate --config sub/mlci.yml\` reads
\`sub/data/test.csv\` for \`data.eval: data/test.csv\`. \`train.model\` and \`train.metrics\` follow the same
rule (mlci 0.1 read them relative to \`train.workdir\`); only the default model, \`model.onnx\`, sits in
\`train.workdir\`.
Paths given as command-line flags or action inputs stay relative to the working directory.

## Limits

An mlci.yml over 256 KiB, nested more than 64 levels deep, with a NUL byte, or whose YAML aliases
expand to more than 100 values is refused with the file and line named.

| key | type | required | default | meaning |
|---|---|---|---|---|
${rows.map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n')}

## Gates

A gate on a metric takes any of \`min\`, \`max\` (bounds on the candidate's value), \`max_drop\`,
\`max_rise\` (absolute change against the baseline) and \`min_relative_change\`
((candidate − baseline) / |baseline|). Each metric knows whether higher is better. A gated metric
missing on either side fails; with no baseline (the first run) change gates are skipped and the
verdict says so (a rubber stamp).

A gate names a metric its model's task computes; [metrics](metrics.md) lists them per task. Loading
mlci.yml (and so \`mlci pipeline --dry-run\`) refuses a gate on any other metric — \`roc_auc\` on a
multiclass model, say — and names the metric meant (\`roc_auc_ovr\`) and the task's metrics.
`;
mkdirSync(new URL('../docs', import.meta.url), { recursive: true });
writeFileSync(new URL('../docs/config.md', import.meta.url), text);
