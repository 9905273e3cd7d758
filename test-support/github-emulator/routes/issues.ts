import type { components } from '@octokit/openapi-types';
import { nodeId, type EmulatorContext } from '../context.js';
import {
  ApiError,
  created,
  noContent,
  notFound,
  numericParam,
  ok,
  optionalString,
  requireString,
  timestamp,
  validationFailed,
  type RequestContext
} from '../http.js';
import { paginate } from '../pagination.js';
import type { Router } from '../router.js';
import type { StoredComment, StoredIssue } from '../state.js';

/** GitHub's issue JSON. */
export type Issue = components['schemas']['issue'];
/** GitHub's issue comment JSON. */
export type IssueComment = components['schemas']['issue-comment'];

/** GitHub's limit on an issue or comment body. */
export const MAX_BODY_CHARS = 65536;

/** The JSON GitHub answers for an issue (pull requests carry a `pull_request` member). */
export function issueJson(emu: EmulatorContext, i: StoredIssue): Issue {
  const api = `${emu.repoUrl()}/issues/${i.number}`;
  const html = `${emu.htmlRepoUrl()}/${i.is_pull_request ? 'pull' : 'issues'}/${i.number}`;
  const pull = emu.state.pulls.find((p) => p.number === i.number);
  return {
    url: api,
    repository_url: emu.repoUrl(),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    id: i.id,
    node_id: nodeId('I', i.id),
    number: i.number,
    title: i.title,
    user: emu.user(i.user),
    labels: [],
    state: i.state,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: emu.state.comments.filter((c) => c.issue_number === i.number).length,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: null,
    author_association: 'CONTRIBUTOR',
    ...(i.is_pull_request
      ? {
          pull_request: {
            url: `${emu.repoUrl()}/pulls/${i.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: pull?.merged ? pull.updated_at : null
          }
        }
      : {}),
    body: i.body
  };
}

/** The JSON GitHub answers for an issue comment. */
export function commentJson(emu: EmulatorContext, c: StoredComment): IssueComment {
  const issue = emu.state.issues.find((i) => i.number === c.issue_number);
  const kind = issue?.is_pull_request ? 'pull' : 'issues';
  return {
    url: `${emu.repoUrl()}/issues/comments/${c.id}`,
    html_url: `${emu.htmlRepoUrl()}/${kind}/${c.issue_number}#issuecomment-${c.id}`,
    issue_url: `${emu.repoUrl()}/issues/${c.issue_number}`,
    id: c.id,
    node_id: nodeId('IC', c.id),
    user: emu.user(c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: 'NONE',
    body: c.body
  };
}

/** Adds an issue (or the issue half of a pull request) with the next free number. */
export function addIssue(
  emu: EmulatorContext,
  fields: { number?: number; title: string; body?: string | null; user: string; isPullRequest: boolean }
): StoredIssue {
  const issues = emu.state.issues;
  const number = fields.number ?? issues.reduce((n, i) => Math.max(n, i.number), 0) + 1;
  if (issues.some((i) => i.number === number))
    throw new Error(`issue or pull request #${number} already exists`);
  const now = timestamp();
  const issue: StoredIssue = {
    number,
    id: emu.nextId(),
    title: fields.title,
    body: fields.body ?? null,
    state: 'open',
    user: fields.user,
    created_at: now,
    updated_at: now,
    is_pull_request: fields.isPullRequest
  };
  issues.push(issue);
  return issue;
}

function checkBody(body: string): void {
  if (body.length > MAX_BODY_CHARS) {
    throw validationFailed({
      resource: 'IssueComment',
      code: 'custom',
      field: 'body',
      message: `body is too long (maximum is ${MAX_BODY_CHARS} characters)`
    });
  }
}

function findIssue(ctx: RequestContext): StoredIssue {
  const issue = ctx.emu.state.issues.find((i) => i.number === numericParam(ctx, 'issue_number'));
  if (!issue) throw notFound();
  return issue;
}

function findComment(ctx: RequestContext): StoredComment {
  const comment = ctx.emu.state.comments.find((c) => c.id === numericParam(ctx, 'comment_id'));
  if (!comment) throw notFound();
  return comment;
}

function filterSince(ctx: RequestContext, comments: StoredComment[]): StoredComment[] {
  const since = ctx.query.get('since');
  if (!since) return comments;
  const t = Date.parse(since);
  if (Number.isNaN(t)) throw new ApiError(422, 'Invalid value for since');
  return comments.filter((c) => Date.parse(c.updated_at) >= t);
}

/** Registers issues (list, get, create) and issue comments. */
export function registerIssues(router: Router): void {
  router.add('GET /repos/{owner}/{repo}/issues', { access: 'read' }, (ctx) => {
    const state = ctx.query.get('state') ?? 'open';
    const direction = ctx.query.get('direction') ?? 'desc';
    const all = ctx.emu.state.issues
      .filter((i) => state === 'all' || i.state === state)
      .sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number));
    const page = paginate(ctx, all);
    return { status: 200, body: page.items.map((i) => issueJson(ctx.emu, i)), headers: page.headers };
  });

  router.add('POST /repos/{owner}/{repo}/issues', { access: 'write' }, (ctx) => {
    const body = ctx.json();
    const title = requireString(body, 'title', 'Issue');
    const text = optionalString(body, 'body', 'Issue') ?? null;
    if (text !== null) checkBody(text);
    return created(
      issueJson(
        ctx.emu,
        addIssue(ctx.emu, { title, body: text, user: ctx.token!.login, isPullRequest: false })
      )
    );
  });

  router.add('GET /repos/{owner}/{repo}/issues/{issue_number}', { access: 'read' }, (ctx) =>
    ok(issueJson(ctx.emu, findIssue(ctx)))
  );

  router.add('GET /repos/{owner}/{repo}/issues/comments', { access: 'read' }, (ctx) => {
    const all = filterSince(
      ctx,
      [...ctx.emu.state.comments].sort((a, b) => a.id - b.id)
    );
    const page = paginate(ctx, all);
    return { status: 200, body: page.items.map((c) => commentJson(ctx.emu, c)), headers: page.headers };
  });

  router.add('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { access: 'read' }, (ctx) => {
    const issue = findIssue(ctx);
    const all = filterSince(
      ctx,
      ctx.emu.state.comments.filter((c) => c.issue_number === issue.number).sort((a, b) => a.id - b.id)
    );
    const page = paginate(ctx, all);
    return { status: 200, body: page.items.map((c) => commentJson(ctx.emu, c)), headers: page.headers };
  });

  router.add('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { access: 'write' }, (ctx) => {
    const issue = findIssue(ctx);
    const body = requireString(ctx.json(), 'body', 'IssueComment');
    checkBody(body);
    const now = timestamp();
    const comment: StoredComment = {
      id: ctx.emu.nextId(),
      issue_number: issue.number,
      body,
      user: ctx.token!.login,
      created_at: now,
      updated_at: now
    };
    ctx.emu.state.comments.push(comment);
    return created(commentJson(ctx.emu, comment));
  });

  router.add('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', { access: 'read' }, (ctx) =>
    ok(commentJson(ctx.emu, findComment(ctx)))
  );

  router.add('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { access: 'write' }, (ctx) => {
    const comment = findComment(ctx);
    const body = requireString(ctx.json(), 'body', 'IssueComment');
    checkBody(body);
    comment.body = body;
    comment.updated_at = timestamp();
    return ok(commentJson(ctx.emu, comment));
  });

  router.add('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { access: 'write' }, (ctx) => {
    const comment = findComment(ctx);
    ctx.emu.state.comments.splice(ctx.emu.state.comments.indexOf(comment), 1);
    return noContent();
  });
}
