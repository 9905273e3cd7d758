/**
 * A stateful emulator of the GitHub REST API routes mlci uses, for tests only (never imported from src/).
 * See README.md in this folder for what is emulated and what is not.
 */
import type { AddressInfo } from 'node:net';
import { createContext, type EmulatorContext } from './context.js';
import { FaultQueue, type FaultSpec } from './faults.js';
import { Router, normaliseRouteKey } from './router.js';
import type { Permissions } from './permissions.js';
import { createEmulatorServer } from './server.js';
import {
  createState,
  type EmulatorState,
  type StoredArtifact,
  type StoredIssue,
  type StoredPull,
  type StoredRef,
  type StoredWorkflowRun,
  type TokenInfo
} from './state.js';
import { registerRoutes } from './routes/index.js';
import { addIssue } from './routes/issues.js';
import { upsertRef } from './routes/git.js';
import { timestamp } from './http.js';

export type { FaultKind, FaultSpec } from './faults.js';
export type { Level, Permissions, Scope } from './permissions.js';
export type * from './state.js';

/** Options of `startGitHubEmulator`. */
export interface EmulatorOptions {
  owner: string;
  repo: string;
  /** The numeric repository id used in `/repositories/{id}` Link URLs (default 1000). */
  repoId?: number;
  /** Extra tokens beyond `write-token` and `read-token`. */
  tokens?: TokenInfo[];
  /** The sha `refs/heads/main` starts at (default a fixed made-up sha). */
  initialSha?: string;
}

/** Seed for a pull request. */
export interface PullRequestSeed {
  number?: number;
  headSha: string;
  headRef: string;
  baseRef?: string;
  baseSha?: string;
  /** The head lives in a fork, as a pull request from an outside contributor. */
  fork?: boolean;
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  merged?: boolean;
  mergeCommitSha?: string;
  /** The author's login (default `contributor`). */
  user?: string;
}

/** Seed for a workflow run. */
export interface WorkflowRunSeed {
  name: string;
  /** The file under `.github/workflows/`, e.g. `ci.yml`. */
  workflowFile: string;
  headBranch: string;
  headSha: string;
  event: string;
  status: string;
  conclusion?: string | null;
  /** ISO time (default now): runs list newest first. */
  createdAt?: string;
}

/** Seed for a workflow run artifact. */
export interface ArtifactSeed {
  name: string;
  /** The zip bytes served by the download route. */
  data: Buffer;
  expired?: boolean;
}

