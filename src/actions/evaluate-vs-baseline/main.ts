import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError, InputError } from '../../core/errors.js';
import { writeJsonAtomic } from '../../core/files.js';
import { sanitizeEvaluation } from '../../evaluation/sanitize.js';
import { renderEvaluationMarkdown } from '../../report/evaluation-md.js';
import type { ArtifactBaseline } from '../../evaluation/baseline.js';
import { loadOptionalConfig } from '../../config/load.js';
import type { RunContext } from '../../github/run-context.js';
import { buildEvaluateRequest } from '../../stages/evaluate-options.js';
import { actionLog, actionProgress, actionsCore, logLine, runAction, type ActionReport } from '../toolkit.js';
import { readEvaluateInputs, type EvaluateActionInputs } from './inputs.js';

/** The evaluate-vs-baseline action: evaluate, then report to the job summary, the PR comment and a check run. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readEvaluateInputs();
    const { loadRunContext } = await import('../../github/run-context.js');
    const context = await loadRunContext(inputs.token);
    if (inputs.publishFrom) return publishFrom(inputs, context);
    const config = await loadOptionalConfig(inputs.config);
    const request = await buildEvaluateRequest(inputs.flags, config);
    if (context?.token && !request.baseline)
      request.artifactBaseline = () => artifactBaseline(inputs, context);
    const { evaluate } = await import('../../stages/evaluate.js');
    const result = await evaluate({ ...request, progress: actionProgress });
    const e = result.evaluation;
    logLine(e.summary);
    if (request.out) {
      const link = await writeHtmlReport(request.out, result.evaluation, inputs.flags.validation);
      if (link) result.markdown += reportLinkLine(inputs.artifactName, context?.runUrl ?? null);
    }
    // The workflow_run poster of a fork's pull request learns the PR from here (and checks it against the API).
    if (context?.pullNumber && request.out) {
      await writeJsonAtomic(join(request.out, 'pull-request.json'), {
        number: context.pullNumber,
        head_sha: context.headSha
      });
    }
    const outputs: Record<string, string> = {
      verdict: e.verdict,
      'rubber-stamp': String(e.rubber_stamp),
      report: result.files.find((f) => f.endsWith('.md')) ?? '',
      evaluation: result.files.find((f) => f.endsWith('.json')) ?? ''
    };
    if (context?.token) {
      const { publishEvaluation } = await import('../../github/publish-evaluation.js');
      const published = await publishEvaluation({
        context,
        evaluation: e,
        markdown: result.markdown,
        comment: inputs.comment,
        checkRun: inputs.checkRun,
        log: await actionLog()
      });
      if (published.commentId) outputs['comment-id'] = String(published.commentId);
    }
    return {
      outputFolder: request.out,
      outputs,
      summary: result.markdown,
      failure: e.verdict === 'fail' && inputs.failOnGate ? e.summary : undefined
    };
  });
}

/**
 * Publish-only mode, for the workflow_run poster of fork pull requests: the folder is an artifact of
 * an untrusted run, so it is read as data only: evaluation.json is sanitised and re-rendered (its
 * evaluation.md is ignored), and the pull request it names must have the head SHA that run tested.
 */
