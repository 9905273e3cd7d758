import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { condition, interpolate, type Contexts, type JobStatus } from './expressions.js';

const exec = promisify(execFile);

/** A step of a composite action or a job, as action.yml / a workflow spells it. */
export interface StepSpec {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

/** What the emulated `uses:` steps did, for assertions. */
export interface RunnerRecord {
  artifacts: UploadedArtifact[];
  cacheSaves: string[];
  cacheRestores: { key: string; hit: boolean }[];
  setupNode: number;
  /** The python-version of each setup-python step. */
  setupPython: string[];
}

/** An artifact upload-artifact made: a folder zipped, or one file as it is (`archive: false`). */
export interface UploadedArtifact {
  name: string;
  path: string;
  archive: boolean;
  /** Replace an artifact of that name from the same run (`overwrite: true`). */
  overwrite: boolean;
  /** The zip (or the file's bytes) as GitHub stores it; absent when the path held no file. */
  data?: Buffer;
}

/** What a job shares with the rest of the repository's runs: the actions/cache store, where artifacts go. */
export interface JobOptions {
  /** actions/cache entries by key (a folder each), shared by the jobs of one repository; default the job's own. */
  caches?: Map<string, string>;
  /** The runner image's Node 24 in the tool cache, as hosted runners have it (not on the PATH). */
  hostedNode?: boolean;
  /** Told of each upload (e.g. to add it to the GitHub emulator's workflow run). */
  onArtifact?: (artifact: UploadedArtifact) => Promise<void> | void;
}

/** One job on the player: its environment, files (GITHUB_ENV, GITHUB_PATH, summary) and what ran. */
export class Job {
  readonly record: RunnerRecord = {
    artifacts: [],
    cacheSaves: [],
    cacheRestores: [],
    setupNode: 0,
    setupPython: []
  };
  readonly status: JobStatus = { failed: false };
  private readonly env: Record<string, string> = {};
  private readonly paths: string[] = [];
  private readonly caches: Map<string, string>;
  log = '';

  private constructor(
    readonly dir: string,
    readonly workspace: string,
    private readonly base: Record<string, string>,
    private readonly options: JobOptions
  ) {
    this.caches = options.caches ?? new Map();
  }

  /** A job in `workspace` with the runner's variables; `base` is the job's own environment (PATH etc.). */
  static async create(
    workspace: string,
    base: Record<string, string>,
    event: unknown,
    options: JobOptions = {}
  ): Promise<Job> {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-runner-'));
    await mkdir(join(dir, 'tool-cache'));
    await mkdir(join(dir, 'temp'));
    await writeFile(join(dir, 'summary.md'), '');
    await writeFile(join(dir, 'event.json'), JSON.stringify(event));
    if (options.hostedNode)
      await nodeShim(
        join(dir, 'tool-cache', 'node', '24.11.0', process.arch === 'arm64' ? 'arm64' : 'x64', 'bin')
      );
    return new Job(
      dir,
      workspace,
      {
        ...base,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
        RUNNER_TOOL_CACHE: join(dir, 'tool-cache'),
        RUNNER_TEMP: join(dir, 'temp'),
        RUNNER_OS: 'Linux',
        RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64'
      },
      options
    );
  }

  /** The environment a step starts from: the job's, GITHUB_ENV's additions, GITHUB_PATH's entries first. */
  stepEnvironment(extra: Record<string, string> = {}): Record<string, string> {
    const env = { ...this.base, ...this.env, ...extra };
    env.PATH = [...this.paths, env.PATH ?? ''].join(delimiter);
    return env;
  }

  /** The job summary so far. */
  summary(): Promise<string> {
    return readFile(join(this.dir, 'summary.md'), 'utf8');
  }

