import { ApiError, type RequestContext } from './http.js';

/** GitHub's page size when `per_page` is absent. */
export const DEFAULT_PER_PAGE = 30;
/** GitHub's largest page: a larger `per_page` is clamped to it. */
export const MAX_PER_PAGE = 100;

/** One page of a list plus the `Link` header GitHub would send with it. */
export interface Page<T> {
  items: T[];
  totalCount: number;
  headers: Record<string, string>;
}

/**
 * Slices `all` as GitHub does (`page` from 1, `per_page` default 30, max 100) and builds the Link header
 * in GitHub's order and form: `prev, next, last, first`, each present only when it differs from this
 * page, the URLs keeping the request's query with `page` set, under `/repositories/{id}` as GitHub writes
 * repository lists.
 */
export function paginate<T>(ctx: RequestContext, all: readonly T[]): Page<T> {
  const perPage = parsePerPage(ctx.query.get('per_page'));
  const page = parsePage(ctx.query.get('page'));
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  const links: string[] = [];
  const url = (n: number): string => pageUrl(ctx, n);
  if (page > 1) links.push(`<${url(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) {
    links.push(`<${url(page + 1)}>; rel="next"`);
    links.push(`<${url(lastPage)}>; rel="last"`);
  }
  if (page > 1) links.push(`<${url(1)}>; rel="first"`);
  const headers: Record<string, string> = links.length > 0 ? { link: links.join(', ') } : {};
  return { items, totalCount: all.length, headers };
}

function parsePerPage(raw: string | null): number {
  if (raw === null || raw === '') return DEFAULT_PER_PAGE;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 1) return DEFAULT_PER_PAGE;
  return Math.min(n, MAX_PER_PAGE);
}

function parsePage(raw: string | null): number {
  if (raw === null || raw === '') return 1;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) throw new ApiError(400, 'Invalid page parameter');
  return Math.max(1, n);
}

function pageUrl(ctx: RequestContext, page: number): string {
  const { emu } = ctx;
  const repoPrefix = `/repos/${emu.state.owner}/${emu.state.repo}`;
  const path = ctx.path.toLowerCase().startsWith(repoPrefix.toLowerCase())
    ? `/repositories/${emu.state.repoId}${ctx.path.slice(repoPrefix.length)}`
    : ctx.path;
  const query = new URLSearchParams(ctx.query);
  query.set('page', String(page));
  return `${emu.baseUrl}${path}?${query.toString()}`;
}
