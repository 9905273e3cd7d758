// The "What changed" section of the PR comment, built the way a pull request builds it: the example is
// trained and registered as production (v1), then a PR changes only its parameters, another only its
// training data; each is trained and evaluated against v1 through the CLI, and the comment must name
// exactly what the PR changed and nothing else.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EvaluationJson } from '../../src/evaluation/types.js';
import { runCli } from '../../test-support/cli.js';
import { copyExample, removeExampleCopies } from '../../test-support/examples.js';

let example: string;
let config: string;
let registry: string;
let params: string;

beforeAll(async () => {
  example = await copyExample('churn-node');
  config = join(example, 'mlci.yml');
  registry = join(example, '.mlci', 'registry');
  params = await readFile(join(example, 'params.yaml'), 'utf8');
  const out = join(example, 'out', 'main');
  await cli(['train', '--config', config, '--out', out]);
  await cli([
    'register',
    '--config',
    config,
    '--model',
    join(out, 'model.onnx'),
    '--registry',
    registry,
    '--alias',
    'production'
  ]);
}, 180_000);

afterAll(removeExampleCopies);

async function cli(args: string[]): Promise<string> {
  const run = await runCli(args);
  if (run.code !== 0) throw new Error(`mlci ${args.join(' ')}: exit ${run.code}\n${run.stderr}`);
  return run.stdout;
}

/** Trains the checkout as it is now and evaluates it against production, as the PR workflow does. */
async function pullRequest(
  name: string,
  set: string[] = [],
  bootstrap = '0'
): Promise<{ markdown: string; evaluation: EvaluationJson }> {
  const out = join(example, 'out', name);
  await cli(['train', '--config', config, '--out', join(out, 'train'), ...set.flatMap((s) => ['--set', s])]);
  await runCli([
    'evaluate',
    '--config',
    config,
    '--model',
    join(out, 'train', 'model.onnx'),
    '--registry',
    registry,
    '--bootstrap',
    bootstrap,
    '--out',
    join(out, 'evaluate')
  ]);
  const markdown = await readFile(join(out, 'evaluate', 'evaluation.md'), 'utf8');
  const evaluation = JSON.parse(
    await readFile(join(out, 'evaluate', 'evaluation.json'), 'utf8')
  ) as EvaluationJson;
  return { markdown, evaluation };
}

/** The section as a reader sees it (escapes and mention breakers removed), up to the blank line after it. */
function section(markdown: string): string {
  const start = markdown.indexOf('**What changed**');
  expect(start).toBeGreaterThan(0);
  const rest = markdown.slice(start);
  const end = rest.search(/\n\n(?!- )/);
  return (end < 0 ? rest : rest.slice(0, end)).replace(/\\(.)/g, '$1').replace(/\u200b/g, '');
}

describe('what changed, through train → register → evaluate on examples/churn-node', () => {
  it('a PR that changes only parameters names them, old → new, and nothing else', async () => {
    await writeFile(join(example, 'params.yaml'), params.replace('epochs: 25', 'epochs: 40'));
    try {
      const { markdown, evaluation } = await pullRequest('params', ['learning_rate=0.05']);
      const w = evaluation.what_changed!;
      expect(w.baseline).toBe('churn-node@v1 (alias production)');
      expect(w.params.map((p) => [p.name, p.baseline, p.candidate, p.origin])).toEqual([
        ['epochs', 25, 40, 'params_file'],
        ['learning_rate', 0.1, 0.05, 'override']
      ]);
      expect(w.data).toEqual([]);
      expect(w.code).toBeNull();
      expect(w.environment).toEqual([]);
      const text = section(markdown);
      expect(text).toContain('since churn-node@v1 (alias production)');
      expect(text).toContain('**Parameters:** epochs 25 → 40, learning_rate 0.1 → 0.05 (set)');
      expect(text).not.toMatch(/\*\*(Data|Code|Environment):\*\*/);
      expect(text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(1);
      // Right under the verdict: before any table of the comment.
      expect(markdown.indexOf('**What changed**')).toBeLessThan(markdown.indexOf('|'));
    } finally {
      await writeFile(join(example, 'params.yaml'), params);
    }
  }, 180_000);

  it('a PR that changes only the training data names the file, its hash, rows and columns, and nothing else', async () => {
    const trainCsv = join(example, 'data', 'train.csv');
    const original = await readFile(trainCsv, 'utf8');
    const [header, ...rows] = original.trimEnd().split('\n');
    const kept = rows.slice(0, 10_000).map((row, i) => `${row},${i % 52}`);
    await writeFile(trainCsv, [`${header},signup_week`, ...kept].join('\n') + '\n');
    try {
      const { markdown, evaluation } = await pullRequest('data');
      const w = evaluation.what_changed!;
      expect(w.params).toEqual([]);
      expect(w.code).toBeNull();
      expect(w.environment).toEqual([]);
      expect(w.data).toHaveLength(1);
      const [change] = w.data;
      expect(change).toMatchObject({
        path: 'data/train.csv',
        role: 'train',
        change: 'changed',
        columns_added: ['signup_week'],
        columns_removed: []
      });
      expect(change.baseline).toMatchObject({ algorithm: 'sha256', rows: 12_000 });
      expect(change.candidate).toMatchObject({ algorithm: 'sha256', rows: 10_000 });
      const text = section(markdown);
      const short = (h: string) => h.slice(0, 8);
      expect(text).toContain(
        `**Data:** data/train.csv (train) sha256 ${short(change.baseline!.hash)} → ${short(change.candidate!.hash)}, rows 12,000 → 10,000, columns added: signup_week`
      );
      expect(text).not.toMatch(/\*\*(Parameters|Code|Environment):\*\*/);
      expect(text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(1);
    } finally {
      await writeFile(trainCsv, original);
    }
  }, 180_000);

  it('the same checkout trained again says nothing changed', async () => {
    // With the paired bootstrap on, as the PR workflow runs it: an unchanged model is within noise everywhere.
    const { markdown, evaluation } = await pullRequest('same', [], '1000');
    expect(evaluation.what_changed).toMatchObject({
      params: [],
      data: [],
      code: null,
      environment: [],
      note: null
    });
    expect(section(markdown)).toContain('nothing: same parameters, data, code and runtime');
    const judged = Object.entries(evaluation.deltas).filter(([, d]) => d.change !== null);
    expect(judged.length).toBeGreaterThan(5);
    expect(judged.filter(([, d]) => d.change !== 'within_noise')).toEqual([]);
    const cells = evaluation.slices.flatMap((s) => Object.values(s.change ?? {}));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => c !== null && c !== 'within_noise')).toEqual([]);
    // No table row is coloured (the legend under the table names the colours).
    expect(markdown.split('\n').filter((l) => l.startsWith('|') && /🟢|🔴/.test(l))).toEqual([]);
  }, 180_000);
});
