/**
 * GitHub App / GITHUB_TOKEN permission scopes, and which scope each emulated route needs, so a token
 * configured like a workflow's `permissions:` block gets the same 403s as on GitHub.
 */

/** The permission scopes the emulated routes need. */
export type Scope =
  'contents' | 'issues' | 'pull_requests' | 'checks' | 'actions' | 'deployments' | 'metadata';

/** A scope's level: as in a workflow's `permissions:` block. */
export type Level = 'none' | 'read' | 'write';

/** Per-scope levels; scopes left out are `none` (metadata is always readable), as GitHub does. */
export type Permissions = Partial<Record<Scope, Level>>;

/**
 * The scopes that grant a route (any one suffices). Comments are issue comments, which a token may
 * write with either `issues` or `pull_requests` permission.
 */
export function scopesFor(routeKey: string): Scope[] {
  const path = routeKey.slice(routeKey.indexOf(' ') + 1);
  if (path === '/user') return [];
  if (path === '/repos/{owner}/{repo}') return ['metadata'];
  if (path.includes('/issues/') && path.includes('comments')) return ['issues', 'pull_requests'];
  if (path.includes('/issues')) return ['issues'];
  if (path.includes('/pulls')) return ['pull_requests'];
  if (path.includes('/check-runs')) return ['checks'];
  if (path.includes('/actions/')) return ['actions'];
  if (path.includes('/deployments')) return ['deployments'];
  return ['contents'];
}

const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 };

/** Whether a token with these levels may call a route that needs `access` in one of `scopes`. */
export function allows(
  levels: Permissions | undefined,
  fallback: 'read' | 'write',
  scopes: Scope[],
  access: 'read' | 'write'
): boolean {
  if (scopes.length === 0) return true;
  return scopes.some((scope) => {
    const level: Level = levels ? (levels[scope] ?? (scope === 'metadata' ? 'read' : 'none')) : fallback;
    return RANK[level] >= RANK[access];
  });
}
