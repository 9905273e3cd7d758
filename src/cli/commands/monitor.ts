import { Option, type Command } from 'commander';
import { loadOptionalConfig } from '../../config/load.js';
import type { MlciConfig } from '../../config/types.js';
import { InputError } from '../../core/errors.js';
import { checkOutputFile } from '../../core/files.js';
import type { MonitorResult, MonitorTrigger } from '../../stages/monitor.js';
import type { MonitorFlags as MonitorRequestFlags } from '../../stages/monitor-request.js';
import {
  collect,
  handle,
  printResult,
  withCommonOptions,
  withExamples,
  type CommandContext,
  type CommonOptions
} from '../kit.js';
import { DEFAULT_DRIFT_SHARE } from '../../config/defaults.js';

type MonitorFlags = CommonOptions & MonitorRequestFlags & { repo?: string; metricsFile?: string };

/** The GitHub side of a trigger: token, API URL and repository from flags and the Actions environment. */
async function githubTrigger(
  trigger: MonitorTrigger,
  repoFlag: string | undefined,
  env: NodeJS.ProcessEnv
): Promise<MonitorTrigger> {
  const token = env.GITHUB_TOKEN ?? '';
  if (!token)
    throw new InputError(
      `--trigger ${trigger.kind} needs a token in GITHUB_TOKEN (actions: write for workflow_dispatch, contents: write for repository_dispatch); --dry-run decides without one`
    );
  const repository = repoFlag ?? env.GITHUB_REPOSITORY ?? '';
  const [owner, repo, extra] = repository.split('/');
  if (!owner || !repo || extra !== undefined)
    throw new InputError(
      `--trigger ${trigger.kind} needs the repository as owner/name: --repo or GITHUB_REPOSITORY (got "${repository}")`
    );
  const { createOctokit } = await import('../../github/octokit.js');
  const { githubDispatcher } = await import('../../github/dispatch.js');
  const octokit = createOctokit({
    token,
    baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
    onRateLimit: (e) =>
      process.stderr.write(
        `mlci: GitHub ${e.kind} rate limit on ${e.method} ${e.url}: ${e.willRetry ? `retrying in ${e.retryAfterSeconds} s` : 'giving up'}\n`
      )
  });
  return { ...trigger, dispatch: githubDispatcher(octokit, owner, repo) };
}

/** The run's URL in GitHub Actions, as the report link of a repository_dispatch. */
function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}

function text(result: MonitorResult): string {
  const r = result.report;
  const t = r.trigger;
  const trigger =
    t.kind === 'none'
      ? null
      : t.sent
        ? `trigger: ${t.kind} sent to ${t.target}`
        : t.error
          ? `trigger: ${t.kind} FAILED`
          : t.request
            ? `trigger: ${t.kind} decided, not sent (dry run)`
            : `trigger: ${t.kind} not sent (${t.note})`;
  return [
    `monitor: ${r.verdict.toUpperCase().replace('_', ' ')} — ${r.reason}`,
    ...(r.drifted_columns.length > 0 ? [`  drifted: ${r.drifted_columns.join(', ')}`] : []),
    ...(r.performance?.gates ?? [])
      .filter((g) => g.status !== 'pass')
      .map(
        (g) =>
          `  ${g.status === 'fail' ? 'failed ' : 'skipped'} ${g.metric} ${g.kind} ${g.threshold}: ${g.reason}`
      ),
    ...(trigger ? [trigger] : []),
    ...(result.files.length > 0 ? [`wrote ${result.files.join(', ')}`] : [])
  ].join('\n');
}

