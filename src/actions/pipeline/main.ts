import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { configFileOr } from '../../config/default-file.js';
import { InputError } from '../../core/errors.js';
import type { EvaluationJson } from '../../evaluation/types.js';
import { buildPipelineRequest } from '../../stages/pipeline-request.js';
import { parseParams } from '../../train/params.js';
import { PIPELINE_PARTS, type PartOptions, type PipelinePart } from '../../stages/pipeline-split.js';
import { actionBooleanInput, actionInput } from '../inputs.js';
import { actionLog, actionProgress, logLine, runAction, type ActionReport } from '../toolkit.js';

/** Which part of the run a step plays; action.yml sets it, one step per part. */
export const PART_VARIABLE = 'MLCI_PIPELINE_PART';
/** The folder the parts carry the run in: the first part's `run` output, given to the later steps. */
export const RUN_VARIABLE = 'MLCI_PIPELINE_RUN';

/** What the last part needs of the inputs, read and checked by the first. */
interface Settings {
  comment: boolean;
  checkRun: boolean;
}

/**
 * The root action: runs the stages mlci.yml configures (a pull request stops after evaluate), writes
 * pipeline.md to the job summary and, on a pull request, the evaluation as the sticky comment and check run.
 * action.yml runs it as three steps (MLCI_PIPELINE_PART): the training step gets no token, and the steps
 * that hold one have exited before the user's training code starts. Without the variable (a test, a
 * direct call) the three parts run one after the other in this process.
 */
export async function run(): Promise<void> {
  await runAction(async () => {
    const part = pipelinePart();
    if (part === 'training') {
      await trainingPart(runFolder());
      return {};
    }
    if (part === 'after-training') return afterTraining(runFolder());
    const dir = await beforeTraining();
    if (part === 'before-training') return { outputs: { run: dir } };
    try {
      await trainingPart(dir);
      return await afterTraining(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

function pipelinePart(): PipelinePart | null {
  const part = (process.env[PART_VARIABLE] ?? '').trim();
  if (part === '') return null;
  if (!(PIPELINE_PARTS as readonly string[]).includes(part))
    throw new InputError(`${PART_VARIABLE}: got "${part}", expected ${PIPELINE_PARTS.join(', ')}`);
  return part as PipelinePart;
}

function runFolder(): string {
  const dir = (process.env[RUN_VARIABLE] ?? '').trim();
  if (dir === '') throw new InputError(`${RUN_VARIABLE} is not set: the step before this one did not run`);
  return dir;
}

const token = () => actionInput('token') || process.env.GITHUB_TOKEN || '';
const onOutput = (text: string) => void process.stdout.write(text);

/** Reads and checks every input, then runs the stages before training; returns the run's folder. */
async function beforeTraining(): Promise<string> {
  const configPath = configFileOr(actionInput('config'));
  const config = await loadConfig(configPath);
  logLine(`mlci pipeline: ${configPath} is valid (model ${config.model.name}, task ${config.model.task})`);
  // Loaded after the first line: @actions/github and the GitHub adapters stay out of the start-up.
  const { loadRunContext } = await import('../../github/run-context.js');
  const context = await loadRunContext(token());
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
  const settings: Settings = {
    comment: actionBooleanInput('comment', true),
    checkRun: actionBooleanInput('check-run', true)
  };
  // Read by action.yml's upload steps only; checked here so a typo fails before any work.
  actionBooleanInput('upload-artifact', true);
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'mlci-pipeline-'));
  const { runBeforeTraining } = await import('../../stages/pipeline-split.js');
  await runBeforeTraining(request, { progress: actionProgress, onOutput }, dir, settings);
  return dir;
}

/** The training stage, in a step with no token; the registry is what the first part fetched. */
async function trainingPart(dir: string): Promise<void> {
  const { runTraining } = await import('../../stages/pipeline-split.js');
  const part: PartOptions = { progress: actionProgress, onOutput };
  await runTraining(part, dir);
}

/** The stages after training, the run's outputs and summary, and on a pull request the comment and check run. */
async function afterTraining(dir: string): Promise<ActionReport> {
  const { loadRunContext } = await import('../../github/run-context.js');
  const context = await loadRunContext(token());
  const { githubRecorder } = await import('../../github/deployments.js');
  const { runAfterTraining } = await import('../../stages/pipeline-split.js');
  const { STAGES } = await import('../../stages/pipeline.js');
  const { result, request, settings } = await runAfterTraining<Settings>(
    {
      by: context?.actor ?? undefined,
      recorder: githubRecorder(context, undefined),
      progress: actionProgress,
      onOutput
    },
    dir
  );
  await rm(dir, { recursive: true, force: true });
  const { out } = request;
  if (context?.token && result.evaluationMarkdown) {
    const evaluation = JSON.parse(
      await readFile(join(out, 'evaluate', 'evaluation.json'), 'utf8')
    ) as EvaluationJson;
    const { publishEvaluation } = await import('../../github/publish-evaluation.js');
    await publishEvaluation({
      context,
      evaluation,
      markdown: result.evaluationMarkdown,
      comment: settings.comment,
      checkRun: settings.checkRun,
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
}
