import type { components } from '@octokit/openapi-types';
import { ApiError, ok } from '../http.js';
import type { Router } from '../router.js';

/** GitHub's public user JSON (the `GET /user` answer without the private fields). */
export type PublicUser = components['schemas']['public-user'];

/**
 * Registers `GET /user`: the token's own user. An installation token (GITHUB_TOKEN) is not a user
 * and gets GitHub's 403, so code cannot learn its own login this way in a workflow.
 */
export function registerUser(router: Router): void {
  router.add('GET /user', { access: 'read' }, (ctx) => {
    const token = ctx.token!;
    if (token.installation) throw new ApiError(403, 'Resource not accessible by integration');
    const user: PublicUser = {
      ...ctx.emu.user(token.login),
      name: token.userType === 'Bot' ? null : token.login,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 1,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2020-01-01T00:00:00Z'
    };
    return ok(user);
  });
}