/** The options of `mlci monitor`. */
function monitorCommand(program: Command): Command {
  const monitor = program
    .command('monitor')
    .summary('compare live data with the production model’s training data and trigger retraining')
    .description(
      'Reads the prediction log of `mlci serve --log` (live and rotated files, rows of the production version) or a ' +
        'batch of production data, and tests it for drift against the statistics.json stored with the production ' +
        "version, with validate-data's tests and thresholds. With delayed labels (--labels joined by request id, or a " +
        'label column in the batch) it computes the production metrics and gates them against the registered ones. ' +
        'When a threshold is crossed it triggers retraining by workflow_dispatch or repository_dispatch with the reason. ' +
        'Writes monitor.json, monitor.md and the validation files of the window.\n\n' +
        'Exit 0 when nothing crossed a threshold (or there were too few rows to judge), 1 on drift or degradation ' +
        '(whether or not a dispatch was sent), 2 on bad input or a dispatch GitHub refused (the report is written first).\n\n' +
        'Defaults come from the monitor: section of mlci.yml (log, data, labels, label, id_column, since, min_rows, ' +
        'drift_share, max_metric_drop, trigger) and model.name, model.label, register.registry. GitHub: token in ' +
        'GITHUB_TOKEN, API in GITHUB_API_URL, repository from --repo or GITHUB_REPOSITORY.'
    )
    .option('--model <name>', 'model name in the registry (default: model.name of mlci.yml)')
    .option(
      '--registry <dir>',
      'registry directory, or "github" for GitHub Releases (default .mlci/registry)'
    )
    .option('--alias <alias>', 'alias of the watched version (default production)')
    .option('--log <file>', 'prediction log of mlci serve')
    .option('--data <file>', 'a batch of production data (file or glob) instead of the log')
    .option('--labels <file>', 'delayed labels (CSV, JSONL, Parquet) joined to logged rows by request id')
    .option('--label <column>', 'label column of the labels file or of the batch (default: model.label)')
    .option('--id-column <column>', 'request id column of the labels file (default request_id)')
    .option('--since <when>', 'logged rows since a duration ago (24h, 7d) or an ISO time')
    .option('--all-versions', 'read logged rows of every version, not only the watched one')
    .option('--min-rows <n>', 'fewest rows to judge on; fewer → insufficient_data, exit 0 (default 100)')
    .option(
      '--drift-share <x>',
      `share of drifted columns that is dataset drift (default ${DEFAULT_DRIFT_SHARE})`
    )
    .option(
      '--gate <metric:kind=value>',
      'a metric gate vs the registered metrics, e.g. roc_auc:max_drop=0.05 (repeatable; replaces monitor.max_metric_drop)',
      collect
    )
    .option('--task <task>', 'binary, multiclass or regression (default: model.task, else from the model)')
    .addOption(
      new Option('--trigger <kind>', 'how to trigger retraining').choices([
        'workflow_dispatch',
        'repository_dispatch',
        'none'
      ])
    )
    .option('--workflow <file>', 'workflow to dispatch, e.g. retrain.yml')
    .option('--ref <ref>', 'git ref the workflow runs on (default main)')
    .option('--event-type <type>', 'repository_dispatch event type (default mlci-retrain)')
    .option(
      '--data-version <version>',
      'sent as data_version (workflow input, or in the repository_dispatch payload)'
    )
    .option('--repo <owner/name>', 'repository to dispatch to (default GITHUB_REPOSITORY)')
    .option('--dry-run', 'decide and report, but do not dispatch')
    .option(
      '--metrics-file <file>',
      "also write the outcome as Prometheus text for node_exporter's textfile collector"
    )
    .option('--memory-limit <size>', 'data engine memory limit, e.g. 1GB');
  withExamples(withCommonOptions(monitor), [
    'mlci monitor --model churn --log logs/predictions.jsonl --since 24h --out out/monitor',
    'mlci monitor --model churn --registry github --log logs/predictions.jsonl --labels labels.csv --label churned --trigger workflow_dispatch --workflow retrain.yml --out out/monitor',
    'mlci monitor --model churn --data "batches/2026-11-*.parquet" --label churned --trigger repository_dispatch --dry-run --json'
  ]);
  return monitor;
}

/** Lays the flags over mlci.yml's monitor: section and defaults, runs the stage and prints the outcome. */
async function monitorAction(
  options: MonitorFlags,
  { progress }: CommandContext,
  command: Command
): Promise<number> {
  const config: MlciConfig | null = await loadOptionalConfig(
    options.config,
    command.getOptionValueSource('config') === 'cli'
  );
  const { buildMonitorRequest } = await import('../../stages/monitor-request.js');
  const request = buildMonitorRequest(options, config);
  if (options.metricsFile) await checkOutputFile(options.metricsFile, '--metrics-file');
  const { writeMonitorMetrics } = await import('../../monitor/prometheus.js');
  const env = process.env;
  let trigger: MonitorTrigger = { ...request.trigger, reportUrl: runUrl(env) };
  if (trigger.kind !== 'none' && !request.dryRun) trigger = await githubTrigger(trigger, options.repo, env);
  const { openRegistry } = await import('../../stages/register.js');
  const registry = await openRegistry(request.registry);
  const { runMonitor, MonitorDispatchError } = await import('../../stages/monitor.js');
  try {
    const result = await runMonitor({ ...request, registry, trigger, progress });
    await writeMonitorMetrics(options.metricsFile, result.report);
    printResult(options, result.report, text(result));
    return result.exitCode;
  } catch (error) {
    if (error instanceof MonitorDispatchError)
      await writeMonitorMetrics(options.metricsFile, error.result.report);
    if (error instanceof MonitorDispatchError) printResult(options, error.result.report, text(error.result));
    throw error;
  }
}

/** `mlci monitor`. */
export function registerMonitor(program: Command): void {
  monitorCommand(program).action(handle<MonitorFlags>(monitorAction));
}
