import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parse } from 'yaml';
import type { GitHubEmulator, Level, Permissions, Scope } from '../github-emulator/index.js';
import { condition, interpolate, type Contexts, type JobStatus } from './expressions.js';
import { Job, type StepSpec, type UploadedArtifact } from './player.js';

/** The event a workflow run answers, as the runner sees it. */
export interface WorkflowEvent {
  /** `pull_request`, `push`, `workflow_dispatch`, `workflow_run`, `schedule`, … */
  name: string;
  /** The webhook payload (GITHUB_EVENT_PATH; `github.event`). */
  payload: Record<string, unknown>;
  /** GITHUB_SHA (on a pull request, its merge commit). */
  sha: string;
  /** GITHUB_REF, e.g. `refs/heads/main` or `refs/pull/12/merge`. */
  ref: string;
  /** The run's head branch and commit as the runs API lists them (default: the ref's branch and `sha`). */
  headBranch?: string;
  headSha?: string;
  /** A pull request from a fork: the token is read-only whatever `permissions:` asks, and secrets are empty. */
  fork?: boolean;
}

/** What the runs of one repository share: the API, the actions/cache store, variables and secrets. */
export interface Repository {
  gh: GitHubEmulator;
  /** `owner/name`. */
  name: string;
  /** The mlci checkout that `uses: mlci/mlci[/path]@ref` resolves to. */
  mlci: string;
  caches: Map<string, string>;
  vars: Record<string, string>;
  secrets: Record<string, string>;
  /** The runner's environment before any step (PATH, HOME, …). */
  env: Record<string, string>;
  /** Jobs run on a hosted-runner image with Node 24 in its tool cache (not on the PATH). */
  hostedNode?: boolean;
}

/** How a test looks into a run: the user's placeholder steps filled in, checks around each mlci action. */
export interface RunHooks {
  /** A `run:` step's script replaced, by step name ("Replace with your copy of the server's log"). */
  replace?: Record<string, string>;
  /** Called before and after every step that uses an mlci action. */
  around?: (job: Job, step: StepSpec, when: 'before' | 'after') => Promise<void>;
}

/** One job's result. */
export interface JobResult {
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  steps: Record<string, { outcome: string; outputs: Record<string, string> }>;
  /** Seconds each step took, by step name (or `uses:`/`run:`), to keep the played runs fast. */
  seconds: [string, number][];
  job?: Job;
}

/** A played workflow run. */
export interface PlayedRun {
  id: number;
  conclusion: 'success' | 'failure';
  jobs: Record<string, JobResult>;
}

interface JobSpec {
  if?: string;
  needs?: string | string[];
  permissions?: string | Record<string, Level>;
  env?: Record<string, string>;
  environment?: string;
  outputs?: Record<string, string>;
  steps: StepSpec[];
}

interface WorkflowSpec {
  name: string;
  on: Record<string, { inputs?: Record<string, { type?: string; default?: unknown }> } | null>;
  permissions?: string | Record<string, Level>;
  env?: Record<string, string>;
  defaults?: { run?: { shell?: string } };
  jobs: Record<string, JobSpec>;
}

const SCOPES: Record<string, Scope> = {
  contents: 'contents',
  issues: 'issues',
  'pull-requests': 'pull_requests',
  checks: 'checks',
  actions: 'actions',
  deployments: 'deployments'
};

/** The GITHUB_TOKEN a job gets: its `permissions:` block (else the workflow's), read-only for a fork. */
function jobToken(gh: GitHubEmulator, block: JobSpec['permissions'], fork: boolean): string {
  if (block === undefined || block === 'write-all') return fork ? gh.readOnlyToken : gh.writeToken;
  if (typeof block === 'string') return gh.readOnlyToken; // read-all
  const levels: Permissions = {};
  for (const [key, level] of Object.entries(block)) {
    const scope = SCOPES[key];
    if (scope) levels[scope] = fork && level === 'write' ? 'read' : level;
  }
  return gh.addToken(levels);
}