/** A running emulator. */
export interface GitHubEmulator {
  /** `http://127.0.0.1:PORT`: pass as Octokit's `baseUrl`. */
  readonly baseUrl: string;
  /** A token with write permission. */
  readonly writeToken: string;
  /** A read-only token, as a fork pull request gets: writes answer 403. */
  readonly readOnlyToken: string;
  /** The inspectable state (live: it changes as requests arrive). */
  readonly state: EmulatorState;
  /** Answers the next `times` calls of `route` with a fault. Throws on a route the emulator does not know. */
  inject(spec: FaultSpec): void;
  /** How many injected fault answers are still pending. */
  pendingFaults(): number;
  /**
   * Adds a token scoped like a workflow's `permissions:` block (scopes left out are `none`), e.g.
   * `{ contents: 'read', pull_requests: 'write' }`; returns the token. It is `github-actions[bot]`.
   */
  addToken(permissions: Permissions): string;
  /** Adds a pull request (and its issue half, which shares the numbering). */
  addPullRequest(seed: PullRequestSeed): StoredPull;
  /** Adds an issue. */
  addIssue(seed: { number?: number; title: string; body?: string; user?: string }): StoredIssue;
  /** Registers a commit and its parents, so that ref updates from a parent are fast-forwards. */
  addCommit(sha: string, parents: string[]): void;
  /** Creates or moves a ref (`refs/heads/x`, `refs/tags/y`) without the API's checks. */
  setRef(ref: string, sha: string): StoredRef;
  /** Adds a workflow run; returns it with its id. */
  addWorkflowRun(seed: WorkflowRunSeed): StoredWorkflowRun;
  /** Adds an artifact to a run. */
  addArtifact(runId: number, seed: ArtifactSeed): StoredArtifact;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** The default tokens. */
export const WRITE_TOKEN = 'write-token';
export const READ_TOKEN = 'read-token';

// The default tokens are GITHUB_TOKENs: installation tokens of the github-actions app.
const ACTIONS_BOT = {
  login: 'github-actions[bot]',
  userId: 41898282,
  userType: 'Bot' as const,
  installation: true
};

/** Starts an emulator on 127.0.0.1 on a free port. */
export async function startGitHubEmulator(options: EmulatorOptions): Promise<GitHubEmulator> {
  const tokens: TokenInfo[] = [
    { token: WRITE_TOKEN, permission: 'write', ...ACTIONS_BOT },
    { token: READ_TOKEN, permission: 'read', ...ACTIONS_BOT },
    ...(options.tokens ?? [])
  ];
  const initialSha = options.initialSha ?? 'c0ffee0000000000000000000000000000000001';
  const state = createState(options.owner, options.repo, options.repoId ?? 1000, initialSha);
  const router = new Router();
  registerRoutes(router);
  const faults = new FaultQueue();
  // The context needs the port, which exists only once the server listens.
  const holder: { emu?: EmulatorContext } = {};
  const server = createEmulatorServer(() => holder.emu!, router, faults);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const ctx = createContext(state, baseUrl, tokens);
  holder.emu = ctx;
  const workflowIds = new Map<string, number>();

  return {
    baseUrl,
    writeToken: WRITE_TOKEN,
    readOnlyToken: READ_TOKEN,
    state,
    inject(spec) {
      const route = spec.route === '*' ? '*' : normaliseRouteKey(spec.route);
      if (route !== '*' && !router.has(route)) {
        throw new Error(`inject: the emulator has no route ${JSON.stringify(spec.route)}`);
      }
      faults.add({ ...spec, route });
    },
    pendingFaults: () => faults.pending(),
    addToken(permissions) {
      const token = `scoped-token-${tokens.length + 1}`;
      tokens.push({ token, permission: 'read', permissions: { ...permissions }, ...ACTIONS_BOT });
      return token;
    },
    addPullRequest(seed) {
      const issue = addIssue(ctx, {
        number: seed.number,
        title: seed.title ?? `Pull request from ${seed.headRef}`,
        body: seed.body ?? null,
        user: seed.user ?? 'contributor',
        isPullRequest: true
      });
      issue.state = seed.state ?? 'open';
      const baseRef = seed.baseRef ?? state.defaultBranch;
      const baseSha =
        seed.baseSha ?? state.refs.find((r) => r.ref === `refs/heads/${baseRef}`)?.sha ?? initialSha;
      const pull: StoredPull = {
        number: issue.number,
        id: ctx.nextId(),
        title: issue.title,
        body: issue.body,
        state: issue.state,
        head_sha: seed.headSha,
        head_ref: seed.headRef,
        base_ref: baseRef,
        base_sha: baseSha,
        fork: seed.fork ?? false,
        head_owner: seed.fork ? (seed.user ?? 'contributor') : state.owner,
        user: issue.user,
        merged: seed.merged ?? false,
        merge_commit_sha: seed.mergeCommitSha ?? null,
        created_at: issue.created_at,
        updated_at: issue.updated_at
      };
      state.pulls.push(pull);
      return pull;
    },
    addIssue(seed) {
      return addIssue(ctx, {
        number: seed.number,
        title: seed.title,
        body: seed.body ?? null,
        user: seed.user ?? 'contributor',
        isPullRequest: false
      });
    },
    addCommit(sha, parents) {
      state.commits.set(sha, [...parents]);
      for (const p of parents) if (!state.commits.has(p)) state.commits.set(p, []);
    },
    setRef: (ref, sha) => upsertRef(ctx, ref, sha),
    addWorkflowRun(seed) {
      let workflowId = workflowIds.get(seed.workflowFile);
      if (workflowId === undefined) {
        workflowId = ctx.nextId();
        workflowIds.set(seed.workflowFile, workflowId);
      }
      const created = seed.createdAt ?? timestamp();
      const runNumber = state.workflowRuns.filter((r) => r.workflow_id === workflowId).length + 1;
      const run: StoredWorkflowRun = {
        id: ctx.nextId(),
        name: seed.name,
        workflow_id: workflowId,
        path: `.github/workflows/${seed.workflowFile}`,
        head_branch: seed.headBranch,
        head_sha: seed.headSha,
        event: seed.event,
        status: seed.status,
        conclusion: seed.conclusion ?? null,
        run_number: runNumber,
        run_attempt: 1,
        created_at: created,
        updated_at: created
      };
      state.workflowRuns.push(run);
      return run;
    },
    addArtifact(runId, seed) {
      const run = state.workflowRuns.find((r) => r.id === runId);
      if (!run) throw new Error(`addArtifact: no workflow run ${runId}`);
      const now = new Date();
      const artifact: StoredArtifact = {
        id: ctx.nextId(),
        run_id: runId,
        name: seed.name,
        data: seed.data,
        expired: seed.expired ?? false,
        created_at: timestamp(now),
        expires_at: timestamp(new Date(now.getTime() + (seed.expired ? -1 : 90) * 86_400_000))
      };
      state.artifacts.push(artifact);
      return artifact;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    }
  };
}
