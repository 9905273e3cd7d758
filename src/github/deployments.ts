import type { DeploymentRecorder } from '../deploy/recorder.js';
import { githubClient, type MlciOctokit } from './octokit.js';
import { summariseGitHubError } from './release-errors.js';
import type { RunContext } from './run-context.js';

/** Where the recorder says what it could not record (a warning annotation in an action). */
export type RecorderWarning = (message: string) => void | Promise<void>;

/** The default: a warning annotation of the step (`::warning::`, escaped by @actions/core). */
const actionWarning: RecorderWarning = async (message) => (await import('@actions/core')).warning(message);

/** Where a rollout is recorded. */
export interface DeploymentTarget {
  owner: string;
  repo: string;
  /** The commit or ref being deployed (GITHUB_SHA in a workflow). */
  ref: string;
  /** Link to the workflow run, shown on every status. */
  logUrl?: string;
  /** Link to the serving endpoint, shown on the environment. */
  environmentUrl?: string;
}

/** The deployment states a rollout records. */
type DeploymentState = Parameters<DeploymentRecorder['update']>[0];

/** GitHub limits a deployment status description to 140 characters. */
const MAX_DESCRIPTION = 140;

/**
 * Records each rollout as a GitHub Deployment of the alias' environment (e.g. `production`) with a
 * status per step: in_progress while steps run, success when promoted, failure when rolled back,
 * queued while paused on an inconclusive analysis. The record is bookkeeping about work the rollout
 * does anyway: a call that still fails after the client's retries is a warning naming what was not
 * recorded, never an error, so it can neither block nor fail a rollout.
 */
export class GitHubDeploymentRecorder implements DeploymentRecorder {
  private id: number | undefined;
  private environment = 'production';
  /** The last status GitHub accepted: what the deployment shows when a later one is lost. */
  private shown: string | undefined;

  constructor(
    private readonly octokit: MlciOctokit,
    private readonly target: DeploymentTarget,
    private readonly warn: RecorderWarning = actionWarning
  ) {}

  /** The id of the deployment created by start(). */
  get deploymentId(): number | undefined {
    return this.id;
  }

  async start(info: {
    model: string;
    version: number;
    environment: string;
    description: string;
  }): Promise<void> {
    this.environment = info.environment;
    try {
      this.id = await this.create(info);
    } catch (error) {
      await this.warn(
        `no GitHub Deployment recorded for ${info.model}@v${info.version} in ${info.environment}: ` +
          `${summariseGitHubError(error)}${hint(error)}; the rollout goes on without one`
      );
      return;
    }
    await this.update('queued', `canary ${info.model}@v${info.version} starting`);
  }

  private async create(info: {
    model: string;
    version: number;
    environment: string;
    description: string;
  }): Promise<number> {
    const response = await this.octokit.request('POST /repos/{owner}/{repo}/deployments', {
      owner: this.target.owner,
      repo: this.target.repo,
      ref: this.target.ref,
      environment: info.environment,
      description: clip(info.description),
      task: 'deploy:canary',
      auto_merge: false,
      // The model was gated before it was registered; the commit's other checks do not apply here.
      required_contexts: [],
      payload: { tool: 'mlci', model: info.model, version: info.version },
      production_environment: info.environment === 'production',
      transient_environment: false
    });
    return (response.data as { id: number }).id;
  }

  async update(state: DeploymentState, description: string): Promise<void> {
    if (this.id === undefined) return;
    try {
      await this.post(this.id, state, description);
      this.shown = state;
    } catch (error) {
      await this.warn(
        `GitHub Deployment ${this.id} (${this.environment}): status "${state}" (${clip(description)}) ` +
          `not recorded: ${summariseGitHubError(error)}${hint(error)}; the deployment still shows ` +
          `${this.shown ? `"${this.shown}"` : 'no status'}, the rollout itself is unaffected`
      );
    }
  }

  private async post(id: number, state: DeploymentState, description: string): Promise<void> {
    await this.octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner: this.target.owner,
      repo: this.target.repo,
      deployment_id: id,
      state,
      description: clip(description),
      environment: this.environment,
      ...(this.target.logUrl ? { log_url: this.target.logUrl } : {}),
      ...(this.target.environmentUrl ? { environment_url: this.target.environmentUrl } : {}),
      // A success marks the environment's earlier deployments inactive, as GitHub shows one live deployment.
      auto_inactive: state === 'success'
    });
  }
}

/** What the user can do about a refused call; retries already covered GitHub's own failures. */
function hint(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 403 || status === 404) return ' (the job needs `permissions: deployments: write`)';
  if (typeof status === 'number' && status >= 500) return ' (GitHub kept failing after retries)';
  return '';
}

function clip(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}

/**
 * The GitHub Deployment recorder of a run, or none when the job has no token to record with; what
 * it cannot record goes to `warn` (default: the step's warning annotations).
 */
export function githubRecorder(
  context: RunContext | null,
  environmentUrl: string | undefined,
  warn?: RecorderWarning
): DeploymentRecorder | undefined {
  if (!context || !context.token) return undefined;
  return new GitHubDeploymentRecorder(
    githubClient(context),
    {
      owner: context.owner,
      repo: context.repo,
      ref: context.ref,
      logUrl: context.runUrl ?? undefined,
      environmentUrl
    },
    warn
  );
}
