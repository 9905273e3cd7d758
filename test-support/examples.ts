import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const copies: string[] = [];

/**
 * Copies examples/<name> (without local state or trained models) into node_modules/.cache, inside the
 * repository so that the example trainers resolve their packages from the root node_modules.
 */
export async function copyExample(name: string): Promise<string> {
  const base = resolve('node_modules/.cache/mlci-tests');
  await mkdir(base, { recursive: true });
  const dir = await mkdtemp(join(base, `${name}-`));
  copies.push(dir);
  await cp(resolve('examples', name), dir, {
    recursive: true,
    filter: (source) => !/(\.mlci|model\.onnx|__pycache__|\/out)$/.test(source)
  });
  return dir;
}

/** Removes every copy made by copyExample (call from afterAll). */
export async function removeExampleCopies(): Promise<void> {
  await Promise.all(copies.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
