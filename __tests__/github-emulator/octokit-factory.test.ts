import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createOctokit } from '../../src/github/octokit.js';

const owner = 'octo-org';
const repo = 'ml-repo';
let gh: GitHubEmulator;

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  gh.addIssue({ number: 1, title: 'x' });
});
afterEach(async () => {
  await gh.close();
});

const comment = (octokit: ReturnType<typeof createOctokit>, body: string) =>
  octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner,
    repo,
    issue_number: 1,
    body
  });

let refCounter = 0;
/** A write that triggers no notification (so only the 1 s write spacing applies). */
const createRef = (octokit: ReturnType<typeof createOctokit>) =>
  octokit.request('POST /repos/{owner}/{repo}/git/refs', {
    owner,
    repo,
    ref: `refs/heads/b${++refCounter}`,
    sha: 'a'.repeat(40)
  });

describe('createOctokit', () => {
  it('spaces concurrent writes as GitHub asks (1 s, scaled by timeScale) but not reads', async () => {
    const octokit = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.2 });
    const t0 = Date.now();
    await Promise.all([createRef(octokit), createRef(octokit), createRef(octokit)]);
    const writes = Date.now() - t0;
    // Three writes need two gaps of 200 ms.
    expect(writes).toBeGreaterThanOrEqual(390);
    expect(writes).toBeLessThan(1500);
    expect(gh.state.refs).toHaveLength(4);

    const t1 = Date.now();
    await Promise.all(
      Array.from({ length: 5 }, () =>
        octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner,
          repo,
          issue_number: 1
        })
      )
    );
    // Spaced like writes, five reads would take at least 800 ms.
    expect(Date.now() - t1).toBeLessThan(600);
  });

  it('spaces writes that notify people (comments) by 3 s, scaled', async () => {
    const octokit = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.1 });
    const t0 = Date.now();
    await Promise.all([comment(octokit, 'a'), comment(octokit, 'b'), comment(octokit, 'c')]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(590);
    expect(gh.state.comments.map((c) => c.body).sort()).toEqual(['a', 'b', 'c']);
  });

  it('gives each client its own write queue', async () => {
    const a = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 1 });
    const b = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 1 });
    const t0 = Date.now();
    await Promise.all([createRef(a), createRef(a), createRef(b), createRef(b)]);
    const elapsed = Date.now() - t0;
    // Each client needs one 1 s gap, in parallel; one shared queue would need three (3 s).
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(2500);
    expect(gh.state.refs).toHaveLength(5);
  });

  it('sends mlci as the user agent and authenticates with the token', async () => {
    const seen: string[] = [];
    const octokit = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
    octokit.hook.before('request', (options) => {
      seen.push(String(options.headers['user-agent']));
    });
    const me = await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
    expect(me.data.full_name).toBe(`${owner}/${repo}`);
    expect(seen[0]).toMatch(/^mlci\/\d+\.\d+\.\d+/);
  });

  it('does not retry client errors (404, 422)', async () => {
    const octokit = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner,
        repo,
        comment_id: 42
      })
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/git/refs', {
        owner,
        repo,
        ref: 'refs/heads/main',
        sha: 'a'.repeat(40)
      })
    ).rejects.toMatchObject({ status: 422 });
    expect(gh.state.requests.map((r) => r.status)).toEqual([404, 422]);
  });
});
