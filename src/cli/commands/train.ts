import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { configFileOr } from '../../config/default-file.js';
import type { MlciConfig } from '../../config/types.js';
import { CheckFailedError } from '../../core/errors.js';
import type { TrainingRecord } from '../../lineage/record.js';
import type { TrainStageOptions } from '../../stages/train.js';
import type { TrainFlags } from '../../stages/train-request.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';

interface TrainOptions extends CommonOptions, TrainFlags {
  printCacheKey?: boolean;
}

/** `mlci train`. */
export function registerTrain(program: Command): void {
  const train = program
    .command('train')
    .summary('run the training command reproducibly and record its lineage')
    .description(
      'Runs the training command of mlci.yml (any language) with a fixed seed, captures its output, ' +
        'timings and reported losses, checks the ONNX model it writes, and records training.json ' +
        '(commit, params, data hashes, runtime). A content-addressed cache skips retraining when nothing ' +
        'changed. Exit 1 when a check fails (no model, rising or NaN loss, signature mismatch).\n\n' +
        'The command gets MLCI_SEED, PYTHONHASHSEED, MLCI_PARAMS (resolved params JSON), MLCI_MODEL_PATH ' +
        'and MLCI_METRICS_PATH (append {"step": n, "loss": x} lines); see docs/training-convention.md.'
    )
    .option('--command <cmd>', 'training command (overrides train.command)')
    .option('--set <key=value...>', 'override a param')
    .option('--seed <n>', 'seed exported as MLCI_SEED and PYTHONHASHSEED')
    .option('--timeout <duration>', 'stop the whole process tree after this long (e.g. 90s, 30m)')
    .option('--force', 'retrain even on a cache hit')
    .option('--check-reproducible', 'train twice and compare the models')
    .option('--tolerance <x>', 'largest prediction difference --check-reproducible accepts')
    .option('--production-model <file>', 'ONNX model whose inputs and outputs the new model must keep')
    .option('--print-cache-key', 'print the cache key of this run and exit (for actions/cache)');
  withExamples(withCommonOptions(train, 'directory for model.onnx and training.json (default .mlci/train)'), [
    'mlci train --out out/train',
    'mlci train --set learning_rate=0.05 --set epochs=20 --force',
    'mlci train --check-reproducible',
    'mlci train --command "python train.py" --timeout 30m',
    'mlci train --print-cache-key'
  ]);
  train.action(
    handle<TrainOptions>(async (options, { progress }) => {
      const { config, path } = await configFor(options);
      const { buildTrainRequest } = await import('../../stages/train-request.js');
      const stageOptions: TrainStageOptions = {
        ...buildTrainRequest(options, config, { configPath: path }),
        progress,
        // The command's own output goes to stderr so that stdout stays clean for --json.
        onOutput: (text) => process.stderr.write(text)
      };
      // The stage (ONNX decoding, hashing, the runner) loads only when a train command runs.
      const { trainCacheKey, trainStage } = await import('../../stages/train.js');
      if (options.printCacheKey) {
        const key = await trainCacheKey(stageOptions);
        printResult(options, key, key.key);
        return 0;
      }
      let result;
      try {
        result = await trainStage(stageOptions);
      } catch (error) {
        // With --json a failed run still prints its record, so scripts can read which check failed.
        if (options.json && error instanceof CheckFailedError)
          await printFailedRecord(options, stageOptions, error);
        throw error;
      }
      printResult(
        options,
        {
          status: result.record.status,
          cache_hit: result.cacheHit,
          model: result.modelPath,
          training_record: result.recordPath,
          record: result.record
        },
        summary(result.record, shownPath(result.modelPath), result.cacheHit)
      );
      return 0;
    })
  );
}

async function configFor(options: TrainOptions): Promise<{ config: MlciConfig | null; path: string }> {
  const file = configFileOr(options.config);
  const path = resolve(file);
  let exists = true;
  try {
    await stat(path);
  } catch {
    exists = false;
  }
  // With --command and no mlci.yml, training still runs (checks that need the config are skipped).
  if (!exists && options.command && options.config === undefined) return { config: null, path };
  return { config: await loadConfig(file), path };
}

async function printFailedRecord(
  options: TrainOptions,
  stageOptions: TrainStageOptions,
  error: CheckFailedError
) {
  const out = stageOptions.out ? resolve(stageOptions.out) : join(stageOptions.root, '.mlci', 'train');
  let record: TrainingRecord | null;
  try {
    record = JSON.parse(await readFile(join(out, 'training.json'), 'utf8')) as TrainingRecord;
  } catch {
    record = null;
  }
  printResult(options, { status: 'fail', error: error.message, record }, '');
}

function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** The human summary of a run. */
export function summary(record: TrainingRecord, modelPath: string, cacheHit: boolean): string {
  const lines: string[] = [];
  const model = record.model;
  lines.push(
    `mlci train: ${record.status}${cacheHit ? ' (cache hit: restored without retraining)' : ''} · ${modelPath}` +
      (model ? ` · sha256 ${model.sha256.slice(0, 12)} · ${formatBytes(model.bytes)}` : '')
  );
  const p = record.process;
  if (p) {
    const cpu =
      p.cpu_user_seconds !== null ? `, ${round(p.cpu_user_seconds + (p.cpu_system_seconds ?? 0))} s CPU` : '';
    const memory = p.peak_rss_bytes ? `, peak ${formatBytes(p.peak_rss_bytes)} RSS` : '';
    lines.push(`  run: ${p.wall_seconds} s wall${cpu}${memory}${cacheHit ? ' (the stored run)' : ''}`);
  }
  const curve = record.metrics.loss_curve.filter((point) => point.loss !== null);
  if (curve.length >= 2) {
    lines.push(
      `  loss: ${round(curve[0].loss!)} → ${round(curve[curve.length - 1].loss!)} over ${record.metrics.loss_points} steps`
    );
  }
  lines.push(
    `  checks: ${record.checks.map((c) => `${c.name} ${c.status === 'pass' ? '✓' : c.status === 'fail' ? '✗' : '–'}`).join(', ')}`
  );
  if (record.reproducibility) lines.push(`  reproducible: ${record.reproducibility.detail}`);
  lines.push(`  cache: ${record.cache.key ? `${record.cache.key.slice(0, 12)}… ` : ''}${record.cache.note}`);
  return lines.join('\n');
}

function round(value: number): number {
  return Number(value.toPrecision(4));
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
