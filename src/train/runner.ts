import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { groupAlive, groupMembers, hasProcfs, signalGroup } from './process-group.js';

/** How to run a training command. */
export interface RunOptions {
  /** A bash command line. */
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Stop the whole process tree after this long; 0 or absent: no limit. */
  timeoutMs?: number;
  /** Time between SIGTERM and SIGKILL when stopping the tree. */
  killGraceMs?: number;
  /** Receives the output as it arrives (stdout and stderr interleaved). */
  onOutput?: (text: string) => void;
  /** How many of the last output lines to keep for error messages. */
  tailLines?: number;
  /** Memory sampling period. */
  sampleIntervalMs?: number;
  /** Called once the command's process is running, for work that should overlap with it. */
  onStarted?: () => void;
}

/** What a run did and cost. */
export interface RunResult {
  exitCode: number | null;
  /** Set when bash itself was killed by a signal. */
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  wallSeconds: number;
  /** User and system CPU time of the command and every descendant it waited for. */
  cpuUserSeconds: number | null;
  cpuSystemSeconds: number | null;
  /** Largest sum of resident memory over the process group seen by the sampler. */
  peakRssBytes: number | null;
  /** How the numbers were measured, recorded next to them. */
  measuredBy: { cpu: string; memory: string };
  /** The last lines of output. */
  tail: string[];
}

/**
 * Credentials the training command must never see: it is the user's (on a pull request, the PR's)
 * code, and a workflow token handed to it would defeat `persist-credentials: false`.
 */
const SECRET_VARIABLES = [
  /^GITHUB_TOKEN$/,
  /^GH_TOKEN$/,
  /^GH_ENTERPRISE_TOKEN$/,
  /^GITHUB_ENTERPRISE_TOKEN$/,
  /^MLCI_.*TOKEN/,
  /^INPUT_.*TOKEN/,
  /^ACTIONS_RUNTIME_TOKEN$/,
  /^ACTIONS_RUNTIME_URL$/,
  /^ACTIONS_RESULTS_URL$/,
  /^ACTIONS_ID_TOKEN_REQUEST_(TOKEN|URL)$/,
  /^ACTIONS_CACHE_URL$/,
  /^ACTIONS_CACHE_SERVICE_V2$/
];

/** The environment the training command gets: the given one without any mlci or GitHub credential. */
export function childEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !SECRET_VARIABLES.some((p) => p.test(name.toUpperCase())))
  );
}

// The command runs in a subshell so `exit` inside it still lets the wrapper report `times`:
// bash's `times` prints the CPU used by the shell and by all children it reaped, which covers
// every process of the tree that was waited for, on any OS with bash.
const WRAPPER = [
  '__mlci_command=$1; __mlci_times=$2; shift 2',
  '( eval "$__mlci_command" )',
  '__mlci_rc=$?',
  'times > "$__mlci_times" 2>/dev/null || true',
  'exit $__mlci_rc'
].join('\n');

/**
 * Runs a command with bash in its own process group (so a timeout or a stray background job
 * can be stopped as a whole tree), streams its output, and measures wall time, CPU time and
 * peak memory. Never throws for a failing command: the result says what happened.
 */
