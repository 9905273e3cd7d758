// Bundles the CLI and one entry per action into dist/ with esbuild in one build with shared chunks (docs/architecture.md).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { bundleOptions } from './bundle-options.mjs';
import { writeNotices } from './notices.mjs';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

execFileSync(process.execPath, ['scripts/schema-src.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/config-docs.mjs'], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
// One build for the CLI and every action, so they share their chunks instead of each carrying a copy.
const result = await build(bundleOptions());
const cliEntry = 'dist/cli/index.js';
writeFileSync(cliEntry, `#!/usr/bin/env node\n${readFileSync(cliEntry, 'utf8')}`);
chmodSync('dist/cli/index.js', 0o755);
// The licence notices of every bundled package ship beside dist/ (legalComments are off above).
writeNotices(result.metafile);
execFileSync(process.execPath, ['scripts/reference-docs.mjs'], { stdio: 'inherit' });
