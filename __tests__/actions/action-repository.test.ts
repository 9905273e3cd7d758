import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { buildMlciCheckout, runtimeCacheKey, snapshot } from '../../test-support/runner/mlci-checkout.js';
import { playWorkflow, type Repository } from '../../test-support/runner/workflow.js';

/**
 * How an action repository tests its own action (and how a fork tries a change): `uses: ./` from a
 * checkout of mlci, whose workspace holds the job's own node_modules. The runner's cache starts cold,
 * so the native runtime is really installed (npm ci against the registry) by the first mlci action.
 */
const SELF_TEST = `name: self-test
on: push
permissions:
  contents: read
jobs:
  action:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
        with:
          persist-credentials: false
      - name: Validate data
        uses: ./actions/validate-data
        with:
          config: examples/sklearn-python/mlci.yml
          out: mlci-out/validation
      - name: Train
        id: train
        uses: ./actions/train
        with:
          config: examples/sklearn-python/mlci.yml
          out: mlci-out/train
          cache: 'false'
      - name: Evaluate
        uses: ./actions/evaluate-vs-baseline
        with:
          config: examples/sklearn-python/mlci.yml
          model: \${{ steps.train.outputs.model }}
          comment: 'false'
          check-run: 'false'
      - name: The root action
        id: pipeline
        uses: ./
        with:
          config: examples/sklearn-python/mlci.yml
          until: evaluate
          force: 'true'
      - name: The job's own dependencies are still there
        run: |
          set -euo pipefail
          test -f node_modules/.package-lock.json
          node -e "require.resolve('dev-only-tool')"
`;

const VALIDATE_ONLY = `name: validate
on: push
permissions:
  contents: read
jobs:
  action:
    runs-on: ubuntu-latest
    steps:
      - name: Validate data
        uses: ./actions/validate-data
        with:
          config: examples/sklearn-python/mlci.yml
          upload-artifact: 'false'
`;

/** What mlci may write in this checkout: its output folder, the example's model and local state. */
const MLCI_PATHS = ['mlci-out', 'examples/sklearn-python/model.onnx', 'examples/sklearn-python/.mlci'];

describe('uses: ./ from a checkout of mlci itself, on a cold runner cache', () => {
  let gh: GitHubEmulator;
  let workspace: string;
  beforeAll(async () => {
    gh = await startGitHubEmulator({ owner: 'mlci', repo: 'mlci' });
    workspace = await realpath(await mkdtemp(join(tmpdir(), 'mlci-self-')));
    await buildMlciCheckout(workspace);
    await cp('package.json', join(workspace, 'package.json'));
    await cp('examples/sklearn-python', join(workspace, 'examples/sklearn-python'), {
      recursive: true,
      filter: (source) => !/(\.mlci|model\.onnx|__pycache__)$/.test(source)
    });
    // The job's own install (npm ci of the repository's dev dependencies), as a later step needs it.
    const tool = join(workspace, 'node_modules', 'dev-only-tool');
    await mkdir(tool, { recursive: true });
    await writeFile(join(tool, 'package.json'), '{"name":"dev-only-tool","main":"index.js"}');
    await writeFile(join(tool, 'index.js'), 'module.exports = 1;');
    await writeFile(join(workspace, 'node_modules', '.package-lock.json'), '{}');
    await symlink(resolve('node_modules/typescript'), join(workspace, 'node_modules', 'typescript'));
    await mkdir(join(workspace, '.github', 'workflows'), { recursive: true });
    await writeFile(join(workspace, '.github', 'workflows', 'self-test.yml'), SELF_TEST);
    await writeFile(join(workspace, '.github', 'workflows', 'validate.yml'), VALIDATE_ONLY);
  }, 120_000);
  afterAll(() => gh?.close());

  it('four mlci actions install the native runtime once, outside the workspace; the saved cache is under 150 MB; node_modules and the workspace are left alone', async () => {
    const before = await snapshot(workspace, MLCI_PATHS);
    const repo: Repository = {
      gh,
      name: 'mlci/mlci',
      mlci: workspace,
      caches: new Map(),
      vars: {},
      secrets: {},
      env: { PATH: `/usr/bin:${process.env.PATH}`, HOME: process.env.HOME ?? '/root' }
    };
    const event = { name: 'push', payload: {}, sha: 'd'.repeat(40), ref: 'refs/heads/main' };
    const run = await playWorkflow(
      join(workspace, '.github/workflows/self-test.yml'),
      workspace,
      event,
      repo
    );
    const result = run.jobs.action;
    const job = result.job!;
    expect({ conclusion: run.conclusion, errors: job.log.match(/::error.*/g) }).toEqual({
      conclusion: 'success',
      errors: null
    });
    expect(result.steps.pipeline.outputs.stages).toBe('validate-data,train,evaluate');
    // One install, by the first action; the others find the runtime complete.
    const key = await runtimeCacheKey();
    expect(job.log.match(/mlci: native runtime for \S+ installed in (\S+)/g)).toHaveLength(1);
    expect(job.record.cacheRestores).toEqual([{ key, hit: false }]);
    expect(job.record.cacheSaves).toEqual([key]);
    const saved = repo.caches.get(key)!;
    const bytes = Number(execFileSync('du', ['-sb', saved], { encoding: 'utf8' }).split('\t')[0]);
    expect(bytes).toBeLessThan(150 * 1024 * 1024);
    expect(job.log).toContain(join(job.dir, 'tool-cache', 'mlci-runtime'));
    // Nothing installed or changed in the workspace (the action's own folder).
    expect(await snapshot(workspace, MLCI_PATHS)).toEqual(before);
    expect(await readFile(join(workspace, 'node_modules', '.package-lock.json'), 'utf8')).toBe('{}');

    // The next job of the repository restores the saved runtime and installs nothing.
    const next = await playWorkflow(
      join(workspace, '.github/workflows/validate.yml'),
      workspace,
      event,
      repo
    );
    expect(next.conclusion).toBe('success');
    expect(next.jobs.action.job!.record.cacheRestores).toEqual([{ key, hit: true }]);
    expect(next.jobs.action.job!.log).not.toContain('mlci: native runtime for');
  }, 300_000);
});