export async function runCommand(options: RunOptions): Promise<RunResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'mlci-run-'));
  const timesFile = join(scratch, 'times');
  const tail = new TailBuffer(options.tailLines ?? 30);
  const grace = options.killGraceMs ?? 5000;
  const started = performance.now();
  const child = spawn('bash', ['-c', WRAPPER, 'mlci-train', options.command, timesFile], {
    cwd: options.cwd,
    env: childEnvironment(options.env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const pgid = child.pid;
  let timedOut = false;
  let peakRss: number | null = hasProcfs ? 0 : null;
  let sampling: Promise<void> = Promise.resolve();
  const sample = () => {
    if (!hasProcfs || pgid === undefined) return;
    sampling = sampling.then(async () => {
      const members = await groupMembers(pgid);
      const total = members.reduce((sum, m) => sum + m.rssBytes, 0);
      if (peakRss !== null && total > peakRss) peakRss = total;
    });
  };
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail.push(text);
    options.onOutput?.(text);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal }))
  );
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));

  const stopTree = async () => {
    if (pgid === undefined) return;
    signalGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + grace;
    while (Date.now() < deadline && (await groupAlive(pgid))) await sleep(50);
    if (await groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
  };

  // The tree runs in its own session, so Ctrl-C or a cancelled CI job signals mlci alone: pass
  // the signal on to the tree, then let it take its default course for mlci itself.
  const forward = (signal: NodeJS.Signals) => {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    void stopTree().then(() => {
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);

  sample();
  const sampler = setInterval(sample, options.sampleIntervalMs ?? 100);
  let stopping: Promise<void> | undefined;
  const timer =
    options.timeoutMs && options.timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          stopping = stopTree();
        }, options.timeoutMs)
      : undefined;
  options.onStarted?.();

  const outcome = await Promise.race([exited, spawnError]);
  clearTimeout(timer);
  process.off('SIGINT', forward);
  process.off('SIGTERM', forward);
  const wallSeconds = (performance.now() - started) / 1000;
  if (outcome instanceof Error) {
    clearInterval(sampler);
    await rm(scratch, { recursive: true, force: true });
    tail.push(`mlci: cannot start bash: ${outcome.message}\n`);
    return {
      exitCode: null,
      signal: null,
      timedOut: false,
      wallSeconds,
      cpuUserSeconds: null,
      cpuSystemSeconds: null,
      peakRssBytes: null,
      measuredBy: { cpu: 'none', memory: 'none' },
      tail: tail.lines()
    };
  }
  // Background jobs the command left behind would hold the output pipes open and keep running:
  // the tree is stopped whether the command finished or timed out.
  await (stopping ?? (pgid !== undefined && (await groupAlive(pgid)) ? stopTree() : Promise.resolve()));
  clearInterval(sampler);
  await sampling;
  // Output pipes close once the tree is gone; a bounded wait guards against a handle leaked elsewhere.
  let closeTimer: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise<void>((done) => (closeTimer = setTimeout(done, 2000)))]);
  clearTimeout(closeTimer);
  const cpu = await readTimes(timesFile);
  await rm(scratch, { recursive: true, force: true });
  return {
    exitCode: outcome.code,
    signal: outcome.signal,
    timedOut,
    wallSeconds,
    cpuUserSeconds: cpu?.user ?? null,
    cpuSystemSeconds: cpu?.system ?? null,
    peakRssBytes: peakRss,
    measuredBy: {
      cpu: cpu ? 'bash times (command and reaped descendants)' : 'unavailable (the command was killed)',
      memory: hasProcfs
        ? `sum of VmRSS over the process group, sampled every ${options.sampleIntervalMs ?? 100} ms from /proc`
        : 'unavailable (no /proc on this OS)'
    },
    tail: tail.lines()
  };
}

/** A one-line description of how a run ended, e.g. "exit code 3" or "killed by SIGKILL". */
export function describeExit(
  result: Pick<RunResult, 'exitCode' | 'signal' | 'timedOut'>,
  timeoutMs?: number
): string {
  if (result.timedOut)
    return `timed out after ${formatSeconds((timeoutMs ?? 0) / 1000)}; the process tree was stopped`;
  if (result.signal) return `killed by ${result.signal}`;
  if (result.exitCode === null) return 'could not be started';
  if (result.exitCode > 128) {
    const name = Object.entries(constants.signals).find(([, n]) => n === result.exitCode! - 128)?.[0];
    if (name) return `exit code ${result.exitCode} (a process was killed by ${name})`;
  }
  return `exit code ${result.exitCode}`;
}

function formatSeconds(seconds: number): string {
  return seconds >= 1 ? `${Number(seconds.toFixed(1))} s` : `${Math.round(seconds * 1000)} ms`;
}

async function readTimes(path: string): Promise<{ user: number; system: number } | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const values = [...text.matchAll(/(?<!\d)(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (values.length < 4) return null;
  // Line 1: the shell itself; line 2: its children.
  return { user: round(values[0] + values[2]), system: round(values[1] + values[3]) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Keeps the last lines of a stream without holding all of it. */
class TailBuffer {
  private text = '';
  constructor(private readonly max: number) {}

  push(chunk: string): void {
    this.text += chunk;
    if (this.text.length > 64_000) this.text = this.text.slice(-32_000);
  }

  lines(): string[] {
    const lines = this.text.replace(/\r/g, '\n').split('\n');
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    return lines.slice(-this.max);
  }
}
