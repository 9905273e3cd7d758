import type { components } from '@octokit/openapi-types';
import { nodeId, type EmulatorContext } from '../context.js';
import {
  ApiError,
  created,
  noContent,
  notFound,
  numericParam,
  ok,
  optionalBoolean,
  optionalString,
  requireString,
  timestamp,
  validationFailed,
  type RequestContext
} from '../http.js';
import { paginate } from '../pagination.js';
import type { Router } from '../router.js';
import type { StoredDeployment, StoredDeploymentStatus } from '../state.js';
import { resolveCommitish } from './git.js';

/** GitHub's deployment JSON. */
export type Deployment = components['schemas']['deployment'];
/** GitHub's deployment status JSON. */
export type DeploymentStatus = components['schemas']['deployment-status'];

const STATES = ['error', 'failure', 'inactive', 'pending', 'success', 'queued', 'in_progress'] as const;
/** GitHub's limit on a deployment status description. */
export const MAX_STATUS_DESCRIPTION = 140;
/** Check conclusions that let a deployment through GitHub's status verification. */
const PASSING = new Set(['success', 'neutral', 'skipped']);

/** The JSON GitHub answers for a deployment. */
export function deploymentJson(emu: EmulatorContext, d: StoredDeployment): Deployment {
  const api = `${emu.repoUrl()}/deployments/${d.id}`;
  return {
    url: api,
    id: d.id,
    node_id: nodeId('DE', d.id),
    task: d.task,
    original_environment: d.original_environment,
    environment: d.environment,
    description: d.description,
    created_at: d.created_at,
    updated_at: d.updated_at,
    statuses_url: `${api}/statuses`,
    repository_url: emu.repoUrl(),
    creator: emu.user(d.creator),
    sha: d.sha,
    ref: d.ref,
    payload: d.payload,
    transient_environment: d.transient_environment,
    production_environment: d.production_environment,
    performed_via_github_app: null
  };
}