/** `inputs` of a workflow_dispatch: the payload's strings over the declared defaults, booleans typed. */
function dispatchInputs(spec: WorkflowSpec, event: WorkflowEvent): Record<string, unknown> {
  const declared = spec.on.workflow_dispatch?.inputs ?? {};
  const given = (event.payload.inputs ?? {}) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(declared).map(([name, input]) => {
      const value = given[name] ?? input.default ?? '';
      return [name, input.type === 'boolean' ? String(value) === 'true' : value];
    })
  );
}

/** Where a `uses:` of an action lives: mlci's checkout for `mlci/mlci…@ref`, the workspace for `./…`. */
function actionPath(uses: string, repo: Repository, workspace: string): string | undefined {
  if (uses.startsWith('./')) return resolve(workspace, uses);
  const match = /^mlci\/mlci(\/[^@]+)?@/.exec(uses);
  return match ? resolve(repo.mlci, `.${match[1] ?? ''}`) : undefined;
}

/** Evaluates every value of a mapping (`env:`, `with:`, `outputs:`). */
function evaluateAll(map: Record<string, unknown> | undefined, ctx: Contexts, status: JobStatus) {
  return Object.fromEntries(
    Object.entries(map ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx, status)])
  );
}

/**
 * Plays a workflow file for one event on a copy of the user's repository: a workflow run in the
 * emulator (its artifacts land there), each job in `needs` order with its `if:`, its token scoped by
 * `permissions:`, its env, steps and outputs. Every job runs in the same workspace (the checkout).
 */
