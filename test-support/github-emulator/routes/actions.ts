import type { components } from '@octokit/openapi-types';
import { nodeId, type EmulatorContext } from '../context.js';
import {
  ApiError,
  noContent,
  notFound,
  numericParam,
  ok,
  requireString,
  validationFailed,
  type RequestContext,
  type Reply
} from '../http.js';
import { paginate } from '../pagination.js';
import type { Router } from '../router.js';
import type { StoredArtifact, StoredWorkflowRun } from '../state.js';
import { ownRepositoryJson, type MinimalRepository } from './repository.js';
import { storageUrl } from './storage.js';

/** GitHub's workflow run JSON. */
export type WorkflowRun = components['schemas']['workflow-run'];
/** GitHub's artifact JSON. */
export type Artifact = components['schemas']['artifact'];

/** `status=` accepts a status or a conclusion, as GitHub's filter does. */
const RUN_STATUSES = new Set(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']);

function minimalRepository(emu: EmulatorContext): MinimalRepository {
  // The two schemas type `license` differently; the emulated repository has none.
  return { ...ownRepositoryJson(emu), license: null };
}

/** The JSON GitHub answers for a workflow run. */
export function workflowRunJson(emu: EmulatorContext, r: StoredWorkflowRun): WorkflowRun {
  const api = `${emu.repoUrl()}/actions/runs/${r.id}`;
  const repository = minimalRepository(emu);
  return {
    id: r.id,
    name: r.name,
    node_id: nodeId('WFR', r.id),
    head_branch: r.head_branch,
    head_sha: r.head_sha,
    path: r.path,
    display_title: r.name,
    run_number: r.run_number,
    event: r.event,
    status: r.status,
    conclusion: r.conclusion,
    workflow_id: r.workflow_id,
    check_suite_id: r.id + 1,
    url: api,
    html_url: `${emu.htmlRepoUrl()}/actions/runs/${r.id}`,
    pull_requests: emu.state.pulls
      .filter((p) => !p.fork && p.head_sha === r.head_sha)
      .map((p) => ({
        id: p.id,
        number: p.number,
        url: `${emu.repoUrl()}/pulls/${p.number}`,
        head: {
          ref: p.head_ref,
          sha: p.head_sha,
          repo: { id: emu.state.repoId, url: emu.repoUrl(), name: emu.state.repo }
        },
        base: {
          ref: p.base_ref,
          sha: p.base_sha,
          repo: { id: emu.state.repoId, url: emu.repoUrl(), name: emu.state.repo }
        }
      })),
    created_at: r.created_at,
    updated_at: r.updated_at,
    run_attempt: r.run_attempt,
    run_started_at: r.created_at,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${emu.repoUrl()}/check-suites/${r.id + 1}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${emu.repoUrl()}/actions/workflows/${r.workflow_id}`,
    head_commit: {
      id: r.head_sha,
      tree_id: emu.newSha(`tree ${r.head_sha}`),
      message: r.name,
      timestamp: r.created_at,
      author: { name: 'Contributor', email: 'contributor@example.com' },
      committer: { name: 'GitHub', email: 'noreply@github.com' }
    },
    repository,
    head_repository: repository
  };
}

/** The JSON GitHub answers for an artifact. */
export function artifactJson(emu: EmulatorContext, a: StoredArtifact): Artifact {
  const api = `${emu.repoUrl()}/actions/artifacts/${a.id}`;
  const run = emu.state.workflowRuns.find((r) => r.id === a.run_id);
  return {
    id: a.id,
    node_id: nodeId('MDg', a.id),
    name: a.name,
    size_in_bytes: a.data.length,
    url: api,
    archive_download_url: `${api}/zip`,
    expired: a.expired,
    created_at: a.created_at,
    expires_at: a.expires_at,
    updated_at: a.created_at,
    workflow_run: run
      ? {
          id: run.id,
          repository_id: emu.state.repoId,
          head_repository_id: emu.state.repoId,
          head_branch: run.head_branch,
          head_sha: run.head_sha
        }
      : null
  };
}

/** The filters of `GET …/actions/runs` that the emulator honours. */
function filterRuns(ctx: RequestContext, runs: StoredWorkflowRun[]): StoredWorkflowRun[] {
  const branch = ctx.query.get('branch');
  const event = ctx.query.get('event');
  const status = ctx.query.get('status');
  const headSha = ctx.query.get('head_sha');
  return runs
    .filter((r) => !branch || r.head_branch === branch)
    .filter((r) => !event || r.event === event)
    .filter((r) => !headSha || r.head_sha === headSha)
    .filter((r) => !status || (RUN_STATUSES.has(status) ? r.status === status : r.conclusion === status))
    .sort((a, b) => (a.created_at === b.created_at ? b.id - a.id : b.created_at.localeCompare(a.created_at)));
}

function runsReply(ctx: RequestContext, runs: StoredWorkflowRun[]): Reply {
  const page = paginate(ctx, filterRuns(ctx, runs));
  return {
    status: 200,
    body: { total_count: page.totalCount, workflow_runs: page.items.map((r) => workflowRunJson(ctx.emu, r)) },
    headers: page.headers
  };
}

function artifactsReply(ctx: RequestContext, artifacts: StoredArtifact[]): Reply {
  const name = ctx.query.get('name');
  const page = paginate(
    ctx,
    artifacts.filter((a) => !name || a.name === name).sort((a, b) => b.id - a.id)
  );
  return {
    status: 200,
    body: { total_count: page.totalCount, artifacts: page.items.map((a) => artifactJson(ctx.emu, a)) },
    headers: page.headers
  };
}

/** A workflow by numeric id or file name: runs seeded for it. */
function workflowRuns(ctx: RequestContext): StoredWorkflowRun[] {
  const id = ctx.params.workflow_id;
  return ctx.emu.state.workflowRuns.filter(
    (r) => String(r.workflow_id) === id || r.path === `.github/workflows/${id}`
  );
}

function findArtifact(ctx: RequestContext): StoredArtifact {
  const artifact = ctx.emu.state.artifacts.find((a) => a.id === numericParam(ctx, 'artifact_id'));
  if (!artifact) throw notFound();
  return artifact;
}

/** Registers workflow runs, artifacts and the two dispatch events. */
export function registerActions(router: Router): void {
  router.add('GET /repos/{owner}/{repo}/actions/runs', { access: 'read' }, (ctx) =>
    runsReply(ctx, ctx.emu.state.workflowRuns)
  );

  router.add('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', { access: 'read' }, (ctx) =>
    runsReply(ctx, workflowRuns(ctx))
  );

  router.add('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { access: 'read' }, (ctx) => {
    const run = ctx.emu.state.workflowRuns.find((r) => r.id === numericParam(ctx, 'run_id'));
    if (!run) throw notFound();
    return ok(workflowRunJson(ctx.emu, run));
  });

  router.add('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', { access: 'read' }, (ctx) => {
    const runId = numericParam(ctx, 'run_id');
    if (!ctx.emu.state.workflowRuns.some((r) => r.id === runId)) throw notFound();
    return artifactsReply(
      ctx,
      ctx.emu.state.artifacts.filter((a) => a.run_id === runId)
    );
  });

  router.add('GET /repos/{owner}/{repo}/actions/artifacts', { access: 'read' }, (ctx) =>
    artifactsReply(ctx, ctx.emu.state.artifacts)
  );

  router.add('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}', { access: 'read' }, (ctx) =>
    ok(artifactJson(ctx.emu, findArtifact(ctx)))
  );

  router.add(
    'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
    { access: 'read' },
    (ctx) => {
      const artifact = findArtifact(ctx);
      if (ctx.params.archive_format !== 'zip') throw notFound();
      if (artifact.expired) throw new ApiError(410, 'Artifact has expired');
      return { status: 302, headers: { location: storageUrl(ctx.emu, 'artifacts', artifact.id) } };
    }
  );

  router.add(
    'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
    { access: 'write' },
    (ctx) => {
      const body = ctx.json();
      const ref = requireString(body, 'ref', 'WorkflowDispatch');
      const inputs = body.inputs ?? {};
      if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
        throw validationFailed({ resource: 'WorkflowDispatch', code: 'invalid', field: 'inputs' });
      }
      if (Object.keys(inputs).length > 25) {
        throw new ApiError(422, 'you may only define up to 25 `inputs` for a `workflow_dispatch` event');
      }
      ctx.emu.state.workflowDispatches.push({
        workflow_id: ctx.params.workflow_id,
        ref,
        inputs: inputs as Record<string, unknown>
      });
      return noContent();
    }
  );

  router.add('POST /repos/{owner}/{repo}/dispatches', { access: 'write' }, (ctx) => {
    const body = ctx.json();
    const eventType = requireString(body, 'event_type', 'RepositoryDispatch');
    if (eventType.length > 100) {
      throw validationFailed({ resource: 'RepositoryDispatch', code: 'invalid', field: 'event_type' });
    }
    const payload = body.client_payload ?? {};
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw validationFailed({ resource: 'RepositoryDispatch', code: 'invalid', field: 'client_payload' });
    }
    if (Object.keys(payload).length > 10) {
      throw new ApiError(
        422,
        'No more than 10 properties are allowed; 11 were supplied.'.replace(
          '11',
          String(Object.keys(payload).length)
        )
      );
    }
    ctx.emu.state.repositoryDispatches.push({
      event_type: eventType,
      client_payload: payload as Record<string, unknown>
    });
    return noContent();
  });
}
