import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../config/load.js';
import type { TrainingRecord } from '../../lineage/record.js';
import { trainCacheKey, trainStage, type TrainStageOptions } from '../../stages/train.js';
import { buildTrainRequest } from '../../stages/train-request.js';
import { actionProgress, logLine, runAction, type ActionReport } from '../toolkit.js';
import { readTrainInputs } from './inputs.js';

/** The train action: computes the cache key (phase cache-key) or trains (phase train). */
export async function run(): Promise<void> {
  let outDir: string | undefined;
  await runAction(
    async (): Promise<ActionReport> => {
      const inputs = readTrainInputs();
      const config = await loadConfig(inputs.config);
      outDir = resolve(inputs.out);
      const options: TrainStageOptions = {
        ...buildTrainRequest({ ...inputs, out: outDir }, config, { configPath: inputs.config }),
        progress: { ...actionProgress, finish() {} },
        onOutput: (text) => process.stdout.write(text)
      };
      if (inputs.phase === 'cache-key') {
        const key = await trainCacheKey(options);
        logLine(`mlci train: cache key ${key.key} (${key.note})`);
        return {
          outputs: {
            key: key.key,
            path: key.dir,
            enabled: String(key.enabled && !inputs.force && !inputs.checkReproducible)
          }
        };
      }
      const result = await trainStage(options);
      return {
        outputFolder: outDir,
        outputs: {
          model: result.modelPath,
          sha256: result.record.model?.sha256 ?? '',
          'cache-hit': String(result.cacheHit),
          'training-record': result.recordPath,
          status: result.record.status
        },
        summary: trainingSummary(result.record, result.cacheHit)
      };
    },
    {
      // A failed run still wrote its record: its checks are what the user needs to see.
      onError: async () => {
        const record = outDir ? await readRecord(join(outDir, 'training.json')) : null;
        if (!record || !outDir) return null;
        return {
          outputFolder: outDir,
          outputs: { 'training-record': join(outDir, 'training.json'), status: record.status },
          summary: trainingSummary(record, false)
        };
      }
    }
  );
}

async function readRecord(path: string): Promise<TrainingRecord | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as TrainingRecord;
  } catch {
    return null;
  }
}

/** Markdown for the job summary; every string from the run is escaped. */
export function trainingSummary(record: TrainingRecord, cacheHit: boolean): string {
  const lines: string[] = [];
  const icon = record.status === 'pass' ? '✅' : '❌';
  lines.push(`### ${icon} mlci train: ${record.status}${cacheHit ? ' (restored from cache)' : ''}`, '');
  lines.push('| | |', '|---|---|');
  lines.push(`| command | \`${code(record.command)}\` |`);
  lines.push(`| seed | ${record.seed} |`);
  if (record.git)
    lines.push(
      `| commit | \`${code(record.git.commit.slice(0, 12))}\`${record.git.dirty ? ' (dirty)' : ''} |`
    );
  if (record.model)
    lines.push(
      `| model | \`${code(record.model.path)}\`, sha256 \`${record.model.sha256.slice(0, 16)}\`, ${record.model.bytes} bytes |`
    );
  const p = record.process;
  if (p) {
    const cpu =
      p.cpu_user_seconds === null
        ? 'n/a'
        : `${(p.cpu_user_seconds + (p.cpu_system_seconds ?? 0)).toFixed(2)} s`;
    const memory = p.peak_rss_bytes === null ? 'n/a' : `${(p.peak_rss_bytes / 1024 ** 2).toFixed(1)} MB`;
    lines.push(`| time | ${p.wall_seconds} s wall, ${cpu} CPU, peak ${memory} |`);
  }
  const curve = record.metrics.loss_curve.filter((point) => point.loss !== null);
  if (curve.length >= 2) {
    lines.push(
      `| loss | ${curve[0].loss!.toPrecision(4)} → ${curve[curve.length - 1].loss!.toPrecision(4)} over ${record.metrics.loss_points} steps |`
    );
  }
  lines.push(`| cache | ${cell(record.cache.note)} |`);
  if (record.reproducibility) lines.push(`| reproducible | ${cell(record.reproducibility.detail)} |`);
  if (record.github) lines.push(`| run | ${cell(record.github.run_url)} |`);
  lines.push('', '| check | result | detail |', '|---|---|---|');
  for (const check of record.checks) {
    const mark = check.status === 'pass' ? '✅' : check.status === 'fail' ? '❌' : '➖';
    lines.push(`| ${check.name} | ${mark} ${check.status} | ${cell(check.detail)} |`);
  }
  return lines.join('\n') + '\n';
}

/** Escapes text for a Markdown table cell and stops @mentions. */
function cell(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/@(?=\w)/g, '@\u200b')
    .replace(/\r?\n/g, ' ');
}

/** Text inside a code span in a table: no backticks, no pipes, no line breaks. */
function code(text: string): string {
  return text.replace(/`/g, "'").replace(/\|/g, '¦').replace(/\r?\n/g, ' ');
}
