import { ExitCode, MlciError } from '../core/errors.js';

/** The HTTP status of an Octokit RequestError (duck-typed: the class may come from another copy of the package). */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Whether a 422 says the thing being created (ref, release tag, asset name) already exists. */
export function alreadyExists(error: unknown): boolean {
  if (statusOf(error) !== 422) return false;
  const data = (error as { response?: { data?: unknown } }).response?.data as
    { message?: string; errors?: { code?: string }[] } | undefined;
  return (
    /already exists/i.test(data?.message ?? (error as Error).message) ||
    (data?.errors ?? []).some((e) => e.code === 'already_exists')
  );
}

/** A GitHub API call that failed after the retries: the status stays available to callers. Exit code 2. */
export class GitHubRegistryError extends MlciError {
  readonly status: number;
  constructor(message: string, status: number, options?: ErrorOptions) {
    super(message, ExitCode.Usage, options);
    this.status = status;
  }
}

/**
 * One line naming a failed GitHub call and its answer, e.g. `POST /repos/o/r/deployments/7/statuses
 * answered 502`, with GitHub's own message when it sent JSON; an HTML error page (GitHub's 5xx
 * pages) is never quoted. Errors without a status (network, time-out) give their first line.
 */
export function summariseGitHubError(error: unknown): string {
  const status = statusOf(error);
  const firstLine = (text: string) => text.split(/\r?\n/)[0].trim().slice(0, 200);
  if (status === undefined) return firstLine(error instanceof Error ? error.message : String(error));
  const request = (error as { request?: { method?: string; url?: string } }).request;
  const call = request?.url ? `${request.method ?? 'GET'} ${pathOf(request.url)}` : 'a GitHub API call';
  const data = (error as { response?: { data?: unknown } }).response?.data;
  const message =
    typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string'
      ? firstLine((data as { message: string }).message)
      : '';
  return `${call} answered ${status}${message ? ` (${message})` : ''}`;
}

/** The path and query of an API URL (the host adds nothing for the reader). */
function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/** Maps an Octokit RequestError to a message a user can act on; other errors pass through. */
export function explainGitHubError(error: unknown, repository: string): unknown {
  const status = statusOf(error);
  if (status === undefined || error instanceof MlciError) return error;
  const request = (error as { request?: { method?: string; url?: string } }).request;
  const call = request ? `${request.method} ${request.url}` : 'a GitHub API call';
  const detail = (error as Error).message.split('\n')[0].slice(0, 300);
  const hint =
    status === 401
      ? 'the token is missing or invalid'
      : status === 403
        ? 'the token may not write here: the register job needs `permissions: contents: write` (a fork pull request only gets a read-only token)'
        : status === 404
          ? `the repository ${repository} or the object was not found (or the token cannot see it)`
          : status >= 500
            ? 'GitHub kept failing after retries; try again later'
            : 'GitHub refused the request';
  return new GitHubRegistryError(
    `GitHub registry ${repository}: ${call} answered ${status} (${detail}): ${hint}`,
    status,
    { cause: error }
  );
}
