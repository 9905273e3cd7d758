import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError, MlciError } from '../../core/errors.js';
import type { MonitorReport } from '../../monitor/types.js';
import { actionBooleanInput, actionInput } from '../inputs.js';
import { actionsCore, logLine, writeJobSummary } from '../toolkit.js';
import { monitorArguments } from './inputs.js';

/**
 * The monitor action: runs `mlci monitor` (the same command, flags from the inputs), then sets the
 * outputs and the job summary from monitor.json / monitor.md. Drift or degradation fails the step (exit 1)
 * unless `fail-on-drift` is false.
 */
export async function run(): Promise<void> {
  try {
    const out = actionInput('out', { fallback: 'mlci-out/monitor' });
    const args = monitorArguments(out);
    logLine(`mlci ${args.join(' ')}`);
    const { buildProgram } = await import('../../cli/program.js');
    await buildProgram().parseAsync(args, { from: 'user' });
    const code = Number(process.exitCode ?? 0);
    const core = await actionsCore();
    const report = await readFile(join(out, 'monitor.json'), 'utf8')
      .then((text) => JSON.parse(text) as MonitorReport)
      .catch(() => null);
    if (report) {
      core.setOutput('verdict', report.verdict);
      core.setOutput('reason', report.reason);
      core.setOutput('drifted-columns', report.drifted_columns.join(','));
      core.setOutput('dispatched', String(report.trigger.sent === true));
      const markdown = await readFile(join(out, 'monitor.md'), 'utf8').catch(() => '');
      await writeJobSummary(markdown);
    }
    if (code === 1 && report && !actionBooleanInput('fail-on-drift', true)) {
      core.warning(`mlci monitor: ${report.verdict} — ${report.reason}`);
      process.exitCode = 0;
      return;
    }
    if (code === 1 && report) core.setFailed(`mlci monitor: ${report.verdict} — ${report.reason}`);
    else if (code !== 0) core.setFailed('mlci monitor failed (see the message above)');
    process.exitCode = code;
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? error.message : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}
