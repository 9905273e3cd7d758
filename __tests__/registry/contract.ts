// The contract every Registry backend passes; local.test.ts and github.test.ts run it.
import { CheckFailedError, InputError } from '../../src/core/errors.js';
import { linearModelOnnx } from '../../src/model/onnx-build.js';
import { IntegrityError, parseSha256Sums, sha256Hex } from '../../src/registry/integrity.js';
import type { RegisterRequest, Registry } from '../../src/registry/types.js';

/** A backend under test: a fresh empty registry, and a way to damage a stored file behind its back. */
export interface ContractFixture {
  registry: Registry;
  corrupt(name: string, version: number, asset: string): Promise<void>;
  close(): Promise<void>;
}

/** A real, distinct ONNX model for each seed. */
export function model(seed: number): Uint8Array {
  return linearModelOnnx({
    task: 'binary',
    featureNames: ['a', 'b'],
    weights: [[0.5 + seed], [-0.25 * seed]],
    bias: [seed / 10]
  });
}

/** A registration request as the register stage builds it. */
export function request(name: string, seed: number, extra: Partial<RegisterRequest> = {}): RegisterRequest {
  const evaluation = JSON.stringify({
    verdict: 'pass',
    candidate: { metrics: { roc_auc: 0.8 + seed / 100 } }
  });
  return {
    name,
    model: model(seed),
    metrics: { roc_auc: 0.8 + seed / 100, log_loss: 0.5 - seed / 100 },
    verdict: 'pass',
    lineage: {
      commit: `c0ffee${seed}`,
      runUrl: `https://github.com/o/r/actions/runs/${seed}`,
      params: { C: seed }
    },
    files: { 'evaluation.json': new TextEncoder().encode(evaluation) },
    by: 'tester',
    ...extra
  };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** Defines the shared contract tests for one backend. */
export function registryContract(label: string, open: () => Promise<ContractFixture>): void {
  describe(`Registry contract: ${label}`, () => {
    let fixture: ContractFixture;
    let registry: Registry;
    beforeEach(async () => {
      fixture = await open();
      registry = fixture.registry;
    });
    afterEach(async () => {
      await fixture.close();
    });

    it('registers the first version with its sha256, files and record', async () => {
      const req = request('churn', 1);
      const { version, created } = await registry.register(req);
      expect(created).toBe(true);
      expect(version.version).toBe(1);
      expect(version.tag).toBe('churn@v1');
      expect(version.sha256).toBe(sha256Hex(req.model));
      expect(version.size).toBe(req.model.byteLength);
      expect(version.verdict).toBe('pass');
      expect(version.metrics.roc_auc).toBeCloseTo(0.81, 12);
      expect(version.lineage.commit).toBe('c0ffee1');
      expect(version.assets).toEqual(
        expect.arrayContaining([
          'model.onnx',
          'model-card.md',
          'SHA256SUMS',
          'evaluation.json',
          'version.json'
        ])
      );
      expect(Date.parse(version.created)).not.toBeNaN();
      const listed = await registry.list('churn');
      expect(listed.map((v) => [v.version, v.sha256])).toEqual([[1, version.sha256]]);
      expect(await registry.models()).toEqual(['churn']);
      expect(await registry.list('other')).toEqual([]);
    });

    it('returns the same version for the same model bytes and the next one for new bytes', async () => {
      const first = await registry.register(request('churn', 1));
      const again = await registry.register(request('churn', 1, { metrics: { roc_auc: 0.1 } }));
      expect(again.created).toBe(false);
      expect(again.version.version).toBe(1);
      expect(again.version.metrics.roc_auc).toBeCloseTo(0.81, 12);
      const second = await registry.register(request('churn', 2));
      expect(second.created).toBe(true);
      expect(second.version.version).toBe(2);
      expect(second.version.sha256).not.toBe(first.version.sha256);
      expect((await registry.list('churn')).map((v) => v.version)).toEqual([1, 2]);
      expect((await registry.resolve({ name: 'churn' }))?.version).toBe(2);
      expect((await registry.resolve({ name: 'churn', version: 1 }))?.sha256).toBe(first.version.sha256);
      expect(await registry.resolve({ name: 'churn', version: 9 })).toBeNull();
    });

    it('writes a model card comparing metrics with the previous version', async () => {
      await registry.register(request('churn', 1));
      await registry.register(request('churn', 3));
      const card = new TextDecoder().decode(await registry.download('churn', 2, 'model-card.md'));
      expect(card).toContain('# churn v2');
      expect(card).toMatch(/\| roc_auc \| 0\.8300 \| 0\.8100 \| \+0\.0200 ▲ better \|/);
      expect(card).toMatch(/\| log_loss \| 0\.4700 \| 0\.4900 \| −0\.0200 ▲ better \|/);
      expect(card).toContain('`c0ffee3`');
      expect(card).toContain('https://github.com/o/r/actions/runs/3');
      expect(card).toContain('| C | 3 |');
    });

    it('refuses a failed verdict unless forced, and records the forcing', async () => {
      const refused = await rejection(registry.register(request('churn', 1, { verdict: 'fail' })));
      expect(refused).toBeInstanceOf(CheckFailedError);
      expect(refused.message).toMatch(/verdict is fail/);
      expect(await registry.list('churn')).toEqual([]);
      const forced = await registry.register(
        request('churn', 1, { verdict: 'fail', force: { by: 'alice', reason: 'hotfix for incident 42' } })
      );
      expect(forced.version.verdict).toBe('fail');
      expect(forced.version.forced).toEqual({ by: 'alice', reason: 'hotfix for incident 42' });
      const card = new TextDecoder().decode(await registry.download('churn', 1, 'model-card.md'));
      expect(card).toContain('forced by alice — hotfix for incident 42');
    });

    it('downloads every file verified, with SHA256SUMS matching the bytes', async () => {
      const req = request('churn', 4);
      await registry.register(req);
      expect(Buffer.from(await registry.download('churn', 1))).toEqual(Buffer.from(req.model));
      const evaluation = await registry.download('churn', 1, 'evaluation.json');
      expect(Buffer.from(evaluation)).toEqual(Buffer.from(req.files!['evaluation.json']));
      const sums = parseSha256Sums(
        new TextDecoder().decode(await registry.download('churn', 1, 'SHA256SUMS'))
      );
      expect(sums['model.onnx']).toBe(sha256Hex(req.model));
      expect(sums['evaluation.json']).toBe(sha256Hex(evaluation));
      const card = await registry.download('churn', 1, 'model-card.md');
      expect(sums['model-card.md']).toBe(sha256Hex(card));
      expect(await rejection(registry.download('churn', 1, 'missing.json'))).toBeInstanceOf(InputError);
      expect(await rejection(registry.download('churn', 7))).toBeInstanceOf(InputError);
    });

    it('refuses a model whose stored bytes changed after registration', async () => {
      await registry.register(request('churn', 5));
      await fixture.corrupt('churn', 1, 'model.onnx');
      const error = await rejection(registry.download('churn', 1));
      expect(error).toBeInstanceOf(IntegrityError);
      expect(error.message).toMatch(/churn@v1 model\.onnx.*sha256 mismatch/);
      expect(error.message).toMatch(/refusing to use it/);
    });

    it('moves aliases, records who and why, and rolls back step by step', async () => {
      for (const seed of [1, 2, 3]) await registry.register(request('churn', seed));
      await registry.promote('churn', 1, 'production', 'alice', 'first release');
      await registry.promote('churn', 2, 'production', 'bob');
      await registry.promote('churn', 3, 'production', 'carol');
      await registry.promote('churn', 3, 'staging', 'carol');
      expect(await registry.aliases('churn')).toEqual({ production: 3, staging: 3 });
      expect((await registry.resolve({ name: 'churn', alias: 'production' }))?.version).toBe(3);

      const back = await registry.rollback('churn', 'production', 'dave', 'p99 regression');
      expect(back).toMatchObject({
        alias: 'production',
        from: 3,
        to: 2,
        by: 'dave',
        reason: 'p99 regression'
      });
      expect(back.kind).toBe('rollback');
      expect((await registry.resolve({ name: 'churn', alias: 'production' }))?.version).toBe(2);
      const again = await registry.rollback('churn', 'production', 'dave');
      expect([again.from, again.to]).toEqual([2, 1]);
      const none = await rejection(registry.rollback('churn', 'production', 'dave'));
      expect(none).toBeInstanceOf(CheckFailedError);
      expect(await registry.aliases('churn')).toEqual({ production: 1, staging: 3 });

      const history = await registry.history('churn');
      expect(history.map((e) => [e.kind, e.alias, e.from, e.to, e.by])).toEqual([
        ['promote', 'production', null, 1, 'alice'],
        ['promote', 'production', 1, 2, 'bob'],
        ['promote', 'production', 2, 3, 'carol'],
        ['promote', 'staging', null, 3, 'carol'],
        ['rollback', 'production', 3, 2, 'dave'],
        ['rollback', 'production', 2, 1, 'dave']
      ]);
      expect(history[0].reason).toBe('first release');
      expect(await registry.resolve({ name: 'churn', alias: 'canary' })).toBeNull();
    });

    it('refuses unknown versions, bad names and bad aliases', async () => {
      await registry.register(request('churn', 1));
      expect(await rejection(registry.promote('churn', 5, 'production', 'x'))).toBeInstanceOf(InputError);
      expect(await rejection(registry.promote('churn', 1, 'v2', 'x'))).toBeInstanceOf(InputError);
      expect(await rejection(registry.register(request('bad/name', 1)))).toBeInstanceOf(InputError);
      expect(
        await rejection(
          registry.register(request('churn', 2, { files: { 'model.onnx': new Uint8Array(1) } }))
        )
      ).toBeInstanceOf(InputError);
      expect(await rejection(registry.rollback('churn', 'production', 'x'))).toBeInstanceOf(InputError);
      expect(await registry.history('churn')).toEqual([]);
    });

    it('gives concurrent registrations distinct versions with every file intact', async () => {
      const seeds = [11, 12, 13];
      const results = await Promise.all(seeds.map((seed) => registry.register(request('churn', seed))));
      expect(results.map((r) => r.version.version).sort()).toEqual([1, 2, 3]);
      const listed = await registry.list('churn');
      expect(listed.map((v) => v.version)).toEqual([1, 2, 3]);
      for (const result of results) {
        const seed = seeds[results.indexOf(result)];
        const bytes = await registry.download('churn', result.version.version);
        expect(sha256Hex(bytes)).toBe(sha256Hex(model(seed)));
        await registry.download('churn', result.version.version, 'SHA256SUMS');
        await registry.download('churn', result.version.version, 'evaluation.json');
      }
    });

    it('attaches files to an existing version without touching its model, recorded and verified', async () => {
      const { version: v1 } = await registry.register(request('churn', 1));
      const statistics = new TextEncoder().encode('{"format":"mlci-statistics","columns":{}}');
      const attached = await registry.attach({
        name: 'churn',
        version: 1,
        files: { 'statistics.json': statistics },
        by: 'erin'
      });
      expect(attached.sha256).toBe(v1.sha256);
      expect(attached.assets).toContain('statistics.json');
      expect(attached.attachments).toEqual([
        {
          file: 'statistics.json',
          sha256: sha256Hex(statistics),
          size: statistics.byteLength,
          at: expect.any(String),
          by: 'erin'
        }
      ]);
      expect(await registry.resolve({ name: 'churn', version: 1 })).toEqual(attached);
      expect(await registry.download('churn', 1, 'statistics.json')).toEqual(statistics);
      expect(sha256Hex(await registry.download('churn', 1))).toBe(v1.sha256);
      // The same bytes again change nothing; other bytes are refused unless forced.
      expect(
        await registry.attach({
          name: 'churn',
          version: 1,
          files: { 'statistics.json': statistics },
          by: 'x'
        })
      ).toEqual(attached);
      const other = new TextEncoder().encode('{"format":"mlci-statistics","columns":{"a":{}}}');
      const refused = await rejection(
        registry.attach({ name: 'churn', version: 1, files: { 'statistics.json': other }, by: 'x' })
      );
      expect(refused).toBeInstanceOf(InputError);
      expect(refused.message).toContain('churn@v1 already has "statistics.json"');
      const evaluation = await rejection(
        registry.attach({ name: 'churn', version: 1, files: { 'evaluation.json': other }, by: 'x' })
      );
      expect(evaluation).toBeInstanceOf(InputError);
      expect(await registry.resolve({ name: 'churn', version: 1 })).toEqual(attached);
      const forced = await registry.attach({
        name: 'churn',
        version: 1,
        files: { 'statistics.json': other },
        by: 'frank',
        force: true
      });
      expect(forced.attachments?.[1]).toMatchObject({
        file: 'statistics.json',
        by: 'frank',
        replaced: sha256Hex(statistics)
      });
      expect(await registry.download('churn', 1, 'statistics.json')).toEqual(other);
      // SHA256SUMS and the card follow the record: every stored file with its current sha256.
      const sums = parseSha256Sums(
        new TextDecoder().decode(await registry.download('churn', 1, 'SHA256SUMS'))
      );
      expect(sums['statistics.json']).toBe(sha256Hex(other));
      for (const [file, digest] of Object.entries(sums))
        expect(sha256Hex(await registry.download('churn', 1, file))).toBe(digest);
      const card = new TextDecoder().decode(await registry.download('churn', 1, 'model-card.md'));
      expect(card).toContain(sha256Hex(other));
      expect(card).not.toContain(`| statistics.json | \`${sha256Hex(statistics)}\` |`);
      for (const reserved of ['model.onnx', 'version.json', 'SHA256SUMS', 'model-card.md', '../x']) {
        const error = await rejection(
          registry.attach({ name: 'churn', version: 1, files: { [reserved]: other }, by: 'x' })
        );
        expect(error).toBeInstanceOf(InputError);
      }
      const missing = await rejection(
        registry.attach({ name: 'churn', version: 7, files: { 'notes.md': other }, by: 'x' })
      );
      expect([missing.constructor, missing.message]).toEqual([
        InputError,
        expect.stringContaining('churn@v7')
      ]);
      expect(sha256Hex(await registry.download('churn', 1))).toBe(v1.sha256);
    });
  });
}
