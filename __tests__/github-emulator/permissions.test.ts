import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createOctokit } from '../../src/github/octokit.js';

const owner = 'octo-org';
const repo = 'ml-repo';
const SHA = 'a'.repeat(40);
let gh: GitHubEmulator;

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  gh.addPullRequest({ number: 1, headSha: SHA, headRef: 'feature' });
});
afterEach(async () => {
  await gh.close();
});

describe('tokens scoped like a workflow permissions block', () => {
  it('lets a pull-requests: write token comment but not publish a release or a check run', async () => {
    const token = gh.addToken({ contents: 'read', pull_requests: 'write' });
    const octokit = createOctokit({ token, baseUrl: gh.baseUrl, timeScale: 0.001 });
    const comment = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner,
      repo,
      issue_number: 1,
      body: 'report'
    });
    expect(comment.status).toBe(201);
    const releases = await octokit.request('GET /repos/{owner}/{repo}/releases', { owner, repo });
    expect(releases.status).toBe(200);
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/releases', { owner, repo, tag_name: 'v1' })
    ).rejects.toMatchObject({
      status: 403,
      response: { headers: { 'x-accepted-github-permissions': 'contents=write' } }
    });
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner, repo, name: 'x', head_sha: SHA })
    ).rejects.toMatchObject({ status: 403 });
    // A scope left out is none: reading workflow runs needs actions: read.
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/actions/runs', { owner, repo })
    ).rejects.toMatchObject({
      status: 403
    });
    expect(gh.state.releases).toHaveLength(0);
    expect(gh.state.checkRuns).toHaveLength(0);
  });

  it('lets a contents: write token release but not comment', async () => {
    const token = gh.addToken({ contents: 'write' });
    const octokit = createOctokit({ token, baseUrl: gh.baseUrl, timeScale: 0.001 });
    expect(
      (await octokit.request('POST /repos/{owner}/{repo}/releases', { owner, repo, tag_name: 'v1' })).status
    ).toBe(201);
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: 1,
        body: 'x'
      })
    ).rejects.toMatchObject({ status: 403 });
    // Metadata is always readable.
    expect((await octokit.request('GET /repos/{owner}/{repo}', { owner, repo })).data.default_branch).toBe(
      'main'
    );
  });
});
