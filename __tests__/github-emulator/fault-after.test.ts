import { afterEach, beforeEach, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';

let gh: GitHubEmulator;
beforeEach(async () => {
  gh = await startGitHubEmulator({ owner: 'octo-org', repo: 'ml-repo' });
  gh.addIssue({ number: 1, title: 'one' });
});
afterEach(async () => {
  await gh.close();
});

const get = () =>
  fetch(`${gh.baseUrl}/repos/octo-org/ml-repo/issues/1`, {
    headers: { authorization: `token ${gh.writeToken}` }
  });

it('a fault with `after` lets that many calls through, then answers `times` failures', async () => {
  gh.inject({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}', kind: '500', times: 2, after: 2 });
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await get()).status);
  expect(statuses).toEqual([200, 200, 500, 500, 200]);
  expect(gh.pendingFaults()).toBe(0);
  expect(() =>
    gh.inject({ route: 'GET /repos/{owner}/{repo}/issues/{issue_number}', kind: '500', after: -1 })
  ).toThrow(/after must be a non-negative integer/);
});
