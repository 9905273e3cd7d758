import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test-support/cli.js';
import { startGitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createOctokit } from '../../src/github/octokit.js';
import { GitHubReleaseRegistry } from '../../src/github/release-registry.js';
import { sha256Hex } from '../../src/registry/integrity.js';
import { LocalRegistry } from '../../src/registry/local.js';
import { model, request } from './contract.js';

let work: string;
let registryDir: string;
const NO_CONFIG = ['--config', '/nonexistent/mlci.yml'];

async function files(
  seed: number,
  verdict: 'pass' | 'fail' = 'pass'
): Promise<{ model: string; evaluation: string }> {
  const dir = join(work, `run-${seed}-${verdict}`);
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.onnx'), model(seed));
  await writeFile(
    join(dir, 'evaluation.json'),
    JSON.stringify({
      verdict,
      candidate: { metrics: { accuracy: 0.9 + seed / 1000, roc_auc: null } },
      gates: []
    })
  );
  await writeFile(
    join(dir, 'training.json'),
    JSON.stringify({
      schema: 'mlci.training/v1',
      status: 'pass',
      failed_checks: [],
      seed: 7,
      params: { C: 1.5, penalty: 'l2' },
      data: [{ path: 'data/train.csv', sha256: 'a'.repeat(64), bytes: 10, role: 'train' }],
      git: { commit: 'b'.repeat(40), dirty: false, branch: 'main' },
      github: { run_url: 'https://github.com/o/r/actions/runs/99' },
      model: { path: 'model.onnx', sha256: sha256Hex(model(seed)), bytes: 1, signature: {} }
    })
  );
  return { model: join(dir, 'model.onnx'), evaluation: join(dir, 'evaluation.json') };
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'mlci-registry-cli-'));
  registryDir = join(work, 'registry');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const reg = () => ['--registry', registryDir, ...NO_CONFIG];

