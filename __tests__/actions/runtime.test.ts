import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { loadDuckDB, loadOnnxRuntime } from '../../src/core/native.js';

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

describe('the native runtime the actions install outside the workspace', () => {
  const saved = process.env.MLCI_RUNTIME_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.MLCI_RUNTIME_DIR;
    else process.env.MLCI_RUNTIME_DIR = saved;
  });

  it('loads onnxruntime-node and DuckDB from MLCI_RUNTIME_DIR when it is set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-runtime-'));
    for (const name of ['onnxruntime-node', '@duckdb/node-api']) {
      await mkdir(join(dir, 'node_modules', name), { recursive: true });
      await writeFile(join(dir, 'node_modules', name, 'package.json'), '{"main":"index.js"}');
      await writeFile(
        join(dir, 'node_modules', name, 'index.js'),
        `module.exports = { from: 'runtime ${name}' };`
      );
    }
    process.env.MLCI_RUNTIME_DIR = dir;
    expect(await loadOnnxRuntime()).toEqual({ from: 'runtime onnxruntime-node' });
    expect(await loadDuckDB()).toEqual({ from: 'runtime @duckdb/node-api' });
    delete process.env.MLCI_RUNTIME_DIR;
    expect(typeof (await loadOnnxRuntime()).InferenceSession.create).toBe('function');
  });

  it('is the only module that loads the native packages (type imports aside)', async () => {
    const offenders: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (path.endsWith('.ts') && path !== join('src', 'core', 'native.ts')) {
          const text = await readFile(path, 'utf8');
          const value =
            /(?<!typeof )import\(\s*'(onnxruntime-node|@duckdb\/node-api|@duckdb\/node-bindings)'\s*\)/.test(
              text
            ) ||
            /^import (?!type)[^;]*from '(onnxruntime-node|@duckdb\/node-api|@duckdb\/node-bindings)'/m.test(
              text
            );
          if (value) offenders.push(path);
        }
      }
    };
    await walk('src');
    expect(offenders).toEqual([]);
  });

  it("pins the root package's native dependencies, with the root lockfile's versions", async () => {
    const root = await readJson('package.json');
    const runtime = await readJson('actions/runtime/package.json');
    const natives = Object.keys(runtime.dependencies);
    expect(runtime.dependencies).toEqual(Object.fromEntries(natives.map((n) => [n, root.dependencies[n]])));
    const rootLock = (await readJson('package-lock.json')).packages;
    const lock = (await readJson('actions/runtime/package-lock.json')).packages;
    for (const [path, entry] of Object.entries(
      lock as Record<string, { version?: string; integrity?: string }>
    )) {
      if (path === '') continue;
      expect({ path, version: entry.version, integrity: entry.integrity }).toEqual({
        path,
        version: rootLock[path]?.version,
        integrity: rootLock[path]?.integrity
      });
    }
  });
});

describe('actions/runtime/setup.sh', () => {
  const script = join(process.cwd(), 'actions/runtime/setup.sh');
  const run = (args: string[], env: Record<string, string>, cwd: string) =>
    execFileSync('bash', [script, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  const outputs = async (file: string) =>
    Object.fromEntries(
      (await readFile(file, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
    );

  it('locates a node by absolute path and a runtime folder under the tool cache, installs it there once, for this platform only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-setup-'));
    const toolCache = join(dir, 'tool-cache');
    const workspace = join(dir, 'workspace');
    await mkdir(workspace, { recursive: true });
    await writeFile(join(dir, 'out'), '');
    const env = { RUNNER_TOOL_CACHE: toolCache, GITHUB_OUTPUT: join(dir, 'out') };
    run(['locate', process.cwd()], env, workspace);
    const located = await outputs(join(dir, 'out'));
    expect(located.present).toBe('false');
    expect(
      located.runtime.startsWith(join(toolCache, 'mlci-runtime', `${process.platform}-${process.arch}-`))
    ).toBe(true);
    expect(located.node).toMatch(/^\//);
    expect(located['cache-key']).toBe(`mlci-runtime-${located.runtime.split('/').pop()}`);

    // A stand-in npm beside the node: it lays out every platform's binaries as the real packages do.
    const bin = join(dir, 'bin');
    await mkdir(bin);
    await symlink(process.execPath, join(bin, 'node'));
    const layout = [
      ...['linux', 'darwin', 'win32'].flatMap((os) =>
        ['x64', 'arm64'].map((arch) => `node_modules/onnxruntime-node/bin/napi-v6/${os}/${arch}/lib`)
      ),
      ...['linux-x64', 'linux-x64-musl', 'linux-arm64', 'darwin-arm64', 'win32-x64'].map(
        (p) => `node_modules/@duckdb/node-bindings-${p}/lib`
      )
    ];
    await writeFile(
      join(bin, 'npm'),
      `#!/usr/bin/env bash\nset -e\necho "npm $*" >> "${join(dir, 'npm-calls')}"\nfor f in ${layout.join(' ')}; do mkdir -p "$(dirname "$f")"; echo x > "$f"; done\n`,
      { mode: 0o755 }
    );
    const installEnv = {
      ...env,
      MLCI_ROOT: process.cwd(),
      MLCI_NODE: join(bin, 'node'),
      MLCI_RUNTIME_DIR: located.runtime
    };
    run(['install'], installEnv, workspace);
    expect(await readFile(join(dir, 'npm-calls'), 'utf8')).toMatch(/^npm ci --omit=dev/);
    const platform = `${process.platform}-${process.arch}`;
    const glibc = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header
      .glibcVersionRuntime;
    const kept = [
      ...(await readdir(join(located.runtime, 'node_modules/onnxruntime-node/bin/napi-v6'))).map(
        (os) => `ort ${os}`
      ),
      ...(await readdir(join(located.runtime, 'node_modules/@duckdb'))).map((p) => `duckdb ${p}`)
    ];
    expect(kept.sort()).toEqual(
      [`ort ${process.platform}`, `duckdb node-bindings-${platform}${glibc ? '' : '-musl'}`].sort()
    );
    expect(
      await readdir(join(located.runtime, `node_modules/onnxruntime-node/bin/napi-v6/${process.platform}`))
    ).toEqual([process.arch]);
    expect(await readdir(workspace)).toEqual([]);
    // The next action of the job finds it installed.
    await writeFile(join(dir, 'out'), '');
    run(['locate', process.cwd()], env, workspace);
    expect((await outputs(join(dir, 'out'))).present).toBe('true');
  });
});

describe('action.yml files leave the job as they found it', () => {
  const files = [
    'action.yml',
    ...['deploy-canary', 'evaluate-vs-baseline', 'monitor', 'register', 'train', 'validate-data'].map(
      (a) => `actions/${a}/action.yml`
    )
  ];
  it.each(files)(
    '%s: no setup-node, no install into the action folder, mlci run by the located node',
    async (file) => {
      const text = await readFile(file, 'utf8');
      expect(text).not.toMatch(/uses: actions\/setup-node/);
      expect(text).not.toMatch(/npm (ci|install)/);
      expect(text).not.toMatch(/GITHUB_PATH/);
      expect(text).not.toMatch(/^\s+node "/m);
      expect(text).toMatch(/"\$MLCI_NODE" "\$MLCI_ROOT\/dist\/actions\//);
    }
  );
});
