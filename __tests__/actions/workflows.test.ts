import { readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import {
  buildMlciCheckout,
  snapshot,
  userRepository,
  warmCaches
} from '../../test-support/runner/mlci-checkout.js';
import { nodeShim, type Job } from '../../test-support/runner/player.js';
import {
  playWorkflow,
  type PlayedRun,
  type Repository,
  type RunHooks,
  type WorkflowEvent
} from '../../test-support/runner/workflow.js';

const MODEL = { 'churn-node': 'churn-node', 'sklearn-python': 'churn-sklearn' } as const;
/** What mlci may write in the user's checkout: its output folder, its state folder, train.model of mlci.yml. */
const MLCI_PATHS = ['mlci-out', '.mlci', 'model.onnx'];
const SECRET = 'mlci-admin-secret-value';

/** A prediction log as `mlci serve` writes it (docs/prediction-log.md), from the example's new data. */
const predictionLogStep = (model: string, version: number) => `set -euo pipefail
mkdir -p logs
node --input-type=module -e '
import { readFileSync, writeFileSync } from "node:fs";
const [head, ...rows] = readFileSync("data/new-data.csv", "utf8").trim().split("\\n").map((l) => l.split(","));
const value = (v) => (v === "" ? null : isNaN(Number(v)) ? v : Number(v));
const lines = rows.map((r, i) => JSON.stringify({
  ts: new Date(Date.now() - (rows.length - i) * 1000).toISOString(), model: "${model}", version: ${version},
  variant: "stable", features: Object.fromEntries(head.map((h, j) => [h, value(r[j])]).filter(([h]) => h !== "churned")),
  prediction: { probabilities: [0.5, 0.5] }, latency_ms: 1 }));
writeFileSync("logs/predictions.jsonl", lines.join("\\n") + "\\n");
'`;

const sha = (n: number) => n.toString(16).padStart(40, 'a');

/**
 * Checks around every mlci action of a run, as a user's later step would see them: the same `node`
 * on the PATH, no file changed outside what mlci may write; and what the training command saw.
 */
function userChecks(): RunHooks & { problems: string[] } {
  const problems: string[] = [];
  let before: { node: string; files: Record<string, string> } | undefined;
  const userNode = async (job: Job) => {
    await job.bash('command -v node > "$RUNNER_TEMP/which-node"', {});
    return readFile(join(job.dir, 'temp', 'which-node'), 'utf8');
  };
  return {
    problems,
    async around(job, step, when) {
      const now = { node: await userNode(job), files: await snapshot(job.workspace, MLCI_PATHS) };
      if (!now.node.includes('user-node-'))
        problems.push(`${step.name}: the user's node is not first: ${now.node}`);
      if (when === 'before') before = now;
      else {
        if (now.node !== before?.node)
          problems.push(`${step.name}: node on PATH ${before?.node.trim()} → ${now.node.trim()}`);
        expect({ step: step.name, files: now.files }).toEqual({ step: step.name, files: before?.files });
      }
    }
  };
}

describe.each(['churn-node', 'sklearn-python'] as const)(
  'docs/workflows played by the runner on a copy of examples/%s',
  (example) => {
    let gh: GitHubEmulator;
    let repo: Repository;
    let workspace: string;
    let commit = 0;
    const model = MODEL[example];

    beforeAll(async () => {
      gh = await startGitHubEmulator({ owner: 'octo', repo: example });
      workspace = await realpath(await userRepository(example));
      // The training command dumps the environment it gets, to show no token reaches the user's code.
      const config = join(workspace, 'mlci.yml');
      const text = await readFile(config, 'utf8');
      await writeFile(
        config,
        text.replace(/command: (.*)/, 'command: env > "$RUNNER_TEMP/training-env.txt"; $1')
      );
      repo = {
        gh,
        name: `octo/${example}`,
        mlci: await buildMlciCheckout(),
        caches: await warmCaches(),
        vars: {},
        secrets: { MLCI_ADMIN_TOKEN: SECRET },
        hostedNode: true,
        env: {
          // The user's own Node first on the PATH (as their setup-node step leaves it), then the image's tools.
          PATH: `${dirname(await nodeShim(join(workspace, '..', `user-node-${example}`, 'bin')))}:/usr/bin:${process.env.PATH}`,
          HOME: process.env.HOME ?? '/root',
          // The image's system Python is externally managed (PEP 668), as ubuntu-latest's: pip must not
          // install into it, so the workflows' setup-python step is what lets requirements.txt install.
          PIP_BREAK_SYSTEM_PACKAGES: '0'
        }
      };
    }, 300_000);
    afterAll(() => gh?.close());

    const workflow = (name: string) => join(workspace, '.github', 'workflows', name);
    const push = (): WorkflowEvent => {
      const after = sha(++commit);
      gh.setRef('refs/heads/main', after);
      return { name: 'push', payload: { ref: 'refs/heads/main', after }, sha: after, ref: 'refs/heads/main' };
    };
    /** A change to the training parameters (one more epoch); returns how to undo it. */
    const changeParams = async () => {
      const file = join(workspace, 'params.yaml');
      const text = await readFile(file, 'utf8');
      await writeFile(
        file,
        text.replace(/epochs: (\d+)/, (_, n: string) => `epochs: ${Number(n) + 1}`)
      );
      return () => writeFile(file, text);
    };
    const trainingEnv = async (run: PlayedRun, job: string) =>
      readFile(join(run.jobs[job].job!.dir, 'temp', 'training-env.txt'), 'utf8');
    const artifacts = (run: PlayedRun) =>
      gh.state.artifacts
        .filter((a) => a.run_id === run.id)
        .map((a) => a.name)
        .sort();

    it('a pull request before anything is registered: one sticky comment, a check run, the summary, no token for the trainer', async () => {
      const checks = userChecks();
      const head = sha(1000);
      gh.addPullRequest({ number: 1, headSha: head, headRef: 'feature' });
      const run = await playWorkflow(
        workflow('mlci-pr.yml'),
        workspace,
        {
          name: 'pull_request',
          payload: { number: 1, pull_request: { number: 1, head: { sha: head, ref: 'feature' } } },
          sha: sha(2000),
          ref: 'refs/pull/1/merge',
          headBranch: 'feature',
          headSha: head
        },
        repo,
        checks
      );
      const job = run.jobs.evaluate.job!;
      expect({ conclusion: run.conclusion, errors: job.log.match(/::error.*/g) }).toEqual({
        conclusion: 'success',
        errors: null
      });
      expect(checks.problems).toEqual([]);
      expect(gh.state.comments.filter((c) => c.issue_number === 1)).toHaveLength(1);
      expect(gh.state.checkRuns.map((c) => [c.head_sha, c.conclusion])).toEqual([[head, 'success']]);
      expect(artifacts(run)).toEqual(['mlci-evaluation', 'mlci-train', 'mlci-validation', 'report.html']);
      expect(await job.summary()).toContain('mlci evaluate');
      const seen = await trainingEnv(run, 'evaluate');
      expect(seen).toContain('MLCI_SEED=');
      expect(seen).not.toMatch(/GITHUB_TOKEN=|MLCI_INPUT_TOKEN=|scoped-token|write-token/);
      // A Python project gets setup-python's Python (pip cannot install into the image's own).
      expect(job.record.setupPython).toEqual(example === 'sklearn-python' ? ['3.11'] : []);
    }, 300_000);

    /** alias → version, read from the annotated tag each alias ref points at (as the registry stores moves). */
    const aliases = () =>
      Object.fromEntries(
        gh.state.refs
          .filter((r) => r.ref.startsWith(`refs/tags/${model}@`) && !/@v\d+$/.test(r.ref))
          .map((r) => {
            const message = gh.state.tags.find((t) => t.sha === r.sha)!.message;
            const event = JSON.parse(message.slice(message.indexOf('\n\n') + 2)) as { to: number };
            return [r.ref.slice(`refs/tags/${model}@`.length), event.to];
          })
      );
    const green = (run: PlayedRun, checks: { problems: string[] }) => {
      const log = Object.values(run.jobs)
        .map((j) => j.job?.log ?? '')
        .join('\n');
      expect({
        conclusion: run.conclusion,
        errors: log.match(/::error.*/g),
        problems: checks.problems
      }).toEqual({
        conclusion: 'success',
        errors: null,
        problems: []
      });
    };
    const noToken = (seen: string) => {
      expect(seen).toContain('MLCI_SEED=');
      expect(seen).not.toMatch(
        /GITHUB_TOKEN=|MLCI_INPUT_TOKEN=|MLCI_ADMIN_TOKEN=|scoped-token|write-token|read-token/
      );
      expect(seen).not.toContain(SECRET);
    };

    it('the first merge to main is green: v1 registered, then production without a canary', async () => {
      const checks = userChecks();
      const event = push();
      const run = await playWorkflow(workflow('mlci-main.yml'), workspace, event, repo, checks);
      green(run, checks);
      expect(run.jobs.release.outputs.version).toBe('1');
      expect(gh.state.releases.map((r) => [r.tag_name, r.draft])).toEqual([[`${model}@v1`, false]]);
      expect(aliases()).toEqual({ staging: 1, production: 1 });
      expect(gh.state.deployments.map((d) => [d.environment, d.sha, d.description])).toEqual([
        ['production', event.sha, `first version ${model}@v1`]
      ]);
      expect(artifacts(run)).toEqual(
        [
          'mlci-deploy',
          'mlci-evaluation-main',
          'mlci-model',
          'mlci-register',
          'mlci-validation',
          'report.html'
        ].sort()
      );
      // The pull request trained this exact model: the merge restores it from the training cache.
      expect(run.jobs.release.steps.train.outputs['cache-hit']).toBe('true');
      expect(await run.jobs.deploy.job!.summary()).toContain('v1');
    }, 300_000);

    it('a later merge: v2 registered against production and rolled out by the canary', async () => {
      const checks = userChecks();
      await changeParams();
      const run = await playWorkflow(workflow('mlci-main.yml'), workspace, push(), repo, checks);
      green(run, checks);
      noToken(await trainingEnv(run, 'release'));
      expect(run.jobs.release.outputs.version).toBe('2');
      expect(aliases()).toEqual({ staging: 2, production: 2 });
      expect(gh.state.deployments).toHaveLength(2);
      expect(
        gh.state.deploymentStatuses.filter((d) => d.deployment_id === gh.state.deployments[1].id).at(-1)
          ?.state
      ).toBe('success');
    }, 300_000);

    it('a pull request against production: the comment compares with v2; a second push edits the same comment', async () => {
      const checks = userChecks();
      const pr = gh.addPullRequest({ number: 2, headSha: sha(3000), headRef: 'tweak' });
      const event = (head: string): WorkflowEvent => ({
        name: 'pull_request',
        payload: { number: 2, pull_request: { number: 2, head: { sha: head, ref: 'tweak' } } },
        sha: sha(4000),
        ref: 'refs/pull/2/merge',
        headBranch: 'tweak',
        headSha: head
      });
      green(await playWorkflow(workflow('mlci-pr.yml'), workspace, event(pr.head_sha), repo, checks), checks);
      pr.head_sha = sha(3001);
      green(await playWorkflow(workflow('mlci-pr.yml'), workspace, event(pr.head_sha), repo, checks), checks);
      const comments = gh.state.comments.filter((c) => c.issue_number === 2);
      expect(comments).toHaveLength(1);
      expect(comments[0].body).toMatch(/Baseline \(registry\): .*v2 /);
      expect(gh.state.checkRuns.filter((c) => c.head_sha === pr.head_sha).map((c) => c.conclusion)).toEqual([
        'success'
      ]);
    }, 300_000);

    it('a pull request from a fork: its run posts nothing with its read-only token; the poster workflow posts it', async () => {
      const checks = userChecks();
      const head = sha(5000);
      gh.addPullRequest({ number: 3, headSha: head, headRef: 'fork-change', fork: true });
      const restore = await changeParams();
      const before = { comments: gh.state.comments.length, checks: gh.state.checkRuns.length };
      const prRun = await playWorkflow(
        workflow('mlci-pr.yml'),
        workspace,
        {
          name: 'pull_request',
          payload: { number: 3, pull_request: { number: 3, head: { sha: head, ref: 'fork-change' } } },
          sha: sha(6000),
          ref: 'refs/pull/3/merge',
          headBranch: 'fork-change',
          headSha: head,
          fork: true
        },
        repo,
        checks
      );
      expect(prRun.conclusion).toBe('success');
      expect({ comments: gh.state.comments.length, checks: gh.state.checkRuns.length }).toEqual(before);
      noToken(await trainingEnv(prRun, 'evaluate'));
      await restore();
      const stored = gh.state.workflowRuns.find((r) => r.id === prRun.id)!;
      const poster = await playWorkflow(
        workflow('mlci-report-poster.yml'),
        workspace,
        {
          name: 'workflow_run',
          payload: {
            action: 'completed',
            workflow_run: {
              id: prRun.id,
              event: 'pull_request',
              head_sha: head,
              path: stored.path,
              conclusion: stored.conclusion
            }
          },
          sha: sha(commit),
          ref: 'refs/heads/main'
        },
        repo,
        checks
      );
      green(poster, checks);
      const comments = gh.state.comments.filter((c) => c.issue_number === 3);
      expect(comments).toHaveLength(1);
      expect(comments[0].body).toContain(`mlci evaluate · ${model}: **PASS**`);
      expect(gh.state.checkRuns.filter((c) => c.head_sha === head).map((c) => c.conclusion)).toEqual([
        'success'
      ]);
    }, 300_000);

    it('retraining by workflow_dispatch: the whole pipeline with the typed inputs, v3 through the same gates, no admin token for the trainer', async () => {
      const checks = userChecks();
      const run = await playWorkflow(
        workflow('mlci-retrain.yml'),
        workspace,
        {
          name: 'workflow_dispatch',
          payload: { inputs: { reason: 'drift in tenure_months', params: 'epochs=40' } },
          sha: sha(commit),
          ref: 'refs/heads/main'
        },
        repo,
        checks
      );
      green(run, checks);
      const summary = await run.jobs.retrain.job!.summary();
      expect(summary).toContain('drift in tenure_months');
      noToken(await trainingEnv(run, 'retrain'));
      expect(aliases().production).toBe(3);
      expect(artifacts(run)).toContain('mlci-retrain');
    }, 300_000);

    it('the monitor: drift of the prediction log against production statistics dispatches mlci-retrain.yml', async () => {
      const checks = userChecks();
      const run = await playWorkflow(
        workflow('mlci-monitor.yml'),
        workspace,
        { name: 'schedule', payload: { schedule: '17 6 * * *' }, sha: sha(commit), ref: 'refs/heads/main' },
        repo,
        {
          ...checks,
          replace: {
            // The user's copy of the server's log: new-data.csv's rows as mlci serve logs them.
            'Fetch the prediction log': predictionLogStep(model, aliases().production)
          }
        }
      );
      expect(run.conclusion).toBe('failure');
      expect(gh.state.workflowDispatches.map((d) => d.workflow_id)).toEqual(['mlci-retrain.yml']);
    }, 300_000);
  }
);
