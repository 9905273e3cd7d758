import { appendFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DEFAULT_CANARY_STEPS } from '../../config/defaults.js';
import { loadOptionalConfig } from '../../config/load.js';
import { configFileOr } from '../../config/default-file.js';
import { writeFileAtomic } from '../../core/files.js';
import type { DeployCanaryOptions, DeployCanaryResult } from '../../stages/deploy.js';
import type { DeployFlags } from '../../stages/deploy-request.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';
import { PRODUCTION_ALIAS } from '../../registry/aliases.js';

type DeployOptions = DeployFlags & CommonOptions & { dryRun?: boolean };

/** `mlci deploy-canary`: flags → buildDeployRequest → deployCanary → printed report. */
export function registerDeployCanary(program: Command): void {
  const deploy = program
    .command('deploy-canary')
    .summary('roll a version out in traffic steps, then promote it or roll back')
    .description(
      'Moves traffic to a canary version in steps (default 10 → 50 → 100), analyses error rate, p99 ' +
        'latency and prediction divergence at each step, then promotes (moves production) or rolls back. ' +
        'A first version (no production yet) has nothing to compare with and becomes production at once. ' +
        'Exit 0 promoted, 1 rolled back, 2 usage error. A rollout paused on an inconclusive analysis exits 0 ' +
        'with a warning on stderr and status "paused" in --json (resume with --resume).'
    )
    .option('--server <url>', 'URL of a running mlci server')
    .option('--model <name>', 'model name')
    .option('--version <vN>', 'version to roll out')
    .option('--target <target>', 'server, local (an embedded server; needs --replay) or kserve')
    .option('--admin-token <token>', 'admin token of the server (default $MLCI_ADMIN_TOKEN)')
    .option('--registry <dir>', 'registry directory, or "github" (default .mlci/registry)')
    .option('--alias <alias>', 'alias moved on success (default production)')
    .option('--steps <list>', 'canary traffic percentages (default 10,50,100)')
    .option('--interval <duration>', 'analysis interval per step, e.g. 60s (default: from the traffic rate)')
    .option('--failure-limit <n>', 'consecutive failed analyses tolerated before rolling back (default 1)')
    .option(
      '--max-error-rate <rate>',
      "fail when the canary's error rate significantly exceeds stable's by more (default 0.01)"
    )
    .option(
      '--max-p99-ratio <ratio>',
      'fail when canary is significantly slower, its median above ratio × stable median (default 1.5) …'
    )
    .option('--p99-slack-ms <ms>', '… and stable median + this many ms (default 5)')
    .option(
      '--max-divergence <d>',
      'fail when predictions significantly change by more: paired mean |Δ| or KS distance (default 0.1)'
    )
    .option('--min-requests <n>', 'canary requests an analysis needs before it can pass (default 150)')
    .option('--replay <file>', 'replay this request file (CSV or JSONL, e.g. the test set) at each step')
    .option('--rate <rps>', 'replay rate in requests per second (default 50)')
    .option('--label <column>', 'replay column to leave out (default model.label)')
    .option('--no-shadow', 'do not score canary requests with stable too (unpaired divergence)')
    .option('--state <file>', 'pause state file (default deploy-state.json beside the registry directory)')
    .option('--resume', 'carry on a paused rollout')
    .option('--kserve-namespace <ns>', 'KServe namespace')
    .option(
      '--kserve-storage-uri <uri>',
      'KServe storage URI template, e.g. s3://models/{name}/v{version} or oci://…/{name}:v{version} (default: the GitHub release asset)'
    )
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
      const configPath = configFileOr(options.config);
      const config = await loadOptionalConfig(configPath);
      const { buildDeployRequest } = await import('../../stages/deploy-request.js');
      const request = await buildDeployRequest(options, config, { configPath });
      if (request.kserve && options.dryRun) return dryRun(request, options);
      const { deployCanary } = await import('../../stages/deploy.js');
      const result = await deployCanary({ ...request, progress });
      await print(options, request, result);
      return result.report.outcome === 'rolled_back' ? 1 : 0;
    })
  );
}

/** kserve --dry-run: the manifests of every step, written to --out or printed. */
async function dryRun(request: DeployCanaryOptions, options: DeployOptions): Promise<number> {
  const { rolloutManifests } = await import('../../deploy/kserve.js');
  const stable = await request.registry.resolve({
    name: request.model,
    alias: request.alias ?? PRODUCTION_ALIAS
  });
  const manifests = rolloutManifests(
    request.model,
    request.version,
    request.kserve!,
    request.steps ?? [...DEFAULT_CANARY_STEPS],
    stable?.version ?? null
  );
  const { kserveRuntimeCheck, requireOnnxRuntime } = await import('../../deploy/kserve-runtime.js');
  const runtime = await kserveRuntimeCheck(request.registry, request.model, request.version, request.kserve!);
  if (runtime) requireOnnxRuntime(runtime);
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

/** Prints the outcome; a pause also warns on stderr (and in the job summary on GitHub Actions). */
async function print(
  options: DeployOptions,
  request: DeployCanaryOptions,
  result: DeployCanaryResult
): Promise<void> {
  const { model, version } = request;
  const alias = request.alias ?? PRODUCTION_ALIAS;
  const r = result.report;
  const { pauseWarning, resumeInstruction, rolloutMarkdown } = await import('../../deploy/report.js');
  const resume = r.outcome === 'paused' ? resumeInstruction(model, version, 'cli') : undefined;
  const text = [
    `${model}@v${version} on ${result.target}: ${r.outcome.replace('_', ' ')}`,
    `  ${r.reason}`,
    ...(result.loadTest
      ? [`  load test: ${result.loadTest.report.verdict}: ${result.loadTest.report.summary}`]
      : []),
    ...r.analyses.map(
      (a) => `  step ${a.step} (${a.weight} %): ${a.analysis.verdict} — ${a.analysis.reason}`
    ),
    result.alias ? `  ${model}@${result.alias.alias} → v${result.alias.to}` : `  ${model}@${alias} unchanged`
  ].join('\n');
  printResult(options, { status: r.outcome, reason: r.reason, resume, ...result }, text);
  if (!resume) return;
  // A pause is not a failure (exit 0), so it has to be unmistakable where people look.
  const warning = pauseWarning(model, r, resume);
  process.stderr.write(`mlci: warning: ${warning}\n`);
  if (process.env.GITHUB_ACTIONS !== 'true') return;
  process.stderr.write(`::warning title=canary paused::${escapeWorkflowCommand(warning)}\n`);
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary) {
    const markdown = rolloutMarkdown(model, r, result.target, null, resume);
    await appendFile(summary, `${markdown}\n`).catch(() => undefined);
  }
}

/** Escapes the message of a GitHub Actions workflow command (`::warning::…`). */
function escapeWorkflowCommand(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
