import { appendFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { durationMs } from '../../config/duration.js';
import { loadOptionalConfig } from '../../config/load.js';
import type { DeployConfig } from '../../config/types.js';
import { InputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/files.js';
import type { KServeOptions } from '../../deploy/kserve.js';
import { openRegistry } from '../../pipeline/register.js';
import { parseModelRef } from '../../registry/types.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';
import { DEFAULT_CANARY_STEPS } from '../../config/defaults.js';

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
  config?: string;
}

interface DeployOptions extends CommonOptions {
  server?: string;
  model?: string;
  version?: string;
  target?: 'local' | 'server' | 'kserve';
  adminToken?: string;
  registry?: string;
  alias: string;
  steps?: string;
  interval?: string;
  failureLimit?: string;
  maxErrorRate?: string;
  maxP99Ratio?: string;
  p99SlackMs?: string;
  maxDivergence?: string;
  minRequests?: string;
  replay?: string;
  rate?: string;
  label?: string;
  shadow: boolean;
  state?: string;
  resume?: boolean;
  kserveNamespace?: string;
  kserveStorageUri?: string;
  kserveUrl?: string;
  kserveRuntime?: string;
  dryRun?: boolean;
}

/** `mlci serve` and `mlci deploy-canary`. */
export function registerServe(program: Command): void {
  // `mlci deploy-canary --version v4` (DESIGN.md) needs the program's own -V/--version to be read
  // only before the subcommand; otherwise commander prints mlci's version and exits.
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
    .option('--config <file>', 'mlci.yml to read the model name from', 'mlci.yml');
  withExamples(serve, [
    'mlci serve --model churn@production --port 8080',
    'MLCI_ADMIN_TOKEN=secret mlci serve --model churn@v3 --host 0.0.0.0 --log logs/predictions.jsonl'
  ]);
  serve.action(
    handle<ServeOptions>(async (options, { progress }) => {
      const config = await loadOptionalConfig(options.config ?? 'mlci.yml');
      const ref = parseModelRef(options.model ?? config?.model.name ?? '');
      if (!ref.name)
        throw new InputError(
          '--model is required (NAME, NAME@ALIAS or NAME@vN), or a mlci.yml with model.name'
        );
      if (!ref.alias && ref.version === undefined) ref.alias = 'production';
      const { ModelServer } = await import('../../serve/server.js');
      const { registrySource } = await import('../../serve/source.js');
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

  const deploy = program
    .command('deploy-canary')
    .summary('roll a version out in traffic steps, then promote it or roll back')
    .description(
      'Moves traffic to a canary version in steps (default 10 → 50 → 100), analyses error rate, p99 ' +
        'latency and prediction divergence at each step, then promotes (moves production) or rolls back. ' +
        'Exit 0 promoted, 1 rolled back, 2 usage error. A rollout paused on an inconclusive analysis exits 0 ' +
        'with a warning on stderr and status "paused" in --json (resume with --resume).'
    )
    .option('--server <url>', 'URL of a running mlci server')
    .option('--model <name>', 'model name')
    .option('--version <vN>', 'version to roll out')
    .option('--target <target>', 'server, local (an embedded server; needs --replay) or kserve')
    .option('--admin-token <token>', 'admin token of the server (default $MLCI_ADMIN_TOKEN)')
    .option('--registry <dir>', 'registry directory, or "github" (default .mlci/registry)')
    .option('--alias <alias>', 'alias moved on success', 'production')
    .option('--steps <list>', 'canary traffic percentages (default 10,50,100)')
    .option('--interval <duration>', 'analysis interval per step, e.g. 60s (default 60s)')
    .option('--failure-limit <n>', 'failed analyses tolerated before rolling back (default 0)')
    .option('--max-error-rate <rate>', 'fail above this canary error rate (default 0.01)')
    .option('--max-p99-ratio <ratio>', 'fail when canary p99 exceeds ratio × stable p99 (default 1.5) …')
    .option('--p99-slack-ms <ms>', '… and stable p99 + this many ms (default 5)')
    .option('--max-divergence <d>', 'fail above this Jensen–Shannon distance of predictions (default 0.1)')
    .option('--min-requests <n>', 'inconclusive below this many canary requests (default 100)')
    .option('--replay <file>', 'replay this request file (CSV or JSONL, e.g. the test set) at each step')
    .option('--rate <rps>', 'replay rate in requests per second (default 50)')
    .option('--label <column>', 'replay column to leave out (default model.label)')
    .option('--no-shadow', 'do not score canary requests with stable too (unpaired divergence)')
    .option('--state <file>', 'pause state file (default .mlci/deploy-state.json)')
    .option('--resume', 'carry on a paused rollout')
    .option('--kserve-namespace <ns>', 'KServe namespace')
    .option('--kserve-storage-uri <uri>', 'KServe storage URI template, e.g. s3://models/{name}/v{version}')
    .option('--kserve-url <url>', 'InferenceService URL for replayed traffic')
    .option('--kserve-runtime <name>', 'KServe ServingRuntime')
    .option('--dry-run', 'kserve: write the manifests of every step to --out (or print them) and stop');
  withExamples(withCommonOptions(deploy), [
    'mlci deploy-canary --server http://127.0.0.1:8080 --model churn --version v4',
    'mlci deploy-canary --target local --model churn --version v4 --replay data/test.csv --rate 100 --interval 20s',
    'mlci deploy-canary --target kserve --model churn --version v4 --kserve-storage-uri "s3://models/{name}/v{version}" --dry-run --out out/kserve'
  ]);
  deploy.action(
    handle<DeployOptions>(async (options, { progress }) => {
      const config = await loadOptionalConfig(options.config ?? 'mlci.yml');
      const d: DeployConfig = config?.deploy ?? {};
      const model = options.model ?? config?.model.name;
      if (!model) throw new InputError('--model is required (or a mlci.yml with model.name)');
      if (!options.version) throw new InputError('--version is required, e.g. --version v4');
      const version = parseVersion(options.version);
      const { deploySettings } = await import('../../pipeline/deploy.js');
      const settings = deploySettings(d);
      const target = options.target ?? (options.server ? 'server' : settings.target);
      if (!['local', 'server', 'kserve'].includes(target))
        throw new InputError(`--target: got "${target}", expected local, server or kserve`);
      const steps = options.steps
        ? options.steps.split(',').map((s) => number(s.trim(), '--steps', 1, 100))
        : settings.steps;
      const kserve: KServeOptions | undefined =
        target === 'kserve'
          ? {
              namespace: options.kserveNamespace ?? d.kserve?.namespace,
              storageUri: options.kserveStorageUri ?? d.kserve?.storage_uri ?? '',
              runtime: options.kserveRuntime ?? d.kserve?.runtime,
              url: options.kserveUrl
            }
          : undefined;
      if (kserve && !kserve.storageUri)
        throw new InputError('target kserve needs --kserve-storage-uri (or deploy.kserve.storage_uri)');
      const registry = await openRegistry(options.registry ?? config?.register?.registry);

      if (kserve && options.dryRun) {
        const { manifestYaml, renderInferenceService } = await import('../../deploy/kserve.js');
        const stable = await registry.resolve({ name: model, alias: options.alias });
        const manifests: Record<string, string> = {};
        for (const weight of steps ?? DEFAULT_CANARY_STEPS) {
          manifests[`canary-${weight}.yaml`] = manifestYaml(
            renderInferenceService({ model, version, ...kserve, canaryTrafficPercent: weight })
          );
        }
        manifests['promote.yaml'] = manifestYaml(renderInferenceService({ model, version, ...kserve }));
        if (stable)
          manifests['rollback.yaml'] = manifestYaml(
            renderInferenceService({ model, version: stable.version, ...kserve })
          );
        if (options.out)
          for (const [file, yaml] of Object.entries(manifests))
            await writeFileAtomic(`${options.out}/${file}`, yaml);
        printResult(
          options,
          { manifests },
          options.out
            ? `wrote ${Object.keys(manifests).join(', ')} to ${options.out}`
            : Object.values(manifests).join('---\n')
        );
        return 0;
      }

      const { deployCanary } = await import('../../pipeline/deploy.js');
      const result = await deployCanary({
        model,
        version,
        target,
        server: options.server ?? settings.server,
        adminToken: options.adminToken,
        registry,
        alias: options.alias,
        steps,
        intervalMs: options.interval
          ? durationMs(
              /^\d+(\.\d+)?$/.test(options.interval) ? Number(options.interval) : options.interval,
              '--interval'
            )
          : settings.intervalMs,
        failureLimit:
          options.failureLimit !== undefined
            ? integer(options.failureLimit, '--failure-limit', 0)
            : settings.failureLimit,
        thresholds: {
          maxErrorRate:
            optionalNumber(options.maxErrorRate, '--max-error-rate') ?? settings.thresholds.maxErrorRate,
          maxP99Ratio:
            optionalNumber(options.maxP99Ratio, '--max-p99-ratio') ?? settings.thresholds.maxP99Ratio,
          p99SlackMs: optionalNumber(options.p99SlackMs, '--p99-slack-ms'),
          maxDivergence:
            optionalNumber(options.maxDivergence, '--max-divergence') ?? settings.thresholds.maxDivergence,
          minRequests:
            optionalNumber(options.minRequests, '--min-requests') ?? settings.thresholds.minRequests
        },
        shadow: options.shadow,
        replay: options.replay ?? settings.replay,
        rate: optionalNumber(options.rate, '--rate') ?? settings.rate,
        dropColumns: [options.label ?? config?.model.label ?? 'label'],
        stateFile: options.state,
        resume: options.resume,
        kserve,
        out: options.out,
        progress
      });
      const r = result.report;
      const { pauseWarning, resumeInstruction, rolloutMarkdown } = await import('../../deploy/report.js');
      const resume = r.outcome === 'paused' ? resumeInstruction(model, version, 'cli') : undefined;
      const text = [
        `${model}@v${version} on ${result.target}: ${r.outcome.replace('_', ' ')}`,
        `  ${r.reason}`,
        ...r.analyses.map(
          (a) => `  step ${a.step} (${a.weight} %): ${a.analysis.verdict} — ${a.analysis.reason}`
        ),
        result.alias
          ? `  ${model}@${result.alias.alias} → v${result.alias.to}`
          : `  ${model}@${options.alias} unchanged`
      ].join('\n');
      printResult(options, { status: r.outcome, reason: r.reason, resume, ...result }, text);
      if (resume) {
        // A pause is not a failure (exit 0), so it has to be unmistakable where people look.
        const warning = pauseWarning(model, r, resume);
        process.stderr.write(`mlci: warning: ${warning}\n`);
        if (process.env.GITHUB_ACTIONS === 'true') {
          process.stderr.write(`::warning title=canary paused::${escapeWorkflowCommand(warning)}\n`);
          const summary = process.env.GITHUB_STEP_SUMMARY;
          if (summary) {
            const markdown = rolloutMarkdown(model, r, result.target, null, resume);
            await appendFile(summary, `${markdown}\n`).catch(() => undefined);
          }
        }
      }
      return r.outcome === 'rolled_back' ? 1 : 0;
    })
  );
}

/** Escapes the message of a GitHub Actions workflow command (`::warning::…`). */
function escapeWorkflowCommand(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function parseVersion(text: string): number {
  const match = /^v?(\d+)$/.exec(text);
  if (!match || Number(match[1]) < 1)
    throw new InputError(`--version: "${text}" is not a version such as v4`);
  return Number(match[1]);
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

function optionalNumber(text: string | undefined, flag: string): number | undefined {
  return text === undefined ? undefined : number(text, flag, 0);
}
