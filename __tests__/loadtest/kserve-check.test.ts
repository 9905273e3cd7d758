/**
 * The load-test step of a KServe rollout adds the KServe infrastructure checks: the manifest against
 * KServe's schema and the candidate against the ONNX Runtime version the serving runtime declares.
 * A candidate the runtime cannot load fails the load test (exit 1) before any load is sent.
 */
import onnxProto from 'onnx-proto';
import { jest } from '@jest/globals';
import { decodeModel } from '../../src/model/signature.js';
import { runLoadTest, type LoadTestOptions } from '../../src/stages/loadtest.js';
import { binaryModel, makeRegistry, STABLE_WEIGHTS } from '../serve/support.js';
import { passableObjectives, writeRows } from './support.js';

jest.setTimeout(60_000);

function withOpset(bytes: Uint8Array, opset: number): Uint8Array {
  const model = decodeModel(bytes);
  for (const o of model.opsetImport ?? []) if (!o.domain) o.version = opset;
  return onnxProto.onnx.ModelProto.encode(model).finish();
}

async function loadTest(candidate: Uint8Array, onnxruntime: string) {
  const made = await makeRegistry([candidate]);
  try {
    const options: LoadTestOptions = {
      model: 'churn',
      version: 2,
      registry: made.registry,
      alias: 'production',
      rate: 100,
      headroom: 2,
      durationMs: 400,
      ramp: [],
      replay: await writeRows(made.dir),
      dropColumns: ['label'],
      objectives: passableObjectives(),
      kserve: { storageUri: 's3://models/{name}/v{version}', runtime: 'ort-runtime', onnxruntime }
    };
    return await runLoadTest(options);
  } finally {
    await made.cleanup();
  }
}

const similar = () => binaryModel(STABLE_WEIGHTS.map(([w]) => [w * 1.02]));

test('a candidate stamped with a newer opset than the declared ONNX Runtime fails the check, and no load is sent', async () => {
  const result = await loadTest(withOpset(similar(), 19), '1.14');
  expect(result.exitCode).toBe(1);
  const r = result.report;
  expect(r.points).toEqual([]);
  const runtime = r.infrastructure.find((c) => c.name === 'kserve runtime')!;
  expect(runtime.passed).toBe(false);
  expect(runtime.detail).toContain(
    'model opset 19, IR version 8 does not load in ONNX Runtime 1.14 of serving runtime ort-runtime'
  );
  expect(runtime.detail).toContain(
    'supports up to opset 18, ai.onnx.ml opset 3, IR version 8 (opset 19 > 18)'
  );
  expect(r.summary).toMatch(/^infrastructure check failed: kserve runtime: model opset 19/);
});

test('a candidate within the runtime passes both KServe checks and is load tested', async () => {
  const result = await loadTest(similar(), '1.14.1');
  const checks = result.report.infrastructure.map((c) => [c.name, c.passed]);
  expect(checks).toEqual([
    ['candidate v2 in the local server: load', true],
    ['kserve manifest', true],
    ['kserve runtime', true],
    ['candidate v2: smoke request', true]
  ]);
  expect(result.report.points.map((p) => p.rate)).toEqual([100]);
});
