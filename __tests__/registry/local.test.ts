import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRegistry } from '../../src/registry/local.js';
import { registryContract } from './contract.js';

registryContract('local directory', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-registry-'));
  const registry = new LocalRegistry(dir);
  return {
    registry,
    async corrupt(name, version, asset) {
      const path = join(registry.versionDir(name, version), asset);
      const bytes = await readFile(path);
      bytes[bytes.length - 1] ^= 0xff;
      await writeFile(path, bytes);
    },
    close: () => rm(dir, { recursive: true, force: true })
  };
});
