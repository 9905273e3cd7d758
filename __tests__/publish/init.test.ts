/**
 * `mlci init` for a user of the actions alone: a `$schema` line that resolves without
 * node_modules/mlci, and mlci.yaml accepted beside mlci.yml as the default config file.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG_FILES, findDefaultConfig } from '../../src/config/default-file.js';
import { SCHEMA_URL } from '../../src/config/starter.js';
import { runCli } from '../../test-support/cli.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'mlci-init-'));

/** Runs `mlci init` with `dir` as the working directory (the default file is looked up there). */
const initIn = async (dir: string, args: string[] = []) => {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return await runCli(['init', ...args]);
  } finally {
    process.chdir(previous);
  }
};

describe('mlci init', () => {
  it('writes a $schema line pointing at the schema of the major release tag, with the local path as a comment', async () => {
    const dir = fresh();
    expect(await initIn(dir, ['--name', 'churn'])).toMatchObject({ code: 0, stdout: 'wrote mlci.yml\n' });
    const [first, second] = readFileSync(join(dir, 'mlci.yml'), 'utf8').split('\n');
    expect(first).toBe(`# yaml-language-server: $schema=${SCHEMA_URL}`);
    expect(SCHEMA_URL).toMatch(
      /^https:\/\/raw\.githubusercontent\.com\/mlci\/mlci\/v0\/schema\/mlci\.schema\.json$/
    );
    // The URL's path in the repository is the schema the package ships.
    expect(readFileSync(new URL(SCHEMA_URL).pathname.replace('/mlci/mlci/v0/', ''), 'utf8')).toContain(
      '"$schema"'
    );
    expect(second).toContain('./node_modules/mlci/schema/mlci.schema.json');
  });

  it('refuses a --name that is not a model name, naming the flag, and writes nothing', async () => {
    // Before: "churn #v2" was written unquoted, so YAML read the name as "churn" (the rest a comment);
    // "my model" was refused as "mlci.yml:7:9: model.name …", a file that was never written.
    for (const name of ['churn #v2', 'my model', 'a\nb', '../x']) {
      const dir = fresh();
      const run = await initIn(dir, ['--name', name]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`mlci: --name: got ${JSON.stringify(name)}, expected a model name`);
      expect(existsSync(join(dir, 'mlci.yml'))).toBe(false);
    }
  });

  it('does not write mlci.yml beside an existing mlci.yaml', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'mlci.yaml'), 'version: 1\n');
    const run = await initIn(dir);
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('mlci.yaml already exists') });
    expect(findDefaultConfig(dir)).toBe(join(dir, 'mlci.yaml'));
    expect((await initIn(dir, ['--force'])).code).toBe(0);
    expect(readFileSync(join(dir, 'mlci.yaml'), 'utf8')).toContain(SCHEMA_URL);
  });
});

describe('findDefaultConfig', () => {
  it('finds mlci.yml or mlci.yaml, names mlci.yml when neither exists, refuses both', () => {
    expect(DEFAULT_CONFIG_FILES).toEqual(['mlci.yml', 'mlci.yaml']);
    const dir = fresh();
    expect(findDefaultConfig(dir)).toBe(join(dir, 'mlci.yml'));
    writeFileSync(join(dir, 'mlci.yml'), 'version: 1\n');
    expect(findDefaultConfig(dir)).toBe(join(dir, 'mlci.yml'));
    writeFileSync(join(dir, 'mlci.yaml'), 'version: 1\n');
    expect(() => findDefaultConfig(dir)).toThrow(/mlci\.yml and .*mlci\.yaml both exist: keep one/);
    const yamlOnly = fresh();
    writeFileSync(join(yamlOnly, 'mlci.yaml'), 'version: 1\n');
    expect(findDefaultConfig(yamlOnly)).toBe(join(yamlOnly, 'mlci.yaml'));
  });
});
