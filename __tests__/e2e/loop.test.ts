// The whole loop as the copyable workflows in docs/workflows/ play it, against the GitHub API emulator
// and real local servers: a pull request gets one sticky comment that a second push updates; the merge
// registers v1 on GitHub Releases and makes it production; live traffic on drifted data reaches the
// server's prediction log, the scheduled monitor sees the drift and dispatches the retraining workflow;
// the retraining run evaluates v2 against v1, registers it and rolls it out as a canary.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { run as runMonitorAction } from '../../src/actions/monitor/main.js';
import { run as runPipelineAction } from '../../src/actions/pipeline/main.js';
import { readReplayFile, rowBody } from '../../src/deploy/traffic.js';
import { createOctokit } from '../../src/github/octokit.js';
import { GitHubReleaseRegistry } from '../../src/github/release-registry.js';
import type { Registry } from '../../src/registry/types.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import { copyExample, removeExampleCopies } from '../../test-support/examples.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';

const owner = 'acme';
const repo = 'churn';
const model = 'churn-node';
const MARKER = /<!-- mlci:/;

let gh: GitHubEmulator;
let example: string;
let scratch: string;
let registry: Registry;
let runId = 100;
const saved = { ...process.env };

beforeAll(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  example = await copyExample('churn-node');
  scratch = await mkdtemp(join(tmpdir(), 'mlci-loop-'));
  registry = new GitHubReleaseRegistry(
    createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 }),
    {
      owner,
      repo
    }
  );
});

afterAll(async () => {
  process.env = { ...saved };
  await gh?.close();
  await rm(scratch, { recursive: true, force: true });
  await removeExampleCopies();
});

