// What esbuild bundles into dist/ and how: shared by scripts/build.mjs and the test that checks
// package.json declares every bundled library as a dependency (__tests__/publish/dependencies.test.ts).
import { existsSync, readdirSync } from 'node:fs';

/** The Node line the bundle targets: the oldest one `engines` in package.json accepts. */
export const NODE_TARGET = 'node22';

/** The CLI and one entry per action folder of src/actions. */
export function entryPoints() {
  const actionEntries = existsSync('src/actions')
    ? readdirSync('src/actions', { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(`src/actions/${d.name}/index.ts`))
        .map((d) => ({ in: `src/actions/${d.name}/index.ts`, out: `actions/${d.name}/index` }))
    : [];
  return [{ in: 'src/cli/index.ts', out: 'cli/index' }, ...actionEntries];
}

const banner = [
  "import { createRequire as __mlciCreateRequire } from 'node:module';",
  'const require = __mlciCreateRequire(import.meta.url);'
].join('\n');

/** esbuild's options for the one build of the CLI and every action (they share their chunks). */
export function bundleOptions() {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    outdir: 'dist',
    // Native packages (actions/runtime/package.json) are installed beside dist/ (the actions cache
    // them); playwright-core is for tests only; everything else is bundled.
    external: [
      'onnxruntime-node',
      '@duckdb/node-api',
      '@duckdb/node-bindings*',
      'chromium-bidi*',
      'playwright-core'
    ],
    legalComments: 'none',
    // Lazy imports (stage modules, Vega, @actions/core) become chunks loaded on use, keeping start-up fast.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    charset: 'utf8',
    metafile: true,
    entryPoints: entryPoints(),
    banner: { js: banner }
  };
}

/** The package name of a bare import specifier (`@scope/name/sub` → `@scope/name`); undefined for relative and node: ones. */
export const packageOf = (specifier) =>
  specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')
    ? undefined
    : /^(@[^/]+\/[^/]+|[^/]+)/.exec(specifier)?.[1];

/** The packages mlci's own sources import in a build's metafile (bundled or external), sorted. */
export function importedPackages(metafile) {
  const names = new Set();
  for (const [path, input] of Object.entries(metafile.inputs)) {
    if (path.includes('node_modules/')) continue;
    for (const imported of input.imports) {
      const name = imported.original ? packageOf(imported.original) : undefined;
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}
