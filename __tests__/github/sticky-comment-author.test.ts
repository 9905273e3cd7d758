import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createOctokit, type MlciOctokit } from '../../src/github/octokit.js';
import {
  ACTIONS_BOT_LOGIN,
  commentMarker,
  tokenLogin,
  upsertStickyComment
} from '../../src/github/pr-comment.js';

const owner = 'octo-org';
const repo = 'ml-repo';
const key = 'mlci-pr.yml/churn';
let gh: GitHubEmulator;
const client = (token: string): MlciOctokit =>
  createOctokit({ token, baseUrl: gh.baseUrl, timeScale: 0.001 });

beforeEach(async () => {
  gh = await startGitHubEmulator({
    owner,
    repo,
    tokens: [
      { token: 'alice-pat', login: 'alice', userId: 7, userType: 'User', permission: 'write' },
      { token: 'ci-pat', login: 'ml-ci-user', userId: 8, userType: 'User', permission: 'write' }
    ]
  });
  gh.addPullRequest({ number: 12, headSha: 'b'.repeat(40), headRef: 'feature' });
});
afterEach(async () => {
  await gh.close();
});

const post = (octokit: MlciOctokit, body: string) =>
  upsertStickyComment({ octokit, owner, repo, issueNumber: 12, key, body });

/** A reviewer's comment, posted with her own token, that pastes the source of mlci's comment. */
async function alicePastesTheMarker(): Promise<number> {
  const res = await client('alice-pat').request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner,
    repo,
    issue_number: 12,
    body: `${commentMarker(key)}\nI disagree with this evaluation: retrain with more data. -- alice`
  });
  return Number(res.data.id);
}

describe('the sticky comment is only ever mlci’s own', () => {
  it('records who wrote each comment, as GitHub does', async () => {
    const bot = await client(gh.writeToken).request(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { owner, repo, issue_number: 12, body: 'from the workflow' }
    );
    expect(bot.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    const id = await alicePastesTheMarker();
    const listed = await client(gh.readOnlyToken).request(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { owner, repo, issue_number: 12 }
    );
    expect(listed.data.map((c) => [c.user?.login, c.user?.type])).toEqual([
      ['github-actions[bot]', 'Bot'],
      ['alice', 'User']
    ]);
    expect(gh.state.comments.find((c) => c.id === id)?.user).toBe('alice');
  });

  it("never overwrites a person's comment that carries the marker (GITHUB_TOKEN)", async () => {
    const aliceId = await alicePastesTheMarker();
    const aliceBody = gh.state.comments[0].body;
    const first = await post(client(gh.writeToken), '## mlci evaluate: pass');
    expect(first.action).toBe('created');
    expect(first.id).not.toBe(aliceId);
    const second = await post(client(gh.writeToken), '## mlci evaluate: fail');
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(gh.state.comments.find((c) => c.id === aliceId)?.body).toBe(aliceBody);
    const bots = gh.state.comments.filter((c) => c.user === ACTIONS_BOT_LOGIN);
    expect(bots).toHaveLength(1);
    expect(bots[0].body).toContain('mlci evaluate: fail');
  });

  it('learns a personal token’s login from GET /user and keeps to its own comment', async () => {
    await alicePastesTheMarker();
    expect(await tokenLogin(client('ci-pat'))).toBe('ml-ci-user');
    // A GITHUB_TOKEN cannot ask (GitHub answers 403): it writes as github-actions[bot].
    expect(await tokenLogin(client(gh.writeToken))).toBe(ACTIONS_BOT_LOGIN);
    const first = await post(client('ci-pat'), 'report one');
    const second = await post(client('ci-pat'), 'report two');
    expect(first.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(gh.state.comments.map((c) => c.user)).toEqual(['alice', 'ml-ci-user']);
  });
});
