import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { describeError, MlciError } from '../../core/errors.js';
import type { EvaluationJson } from '../../model/evaluation-types.js';
import { parseStages, plannedStages, STAGES, type StageName } from '../../pipeline/pipeline.js';
import { runContext } from '../run-context.js';
import { actionBooleanInput, actionInput } from '../inputs.js';
import { actionsCore, logLine, writeJobSummary } from '../toolkit.js';

/**
 * The root action: runs the stages mlci.yml configures (a pull request stops after evaluate), writes
 * pipeline.md to the job summary and, on a pull request, the evaluation as the sticky comment and check run.
 */
export async function run(): Promise<void> {
  try {
    const configPath = actionInput('config', { fallback: 'mlci.yml' });
    const config = await loadConfig(configPath);
    logLine(`mlci pipeline: ${configPath} is valid (model ${config.model.name}, task ${config.model.task})`);
    const context = runContext();
    const stagesInput = actionInput('stages');
    const chosen = stagesInput ? parseStages(stagesInput, 'stages') : null;
    const skip = chosen ? plannedStages(config).filter((s) => !chosen.includes(s)) : [];
    const untilInput = actionInput('until');
    // Registering or deploying from a pull request would publish unreviewed code.
    const until: StageName | undefined = untilInput
      ? parseStages(untilInput, 'until')[0]
      : context?.pullNumber
        ? 'evaluate'
        : undefined;
    const token = actionInput('token') || process.env.GITHUB_TOKEN || '';
    const out = actionInput('out', { fallback: 'mlci-out' });
    const { runPipeline } = await import('../../pipeline/pipeline.js');
    const result = await runPipeline({
      config,
      configPath,
      out,
      until,
      skip,
      registry: actionInput('registry') || undefined,
      overrides: actionInput('params')
        .split(/[\n,]/)
        .map((p) => p.trim())
        .filter((p) => p !== ''),
      force: actionBooleanInput('force', false),
      by: process.env.GITHUB_ACTOR || undefined,
      // Loaded on use: the GitHub adapters stay out of the action's start-up.
      recorder: await (await import('../deploy-canary/main.js')).githubRecorder(undefined),
      progress: { start: logLine, update() {}, finish: (m) => m && logLine(m), info: logLine },
      onOutput: (text) => process.stdout.write(text)
    });
    const core = await actionsCore();
    core.setOutput('verdict', result.verdict);
    core.setOutput('version', result.version === null ? '' : String(result.version));
    core.setOutput('production', result.production === null ? '' : String(result.production));
    core.setOutput(
      'stages',
      STAGES.filter((s) => result.stages.some((o) => o.stage === s && o.status !== 'skipped')).join(',')
    );
    const markdown = await readFile(join(out, 'pipeline.md'), 'utf8');
    await writeJobSummary(markdown);
    if (context && token && result.evaluationMarkdown) {
      const evaluation = JSON.parse(
        await readFile(join(out, 'evaluate', 'evaluation.json'), 'utf8')
      ) as EvaluationJson;
      const { publish } = await import('../evaluate-vs-baseline/main.js');
      await publish(
        {
          token,
          comment: actionBooleanInput('comment', true),
          checkRun: actionBooleanInput('check-run', true)
        },
        context,
        { evaluation, markdown: result.evaluationMarkdown, files: [] },
        core
      );
    }
    if (result.verdict === 'fail') {
      const failed = result.stages.find((s) => s.status === 'fail');
      core.setFailed(`mlci pipeline: ${failed?.stage} failed — ${failed?.summary}`);
      process.exitCode = 1;
    }
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? error.message : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}
