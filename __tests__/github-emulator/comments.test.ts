import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createOctokit, type MlciOctokit } from '../../src/github/octokit.js';

const owner = 'octo-org';
const repo = 'ml-repo';
let gh: GitHubEmulator;
let octokit: MlciOctokit;

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  octokit = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
});
afterEach(async () => {
  await gh.close();
});

/** Seeds comments straight into the state (the API path is tested separately). */
function seedComments(issueNumber: number, n: number): void {
  for (let i = 1; i <= n; i++) {
    gh.state.comments.push({
      id: 5_000_000 + i,
      issue_number: issueNumber,
      body: `comment ${i}`,
      user: 'github-actions[bot]',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z'
    });
  }
}

function raw(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const token = init.token ?? gh.writeToken;
  return fetch(`${gh.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) }
  });
}

describe('issue comments', () => {
  it('creates, lists, updates and deletes comments through Octokit', async () => {
    const pr = gh.addPullRequest({ number: 7, headSha: 'a'.repeat(40), headRef: 'feature', baseRef: 'main' });
    const created = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner,
      repo,
      issue_number: pr.number,
      body: '<!-- mlci -->\nfirst'
    });
    expect(created.status).toBe(201);
    expect(created.data.body).toBe('<!-- mlci -->\nfirst');
    expect(created.data.user?.login).toBe('github-actions[bot]');
    expect(created.data.html_url).toBe(
      `${gh.baseUrl}/${owner}/${repo}/pull/7#issuecomment-${created.data.id}`
    );

    const updated = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner,
      repo,
      comment_id: Number(created.data.id),
      body: 'second'
    });
    expect(updated.data.body).toBe('second');
    expect(gh.state.comments.map((c) => c.body)).toEqual(['second']);

    await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner,
      repo,
      comment_id: Number(created.data.id)
    });
    expect(gh.state.comments).toHaveLength(0);
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner,
        repo,
        comment_id: Number(created.data.id)
      })
    ).rejects.toMatchObject({ status: 404 });
  });

  it('answers 404 for a comment on an issue that does not exist', async () => {
    const res = await raw(`/repos/${owner}/${repo}/issues/99/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'x' })
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toBe('Not Found');
  });

  it('rejects a body longer than 65536 characters with 422', async () => {
    gh.addPullRequest({ number: 1, headSha: 'b'.repeat(40), headRef: 'x' });
    const ok = await raw(`/repos/${owner}/${repo}/issues/1/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'y'.repeat(65536) })
    });
    expect(ok.status).toBe(201);
    const tooLong = await raw(`/repos/${owner}/${repo}/issues/1/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'y'.repeat(65537) })
    });
    expect(tooLong.status).toBe(422);
  });

  it('pages 30 by default with Link headers formatted as GitHub does', async () => {
    gh.addPullRequest({ number: 3, headSha: 'c'.repeat(40), headRef: 'x' });
    seedComments(3, 65);
    const first = await raw(`/repos/${owner}/${repo}/issues/3/comments`);
    expect(((await first.json()) as unknown[]).length).toBe(30);
    const base = `${gh.baseUrl}/repositories/1000/issues/3/comments`;
    expect(first.headers.get('link')).toBe(`<${base}?page=2>; rel="next", <${base}?page=3>; rel="last"`);

    const middle = await raw(`/repos/${owner}/${repo}/issues/3/comments?page=2`);
    const middleBody = (await middle.json()) as { body: string }[];
    expect(middleBody[0].body).toBe('comment 31');
    expect(middle.headers.get('link')).toBe(
      `<${base}?page=1>; rel="prev", <${base}?page=3>; rel="next", <${base}?page=3>; rel="last", <${base}?page=1>; rel="first"`
    );

    // The Link URL form works too (the /repositories/{id} alias), and the last page has only prev + first.
    const last = await raw(`/repositories/1000/issues/3/comments?page=3`);
    expect(((await last.json()) as unknown[]).length).toBe(5);
    expect(last.headers.get('link')).toBe(`<${base}?page=2>; rel="prev", <${base}?page=1>; rel="first"`);
  });

  it('clamps per_page at 100 and keeps other query parameters in Link URLs', async () => {
    gh.addPullRequest({ number: 4, headSha: 'd'.repeat(40), headRef: 'x' });
    seedComments(4, 150);
    const res = await raw(`/repos/${owner}/${repo}/issues/4/comments?per_page=500`);
    expect(((await res.json()) as unknown[]).length).toBe(100);
    expect(res.headers.get('link')).toContain('?per_page=500&page=2>; rel="next"');
    const small = await raw(`/repos/${owner}/${repo}/issues/4/comments?per_page=3`);
    expect(small.headers.get('link')).toContain('/issues/4/comments?per_page=3&page=50>; rel="last"');
  });

  it('octokit.paginate collects every comment beyond 30 and beyond 100', async () => {
    gh.addPullRequest({ number: 5, headSha: 'e'.repeat(40), headRef: 'x' });
    gh.addPullRequest({ number: 6, headSha: 'f'.repeat(40), headRef: 'y' });
    seedComments(5, 31);
    seedComments(6, 0);
    for (let i = 1; i <= 250; i++) {
      gh.state.comments.push({
        id: 6_000_000 + i,
        issue_number: 6,
        body: `six ${i}`,
        user: 'someone',
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z'
      });
    }
    const five = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner,
      repo,
      issue_number: 5
    });
    expect(five.map((c) => c.body)).toEqual(Array.from({ length: 31 }, (_, i) => `comment ${i + 1}`));

    const before = gh.state.requests.length;
    const six = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner,
      repo,
      issue_number: 6,
      per_page: 100
    });
    expect(six).toHaveLength(250);
    expect(new Set(six.map((c) => c.id)).size).toBe(250);
    expect(six[249].body).toBe('six 250');
    expect(gh.state.requests.length - before).toBe(3);
  });

  it('answers 401 to unknown or missing tokens and 403 to writes with a read-only token', async () => {
    gh.addPullRequest({ number: 2, headSha: '1'.repeat(40), headRef: 'fork-branch', fork: true });
    const unknown = await raw(`/repos/${owner}/${repo}/issues/2/comments`, { token: 'nope' });
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as { message: string }).message).toBe('Bad credentials');
    const missing = await fetch(`${gh.baseUrl}/repos/${owner}/${repo}/issues/2/comments`);
    expect(missing.status).toBe(401);

    const reader = createOctokit({ token: gh.readOnlyToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
    const listed = await reader.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner,
      repo,
      issue_number: 2
    });
    expect(listed.status).toBe(200);
    await expect(
      reader.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: 2,
        body: 'from a fork'
      })
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration')
    });
    expect(gh.state.comments).toHaveLength(0);
    // One attempt only: a 403 permission error is not retried.
    expect(gh.state.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('answers 404 for another repository', async () => {
    const res = await raw(`/repos/someone/else/issues/1/comments`);
    expect(res.status).toBe(404);
  });
});