  /** Runs a bash step as the runner does; returns its outputs and exit code. */
  async bash(
    script: string,
    env: Record<string, string>
  ): Promise<{ code: number; outputs: Record<string, string> }> {
    const n = Math.random().toString(36).slice(2);
    const files = {
      output: join(this.dir, `output-${n}`),
      env: join(this.dir, `env-${n}`),
      path: join(this.dir, `path-${n}`)
    };
    for (const f of Object.values(files)) await writeFile(f, '');
    const scriptFile = join(this.dir, `step-${n}.sh`);
    await writeFile(scriptFile, script);
    let code = 0;
    try {
      const res = await exec('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', scriptFile], {
        cwd: this.workspace,
        env: {
          ...this.stepEnvironment(env),
          GITHUB_OUTPUT: files.output,
          GITHUB_ENV: files.env,
          GITHUB_PATH: files.path
        },
        maxBuffer: 64 * 1024 * 1024
      });
      this.log += res.stdout + res.stderr;
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      this.log += (e.stdout ?? '') + (e.stderr ?? '');
      code = typeof e.code === 'number' ? e.code : 1;
    }
    Object.assign(this.env, parseKeyValues(await readFile(files.env, 'utf8')));
    for (const line of (await readFile(files.path, 'utf8')).split('\n').reverse())
      if (line.trim()) this.paths.unshift(line.trim());
    return { code, outputs: parseKeyValues(await readFile(files.output, 'utf8')) };
  }

  /** The documented effects of the third-party actions the mlci actions use. */
  async uses(
    ref: string,
    inputs: Record<string, string>
  ): Promise<{ code: number; outputs: Record<string, string> }> {
    const name = ref.split('@')[0];
    if (name === 'actions/setup-node') {
      // setup-node puts its Node first on the PATH for every later step of the job.
      this.record.setupNode++;
      const bin = join(this.dir, 'tool-cache', 'node', '24.0.0', 'x64', 'bin');
      await nodeShim(bin);
      this.paths.unshift(bin);
      return { code: 0, outputs: {} };
    }
    if (name === 'actions/setup-python') {
      // setup-python puts its Python (python, python3, pip) first on the PATH for every later step;
      // unlike the image's system Python it is not externally managed, so pip installs into it. Here
      // it is a virtual environment over the machine's Python (whose packages the examples pin).
      this.record.setupPython.push(inputs['python-version'] ?? '');
      const home = join(this.dir, 'tool-cache', 'Python', inputs['python-version'] || 'default');
      if (!existsSync(home))
        await exec('/usr/bin/python3', ['-m', 'venv', '--without-pip', '--system-site-packages', home]);
      this.paths.unshift(join(home, 'bin'));
      return { code: 0, outputs: { 'python-version': inputs['python-version'] ?? '' } };
    }
    if (name === 'actions/cache/restore' || name === 'actions/cache') {
      const saved = this.caches.get(inputs.key);
      this.record.cacheRestores.push({ key: inputs.key, hit: saved !== undefined });
      if (saved) await cp(saved, resolve(this.workspace, inputs.path), { recursive: true });
      return { code: 0, outputs: { 'cache-hit': String(saved !== undefined) } };
    }
    if (name === 'actions/cache/save') {
      // A key is written once: a second save of it is refused (a warning, not a failure), as on GitHub.
      if (this.caches.has(inputs.key)) {
        this.log += `Failed to save: Unable to reserve cache with key ${inputs.key}, another job may be creating this cache.\n`;
        return { code: 0, outputs: {} };
      }
      const copy = await mkdtemp(join(this.dir, 'cache-'));
      await cp(resolve(this.workspace, inputs.path), copy, { recursive: true });
      this.caches.set(inputs.key, copy);
      this.record.cacheSaves.push(inputs.key);
      return { code: 0, outputs: {} };
    }
    if (name === 'actions/upload-artifact') {
      const archive = inputs.archive !== 'false';
      const path = resolve(this.workspace, inputs.path);
      const data = await artifactBytes(path, archive);
      // Unzipped uploads are named after their file, as upload-artifact v7 does.
      const artifact = {
        name: archive ? (inputs.name ?? 'artifact') : basename(path),
        path: inputs.path,
        archive,
        overwrite: inputs.overwrite === 'true',
        data
      };
      this.record.artifacts.push(artifact);
      try {
        if (data) await this.options.onArtifact?.(artifact);
      } catch (error) {
        this.log += `::error::Failed to upload artifact: ${(error as Error).message}\n`;
        return { code: 1, outputs: {} };
      }
      return { code: 0, outputs: {} };
    }
    throw new Error(`the runner player does not emulate ${ref}`);
  }

