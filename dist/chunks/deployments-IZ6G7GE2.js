import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  githubClient
} from "./chunk-E4VRRSWS.js";
import "./chunk-N2TVV43K.js";
import "./chunk-3U3CFE5T.js";
import "./chunk-3CG65SHH.js";

// src/github/deployments.ts
var MAX_DESCRIPTION = 140;
var GitHubDeploymentRecorder = class {
  constructor(octokit, target) {
    this.octokit = octokit;
    this.target = target;
  }
  octokit;
  target;
  id;
  environment = "production";
  /** The id of the deployment created by start(). */
  get deploymentId() {
    return this.id;
  }
  async start(info) {
    this.environment = info.environment;
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
    this.id = response.data.id;
    await this.update("queued", `canary ${info.model}@v${info.version} starting`);
  }
  async update(state, description) {
    if (this.id === void 0) return;
    await this.octokit.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      owner: this.target.owner,
      repo: this.target.repo,
      deployment_id: this.id,
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
function clip(text) {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}
function githubRecorder(context, environmentUrl) {
  if (!context || !context.token) return void 0;
  return new GitHubDeploymentRecorder(githubClient(context), {
    owner: context.owner,
    repo: context.repo,
    ref: context.ref,
    logUrl: context.runUrl ?? void 0,
    environmentUrl
  });
}
export {
  GitHubDeploymentRecorder,
  githubRecorder
};
