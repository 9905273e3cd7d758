import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILES } from '../../config/default-file.js';
import { durationMs } from '../../config/duration.js';
import { parseInteger, parseProbability } from '../../config/parse.js';
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
    .option(
      '--threshold <p>',
      'binary decision threshold: positive when p(positive class: 1, else the greater label) > p'
    )
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
      // Every number is checked before the server starts, --log's too when --log is not given.
      const logSample = parseProbability(options.logSample, '--log-sample')!;
      const logMaxBytes = parseInteger(options.logMaxBytes, '--log-max-bytes', { min: 1024 })!;
      const { registrySource } = await import('../../serve/source.js');
      const { openRegistry } = await registerStageModule();
      const registry = await openRegistry(options.registry ?? config?.register?.registry);
      const server = await ModelServer.start({
        model: ref,
        source: registrySource(registry),
        host: options.host,
        port: parseInteger(options.port, '--port', { min: 0, max: 65535 })!,
        adminToken: options.adminToken ?? process.env.MLCI_ADMIN_TOKEN,
        maxBodyBytes: parseInteger(options.maxBody, '--max-body', { min: 1 })!,
        maxRows: parseInteger(options.maxRows, '--max-rows', { min: 1 })!,
        features: options.features?.split(',').map((s) => s.trim()) ?? config?.model.features,
        task: options.task ?? config?.model.task,
        threshold:
          options.threshold === undefined
            ? config?.model.threshold
            : parseProbability(options.threshold, '--threshold'),
        watchIntervalMs: watchInterval(options.watch),
        onAliasMove: (line) => progress.info(line),
        log: options.log
          ? {
              path: options.log,
              sampleRate: logSample,
              maxBytes: logMaxBytes
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
