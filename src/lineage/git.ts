import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The commit a run was made from, and whether tracked files differed from it. */
export interface GitState {
  commit: string;
  dirty: boolean;
  branch: string | null;
}

/**
 * Reads the git state of `dir`. Returns null when there is no git or no repository (a tarball,
 * a container without git): lineage is then recorded without a commit rather than failing.
 * In Actions with a shallow or missing checkout, GITHUB_SHA is the fallback commit.
 */
export async function gitState(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<GitState | null> {
  try {
    const commit = (await run('git', ['rev-parse', 'HEAD'], { cwd: dir, timeout: 10_000 })).stdout.trim();
    // Untracked files are left out as MLflow does: build outputs and caches would make every run dirty.
    const status = (
      await run('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: dir, timeout: 10_000 })
    ).stdout;
    let branch: string | null = null;
    try {
      branch = (
        await run('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: dir, timeout: 10_000 })
      ).stdout.trim();
      if (branch === 'HEAD') branch = null;
    } catch {
      branch = null;
    }
    return { commit, dirty: status.trim() !== '', branch };
  } catch {
    if (env.GITHUB_SHA) return { commit: env.GITHUB_SHA, dirty: false, branch: env.GITHUB_REF_NAME ?? null };
    return null;
  }
}
