import type { components } from '@octokit/openapi-types';
import { nodeId, type EmulatorContext } from '../context.js';
import {
  ApiError,
  created,
  notFound,
  numericParam,
  ok,
  optionalString,
  requireString,
  timestamp,
  validationFailed,
  type RequestContext
} from '../http.js';
import { paginate } from '../pagination.js';
import type { Router } from '../router.js';
import type { StoredCheckRun } from '../state.js';

/** GitHub's check run JSON. */
export type CheckRun = components['schemas']['check-run'];

const STATUSES = ['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending'] as const;
const CONCLUSIONS = [
  'success',
  'failure',
  'neutral',
  'cancelled',
  'skipped',
  'timed_out',
  'action_required'
] as const;
/** GitHub's limits on a check run's output. */
export const MAX_OUTPUT_CHARS = 65535;
export const MAX_ANNOTATIONS_PER_REQUEST = 50;

/** The JSON GitHub answers for a check run. */
export function checkRunJson(emu: EmulatorContext, c: StoredCheckRun): CheckRun {
  const api = `${emu.repoUrl()}/check-runs/${c.id}`;
  return {
    id: c.id,
    name: c.name,
    node_id: nodeId('CR', c.id),
    head_sha: c.head_sha,
    external_id: c.external_id,
    url: api,
    html_url: `${emu.htmlRepoUrl()}/runs/${c.id}`,
    details_url: c.details_url,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.started_at,
    completed_at: c.completed_at,
    output: {
      title: c.output.title,
      summary: c.output.summary,
      text: c.output.text,
      annotations_count: c.output.annotations.length,
      annotations_url: `${api}/annotations`
    },
    check_suite: { id: c.id + 1 },
    app: null,
    pull_requests: emu.state.pulls
      .filter((p) => !p.fork && p.head_sha === c.head_sha && p.state === 'open')
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
      }))
  };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw validationFailed({ resource: 'CheckRun', code: 'invalid', field });
  }
  return value as T;
}

/** Applies a create or update body to a check run, validating as GitHub does before changing anything. */
function apply(ctx: RequestContext, run: StoredCheckRun, body: Record<string, unknown>): StoredCheckRun {
  const next: StoredCheckRun = { ...run, output: { ...run.output } };
  const name = optionalString(body, 'name', 'CheckRun');
  if (name !== undefined) next.name = name;
  const detailsUrl = optionalString(body, 'details_url', 'CheckRun');
  if (detailsUrl !== undefined) next.details_url = detailsUrl;
  const externalId = optionalString(body, 'external_id', 'CheckRun');
  if (externalId !== undefined) next.external_id = externalId;
  const startedAt = optionalString(body, 'started_at', 'CheckRun');
  if (startedAt !== undefined) next.started_at = startedAt;
  const status = oneOf(body.status, STATUSES, 'status');
  const conclusion = oneOf(body.conclusion, CONCLUSIONS, 'conclusion');
  if (status !== undefined) next.status = status;
  if (conclusion !== undefined) {
    // Giving a conclusion completes the run, as on GitHub.
    next.conclusion = conclusion;
    next.status = 'completed';
  }
  if (next.status === 'completed' && next.conclusion === null) {
    throw validationFailed({ resource: 'CheckRun', code: 'missing_field', field: 'conclusion' });
  }
  if (next.status === 'completed') {
    next.completed_at = optionalString(body, 'completed_at', 'CheckRun') ?? next.completed_at ?? timestamp();
  }
  if (body.output !== undefined) {
    const output = body.output as Record<string, unknown>;
    if (typeof output !== 'object' || output === null) {
      throw validationFailed({ resource: 'CheckRun', code: 'invalid', field: 'output' });
    }
    const title = requireString(output, 'title', 'CheckRun');
    const summary = requireString(output, 'summary', 'CheckRun');
    const text = optionalString(output, 'text', 'CheckRun');
    for (const [field, value] of [
      ['output.summary', summary],
      ['output.text', text]
    ] as const) {
      if (value !== undefined && value.length > MAX_OUTPUT_CHARS) {
        throw new ApiError(
          422,
          `Invalid request.\n\nOnly ${MAX_OUTPUT_CHARS} characters are allowed; ${field} has ${value.length}.`
        );
      }
    }
    const annotations = Array.isArray(output.annotations) ? output.annotations : [];
    if (annotations.length > MAX_ANNOTATIONS_PER_REQUEST) {
      throw new ApiError(
        422,
        `Invalid request.\n\nOnly ${MAX_ANNOTATIONS_PER_REQUEST} annotations are allowed per request.`
      );
    }
    // Annotations accumulate across updates, as GitHub does.
    next.output = {
      title,
      summary,
      text: text ?? null,
      annotations: [...run.output.annotations, ...annotations]
    };
  }
  return next;
}

function findRun(ctx: RequestContext): StoredCheckRun {
  const run = ctx.emu.state.checkRuns.find((c) => c.id === numericParam(ctx, 'check_run_id'));
  if (!run) throw notFound();
  return run;
}

/** Registers check runs. */
export function registerChecks(router: Router): void {
  router.add('POST /repos/{owner}/{repo}/check-runs', { access: 'write' }, (ctx) => {
    const body = ctx.json();
    const name = requireString(body, 'name', 'CheckRun');
    const headSha = requireString(body, 'head_sha', 'CheckRun');
    if (!/^[0-9a-f]{40}$/.test(headSha)) throw new ApiError(422, 'No commit found for SHA: ' + headSha);
    const blank: StoredCheckRun = {
      id: ctx.emu.nextId(),
      name,
      head_sha: headSha,
      status: 'queued',
      conclusion: null,
      details_url: null,
      external_id: '',
      started_at: timestamp(),
      completed_at: null,
      output: { title: null, summary: null, text: null, annotations: [] }
    };
    const run = apply(ctx, blank, body);
    ctx.emu.state.checkRuns.push(run);
    return created(checkRunJson(ctx.emu, run));
  });

  router.add('GET /repos/{owner}/{repo}/check-runs/{check_run_id}', { access: 'read' }, (ctx) =>
    ok(checkRunJson(ctx.emu, findRun(ctx)))
  );

  router.add('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { access: 'write' }, (ctx) => {
    const run = findRun(ctx);
    Object.assign(run, apply(ctx, run, ctx.json()));
    return ok(checkRunJson(ctx.emu, run));
  });

  router.add('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { access: 'read' }, (ctx) => {
    const ref = ctx.params.ref;
    const sha =
      ctx.emu.state.refs.find((r) => r.ref === `refs/heads/${ref}` || r.ref === `refs/tags/${ref}`)?.sha ??
      ref;
    const checkName = ctx.query.get('check_name');
    const status = ctx.query.get('status');
    const runs = ctx.emu.state.checkRuns
      .filter((c) => c.head_sha === sha)
      .filter((c) => !checkName || c.name === checkName)
      .filter((c) => !status || c.status === status)
      .sort((a, b) => b.id - a.id);
    const page = paginate(ctx, runs);
    return {
      status: 200,
      body: { total_count: page.totalCount, check_runs: page.items.map((c) => checkRunJson(ctx.emu, c)) },
      headers: page.headers
    };
  });
}
