import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CheckFailedError } from '../../src/core/errors.js';
import { failureOf, makeProject, readRecord, runCount, train } from './helpers.js';

describe('mlci train --check-reproducible', () => {
  it('passes a seeded trainer on byte equality', async () => {
    const project = await makeProject();
    const { record } = await train(project, { checkReproducible: true });
    expect(await runCount(project.root)).toBe(2);
    expect(record.reproducibility).toMatchObject({
      reproducible: true,
      method: 'bytes',
      identical_bytes: true,
      predictions: null
    });
    expect(record.reproducibility!.sha256[0]).toBe(record.reproducibility!.sha256[1]);
    expect(record.checks.find((c) => c.name === 'reproducible')?.status).toBe('pass');
  });

  it('compares predictions when only the bytes differ (a timestamp in the metadata)', async () => {
    const project = await makeProject({ mode: 'timestamp' });
    const { record } = await train(project, { checkReproducible: true });
    const report = record.reproducibility!;
    expect(report).toMatchObject({ reproducible: true, method: 'predictions', identical_bytes: false });
    expect(report.sha256[0]).not.toBe(report.sha256[1]);
    expect(report.predictions).toEqual({
      data: 'data/eval.csv',
      rows: 200,
      outputs: ['probabilities'],
      max_abs_diff: 0,
      tolerance: 1e-6
    });
    expect(report.detail).toContain(
      'model bytes differ, but predictions on 200 rows of data/eval.csv agree within 0.000001'
    );
  });

  it('catches a trainer that ignores the seed', async () => {
    const project = await makeProject({ mode: 'unseeded' });
    const error = await failureOf(train(project, { checkReproducible: true }));
    expect(error).toBeInstanceOf(CheckFailedError);
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(
      /^training check failed: reproducible: model bytes differ and predictions on 200 rows of data\/eval\.csv differ by up to [0-9.e-]+, more than the tolerance 0\.000001: the trainer is not deterministic for a fixed seed/
    );
    const record = await readRecord(project.out);
    expect(record.status).toBe('fail');
    expect(record.reproducibility?.method).toBe('predictions');
    expect(record.reproducibility!.predictions!.max_abs_diff).toBeGreaterThan(1e-3);
    // No model is published for a failed run, and the failed run is not cached.
    await expect(readFile(join(project.out, 'model.onnx'))).rejects.toThrow();
    const plain = await train(project);
    expect(plain.cacheHit).toBe(false);
    expect(await runCount(project.root)).toBe(3);
  });

  it('accepts differing predictions within a configured tolerance', async () => {
    const project = await makeProject({ mode: 'unseeded', trainYaml: '  tolerance: 10' });
    const { record } = await train(project, { checkReproducible: true });
    expect(record.reproducibility).toMatchObject({ reproducible: true, method: 'predictions' });
    expect(record.reproducibility!.predictions!.tolerance).toBe(10);
  });
});
