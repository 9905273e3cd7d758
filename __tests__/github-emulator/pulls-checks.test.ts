import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createOctokit, type MlciOctokit } from '../../src/github/octokit.js';

const owner = 'octo-org';
const repo = 'ml-repo';
const HEAD = '1234567890abcdef1234567890abcdef12345678';
let gh: GitHubEmulator;
let writer: MlciOctokit;
let reader: MlciOctokit;

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  writer = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
  reader = createOctokit({ token: gh.readOnlyToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
});
afterEach(async () => {
  await gh.close();
});

describe('pull requests', () => {
  it('gets a pull request with head and base as GitHub shapes them', async () => {
    gh.addPullRequest({
      number: 7,
      headSha: HEAD,
      headRef: 'feature/x',
      baseRef: 'main',
      title: 'Better model'
    });
    const { data } = await reader.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      owner,
      repo,
      pull_number: 7
    });
    expect(data).toMatchObject({
      number: 7,
      state: 'open',
      title: 'Better model',
      merged: false,
      head: {
        sha: HEAD,
        ref: 'feature/x',
        label: `${owner}:feature/x`,
        repo: { full_name: `${owner}/${repo}`, fork: false }
      },
      base: { ref: 'main', sha: gh.state.refs[0].sha, repo: { full_name: `${owner}/${repo}` } }
    });
    await expect(
      reader.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: 8 })
    ).rejects.toMatchObject({ status: 404 });
  });

  it('marks a fork pull request head as a fork repository', async () => {
    gh.addPullRequest({ number: 9, headSha: HEAD, headRef: 'main', fork: true, user: 'outsider' });
    const { data } = await reader.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      owner,
      repo,
      pull_number: 9
    });
    expect(data.head.repo.full_name).toBe(`outsider/${repo}`);
    expect(data.head.repo.fork).toBe(true);
    expect(data.head.label).toBe('outsider:main');
    expect(data.user.login).toBe('outsider');
  });

  it('lists the pull requests of a commit (head or merge commit)', async () => {
    const merge = 'f'.repeat(40);
    gh.addPullRequest({ number: 1, headSha: HEAD, headRef: 'a' });
    gh.addPullRequest({ number: 2, headSha: 'e'.repeat(40), headRef: 'b' });
    gh.addPullRequest({
      number: 3,
      headSha: 'd'.repeat(40),
      headRef: 'c',
      state: 'closed',
      merged: true,
      mergeCommitSha: merge
    });
    const byHead = await reader.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
      owner,
      repo,
      commit_sha: HEAD
    });
    expect(byHead.data.map((p) => p.number)).toEqual([1]);
    const byMerge = await reader.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
      owner,
      repo,
      commit_sha: merge
    });
    expect(byMerge.data.map((p) => [p.number, p.state, p.merged_at !== null])).toEqual([[3, 'closed', true]]);
    const open = await reader.request('GET /repos/{owner}/{repo}/pulls', { owner, repo });
    expect(open.data.map((p) => p.number)).toEqual([2, 1]);
    const byBranch = await reader.request('GET /repos/{owner}/{repo}/pulls', {
      owner,
      repo,
      head: `${owner}:b`
    });
    expect(byBranch.data.map((p) => p.number)).toEqual([2]);
  });
});

describe('check runs', () => {
  it('creates a check run in progress, then completes it with output', async () => {
    gh.addPullRequest({ number: 4, headSha: HEAD, headRef: 'feature' });
    const created = await writer.request('POST /repos/{owner}/{repo}/check-runs', {
      owner,
      repo,
      name: 'mlci / evaluate',
      head_sha: HEAD,
      status: 'in_progress'
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ status: 'in_progress', conclusion: null, completed_at: null });
    expect(created.data.pull_requests.map((p) => p.number)).toEqual([4]);

    const done = await writer.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      owner,
      repo,
      check_run_id: Number(created.data.id),
      conclusion: 'failure',
      output: {
        title: 'Gate failed',
        summary: 'roc_auc dropped by 0.03',
        annotations: [
          { path: 'mlci.yml', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'gate' }
        ]
      }
    });
    expect(done.data).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'Gate failed', summary: 'roc_auc dropped by 0.03', annotations_count: 1 }
    });
    expect(done.data.completed_at).not.toBeNull();
    expect(gh.state.checkRuns[0]).toMatchObject({ name: 'mlci / evaluate', conclusion: 'failure' });

    const listed = await reader.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      owner,
      repo,
      ref: HEAD
    });
    expect(listed.data.total_count).toBe(1);
    expect(listed.data.check_runs[0].id).toBe(created.data.id);
  });

  it('validates as GitHub does: completed needs a conclusion, summaries are capped, read-only tokens get 403', async () => {
    await expect(
      writer.request('POST /repos/{owner}/{repo}/check-runs', {
        owner,
        repo,
        name: 'x',
        head_sha: HEAD,
        status: 'completed'
      })
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      writer.request('POST /repos/{owner}/{repo}/check-runs', {
        owner,
        repo,
        name: 'x',
        head_sha: HEAD,
        conclusion: 'success',
        output: { title: 't', summary: 's'.repeat(65536) }
      })
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      reader.request('POST /repos/{owner}/{repo}/check-runs', { owner, repo, name: 'x', head_sha: HEAD })
    ).rejects.toMatchObject({ status: 403 });
    expect(gh.state.checkRuns).toHaveLength(0);
  });
});

