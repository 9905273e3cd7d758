import { resolve } from 'node:path';
import { loadOptionalConfig } from '../../config/load.js';
import { pauseWarning, resumeInstruction, rolloutMarkdown } from '../../deploy/report.js';
import { loadRunContext } from '../../github/run-context.js';
import { deployCanary } from '../../stages/deploy.js';
import { buildDeployRequest } from '../../stages/deploy-request.js';
import { actionProgress, actionsCore, runAction } from '../toolkit.js';
import { readDeployCanaryInputs } from './inputs.js';

/**
 * The deploy-canary action: rolls the version out, records a GitHub Deployment with a status per
 * step, moves the alias on success, and fails the step (exit 1) when the canary was rolled back.
 * A GitHub Deployment that cannot be recorded is a warning, never a failure.
 * A pause (inconclusive analysis) is not a failure (exit 0): `status: paused`, the reason and the
 * resume instruction in the outputs, a warning annotation and the job summary say so, the deployment
 * stays queued, and a workflow_dispatch run with `resume: true` carries on.
 */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readDeployCanaryInputs();
    const config = await loadOptionalConfig(inputs.config);
    const out = resolve(inputs.out);
    const request = await buildDeployRequest({ ...inputs, out }, config, { configPath: inputs.config });
    const { model, version } = request;
    const context = await loadRunContext(process.env.GITHUB_TOKEN ?? '');
    const { githubRecorder } = await import('../../github/deployments.js');
    // What GitHub would not record is a warning: the rollout, its outputs and files stand regardless.
    const warn = async (message: string) =>
      (await actionsCore()).warning(message, { title: 'deployment not recorded' });
    const result = await deployCanary({
      ...request,
      recorder: githubRecorder(context, inputs.environmentUrl ?? request.server, warn),
      by: context?.actor ? `${context.actor} (deploy-canary)` : undefined,
      progress: actionProgress
    });
    const { report } = result;
    const outcome = report.outcome.replace('_', '-');
    const resume = report.outcome === 'paused' ? resumeInstruction(model, version, 'action') : '';
    if (resume)
      (await actionsCore()).warning(pauseWarning(model, report, resume), { title: 'canary paused' });
    const aliasLine = result.alias
      ? `Alias \`${request.alias}\` moved to v${result.alias.to}.`
      : `Alias \`${request.alias}\` left where it was.`;
    return {
      outputFolder: out,
      outputs: {
        status: outcome,
        outcome,
        reason: report.reason,
        resume,
        version: String(report.version),
        stable: String(result.alias ? result.alias.to : report.stable)
      },
      summary: `${result.loadTest ? `${result.loadTest.markdown}\n` : ''}${rolloutMarkdown(model, report, result.target, aliasLine, resume || undefined)}`,
      failure:
        report.outcome === 'rolled_back'
          ? `canary ${model}@v${version} rolled back: ${report.reason}`
          : undefined
    };
  });
}
