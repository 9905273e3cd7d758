// Cuts the GitHub Release of a version tag: notes from CHANGELOG.md's section for the version, the
// release created (or its notes updated when re-run), and the major tag (v0 for v0.x.y) moved to
// the tagged commit so that `uses: …@v0` picks the release up. Prereleases (v1.0.0-rc.1) leave the
// major tag alone. Run by .github/workflows/release.yml: `node scripts/release.mjs <tag>` with
// GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_SHA and GITHUB_API_URL set.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Octokit } from '@octokit/core';

const TAG = /^v(?<major>0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?<pre>-[0-9A-Za-z.-]+)?$/;

/** A release error: the message names the input at fault. */
export class ReleaseError extends Error {}

/** Parses a version tag: its version, major tag and whether it is a prerelease. */
export function parseTag(tag) {
  const match = TAG.exec(tag);
  if (!match) throw new ReleaseError(`tag ${JSON.stringify(tag)}: expected vMAJOR.MINOR.PATCH (e.g. v0.1.0)`);
  return { version: tag.slice(1), major: `v${match.groups.major}`, prerelease: Boolean(match.groups.pre) };
}

/** The body of CHANGELOG.md's `## [version]` section (without its heading), trimmed. */
export function changelogSection(changelog, version) {
  const lines = changelog.replace(/\r\n/g, '\n').split('\n');
  const heading = new RegExp(`^## \\[${version.replace(/[.+]/g, '\\$&')}\\](\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) {
    throw new ReleaseError(
      `CHANGELOG.md has no "## [${version}]" section: move the Unreleased entries under it before tagging`
    );
  }
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
  if (!/^\s*[-*] /m.test(body))
    throw new ReleaseError(`CHANGELOG.md's "## [${version}]" section lists no change`);
  return body;
}

const status = (error) => (typeof error === 'object' && error !== null ? error.status : undefined);

/** Creates or updates the release of `tag` and moves its major tag to `sha`; returns what it did. */
export async function publishRelease({ octokit, owner, repo, tag, sha, changelog }) {
  const { version, major, prerelease } = parseTag(tag);
  const notes = changelogSection(changelog, version);
  const repoArgs = { owner, repo };
  let release;
  try {
    const existing = await octokit.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
      ...repoArgs,
      tag
    });
    release = (
      await octokit.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
        ...repoArgs,
        release_id: existing.data.id,
        body: notes
      })
    ).data;
  } catch (error) {
    if (status(error) !== 404) throw error;
    release = (
      await octokit.request('POST /repos/{owner}/{repo}/releases', {
        ...repoArgs,
        tag_name: tag,
        name: tag,
        body: notes,
        prerelease,
        make_latest: prerelease ? 'false' : 'true'
      })
    ).data;
  }
  if (prerelease) return { release, majorTag: undefined };
  try {
    await octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      ...repoArgs,
      ref: `tags/${major}`,
      sha,
      force: true
    });
  } catch (error) {
    // GitHub answers 422 (not 404) when the ref to update does not exist yet.
    if (status(error) !== 422) throw error;
    await octokit.request('POST /repos/{owner}/{repo}/git/refs', {
      ...repoArgs,
      ref: `refs/tags/${major}`,
      sha
    });
  }
  return { release, majorTag: major };
}

const main = async () => {
  const [tag] = process.argv.slice(2);
  const env = (name) => {
    const value = process.env[name];
    if (!value) throw new ReleaseError(`${name} is not set`);
    return value;
  };
  const { version } = parseTag(tag ?? '');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  if (pkg.version !== version)
    throw new ReleaseError(`tag ${tag} but package.json's version is ${pkg.version}`);
  const [owner, repo] = env('GITHUB_REPOSITORY').split('/');
  const octokit = new Octokit({
    auth: env('GITHUB_TOKEN'),
    baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com'
  });
  const done = await publishRelease({
    octokit,
    owner,
    repo,
    tag,
    sha: env('GITHUB_SHA'),
    changelog: readFileSync('CHANGELOG.md', 'utf8')
  });
  console.log(
    `released ${tag}: ${done.release.html_url ?? done.release.id}${done.majorTag ? `; ${done.majorTag} → ${env('GITHUB_SHA')}` : ''}`
  );
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`release: ${error.message}`);
    process.exit(error instanceof ReleaseError ? 2 : 1);
  });
}
