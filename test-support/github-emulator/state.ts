/**
 * The emulator's stored state. Records use GitHub's field names so tests can assert on them directly
 * (`gh.state.releases[0].assets[0].name`); the JSON GitHub would answer is built from them per request.
 */

import type { Permissions } from './permissions.js';

/** Who a token authenticates as and what it may do. */
export interface TokenInfo {
  token: string;
  login: string;
  userId: number;
  userType: 'User' | 'Bot';
  /** `read` answers 403 "Resource not accessible by integration" on every write, as a fork PR's token. */
  permission: 'read' | 'write';
  /** Per-scope levels like a workflow's `permissions:` block; when set, scopes left out are `none`. */
  permissions?: Permissions;
  /**
   * An installation token (a workflow's GITHUB_TOKEN or a GitHub App's): it acts as a bot but is not a
   * user, so `GET /user` answers 403 "Resource not accessible by integration", as on GitHub.
   */
  installation?: boolean;
}

/** An issue (pull requests are issues too and share the numbering). */
export interface StoredIssue {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  user: string;
  created_at: string;
  updated_at: string;
  /** True when this issue is a pull request. */
  is_pull_request: boolean;
}

/** A comment on an issue or a pull request. */
export interface StoredComment {
  id: number;
  issue_number: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

/** A pull request (its issue half lives in `issues`). */
export interface StoredPull {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  head_sha: string;
  head_ref: string;
  base_ref: string;
  base_sha: string;
  /** The head lives in a fork (`{user}/{repo}`), as a fork pull request. */
  fork: boolean;
  head_owner: string;
  user: string;
  merged: boolean;
  merge_commit_sha: string | null;
  created_at: string;
  updated_at: string;
}

/** A release asset with its bytes. */
export interface StoredAsset {
  id: number;
  release_id: number;
  name: string;
  label: string | null;
  content_type: string;
  size: number;
  data: Buffer;
  uploader: string;
  download_count: number;
  created_at: string;
  updated_at: string;
}

/** A release; drafts have no tag until published. */
export interface StoredRelease {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: string;
  created_at: string;
  published_at: string | null;
  updated_at: string;
  assets: StoredAsset[];
  /** The `untagged-…` name GitHub uses in a draft's URLs. */
  untagged_name: string;
}

/** A git reference (`refs/heads/main`, `refs/tags/v1`). */
export interface StoredRef {
  ref: string;
  sha: string;
}

/** An annotated tag object. */
export interface StoredTag {
  sha: string;
  tag: string;
  message: string;
  object_sha: string;
  object_type: string;
  tagger: { name: string; email: string; date: string };
}

/** A check run. */
export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion:
    'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | null;
  details_url: string | null;
  external_id: string | null;
  started_at: string | null;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: unknown[] };
}

/** A workflow run, seeded by tests with `addWorkflowRun`. */
export interface StoredWorkflowRun {
  id: number;
  name: string;
  workflow_id: number;
  /** `.github/workflows/<file>` */
  path: string;
  head_branch: string;
  head_sha: string;
  event: string;
  status: string;
  conclusion: string | null;
  run_number: number;
  run_attempt: number;
  created_at: string;
  updated_at: string;
}

/** A workflow run's artifact with its zip bytes. */
export interface StoredArtifact {
  id: number;
  run_id: number;
  name: string;
  data: Buffer;
  expired: boolean;
  created_at: string;
  expires_at: string;
}

/** A deployment. */
export interface StoredDeployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  original_environment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  transient_environment: boolean;
  production_environment: boolean;
  creator: string;
  created_at: string;
  updated_at: string;
}

/** A deployment status. */
export interface StoredDeploymentStatus {
  id: number;
  deployment_id: number;
  state: 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress';
  description: string;
  environment: string;
  target_url: string;
  log_url: string;
  environment_url: string;
  creator: string;
  created_at: string;
  updated_at: string;
}

/** A recorded `workflow_dispatch`. */
export interface RecordedWorkflowDispatch {
  workflow_id: string;
  ref: string;
  inputs: Record<string, unknown>;
}

/** A recorded `repository_dispatch`. */
export interface RecordedRepositoryDispatch {
  event_type: string;
  client_payload: Record<string, unknown>;
}

/** One served request, for assertions on what the code under test called. */
export interface RequestLogEntry {
  method: string;
  /** Path without the query string, as sent. */
  path: string;
  query: string;
  /** The matched route in Octokit's notation (`GET /repos/{owner}/{repo}/releases`), or null. */
  route: string | null;
  status: number;
  /** The injected fault that answered, if any. */
  fault: string | null;
}

/** Everything the emulator stores, inspectable by tests. */
export interface EmulatorState {
  owner: string;
  repo: string;
  repoId: number;
  defaultBranch: string;
  issues: StoredIssue[];
  comments: StoredComment[];
  pulls: StoredPull[];
  releases: StoredRelease[];
  refs: StoredRef[];
  tags: StoredTag[];
  /** Commit graph: sha → parent shas; a ref update without force must be a descendant of the old sha. */
  commits: Map<string, string[]>;
  checkRuns: StoredCheckRun[];
  workflowRuns: StoredWorkflowRun[];
  artifacts: StoredArtifact[];
  deployments: StoredDeployment[];
  deploymentStatuses: StoredDeploymentStatus[];
  workflowDispatches: RecordedWorkflowDispatch[];
  repositoryDispatches: RecordedRepositoryDispatch[];
  requests: RequestLogEntry[];
}

/** A fresh state for one repository whose default branch points at `initialSha`. */
export function createState(owner: string, repo: string, repoId: number, initialSha: string): EmulatorState {
  return {
    owner,
    repo,
    repoId,
    defaultBranch: 'main',
    issues: [],
    comments: [],
    pulls: [],
    releases: [],
    refs: [{ ref: 'refs/heads/main', sha: initialSha }],
    tags: [],
    commits: new Map([[initialSha, []]]),
    checkRuns: [],
    workflowRuns: [],
    artifacts: [],
    deployments: [],
    deploymentStatuses: [],
    workflowDispatches: [],
    repositoryDispatches: [],
    requests: []
  };
}
