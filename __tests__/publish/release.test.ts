/**
 * scripts/release.mjs against the GitHub API emulator: the release of a version tag with its notes
 * from CHANGELOG.md, the major tag moved, re-runs that update instead of duplicating, prereleases.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
// @ts-expect-error -- a release script in plain JavaScript, without types
import { changelogSection, parseTag } from '../../scripts/release.mjs';

const run = promisify(execFile);
const script = join(process.cwd(), 'scripts/release.mjs');
const owner = 'octo-org';
const repo = 'ml-repo';
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

## [0.2.0] - 2026-12-06

### Added

- \`mlci init\` accepts mlci.yaml.

### Fixed

- The notices ship beside dist/.

## [0.1.0] - 2026-11-01

### Added

- First release.
`;

/** A folder like a checkout at a tag: package.json with the version and CHANGELOG.md. */
const checkout = (version: string, changelog = CHANGELOG): string => {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-release-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'mlci', version }));
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
  return dir;
};

let gh: GitHubEmulator;
beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
});
afterEach(async () => {
  await gh.close();
});

const release = (dir: string, tag: string, sha: string) =>
  run(process.execPath, [script, tag], {
    cwd: dir,
    env: {
      ...process.env,
      GITHUB_TOKEN: gh.writeToken,
      GITHUB_REPOSITORY: `${owner}/${repo}`,
      GITHUB_SHA: sha,
      GITHUB_API_URL: gh.baseUrl
    }
  });

const majorTag = (name: string) => gh.state.refs.find((r) => r.ref === `refs/tags/${name}`)?.sha;

describe('release script', () => {
  it('creates the release with the section’s notes and creates, then moves, the major tag', async () => {
    gh.setRef('refs/tags/v0.1.0', A);
    await release(checkout('0.1.0'), 'v0.1.0', A);
    expect(gh.state.releases.map((r) => [r.tag_name, r.body, r.prerelease])).toEqual([
      ['v0.1.0', '### Added\n\n- First release.', false]
    ]);
    expect(majorTag('v0')).toBe(A);

    gh.setRef('refs/tags/v0.2.0', B);
    const { stdout } = await release(checkout('0.2.0'), 'v0.2.0', B);
    expect(stdout).toContain('v0 → ' + B);
    const second = gh.state.releases.find((r) => r.tag_name === 'v0.2.0');
    expect(second?.body).toBe(
      '### Added\n\n- `mlci init` accepts mlci.yaml.\n\n### Fixed\n\n- The notices ship beside dist/.'
    );
    // B is not a descendant of A in the emulator: only a forced update moves the tag.
    expect(majorTag('v0')).toBe(B);
  });

  it('updates the notes of an existing release instead of creating a second one', async () => {
    await release(checkout('0.1.0', CHANGELOG.replace('First release.', 'First.')), 'v0.1.0', A);
    await release(checkout('0.1.0'), 'v0.1.0', A);
    expect(gh.state.releases.map((r) => [r.tag_name, r.body])).toEqual([
      ['v0.1.0', '### Added\n\n- First release.']
    ]);
  });

  it('marks a prerelease and leaves the major tag alone', async () => {
    const changelog = CHANGELOG.replace('## [0.2.0]', '## [1.0.0-rc.1]');
    await release(checkout('1.0.0-rc.1', changelog), 'v1.0.0-rc.1', B);
    expect(gh.state.releases.map((r) => r.prerelease)).toEqual([true]);
    expect(majorTag('v1')).toBeUndefined();
  });

  it('refuses, before any write, a tag without a changelog section or unlike package.json', async () => {
    await expect(release(checkout('0.3.0'), 'v0.3.0', A)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('CHANGELOG.md has no "## [0.3.0]" section')
    });
    await expect(release(checkout('0.1.0'), 'v0.2.0', A)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("tag v0.2.0 but package.json's version is 0.1.0")
    });
    expect(gh.state.releases).toEqual([]);
    expect(gh.state.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('changelog and tags', () => {
  it('parses tags and refuses the rest', () => {
    expect(parseTag('v0.1.0')).toEqual({ version: '0.1.0', major: 'v0', prerelease: false });
    expect(parseTag('v12.0.3-beta.2')).toEqual({ version: '12.0.3-beta.2', major: 'v12', prerelease: true });
    for (const bad of ['0.1.0', 'v0.1', 'v01.0.0', 'v0'])
      expect(() => parseTag(bad)).toThrow(/expected vMAJOR/);
  });

  it('refuses an empty section, and the repository CHANGELOG.md keeps an Unreleased section', () => {
    expect(() => changelogSection(CHANGELOG, 'Unreleased')).toThrow(/lists no change/);
    expect(readFileSync('CHANGELOG.md', 'utf8')).toMatch(/^## \[Unreleased\]$/m);
  });
});
