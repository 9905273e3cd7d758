import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  ExitCode,
  MlciError
} from "./chunk-HRKM2MUG.js";

// src/github/release-errors.ts
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function alreadyExists(error) {
  if (statusOf(error) !== 422) return false;
  const data = error.response?.data;
  return /already exists/i.test(data?.message ?? error.message) || (data?.errors ?? []).some((e) => e.code === "already_exists");
}
var GitHubRegistryError = class extends MlciError {
  status;
  constructor(message, status, options) {
    super(message, ExitCode.Usage, options);
    this.status = status;
  }
};
function summariseGitHubError(error) {
  const status = statusOf(error);
  const firstLine = (text) => text.split(/\r?\n/)[0].trim().slice(0, 200);
  if (status === void 0) return firstLine(error instanceof Error ? error.message : String(error));
  const request = error.request;
  const call = request?.url ? `${request.method ?? "GET"} ${pathOf(request.url)}` : "a GitHub API call";
  const data = error.response?.data;
  const message = typeof data === "object" && data !== null && typeof data.message === "string" ? firstLine(data.message) : "";
  return `${call} answered ${status}${message ? ` (${message})` : ""}`;
}
function pathOf(url) {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}
function explainGitHubError(error, repository) {
  const status = statusOf(error);
  if (status === void 0 || error instanceof MlciError) return error;
  const request = error.request;
  const call = request ? `${request.method} ${request.url}` : "a GitHub API call";
  const detail = error.message.split("\n")[0].slice(0, 300);
  const hint = status === 401 ? "the token is missing or invalid" : status === 403 ? "the token may not write here: the register job needs `permissions: contents: write` (a fork pull request only gets a read-only token)" : status === 404 ? `the repository ${repository} or the object was not found (or the token cannot see it)` : status >= 500 ? "GitHub kept failing after retries; try again later" : "GitHub refused the request";
  return new GitHubRegistryError(
    `GitHub registry ${repository}: ${call} answered ${status} (${detail}): ${hint}`,
    status,
    { cause: error }
  );
}

export {
  statusOf,
  alreadyExists,
  GitHubRegistryError,
  summariseGitHubError,
  explainGitHubError
};
