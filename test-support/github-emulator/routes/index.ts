import type { Router } from '../router.js';
import { registerActions } from './actions.js';
import { registerChecks } from './checks.js';
import { registerDeployments } from './deployments.js';
import { registerGit } from './git.js';
import { registerIssues } from './issues.js';
import { registerPulls } from './pulls.js';
import { findAssetForDownload, registerReleases } from './releases.js';
import { registerRepository } from './repository.js';
import { registerStorage } from './storage.js';
import { registerUser } from './user.js';

/** Registers every emulated route. */
export function registerRoutes(router: Router): void {
  registerIssues(router);
  registerReleases(router);
  registerGit(router);
  registerPulls(router);
  registerChecks(router);
  registerActions(router);
  registerDeployments(router);
  registerRepository(router);
  registerUser(router);
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
