import type { DeploymentRecorder } from '../deploy/recorder.js';
import { githubClient, type MlciOctokit } from './octokit.js';
import type { RunContext } from './run-context.js';

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

/** GitHub limits a deployment status description to 140 characters. */
const MAX_DESCRIPTION = 140;

/**
 * Records each rollout as a GitHub Deployment of the alias' environment (e.g. `production`) with a
 * status per step: in_progress while steps run, success when promoted, failure when rolled back,
 * queued while paused on an inconclusive analysis.
 */
export class GitHubDeploymentRecorder implements DeploymentRecorder {
  private id: number | undefined;
  private environment = 'production';

  constructor(
    private readonly octokit: MlciOctokit,
    private readonly target: DeploymentTarget
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
    this.id = (response.data as { id: number }).id;
    await this.update('queued', `canary ${info.model}@v${info.version} starting`);
  }

  async update(state: 'in_progress' | 'queued' | 'success' | 'failure', description: string): Promise<void> {
    if (this.id === undefined) return;
    await this.octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner: this.target.owner,
      repo: this.target.repo,
      deployment_id: this.id,
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

function clip(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}

/** The GitHub Deployment recorder of a run, or none when the job has no token to record with. */
export function githubRecorder(
  context: RunContext | null,
  environmentUrl: string | undefined
): DeploymentRecorder | undefined {
  if (!context || !context.token) return undefined;
  return new GitHubDeploymentRecorder(githubClient(context), {
    owner: context.owner,
    repo: context.repo,
    ref: context.ref,
    logUrl: context.runUrl ?? undefined,
    environmentUrl
  });
}
