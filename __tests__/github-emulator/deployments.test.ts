import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createOctokit, type MlciOctokit } from '../../src/github/octokit.js';

const owner = 'octo-org';
const repo = 'ml-repo';
let gh: GitHubEmulator;
let writer: MlciOctokit;
let reader: MlciOctokit;
let mainSha: string;

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  writer = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
  reader = createOctokit({ token: gh.readOnlyToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
  mainSha = gh.state.refs.find((r) => r.ref === 'refs/heads/main')!.sha;
});
afterEach(async () => {
  await gh.close();
});

async function deploy(environment: string, extra: Record<string, unknown> = {}) {
  const res = await writer.request('POST /repos/{owner}/{repo}/deployments', {
    owner,
    repo,
    ref: 'main',
    environment,
    required_contexts: [],
    payload: { model: 'churn', version: 'v3' },
    ...extra
  });
  // The 202 "auto-merged" answer has no id; the emulator never sends it.
  if (!('id' in res.data)) throw new Error(`unexpected answer ${res.status}`);
  return { status: res.status, data: res.data };
}

describe('deployments', () => {
  it('creates a deployment on a branch, resolving its sha, and lists it with filters', async () => {
    const res = await deploy('canary', { description: 'churn v3 canary', transient_environment: true });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({
      sha: mainSha,
      ref: 'main',
      task: 'deploy',
      environment: 'canary',
      transient_environment: true,
      production_environment: false,
      payload: { model: 'churn', version: 'v3' },
      description: 'churn v3 canary'
    });
    await deploy('production');
    const canary = await reader.request('GET /repos/{owner}/{repo}/deployments', {
      owner,
      repo,
      environment: 'canary'
    });
    expect(canary.data.map((d) => d.id)).toEqual([res.data.id]);
    const all = await reader.request('GET /repos/{owner}/{repo}/deployments', { owner, repo, sha: mainSha });
    expect(all.data.map((d) => d.environment)).toEqual(['production', 'canary']);
    expect(all.data[0].production_environment).toBe(true);
    await expect(deploy('x', { ref: 'no-such-branch' })).rejects.toMatchObject({ status: 422 });
  });

  it('verifies commit checks unless required_contexts is empty (409 as GitHub)', async () => {
    await writer.request('POST /repos/{owner}/{repo}/check-runs', {
      owner,
      repo,
      name: 'evaluate',
      head_sha: mainSha,
      status: 'in_progress'
    });
    await expect(deploy('production', { required_contexts: undefined })).rejects.toMatchObject({
      status: 409
    });
    await expect(deploy('production', { required_contexts: ['evaluate'] })).rejects.toMatchObject({
      status: 409
    });
    expect((await deploy('production')).status).toBe(201);
    const run = gh.state.checkRuns[0];
    await writer.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      owner,
      repo,
      check_run_id: run.id,
      conclusion: 'success'
    });
    expect((await deploy('production', { required_contexts: undefined })).status).toBe(201);
  });

  it('records statuses, sets log_url and target_url together, and auto-inactivates prior successes', async () => {
    const first = await deploy('staging');
    const second = await deploy('staging');
    const post = (
      id: number,
      state: 'success' | 'failure' | 'in_progress',
      extra: Record<string, unknown> = {}
    ) =>
      writer.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        owner,
        repo,
        deployment_id: id,
        state,
        ...extra
      });
    const s1 = await post(first.data.id as number, 'success', {
      log_url: 'https://ci.example/run/1',
      description: 'canary passed'
    });
    expect(s1.status).toBe(201);
    expect(s1.data).toMatchObject({
      state: 'success',
      log_url: 'https://ci.example/run/1',
      target_url: 'https://ci.example/run/1',
      description: 'canary passed',
      environment: 'staging'
    });
    await post(second.data.id as number, 'in_progress');
    await post(second.data.id as number, 'success', { environment_url: 'http://127.0.0.1:9/v2' });
    const firstStatuses = await reader.request(
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      {
        owner,
        repo,
        deployment_id: first.data.id as number
      }
    );
    expect(firstStatuses.data.map((s) => s.state)).toEqual(['inactive', 'success']);
    const secondStatuses = await reader.request(
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      {
        owner,
        repo,
        deployment_id: second.data.id as number
      }
    );
    expect(secondStatuses.data.map((s) => s.state)).toEqual(['success', 'in_progress']);
    expect(gh.state.deploymentStatuses).toHaveLength(4);

    await expect(
      post(second.data.id as number, 'success', { description: 'x'.repeat(141) })
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      reader.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        owner,
        repo,
        deployment_id: second.data.id as number,
        state: 'failure'
      })
    ).rejects.toMatchObject({ status: 403 });
  });

  it('refuses to delete an active deployment that is not the only one in its environment', async () => {
    const a = await deploy('staging');
    const b = await deploy('staging');
    await expect(
      writer.request('DELETE /repos/{owner}/{repo}/deployments/{deployment_id}', {
        owner,
        repo,
        deployment_id: a.data.id as number
      })
    ).rejects.toMatchObject({ status: 422 });
    await writer.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner,
      repo,
      deployment_id: a.data.id as number,
      state: 'inactive'
    });
    await writer.request('DELETE /repos/{owner}/{repo}/deployments/{deployment_id}', {
      owner,
      repo,
      deployment_id: a.data.id as number
    });
    expect(gh.state.deployments.map((d) => d.id)).toEqual([b.data.id]);
  });
});

describe('the authenticated user', () => {
  it("answers a personal token's user, 403 to a GITHUB_TOKEN and 401 without a valid token", async () => {
    // GitHub: an installation token is not a user ("Resource not accessible by integration").
    await expect(writer.request('GET /user')).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration')
    });
    const other = await startGitHubEmulator({
      owner,
      repo,
      tokens: [{ token: 'pat', login: 'alice', userId: 7, userType: 'User', permission: 'write' }]
    });
    try {
      const alice = createOctokit({ token: 'pat', baseUrl: other.baseUrl, timeScale: 0.001 });
      expect((await alice.request('GET /user')).data).toMatchObject({ login: 'alice', id: 7, type: 'User' });
      const nobody = createOctokit({ token: 'wrong', baseUrl: other.baseUrl, timeScale: 0.001 });
      await expect(nobody.request('GET /user')).rejects.toMatchObject({ status: 401 });
    } finally {
      await other.close();
    }
  });
});
