import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createOctokit, type MlciOctokit, type RateLimitEvent } from '../../src/github/octokit.js';
import {
  GitHubRegistryError,
  GitHubReleaseRegistry,
  recordFromBody
} from '../../src/github/release-registry.js';
import { IntegrityError, sha256Hex } from '../../src/registry/integrity.js';
import { model, request } from './contract.js';

const OWNER = 'octo-org';
const REPO = 'ml-repo';
const FILES = ['SHA256SUMS', 'evaluation.json', 'model-card.md', 'model.onnx', 'version.json'];
const UPLOAD = 'POST /repos/{owner}/{repo}/releases/{release_id}/assets';

let gh: GitHubEmulator;

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner: OWNER, repo: REPO });
});
afterEach(async () => {
  await gh.close();
});

function client(options: { token?: string; onRateLimit?: (e: RateLimitEvent) => void } = {}): MlciOctokit {
  return createOctokit({
    token: options.token ?? gh.writeToken,
    baseUrl: gh.baseUrl,
    timeScale: 0.001,
    onRateLimit: options.onRateLimit
  });
}

function registry(octokit: MlciOctokit = client(), extra = {}): GitHubReleaseRegistry {
  return new GitHubReleaseRegistry(octokit, { owner: OWNER, repo: REPO, ...extra });
}

/** The registry is consistent: versions 1..n published, each with every file intact, no drafts, no stray tags. */
function expectConsistent(name: string, versions: number): void {
  const releases = gh.state.releases.filter((r) => r.tag_name.startsWith(`${name}@v`));
  expect(releases.filter((r) => r.draft)).toEqual([]);
  expect(releases.map((r) => r.tag_name).sort()).toEqual(
    Array.from({ length: versions }, (_, i) => `${name}@v${i + 1}`).sort()
  );
  for (const release of releases) {
    const record = recordFromBody(release.body)!;
    expect(release.assets.map((a) => a.name).sort()).toEqual(FILES);
    for (const asset of release.assets) {
      if (asset.name === 'version.json') continue;
      expect(sha256Hex(asset.data)).toBe(record.checksums![asset.name]);
    }
    expect(sha256Hex(release.assets.find((a) => a.name === 'model.onnx')!.data)).toBe(record.sha256);
  }
  const versionTags = gh.state.refs.filter(
    (r) => /@v\d+$/.test(r.ref) && r.ref.startsWith(`refs/tags/${name}@`)
  );
  expect(versionTags).toHaveLength(versions);
}

