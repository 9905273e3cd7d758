import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { configFileOr } from '../../config/default-file.js';
import type { EvaluationJson } from '../../evaluation/types.js';
import { buildPipelineRequest, parseParams } from '../../stages/pipeline-request.js';
import { actionBooleanInput, actionInput } from '../inputs.js';
import { actionLog, actionProgress, logLine, runAction } from '../toolkit.js';

/**
 * The root action: runs the stages mlci.yml configures (a pull request stops after evaluate), writes
 * pipeline.md to the job summary and, on a pull request, the evaluation as the sticky comment and check run.
 */
export async function run(): Promise<void> {
  await runAction(async () => {
    const configPath = configFileOr(actionInput('config'));
    const config = await loadConfig(configPath);
    logLine(`mlci pipeline: ${configPath} is valid (model ${config.model.name}, task ${config.model.task})`);
    // Loaded after the first line: @actions/github and the GitHub adapters stay out of the start-up.
    const { loadRunContext } = await import('../../github/run-context.js');
    const context = await loadRunContext(actionInput('token') || process.env.GITHUB_TOKEN || '');
    const untilInput = actionInput('until');
    const request = buildPipelineRequest(
      {
        stages: actionInput('stages') || undefined,
        // Registering or deploying from a pull request would publish unreviewed code.
        until: untilInput || (context?.pullNumber ? 'evaluate' : undefined),
        registry: actionInput('registry') || undefined,
        set: parseParams(actionInput('params')),
        force: actionBooleanInput('force', false),
        out: actionInput('out', { fallback: 'mlci-out' })
      },
      config,
      configPath
    );
    const { out } = request;
    const { runPipeline, STAGES } = await import('../../stages/pipeline.js');
    const { githubRecorder } = await import('../../github/deployments.js');
    const result = await runPipeline({
      ...request,
      by: context?.actor ?? undefined,
      recorder: githubRecorder(context, undefined),
      progress: actionProgress,
      onOutput: (text) => process.stdout.write(text)
    });
    if (context?.token && result.evaluationMarkdown) {
      const evaluation = JSON.parse(
        await readFile(join(out, 'evaluate', 'evaluation.json'), 'utf8')
      ) as EvaluationJson;
      const { publishEvaluation } = await import('../../github/publish-evaluation.js');
      await publishEvaluation({
        context,
        evaluation,
        markdown: result.evaluationMarkdown,
        comment: actionBooleanInput('comment', true),
        checkRun: actionBooleanInput('check-run', true),
        log: await actionLog()
      });
    }
    const failed = result.stages.find((s) => s.status === 'fail');
    return {
      outputFolder: out,
      outputs: {
        verdict: result.verdict,
        version: result.version === null ? '' : String(result.version),
        production: result.production === null ? '' : String(result.production),
        stages: STAGES.filter((s) => result.stages.some((o) => o.stage === s && o.status !== 'skipped')).join(
          ','
        )
      },
      summary: await readFile(join(out, 'pipeline.md'), 'utf8'),
      failure:
        result.verdict === 'fail' ? `mlci pipeline: ${failed?.stage} failed — ${failed?.summary}` : undefined
    };
  });
}
