// Bundles the CLI and one entry per action into dist/ with esbuild in one build with shared chunks (docs/architecture.md).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { writeNotices } from './notices.mjs';
import { chmodSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

execFileSync(process.execPath, ['scripts/schema-src.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/config-docs.mjs'], { stdio: 'inherit' });

const actionEntries = existsSync('src/actions')
  ? readdirSync('src/actions', { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(`src/actions/${d.name}/index.ts`))
      .map((d) => ({ in: `src/actions/${d.name}/index.ts`, out: `actions/${d.name}/index` }))
  : [];

const banner = [
  "import { createRequire as __mlciCreateRequire } from 'node:module';",
  'const require = __mlciCreateRequire(import.meta.url);'
].join('\n');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist',
  // Native packages are installed beside dist/ (the actions cache them); everything else is bundled.
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
  charset: 'utf8'
};

rmSync('dist', { recursive: true, force: true });
// One build for the CLI and every action, so they share their chunks instead of each carrying a copy.
const result = await build({
  ...common,
  metafile: true,
  entryPoints: [{ in: 'src/cli/index.ts', out: 'cli/index' }, ...actionEntries],
  banner: { js: banner }
});
const cliEntry = 'dist/cli/index.js';
writeFileSync(cliEntry, `#!/usr/bin/env node\n${readFileSync(cliEntry, 'utf8')}`);
chmodSync('dist/cli/index.js', 0o755);
// The licence notices of every bundled package ship beside dist/ (legalComments are off above).
writeNotices(result.metafile);
execFileSync(process.execPath, ['scripts/reference-docs.mjs'], { stdio: 'inherit' });
