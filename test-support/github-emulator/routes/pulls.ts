import type { components } from '@octokit/openapi-types';
import { nodeId, type EmulatorContext } from '../context.js';
import { notFound, numericParam, ok, type RequestContext } from '../http.js';
import { paginate } from '../pagination.js';
import type { Router } from '../router.js';
import type { StoredPull } from '../state.js';
import { repositoryJson, type Repository } from './repository.js';

/** GitHub's pull request JSON (single). */
export type PullRequest = components['schemas']['pull-request'];
/** GitHub's pull request JSON (in lists). */
export type PullRequestSimple = components['schemas']['pull-request-simple'];

function headRepo(emu: EmulatorContext, p: StoredPull): Repository {
  return p.fork
    ? repositoryJson(emu, p.head_owner, emu.state.repo, emu.state.repoId + 1)
    : repositoryJson(emu, emu.state.owner, emu.state.repo, emu.state.repoId);
}

/** The list form of a pull request. */
export function pullSimpleJson(emu: EmulatorContext, p: StoredPull): PullRequestSimple {
  const api = `${emu.repoUrl()}/pulls/${p.number}`;
  const html = `${emu.htmlRepoUrl()}/pull/${p.number}`;
  const issue = `${emu.repoUrl()}/issues/${p.number}`;
  const statuses = `${emu.repoUrl()}/statuses/${p.head_sha}`;
  const baseRepo = repositoryJson(emu, emu.state.owner, emu.state.repo, emu.state.repoId);
  return {
    url: api,
    id: p.id,
    node_id: nodeId('PR', p.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: emu.user(p.user),
    body: p.body,
    created_at: p.created_at,
    updated_at: p.updated_at,
    closed_at: p.state === 'closed' ? p.updated_at : null,
    merged_at: p.merged ? p.updated_at : null,
    merge_commit_sha: p.merge_commit_sha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: [],
    milestone: null,
    draft: false,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${emu.repoUrl()}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: statuses,
    head: {
      label: `${p.head_owner}:${p.head_ref}`,
      ref: p.head_ref,
      sha: p.head_sha,
      user: emu.user(p.head_owner),
      repo: headRepo(emu, p)
    },
    base: {
      label: `${emu.state.owner}:${p.base_ref}`,
      ref: p.base_ref,
      sha: p.base_sha,
      user: emu.user(emu.state.owner),
      repo: baseRepo
    },
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issue },
      comments: { href: `${issue}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${emu.repoUrl()}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: statuses }
    },
    author_association: p.fork ? 'FIRST_TIME_CONTRIBUTOR' : 'MEMBER',
    auto_merge: null,
    active_lock_reason: null
  };
}

/** The single form of a pull request. */
export function pullJson(emu: EmulatorContext, p: StoredPull): PullRequest {
  const simple = pullSimpleJson(emu, p);
  return {
    ...simple,
    state: p.state,
    user: emu.user(p.user),
    head: { ...simple.head, user: emu.user(p.head_owner) },
    base: { ...simple.base, user: emu.user(emu.state.owner) },
    labels: [],
    merged: p.merged,
    mergeable: p.state === 'open' ? true : null,
    rebaseable: p.state === 'open' ? true : null,
    mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
    merged_by: null,
    comments: emu.state.comments.filter((c) => c.issue_number === p.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0
  };
}

function listReply(ctx: RequestContext, pulls: StoredPull[]) {
  const page = paginate(ctx, pulls);
  return { status: 200, body: page.items.map((p) => pullSimpleJson(ctx.emu, p)), headers: page.headers };
}

/** Registers pull request reads. */
export function registerPulls(router: Router): void {
  router.add('GET /repos/{owner}/{repo}/pulls', { access: 'read' }, (ctx) => {
    const state = ctx.query.get('state') ?? 'open';
    const head = ctx.query.get('head');
    const base = ctx.query.get('base');
    const pulls = ctx.emu.state.pulls
      .filter((p) => state === 'all' || p.state === state)
      .filter((p) => !head || `${p.head_owner}:${p.head_ref}` === head)
      .filter((p) => !base || p.base_ref === base)
      .sort((a, b) => b.number - a.number);
    return listReply(ctx, pulls);
  });

  router.add('GET /repos/{owner}/{repo}/pulls/{pull_number}', { access: 'read' }, (ctx) => {
    const pull = ctx.emu.state.pulls.find((p) => p.number === numericParam(ctx, 'pull_number'));
    if (!pull) throw notFound();
    return ok(pullJson(ctx.emu, pull));
  });

  // Pull requests whose head is the commit, or that were merged as it.
  router.add('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { access: 'read' }, (ctx) => {
    const sha = ctx.params.commit_sha;
    const pulls = ctx.emu.state.pulls
      .filter((p) => p.head_sha === sha || p.merge_commit_sha === sha)
      .sort((a, b) => b.number - a.number);
    return listReply(ctx, pulls);
  });
}
