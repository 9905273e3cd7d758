// Shared set-up of the serve benchmarks: bundles mlci's serving code from src/, trains the example
// model (seed 42), registers it in a temporary local registry and prepares the request bodies.
import { execFileSync, fork } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** Bundle, model, registry and bodies; `dir` is the temporary directory to remove afterwards. */
export async function prepare() {
  const bundle = join(root, 'node_modules', '.cache', 'mlci-bench-serve', 'entry.mjs');
  await build({
    entryPoints: [join(here, 'entry.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['onnxruntime-node', '@duckdb/node-api', '@duckdb/node-bindings*'],
    banner: {
      js: "import { createRequire as __mlciCreateRequire } from 'node:module'; const require = __mlciCreateRequire(import.meta.url);"
    },
    logLevel: 'warning'
  });
  const mlci = await import(bundle);

  // The example model, trained afresh (seed 42) with the example's own trainer.
  const dir = await mkdtemp(join(tmpdir(), 'mlci-bench-serve-'));
  const modelPath = join(dir, 'model.onnx');
  execFileSync(process.execPath, [join(root, 'examples', 'churn-node', 'train.mjs')], {
    cwd: join(root, 'examples', 'churn-node'),
    env: { ...process.env, MLCI_MODEL_PATH: modelPath, MLCI_SEED: '42' },
    stdio: 'ignore'
  });
  const registry = new mlci.LocalRegistry(join(dir, 'registry'));
  await registry.register({
    name: 'churn',
    model: new Uint8Array(await readFile(modelPath)),
    verdict: 'pass'
  });
  await registry.promote('churn', 1, 'production', 'bench');

  // Requests: rows of the example's test set, as one Open Inference Protocol input per column.
  const replay = await mlci.readReplayFile(join(root, 'examples', 'churn-node', 'data', 'test.csv'), [
    'churned'
  ]);
  const bodies = mlci.replayBodies(replay, null).slice(0, 500);
  return { bundle, mlci, dir, modelPath, bodies };
}

/** Forks the floor or mlci on `port` (extra node flags in `execArgv`) and waits until it listens. */
export async function startServer(setup, kind, port, execArgv = []) {
  const child =
    kind === 'floor'
      ? fork(join(here, 'floor.mjs'), [setup.modelPath, String(port)], { stdio: 'inherit', execArgv })
      : fork(join(here, 'mlci.mjs'), [setup.bundle, join(setup.dir, 'registry'), String(port)], {
          stdio: 'inherit',
          execArgv
        });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
  return child;
}

/** Stops a server started by startServer and waits for its exit (profiles are written then). */
export async function stopServer(child) {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}
