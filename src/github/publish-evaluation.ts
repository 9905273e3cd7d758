import { describeError } from '../core/errors.js';
import type { EvaluationJson } from '../evaluation/types.js';
import { createVerdictCheckRun } from './check-run.js';
import { githubClient, type MlciOctokit } from './octokit.js';
import { upsertStickyComment } from './pr-comment.js';
import type { RunContext } from './run-context.js';

/** Where a publication's messages go (the action kit's log in an action). */
export interface PublishLog {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}

/** What to publish about one evaluation, and where. */
export interface PublishEvaluationOptions {
  context: RunContext;
  evaluation: EvaluationJson;
  /** The report, as the job summary shows it. */
  markdown: string;
  /** Post or update the sticky PR comment (only on a pull request). */
  comment: boolean;
  /** Create a check run on the head commit whose conclusion is the verdict. */
  checkRun: boolean;
  log: PublishLog;
  /** A client to use instead of one made from the context's token. */
  octokit?: MlciOctokit;
}

/** What was published. */
export interface PublishEvaluationResult {
  commentId: number | null;
}

/**
 * Posts the sticky PR comment and the verdict check run. A publication that fails is a warning,
 * never an error: the verdict, not the mailman, decides the job.
 */
export async function publishEvaluation(options: PublishEvaluationOptions): Promise<PublishEvaluationResult> {
  const { context, evaluation, log } = options;
  const octokit = options.octokit ?? githubClient(context);
  const model = evaluation.model_name ?? 'model';
  let commentId: number | null = null;
  if (options.comment && context.pullNumber !== null) {
    const pullNumber = context.pullNumber;
    await warnOnFailure(log, 'could not post the PR comment', async () => {
      const res = await upsertStickyComment({
        octokit,
        owner: context.owner,
        repo: context.repo,
        issueNumber: pullNumber,
        key: `${context.workflow}/${model}`,
        body: options.markdown,
        runLabel: context.headSha.slice(0, 7)
      });
      if (res.action === 'skipped') log.notice(`no PR comment: ${res.reason}`);
      else log.info(`PR comment ${res.action}: ${res.url ?? res.id}`);
      commentId = res.id ?? null;
    });
  }
  if (options.checkRun && context.headSha) {
    await warnOnFailure(log, 'could not create the check run', async () => {
      const res = await createVerdictCheckRun({
        octokit,
        owner: context.owner,
        repo: context.repo,
        headSha: context.headSha,
        name: `mlci evaluate (${model})`,
        verdict: evaluation.verdict,
        rubberStamp: evaluation.rubber_stamp,
        summary: evaluation.summary,
        report: options.markdown,
        detailsUrl: context.runUrl ?? undefined
      });
      if (res.action === 'skipped') log.notice(`no check run: ${res.reason}`);
    });
  }
  return { commentId };
}

// A publication is a report of work already done: its failure is a warning, never the job's failure.
async function warnOnFailure(
  log: { warning(message: string): void },
  what: string,
  work: () => Promise<void>
): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.warning(`${what}: ${describeError(error)}`);
  }
}
