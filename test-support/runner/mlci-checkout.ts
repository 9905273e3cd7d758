import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, readlink, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

/** Every action entry under src/actions (the root action's is `pipeline`). */
export const ACTION_ENTRIES = [
  'validate-data',
  'train',
  'evaluate-vs-baseline',
  'register',
  'deploy-canary',
  'monitor',
  'pipeline'
];

/**
 * An mlci checkout as a workflow gets it from `uses: mlci/mlci…@ref`: action.yml, actions/ and dist/
 * bundled from this tree as scripts/build.mjs bundles it (native packages external).
 */
export async function buildMlciCheckout(into?: string): Promise<string> {
  const root = into ?? (await mkdtemp(join(tmpdir(), 'mlci-checkout-')));
  await cp('action.yml', join(root, 'action.yml'));
  await cp('actions', join(root, 'actions'), { recursive: true });
  await build({
    entryPoints: ACTION_ENTRIES.map((a) => ({ in: `src/actions/${a}/index.ts`, out: `actions/${a}/index` })),
    outdir: join(root, 'dist'),
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['onnxruntime-node', '@duckdb/node-api', '@duckdb/node-bindings*'],
    banner: {
      js: "import { createRequire as __mlciCreateRequire } from 'node:module';\nconst require = __mlciCreateRequire(import.meta.url);"
    },
    logLevel: 'error'
  });
  return root;
}

/** The actions/cache key of the native runtime, as actions/runtime/setup.sh names it. */
export async function runtimeCacheKey(): Promise<string> {
  const hash = createHash('sha256')
    .update(await readFile('actions/runtime/package-lock.json'))
    .digest('hex')
    .slice(0, 16);
  return `mlci-runtime-${process.platform}-${process.arch}-${hash}`;
}

/**
 * A cache store holding the native runtime an earlier job saved (its real install is tested in
 * runtime-install.test.ts): the runtime's node_modules point at this tree's install.
 */
export async function warmCaches(): Promise<Map<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-runtime-cache-'));
  await writeFile(join(dir, 'package.json'), '{}');
  await symlink(resolve('node_modules'), join(dir, 'node_modules'));
  await writeFile(join(dir, '.complete'), '');
  return new Map([[await runtimeCacheKey(), dir]]);
}

/**
 * Every file under dir with its sha256 (a symlink: its target), but the folders and files named in
 * `skip` (relative paths): what a step may change is what it leaves out.
 */
export async function snapshot(dir: string, skip: string[] = []): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      const rel = relative(dir, path);
      if (skip.includes(rel)) continue;
      if (entry.isSymbolicLink()) files[rel] = `-> ${await readlink(path)}`;
      else if (entry.isDirectory()) await walk(path);
      else
        files[rel] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
    }
  };
  await walk(dir);
  return files;
}

/** A copy of examples/<name> in a temp folder, as a user's repository (no trained model, no local state). */
export async function userRepository(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `mlci-user-${name}-`));
  await cp(resolve('examples', name), dir, {
    recursive: true,
    filter: (source) => !/(\.mlci|model\.onnx|__pycache__|node_modules|mlci-out)$/.test(source)
  });
  await mkdir(join(dir, '.github', 'workflows'), { recursive: true });
  await cp('docs/workflows', join(dir, '.github', 'workflows'), { recursive: true });
  return dir;
}
