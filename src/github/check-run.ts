import type { MlciOctokit } from './octokit.js';
import { escapeMarkdown, truncateMarkdown } from '../report/markdown.js';

/** GitHub's limit on a check run's output summary and text. */
export const MAX_CHECK_OUTPUT_CHARS = 65535;

/** How much of the verdict's one-line summary the check run shows. */
const MAX_CHECK_SUMMARY_CHARS = 1000;

/** The check run to create on the pull request's head commit. */
export interface VerdictCheckRun {
  octokit: MlciOctokit;
  owner: string;
  repo: string;
  headSha: string;
  /** Check name, e.g. `mlci evaluate (churn)`. */
  name: string;
  verdict: 'pass' | 'fail';
  rubberStamp: boolean;
  /** One line: the verdict's summary, as text (it holds data: slice values, a fork's strings); escaped here. */
  summary: string;
  /** The full report (Markdown). */
  report: string;
  detailsUrl?: string;
}

/** Whether it was created, or why not. */
export interface CheckRunResult {
  action: 'created' | 'skipped';
  id?: number;
  conclusion?: 'success' | 'failure';
  reason?: string;
}

/**
 * Creates a completed check run on the head SHA whose conclusion is the verdict (a rubber stamp
 * is a success and says so in its title). A read-only token is reported, not raised.
 */
export async function createVerdictCheckRun(check: VerdictCheckRun): Promise<CheckRunResult> {
  const conclusion = check.verdict === 'pass' ? 'success' : 'failure';
  const title =
    check.verdict === 'fail'
      ? 'Gates failed'
      : check.rubberStamp
        ? 'Passed as a rubber stamp (no baseline)'
        : 'All gates passed';
  try {
    const res = await check.octokit.request('POST /repos/{owner}/{repo}/check-runs', {
      owner: check.owner,
      repo: check.repo,
      name: check.name,
      head_sha: check.headSha,
      status: 'completed',
      conclusion,
      ...(check.detailsUrl ? { details_url: check.detailsUrl } : {}),
      output: {
        title,
        // GitHub renders the summary as Markdown under the base repository's name: links, images,
        // HTML and @mentions in it must stay text, as in the PR comment.
        summary: escapeMarkdown(check.summary, MAX_CHECK_SUMMARY_CHARS),
        text: truncateMarkdown(check.report, MAX_CHECK_OUTPUT_CHARS - 100)
      }
    });
    return { action: 'created', id: Number(res.data.id), conclusion };
  } catch (error) {
    const code = (error as { status?: number }).status;
    if (code === 403 || code === 404) {
      return {
        action: 'skipped',
        reason:
          'the token cannot create check runs (checks: write is needed; fork pull requests get a read-only token)'
      };
    }
    throw error;
  }
}
