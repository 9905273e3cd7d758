import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../test-support/cli.js';
import { parseConfig } from '../../src/config/load.js';
import { deployCanary, type DeploymentRecorder } from '../../src/stages/deploy.js';
import { buildDeployRequest, DEFAULT_LABEL } from '../../src/stages/deploy-request.js';
import { LocalRegistry } from '../../src/registry/local.js';
import { binaryModel } from '../serve/support.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-deploy-request-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A registry with v1 (and v2) of "churn" and no production alias. */
async function freshRegistry(versions = 1): Promise<LocalRegistry> {
  const registry = new LocalRegistry(join(dir, 'project', '.mlci', 'registry'));
  for (let v = 0; v < versions; v++)
    await registry.register({ name: 'churn', model: binaryModel(undefined, 0.1 + v / 10), verdict: 'pass' });
  return registry;
}

const CONFIG = `version: 1
model:
  name: churn
  task: binary
  label: churned
deploy:
  target: local
  replay: data/test.csv
`;

test('CLI: --server that is not a URL exits 2 naming the flag', async () => {
  const registry = await freshRegistry(2);
  await registry.promote('churn', 1, 'production', 'test');
  const run = await runCli([
    'deploy-canary',
    '--server',
    'not a url',
    '--registry',
    registry.dir,
    '--model',
    'churn',
    '--version',
    'v2',
    '--admin-token',
    't',
    '--config',
    join(dir, 'none.yml')
  ]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/--server: "not a url" is not a URL/);
  expect(run.stderr).not.toMatch(/unexpected|this is a bug/);
});

