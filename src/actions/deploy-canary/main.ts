import { resolve } from 'node:path';
import { durationMs } from '../../config/duration.js';
import { loadOptionalConfig } from '../../config/load.js';
import { InputError } from '../../core/errors.js';
import { pauseWarning, resumeInstruction, rolloutMarkdown } from '../../deploy/report.js';
import { loadRunContext } from '../../github/run-context.js';
import { deployCanary, deploySettings } from '../../pipeline/deploy.js';
import { openRegistry } from '../../pipeline/register.js';
import { actionProgress, actionsCore, runAction } from '../toolkit.js';
import { readDeployCanaryInputs } from './inputs.js';

/**
 * The deploy-canary action: rolls the version out, records a GitHub Deployment with a status per
 * step, moves the alias on success, and fails the step (exit 1) when the canary was rolled back.
 * A pause (inconclusive analysis) is not a failure (exit 0): `status: paused`, the reason and the
 * resume instruction in the outputs, a warning annotation and the job summary say so, the deployment
 * stays queued, and a workflow_dispatch run with `resume: true` carries on.
 */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readDeployCanaryInputs();
    const config = await loadOptionalConfig(inputs.config);
    const model = inputs.model ?? config?.model.name;
    if (!model) throw new InputError('input "model" is empty and mlci.yml has no model.name');
    const registry = await openRegistry(inputs.registry);
    const context = await loadRunContext(process.env.GITHUB_TOKEN ?? '');
    const { githubRecorder } = await import('../../github/deployments.js');
    const settings = deploySettings(config?.deploy);
    const result = await deployCanary({
      model,
      version: inputs.version,
      target: inputs.target ?? (inputs.server ? 'server' : settings.target),
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
      recorder: githubRecorder(context, inputs.environmentUrl ?? inputs.server),
      by: context?.actor ? `${context.actor} (deploy-canary)` : undefined,
      progress: actionProgress
    });
    const { report } = result;
    const outcome = report.outcome.replace('_', '-');
    const resume = report.outcome === 'paused' ? resumeInstruction(model, inputs.version, 'action') : '';
    if (resume)
      (await actionsCore()).warning(pauseWarning(model, report, resume), { title: 'canary paused' });
    const aliasLine = result.alias
      ? `Alias \`${inputs.alias}\` moved to v${result.alias.to}.`
      : `Alias \`${inputs.alias}\` left where it was.`;
    return {
      outputFolder: resolve(inputs.out),
      outputs: {
        status: outcome,
        outcome,
        reason: report.reason,
        resume,
        version: String(report.version),
        stable: String(result.alias ? result.alias.to : report.stable)
      },
      summary: rolloutMarkdown(model, report, result.target, aliasLine, resume || undefined),
      failure:
        report.outcome === 'rolled_back'
          ? `canary ${model}@v${inputs.version} rolled back: ${report.reason}`
          : undefined
    };
  });
}
