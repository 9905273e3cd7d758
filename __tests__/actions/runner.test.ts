import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, realpath, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyExample, removeExampleCopies } from '../../test-support/examples.js';
import { startGitHubEmulator } from '../../test-support/github-emulator/index.js';
import { buildMlciCheckout, snapshot } from '../../test-support/runner/mlci-checkout.js';
import { Job } from '../../test-support/runner/player.js';

/** The runtime folder a previous job left in the tool cache (its install is tested in runtime.test.ts). */
async function seedRuntime(job: Job): Promise<string> {
  const hash = createHash('sha256')
    .update(await readFile('actions/runtime/package-lock.json'))
    .digest('hex')
    .slice(0, 16);
  const dir = join(job.dir, 'tool-cache', 'mlci-runtime', `${process.platform}-${process.arch}-${hash}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), '{}');
  await symlink(resolve('node_modules'), join(dir, 'node_modules'));
  await writeFile(join(dir, '.complete'), '');
  return dir;
}

describe('the actions as the runner plays them (composite steps, bash, GITHUB_* files)', () => {
  let root: string;
  beforeAll(async () => {
    root = await buildMlciCheckout();
  }, 120_000);
  afterAll(removeExampleCopies);

  it('the pull-request job of docs/workflows/mlci-pr.yml on churn-node: one sticky comment, a check run, the summary', async () => {
    const gh = await startGitHubEmulator({ owner: 'octo', repo: 'churn' });
    try {
      const headSha = 'b'.repeat(40);
      gh.addPullRequest({ number: 12, headSha, headRef: 'feature' });
      const workspace = await realpath(await copyExample('churn-node'));
      const event = { pull_request: { number: 12, head: { sha: headSha } } };
      const job = await Job.create(
        workspace,
        {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? tmpdir(),
          GITHUB_REPOSITORY: 'octo/churn',
          GITHUB_API_URL: gh.baseUrl,
          GITHUB_SERVER_URL: 'https://github.example',
          GITHUB_SHA: 'c'.repeat(40),
          GITHUB_RUN_ID: '8',
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_WORKFLOW_REF: 'octo/churn/.github/workflows/mlci-pr.yml@refs/pull/12/merge'
        },
        event
      );
      await seedRuntime(job);
      const github = { token: gh.writeToken, event, repository: 'octo/churn' };
      const train = await job.runAction(join(root, 'actions', 'train'), { cache: 'false' }, github);
      expect(train.failed).toBe(false);
      for (let push = 0; push < 2; push++) {
        const evaluation = await job.runAction(
          join(root, 'actions', 'evaluate-vs-baseline'),
          { model: train.outputs.model, 'artifact-name': 'mlci-evaluation' },
          github
        );
        expect({
          failed: evaluation.failed,
          verdict: evaluation.outputs.verdict,
          log: job.log.match(/::error.*/g)
        }).toEqual({
          failed: false,
          verdict: 'pass',
          log: null
        });
      }
      const comments = gh.state.comments.filter((c) => c.issue_number === 12);
      expect(comments).toHaveLength(1);
      expect(comments[0].body).toContain('mlci evaluate');
      expect(gh.state.checkRuns.map((c) => [c.head_sha, c.conclusion])).toEqual([
        [headSha, 'success'],
        [headSha, 'success']
      ]);
      expect(await job.summary()).toContain('mlci evaluate');
      expect(job.record.artifacts.filter((a) => !a.archive).map((a) => a.path)).toEqual([
        'mlci-out/evaluation/report.html',
        'mlci-out/evaluation/report.html'
      ]);
    } finally {
      await gh.close();
    }
  }, 240_000);

  it("validate-data then train on churn-node: outputs, summary, the user's node kept, no token for the training command, workspace untouched", async () => {
    const workspace = await realpath(await copyExample('churn-node'));
    // The user's own Node, set up before the mlci steps.
    const userBin = await mkdtemp(join(tmpdir(), 'user-node-'));
    await writeFile(join(userBin, 'node'), `#!/bin/sh\nexec "${process.execPath}" "$@"\n`, { mode: 0o755 });
    const job = await Job.create(
      workspace,
      {
        PATH: `${userBin}:${process.env.PATH}`,
        HOME: process.env.HOME ?? tmpdir(),
        GITHUB_REPOSITORY: 'octo/churn',
        GITHUB_SHA: 'a'.repeat(40),
        GITHUB_RUN_ID: '7',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_TOKEN: 'ghs_job_token',
        MLCI_ADMIN_TOKEN: 'admin_secret'
      },
      {}
    );
    const runtime = await seedRuntime(job);
    // train.model of the example's mlci.yml: where its trainer writes the model.
    const configured = ['model.onnx'];
    const before = await snapshot(workspace, ['mlci-out', '.mlci', ...configured]);
    const userNode = async () => (
      await job.bash('command -v node > "$RUNNER_TEMP/which"', {}),
      readFile(join(job.dir, 'temp', 'which'), 'utf8')
    );
    const nodeBefore = await userNode();
    expect(nodeBefore.trim()).toBe(join(userBin, 'node'));
    const github = { token: 'ghs_job_token', event: {}, repository: 'octo/churn' };

    const validation = await job.runAction(join(root, 'actions', 'validate-data'), {}, github);
    expect(job.log).not.toContain('::error');
    expect(validation.failed).toBe(false);
    expect(validation.outputs.verdict).toMatch(/^(pass|warn)$/);
    expect(await userNode()).toBe(nodeBefore);

    const train = await job.runAction(
      join(root, 'actions', 'train'),
      { command: 'env > "$RUNNER_TEMP/training-env.txt"; node train.mjs', cache: 'false' },
      github
    );
    expect(train.failed).toBe(false);
    expect(train.outputs.status).toBe('pass');
    expect(train.outputs.model).toBe(join(workspace, 'mlci-out', 'train', 'model.onnx'));
    expect((await stat(train.outputs.model)).size).toBeGreaterThan(100);
    expect(await userNode()).toBe(nodeBefore);

    const seen = await readFile(join(job.dir, 'temp', 'training-env.txt'), 'utf8');
    expect(seen).toContain('MLCI_SEED=');
    expect(seen).not.toMatch(/GITHUB_TOKEN=|MLCI_ADMIN_TOKEN=|MLCI_INPUT_TOKEN=|ghs_job_token|admin_secret/);

    const summary = await job.summary();
    expect(summary).toContain('Data validation');
    expect(summary).toContain('mlci train: pass');
    expect(job.record.setupNode).toBe(0);
    expect(job.record.artifacts.map((a) => a.name)).toEqual(['mlci-validation', 'mlci-model']);
    // The runtime came from the tool cache: neither restored nor installed again.
    expect(job.record.cacheRestores).toEqual([]);
    expect(job.log).not.toContain('native runtime for');
    expect(await readdir(runtime)).toContain('.complete');
    expect(await snapshot(workspace, ['mlci-out', '.mlci', ...configured])).toEqual(before);
    expect(await readFile(join(workspace, 'mlci-out', 'train', '.gitignore'), 'utf8')).toContain('*');
  }, 240_000);
});
