import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ExitCode,
  MlciError
} from "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/github/dispatch.ts
var DispatchError = class extends MlciError {
  constructor(message, status, options) {
    super(message, ExitCode.Usage, options);
    this.status = status;
  }
  status;
};
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function explainDispatchError(error, request, repository) {
  const status = statusOf(error);
  const what = request.kind === "workflow_dispatch" ? `workflow_dispatch of ${request.workflow} on ${request.ref} in ${repository}` : `repository_dispatch "${request.eventType}" to ${repository}`;
  const detail = error instanceof Error ? error.message.split("\n")[0].slice(0, 300) : String(error);
  const scope = request.kind === "workflow_dispatch" ? "actions: write" : "contents: write";
  const hint = status === 401 ? "the token is missing or invalid (GITHUB_TOKEN)" : status === 403 ? `the token may not dispatch: the monitor job needs \`permissions: ${scope}\` (a read-only token cannot trigger retraining)` : status === 404 ? request.kind === "workflow_dispatch" ? `no workflow ${request.workflow} in ${repository} (or the token cannot see it): check --workflow and --repo` : `repository ${repository} not found (or the token cannot see it): check --repo` : status === 422 ? request.kind === "workflow_dispatch" ? `GitHub refused the dispatch: does ${request.workflow} have \`on: workflow_dispatch\` with inputs reason and data_version, and does ref ${request.ref} exist?` : "GitHub refused the event type or payload" : status !== void 0 && status >= 500 ? "GitHub kept failing after retries; try again later" : "the request did not reach GitHub";
  return new DispatchError(
    `${what} failed${status ? ` (${status}: ${detail})` : ` (${detail})`}: ${hint}`,
    status,
    { cause: error }
  );
}
function githubDispatcher(octokit, owner, repo) {
  const repository = `${owner}/${repo}`;
  return async (request) => {
    try {
      if (request.kind === "workflow_dispatch") {
        await octokit.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
          owner,
          repo,
          workflow_id: request.workflow,
          ref: request.ref,
          inputs: request.inputs
        });
        return { target: `${repository} ${request.workflow}@${request.ref}` };
      }
      await octokit.request("POST /repos/{owner}/{repo}/dispatches", {
        owner,
        repo,
        event_type: request.eventType,
        client_payload: request.clientPayload
      });
      return { target: `${repository} repository_dispatch ${request.eventType}` };
    } catch (error) {
      throw explainDispatchError(error, request, repository);
    }
  };
}
export {
  DispatchError,
  explainDispatchError,
  githubDispatcher
};
