import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  startGitHubEmulator,
  type FaultKind,
  type GitHubEmulator
} from '../../test-support/github-emulator/index.js';
import { createOctokit, type RateLimitEvent } from '../../src/github/octokit.js';

const owner = 'octo-org';
const repo = 'ml-repo';
const UPLOAD = 'POST /repos/{owner}/{repo}/releases/{release_id}/assets';
let gh: GitHubEmulator;

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
});
afterEach(async () => {
  await gh.close();
});

function listComments(): Promise<Response> {
  return fetch(`${gh.baseUrl}/repos/${owner}/${repo}/issues/1/comments`, {
    headers: { authorization: `token ${gh.writeToken}` }
  });
}

describe('fault injection seen by a raw request', () => {
  beforeEach(() => {
    gh.addIssue({ number: 1, title: 'x' });
  });

  it('answers 502 with an HTML page, then recovers', async () => {
    gh.inject({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', kind: '502', times: 1 });
    const res = await listComments();
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect((await listComments()).status).toBe(200);
  });

  it('answers 500 the given number of times', async () => {
    gh.inject({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', kind: '500', times: 2 });
    expect((await listComments()).status).toBe(500);
    expect(gh.pendingFaults()).toBe(1);
    expect((await listComments()).status).toBe(500);
    expect((await listComments()).status).toBe(200);
    expect(gh.state.requests.map((r) => r.fault)).toEqual(['500', '500', null]);
  });

  it('answers a secondary rate limit as GitHub does: 403, retry-after and the wording', async () => {
    gh.inject({
      route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: 'secondary-rate-limit',
      retryAfterSeconds: 7
    });
    const res = await listComments();
    expect(res.status).toBe(403);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(((await res.json()) as { message: string }).message).toMatch(/secondary rate limit/);
  });

  it('answers 429 with an exhausted quota and a reset time', async () => {
    gh.inject({
      route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: '429',
      retryAfterSeconds: 3
    });
    const before = Math.floor(Date.now() / 1000);
    const res = await listComments();
    expect(res.status).toBe(429);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(res.headers.get('retry-after')).toBe('3');
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(before + 3);
    expect(reset).toBeLessThanOrEqual(before + 5);
  });

  it('delays a slow answer and then answers normally', async () => {
    gh.inject({
      route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: 'slow',
      delayMs: 300
    });
    const t0 = Date.now();
    const res = await listComments();
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it("applies a '*' fault to whatever route comes next", async () => {
    gh.inject({ route: '*', kind: '500', times: 1 });
    const user = await fetch(`${gh.baseUrl}/user`, { headers: { authorization: `token ${gh.writeToken}` } });
    expect(user.status).toBe(500);
    expect((await listComments()).status).toBe(200);
  });

  it('refuses to inject a fault on a route it does not emulate', () => {
    expect(() => gh.inject({ route: 'GET /repos/{owner}/{repo}/nope', kind: '500' })).toThrow(/no route/);
  });
});

describe('createOctokit survives every fault kind', () => {
  async function draftUploadUrl(): Promise<{ id: number; url: string }> {
    const octokit = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
    const res = await octokit.request('POST /repos/{owner}/{repo}/releases', {
      owner,
      repo,
      tag_name: 'v1',
      draft: true
    });
    return { id: res.data.id, url: res.data.upload_url };
  }

  const cases: { kind: FaultKind; status: number }[] = [
    { kind: '502', status: 502 },
    { kind: '500', status: 500 },
    { kind: 'secondary-rate-limit', status: 403 },
    { kind: '429', status: 429 }
  ];
  for (const { kind, status } of cases) {
    it(`retries an asset upload after ${kind} and uploads once`, async () => {
      const events: RateLimitEvent[] = [];
      const octokit = createOctokit({
        token: gh.writeToken,
        baseUrl: gh.baseUrl,
        timeScale: 0.001,
        onRateLimit: (e) => events.push(e)
      });
      const release = await draftUploadUrl();
      gh.inject({ route: UPLOAD, kind, times: 2, retryAfterSeconds: 2 });
      const t0 = Date.now();
      const res = await octokit.request({
        method: 'POST',
        url: release.url,
        name: 'model.onnx',
        data: Buffer.from('onnx-bytes'),
        headers: { 'content-type': 'application/octet-stream' }
      });
      expect(res.status).toBe(201);
      expect(Date.now() - t0).toBeLessThan(5000);
      const uploads = gh.state.requests.filter((r) => r.route === UPLOAD);
      expect(uploads.map((r) => r.status)).toEqual([status, status, 201]);
      expect(gh.state.releases[0].assets.map((a) => a.name)).toEqual(['model.onnx']);
      if (kind === 'secondary-rate-limit' || kind === '429') {
        expect(events.map((e) => [e.kind, e.retryCount, e.willRetry])).toEqual([
          [kind === '429' ? 'primary' : 'secondary', 0, true],
          [kind === '429' ? 'primary' : 'secondary', 1, true]
        ]);
        if (kind === 'secondary-rate-limit') expect(events[0].retryAfterSeconds).toBe(2);
      } else {
        expect(events).toEqual([]);
      }
    });
  }

  it('waits as long as retry-after asks (scaled), for secondary and primary limits', async () => {
    // timeScale 0.1: a retry-after of 3 s becomes 300 ms, long enough to measure.
    const octokit = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.1 });
    gh.addIssue({ number: 1, title: 'x' });
    const route = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
    const timed = async () => {
      const t0 = Date.now();
      await octokit.request(route, { owner, repo, issue_number: 1 });
      return Date.now() - t0;
    };
    gh.inject({ route, kind: 'secondary-rate-limit', retryAfterSeconds: 3 });
    const long = await timed();
    gh.inject({ route, kind: 'secondary-rate-limit', retryAfterSeconds: 1 });
    const short = await timed();
    expect(long).toBeGreaterThanOrEqual(290);
    expect(short).toBeGreaterThanOrEqual(90);
    expect(long - short).toBeGreaterThanOrEqual(150);
    // A primary limit waits until x-ratelimit-reset (plus a second), as the throttling plugin computes it.
    gh.inject({ route, kind: '429', retryAfterSeconds: 3 });
    expect(await timed()).toBeGreaterThanOrEqual(290);
  });

  it('retries a rate limit a bounded number of times', async () => {
    const events: RateLimitEvent[] = [];
    const octokit = createOctokit({
      token: gh.writeToken,
      baseUrl: gh.baseUrl,
      timeScale: 0.001,
      rateLimitRetries: 2,
      onRateLimit: (e) => events.push(e)
    });
    gh.addIssue({ number: 1, title: 'x' });
    gh.inject({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', kind: '429', times: 10 });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: 1
      })
    ).rejects.toMatchObject({ status: 429 });
    expect(gh.state.requests.filter((r) => r.fault === '429')).toHaveLength(3);
    expect(events.map((e) => e.willRetry)).toEqual([true, true, false]);
    expect(gh.pendingFaults()).toBe(7);
  });

  it('gives up after its retry budget and reports the last error', async () => {
    const octokit = createOctokit({
      token: gh.writeToken,
      baseUrl: gh.baseUrl,
      timeScale: 0.001,
      retries: 2
    });
    gh.addIssue({ number: 1, title: 'x' });
    gh.inject({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', kind: '500', times: 5 });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: 1
      })
    ).rejects.toMatchObject({ status: 500 });
    expect(gh.state.requests.filter((r) => r.fault === '500')).toHaveLength(3);
  });

  it('stops retrying a rate limit when retry-after is longer than allowed', async () => {
    const events: RateLimitEvent[] = [];
    const octokit = createOctokit({
      token: gh.writeToken,
      baseUrl: gh.baseUrl,
      timeScale: 0.001,
      maxRetryAfterSeconds: 60,
      onRateLimit: (e) => events.push(e)
    });
    gh.addIssue({ number: 1, title: 'x' });
    gh.inject({
      route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: 'secondary-rate-limit',
      retryAfterSeconds: 3600
    });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: 1
      })
    ).rejects.toMatchObject({ status: 403 });
    expect(events).toMatchObject([{ kind: 'secondary', retryAfterSeconds: 3600, willRetry: false }]);
  });

  it('retries a slow answer that exceeds its timeout', async () => {
    const octokit = createOctokit({
      token: gh.writeToken,
      baseUrl: gh.baseUrl,
      timeScale: 0.001,
      timeoutMs: 200
    });
    gh.addIssue({ number: 1, title: 'x' });
    gh.inject({
      route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: 'slow',
      delayMs: 3000
    });
    const t0 = Date.now();
    const res = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner,
      repo,
      issue_number: 1
    });
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    expect(Date.now() - t0).toBeLessThan(2500);
  });

  it('waits out a slow answer within its timeout without retrying', async () => {
    const octokit = createOctokit({
      token: gh.writeToken,
      baseUrl: gh.baseUrl,
      timeScale: 0.001,
      timeoutMs: 2000
    });
    gh.addIssue({ number: 1, title: 'x' });
    gh.inject({
      route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      kind: 'slow',
      delayMs: 300
    });
    const res = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner,
      repo,
      issue_number: 1
    });
    expect(res.status).toBe(200);
    expect(gh.state.requests.filter((r) => r.route?.endsWith('/comments'))).toHaveLength(1);
  });
});