async function publishFrom(inputs: EvaluateActionInputs, context: RunContext | null): Promise<ActionReport> {
  if (!context || !context.token) throw new InputError('publish-from needs GITHUB_REPOSITORY and a token');
  const { githubClient } = await import('../../github/octokit.js');
  const octokit = githubClient(context);
  let files: Map<string, Uint8Array> | null = null;
  if (inputs.publishFromRun) {
    const runId = Number(inputs.publishFromRun);
    if (!Number.isInteger(runId) || runId <= 0)
      throw new InputError(`publish-from-run: "${inputs.publishFromRun}" is not a run id`);
    const { downloadRunArtifact } = await import('../../github/baseline-artifact.js');
    files = await downloadRunArtifact(octokit, context.owner, context.repo, runId, inputs.artifactName);
    if (!files)
      throw new InputError(
        `publish-from-run: run ${runId} has no unexpired artifact "${inputs.artifactName}"`
      );
  }
  const where = inputs.publishFromRun
    ? `artifact ${inputs.artifactName} of run ${inputs.publishFromRun}`
    : inputs.publishFrom;
  const readJson = async (file: string): Promise<unknown> => {
    try {
      const bytes = files ? files.get(file) : await readFile(join(inputs.publishFrom, file));
      if (!bytes) throw new Error('missing');
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw new InputError(`publish-from: cannot read ${file} in ${where} (${describeError(error)})`);
    }
  };
  const evaluation = sanitizeEvaluation(await readJson('evaluation.json'));
  const pr = (await readJson('pull-request.json')) as { number?: unknown };
  const number = Number(pr.number);
  if (!Number.isInteger(number) || number <= 0)
    throw new InputError('publish-from: pull-request.json has no valid number');
  const live = await octokit.rest.pulls.get({
    owner: context.owner,
    repo: context.repo,
    pull_number: number
  });
  const headSha = live.data.head.sha;
  if (!inputs.expectedHeadSha || headSha !== inputs.expectedHeadSha) {
    throw new InputError(
      `publish-from: pull request #${number} is at ${headSha}, not at the tested commit ${inputs.expectedHeadSha || '(expected-head-sha not given)'}; nothing posted`
    );
  }
  const workflow = inputs.workflow
    ? (inputs.workflow.split('/').pop() ?? context.workflow)
    : context.workflow;
  const { publishEvaluation } = await import('../../github/publish-evaluation.js');
  const published = await publishEvaluation({
    context: { ...context, workflow, pullNumber: number, headSha },
    evaluation,
    markdown: renderEvaluationMarkdown(evaluation),
    comment: inputs.comment,
    checkRun: inputs.checkRun,
    octokit,
    log: await actionLog()
  });
  return {
    outputs: {
      verdict: evaluation.verdict,
      ...(published.commentId ? { 'comment-id': String(published.commentId) } : {})
    }
  };
}

async function artifactBaseline(
  inputs: EvaluateActionInputs,
  context: RunContext
): Promise<ArtifactBaseline | null> {
  const { findBaselineArtifact } = await import('../../github/baseline-artifact.js');
  const { githubClient } = await import('../../github/octokit.js');
  try {
    return await findBaselineArtifact({
      octokit: githubClient(context),
      owner: context.owner,
      repo: context.repo,
      artifactName: inputs.baselineArtifact,
      workflow: inputs.baselineWorkflow || undefined,
      branch: inputs.baselineBranch
    });
  } catch (error) {
    logLine(
      `warning: could not look for a baseline artifact (${describeError(error)}); continuing without one`
    );
    return null;
  }
}

/**
 * Writes report.html beside evaluation.json so the action's upload step ships it with the artifact;
 * a report that cannot be built is a warning, never a failed job.
 */
async function writeHtmlReport(out: string, evaluation: unknown, validationFile?: string): Promise<boolean> {
  try {
    const { writeReport } = await import('../../report/html/index.js');
    const { readValidationFiles } = await import('../../report/html/files.js');
    // validation.json with the reference and current statistics beside it, for the overlays.
    const validation = validationFile ? await readValidationFiles(validationFile) : undefined;
    const written = await writeReport({ evaluation, ...validation }, out);
    logLine(`wrote ${written.path} (${written.charts} charts, ${(written.bytes / 1024).toFixed(0)} KiB)`);
    return true;
  } catch (error) {
    (await actionsCore()).warning(`could not build report.html: ${describeError(error)}`);
    return false;
  }
}

/** The line of the comment and summary that points at the charts in the uploaded artifact. */
export function reportLinkLine(artifactName: string, runUrl: string | null): string {
  const where = runUrl ? `[this run's artifacts](${runUrl}#artifacts)` : "this run's artifacts";
  return `\n\n📊 Charts (ROC, precision–recall, calibration, slices, drift): the \`report.html\` artifact of ${where} opens in the browser; it is also in the \`${escapeCode(artifactName)}\` artifact.\n`;
}

function escapeCode(text: string): string {
  return text.replace(/[`\n\r]/g, '');
}