test('CLI: a first version (no production yet) is promoted at once, reported as the first version', async () => {
  const registry = await freshRegistry(1);
  const run = await runCli([
    'deploy-canary',
    '--target',
    'local',
    '--registry',
    registry.dir,
    '--model',
    'churn',
    '--version',
    'v1',
    '--json',
    '--config',
    join(dir, 'none.yml')
  ]);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stdout} ${run.stderr}`);
  const json = JSON.parse(run.stdout);
  expect(json).toMatchObject({
    status: 'promoted',
    reason: expect.stringMatching(/^first version: v1 becomes production/),
    alias: { alias: 'production', from: null, to: 1 }
  });
  expect((await registry.aliases('churn')).production).toBe(1);
  const history = await registry.history('churn');
  expect(history.at(-1)).toMatchObject({
    alias: 'production',
    to: 1,
    reason: expect.stringMatching(/first version/)
  });

  // The same version again: nothing to roll out, the alias does not move.
  const again = await runCli([
    'deploy-canary',
    '--target',
    'local',
    '--registry',
    registry.dir,
    '--model',
    'churn',
    '--version',
    'v1',
    '--config',
    join(dir, 'none.yml')
  ]);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/already production: nothing to roll out/);
  expect(await registry.history('churn')).toHaveLength(history.length);
});

test('stage: a first version through any door records the deployment and writes deployment.md', async () => {
  const registry = await freshRegistry(1);
  const states: string[] = [];
  const recorder: DeploymentRecorder = {
    start: async (info) => void states.push(`start ${info.environment}`),
    update: async (state, description) => void states.push(`${state} ${description}`)
  };
  const out = join(dir, 'out');
  const result = await deployCanary({
    model: 'churn',
    version: 1,
    target: 'kserve',
    registry,
    recorder,
    out,
    kserve: { storageUri: 's3://m/{name}/v{version}' }
  });
  expect(result.report.outcome).toBe('promoted');
  expect(result.alias?.to).toBe(1);
  expect(states).toEqual(['start production', expect.stringMatching(/^success promoted: first version/)]);
  expect(await readFile(join(out, 'deployment.md'), 'utf8')).toMatch(/stable before: none/);
});

test('stage: the KServe storage URI is checked for every door, before anything moves', async () => {
  const registry = await freshRegistry(1);
  await expect(deployCanary({ model: 'churn', version: 1, target: 'kserve', registry })).rejects.toThrow(
    /target kserve needs --kserve-storage-uri/
  );
  expect((await registry.aliases('churn')).production).toBeUndefined();
});

test('request: flags over mlci.yml over defaults, paths relative to mlci.yml, state beside the registry', async () => {
  const registry = await freshRegistry(1);
  const configPath = join(dir, 'project', 'sub', 'mlci.yml');
  const config = parseConfig(CONFIG, configPath);
  const request = await buildDeployRequest({ version: 'v1' }, config, { configPath, registry });
  expect(request).toMatchObject({
    model: 'churn',
    version: 1,
    target: 'local',
    replay: join(dir, 'project', 'sub', 'data', 'test.csv'),
    dropColumns: ['churned'],
    stateFile: join(dir, 'project', '.mlci', 'deploy-state.json'),
    alias: 'production'
  });
  const flagged = await buildDeployRequest(
    { version: '2', label: 'y', replay: 'x.csv', state: 's.json', steps: '5,50' },
    config,
    { configPath, registry }
  );
  expect(flagged).toMatchObject({
    version: 2,
    dropColumns: ['y'],
    replay: 'x.csv',
    stateFile: 's.json',
    steps: [5, 50]
  });
  const bare = await buildDeployRequest({ version: 'v1', model: 'churn' }, null, { registry });
  expect(bare.dropColumns).toEqual([DEFAULT_LABEL]);
});

test('request: bad flags and settings are refused naming the flag or key', async () => {
  const registry = await freshRegistry(1);
  const build = (flags: Record<string, string>, yml = CONFIG) =>
    buildDeployRequest({ version: 'v1', ...flags }, parseConfig(yml, 'mlci.yml'), { registry });
  await expect(build({ server: 'not a url' })).rejects.toThrow(/--server: "not a url" is not a URL/);
  await expect(build({}, `${CONFIG}  server: ftp://x\n`)).rejects.toThrow(/deploy.server: "ftp:\/\/x"/);
  await expect(build({ steps: '50,0,100' })).rejects.toThrow(/--steps: got "0"/);
  await expect(build({ steps: '50,10' })).rejects.toThrow(/steps must increase/);
  await expect(build({ target: 'moon' })).rejects.toThrow(/--target: got "moon"/);
  await expect(build({ target: 'kserve' })).rejects.toThrow(/--kserve-storage-uri/);
  await expect(build({ rate: 'fast' })).rejects.toThrow(/--rate: got "fast"/);
  await expect(build({ failureLimit: '1.5' })).rejects.toThrow(/--failure-limit: .*whole number/);
  await expect(build({ version: 'four' })).rejects.toThrow(/--version: "four"/);
});

test('the pause state lives beside the registry, not under the working directory', async () => {
  const registry = await freshRegistry(2);
  await registry.promote('churn', 1, 'production', 'test');
  const replay = join(dir, 'test.csv');
  const lines = ['f0,f1,f2,f3,f4,f5,f6,f7,f8,f9,label'];
  for (let i = 0; i < 50; i++)
    lines.push([...Array.from({ length: 10 }, (_, j) => Math.sin(i + j).toFixed(3)), '1'].join(','));
  await writeFile(replay, lines.join('\n'));
  const elsewhere = join(dir, 'elsewhere');
  await mkdir(elsewhere);
  const cwd = process.cwd();
  process.chdir(elsewhere);
  try {
    const request = await buildDeployRequest(
      {
        version: 'v2',
        model: 'churn',
        target: 'local',
        replay,
        steps: '20',
        interval: '300ms',
        minRequests: '100000',
        rate: '50'
      },
      null,
      { registry }
    );
    const result = await deployCanary(request);
    expect(result.report.outcome).toBe('paused');
    const beside = join(dirname(registry.dir), 'deploy-state.json');
    expect(result.files).toContain(beside);
    expect(JSON.parse(await readFile(beside, 'utf8'))).toMatchObject({ model: 'churn', version: 2 });
    expect(existsSync(join(elsewhere, '.mlci'))).toBe(false);
  } finally {
    process.chdir(cwd);
  }
});
