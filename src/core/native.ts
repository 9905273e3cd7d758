import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The one way mlci loads its native packages. The actions install them once per job outside the
 * workspace (actions/runtime/setup.sh) and name that folder in MLCI_RUNTIME_DIR; elsewhere (the CLI,
 * tests) they resolve from node_modules as usual. See docs/actions.md's runtime section.
 */
function runtimeRequire(): NodeJS.Require | null {
  const dir = process.env.MLCI_RUNTIME_DIR;
  return dir ? createRequire(join(dir, 'package.json')) : null;
}

/** onnxruntime-node, from the actions' runtime folder when there is one. */
export async function loadOnnxRuntime(): Promise<typeof import('onnxruntime-node')> {
  const require = runtimeRequire();
  return require
    ? (require('onnxruntime-node') as typeof import('onnxruntime-node'))
    : import('onnxruntime-node');
}

/** @duckdb/node-api, from the actions' runtime folder when there is one. */
export async function loadDuckDB(): Promise<typeof import('@duckdb/node-api')> {
  const require = runtimeRequire();
  return require
    ? (require('@duckdb/node-api') as typeof import('@duckdb/node-api'))
    : import('@duckdb/node-api');
}

/** @duckdb/node-bindings (the C API under node-api), from the actions' runtime folder when there is one. */
export async function loadDuckDBBindings(): Promise<typeof import('@duckdb/node-bindings')> {
  const require = runtimeRequire();
  return require
    ? (require('@duckdb/node-bindings') as typeof import('@duckdb/node-bindings'))
    : import('@duckdb/node-bindings');
}