/** The JSON GitHub answers for a deployment status. */
export function deploymentStatusJson(emu: EmulatorContext, s: StoredDeploymentStatus): DeploymentStatus {
  const deployment = `${emu.repoUrl()}/deployments/${s.deployment_id}`;
  return {
    url: `${deployment}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DES', s.id),
    state: s.state,
    creator: emu.user(s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.target_url,
    log_url: s.log_url,
    environment_url: s.environment_url,
    created_at: s.created_at,
    updated_at: s.updated_at,
    deployment_url: deployment,
    repository_url: emu.repoUrl(),
    performed_via_github_app: null
  };
}

/** The newest status of a deployment, if any. */
function latestStatus(emu: EmulatorContext, deploymentId: number): StoredDeploymentStatus | undefined {
  return emu.state.deploymentStatuses
    .filter((s) => s.deployment_id === deploymentId)
    .reduce<StoredDeploymentStatus | undefined>((a, s) => (!a || s.id > a.id ? s : a), undefined);
}

/**
 * GitHub verifies commit checks before creating a deployment: every named context (all of them when
 * `required_contexts` is omitted) must have passed on the commit, otherwise 409.
 */
function verifyContexts(ctx: RequestContext, sha: string, required: unknown): void {
  const runs = ctx.emu.state.checkRuns.filter((c) => c.head_sha === sha);
  const names = Array.isArray(required)
    ? (required as unknown[]).map(String)
    : [...new Set(runs.map((c) => c.name))];
  const failing = names.filter((name) => {
    const latest = runs.filter((c) => c.name === name).sort((a, b) => b.id - a.id)[0];
    return !latest || latest.status !== 'completed' || !PASSING.has(latest.conclusion ?? '');
  });
  if (failing.length > 0) {
    throw new ApiError(409, `Conflict: Commit status checks failed for ${sha}.`, [
      { resource: 'Deployment', code: 'invalid', field: 'required_contexts', message: failing.join(', ') }
    ]);
  }
}

function findDeployment(ctx: RequestContext): StoredDeployment {
  const d = ctx.emu.state.deployments.find((x) => x.id === numericParam(ctx, 'deployment_id'));
  if (!d) throw notFound();
  return d;
}

/** Registers deployments and deployment statuses. */
export function registerDeployments(router: Router): void {
  router.add('GET /repos/{owner}/{repo}/deployments', { access: 'read' }, (ctx) => {
    const q = ctx.query;
    const list = ctx.emu.state.deployments
      .filter((d) => !q.get('sha') || d.sha === q.get('sha'))
      .filter((d) => !q.get('ref') || d.ref === q.get('ref'))
      .filter((d) => !q.get('task') || d.task === q.get('task'))
      .filter((d) => !q.get('environment') || d.environment === q.get('environment'))
      .sort((a, b) => b.id - a.id);
    const page = paginate(ctx, list);
    return { status: 200, body: page.items.map((d) => deploymentJson(ctx.emu, d)), headers: page.headers };
  });

  router.add('POST /repos/{owner}/{repo}/deployments', { access: 'write' }, (ctx) => {
    const body = ctx.json();
    const ref = requireString(body, 'ref', 'Deployment');
    const sha = resolveCommitish(ctx.emu, ref);
    if (!sha) throw new ApiError(422, `No ref found for: ${ref}`);
    const environment = optionalString(body, 'environment', 'Deployment') ?? 'production';
    const payload = body.payload ?? {};
    if (
      typeof payload !== 'string' &&
      (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    ) {
      throw validationFailed({ resource: 'Deployment', code: 'invalid', field: 'payload' });
    }
    verifyContexts(ctx, sha, body.required_contexts);
    const now = timestamp();
    const deployment: StoredDeployment = {
      id: ctx.emu.nextId(),
      sha,
      ref,
      task: optionalString(body, 'task', 'Deployment') ?? 'deploy',
      environment,
      original_environment: environment,
      description: optionalString(body, 'description', 'Deployment') ?? null,
      payload: payload as Record<string, unknown> | string,
      transient_environment: optionalBoolean(body, 'transient_environment', 'Deployment') ?? false,
      production_environment:
        optionalBoolean(body, 'production_environment', 'Deployment') ?? environment === 'production',
      creator: ctx.token!.login,
      created_at: now,
      updated_at: now
    };
    ctx.emu.state.deployments.push(deployment);
    return created(deploymentJson(ctx.emu, deployment));
  });

  router.add('GET /repos/{owner}/{repo}/deployments/{deployment_id}', { access: 'read' }, (ctx) =>
    ok(deploymentJson(ctx.emu, findDeployment(ctx)))
  );

  router.add('DELETE /repos/{owner}/{repo}/deployments/{deployment_id}', { access: 'write' }, (ctx) => {
    const d = findDeployment(ctx);
    const others = ctx.emu.state.deployments.filter((x) => x !== d && x.environment === d.environment);
    if (latestStatus(ctx.emu, d.id)?.state !== 'inactive' && others.length > 0) {
      throw new ApiError(
        422,
        'We cannot delete an active deployment unless it is the only deployment in a given environment.'
      );
    }
    ctx.emu.state.deployments.splice(ctx.emu.state.deployments.indexOf(d), 1);
    return noContent();
  });

  router.add('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { access: 'read' }, (ctx) => {
    const d = findDeployment(ctx);
    const list = ctx.emu.state.deploymentStatuses
      .filter((s) => s.deployment_id === d.id)
      .sort((a, b) => b.id - a.id);
    const page = paginate(ctx, list);
    return {
      status: 200,
      body: page.items.map((s) => deploymentStatusJson(ctx.emu, s)),
      headers: page.headers
    };
  });

  router.add(
    'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}',
    { access: 'read' },
    (ctx) => {
      const d = findDeployment(ctx);
      const s = ctx.emu.state.deploymentStatuses.find(
        (x) => x.deployment_id === d.id && x.id === numericParam(ctx, 'status_id')
      );
      if (!s) throw notFound();
      return ok(deploymentStatusJson(ctx.emu, s));
    }
  );

  router.add(
    'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    { access: 'write' },
    (ctx) => {
      const d = findDeployment(ctx);
      const body = ctx.json();
      const state = requireString(body, 'state', 'DeploymentStatus');
      if (!(STATES as readonly string[]).includes(state)) {
        throw validationFailed({ resource: 'DeploymentStatus', code: 'invalid', field: 'state' });
      }
      const description = optionalString(body, 'description', 'DeploymentStatus') ?? '';
      if (description.length > MAX_STATUS_DESCRIPTION) {
        throw validationFailed({
          resource: 'DeploymentStatus',
          code: 'custom',
          field: 'description',
          message: 'description is too long (maximum is 140 characters)'
        });
      }
      const environment = optionalString(body, 'environment', 'DeploymentStatus');
      // Setting log_url sets target_url to the same value (and the legacy target_url fills log_url).
      const logUrl =
        optionalString(body, 'log_url', 'DeploymentStatus') ??
        optionalString(body, 'target_url', 'DeploymentStatus') ??
        '';
      const environmentUrl = optionalString(body, 'environment_url', 'DeploymentStatus') ?? '';
      const now = timestamp();
      const make = (
        deploymentId: number,
        s: StoredDeploymentStatus['state'],
        env: string,
        own: boolean
      ): StoredDeploymentStatus => ({
        id: ctx.emu.nextId(),
        deployment_id: deploymentId,
        state: s,
        description: own ? description : '',
        environment: env,
        target_url: own ? logUrl : '',
        log_url: own ? logUrl : '',
        environment_url: own ? environmentUrl : '',
        creator: ctx.token!.login,
        created_at: now,
        updated_at: now
      });
      if (environment !== undefined) d.environment = environment;
      const status = make(d.id, state as StoredDeploymentStatus['state'], d.environment, true);
      ctx.emu.state.deploymentStatuses.push(status);
      d.updated_at = now;
      const autoInactive = optionalBoolean(body, 'auto_inactive', 'DeploymentStatus') ?? true;
      if (state === 'success' && autoInactive) {
        // GitHub's documented rule: prior non-transient, non-production deployments of the same
        // environment whose latest state is success get an inactive status.
        for (const prior of ctx.emu.state.deployments) {
          if (prior === d || prior.id > d.id || prior.environment !== d.environment) continue;
          if (prior.transient_environment || prior.production_environment) continue;
          if (latestStatus(ctx.emu, prior.id)?.state !== 'success') continue;
          ctx.emu.state.deploymentStatuses.push(make(prior.id, 'inactive', prior.environment, false));
        }
      }
      return created(deploymentStatusJson(ctx.emu, status));
    }
  );
}
