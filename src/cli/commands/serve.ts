import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILES } from '../../config/default-file.js';
import { durationMs } from '../../config/duration.js';
import { loadOptionalConfig } from '../../config/load.js';
import { InputError } from '../../core/errors.js';
import { parseModelRef } from '../../registry/types.js';
import { handle, withExamples } from '../kit.js';
import { registerStageModule } from './registry/shared.js';
import { PRODUCTION_ALIAS } from '../../registry/aliases.js';

interface ServeOptions {
  registry?: string;
  model?: string;
  port: string;
  host: string;
  adminToken?: string;
  maxBody: string;
  maxRows: string;
  log?: string;
  logSample: string;
  logMaxBytes: string;
  features?: string;
  task?: 'binary' | 'multiclass' | 'regression';
  threshold?: string;
  watch: string;
  config?: string;
}

/** `mlci serve`. */
export function registerServe(program: Command): void {
  const serve = program
    .command('serve')
    .summary('serve a registered model over the Open Inference Protocol')
    .description(
      'Starts an HTTP model server (KServe v2 REST: /v2/health/live, /v2/health/ready, ' +
        '/v2/models/{name}, /v2/models/{name}/infer; plain JSON rows on /v1/models/{name}:predict) with ' +
        'Prometheus metrics on /metrics and an admin API (/admin/*, bearer token) for canary rollouts. ' +
        'SIGTERM or SIGINT drains in-flight requests, then exits.'
    )
    .option('--registry <dir>', 'registry directory, or "github" (default .mlci/registry)')
    .option('--model <ref>', 'model: NAME, NAME@ALIAS or NAME@vN (default <model.name>@production)')
    .option('--port <port>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on (0.0.0.0 in a container)', '127.0.0.1')
    .option(
      '--admin-token <token>',
      'bearer token of the admin API (default $MLCI_ADMIN_TOKEN; none disables it)'
    )
    .option('--max-body <bytes>', 'largest request body', String(1024 * 1024))
    .option('--max-rows <n>', 'most rows per request', '10000')
    .option('--log <file>', 'sampled JSONL prediction log (see docs/prediction-log.md)')
    .option('--log-sample <rate>', 'share of requests logged, 0..1', '0.1')
    .option('--log-max-bytes <bytes>', 'rotate the log beyond this size', String(64 * 1024 * 1024))
    .option('--features <names>', 'comma-separated column order of a matrix model without feature_names')
    .option('--task <task>', 'binary, multiclass or regression (default: guessed from the outputs)')
    .option('--threshold <p>', 'binary decision threshold: positive when p1 > p')
    .option(
      '--watch <duration>',
      'served by alias: check the registry this often for the alias moving (0: never)',
      '30s'
    )
    .option(
      '--config <file>',
      `config file to read the model name from (default: ${DEFAULT_CONFIG_FILES.join(' or ')})`
    );
  withExamples(serve, [
    'mlci serve --model churn@production --port 8080',
    'MLCI_ADMIN_TOKEN=secret mlci serve --model churn@v3 --host 0.0.0.0 --log logs/predictions.jsonl'
  ]);
  serve.action(
    handle<ServeOptions>(async (options, { progress }) => {
      const config = await loadOptionalConfig(options.config);
      const ref = parseModelRef(options.model ?? config?.model.name ?? '');
      if (!ref.name)
        throw new InputError(
          '--model is required (NAME, NAME@ALIAS or NAME@vN), or a mlci.yml with model.name'
        );
      if (!ref.alias && ref.version === undefined) ref.alias = PRODUCTION_ALIAS;
      const { ModelServer } = await import('../../serve/server.js');
      const { registrySource } = await import('../../serve/source.js');
      const { openRegistry } = await registerStageModule();
      const registry = await openRegistry(options.registry ?? config?.register?.registry);
      const server = await ModelServer.start({
        model: ref,
        source: registrySource(registry),
        host: options.host,
        port: integer(options.port, '--port', 0, 65535),
        adminToken: options.adminToken ?? process.env.MLCI_ADMIN_TOKEN,
        maxBodyBytes: integer(options.maxBody, '--max-body', 1),
        maxRows: integer(options.maxRows, '--max-rows', 1),
        features: options.features?.split(',').map((s) => s.trim()) ?? config?.model.features,
        task: options.task ?? config?.model.task,
        threshold:
          options.threshold === undefined
            ? config?.model.threshold
            : number(options.threshold, '--threshold', 0, 1),
        watchIntervalMs: watchInterval(options.watch),
        onAliasMove: (line) => progress.info(line),
        log: options.log
          ? {
              path: options.log,
              sampleRate: number(options.logSample, '--log-sample', 0, 1),
              maxBytes: integer(options.logMaxBytes, '--log-max-bytes', 1024)
            }
          : undefined
      });
      const state = server.state();
      progress.info(
        `serving ${state.model}@v${state.stable.version} on ${server.url} (admin API ${(options.adminToken ?? process.env.MLCI_ADMIN_TOKEN) ? 'on' : 'off'})`
      );
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          progress.info(`${signal}: draining in-flight requests`);
          process.off('SIGTERM', onTerm);
          process.off('SIGINT', onInt);
          void server.close().then(resolve);
        };
        const onTerm = () => stop('SIGTERM');
        const onInt = () => stop('SIGINT');
        process.on('SIGTERM', onTerm);
        process.on('SIGINT', onInt);
      });
    })
  );
}

/** --watch: seconds or a duration such as 30s; 0 turns the alias watch off. */
function watchInterval(text: string): number {
  if (text.trim() === '0') return 0;
  return durationMs(/^\d+(\.\d+)?$/.test(text) ? Number(text) : text, '--watch');
}

function number(text: string, flag: string, min = -Infinity, max = Infinity): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InputError(
      `${flag}: got "${text}", expected a number${min > -Infinity ? ` from ${min}` : ''}${max < Infinity ? ` to ${max}` : ''}`
    );
  }
  return value;
}

function integer(text: string, flag: string, min = -Infinity, max = Infinity): number {
  const value = number(text, flag, min, max);
  if (!Number.isInteger(value)) throw new InputError(`${flag}: got "${text}", expected a whole number`);
  return value;
}