describe('mlci register', () => {
  it('registers, prints the version, and is idempotent on a re-run', async () => {
    const f = await files(1);
    const first = await runCli([
      'register',
      '--model',
      f.model,
      '--name',
      'churn',
      '--evaluation',
      f.evaluation,
      ...reg()
    ]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`registered churn@v1 (sha256 ${sha256Hex(model(1))})\n`);
    const again = await runCli([
      'register',
      '--model',
      f.model,
      '--name',
      'churn',
      '--evaluation',
      f.evaluation,
      '--json',
      ...reg()
    ]);
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout);
    expect(json).toMatchObject({
      name: 'churn',
      version: 1,
      sha256: sha256Hex(model(1)),
      registered: false,
      verdict: 'pass'
    });
    expect(Date.parse(json.created)).not.toBeNaN();
    // The training.json beside the model supplied the lineage.
    const stored = await new LocalRegistry(registryDir).resolve({ name: 'churn', version: 1 });
    expect(stored?.lineage).toMatchObject({
      commit: 'b'.repeat(40),
      runUrl: 'https://github.com/o/r/actions/runs/99',
      dataHashes: { 'data/train.csv': 'a'.repeat(64) },
      params: { C: 1.5, penalty: 'l2', seed: 7 },
      trainingRecord: 'training.json'
    });
    expect(stored?.metrics).toEqual({ accuracy: 0.901, roc_auc: null });
    expect(stored?.assets).toContain('training.json');
  });

  it('refuses a failed verdict (exit 1), needs a reason to force (exit 2), records the forcing', async () => {
    const f = await files(2, 'fail');
    const refused = await runCli([
      'register',
      '--model',
      f.model,
      '--name',
      'churn',
      '--evaluation',
      f.evaluation,
      ...reg()
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refusing to register churn: its evaluation verdict is fail/);
    const noReason = await runCli([
      'register',
      '--model',
      f.model,
      '--name',
      'churn',
      '--evaluation',
      f.evaluation,
      '--force',
      ...reg()
    ]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--force needs --reason');
    const forced = await runCli([
      'register',
      '--model',
      f.model,
      '--name',
      'churn',
      '--evaluation',
      f.evaluation,
      '--force',
      '--reason',
      'incident 42',
      '--json',
      ...reg()
    ]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).forced).toEqual({ by: expect.any(String), reason: 'incident 42' });
  });

  it('answers bad input with exit 2 and a message naming it', async () => {
    const notOnnx = join(work, 'model.onnx');
    await writeFile(notOnnx, 'not a model');
    const bad = await runCli(['register', '--model', notOnnx, '--name', 'churn', ...reg()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${notOnnx}: not an ONNX model`);
    const missing = await runCli([
      'register',
      '--model',
      join(work, 'nope.onnx'),
      '--name',
      'churn',
      ...reg()
    ]);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      `mlci: model not found: ${join(work, 'nope.onnx')}\n`
    ]);
    const f = await files(3);
    expect((await runCli(['register', '--model', f.model, ...reg()])).stderr).toContain('--name is required');
    await writeFile(
      join(work, 'run-3-pass', 'training.json'),
      JSON.stringify({
        schema: 'mlci.training/v1',
        status: 'pass',
        failed_checks: [],
        seed: 1,
        params: {},
        data: [],
        git: null,
        github: null,
        model: { sha256: 'f'.repeat(64) }
      })
    );
    const mismatch = await runCli(['register', '--model', f.model, '--name', 'churn', ...reg()]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain(`describes a model with sha256 ${'f'.repeat(64)}`);
    const other = join(work, 'other-eval.json');
    await writeFile(
      other,
      JSON.stringify({ verdict: 'pass', candidate: { sha256: 'e'.repeat(64), metrics: {} } })
    );
    const wrongEval = await runCli([
      'register',
      '--model',
      f.model,
      '--name',
      'churn',
      '--evaluation',
      other,
      ...reg()
    ]);
    expect(wrongEval.code).toBe(2);
    expect(wrongEval.stderr).toContain(`${other} evaluated a model with sha256 ${'e'.repeat(64)}`);
    const noVerdict = join(work, 'no-verdict.json');
    await writeFile(noVerdict, JSON.stringify({ candidate: { metrics: {} } }));
    const missingVerdict = await runCli([
      'register',
      '--model',
      f.model,
      '--name',
      'churn',
      '--evaluation',
      noVerdict,
      ...reg()
    ]);
    expect([missingVerdict.code, missingVerdict.stderr]).toEqual([
      2,
      `mlci: ${noVerdict}: "verdict" is missing, expected "pass" or "fail"\n`
    ]);
    expect(await new LocalRegistry(registryDir).list('churn')).toEqual([]);
  });
});

describe('mlci registry', () => {
  it('lists, shows lineage, promotes and rolls back with exit codes 0/1/2', async () => {
    for (const seed of [1, 2]) {
      const f = await files(seed);
      expect(
        (
          await runCli([
            'register',
            '--model',
            f.model,
            '--name',
            'churn',
            '--evaluation',
            f.evaluation,
            ...reg()
          ])
        ).code
      ).toBe(0);
    }
    const p1 = await runCli(['registry', 'promote', 'churn', 'v1', '--alias', 'production', ...reg()]);
    expect(p1.stdout).toMatch(/^churn@production moved: nothing → v1 \(by .+\)\n$/);
    const p2 = await runCli(['registry', 'promote', 'churn', '2', '--reason', 'better', ...reg()]);
    expect(p2.stdout).toMatch(/^churn@production moved: v1 → v2 \(by .+: better\)\n$/);

    const models = await runCli(['registry', 'list', ...reg()]);
    expect(models.stdout).toBe('churn  latest v2  2 version(s)  @production=v2\n');
    const list = JSON.parse((await runCli(['registry', 'list', 'churn', '--json', ...reg()])).stdout);
    expect(list.versions.map((v: { version: number; aliases: string[] }) => [v.version, v.aliases])).toEqual([
      [1, []],
      [2, ['production']]
    ]);

    const back = await runCli(['registry', 'rollback', 'churn', '--reason', 'p99 regression', ...reg()]);
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/^churn@production rolled back: v2 → v1 \(by .+: p99 regression\)\n$/);
    const none = await runCli(['registry', 'rollback', 'churn', ...reg()]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no earlier version to roll back to');

    const show = await runCli(['registry', 'show', 'churn@production', ...reg()]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('churn@v1  (@production)');
    expect(show.stdout).toContain(`commit     ${'b'.repeat(40)}`);
    expect(show.stdout).toContain('run        https://github.com/o/r/actions/runs/99');
    expect(show.stdout).toContain(`data       data/train.csv  sha256 ${'a'.repeat(64)}`);
    expect(show.stdout).toContain('param      penalty = l2');
    expect(show.stdout).toMatch(/rolled back: v2 → v1/);
    const showJson = JSON.parse((await runCli(['registry', 'show', 'churn@v2', '--json', ...reg()])).stdout);
    expect(showJson).toMatchObject({ version: 2, aliases: [], lineage: { commit: 'b'.repeat(40) } });
    expect(showJson.aliasHistory).toHaveLength(3);

    expect((await runCli(['registry', 'show', 'churn@v9', ...reg()])).code).toBe(2);
    expect((await runCli(['registry', 'promote', 'churn', 'latest', ...reg()])).code).toBe(2);
    expect((await runCli(['registry', 'promote', 'churn', 'v9', ...reg()])).code).toBe(2);
  });

  it('reads a GitHub registry with --registry github from the Actions environment', async () => {
    const gh = await startGitHubEmulator({ owner: 'octo-org', repo: 'ml-repo' });
    const saved = { ...process.env };
    try {
      const writer = new GitHubReleaseRegistry(
        createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 }),
        {
          owner: 'octo-org',
          repo: 'ml-repo'
        }
      );
      await writer.register(request('churn', 1));
      await writer.promote('churn', 1, 'production', 'alice');
      Object.assign(process.env, {
        GITHUB_TOKEN: gh.readOnlyToken,
        GITHUB_REPOSITORY: 'octo-org/ml-repo',
        GITHUB_API_URL: gh.baseUrl
      });
      const show = await runCli([
        'registry',
        'show',
        'churn@production',
        '--registry',
        'github',
        '--json',
        ...NO_CONFIG
      ]);
      expect(show.code).toBe(0);
      expect(JSON.parse(show.stdout)).toMatchObject({
        tag: 'churn@v1',
        sha256: sha256Hex(model(1)),
        aliases: ['production']
      });
      delete process.env.GITHUB_TOKEN;
      delete process.env.GH_TOKEN;
      const noToken = await runCli(['registry', 'list', 'churn', '--registry', 'github', ...NO_CONFIG]);
      expect([noToken.code, noToken.stderr]).toEqual([
        2,
        'mlci: --registry github needs a token in GITHUB_TOKEN (contents: write to register)\n'
      ]);
    } finally {
      process.env = saved;
      await gh.close();
    }
  });
});