  /**
   * Plays a composite action: inputs with their defaults, each step's `if:`, env and `with:` evaluated,
   * outputs read back. Returns the action's outputs and whether it failed.
   */
  async runAction(
    actionDir: string,
    withInputs: Record<string, string>,
    github: Record<string, unknown>,
    stepEnv: Record<string, string> = {}
  ): Promise<{ failed: boolean; outputs: Record<string, string> }> {
    const spec = parse(await readFile(join(actionDir, 'action.yml'), 'utf8')) as {
      inputs?: Record<string, { default?: string }>;
      outputs?: Record<string, { value: string }>;
      runs: { steps: StepSpec[] };
    };
    const contexts = (steps: Record<string, unknown>): Contexts => ({
      github: { ...github, action_path: actionDir, workspace: this.workspace },
      runner: {
        os: 'Linux',
        arch: this.base.RUNNER_ARCH,
        temp: join(this.dir, 'temp'),
        tool_cache: join(this.dir, 'tool-cache')
      },
      env: { ...this.stepEnvironment(), ...stepEnv },
      inputs: Object.fromEntries(
        Object.entries(spec.inputs ?? {}).map(([k, v]) => [
          k,
          withInputs[k] ?? interpolate(String(v.default ?? ''), { github }, this.status)
        ])
      ),
      steps
    });
    const steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> =
      {};
    let failed = false;
    const status: JobStatus = {
      get failed() {
        return failed;
      }
    } as JobStatus;
    for (const step of spec.runs.steps) {
      const ctx = contexts(steps);
      if (!condition(step.if, ctx, status)) {
        if (step.id) steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
        continue;
      }
      const env = Object.fromEntries(
        Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx, status)])
      );
      const res = step.run
        ? await this.bash(step.run, { ...stepEnv, ...env })
        : await this.uses(
            step.uses!,
            Object.fromEntries(
              Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx, status)])
            )
          );
      const outcome = res.code === 0 ? 'success' : 'failure';
      if (step.id) steps[step.id] = { outputs: res.outputs, outcome, conclusion: outcome };
      if (res.code !== 0) failed = true;
    }
    if (failed) this.status.failed = true;
    const ctx = contexts(steps);
    const outputs = Object.fromEntries(
      Object.entries(spec.outputs ?? {}).map(([k, v]) => [k, interpolate(v.value, ctx, status)])
    );
    return { failed, outputs };
  }
}

/** A `node` in `bin` that runs this process's Node (a stand-in for an installed Node). */
export async function nodeShim(bin: string): Promise<string> {
  await mkdir(bin, { recursive: true });
  await writeFile(join(bin, 'node'), `#!/bin/sh\nexec "${process.execPath}" "$@"\n`, { mode: 0o755 });
  return join(bin, 'node');
}

/** The bytes upload-artifact stores: the folder's (or file's) zip, or the file itself; undefined when absent. */
async function artifactBytes(path: string, archive: boolean): Promise<Buffer | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  if (!archive) return info.isFile() ? readFile(path) : undefined;
  // Paths inside the zip are relative to the uploaded folder (a file: its own folder), as upload-artifact's.
  const zip = join(await mkdtemp(join(tmpdir(), 'mlci-artifact-')), 'a.zip');
  const [cwd, what] = info.isDirectory() ? [path, '.'] : [dirname(path), basename(path)];
  try {
    await exec('zip', ['-q', '-r', zip, what], { cwd });
  } catch {
    return undefined; // nothing to zip: an empty folder (if-no-files-found: ignore)
  }
  return readFile(zip);
}

/** `name=value` lines and `name<<DELIMITER` blocks, as GITHUB_OUTPUT and GITHUB_ENV hold them. */
export function parseKeyValues(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      values[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return values;
}

export { dirname };
