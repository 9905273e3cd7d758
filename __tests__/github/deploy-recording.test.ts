import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { run } from '../../src/actions/deploy-canary/main.js';
import { summariseGitHubError } from '../../src/github/release-errors.js';
import { createOctokit } from '../../src/github/octokit.js';
import { LocalRegistry } from '../../src/registry/local.js';
import { deployCanary } from '../../src/stages/deploy.js';
import { binaryModel } from '../serve/support.js';

const owner = 'octo-org';
const repo = 'ml-repo';
const STATUSES = 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses';
const saved = { ...process.env };
let gh: GitHubEmulator;
let dir: string;
let registry: LocalRegistry;

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  dir = await mkdtemp(join(tmpdir(), 'mlci-deploy-record-'));
  // One registered version and no production yet: the first-version rollout, which needs no traffic.
  registry = new LocalRegistry(join(dir, 'registry'));
  await registry.register({ name: 'churn', model: binaryModel(), verdict: 'pass' });
});
afterEach(async () => {
  process.env = { ...saved };
  process.exitCode = 0;
  await gh.close();
  await rm(dir, { recursive: true, force: true });
});
afterAll(() => {
  process.env = saved;
});

/** Runs deploy-canary in this process as its composite step would; returns exit code, outputs and log. */
async function deployAction(token: string): Promise<{ code: number; outputs: string; stdout: string }> {
  const outputs = join(dir, 'outputs.txt');
  await writeFile(outputs, '');
  process.env = {
    ...saved,
    MLCI_INPUT_MODEL: 'churn',
    MLCI_INPUT_VERSION: '1',
    MLCI_INPUT_TARGET: 'local',
    MLCI_INPUT_REGISTRY: registry.dir,
    MLCI_INPUT_CONFIG: join(dir, 'none.yml'),
    MLCI_INPUT_OUT: join(dir, 'out'),
    MLCI_INPUT_STATE_FILE: join(dir, 'state.json'),
    GITHUB_TOKEN: token,
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_API_URL: gh.baseUrl,
    GITHUB_SHA: 'main',
    GITHUB_RUN_ID: '42',
    GITHUB_OUTPUT: outputs,
    GITHUB_STEP_SUMMARY: ''
  };
  process.exitCode = 0;
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stdout.write;
  try {
    await run();
  } finally {
    process.stdout.write = write;
  }
  return {
    code: Number(process.exitCode ?? 0),
    outputs: await readFile(outputs, 'utf8'),
    stdout: printed.join('')
  };
}

/** The value of one step output in a GITHUB_OUTPUT file (heredoc form). */
function output(file: string, name: string): string | undefined {
  return new RegExp(`^${name}<<(.+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(file)?.[2];
}

async function expectRolledOut(result: { code: number; outputs: string }): Promise<void> {
  expect(result.code).toBe(0);
  expect(output(result.outputs, 'status')).toBe('promoted');
  expect(output(result.outputs, 'version')).toBe('1');
  expect(output(result.outputs, 'stable')).toBe('1');
  expect((await registry.aliases('churn')).production).toBe(1);
  const written = JSON.parse(await readFile(join(dir, 'out', 'deployment.json'), 'utf8'));
  expect(written).toMatchObject({ model: 'churn', alias: { to: 1 }, report: { outcome: 'promoted' } });
  expect(await readFile(join(dir, 'out', 'deployment.md'), 'utf8')).toContain('churn');
}

describe('deploy-canary: the GitHub Deployment record is best effort', () => {
  it('a final status GitHub keeps refusing (502) after production moved: success, outputs, files and a warning', async () => {
    // The first status (queued) goes through; the final one fails on every retry.
    gh.inject({ route: STATUSES, kind: '502', times: 4, after: 1 });
    const result = await deployAction(gh.writeToken);
    await expectRolledOut(result);
    const deployment = gh.state.deployments[0];
    expect(gh.state.deploymentStatuses.map((s) => s.state)).toEqual(['queued']);
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::warning title=deployment not recorded::GitHub Deployment ${deployment.id} \\(production\\): status "success" .*` +
            `POST /repos/${owner}/${repo}/deployments/${deployment.id}/statuses answered 502.*still shows "queued"`
        )
      )
    ]);
    expect(result.stdout).not.toMatch(/<!DOCTYPE|<html/i);
    expect(gh.pendingFaults()).toBe(0);
  }, 60_000);

  it('a token without deployments: write does not stop the rollout: it happens, with a warning naming the permission', async () => {
    const token = gh.addToken({ contents: 'write' });
    const result = await deployAction(token);
    await expectRolledOut(result);
    expect(gh.state.deployments).toHaveLength(0);
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /no GitHub Deployment recorded for churn@v1 in production: POST \/repos\/octo-org\/ml-repo\/deployments answered 403 \(Resource not accessible by integration\).*deployments: write/
      )
    ]);
  });

  it('a recorder that throws is reported by the stage, never raised', async () => {
    const lines: string[] = [];
    const result = await deployCanary({
      model: 'churn',
      version: 1,
      target: 'local',
      registry,
      stateFile: join(dir, 'state.json'),
      out: join(dir, 'out'),
      recorder: {
        start: async () => {
          throw new Error('recording service down');
        },
        update: async () => {
          throw new Error('still down');
        }
      },
      progress: { start() {}, update() {}, finish() {}, info: (m) => lines.push(m) }
    });
    expect(result.alias).toMatchObject({ to: 1 });
    expect(lines.filter((l) => l.startsWith('warning:'))).toEqual([
      'warning: the deployment record was not started: Error: recording service down',
      'warning: the deployment record was not updated to success: Error: still down'
    ]);
  });
});

describe('a failed GitHub call in one line', () => {
  it('names the call and the status, and never quotes an HTML error page', async () => {
    const octokit = createOctokit({
      token: gh.writeToken,
      baseUrl: gh.baseUrl,
      timeScale: 0.001,
      retries: 0
    });
    gh.inject({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}', kind: '502' });
    gh.addIssue({ number: 3, title: 't' });
    const html = await octokit
      .request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
        owner,
        repo,
        issue_number: 3
      })
      .catch((e: unknown) => e);
    expect(summariseGitHubError(html)).toBe(`GET /repos/${owner}/${repo}/issues/3 answered 502`);
    const json = await octokit
      .request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
        owner,
        repo,
        issue_number: 99
      })
      .catch((e: unknown) => e);
    expect(summariseGitHubError(json)).toBe(`GET /repos/${owner}/${repo}/issues/99 answered 404 (Not Found)`);
  });
});
