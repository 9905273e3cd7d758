import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
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
            /(?<!typeof )import\(\s*'(onnxruntime-node|@duckdb\/node-api)'\s*\)/.test(text) ||
            /^import (?!type)[^;]*from '(onnxruntime-node|@duckdb\/node-api)'/m.test(text);
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
    expect(runtime.dependencies).toEqual(root.dependencies);
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
