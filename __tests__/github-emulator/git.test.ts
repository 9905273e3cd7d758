import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createOctokit, type MlciOctokit } from '../../src/github/octokit.js';

const owner = 'octo-org';
const repo = 'ml-repo';
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
let gh: GitHubEmulator;
let octokit: MlciOctokit;

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  octokit = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
});
afterEach(async () => {
  await gh.close();
});

describe('git refs', () => {
  it('creates, reads, fast-forwards, force-updates and deletes a ref', async () => {
    gh.addCommit(B, [A]);
    const created = await octokit.request('POST /repos/{owner}/{repo}/git/refs', {
      owner,
      repo,
      ref: 'refs/heads/registry/model',
      sha: A
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      ref: 'refs/heads/registry/model',
      object: { sha: A, type: 'commit' }
    });

    const got = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
      owner,
      repo,
      ref: 'heads/registry/model'
    });
    expect(got.data.object.sha).toBe(A);

    // B's parent is A: a fast-forward.
    const ff = await octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      owner,
      repo,
      ref: 'heads/registry/model',
      sha: B
    });
    expect(ff.data.object.sha).toBe(B);

    // C is not a descendant of B: refused without force, accepted with it.
    await expect(
      octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        owner,
        repo,
        ref: 'heads/registry/model',
        sha: C
      })
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Update is not a fast forward')
    });
    expect(gh.state.refs.find((r) => r.ref === 'refs/heads/registry/model')?.sha).toBe(B);
    const forced = await octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      owner,
      repo,
      ref: 'heads/registry/model',
      sha: C,
      force: true
    });
    expect(forced.data.object.sha).toBe(C);

    const matching = await octokit.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
      owner,
      repo,
      ref: 'heads/registry'
    });
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/heads/registry/model']);

    await octokit.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
      owner,
      repo,
      ref: 'heads/registry/model'
    });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref: 'heads/registry/model' })
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      octokit.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
        owner,
        repo,
        ref: 'heads/registry/model'
      })
    ).rejects.toMatchObject({ status: 422, message: expect.stringContaining('Reference does not exist') });
  });

  it('lets exactly one of two concurrent creates of the same ref win', async () => {
    // Two runners, two clients: their requests overlap on the wire (one client would queue its writes).
    const runners = [A, B].map(() =>
      createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 })
    );
    const attempt = (sha: string, i: number) =>
      runners[i]
        .request('POST /repos/{owner}/{repo}/git/refs', { owner, repo, ref: 'refs/tags/model@v4', sha })
        .then(
          (r) => ({ status: r.status, sha }),
          (e: { status: number; message: string }) => ({ status: e.status, sha, message: e.message })
        );
    const results = await Promise.all([attempt(A, 0), attempt(B, 1)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 422]);
    const loser = results.find((r) => r.status === 422) as { message: string };
    expect(loser.message).toContain('Reference already exists');
    const winner = results.find((r) => r.status === 201)!;
    expect(gh.state.refs.filter((r) => r.ref === 'refs/tags/model@v4')).toEqual([
      { ref: 'refs/tags/model@v4', sha: winner.sha }
    ]);
  });

  it('lets exactly one of ten simultaneous raw creates win', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fetch(`${gh.baseUrl}/repos/${owner}/${repo}/git/refs`, {
          method: 'POST',
          headers: { authorization: `token ${gh.writeToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ ref: 'refs/heads/lock', sha: String(i).repeat(40) })
        }).then((r) => r.status)
      )
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(9);
    expect(gh.state.refs.filter((r) => r.ref === 'refs/heads/lock')).toHaveLength(1);
  });

  it('answers 403 to ref writes with a read-only token', async () => {
    const reader = createOctokit({ token: gh.readOnlyToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
    await expect(
      reader.request('POST /repos/{owner}/{repo}/git/refs', { owner, repo, ref: 'refs/heads/x', sha: A })
    ).rejects.toMatchObject({ status: 403 });
    const list = await reader.request('GET /repos/{owner}/{repo}/git/refs', { owner, repo });
    expect(list.data.map((r: { ref: string }) => r.ref)).toEqual(['refs/heads/main']);
  });

  it('creates annotated tag objects that a tag ref can point at', async () => {
    const tag = await octokit.request('POST /repos/{owner}/{repo}/git/tags', {
      owner,
      repo,
      tag: 'model@v1',
      message: 'model v1\n\nsha256: 00ff',
      object: A,
      type: 'commit',
      tagger: { name: 'mlci', email: 'mlci@example.com', date: '2026-01-01T00:00:00Z' }
    });
    expect(tag.status).toBe(201);
    expect(tag.data.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(tag.data.object).toMatchObject({ sha: A, type: 'commit' });
    const ref = await octokit.request('POST /repos/{owner}/{repo}/git/refs', {
      owner,
      repo,
      ref: 'refs/tags/model@v1',
      sha: tag.data.sha
    });
    expect(ref.data.object).toMatchObject({ sha: tag.data.sha, type: 'tag' });
    const read = await octokit.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
      owner,
      repo,
      tag_sha: tag.data.sha
    });
    expect(read.data.message).toBe('model v1\n\nsha256: 00ff');
    expect(read.data.tagger).toEqual({
      name: 'mlci',
      email: 'mlci@example.com',
      date: '2026-01-01T00:00:00Z'
    });

    // A release on that tag keeps the existing tag ref when published.
    await octokit.request('POST /repos/{owner}/{repo}/releases', { owner, repo, tag_name: 'model@v1' });
    expect(gh.state.refs.find((r) => r.ref === 'refs/tags/model@v1')?.sha).toBe(tag.data.sha);
  });
});
