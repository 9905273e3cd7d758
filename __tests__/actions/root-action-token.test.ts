// The root action (`uses: mlci/mlci@v0`) as the runner plays it, with real processes: while the user's
// training code runs, no process it can read /proc/<pid>/environ of holds a token or a secret mlci was
// given; inputs are all checked before the first stage; `params` takes every value `--set` takes.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyExample, removeExampleCopies } from '../../test-support/examples.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { buildMlciCheckout } from '../../test-support/runner/mlci-checkout.js';
import { Job } from '../../test-support/runner/player.js';

const owner = 'octo';
const repo = 'churn';
// Random, so no other process on the machine (another test's) can hold them by chance.
const TOKEN = `ghs_${randomBytes(16).toString('hex')}`;
const ADMIN_SECRET = `admin_${randomBytes(16).toString('hex')}`;

/** The runtime folder a previous job left in the tool cache (its install is tested in runtime.test.ts). */
async function seedRuntime(job: Job): Promise<void> {
  const hash = createHash('sha256')
    .update(await readFile('actions/runtime/package-lock.json'))
    .digest('hex')
    .slice(0, 16);
  const dir = join(job.dir, 'tool-cache', 'mlci-runtime', `${process.platform}-${process.arch}-${hash}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), '{}');
  await symlink(resolve('node_modules'), join(dir, 'node_modules'));
  await writeFile(join(dir, '.complete'), '');
}

// The training command runs this first: it reads the environment block of every process it can, and its
// own, and writes what it found to leak-scan.json beside mlci.yml. The secrets are in the script's text,
// not in any environment, so the scan cannot find itself.
const SCAN = `#!/bin/bash
set -u
leaks=()
readable=0
parent=false
for f in /proc/[0-9]*/environ; do
  pid=\${f#/proc/}; pid=\${pid%/environ}
  env_block=$(tr '\\0' '\\n' < "$f" 2>/dev/null) || continue
  readable=$((readable + 1))
  [ "$pid" = "$PPID" ] && parent=true
  if grep -qF -e '${TOKEN}' -e '${ADMIN_SECRET}' <<< "$env_block"; then
    leaks+=("\\"$pid $(tr '\\0' ' ' < /proc/$pid/cmdline 2>/dev/null | cut -c1-120 | tr -d '\\"\\\\')\\"")
  fi
done
own=false
if env | grep -qF -e '${TOKEN}' -e '${ADMIN_SECRET}'; then own=true; fi
(IFS=,; echo "{\\"readable\\": $readable, \\"parentRead\\": $parent, \\"own\\": $own, \\"leaks\\": [\${leaks[*]}]}") > leak-scan.json
`;

describe('the root action, played as the runner plays it', () => {
  let root: string;
  let gh: GitHubEmulator;
  let workspace: string;
  const headSha = 'b'.repeat(40);

  beforeAll(async () => {
    root = await buildMlciCheckout();
    gh = await startGitHubEmulator({
      owner,
      repo,
      tokens: [
        {
          token: TOKEN,
          login: 'github-actions[bot]',
          userId: 41898282,
          userType: 'Bot',
          permission: 'write',
          installation: true
        }
      ]
    });
    gh.addPullRequest({ number: 12, headSha, headRef: 'feature' });
    workspace = await realpath(await copyExample('churn-node'));
    await writeFile(join(workspace, 'scan-env.sh'), SCAN, { mode: 0o755 });
    const config = await readFile(join(workspace, 'mlci.yml'), 'utf8');
    expect(config).toContain('command: node train.mjs');
    await writeFile(
      join(workspace, 'mlci.yml'),
      config.replace('command: node train.mjs', 'command: ./scan-env.sh && node train.mjs')
    );
  }, 120_000);

  afterAll(async () => {
    await gh?.close();
    await removeExampleCopies();
  });

  /** Plays `uses: mlci/mlci@v0` with `env: MLCI_ADMIN_TOKEN` on the step, as docs/workflows/mlci-retrain.yml. */
  async function play(event: 'push' | 'pull_request', inputs: Record<string, string>) {
    const payload = event === 'pull_request' ? { pull_request: { number: 12, head: { sha: headSha } } } : {};
    const job = await Job.create(
      workspace,
      {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? tmpdir(),
        GITHUB_REPOSITORY: `${owner}/${repo}`,
        GITHUB_API_URL: gh.baseUrl,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_SHA: 'c'.repeat(40),
        GITHUB_RUN_ID: '8',
        GITHUB_ACTOR: 'octocat',
        GITHUB_EVENT_NAME: event,
        GITHUB_WORKFLOW_REF: `${owner}/${repo}/.github/workflows/mlci.yml@refs/heads/main`
      },
      payload
    );
    await seedRuntime(job);
    const github = { token: TOKEN, event: payload, repository: `${owner}/${repo}` };
    const result = await job.runAction(root, { 'upload-artifact': 'false', ...inputs }, github, {
      MLCI_ADMIN_TOKEN: ADMIN_SECRET
    });
    return { ...result, job };
  }

  const scan = async () => {
    const path = join(workspace, 'leak-scan.json');
    const found = JSON.parse(await readFile(path, 'utf8')) as {
      readable: number;
      parentRead: boolean;
      own: boolean;
      leaks: string[];
    };
    await writeFile(path, '');
    return found;
  };

  it('main branch, then a pull request: no live process holds the token or the admin secret while training runs; outputs, summary, comment and check run as before', async () => {
    const first = await play('push', { out: 'mlci-out/main' });
    expect({ failed: first.failed, errors: first.job.log.match(/::error.*/g) }).toEqual({
      failed: false,
      errors: null
    });
    expect(first.outputs).toEqual({
      verdict: 'pass',
      version: '1',
      production: '1',
      stages: 'validate-data,train,evaluate,register,deploy-canary'
    });
    expect(await scan()).toEqual({ readable: expect.any(Number), parentRead: true, own: false, leaks: [] });
    expect(await first.job.summary()).toContain('mlci pipeline: ✅ pass');

    // The pull request trains against production v1: its statistics and model came through the token.
    const pr = await play('pull_request', { out: 'mlci-out/pr', force: 'True' });
    expect({ failed: pr.failed, errors: pr.job.log.match(/::error.*/g) }).toEqual({
      failed: false,
      errors: null
    });
    expect(pr.outputs).toEqual({
      verdict: 'pass',
      version: '',
      production: '1',
      stages: 'validate-data,train,evaluate'
    });
    const found = await scan();
    expect(found).toEqual({ readable: expect.any(Number), parentRead: true, own: false, leaks: [] });
    expect(found.readable).toBeGreaterThan(2);
    expect(existsSync(join(workspace, 'mlci-out/pr/validate-data/reference-statistics.json'))).toBe(true);
    expect(existsSync(join(workspace, 'mlci-out/pr/train/production.onnx'))).toBe(true);
    expect(gh.state.comments.filter((c) => c.issue_number === 12)).toHaveLength(1);
    expect(gh.state.checkRuns.filter((c) => c.head_sha === headSha).map((c) => c.conclusion)).toEqual([
      'success'
    ]);
    const summary = await pr.job.summary();
    expect(summary).toContain('mlci pipeline: ✅ pass');
    expect(summary).toContain('mlci evaluate');
  }, 300_000);

  it.each([
    ['check-run', 'off'],
    ['comment', 'yes'],
    ['force', '1'],
    ['upload-artifact', 'on'],
    ['params', 'learning_rate=0.05, 0.1']
  ])(
    'input %s: %s fails the step before any stage runs',
    async (input, value) => {
      const out = `mlci-out/bad-${input}`;
      const res = await play('push', {
        out,
        until: 'register',
        registry: '.mlci/bad-registry',
        [input]: value
      });
      expect(res.failed).toBe(true);
      expect(res.job.log).toMatch(new RegExp(`::error::input "${input}": got "[^"]*"`));
      expect(res.outputs).toEqual({ verdict: '', version: '', production: '', stages: '' });
      expect(existsSync(join(workspace, out, 'validate-data'))).toBe(false);
      expect(existsSync(join(workspace, '.mlci/bad-registry'))).toBe(false);
    },
    120_000
  );

  it('params: list values, quoted commas and one pair per line reach training as --set reads them', async () => {
    const res = await play('push', {
      out: 'mlci-out/params',
      until: 'train',
      params: 'hidden_layers=[64,32], note="a, b"\nlearning_rate=0.05\n# a comment line\noptimizer.name=adam'
    });
    expect({ failed: res.failed, errors: res.job.log.match(/::error.*/g) }).toEqual({
      failed: false,
      errors: null
    });
    expect(res.outputs.stages).toBe('validate-data,train');
    const record = JSON.parse(
      await readFile(join(workspace, 'mlci-out/params/train/training.json'), 'utf8')
    ) as {
      params: Record<string, unknown>;
    };
    expect(record.params).toMatchObject({
      hidden_layers: [64, 32],
      note: 'a, b',
      learning_rate: 0.05,
      optimizer: { name: 'adam' },
      epochs: 25
    });
  }, 240_000);
});
