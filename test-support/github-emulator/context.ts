import { createHash } from 'node:crypto';
import type { components } from '@octokit/openapi-types';
import type { EmulatorState, TokenInfo } from './state.js';

/** GitHub's user object as embedded in other resources. */
export type SimpleUser = components['schemas']['simple-user'];

/** What handlers share: the state, the server's address, id generation and the known users. */
export interface EmulatorContext {
  readonly state: EmulatorState;
  /** `http://127.0.0.1:PORT`, the API root (and the web root used in `html_url`s). */
  readonly baseUrl: string;
  readonly tokens: readonly TokenInfo[];
  /** A fresh id, unique across all resources so that mixing up a release id and an asset id fails. */
  nextId(): number;
  /** A fresh 40-hex sha derived from `seed` and a counter. */
  newSha(seed: string): string;
  /** The `simple-user` object for a login (known token users, otherwise a stable made-up user). */
  user(login: string): SimpleUser;
  /** The API URL of this repository, `{baseUrl}/repos/{owner}/{repo}`. */
  repoUrl(): string;
  /** The web URL of this repository, `{baseUrl}/{owner}/{repo}`. */
  htmlRepoUrl(): string;
}

/** Builds the handler context for one emulator instance. */
export function createContext(
  state: EmulatorState,
  baseUrl: string,
  tokens: readonly TokenInfo[]
): EmulatorContext {
  let id = 1_000_000;
  let shaCounter = 0;
  return {
    state,
    baseUrl,
    tokens,
    nextId: () => ++id,
    newSha: (seed) => createHash('sha1').update(`${seed}\0${++shaCounter}`).digest('hex'),
    user: (login) => {
      const known = tokens.find((t) => t.login === login);
      const userId = known?.userId ?? stableUserId(login);
      return simpleUser(baseUrl, login, userId, known?.userType ?? 'User');
    },
    repoUrl: () => `${baseUrl}/repos/${state.owner}/${state.repo}`,
    htmlRepoUrl: () => `${baseUrl}/${state.owner}/${state.repo}`
  };
}

function stableUserId(login: string): number {
  return 10_000 + (createHash('sha1').update(login).digest().readUInt32BE(0) % 1_000_000);
}

/** GitHub's `simple-user` shape, URLs rooted at the emulator. */
export function simpleUser(baseUrl: string, login: string, id: number, type: 'User' | 'Bot'): SimpleUser {
  const api = `${baseUrl}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: Buffer.from(`04:${type}${id}`).toString('base64'),
    avatar_url: `${baseUrl}/avatars/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${baseUrl}/${encodeURIComponent(login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false
  };
}

/** A GraphQL-style node id, opaque as GitHub's. */
export function nodeId(kind: string, id: number | string): string {
  return `${kind}_${Buffer.from(String(id)).toString('base64url')}`;
}
