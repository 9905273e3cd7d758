import type { Router } from '../router.js';
import { registerGit } from './git.js';
import { registerIssues } from './issues.js';
import { findAssetForDownload, registerReleases } from './releases.js';
import { registerStorage } from './storage.js';

/** Registers every emulated route. */
export function registerRoutes(router: Router): void {
  registerIssues(router);
  registerReleases(router);
  registerGit(router);
  registerStorage(router, (emu, kind, id) => {
    if (kind === 'release-assets') {
      const asset = findAssetForDownload(emu, id);
      if (!asset) return undefined;
      asset.download_count += 1;
      return { data: asset.data, name: asset.name };
    }
    const artifact = emu.state.artifacts.find((a) => a.id === id);
    return artifact && !artifact.expired ? { data: artifact.data, name: `${artifact.name}.zip` } : undefined;
  });
}
