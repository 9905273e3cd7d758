import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/github/run-context.ts
function runUrlOf(env = process.env) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = env;
  return repository && run ? runLink(server || "https://github.com", repository, run) : null;
}
function runLink(server, repository, runId) {
  return `${server}/${repository}/actions/runs/${runId}`;
}
async function loadRunContext(token) {
  const { context } = await import("./github-SZHGBVER.js");
  const Context = context.constructor;
  return runContextFrom(new Context(), token);
}
function runContextFrom(context, token) {
  let owner;
  let repo;
  try {
    ({ owner, repo } = context.repo);
  } catch {
    return null;
  }
  if (!owner || !repo) return null;
  const pull = context.payload.pull_request;
  const workflowRef = process.env.GITHUB_WORKFLOW_REF;
  return {
    owner,
    repo,
    apiUrl: context.apiUrl,
    serverUrl: context.serverUrl,
    workflow: workflowRef?.split("@")[0].split("/").pop() || context.workflow || "workflow",
    eventName: context.eventName ?? "",
    pullNumber: pull?.number ? Number(pull.number) : null,
    headSha: pull?.head?.sha || context.sha || "",
    ref: context.sha || context.ref || "main",
    actor: context.actor || null,
    runUrl: Number.isFinite(context.runId) ? runLink(context.serverUrl, `${owner}/${repo}`, context.runId) : null,
    token
  };
}

export {
  runUrlOf,
  loadRunContext,
  runContextFrom
};
