import { loadOptionalConfig } from '../../config/load.js';
import { buildMonitorRequest } from '../../stages/monitor-request.js';
import { InputError } from '../../core/errors.js';
import type { RunContext } from '../../github/run-context.js';
import type { MonitorOptions, MonitorResult, MonitorTrigger } from '../../stages/monitor.js';
import { actionProgress, actionsCore, runAction, type ActionReport } from '../toolkit.js';
import { readMonitorInputs, type MonitorActionInputs } from './inputs.js';

/**
 * The monitor action: runs the monitor stage with the inputs laid over mlci.yml, then sets the outputs
 * and the job summary from its report. Drift or degradation fails the step (exit 1) unless
 * `fail-on-drift` is false; a dispatch GitHub refused is exit 2, after the report was published.
 */
export async function run(): Promise<void> {
  let options: MonitorOptions | undefined;
  await runAction(
    async () => {
      const inputs = readMonitorInputs();
      options = await monitorOptions(inputs);
      const { runMonitor } = await import('../../stages/monitor.js');
      const result = await runMonitor(options);
      const report = monitorReport(result, inputs.out);
      if (result.exitCode === 0) return report;
      const message = `mlci monitor: ${result.report.verdict} — ${result.report.reason}`;
      if (inputs.failOnDrift) return { ...report, failure: message };
      (await actionsCore()).warning(message);
      return report;
    },
    {
      onError: async (error) => {
        const { MonitorDispatchError } = await import('../../stages/monitor.js');
        return error instanceof MonitorDispatchError ? monitorReport(error.result, options?.out) : null;
      }
    }
  );
}

function monitorReport(result: MonitorResult, out: string | undefined): ActionReport {
  const { report } = result;
  return {
    outputFolder: out,
    outputs: {
      verdict: report.verdict,
      reason: report.reason,
      'drifted-columns': report.drifted_columns.join(','),
      dispatched: String(report.trigger.sent === true)
    },
    summary: result.markdown
  };
}

/** The monitor stage's options: the request built from the inputs and mlci.yml, with GitHub's dispatcher. */
async function monitorOptions(inputs: MonitorActionInputs): Promise<MonitorOptions> {
  const config = await loadOptionalConfig(inputs.config);
  const request = buildMonitorRequest(inputs, config);
  const { openRegistry } = await import('../../stages/register.js');
  const { loadRunContext } = await import('../../github/run-context.js');
  const context = await loadRunContext(process.env.GITHUB_TOKEN ?? '');
  const trigger: MonitorTrigger = { ...request.trigger, reportUrl: context?.runUrl ?? undefined };
  return {
    ...request,
    registry: await openRegistry(request.registry),
    trigger: trigger.kind === 'none' || request.dryRun ? trigger : await withDispatch(trigger, context),
    progress: actionProgress
  };
}

/** The trigger with GitHub's dispatch behind it; the job must give a token and a repository. */
async function withDispatch(trigger: MonitorTrigger, context: RunContext | null): Promise<MonitorTrigger> {
  if (!context?.token)
    throw new InputError(
      `trigger ${trigger.kind} needs a token (input "token": actions: write for workflow_dispatch, contents: write for repository_dispatch); dry-run decides without one`
    );
  const { githubClient } = await import('../../github/octokit.js');
  const { githubDispatcher } = await import('../../github/dispatch.js');
  return { ...trigger, dispatch: githubDispatcher(githubClient(context), context.owner, context.repo) };
}
