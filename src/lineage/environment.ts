import { execFile } from 'node:child_process';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The machine a run used. */
export interface RunnerInfo {
  os: string;
  release: string;
  arch: string;
  cpus: number;
  cpu_model: string | null;
  memory_bytes: number;
  /** RUNNER_NAME / RUNNER_OS in GitHub Actions. */
  name: string | null;
}

/** Where a run happened on GitHub, when it ran in Actions. */
export interface GithubRunInfo {
  run_url: string;
  repository: string;
  run_id: string;
  run_attempt: string | null;
  workflow: string | null;
  event: string | null;
  ref: string | null;
  sha: string | null;
  actor: string | null;
}

/** Describes this machine. */
export function runnerInfo(env: NodeJS.ProcessEnv = process.env): RunnerInfo {
  const list = cpus();
  return {
    os: platform(),
    release: release(),
    arch: arch(),
    cpus: list.length,
    cpu_model: list[0]?.model?.trim() || null,
    memory_bytes: totalmem(),
    name: env.RUNNER_NAME ?? null
  };
}

/** The GitHub Actions run, from GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_RUN_ID; null outside Actions. */
export function githubRun(env: NodeJS.ProcessEnv = process.env): GithubRunInfo | null {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID) return null;
  const server = (GITHUB_SERVER_URL || 'https://github.com').replace(/(?<!\/)\/+$/, '');
  return {
    run_url: `${server}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`,
    repository: GITHUB_REPOSITORY,
    run_id: GITHUB_RUN_ID,
    run_attempt: env.GITHUB_RUN_ATTEMPT ?? null,
    workflow: env.GITHUB_WORKFLOW ?? null,
    event: env.GITHUB_EVENT_NAME ?? null,
    ref: env.GITHUB_REF ?? null,
    sha: env.GITHUB_SHA ?? null,
    actor: env.GITHUB_ACTOR ?? null
  };
}

/** The python interpreter a shell command runs, if it names one (`python`, `python3.11`, `/usr/bin/python3`, `uv run python`). */
export function pythonInCommand(command: string): string | null {
  const match = /(?:^|[\s;&|(])((?:[^\s;&|()'"]*\/)?python(?:\d+(?:\.\d+)?)?)(?=$|[\s;&|)])/.exec(command);
  return match ? match[1] : null;
}

/**
 * The version of a python interpreter, run with the environment and directory of the training
 * command so a virtualenv on PATH answers as it would for the command; null when it cannot run.
 */
export async function pythonVersion(
  interpreter: string,
  cwd: string,
  env: NodeJS.ProcessEnv
): Promise<string | null> {
  try {
    const { stdout, stderr } = await run(interpreter, ['--version'], { cwd, env, timeout: 10_000 });
    const text = `${stdout}${stderr}`.trim();
    return /Python\s+(\S+)/.exec(text)?.[1] ?? (text || null);
  } catch {
    return null;
  }
}
