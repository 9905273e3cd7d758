import type { MlciOctokit } from './octokit.js';
import { truncateMarkdown } from '../report/markdown.js';

/** GitHub's limit on an issue comment body. */
export const MAX_COMMENT_CHARS = 65536;
/** Headroom under the limit for markers and the folding wrapper. */
const BUDGET = MAX_COMMENT_CHARS - 1024;

const CURRENT_START = '<!-- mlci:current:start -->';
const CURRENT_END = '<!-- mlci:current:end -->';

/** The hidden marker that identifies the sticky comment of one (workflow, model). */
export function commentMarker(key: string): string {
  return `<!-- mlci-evaluate:${encodeURIComponent(key)} -->`;
}

/** Where and what to post. */
export interface StickyCommentRequest {
  octokit: MlciOctokit;
  owner: string;
  repo: string;
  issueNumber: number;
  /** Identifies the comment: `${workflow}/${model}`. */
  key: string;
  /** The report (Markdown). */
  body: string;
  /** A label for this run, shown when it is folded on the next push (e.g. the commit). */
  runLabel?: string;
  /** The login the token writes as, when the caller knows it; otherwise found by `tokenLogin`. */
  author?: string;
}

/** What happened to the comment. */
export interface StickyCommentResult {
  action: 'created' | 'updated' | 'skipped';
  id?: number;
  url?: string;
  reason?: string;
}

/**
 * Builds the comment body: marker, the current report, and the previous run's report folded
 * under <details>, kept under GitHub's 65,536-character limit (the previous run goes first).
 */
export function composeCommentBody(
  key: string,
  report: string,
  previousBody: string | null,
  runLabel?: string
): string {
  const label = runLabel ? `<!-- mlci:run:${runLabel.replace(/-->/g, '')} -->\n` : '';
  const current = `${CURRENT_START}\n${label}${report.trim()}\n${CURRENT_END}`;
  let previous = '';
  if (previousBody) {
    const start = previousBody.indexOf(CURRENT_START);
    const end = previousBody.indexOf(CURRENT_END);
    if (start >= 0 && end > start) {
      const old = previousBody.slice(start + CURRENT_START.length, end).trim();
      const oldLabel = /<!-- mlci:run:(.*?) -->/.exec(old)?.[1];
      const content = old.replace(/<!-- mlci:run:.*? -->\n?/, '').replace(/<!--[\s\S]*?-->/g, '');
      previous = `\n\n<details><summary>Previous run${oldLabel ? ` (${oldLabel})` : ''}</summary>\n\n${content}\n\n</details>`;
    }
  }
  const marker = commentMarker(key);
  let body = `${marker}\n${current}${previous}`;
  if (body.length > BUDGET) body = `${marker}\n${current}`;
  if (body.length > BUDGET) {
    const trimmed = truncateMarkdown(
      report.trim(),
      BUDGET - marker.length - CURRENT_START.length - CURRENT_END.length - label.length - 8
    );
    body = `${marker}\n${CURRENT_START}\n${label}${trimmed}\n${CURRENT_END}`;
  }
  return body;
}

/** The author GitHub gives everything a workflow's GITHUB_TOKEN writes. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * The login a token writes as. A personal token's user answers `GET /user`; an installation token (a
 * workflow's GITHUB_TOKEN) is refused there (403), and writes as `github-actions[bot]`.
 */
export async function tokenLogin(octokit: MlciOctokit): Promise<string> {
  try {
    const res = await octokit.request('GET /user');
    return res.data.login;
  } catch (error) {
    const code = status(error);
    if (code !== undefined && code >= 400 && code < 500) return ACTIONS_BOT_LOGIN;
    throw error;
  }
}

function status(error: unknown): number | undefined {
  return typeof (error as { status?: unknown })?.status === 'number'
    ? (error as { status: number }).status
    : undefined;
}

/** A comment as the list answers it, with the fields that identify the sticky one. */
interface ListedComment {
  id: number;
  body?: string | null;
  user?: { login?: string } | null;
}

/**
 * Creates or updates the one sticky comment of (workflow, model) on a pull request: found by its
 * hidden marker among all comments (every page), updated in place on every push. Only a comment
 * the token itself wrote is ever updated: a person's comment quoting the marker is left alone (a
 * write token may edit anyone's comment). With a read-only token (a fork's pull request) it posts
 * nothing and reports why instead of failing.
 */
export async function upsertStickyComment(request: StickyCommentRequest): Promise<StickyCommentResult> {
  const { octokit, owner, repo, issueNumber, key } = request;
  const marker = commentMarker(key);
  const author = request.author ?? (await tokenLogin(octokit));
  const ours = (c: ListedComment) => c.user?.login === author && (c.body ?? '').startsWith(marker);
  let existing: ListedComment | undefined;
  for await (const page of octokit.paginate.iterator(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100
    }
  )) {
    existing = (page.data as ListedComment[]).find(ours);
    if (existing) break;
  }
  const body = composeCommentBody(key, request.body, existing?.body ?? null, request.runLabel);
  try {
    if (existing) {
      const res = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner,
        repo,
        comment_id: existing.id,
        body
      });
      return { action: 'updated', id: Number(res.data.id), url: res.data.html_url };
    }
    const res = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner,
      repo,
      issue_number: issueNumber,
      body
    });
    return { action: 'created', id: Number(res.data.id), url: res.data.html_url };
  } catch (error) {
    if (status(error) === 403 || status(error) === 404) {
      return {
        action: 'skipped',
        reason:
          'the token cannot write comments (a pull request from a fork gets a read-only token); ' +
          'the report is in the job summary and the artifact; see docs/fork-pull-requests.md to post it from workflow_run'
      };
    }
    throw error;
  }
}
