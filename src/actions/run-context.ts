import { readFileSync } from 'node:fs';

/** What the workflow run is about, from the Actions environment. */
export interface RunContext {
  owner: string;
  repo: string;
  apiUrl: string;
  workflow: string;
  pullNumber: number | null;
  headSha: string;
  runUrl: string | null;
}

/** Reads the repository, the workflow and the pull request (if any) from the Actions environment. */
export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext | null {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return null;
  let pullNumber: number | null = null;
  let headSha = env.GITHUB_SHA ?? '';
  try {
    const event = env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
    if (event.pull_request) {
      pullNumber = Number(event.pull_request.number);
      headSha = event.pull_request.head?.sha ?? headSha;
    }
  } catch {
    // no readable event: treat as a push
  }
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    owner,
    repo,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    workflow: env.GITHUB_WORKFLOW_REF?.split('@')[0].split('/').pop() ?? env.GITHUB_WORKFLOW ?? 'workflow',
    pullNumber,
    headSha,
    runUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : null
  };
}
