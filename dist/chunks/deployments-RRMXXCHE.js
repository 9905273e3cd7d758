import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  summariseGitHubError
} from "./chunk-SYFUVE4V.js";
import {
  githubClient
} from "./chunk-E4VRRSWS.js";
import "./chunk-N2TVV43K.js";
import "./chunk-3U3CFE5T.js";
import "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/github/deployments.ts
var actionWarning = async (message) => (await import("./core-ZS36XE6S.js")).warning(message);
var MAX_DESCRIPTION = 140;
var GitHubDeploymentRecorder = class {
  constructor(octokit, target, warn = actionWarning) {
    this.octokit = octokit;
    this.target = target;
    this.warn = warn;
  }
  octokit;
  target;
  warn;
  id;
  environment = "production";
  /** The last status GitHub accepted: what the deployment shows when a later one is lost. */
  shown;
  /** The id of the deployment created by start(). */
  get deploymentId() {
    return this.id;
  }
  async start(info) {
    this.environment = info.environment;
    try {
      this.id = await this.create(info);
    } catch (error) {
      await this.warn(
        `no GitHub Deployment recorded for ${info.model}@v${info.version} in ${info.environment}: ${summariseGitHubError(error)}${hint(error)}; the rollout goes on without one`
      );
      return;
    }
    await this.update("queued", `canary ${info.model}@v${info.version} starting`);
  }
  async create(info) {
    const response = await this.octokit.request("POST /repos/{owner}/{repo}/deployments", {
      owner: this.target.owner,
      repo: this.target.repo,
      ref: this.target.ref,
      environment: info.environment,
      description: clip(info.description),
      task: "deploy:canary",
      auto_merge: false,
      // The model was gated before it was registered; the commit's other checks do not apply here.
      required_contexts: [],
      payload: { tool: "mlci", model: info.model, version: info.version },
      production_environment: info.environment === "production",
      transient_environment: false
    });
    return response.data.id;
  }
  async update(state, description) {
    if (this.id === void 0) return;
    try {
      await this.post(this.id, state, description);
      this.shown = state;
    } catch (error) {
      await this.warn(
        `GitHub Deployment ${this.id} (${this.environment}): status "${state}" (${clip(description)}) not recorded: ${summariseGitHubError(error)}${hint(error)}; the deployment still shows ${this.shown ? `"${this.shown}"` : "no status"}, the rollout itself is unaffected`
      );
    }
  }
  async post(id, state, description) {
    await this.octokit.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      owner: this.target.owner,
      repo: this.target.repo,
      deployment_id: id,
      state,
      description: clip(description),
      environment: this.environment,
      ...this.target.logUrl ? { log_url: this.target.logUrl } : {},
      ...this.target.environmentUrl ? { environment_url: this.target.environmentUrl } : {},
      // A success marks the environment's earlier deployments inactive, as GitHub shows one live deployment.
      auto_inactive: state === "success"
    });
  }
};
function hint(error) {
  const status = error?.status;
  if (status === 403 || status === 404) return " (the job needs `permissions: deployments: write`)";
  if (typeof status === "number" && status >= 500) return " (GitHub kept failing after retries)";
  return "";
}
function clip(text) {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}
function githubRecorder(context, environmentUrl, warn) {
  if (!context || !context.token) return void 0;
  return new GitHubDeploymentRecorder(
    githubClient(context),
    {
      owner: context.owner,
      repo: context.repo,
      ref: context.ref,
      logUrl: context.runUrl ?? void 0,
      environmentUrl
    },
    warn
  );
}
export {
  GitHubDeploymentRecorder,
  githubRecorder
};
