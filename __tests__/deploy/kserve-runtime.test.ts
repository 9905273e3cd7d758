/**
 * The KServe target's runtime check: the candidate's opsets and IR version against the ONNX Runtime
 * version the serving runtime declares (deploy.kserve.onnxruntime, written to the manifest as an
 * annotation and read back from it). A too-new model fails before anything is applied (exit 1);
 * the example's trained model passes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import onnxProto from 'onnx-proto';
import { decodeModel, readModelSignature } from '../../src/model/signature.js';
import { checkOnnxRuntime, onnxRuntimeLimits } from '../../src/deploy/kserve-runtime.js';
import { ONNXRUNTIME_ANNOTATION } from '../../src/deploy/kserve.js';
import { LocalRegistry } from '../../src/registry/local.js';
import { expectCliClass } from '../../test-support/corpus.js';
import { copyExample, removeExampleCopies } from '../../test-support/examples.js';

/** A model re-stamped with another default-domain opset (its operators exist in every opset ≥ 13). */
function stamped(bytes: Uint8Array, opset: number): Uint8Array {
  const decoded = decodeModel(bytes);
  for (const o of decoded.opsetImport ?? []) if (!o.domain) o.version = opset;
  return onnxProto.onnx.ModelProto.encode(decoded).finish();
}

describe('checkOnnxRuntime', () => {
  const sig = (opset: number, irVersion: number, ml?: number) => ({
    inputs: [],
    outputs: [],
    opset: (ml === undefined ? { '': opset } : { '': opset, 'ai.onnx.ml': ml }) as Record<string, number>,
    irVersion,
    producer: 'test',
    producerVersion: '1',
    metadata: {}
  });

  it('passes a model within the release row and names what it checked', () => {
    const check = checkOnnxRuntime(sig(13, 8, 3), '1.14.1', 'runtime kserve-ort');
    expect(check).toEqual({
      passed: true,
      detail:
        'model opset 13, ai.onnx.ml opset 3, IR version 8 loads in ONNX Runtime 1.14.1 of runtime kserve-ort (supports up to opset 18, ai.onnx.ml opset 3, IR version 8)'
    });
  });

  it("fails a model beyond the release's opset, ML opset or IR version, naming each", () => {
    const opset = checkOnnxRuntime(sig(19, 8), '1.14', 'runtime r');
    expect(opset.passed).toBe(false);
    expect(opset.detail).toContain(
      'model opset 19, IR version 8 does not load in ONNX Runtime 1.14 of runtime r'
    );
    expect(opset.detail).toContain(
      'supports up to opset 18, ai.onnx.ml opset 3, IR version 8 (opset 19 > 18)'
    );
    expect(checkOnnxRuntime(sig(13, 9), '1.15', 'r').detail).toContain('(IR version 9 > 8)');
    expect(checkOnnxRuntime(sig(13, 9), '1.16', 'r').passed).toBe(true);
    expect(checkOnnxRuntime(sig(13, 8, 3), '1.11.1', 'r').detail).toContain('(ai.onnx.ml opset 3 > 2)');
    expect(checkOnnxRuntime(sig(21, 10, 4), '1.18', 'r').passed).toBe(true);
    expect(checkOnnxRuntime(sig(21, 10, 4), '1.17', 'r').detail).toContain(
      '(opset 21 > 20, IR version 10 > 9)'
    );
  });

  it('does not fail a release newer than the table, and says it was not checked beyond it', () => {
    expect(onnxRuntimeLimits('1.22.0', 'x')).toBeNull();
    const check = checkOnnxRuntime(sig(23, 11), '1.22.0', 'r');
    expect(check.passed).toBe(true);
    expect(check.detail).toContain("newer than mlci's table (1.20: up to opset 21");
  });

  it('refuses a version that is not one (exit 2 naming the setting)', () => {
    expect(() => onnxRuntimeLimits('latest', 'deploy.kserve.onnxruntime')).toThrow(
      'deploy.kserve.onnxruntime: got "latest", expected an ONNX Runtime version such as 1.16 or 1.16.3'
    );
    expect(() => onnxRuntimeLimits('0.5.0', 'w')).toThrow('older than 1.0');
  });
});