describe('workflow runs, artifacts and dispatches', () => {
  it('filters runs by branch, event and status (a status or a conclusion), newest first', async () => {
    const a = gh.addWorkflowRun({
      name: 'ci',
      workflowFile: 'ci.yml',
      headBranch: 'main',
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      headSha: HEAD,
      createdAt: '2026-01-01T00:00:00Z'
    });
    const b = gh.addWorkflowRun({
      name: 'ci',
      workflowFile: 'ci.yml',
      headBranch: 'main',
      event: 'push',
      status: 'completed',
      conclusion: 'failure',
      headSha: 'b'.repeat(40),
      createdAt: '2026-01-02T00:00:00Z'
    });
    const c = gh.addWorkflowRun({
      name: 'ci',
      workflowFile: 'ci.yml',
      headBranch: 'feature',
      event: 'pull_request',
      status: 'in_progress',
      headSha: 'c'.repeat(40),
      createdAt: '2026-01-03T00:00:00Z'
    });
    const d = gh.addWorkflowRun({
      name: 'deploy',
      workflowFile: 'deploy.yml',
      headBranch: 'main',
      event: 'workflow_dispatch',
      status: 'completed',
      conclusion: 'success',
      headSha: HEAD,
      createdAt: '2026-01-04T00:00:00Z'
    });
    const ids = async (params: Record<string, string>) =>
      (
        await reader.request('GET /repos/{owner}/{repo}/actions/runs', { owner, repo, ...params })
      ).data.workflow_runs.map((r) => r.id);
    expect(await ids({})).toEqual([d.id, c.id, b.id, a.id]);
    expect(await ids({ branch: 'main' })).toEqual([d.id, b.id, a.id]);
    expect(await ids({ event: 'pull_request' })).toEqual([c.id]);
    expect(await ids({ status: 'success' })).toEqual([d.id, a.id]);
    expect(await ids({ status: 'completed', branch: 'main', event: 'push' })).toEqual([b.id, a.id]);
    const byFile = await reader.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
      owner,
      repo,
      workflow_id: 'ci.yml',
      status: 'success'
    });
    expect(byFile.data.total_count).toBe(1);
    expect(byFile.data.workflow_runs[0]).toMatchObject({
      id: a.id,
      path: '.github/workflows/ci.yml',
      head_sha: HEAD,
      conclusion: 'success'
    });
    const byId = await reader.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
      owner,
      repo,
      workflow_id: d.workflow_id
    });
    expect(byId.data.workflow_runs.map((r) => r.id)).toEqual([d.id]);
  });

  it('pages workflow runs beyond 100 with octokit.paginate', async () => {
    for (let i = 0; i < 130; i++) {
      gh.addWorkflowRun({
        name: 'ci',
        workflowFile: 'ci.yml',
        headBranch: 'main',
        event: 'push',
        status: 'completed',
        conclusion: 'success',
        headSha: HEAD
      });
    }
    const runs = await reader.paginate('GET /repos/{owner}/{repo}/actions/runs', {
      owner,
      repo,
      per_page: 100
    });
    expect(runs).toHaveLength(130);
    expect(new Set(runs.map((r) => r.id)).size).toBe(130);
  });

  it('lists artifacts with expired, downloads the zip, and answers 410 for an expired one', async () => {
    const run = gh.addWorkflowRun({
      name: 'ci',
      workflowFile: 'ci.yml',
      headBranch: 'main',
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      headSha: HEAD
    });
    const zip = Buffer.from('PK\u0003\u0004fake-zip-bytes');
    const live = gh.addArtifact(run.id, { name: 'evaluation', data: zip });
    const old = gh.addArtifact(run.id, { name: 'statistics', data: Buffer.from('PK'), expired: true });
    const list = await reader.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
      owner,
      repo,
      run_id: run.id
    });
    expect(list.data.total_count).toBe(2);
    expect(list.data.artifacts.map((a) => [a.name, a.expired, a.size_in_bytes])).toEqual([
      ['statistics', true, 2],
      ['evaluation', false, zip.length]
    ]);
    const named = await reader.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
      owner,
      repo,
      run_id: run.id,
      name: 'evaluation'
    });
    expect(named.data.artifacts.map((a) => a.id)).toEqual([live.id]);

    const download = await reader.request(
      'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
      {
        owner,
        repo,
        artifact_id: live.id,
        archive_format: 'zip'
      }
    );
    expect(Buffer.from(download.data as ArrayBuffer).equals(zip)).toBe(true);
    await expect(
      reader.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
        owner,
        repo,
        artifact_id: old.id,
        archive_format: 'zip'
      })
    ).rejects.toMatchObject({ status: 410 });
  });

  it('records workflow and repository dispatches, and refuses them to read-only tokens', async () => {
    await writer.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
      owner,
      repo,
      workflow_id: 'deploy.yml',
      ref: 'main',
      inputs: { model: 'churn', version: 'v3' }
    });
    await writer.request('POST /repos/{owner}/{repo}/dispatches', {
      owner,
      repo,
      event_type: 'mlci-promote',
      client_payload: { model: 'churn', alias: 'production' }
    });
    expect(gh.state.workflowDispatches).toEqual([
      { workflow_id: 'deploy.yml', ref: 'main', inputs: { model: 'churn', version: 'v3' } }
    ]);
    expect(gh.state.repositoryDispatches).toEqual([
      { event_type: 'mlci-promote', client_payload: { model: 'churn', alias: 'production' } }
    ]);
    await expect(
      reader.request('POST /repos/{owner}/{repo}/dispatches', { owner, repo, event_type: 'x' })
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      writer.request('POST /repos/{owner}/{repo}/dispatches', {
        owner,
        repo,
        event_type: 'x',
        client_payload: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i]))
      })
    ).rejects.toMatchObject({ status: 422 });
    expect(gh.state.repositoryDispatches).toHaveLength(1);
  });
});
