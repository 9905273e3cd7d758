import { resolve } from 'node:path';
import { durationMs } from '../../config/duration.js';
import { loadOptionalConfig } from '../../config/load.js';
import { describeError, InputError, MlciError } from '../../core/errors.js';
import { pauseWarning, resumeInstruction, rolloutMarkdown } from '../../deploy/report.js';
import { deployCanary, deploySettings, type DeploymentRecorder } from '../../pipeline/deploy.js';
import { openRegistry } from '../../pipeline/register.js';
import { actionsCore, logLine, writeJobSummary } from '../toolkit.js';
import { readDeployCanaryInputs } from './inputs.js';

/**
 * The deploy-canary action: rolls the version out, records a GitHub Deployment with a status per
 * step, moves the alias on success, and fails the step (exit 1) when the canary was rolled back.
 * A pause (inconclusive analysis) is not a failure (exit 0): `status: paused`, the reason and the
 * resume instruction in the outputs, a warning annotation and the job summary say so, the deployment
 * stays queued, and a workflow_dispatch run with `resume: true` carries on.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readDeployCanaryInputs();
    const config = await loadOptionalConfig(inputs.config);
    const model = inputs.model ?? config?.model.name;
    if (!model) throw new InputError('input "model" is empty and mlci.yml has no model.name');
    const registry = await openRegistry(inputs.registry);
    const recorder = await githubRecorder(inputs.environmentUrl ?? inputs.server);
    const settings = deploySettings(config?.deploy);
    const target = inputs.target ?? (inputs.server ? 'server' : settings.target);
    const result = await deployCanary({
      model,
      version: inputs.version,
      target,
      server: inputs.server ?? settings.server,
      adminToken: inputs.adminToken,
      registry,
      alias: inputs.alias,
      steps: inputs.steps ?? settings.steps,
      intervalMs:
        inputs.interval === undefined
          ? settings.intervalMs
          : durationMs(
              /^\d+(\.\d+)?$/.test(String(inputs.interval)) ? Number(inputs.interval) : inputs.interval,
              'interval'
            ),
      failureLimit: inputs.failureLimit ?? settings.failureLimit,
      thresholds: {
        maxErrorRate: inputs.thresholds.maxErrorRate ?? settings.thresholds.maxErrorRate,
        maxP99Ratio: inputs.thresholds.maxP99Ratio ?? settings.thresholds.maxP99Ratio,
        p99SlackMs: inputs.thresholds.p99SlackMs,
        maxDivergence: inputs.thresholds.maxDivergence ?? settings.thresholds.maxDivergence,
        minRequests: inputs.thresholds.minRequests ?? settings.thresholds.minRequests
      },
      replay: inputs.replay ?? settings.replay,
      rate: inputs.rate ?? settings.rate,
      dropColumns: [config?.model.label ?? 'label'],
      stateFile: inputs.stateFile,
      resume: inputs.resume,
      kserve: settings.kserve,
      out: resolve(inputs.out),
      recorder,
      by: process.env.GITHUB_ACTOR ? `${process.env.GITHUB_ACTOR} (deploy-canary)` : undefined,
      progress: { start: logLine, update() {}, finish: (m) => logLine(m ?? 'done'), info: logLine }
    });
    const core = await actionsCore();
    const outcome = result.report.outcome.replace('_', '-');
    const resume =
      result.report.outcome === 'paused' ? resumeInstruction(model, inputs.version, 'action') : '';
    core.setOutput('status', outcome);
    core.setOutput('outcome', outcome);
    core.setOutput('reason', result.report.reason);
    core.setOutput('resume', resume);
    core.setOutput('version', String(result.report.version));
    core.setOutput('stable', String(result.alias ? result.alias.to : result.report.stable));
    await writeJobSummary(
      rolloutMarkdown(
        model,
        result.report,
        result.target,
        result.alias
          ? `Alias \`${inputs.alias}\` moved to v${result.alias.to}.`
          : `Alias \`${inputs.alias}\` left where it was.`,
        resume || undefined
      )
    );
    if (result.report.outcome === 'rolled_back') {
      core.setFailed(`canary ${model}@v${inputs.version} rolled back: ${result.report.reason}`);
      process.exitCode = 1;
    } else if (resume) {
      core.warning(pauseWarning(model, result.report, resume), { title: 'canary paused' });
    }
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? error.message : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}

/** A GitHub Deployment recorder when the job has a token and a repository; else none (the root action uses it too). */
export async function githubRecorder(
  environmentUrl: string | undefined
): Promise<DeploymentRecorder | undefined> {
  const token = process.env.GITHUB_TOKEN;
  const repository = process.env.GITHUB_REPOSITORY;
  if (!token || !repository) return undefined;
  const [owner, repo] = repository.split('/');
  const { createOctokit } = await import('../../github/octokit.js');
  const { GitHubDeploymentRecorder } = await import('../../github/deployments.js');
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runUrl = process.env.GITHUB_RUN_ID
    ? `${server}/${repository}/actions/runs/${process.env.GITHUB_RUN_ID}`
    : undefined;
  return new GitHubDeploymentRecorder(createOctokit({ token, baseUrl: process.env.GITHUB_API_URL }), {
    owner,
    repo,
    ref: process.env.GITHUB_SHA ?? process.env.GITHUB_REF ?? 'main',
    logUrl: runUrl,
    environmentUrl
  });
}
