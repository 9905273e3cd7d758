import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { loadRunContext, runUrlOf } from '../../src/github/run-context.js';

describe('run context (from @actions/github)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads the pull request, its head commit, the workflow file and the run link, fresh per call', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-context-'));
    const event = join(dir, 'event.json');
    await writeFile(event, JSON.stringify({ pull_request: { number: 7, head: { sha: 'abc123' } } }));
    Object.assign(process.env, {
      GITHUB_REPOSITORY: 'octo/ml',
      GITHUB_EVENT_PATH: event,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_SHA: 'merge0',
      GITHUB_RUN_ID: '42',
      GITHUB_SERVER_URL: 'https://ghe.example',
      GITHUB_API_URL: 'https://ghe.example/api/v3',
      GITHUB_WORKFLOW_REF: 'octo/ml/.github/workflows/mlci-pr.yml@refs/pull/7/merge',
      GITHUB_ACTOR: 'mona'
    });
    const context = await loadRunContext('t0ken');
    expect(context).toEqual({
      owner: 'octo',
      repo: 'ml',
      apiUrl: 'https://ghe.example/api/v3',
      serverUrl: 'https://ghe.example',
      workflow: 'mlci-pr.yml',
      eventName: 'pull_request',
      pullNumber: 7,
      headSha: 'abc123',
      ref: 'merge0',
      actor: 'mona',
      runUrl: 'https://ghe.example/octo/ml/actions/runs/42',
      token: 't0ken'
    });
    expect(runUrlOf(process.env)).toBe(context!.runUrl);
    // A second action in the same process sees its own event, not the first one's.
    await writeFile(join(dir, 'push.json'), '{}');
    process.env.GITHUB_EVENT_PATH = join(dir, 'push.json');
    process.env.GITHUB_EVENT_NAME = 'push';
    const push = await loadRunContext('');
    expect(push?.pullNumber).toBeNull();
    expect(push?.headSha).toBe('merge0');
  });

  it('is null outside a repository', async () => {
    delete process.env.GITHUB_REPOSITORY;
    delete process.env.GITHUB_EVENT_PATH;
    expect(await loadRunContext('x')).toBeNull();
    expect(runUrlOf({})).toBeNull();
  });
});
