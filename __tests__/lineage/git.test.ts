// The git state lineage records, read from one `git status --porcelain=v2 --branch`: the same commit,
// branch and dirty flag as rev-parse and the v1 status report, in every state a checkout can be in.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitState } from '../../src/lineage/git.js';

let dir: string;
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e'
    }
  }).trim();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-git-'));
  git('init', '-q', '-b', 'main');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('gitState', () => {
  it('has no commit before the first one (GITHUB_SHA stands in when set)', async () => {
    expect(await gitState(dir, {})).toBeNull();
    expect(await gitState(dir, { GITHUB_SHA: 'abc', GITHUB_REF_NAME: 'feature' })).toEqual({
      commit: 'abc',
      dirty: false,
      branch: 'feature'
    });
  });

  it('reads the commit and branch, and calls only tracked changes dirty', async () => {
    await writeFile(join(dir, 'a.txt'), 'one\n');
    git('add', 'a.txt');
    git('commit', '-q', '-m', 'first');
    const commit = git('rev-parse', 'HEAD');
    expect(await gitState(dir, {})).toEqual({ commit, dirty: false, branch: 'main' });
    await writeFile(join(dir, 'untracked.txt'), 'x\n');
    expect((await gitState(dir, {}))?.dirty).toBe(false);
    await writeFile(join(dir, 'a.txt'), 'two\n');
    expect(await gitState(dir, {})).toEqual({ commit, dirty: true, branch: 'main' });
    git('add', 'a.txt');
    expect((await gitState(dir, {}))?.dirty).toBe(true);
    git('commit', '-q', '-m', 'second');
  });

  it('records no branch on a detached HEAD, and null outside a repository', async () => {
    const first = git('rev-list', '--max-parents=0', 'HEAD');
    git('checkout', '-q', '--detach', first);
    expect(await gitState(dir, {})).toEqual({ commit: first, dirty: false, branch: null });
    const outside = await mkdtemp(join(tmpdir(), 'mlci-nogit-'));
    try {
      expect(await gitState(outside, {})).toBeNull();
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
