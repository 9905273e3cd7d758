import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { DEFAULT_THRESHOLDS } from '../../src/deploy/analysis.js';
import { KServeTarget, manifestYaml, renderInferenceService } from '../../src/deploy/kserve.js';
import { runRollout } from '../../src/deploy/rollout.js';
import { rowBody } from '../../src/deploy/traffic.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import { deployCanary } from '../../src/stages/deploy.js';
import { InputError } from '../../src/core/errors.js';
import { existsSync } from 'node:fs';
import { binaryModel, makeRegistry, row, STABLE_WEIGHTS } from '../serve/support.js';

const schema = JSON.parse(
  await readFile(new URL('../../deploy/kserve/inferenceservice.schema.json', import.meta.url), 'utf8')
);
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

test.each([10, 50, 100, undefined])(
  'the manifest at canaryTrafficPercent %s validates and round-trips through YAML',
  (percent) => {
    const manifest = renderInferenceService({
      model: 'churn',
      version: 4,
      storageUri: 's3://models/{name}/v{version}',
      namespace: 'ml',
      runtime: 'kserve-tritonserver',
      canaryTrafficPercent: percent
    });
    expect(validate(manifest)).toBe(true);
    expect(manifest.spec.predictor.model.storageUri).toBe('s3://models/churn/v4');
    expect(manifest.spec.predictor.canaryTrafficPercent).toBe(percent);
    expect('canaryTrafficPercent' in manifest.spec.predictor).toBe(percent !== undefined);
    const yaml = manifestYaml(manifest);
    expect(parse(yaml)).toEqual(manifest);
    if (percent !== undefined) expect(yaml).toMatch(new RegExp(`canaryTrafficPercent: ${percent}\\n`));
  }
);

