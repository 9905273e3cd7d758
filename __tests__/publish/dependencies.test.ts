/**
 * package.json describes the dependencies as they ship: every library bundled into dist/ is a
 * dependency (so audit and SBOM tools see it as shipped), the native packages the actions install
 * are the runtime manifest's, and tools stay devDependencies.
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
// @ts-expect-error -- a build script in plain JavaScript, without types
import { bundleOptions, importedPackages } from '../../scripts/bundle-options.mjs';

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const readManifest = (path: string): Manifest => JSON.parse(readFileSync(path, 'utf8')) as Manifest;

describe('dependencies as they ship', () => {
  const root = readManifest('package.json');
  const runtime = readManifest('actions/runtime/package.json');
  let imported: string[];
  beforeAll(async () => {
    const result = await build({ ...(bundleOptions() as object), write: false, logLevel: 'silent' });
    imported = importedPackages(result.metafile) as string[];
  }, 120_000);

  it('lists every package the sources import as a dependency, and nothing else', () => {
    expect(imported.length).toBeGreaterThan(5);
    const declared = Object.keys(root.dependencies).sort();
    const natives = Object.keys(runtime.dependencies);
    // @duckdb/node-bindings is imported for its types only; the runtime installs it with node-api.
    expect(declared).toEqual([...new Set([...imported, ...natives])].sort());
  });

  it('keeps no package in both lists, and the tools out of dependencies', () => {
    const both = Object.keys(root.devDependencies).filter((name) => name in root.dependencies);
    expect(both).toEqual([]);
    for (const tool of ['esbuild', 'jest', 'typescript', 'eslint', 'playwright-core', 'marked', 'mermaid']) {
      expect({ tool, dependency: tool in root.dependencies }).toEqual({ tool, dependency: false });
    }
  });

  it('installs the actions’ native packages from their own manifest, at the root’s versions', () => {
    const setup = readFileSync('actions/runtime/setup.sh', 'utf8');
    // The actions' install reads actions/runtime/package.json, never the root manifest's classification.
    expect(setup).toMatch(/cp "\$here\/package\.json" "\$here\/package-lock\.json"/);
    for (const [name, spec] of Object.entries(runtime.dependencies)) {
      expect({ name, spec: root.dependencies[name] }).toEqual({ name, spec });
    }
  });

  it('names the repository, its issues and its home page', () => {
    const meta = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
    expect(meta.repository).toEqual({ type: 'git', url: 'git+https://github.com/mlci/mlci.git' });
    expect(meta.bugs).toEqual({ url: 'https://github.com/mlci/mlci/issues' });
    expect(meta.homepage).toBe('https://github.com/mlci/mlci#readme');
  });
});
