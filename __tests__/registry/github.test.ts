import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createOctokit } from '../../src/github/octokit.js';
import { GitHubReleaseRegistry } from '../../src/github/release-registry.js';
import { registryContract } from './contract.js';

registryContract('GitHub Releases (emulator)', async () => {
  const gh: GitHubEmulator = await startGitHubEmulator({ owner: 'octo-org', repo: 'ml-repo' });
  const octokit = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
  const registry = new GitHubReleaseRegistry(octokit, { owner: 'octo-org', repo: 'ml-repo' });
  return {
    registry,
    async corrupt(name, version, asset) {
      const release = gh.state.releases.find((r) => r.tag_name === `${name}@v${version}`)!;
      const stored = release.assets.find((a) => a.name === asset)!;
      const data = Buffer.from(stored.data);
      data[data.length - 1] ^= 0xff;
      stored.data = data;
    },
    close: () => gh.close()
  };
});
