import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linearModelOnnx, OnnxGraphBuilder } from '../../src/model/onnx-build.js';
import { LocalRegistry } from '../../src/registry/local.js';

/** Ten numeric features, as in the example churn model. */
export const FEATURES = Array.from({ length: 10 }, (_, i) => `f${i}`);

/** Weights of the stable model: a mix of signs so predictions spread over (0, 1). */
export const STABLE_WEIGHTS = FEATURES.map((_, i) => [(i % 2 === 0 ? 1 : -1) * (0.3 + i * 0.05)]);

/** A binary logistic model over FEATURES. */
export function binaryModel(weights = STABLE_WEIGHTS, bias = 0.1): Uint8Array {
  return linearModelOnnx({ task: 'binary', featureNames: FEATURES, weights, bias: [bias] });
}

/** A candidate whose predictions diverge from stable's: the opposite weights. */
export function divergingModel(): Uint8Array {
  return binaryModel(
    STABLE_WEIGHTS.map(([w]) => [-2 * w]),
    1.5
  );
}

/**
 * A candidate that predicts as stable but is genuinely slow: a chain of `depth` 512×512 MatMuls
 * whose (zeroed) result is added to the logits, so onnxruntime has to compute it.
 */
export function slowModel(depth = 40): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('input', 'float', ['N', FEATURES.length]);
  const w = g.floatConstant([FEATURES.length, 1], STABLE_WEIGHTS.flat());
  const b = g.floatConstant([1], [0.1]);
  const logits = g.node('Add', [g.node('MatMul', ['input', w]), b]);
  const width = 512;
  const w1 = g.floatConstant(
    [FEATURES.length, width],
    Array.from({ length: FEATURES.length * width }, (_, i) => ((i % 7) - 3) / 100)
  );
  const w2 = g.floatConstant(
    [width, width],
    Array.from({ length: width * width }, (_, i) => ((i % 11) - 5) / 500)
  );
  let h = g.node('Tanh', [g.node('MatMul', ['input', w1])]);
  for (let i = 0; i < depth; i++) h = g.node('Tanh', [g.node('MatMul', [h, w2])]);
  const zero = g.floatConstant([1], [0]);
  const heavy = g.node('Mul', [
    g.node('ReduceMean', [h], { attributes: { axes: { ints: [1] }, keepdims: { i: 1 } } }),
    zero
  ]);
  const p1 = g.node('Sigmoid', [g.node('Add', [logits, heavy])]);
  const one = g.floatConstant([1], [1]);
  const p0 = g.node('Sub', [one, p1]);
  g.node('Concat', [p0, p1], { outputs: ['probabilities'], attributes: { axis: { i: 1 } } });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes({ metadata: { feature_names: FEATURES } });
}

/**
 * A candidate that fails at inference: its input width is symbolic, but its weights expect 11
 * features, so onnxruntime rejects every batch of the 10 features the clients send.
 */
export function erroringModel(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('input', 'float', ['N', 'F']);
  const w = g.floatConstant(
    [FEATURES.length + 1, 1],
    Array.from({ length: FEATURES.length + 1 }, () => 0.1)
  );
  const p1 = g.node('Sigmoid', [g.node('MatMul', ['input', w])]);
  const one = g.floatConstant([1], [1]);
  const p0 = g.node('Sub', [one, p1]);
  g.node('Concat', [p0, p1], { outputs: ['probabilities'], attributes: { axis: { i: 1 } } });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes({ metadata: { feature_names: FEATURES } });
}

/** A temporary local registry with model "churn": v1 stable (production) plus the given candidates. */
export async function makeRegistry(
  candidates: Uint8Array[] = []
): Promise<{ registry: LocalRegistry; dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-serve-'));
  const registry = new LocalRegistry(join(dir, 'registry'));
  await registry.register({ name: 'churn', model: binaryModel(), verdict: 'pass' });
  await registry.promote('churn', 1, 'production', 'test');
  for (const model of candidates) await registry.register({ name: 'churn', model, verdict: 'pass' });
  return { registry, dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A deterministic row of feature values. */
export function row(i: number): Record<string, number> {
  return Object.fromEntries(FEATURES.map((f, j) => [f, Math.sin(i * 7.1 + j * 1.3) * 2]));
}

/** A v2 infer body with one input per column. */
export function v2Body(rows: Record<string, number>[]): unknown {
  return {
    inputs: FEATURES.map((f) => ({
      name: f,
      shape: [rows.length],
      datatype: 'FP32',
      data: rows.map((r) => r[f])
    }))
  };
}

/** The answer of one HTTP request. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => unknown;
}

/** Sends one request with node:http (keep-alive off, so each test request stands alone). */
export function http(
  method: string,
  url: string,
  body?: string | Buffer | unknown,
  headers: Record<string, string> = {}
): Promise<HttpAnswer> {
  const payload =
    body === undefined
      ? undefined
      : typeof body === 'string' || Buffer.isBuffer(body)
        ? body
        : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            json: () => JSON.parse(text)
          });
        });
      }
    );
    req.on('error', reject);
    if (payload !== undefined) req.end(payload);
    else req.end();
  });
}

/** A candidate that breaks the output contract: its only output is an int64 label, no probabilities. */
export function labelOnlyModel(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('input', 'float', ['N', FEATURES.length]);
  g.node('ArgMax', ['input'], { outputs: ['label'], attributes: { axis: { i: 1 }, keepdims: { i: 0 } } });
  g.output('label', 'int64', ['N']);
  return g.toBytes({ metadata: { feature_names: FEATURES } });
}