describe('GitHub registry against the emulator', () => {
  it('gives two registrations at once (two clients) distinct versions with no lost asset', async () => {
    const [a, b] = await Promise.all([
      registry().register(request('churn', 1)),
      registry().register(request('churn', 2))
    ]);
    expect([a.version.version, b.version.version].sort()).toEqual([1, 2]);
    expectConsistent('churn', 2);
    const reader = registry(client({ token: gh.readOnlyToken }));
    expect(sha256Hex(await reader.download('churn', a.version.version))).toBe(sha256Hex(model(1)));
    expect(sha256Hex(await reader.download('churn', b.version.version))).toBe(sha256Hex(model(2)));
  });

  it('registers the same model once when two runs of it race', async () => {
    const results = await Promise.all([
      registry().register(request('churn', 3)),
      registry().register(request('churn', 3))
    ]);
    expect(results.map((r) => r.version.version)).toEqual([1, 1]);
    expectConsistent('churn', 1);
  });

  it('survives a 502 on an asset upload through retries', async () => {
    gh.inject({ route: UPLOAD, kind: '502', times: 1 });
    const { version } = await registry().register(request('churn', 1));
    expect(version.version).toBe(1);
    expect(gh.pendingFaults()).toBe(0);
    expect(gh.state.requests.filter((r) => r.route === UPLOAD && r.status === 502)).toHaveLength(1);
    expectConsistent('churn', 1);
  });

  it('publishes nothing when uploads keep failing, and a re-run then registers cleanly', async () => {
    // One attempt and three retries, all answered 502.
    gh.inject({ route: UPLOAD, kind: '502', times: 4 });
    await expect(registry().register(request('churn', 1))).rejects.toMatchObject({ status: 502 });
    expect(gh.pendingFaults()).toBe(0);
    expect(gh.state.releases).toEqual([]);
    expect(gh.state.refs.filter((r) => r.ref.startsWith('refs/tags/'))).toEqual([]);
    expect((await registry().register(request('churn', 1))).version.version).toBe(1);
    expectConsistent('churn', 1);
  });

  it('waits out a secondary rate limit and registers', async () => {
    const limits: RateLimitEvent[] = [];
    gh.inject({ route: 'POST /repos/{owner}/{repo}/releases', kind: 'secondary-rate-limit', times: 1 });
    gh.inject({ route: UPLOAD, kind: 'secondary-rate-limit', times: 1 });
    const { version } = await registry(client({ onRateLimit: (e) => limits.push(e) })).register(
      request('churn', 1)
    );
    expect(version.version).toBe(1);
    expect(limits.map((l) => [l.kind, l.willRetry])).toEqual([
      ['secondary', true],
      ['secondary', true]
    ]);
    expectConsistent('churn', 1);
  });

  it('registers nothing new on a re-run of the same run', async () => {
    const first = await registry().register(request('churn', 1));
    const writes = gh.state.requests.filter((r) => r.method !== 'GET').length;
    const again = await registry().register(request('churn', 1));
    expect(again.created).toBe(false);
    expect(again.version).toEqual(first.version);
    expect(gh.state.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
    expectConsistent('churn', 1);
  });

  it('resumes the draft a crashed run left half-uploaded', async () => {
    // A client that dies (every call fails) after its second asset upload, as a killed runner.
    const octokit = client();
    let uploads = 0;
    octokit.hook.before('request', () => {
      if (uploads >= 2) throw new Error('runner killed');
    });
    octokit.hook.after('request', (_response, options) => {
      if (String(options.url).includes('/uploads/')) uploads += 1;
    });
    await expect(registry(octokit).register(request('churn', 1))).rejects.toThrow('runner killed');
    const draft = gh.state.releases.find((r) => r.tag_name === 'churn@v1')!;
    expect(draft.draft).toBe(true);
    expect(draft.assets).toHaveLength(2);

    const { version, created } = await registry().register(request('churn', 1));
    expect([version.version, created]).toEqual([1, true]);
    expectConsistent('churn', 1);
    expect(gh.state.releases).toHaveLength(1);
  });

  it('removes a stale draft of another build and reuses its number', async () => {
    gh.inject({ route: 'PATCH /repos/{owner}/{repo}/releases/{release_id}', kind: '500', times: 4 });
    const octokit = client();
    let failing = false;
    octokit.hook.before('request', () => {
      if (failing) throw new Error('runner killed');
    });
    octokit.hook.error('request', (error) => {
      failing = true;
      throw error;
    });
    await expect(registry(octokit).register(request('churn', 1))).rejects.toMatchObject({ status: 500 });
    expect(gh.state.releases.map((r) => [r.tag_name, r.draft])).toEqual([['churn@v1', true]]);
    expect(gh.pendingFaults()).toBe(0);

    const later = registry(client(), { now: () => new Date(Date.now() + 2 * 3600_000) });
    const { version } = await later.register(request('churn', 2));
    expect(version.version).toBe(1);
    expect(version.sha256).toBe(sha256Hex(model(2)));
    expectConsistent('churn', 1);
  });

  it('rolls an alias back to the previous version through moving tags', async () => {
    const store = registry();
    for (const seed of [1, 2]) await store.register(request('churn', seed));
    await store.promote('churn', 1, 'production', 'alice');
    await store.promote('churn', 2, 'production', 'bob', 'better auc');
    const ref = () => gh.state.refs.find((r) => r.ref === 'refs/tags/churn@production')!.sha;
    const before = ref();
    const event = await store.rollback('churn', 'production', 'carol', 'latency regression');
    expect([event.from, event.to]).toEqual([2, 1]);
    expect(ref()).not.toBe(before);
    const tag = gh.state.tags.find((t) => t.sha === ref())!;
    expect(JSON.parse(tag.message.slice(tag.message.indexOf('\n\n') + 2))).toMatchObject({
      kind: 'rollback',
      from: 2,
      to: 1,
      by: 'carol',
      reason: 'latency regression',
      previous: before
    });
    // The alias tag peels to the commit version 1 was tagged at.
    const v1 = gh.state.tags.find((t) => t.tag === 'churn@v1')!;
    expect(tag.object_sha).toBe(v1.object_sha);
    const reader = registry(client({ token: gh.readOnlyToken }));
    expect((await reader.resolve({ name: 'churn', alias: 'production' }))?.version).toBe(1);
    expect((await reader.history('churn')).map((e) => [e.kind, e.to])).toEqual([
      ['promote', 1],
      ['promote', 2],
      ['rollback', 1]
    ]);
    expectConsistent('churn', 2);
  });

  it('keeps aliases consistent when two clients move them at once', async () => {
    const store = registry();
    for (const seed of [1, 2, 3]) await store.register(request('churn', seed));
    await store.promote('churn', 1, 'production', 'alice');
    await Promise.all([
      registry().promote('churn', 2, 'production', 'bob'),
      registry().promote('churn', 3, 'production', 'carol'),
      registry().promote('churn', 3, 'staging', 'dave')
    ]);
    const aliases = await store.aliases('churn');
    expect(aliases.staging).toBe(3);
    expect([2, 3]).toContain(aliases.production);
    const production = (await store.history('churn')).filter((e) => e.alias === 'production');
    expect(production[0]).toMatchObject({ from: null, to: 1, by: 'alice' });
    expect(production[production.length - 1].to).toBe(aliases.production);
    // Every recorded move starts where the previous one ended: the chain has no gap.
    for (let i = 1; i < production.length; i++) expect(production[i].from).toBe(production[i - 1].to);
    const back = await store.rollback('churn', 'production', 'erin');
    expect(back.from).toBe(aliases.production);
    expect(back.to).toBe(production[production.length - 2].to);
  });

  it('explains a read-only token (a fork pull request) instead of failing obscurely', async () => {
    const error = await registry(client({ token: gh.readOnlyToken }))
      .register(request('churn', 1))
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(GitHubRegistryError);
    expect((error as GitHubRegistryError).status).toBe(403);
    expect((error as Error).message).toMatch(
      /^GitHub registry octo-org\/ml-repo: POST .*\/git\/tags answered 403 .*contents: write/
    );
    expect(gh.state.releases).toEqual([]);
  });

  it('refuses a corrupted model asset on download with a clear message', async () => {
    await registry().register(request('churn', 1));
    const asset = gh.state.releases[0].assets.find((a) => a.name === 'model.onnx')!;
    asset.data = Buffer.concat([asset.data, Buffer.from('x')]);
    const error = await registry(client({ token: gh.readOnlyToken }))
      .download('churn', 1)
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toMatch(
      /^churn@v1 model\.onnx \(release asset \d+\): sha256 mismatch — recorded [0-9a-f]{64}, downloaded bytes hash to [0-9a-f]{64} \(\d+ bytes\)/
    );
  });
});
