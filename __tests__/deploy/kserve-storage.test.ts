/**
 * `mlci deploy-canary --target kserve` fills storageUri from the registry when none is configured:
 * the GitHub release asset (fetched back anonymously from the emulator and checked against the
 * registered sha256), or an OCI modelcar reference when configured; every manifest validates
 * against deploy/kserve/inferenceservice.schema.json.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { registryStorageUri } from '../../src/deploy/kserve.js';
import { createOctokit } from '../../src/github/octokit.js';
import { GitHubReleaseRegistry } from '../../src/github/release-registry.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { runCli, type CliRun } from '../../test-support/cli.js';
import { binaryModel, makeRegistry } from '../serve/support.js';

const schema = JSON.parse(await readFile('deploy/kserve/inferenceservice.schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Runs the CLI with extra environment variables, restoring them afterwards. */
async function withEnv(env: Record<string, string>, args: string[]): Promise<CliRun> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await runCli(args);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The dry-run manifests in `out`, each checked against the InferenceService schema. */
async function manifests(
  out: string,
  files: string[]
): Promise<Record<string, { spec: { predictor: { model: { storageUri: string } } } }>> {
  const result: Record<string, { spec: { predictor: { model: { storageUri: string } } } }> = {};
  for (const file of files) {
    const manifest = parse(await readFile(join(out, file), 'utf8'));
    expect({ file, valid: validate(manifest), errors: validate.errors }).toEqual({
      file,
      valid: true,
      errors: null
    });
    result[file] = manifest;
  }
  return result;
}

describe('KServe storageUri from the GitHub registry', () => {
  let gh: GitHubEmulator;
  let dir: string;
  beforeAll(async () => {
    gh = await startGitHubEmulator({ owner: 'octo-org', repo: 'ml-repo' });
    dir = await mkdtemp(join(tmpdir(), 'mlci-kserve-'));
  });
  afterAll(async () => {
    await gh.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is the release asset URL of model.onnx, which serves exactly the registered model', async () => {
    const octokit = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
    const registry = new GitHubReleaseRegistry(octokit, { owner: 'octo-org', repo: 'ml-repo' });
    await registry.register({ name: 'churn', model: binaryModel(), verdict: 'pass' });
    await registry.promote('churn', 1, 'production', 'test');
    const { version } = await registry.register({
      name: 'churn',
      model: binaryModel(undefined, 0.7),
      verdict: 'pass'
    });
    const out = join(dir, 'out');
    const run = await withEnv(
      {
        GITHUB_TOKEN: gh.writeToken,
        GITHUB_REPOSITORY: 'octo-org/ml-repo',
        GITHUB_API_URL: gh.baseUrl,
        GITHUB_SERVER_URL: `${gh.baseUrl}/`
      },
      [
        'deploy-canary',
        '--target',
        'kserve',
        '--registry',
        'github',
        '--model',
        'churn',
        '--version',
        `v${version.version}`,
        '--config',
        join(dir, 'none.yml'),
        '--steps',
        '10,100',
        '--dry-run',
        '--out',
        out
      ]
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const written = await manifests(out, ['canary-10.yaml', 'promote.yaml', 'rollback.yaml']);
    const url = `${gh.baseUrl}/octo-org/ml-repo/releases/download/churn%40v2/model.onnx`;
    expect(written['promote.yaml'].spec.predictor.model.storageUri).toBe(url);
    expect(written['rollback.yaml'].spec.predictor.model.storageUri).toBe(url.replace('v2', 'v1'));
    // What KServe's storage initializer would fetch: anonymously, the registered bytes.
    for (const [file, v] of [
      ['promote.yaml', version],
      ['rollback.yaml', (await registry.resolve({ name: 'churn', version: 1 }))!]
    ] as const) {
      const response = await fetch(written[file].spec.predictor.model.storageUri);
      expect(response.status).toBe(200);
      const sha = createHash('sha256')
        .update(Buffer.from(await response.arrayBuffer()))
        .digest('hex');
      expect({ file, sha }).toEqual({ file, sha: v.sha256 });
    }
  });
});

describe('KServe storageUri without a GitHub registry', () => {
  let registryDir: string;
  let cleanup: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    const made = await makeRegistry([binaryModel(undefined, 0.4)]);
    registryDir = made.registry.dir;
    dir = made.dir;
    cleanup = made.cleanup;
  });
  afterAll(() => cleanup());

  /** deploy-canary --target kserve --dry-run of v2 from the local registry, with no mlci.yml settings. */
  const dryRun = (out: string): string[] => [
    'deploy-canary',
    '--target',
    'kserve',
    '--registry',
    registryDir,
    '--model',
    'churn',
    '--version',
    'v2',
    '--config',
    join(dir, 'none.yml'),
    '--dry-run',
    '--out',
    out
  ];

  it('a local registry with no storage URI is exit 2 naming the settings that give one, before writing', async () => {
    const out = join(dir, 'none');
    const run = await runCli(dryRun(out));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^mlci: target kserve: the local registry .* has no URL a cluster can fetch the model from; .*--registry github.*--kserve-storage-uri.*oci:\/\//
    );
    expect(existsSync(out)).toBe(false);
  });

  it('a modelcar image: the OCI reference of the version, validated; a malformed one is exit 2', async () => {
    const out = join(dir, 'oci');
    const base = dryRun(out);
    const ok = await runCli([...base, '--kserve-storage-uri', 'oci://ghcr.io/acme/models/{name}:v{version}']);
    expect(ok.code).toBe(0);
    const written = await manifests(out, ['promote.yaml', 'rollback.yaml']);
    expect(written['promote.yaml'].spec.predictor.model.storageUri).toBe(
      'oci://ghcr.io/acme/models/churn:v2'
    );
    expect(written['rollback.yaml'].spec.predictor.model.storageUri).toBe(
      'oci://ghcr.io/acme/models/churn:v1'
    );
    const bad = await runCli([
      ...base,
      '--kserve-storage-uri',
      'oci://ghcr.io/Acme/models/{name}:v{version}'
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not an OCI reference');
  });

  it('GitHub without GITHUB_REPOSITORY is an input error; the server URL defaults to github.com', () => {
    expect(() => registryStorageUri('github', {})).toThrow(/needs GITHUB_REPOSITORY=owner\/repo/);
    expect(registryStorageUri('github', { GITHUB_REPOSITORY: 'acme/churn' })).toBe(
      'https://github.com/acme/churn/releases/download/{name}%40v{version}/model.onnx'
    );
  });
});