interface ActionRun {
  exitCode: number;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs the root action (what `uses: mlci/mlci@v0` runs) in-process with the environment GitHub
 * Actions gives a step: the event payload, the workflow, the token and the inputs as MLCI_INPUT_*.
 */
async function rootAction(options: {
  action?: () => Promise<void>;
  event: string;
  payload: Record<string, unknown>;
  sha: string;
  workflow: string;
  inputs?: Record<string, string>;
}): Promise<ActionRun> {
  runId += 1;
  const dir = join(scratch, `run-${runId}`);
  const eventPath = `${dir}-event.json`;
  const outputPath = `${dir}-output.txt`;
  // @actions/core remembers the summary file of its first use, so every run shares one (emptied here).
  const summaryPath = join(scratch, 'step-summary.md');
  await writeFile(eventPath, JSON.stringify(options.payload));
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  process.env = {
    ...saved,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_API_URL: gh.baseUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_TOKEN: gh.writeToken,
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: options.sha,
    GITHUB_WORKFLOW_REF: `${owner}/${repo}/.github/workflows/${options.workflow}@refs/heads/main`,
    GITHUB_RUN_ID: String(runId),
    GITHUB_ACTOR: 'octocat',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    MLCI_INPUT_CONFIG: join(example, 'mlci.yml'),
    MLCI_INPUT_OUT: dir,
    MLCI_INPUT_REGISTRY: 'github',
    ...Object.fromEntries(
      Object.entries(options.inputs ?? {}).map(([k, v]) => [
        `MLCI_INPUT_${k.toUpperCase().replace(/-/g, '_')}`,
        v
      ])
    )
  };
  process.exitCode = 0;
  try {
    await (options.action ?? runPipelineAction)();
    const exitCode = Number(process.exitCode ?? 0);
    return {
      exitCode,
      outputs: parseOutputs(await readFile(outputPath, 'utf8')),
      summary: await readFile(summaryPath, 'utf8')
    };
  } finally {
    process.exitCode = 0;
    process.env = { ...saved };
  }
}

/** Reads GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (!heredoc) continue;
    const end = lines.indexOf(heredoc[2], i + 1);
    outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

const prComments = (number: number) =>
  gh.state.comments.filter((c) => c.issue_number === number && MARKER.test(c.body));

describe('the whole loop: pull request → merge → monitor → retraining', () => {
  const headA = 'a1'.repeat(20);
  const headB = 'b2'.repeat(20);

  it('a pull request gets one sticky comment and a check run; nothing is registered', async () => {
    gh.addPullRequest({ number: 7, headSha: headA, headRef: 'feature/tune' });
    const run = await rootAction({
      event: 'pull_request',
      payload: { pull_request: { number: 7, head: { sha: headA } } },
      sha: headA,
      workflow: 'mlci-pr.yml'
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      verdict: 'pass',
      version: '',
      stages: 'validate-data,train,evaluate'
    });
    const comments = prComments(7);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('rubber stamp');
    expect(gh.state.checkRuns.filter((c) => c.head_sha === headA)).toHaveLength(1);
    expect(gh.state.releases).toHaveLength(0);
    // pipeline.md escapes its text as untrusted Markdown: `\--` renders as `--`.
    expect(run.summary).toContain('| register | ⏭️ skipped | after \\--until evaluate |');
  }, 60_000);

  it('a second push updates the same comment instead of adding one', async () => {
    const pull = gh.state.pulls.find((p) => p.number === 7)!;
    pull.head_sha = headB;
    const { id: beforeId, body: beforeBody } = prComments(7)[0];
    const run = await rootAction({
      event: 'pull_request',
      payload: { pull_request: { number: 7, head: { sha: headB } } },
      sha: headB,
      workflow: 'mlci-pr.yml',
      inputs: { params: 'learning_rate=0.12' }
    });
    expect(run.exitCode).toBe(0);
    const comments = prComments(7);
    expect(comments).toHaveLength(1);
    expect(comments[0].id).toBe(beforeId);
    expect(comments[0].body).not.toBe(beforeBody);
    // The previous run is folded under <details>.
    expect(comments[0].body).toContain('<details>');
    expect(comments[0].body).toContain(headB.slice(0, 7));
    expect(gh.state.checkRuns.filter((c) => c.head_sha === headB)).toHaveLength(1);
  }, 60_000);

  it('the merge registers v1 on GitHub Releases and makes it production', async () => {
    const mainSha = gh.state.refs.find((r) => r.ref === 'refs/heads/main')!.sha;
    const run = await rootAction({
      event: 'push',
      payload: { ref: 'refs/heads/main' },
      sha: mainSha,
      workflow: 'mlci-main.yml'
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'pass', version: '1', production: '1' });
    expect(gh.state.releases.map((r) => r.tag_name)).toContain(`${model}@v1`);
    expect(await registry.aliases(model)).toMatchObject({ production: 1 });
    const v1 = await registry.resolve({ name: model, alias: 'production' });
    expect(v1?.assets).toEqual(expect.arrayContaining(['model.onnx', 'statistics.json']));
    expect(prComments(7)).toHaveLength(1);
  }, 120_000);

  it('live traffic on drifted data reaches the prediction log; the scheduled monitor dispatches retraining', async () => {
    // Production serves from the GitHub registry, logging every request, as `mlci serve --log` does.
    const logPath = join(scratch, 'logs', 'predictions.jsonl');
    const server = await ModelServer.start({
      model: { name: model, alias: 'production' },
      source: registrySource(registry),
      port: 0,
      log: { path: logPath, sampleRate: 1, statsIntervalMs: 60_000 }
    });
    try {
      const { rows } = await readReplayFile(join(example, 'data/new-data.csv'), ['churned']);
      for (let start = 0; start < 600; start += 50) {
        const answers = await Promise.all(
          rows.slice(start, start + 50).map((row, k) =>
            fetch(`${server.url}/v2/models/${model}/infer`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ id: `live-${start + k}`, ...(rowBody(row) as object) })
            })
          )
        );
        expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      }
    } finally {
      await server.close();
    }
    const run = await rootAction({
      action: runMonitorAction,
      event: 'schedule',
      payload: { schedule: '17 6 * * *' },
      sha: gh.state.refs.find((r) => r.ref === 'refs/heads/main')!.sha,
      workflow: 'mlci-monitor.yml',
      inputs: { model, log: logPath, trigger: 'workflow_dispatch', workflow: 'mlci-retrain.yml' }
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'drift', dispatched: 'true' });
    expect(run.outputs['drifted-columns'].split(',').length).toBeGreaterThanOrEqual(5);
    expect(run.summary).toMatch(/drift/i);
    expect(gh.state.workflowDispatches).toHaveLength(1);
    const dispatch = gh.state.workflowDispatches[0];
    expect(dispatch).toMatchObject({ workflow_id: 'mlci-retrain.yml', ref: 'main' });
    expect(String(dispatch.inputs.reason)).toMatch(/drift: \d+ of \d+ columns drifted/);
    expect(String(dispatch.inputs.reason)).toContain(`${model}@v1`);
  }, 120_000);

  it('retraining (workflow_dispatch) evaluates v2 against v1 and rolls it out as a canary on a real server', async () => {
    const mainSha = gh.state.refs.find((r) => r.ref === 'refs/heads/main')!.sha;
    const run = await rootAction({
      event: 'workflow_dispatch',
      // The inputs the monitor dispatched, as GitHub hands them to the retraining run.
      payload: {
        inputs: { ...gh.state.workflowDispatches[0].inputs, params: 'learning_rate=0.12', force: 'false' }
      },
      sha: mainSha,
      workflow: 'mlci-retrain.yml',
      inputs: { params: 'learning_rate=0.12' }
    });
    const outcome = JSON.parse(
      await readFile(join(scratch, `run-${runId}`, 'deploy-canary', 'deployment.json'), 'utf8')
    ).report.outcome as string;
    expect(['promoted', 'rolled_back']).toContain(outcome);
    expect(run.outputs.version).toBe('2');
    const evaluation = JSON.parse(
      await readFile(join(scratch, `run-${runId}`, 'evaluate', 'evaluation.json'), 'utf8')
    );
    expect(evaluation.baseline_source).toMatchObject({ kind: 'registry', version: 1 });
    const aliases = await registry.aliases(model);
    if (outcome === 'promoted') {
      expect(run.exitCode).toBe(0);
      expect(aliases.production).toBe(2);
    } else {
      expect(run.exitCode).toBe(1);
      expect(aliases.production).toBe(1);
    }
    const deployment = gh.state.deployments.at(-1)!;
    const statuses = gh.state.deploymentStatuses
      .filter((s) => s.deployment_id === deployment.id)
      .map((s) => s.state);
    expect(statuses.at(-1)).toBe(outcome === 'promoted' ? 'success' : 'failure');
  }, 120_000);
});
