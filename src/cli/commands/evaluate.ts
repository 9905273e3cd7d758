import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import type { GateSpec, MlciConfig, Task } from '../../config/types.js';
import { ExitCode, InputError } from '../../core/errors.js';
import { GATE_KINDS, type GateKind } from '../../gate/gates.js';
import { formatValue } from '../../report/evaluation-md.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';

interface EvaluateOptions extends CommonOptions {
  model?: string;
  baseline?: string;
  data?: string;
  label?: string;
  task?: string;
  name?: string;
  registry?: string;
  alias?: string;
  features?: string;
  threshold?: string;
  slices?: string;
  minSliceSize?: string;
  batchSize?: string;
  bootstrap?: string;
  seed?: string;
  confidence?: string;
  gate?: string[];
  validation?: string;
  predictions?: string;
}

/** `mlci evaluate`. */
export function registerEvaluate(program: Command): void {
  const evaluate = program
    .command('evaluate')
    .summary('score a candidate against the baseline model on the same data and gate it')
    .description(
      'Runs the candidate (and the baseline, when given) ONNX model on the same rows, computes ' +
        "scikit-learn's metrics, applies the gates of mlci.yml and writes evaluation.json and " +
        'evaluation.md. Works without mlci.yml. Exit 1 when a gate fails.\n\n' +
        'Baseline: --baseline FILE; else the registry alias (--alias, default production) of --name; ' +
        'else none, and the run passes as a rubber stamp (value gates still apply).'
    )
    .option('--model <file>', 'candidate model (ONNX)')
    .option('--baseline <file>', 'baseline model (ONNX); default: the registry production alias')
    .option('--data <file>', 'evaluation data')
    .option('--label <column>', 'label column')
    .option('--task <task>', 'binary, multiclass or regression')
    .option('--name <model>', 'model name in the registry (default: model.name of mlci.yml)')
    .option('--registry <dir>', 'registry directory, or "github" (default .mlci/registry when it exists)')
    .option('--alias <alias>', 'registry alias of the baseline', 'production')
    .option('--features <columns>', 'comma-separated feature columns, in the order of a [N, F] model input')
    .option('--threshold <p>', 'binary decision threshold: positive when p1 > it (default: arg-max)')
    .option('--slices <columns>', 'comma-separated columns whose values define slices')
    .option('--min-slice-size <rows>', 'smallest slice that gets metrics (default 30)')
    .option('--batch-size <rows>', 'rows per inference batch (default 8192)')
    .option('--bootstrap <resamples>', 'paired bootstrap resamples per gated change (default 1000; 0 disables)')
    .option('--seed <n>', 'bootstrap seed (default 0)')
    .option('--confidence <c>', 'bootstrap interval confidence (default 0.95)')
    .option(
      '--gate <metric:kind=value>',
      'a gate, e.g. roc_auc:max_drop=0.01 (repeatable; adds to mlci.yml gates)',
      (value: string, previous: string[] = []) => [...previous, value]
    )
    .option('--validation <file>', "validate-data's validation.json, for the drift summary")
    .option('--predictions <file>', "also write every row's model outputs (both models) to this CSV");
  withExamples(withCommonOptions(evaluate), [
    'mlci evaluate --model model.onnx --data data/test.csv --label churned --task binary --out out/eval',
    'mlci evaluate --model new.onnx --baseline prod.onnx --data test.parquet --label y --task regression --json',
    'mlci evaluate --model new.onnx --baseline prod.onnx --data test.csv --label y --task binary --gate roc_auc:max_drop=0.01 --slices country'
  ]);
  evaluate.action(
    handle<EvaluateOptions>(async (options, context, command) => {
      const config = await optionalConfig(options.config, command.getOptionValueSource('config') !== 'default');
      const request = await buildRequest(options, config);
      const { evaluate: run } = await import('../../pipeline/evaluate.js');
      const result = await run({ ...request, progress: context.progress });
      const e = result.evaluation;
      const text = [
        `${e.verdict.toUpperCase()}${e.rubber_stamp ? ' (rubber stamp)' : ''}: ${e.summary}`,
        ...Object.entries(e.deltas)
          .filter(([, d]) => d.candidate !== null || d.baseline !== null)
          .map(([m, d]) => `  ${m.padEnd(28)} ${e.baseline ? `${formatValue(d.baseline).padStart(12)} → ` : ''}${formatValue(d.candidate).padStart(12)}`),
        ...result.files.map((f) => `wrote ${f}`)
      ].join('\n');
      printResult(options, e, text);
      return e.verdict === 'fail' ? ExitCode.CheckFailed : ExitCode.Pass;
    })
  );
}

