// Where each side's lineage comes from: the candidate's training.json beside it (only when it
// describes that model), the production version's stored training.json or, without one, what its
// registry record keeps; a training.json beside a baseline file; nothing from a CI artifact.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { whatChanged } from '../../src/lineage/lineage-of.js';
import { TRAINING_RECORD_SCHEMA } from '../../src/lineage/record.js';
import { LocalRegistry } from '../../src/registry/local.js';
import { sha256Hex } from '../../src/registry/integrity.js';

let dir: string;
const candidateSha = 'c'.repeat(64);

/** The fields of a training.json that lineage reads. */
function record(sha: string, params: Record<string, unknown>, trainSha: string) {
  return {
    schema: TRAINING_RECORD_SCHEMA,
    mlci_version: '0.9.0',
    seed: 42,
    params,
    params_file: 'params.yaml',
    overrides: {},
    data: [
      { path: 'data/train.csv', role: 'train', bytes: 10, sha256: trainSha, rows: 10, columns: ['x', 'y'] }
    ],
    sources: [{ path: 'train.py', sha256: '1'.repeat(64), bytes: 1 }],
    git: { commit: 'abc', dirty: false, branch: null },
    runtime: { node: 'v20.0.0', python: null, python_interpreter: null },
    model: { path: 'model.onnx', sha256: sha, bytes: 1, signature: {} }
  };
}

async function put(folder: string, value: unknown): Promise<string> {
  await mkdir(join(dir, folder), { recursive: true });
  await writeFile(join(dir, folder, 'training.json'), JSON.stringify(value));
  return join(dir, folder, 'model.onnx');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-lineage-of-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('whatChanged', () => {
  it('uses what a registry version records when it holds no training.json, and says what is missing', async () => {
    const registry = new LocalRegistry(join(dir, 'registry'));
    const model = new Uint8Array([1, 2, 3]);
    await registry.register({
      name: 'm',
      model,
      lineage: {
        params: { lr: 0.1, seed: 42 },
        dataHashes: { 'data/train.csv': 'a'.repeat(64) },
        commit: 'abc'
      }
    });
    const candidate = await put('cand', record(candidateSha, { lr: 0.2 }, 'a'.repeat(64)));
    const w = await whatChanged({
      candidate: { path: candidate, sha256: candidateSha },
      baseline: { kind: 'registry', ref: 'm@v1 (alias production)', sha256: sha256Hex(model), version: 1 },
      registry,
      modelName: 'm'
    });
    expect(w.params.map((p) => [p.name, p.baseline, p.candidate])).toEqual([['lr', 0.1, 0.2]]);
    expect(w.data).toEqual([]);
    expect(w.code).toBeNull();
    expect(w.note).toBe('not recorded: the baseline’s training sources, the baseline’s runtime');
  });

  it("reads the production version's stored training.json", async () => {
    const registry = new LocalRegistry(join(dir, 'registry-full'));
    const model = new Uint8Array([4, 5, 6]);
    const stored = record(sha256Hex(model), { lr: 0.1 }, 'a'.repeat(64));
    await registry.register({
      name: 'm',
      model,
      files: { 'training.json': new TextEncoder().encode(JSON.stringify(stored)) }
    });
    const candidate = await put('cand-data', record(candidateSha, { lr: 0.1 }, 'b'.repeat(64)));
    const w = await whatChanged({
      candidate: { path: candidate, sha256: candidateSha },
      baseline: { kind: 'registry', ref: 'm@v1', sha256: sha256Hex(model), version: 1 },
      registry,
      modelName: 'm'
    });
    expect(w.note).toBeNull();
    expect(w.params).toEqual([]);
    expect(w.data.map((d) => [d.path, d.baseline?.rows, d.candidate?.hash.slice(0, 4)])).toEqual([
      ['data/train.csv', 10, 'bbbb']
    ]);
  });

  it('reads a training.json beside a baseline file, when it describes that file', async () => {
    const baseline = await put('base', record('b'.repeat(64), { lr: 0.1, depth: 3 }, 'a'.repeat(64)));
    const candidate = await put('cand-2', record(candidateSha, { lr: 0.1, depth: 4 }, 'a'.repeat(64)));
    const w = await whatChanged({
      candidate: { path: candidate, sha256: candidateSha },
      baseline: { kind: 'file', ref: baseline, sha256: 'b'.repeat(64), path: baseline }
    });
    expect(w.params.map((p) => p.name)).toEqual(['depth']);
    const other = await whatChanged({
      candidate: { path: candidate, sha256: candidateSha },
      baseline: { kind: 'file', ref: baseline, sha256: 'f'.repeat(64), path: baseline }
    });
    expect(other.note).toMatch(/has no training.json of its own beside it/);
    expect(other.params).toEqual([]);
  });

  it('says why nothing is compared: a first run, a candidate whose training.json is of another model, an artifact baseline', async () => {
    const candidate = await put('cand-3', record('0'.repeat(64), {}, 'a'.repeat(64)));
    expect(
      await whatChanged({ candidate: { path: candidate, sha256: candidateSha }, baseline: null })
    ).toMatchObject({
      baseline: null,
      note: 'first run: no production model to compare with'
    });
    expect(
      (
        await whatChanged({
          candidate: { path: candidate, sha256: candidateSha },
          baseline: { kind: 'file', ref: 'b.onnx', sha256: 'b', path: 'b.onnx' }
        })
      ).note
    ).toMatch(/the candidate has no training.json of its own/);
    const ok = await put('cand-4', record(candidateSha, {}, 'a'.repeat(64)));
    expect(
      (
        await whatChanged({
          candidate: { path: ok, sha256: candidateSha },
          baseline: { kind: 'artifact', ref: 'run 7', sha256: 'b' }
        })
      ).note
    ).toBe('the baseline came from a CI artifact, which carries no training lineage');
  });
});
