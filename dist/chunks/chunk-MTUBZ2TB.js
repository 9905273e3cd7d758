import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);

// src/actions/run-context.ts
import { readFileSync } from "node:fs";
function runContext(env = process.env) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) return null;
  let pullNumber = null;
  let headSha = env.GITHUB_SHA ?? "";
  try {
    const event = env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) : {};
    if (event.pull_request) {
      pullNumber = Number(event.pull_request.number);
      headSha = event.pull_request.head?.sha ?? headSha;
    }
  } catch {
  }
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  return {
    owner,
    repo,
    apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    workflow: env.GITHUB_WORKFLOW_REF?.split("@")[0].split("/").pop() ?? env.GITHUB_WORKFLOW ?? "workflow",
    pullNumber,
    headSha,
    runUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : null
  };
}

export {
  runContext
};