describe('deploy-canary --target kserve with deploy.kserve.onnxruntime', () => {
  let dir: string;
  let registry: LocalRegistry;
  beforeAll(async () => {
    dir = await copyExample('churn-node');
    const train = (seed: number, file: string) =>
      execFileSync(process.execPath, ['train.mjs'], {
        cwd: dir,
        env: { ...process.env, MLCI_SEED: String(seed), MLCI_MODEL_PATH: join(dir, file) }
      });
    train(42, 'model.onnx');
    train(7, 'retrained.onnx');
    registry = new LocalRegistry(join(dir, '.mlci/registry'));
    await registry.register({
      name: 'churn',
      model: await readFile(join(dir, 'model.onnx')),
      verdict: 'pass'
    });
    await registry.promote('churn', 1, 'production', 'test');
    // v2: the example re-stamped with opset 19 (ONNX Runtime 1.15 and later).
    const restamped = stamped(await readFile(join(dir, 'model.onnx')), 19);
    expect(readModelSignature(restamped).opset).toEqual({ '': 19, 'ai.onnx.ml': 3 });
    await registry.register({ name: 'churn', model: restamped, verdict: 'pass' });
    // v3: the example trained with another seed.
    const v3 = await registry.register({
      name: 'churn',
      model: await readFile(join(dir, 'retrained.onnx')),
      verdict: 'pass'
    });
    expect(v3.version.version).toBe(3);
  }, 60_000);
  afterAll(() => removeExampleCopies());

  async function config(onnxruntime: string): Promise<string> {
    const path = join(dir, `mlci-${onnxruntime}.yml`);
    await writeFile(
      path,
      [
        'version: 1',
        'model: { name: churn, task: binary }',
        'register: { registry: .mlci/registry }',
        'deploy:',
        '  target: kserve',
        '  kserve:',
        '    storage_uri: s3://models/{name}/v{version}',
        '    runtime: kserve-onnxruntime',
        `    onnxruntime: "${onnxruntime}"`,
        ''
      ].join('\n')
    );
    return path;
  }

  const dryRun = (configPath: string, version: string, out: string) => [
    'deploy-canary',
    '--config',
    configPath,
    '--version',
    version,
    '--steps',
    '10,100',
    '--dry-run',
    '--out',
    join(dir, out)
  ];

  it('fails a candidate stamped with a newer opset than the runtime supports, before writing any manifest', async () => {
    const run = await expectCliClass(dryRun(await config('1.14.1'), 'v2', 'too-new'), {
      code: 1,
      stderr:
        /opset 19.*ONNX Runtime 1\.14\.1 of serving runtime kserve-onnxruntime.*supports up to opset 18, ai\.onnx\.ml opset 3, IR version 8/,
      withinMs: 20_000
    });
    expect(run.stderr).toContain('(opset 19 > 18)');
    expect(existsSync(join(dir, 'too-new'))).toBe(false);
  });

  it('passes the example model and writes the declared version into every manifest', async () => {
    const run = await expectCliClass(dryRun(await config('1.14.1'), 'v3', 'ok'), {
      code: 0,
      withinMs: 20_000
    });
    expect(run.stderr).toBe('');
    for (const file of ['canary-10.yaml', 'promote.yaml', 'rollback.yaml']) {
      const manifest = parse(await readFile(join(dir, 'ok', file), 'utf8'));
      expect(manifest.metadata.annotations[ONNXRUNTIME_ANNOTATION]).toBe('1.14.1');
    }
  });

  it('fails the example model on a runtime older than its ai.onnx.ml opset (ONNX Runtime 1.11)', async () => {
    await expectCliClass(dryRun(await config('1.11'), 'v3', 'old'), {
      code: 1,
      stderr: '(ai.onnx.ml opset 3 > 2)',
      withinMs: 20_000
    });
  });

  it('refuses a declared version that is not a version (exit 2, the schema names the key)', async () => {
    await expectCliClass(dryRun(await config('latest'), 'v3', 'bad'), {
      code: 2,
      stderr: /deploy\.kserve\.onnxruntime.*latest/,
      withinMs: 20_000
    });
  });
});