/** Fails with the rollout's reason, so a flaky environment shows what the analysis saw. */
function expectOutcome(report: { outcome: string; reason: string }, outcome: string): void {
  if (report.outcome !== outcome)
    throw new Error(`expected ${outcome}, got ${report.outcome}: ${report.reason}`);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the mutations below reach into arbitrary fields */
test('the schema rejects what KServe would reject', () => {
  const good = renderInferenceService({ model: 'churn', version: 1, storageUri: 's3://m/{version}' });
  const bad = (mutate: (m: Record<string, any>) => void) => {
    const copy = structuredClone(good) as unknown as Record<string, any>;
    mutate(copy);
    return validate(copy);
  };
  expect(bad((m) => (m.spec.predictor.canaryTrafficPercent = 150))).toBe(false);
  expect(bad((m) => (m.spec.predictor.canaryTrafficPercent = '10'))).toBe(false);
  expect(bad((m) => (m.spec.predictor.canaryTrafficPercnt = 10))).toBe(false);
  expect(bad((m) => (m.spec.predictor.model.storageUri = '/local/path'))).toBe(false);
  expect(bad((m) => (m.metadata.name = 'Churn_Model'))).toBe(false);
  /* eslint-enable @typescript-eslint/no-explicit-any */
  expect(() => renderInferenceService({ model: 'Churn_Model', version: 1, storageUri: 's3://m' })).toThrow(
    /not a valid InferenceService name/
  );
});

test('a rollout on KServe applies each step with kubectl and judges the replayed traffic', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-kserve-'));
  // A stand-in kubectl that records its arguments and the manifest it is given.
  const log = join(dir, 'kubectl.log');
  const kubectl = join(dir, 'kubectl');
  await writeFile(kubectl, `#!/bin/sh\necho "ARGS $*" >> "${log}"\ncat >> "${log}"\necho >> "${log}"\n`);
  await chmod(kubectl, 0o755);
  // The "ingress": an mlci server speaks the same Open Inference Protocol as a KServe runtime.
  const made = await makeRegistry([
    binaryModel(
      // A good candidate: other bytes, the same predictions to float precision. A visibly different one would
      // fail the divergence check by chance: on a few dozen requests one score crossing a bin moves JS by ~0.15.
      STABLE_WEIGHTS.map(([w]) => [w * (1 + 1e-6)]),
      0.1
    )
  ]);
  const ingress = await ModelServer.start({
    model: { name: 'churn', version: 1 },
    source: registrySource(made.registry),
    port: 0,
    processMetrics: false
  });
  try {
    const target = new KServeTarget('churn', 1, {
      storageUri: 's3://models/{name}/v{version}',
      namespace: 'ml',
      url: ingress.url,
      kubectl
    });
    const report = await runRollout(target, {
      version: 2,
      steps: [10, 50, 100],
      intervalMs: 300,
      failureLimit: 0,
      // Latency is not under test here (analysis.test.ts covers it): a loaded CI machine must not roll back.
      thresholds: { ...DEFAULT_THRESHOLDS, minRequests: 30, p99SlackMs: 1000 },
      shadow: false,
      traffic: { bodies: Array.from({ length: 200 }, (_, i) => JSON.stringify(rowBody(row(i)))), rate: 200 }
    });
    expectOutcome(report, 'promoted');
    const text = await readFile(log, 'utf8');
    const applies = text.split('ARGS ').filter((chunk) => chunk.startsWith('apply'));
    expect(applies).toHaveLength(4);
    const manifests = applies.map((chunk) => parse(chunk.slice(chunk.indexOf('\n') + 1)));
    expect(manifests.map((m) => m.spec.predictor.canaryTrafficPercent)).toEqual([10, 50, 100, undefined]);
    for (const m of manifests) {
      expect(validate(m)).toBe(true);
      expect(m.spec.predictor.model.storageUri).toBe('s3://models/churn/v2');
    }
    expect(text).toMatch(
      /ARGS wait --namespace ml --for=condition=Ready inferenceservice\/churn --timeout=300s/
    );
    expect(applies[0]).toMatch(/^apply --namespace ml -f -/);
  } finally {
    await ingress.close();
    await made.cleanup();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a rollback on KServe re-applies the stable version', async () => {
  const applied: string[] = [];
  const target = new KServeTarget(
    'churn',
    3,
    { storageUri: 'gs://b/{name}/{version}' },
    async (_cmd, args, input) => {
      if (args[0] === 'apply') applied.push(input ?? '');
      return '';
    }
  );
  await target.setCanary(4, 10);
  await target.rollback();
  const [canary, rollback] = applied.map((y) => parse(y));
  expect(canary.spec.predictor).toEqual({
    canaryTrafficPercent: 10,
    model: { modelFormat: { name: 'onnx' }, protocolVersion: 'v2', storageUri: 'gs://b/churn/4' }
  });
  expect(rollback.spec.predictor).toEqual({
    model: { modelFormat: { name: 'onnx' }, protocolVersion: 'v2', storageUri: 'gs://b/churn/3' }
  });
});

test('deploy-canary checks every manifest of the rollout against the schema before the first kubectl apply', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-kserve-'));
  const log = join(dir, 'kubectl.log');
  const kubectl = join(dir, 'kubectl');
  await writeFile(kubectl, `#!/bin/sh\necho "ARGS $*" >> "${log}"\n`);
  await chmod(kubectl, 0o755);
  const made = await makeRegistry([binaryModel(STABLE_WEIGHTS.map(([w]) => [w * 1.02]))]);
  try {
    // Kubernetes namespaces are lower-case DNS labels: KServe's API server would refuse this one mid-rollout.
    const error = await deployCanary({
      model: 'churn',
      version: 2,
      target: 'kserve',
      registry: made.registry,
      kserve: { storageUri: 's3://models/{name}/v{version}', namespace: 'Prod_ML', kubectl },
      stateFile: join(dir, 'state.json')
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /InferenceService for churn does not match KServe's schema .*\/metadata\/namespace must match pattern/
    );
    expect(existsSync(log)).toBe(false);
  } finally {
    await made.cleanup();
    await rm(dir, { recursive: true, force: true });
  }
});