export async function playWorkflow(
  file: string,
  workspace: string,
  event: WorkflowEvent,
  repo: Repository,
  hooks: RunHooks = {}
): Promise<PlayedRun> {
  const spec = parse(await readFile(file, 'utf8')) as WorkflowSpec;
  const branch = event.ref.replace(/^refs\/(heads|tags)\//, '');
  const run = repo.gh.addWorkflowRun({
    name: spec.name,
    workflowFile: basename(file),
    headBranch: event.headBranch ?? branch,
    headSha: event.headSha ?? event.sha,
    event: event.name,
    status: 'in_progress'
  });
  const inputs = event.name === 'workflow_dispatch' ? dispatchInputs(spec, event) : {};
  const secrets = event.fork ? {} : repo.secrets;
  const jobs: Record<string, JobResult> = {};
  const pending = Object.keys(spec.jobs);
  while (pending.length > 0) {
    const id = pending.find((j) => needsOf(spec.jobs[j]).every((n) => jobs[n]));
    if (!id) throw new Error(`${file}: jobs ${pending.join(', ')} wait on each other`);
    pending.splice(pending.indexOf(id), 1);
    const job = spec.jobs[id];
    const needs = Object.fromEntries(needsOf(job).map((n) => [n, jobs[n]]));
    const github = {
      event: event.payload,
      event_name: event.name,
      repository: repo.name,
      repository_owner: repo.name.split('/')[0],
      sha: event.sha,
      ref: event.ref,
      ref_name: branch,
      actor: 'octocat',
      run_id: String(run.id),
      workflow: spec.name,
      job: id,
      workspace,
      token: ''
    };
    const base: Contexts = { github, inputs, vars: repo.vars, secrets, needs };
    const status = { failed: Object.values(needs).some((n) => n.result !== 'success') };
    if (!condition(job.if, base, status)) {
      jobs[id] = { result: 'skipped', outputs: {}, steps: {}, seconds: [] };
      continue;
    }
    github.token = jobToken(repo.gh, job.permissions ?? spec.permissions, event.fork === true);
    jobs[id] = await playJob(job, {
      spec,
      file: basename(file),
      event,
      repo,
      workspace,
      run: run.id,
      github,
      base,
      hooks
    });
  }
  const failed = Object.values(jobs).some((j) => j.result === 'failure');
  run.status = 'completed';
  run.conclusion = failed ? 'failure' : 'success';
  return { id: run.id, conclusion: failed ? 'failure' : 'success', jobs };
}

function needsOf(job: JobSpec): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

interface JobSetting {
  spec: WorkflowSpec;
  file: string;
  event: WorkflowEvent;
  repo: Repository;
  workspace: string;
  run: number;
  github: Record<string, unknown> & { token: string };
  base: Contexts;
  hooks: RunHooks;
}

/** The runner's variables for one job of the run. */
function runnerVariables(s: JobSetting): Record<string, string> {
  return {
    ...s.repo.env,
    GITHUB_REPOSITORY: s.repo.name,
    GITHUB_REPOSITORY_OWNER: s.repo.name.split('/')[0],
    GITHUB_API_URL: s.repo.gh.baseUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_SHA: s.event.sha,
    GITHUB_REF: s.event.ref,
    GITHUB_RUN_ID: String(s.run),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: s.event.name,
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: s.spec.name,
    GITHUB_WORKFLOW_REF: `${s.repo.name}/.github/workflows/${s.file}@${s.event.ref}`,
    GITHUB_JOB: String(s.github.job)
  };
}

async function playJob(job: JobSpec, s: JobSetting): Promise<JobResult> {
  const gh = s.repo.gh;
  const runner = await Job.create(s.workspace, runnerVariables(s), s.event.payload, {
    caches: s.repo.caches,
    hostedNode: s.repo.hostedNode,
    onArtifact: (a: UploadedArtifact) => {
      // One artifact per name and run (upload-artifact v4+): a second upload fails unless overwrite.
      const same = gh.state.artifacts.findIndex((x) => x.run_id === s.run && x.name === a.name);
      if (same >= 0 && !a.overwrite)
        throw new Error(`an artifact named ${a.name} already exists in run ${s.run}`);
      if (same >= 0) gh.state.artifacts.splice(same, 1);
      gh.addArtifact(s.run, { name: a.name, data: a.data! });
    }
  });
  const steps: JobResult['steps'] = {};
  const contexts = (): Contexts => ({ ...s.base, github: s.github, steps, env: jobEnv(), runner: {} });
  let env: Record<string, string> = {};
  const jobEnv = () => env;
  env = { ...evaluateAll(s.spec.env, contexts(), runner.status) };
  env = { ...env, ...evaluateAll(job.env, contexts(), runner.status) };
  const seconds: JobResult['seconds'] = [];
  for (const step of job.steps) {
    const started = performance.now();
    const ctx = contexts();
    if (!condition(step.if, ctx, runner.status)) {
      if (step.id) steps[step.id] = { outcome: 'skipped', outputs: {} };
      continue;
    }
    const stepEnv = { ...env, ...evaluateAll(step.env, ctx, runner.status) };
    let outcome: { failed: boolean; outputs: Record<string, string> };
    if (step.uses?.startsWith('actions/checkout@')) {
      outcome = { failed: false, outputs: {} }; // the workspace is the checkout already
    } else if (step.uses) {
      const dir = actionPath(step.uses, s.repo, s.workspace);
      const inputs = evaluateAll(step.with, ctx, runner.status);
      if (dir) {
        await s.hooks.around?.(runner, step, 'before');
        outcome = await runner.runAction(dir, inputs, s.github, stepEnv);
        await s.hooks.around?.(runner, step, 'after');
      } else {
        // Third-party actions by their documented effects (the player refuses the ones it does not know).
        const res = await runner.uses(step.uses, inputs);
        outcome = { failed: res.code !== 0, outputs: res.outputs };
      }
    } else {
      const shell = step.shell ?? s.spec.defaults?.run?.shell ?? 'bash';
      if (shell !== 'bash') throw new Error(`the workflow player runs bash steps only, not ${shell}`);
      const res = await runner.bash(s.hooks.replace?.[step.name ?? ''] ?? step.run ?? '', stepEnv);
      outcome = { failed: res.code !== 0, outputs: res.outputs };
      if (outcome.failed) runner.status.failed = true;
    }
    if (step.id)
      steps[step.id] = { outcome: outcome.failed ? 'failure' : 'success', outputs: outcome.outputs };
    seconds.push([step.name ?? step.uses ?? 'run', Math.round((performance.now() - started) / 100) / 10]);
  }
  const outputs = evaluateAll(job.outputs, contexts(), runner.status);
  return { result: runner.status.failed ? 'failure' : 'success', outputs, steps, seconds, job: runner };
}