async function optionalConfig(path: string | undefined, explicit: boolean): Promise<MlciConfig | null> {
  if (!path) return null;
  if (!explicit && !existsSync(path)) return null;
  return loadConfig(path);
}

function list(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function number(text: string | undefined, flag: string, check: (n: number) => boolean, expected: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n)) throw new InputError(`${flag}: got "${text}", expected ${expected}`);
  return n;
}

/** Parses `metric:kind=value` gates from the command line. */
export function parseGateFlags(flags: string[]): Record<string, GateSpec> {
  const gates: Record<string, GateSpec> = {};
  for (const flag of flags) {
    const match = /^([a-z][a-z0-9_]*):([a-z_]+)=(.+)$/.exec(flag.trim());
    if (!match) throw new InputError(`--gate: got "${flag}", expected metric:kind=value such as roc_auc:max_drop=0.01`);
    const [, metric, kind, value] = match;
    if (!GATE_KINDS.includes(kind as GateKind)) {
      throw new InputError(`--gate ${flag}: unknown kind "${kind}", expected one of ${GATE_KINDS.join(', ')}`);
    }
    const n = Number(value);
    if (!Number.isFinite(n)) throw new InputError(`--gate ${flag}: "${value}" is not a number`);
    gates[metric] = { ...gates[metric], [kind]: n };
  }
  return gates;
}

async function buildRequest(o: EvaluateOptions, config: MlciConfig | null) {
  const ev = config?.evaluate ?? {};
  const model = o.model;
  const data = o.data ?? ev.data ?? config?.data?.eval;
  const label = o.label ?? config?.model.label;
  const task = (o.task ?? config?.model.task) as Task | undefined;
  const missing = [!model && '--model', !data && '--data', !label && '--label', !task && '--task'].filter(Boolean);
  if (missing.length > 0) throw new InputError(`evaluate needs ${missing.join(', ')} (or mlci.yml with model.label, model.task and data.eval)`);
  if (!['binary', 'multiclass', 'regression'].includes(task as string)) {
    throw new InputError(`--task: got "${task}", expected binary, multiclass or regression`);
  }
  const name = o.name ?? config?.model.name;
  const registrySpec = o.registry ?? config?.register?.registry;
  // The registry gives the baseline (its production alias) and the history chart.
  let registry = null;
  if (name && (registrySpec || existsSync('.mlci/registry'))) {
    const { openRegistry } = await import('../../pipeline/register.js');
    registry = await openRegistry(registrySpec);
  }
  return {
    model: model as string,
    data: data as string,
    label: label as string,
    task: task as Task,
    baseline: o.baseline ?? ev.baseline,
    registry,
    modelName: name,
    baselineAlias: o.alias,
    features: list(o.features) ?? config?.model.features,
    threshold: number(o.threshold, '--threshold', (n) => n >= 0 && n <= 1, 'a probability in [0, 1]') ?? config?.model.threshold,
    slices: list(o.slices) ?? ev.slices,
    minSliceSize: number(o.minSliceSize, '--min-slice-size', (n) => Number.isInteger(n) && n >= 1, 'an integer ≥ 1') ?? ev.min_slice_size,
    batchSize: number(o.batchSize, '--batch-size', (n) => Number.isInteger(n) && n >= 1, 'an integer ≥ 1') ?? ev.batch_size,
    bootstrap: {
      resamples: number(o.bootstrap, '--bootstrap', (n) => Number.isInteger(n) && n >= 0, 'an integer ≥ 0') ?? ev.bootstrap?.resamples,
      seed: number(o.seed, '--seed', (n) => Number.isInteger(n) && n >= 0, 'an integer ≥ 0') ?? ev.bootstrap?.seed,
      confidence: number(o.confidence, '--confidence', (n) => n > 0 && n < 1, 'a number in (0, 1)') ?? ev.bootstrap?.confidence
    },
    gates: { ...ev.gates, ...parseGateFlags(o.gate ?? []) },
    sliceGates: ev.slice_gates,
    validation: o.validation,
    predictionsOut: o.predictions,
    source: { format: config?.data?.format, delimiter: config?.data?.delimiter },
    out: o.out
  };
}
