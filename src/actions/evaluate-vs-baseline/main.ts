import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError, InputError, MlciError } from '../../core/errors.js';
import { writeJsonAtomic } from '../../core/files.js';
import { sanitizeEvaluation } from '../../model/evaluation-sanitize.js';
import { renderEvaluationMarkdown } from '../../report/evaluation-md.js';
import type { ArtifactBaseline } from '../../model/baseline.js';
import type { EvaluateResult } from '../../pipeline/evaluate.js';
import { loadOptionalConfig } from '../../config/load.js';
import { buildEvaluateRequest } from '../../pipeline/evaluate-options.js';
import { runContext, type RunContext } from '../run-context.js';
import { actionsCore, logLine, writeJobSummary } from '../toolkit.js';
import { readEvaluateInputs, type EvaluateActionInputs } from './inputs.js';

/** The evaluate-vs-baseline action: evaluate, then report to the job summary, the PR comment and a check run. */
export async function run(): Promise<void> {
  try {
    const inputs = readEvaluateInputs();
    const context = runContext();
    if (inputs.publishFrom) {
      await publishFrom(inputs, context);
      return;
    }
    const config = await loadOptionalConfig(inputs.config);
    const request = await buildEvaluateRequest(inputs.flags, config);
    if (context && inputs.token && !request.baseline)
      request.artifactBaseline = () => artifactBaseline(inputs, context);
    const { evaluate } = await import('../../pipeline/evaluate.js');
    const result = await evaluate({
      ...request,
      progress: { start: logLine, update() {}, finish: (m) => logLine(m ?? 'done'), info: logLine }
    });
    const core = await actionsCore();
    const e = result.evaluation;
    core.setOutput('verdict', e.verdict);
    core.setOutput('rubber-stamp', String(e.rubber_stamp));
    core.setOutput('report', result.files.find((f) => f.endsWith('.md')) ?? '');
    core.setOutput('evaluation', result.files.find((f) => f.endsWith('.json')) ?? '');
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
    // Reporting problems are warnings: the verdict, not the mailman, decides the job.
    await writeJobSummary(result.markdown);
    if (context && inputs.token) await publish(inputs, context, result, core);
    if (e.verdict === 'fail' && inputs.failOnGate) {
      core.setFailed(e.summary);
      process.exitCode = 1;
    }
  } catch (error) {
    const core = await actionsCore();
    core.setFailed(error instanceof MlciError ? error.message : describeError(error));
    process.exitCode = error instanceof MlciError ? error.exitCode : 2;
  }
}

/**
 * Publish-only mode, for the workflow_run poster of fork pull requests: the folder is an artifact of
 * an untrusted run, so it is read as data only: evaluation.json is sanitised and re-rendered (its
 * evaluation.md is ignored), and the pull request it names must have the head SHA that run tested.
 */
async function publishFrom(inputs: EvaluateActionInputs, context: RunContext | null): Promise<void> {
  if (!context || !inputs.token) throw new InputError('publish-from needs GITHUB_REPOSITORY and a token');
  const octokit = await client(inputs, context);
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
  const live = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
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
  const markdown = renderEvaluationMarkdown(evaluation);
  const core = await actionsCore();
  core.setOutput('verdict', evaluation.verdict);
  const workflow = inputs.workflow
    ? (inputs.workflow.split('/').pop() ?? context.workflow)
    : context.workflow;
  await publish(
    inputs,
    { ...context, workflow, pullNumber: number, headSha },
    { evaluation, markdown, files: [] },
    core
  );
}

async function client(inputs: Pick<EvaluateActionInputs, 'token'>, context: RunContext) {
  const { createOctokit } = await import('../../github/octokit.js');
  return createOctokit({ token: inputs.token, baseUrl: context.apiUrl });
}

async function artifactBaseline(
  inputs: EvaluateActionInputs,
  context: RunContext
): Promise<ArtifactBaseline | null> {
  const { findBaselineArtifact } = await import('../../github/baseline-artifact.js');
  try {
    return await findBaselineArtifact({
      octokit: await client(inputs, context),
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

/** Posts the sticky PR comment and the verdict check run; failures are warnings, never a failed job. */
export async function publish(
  inputs: Pick<EvaluateActionInputs, 'token' | 'comment' | 'checkRun'>,
  context: RunContext,
  result: EvaluateResult,
  core: typeof import('@actions/core')
): Promise<void> {
  const e = result.evaluation;
  const octokit = await client(inputs, context);
  const model = e.model_name ?? 'model';
  if (inputs.comment && context.pullNumber !== null) {
    const { upsertStickyComment } = await import('../../github/pr-comment.js');
    try {
      const res = await upsertStickyComment({
        octokit,
        owner: context.owner,
        repo: context.repo,
        issueNumber: context.pullNumber,
        key: `${context.workflow}/${model}`,
        body: result.markdown,
        runLabel: context.headSha.slice(0, 7)
      });
      if (res.action === 'skipped') core.notice(`no PR comment: ${res.reason}`);
      else logLine(`PR comment ${res.action}: ${res.url ?? res.id}`);
      if (res.id) core.setOutput('comment-id', String(res.id));
    } catch (error) {
      core.warning(`could not post the PR comment: ${describeError(error)}`);
    }
  }
  if (inputs.checkRun && context.headSha) {
    const { createVerdictCheckRun } = await import('../../github/check-run.js');
    try {
      const res = await createVerdictCheckRun({
        octokit,
        owner: context.owner,
        repo: context.repo,
        headSha: context.headSha,
        name: `mlci evaluate (${model})`,
        verdict: e.verdict,
        rubberStamp: e.rubber_stamp,
        summary: e.summary,
        report: result.markdown,
        detailsUrl: context.runUrl ?? undefined
      });
      if (res.action === 'skipped') core.notice(`no check run: ${res.reason}`);
    } catch (error) {
      core.warning(`could not create the check run: ${describeError(error)}`);
    }
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
  return `\n\n📊 Charts (ROC, precision–recall, calibration, slices, drift): \`report.html\` in the \`${escapeCode(artifactName)}\` artifact of ${where}.\n`;
}

function escapeCode(text: string): string {
  return text.replace(/[`\n\r]/g, '');
}
