import type { components } from '@octokit/openapi-types';
import { nodeId, type EmulatorContext } from '../context.js';
import { notFound, ok } from '../http.js';
import type { Router } from '../router.js';

/** GitHub's repository JSON (as embedded in pull requests). */
export type Repository = components['schemas']['repository'];
/** GitHub's minimal repository JSON (as embedded in workflow runs). */
export type MinimalRepository = components['schemas']['minimal-repository'];

/** The repository object for `owner/name` (the emulated repository or a fork of it). */
export function repositoryJson(emu: EmulatorContext, owner: string, name: string, id: number): Repository {
  const api = `${emu.baseUrl}/repos/${owner}/${name}`;
  const html = `${emu.baseUrl}/${owner}/${name}`;
  const isFork = owner !== emu.state.owner || name !== emu.state.repo;
  const created = '2026-01-01T00:00:00Z';
  return {
    id,
    node_id: nodeId('R', id),
    name,
    full_name: `${owner}/${name}`,
    private: false,
    owner: emu.user(owner),
    html_url: html,
    description: null,
    fork: isFork,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: created,
    updated_at: created,
    pushed_at: created,
    git_url: `git://127.0.0.1/${owner}/${name}.git`,
    ssh_url: `git@127.0.0.1:${owner}/${name}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: 'Python',
    has_issues: true,
    has_projects: false,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: emu.state.issues.filter((i) => i.state === 'open').length,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: 'public',
    forks: 0,
    open_issues: emu.state.issues.filter((i) => i.state === 'open').length,
    watchers: 0,
    default_branch: emu.state.defaultBranch
  };
}

/** The emulated repository's own object. */
export function ownRepositoryJson(emu: EmulatorContext): Repository {
  return repositoryJson(emu, emu.state.owner, emu.state.repo, emu.state.repoId);
}

/** Registers `GET /repos/{owner}/{repo}` (the repository subset of GitHub's full-repository answer). */
export function registerRepository(router: Router): void {
  router.add('GET /repos/{owner}/{repo}', { access: 'read' }, (ctx) => {
    if (!ctx.emu.state.repo) throw notFound();
    return ok(ownRepositoryJson(ctx.emu));
  });
}
