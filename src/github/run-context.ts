/** What the workflow run is about: repository, pull request, commit, links and the token to act with. */
export interface RunContext {
  owner: string;
  repo: string;
  apiUrl: string;
  serverUrl: string;
  /** The workflow file's name (e.g. `mlci-pr.yml`), else the workflow's name. */
  workflow: string;
  eventName: string;
  pullNumber: number | null;
  /** The pull request's head commit on a pull request, else GITHUB_SHA. */
  headSha: string;
  /** GITHUB_SHA, else GITHUB_REF (what a deployment records). */
  ref: string;
  actor: string | null;
  runUrl: string | null;
  /** Empty when the job gave none: nothing is published then. */
  token: string;
}

type ActionsContext = (typeof import('@actions/github'))['context'];

/** The link to a workflow run, or null outside one; the only place mlci builds it. */
export function runUrlOf(env: NodeJS.ProcessEnv = process.env): string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = env;
  return repository && run ? runLink(server || 'https://github.com', repository, run) : null;
}

function runLink(server: string, repository: string, runId: string | number): string {
  return `${server}/${repository}/actions/runs/${runId}`;
}

/**
 * Builds the run context from `@actions/github`'s context; null outside a repository's workflow.
 * The module's `context` is read from the environment when it loads, so a fresh one is made per call:
 * a process that runs several actions (the tests do) must not see the first one's event.
 */
export async function loadRunContext(token: string): Promise<RunContext | null> {
  const { context } = await import('@actions/github');
  const Context = context.constructor as new () => ActionsContext;
  return runContextFrom(new Context(), token);
}

/** The run context of an `@actions/github` context (exported for tests that build one by hand). */
export function runContextFrom(context: ActionsContext, token: string): RunContext | null {
  let owner: string;
  let repo: string;
  try {
    ({ owner, repo } = context.repo);
  } catch {
    return null;
  }
  if (!owner || !repo) return null;
  const pull = context.payload.pull_request as { number?: number; head?: { sha?: string } } | undefined;
  const workflowRef = process.env.GITHUB_WORKFLOW_REF;
  return {
    owner,
    repo,
    apiUrl: context.apiUrl,
    serverUrl: context.serverUrl,
    workflow: workflowRef?.split('@')[0].split('/').pop() || context.workflow || 'workflow',
    eventName: context.eventName ?? '',
    pullNumber: pull?.number ? Number(pull.number) : null,
    headSha: pull?.head?.sha || context.sha || '',
    ref: context.sha || context.ref || 'main',
    actor: context.actor || null,
    runUrl: Number.isFinite(context.runId)
      ? runLink(context.serverUrl, `${owner}/${repo}`, context.runId)
      : null,
    token
  };
}
