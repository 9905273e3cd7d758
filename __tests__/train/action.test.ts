import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { cleanEnv, makeProject, runCount } from './helpers.js';

const exec = promisify(execFile);
// Bundled on its own, as scripts/build.mjs bundles it, but beside node_modules rather than in
// dist/ so that the test neither races other builds nor depends on the rest of src/ bundling.
const BUNDLE = resolve('node_modules/.cache/mlci-tests/train-action.mjs');

beforeAll(async () => {
  await build({
    entryPoints: ['src/actions/train/index.ts'],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['onnxruntime-node', '@duckdb/node-api', '@duckdb/node-bindings*'],
    banner: {
      js: "import { createRequire as __mlciCreateRequire } from 'node:module';\nconst require = __mlciCreateRequire(import.meta.url);"
    },
    logLevel: 'error'
  });
}, 60_000);

/** Runs the bundled action as its composite step does: inputs as MLCI_INPUT_*, outputs to GITHUB_OUTPUT. */
async function runAction(
  root: string,
  inputs: Record<string, string>,
  phase?: string,
  extraEnv: Record<string, string> = {}
) {
  const output = join(root, `github-output-${Date.now()}`);
  const summary = join(root, `github-summary-${Date.now()}`);
  await writeFile(output, '');
  await writeFile(summary, '');
  const env = cleanEnv({
    ...extraEnv,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    ...(phase ? { MLCI_TRAIN_PHASE: phase } : {}),
    ...Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [`MLCI_INPUT_${k.toUpperCase().replace(/-/g, '_')}`, v])
    )
  });
  let code = 0;
  let stdout: string;
  try {
    stdout = (await exec(process.execPath, [BUNDLE], { cwd: root, env })).stdout;
  } catch (error) {
    code = (error as { code: number }).code;
    stdout = (error as { stdout: string }).stdout;
  }
  const outputs: Record<string, string> = {};
  const text = await readFile(output, 'utf8');
  // @actions/core writes name<<DELIMITER\nvalue\nDELIMITER blocks.
  for (const match of text.matchAll(/^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]] = match[3];
  return { code, stdout, outputs, summary: await readFile(summary, 'utf8') };
}

describe('actions/train (bundled entry)', () => {
  it('computes the cache key, trains with overrides from the set input, then hits the cache', async () => {
    const project = await makeProject();
    const inputs = {
      config: 'mlci.yml',
      out: 'mlci-out/train',
      set: 'lr=0.3\n# a comment\nname=x\n',
      seed: '5'
    };
    const key = await runAction(project.root, inputs, 'cache-key');
    expect(key.code).toBe(0);
    expect(key.outputs.key).toMatch(/^[0-9a-f]{40}$/);
    expect(key.outputs.path).toBe(join(project.root, '.mlci', 'cache', key.outputs.key));
    expect(key.outputs.enabled).toBe('true');

    const first = await runAction(project.root, inputs);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('fake trainer: mode ok, seed 5');
    expect(first.outputs['cache-hit']).toBe('false');
    expect(first.outputs.status).toBe('pass');
    expect(first.outputs.model).toBe(join(project.root, 'mlci-out/train/model.onnx'));
    expect(first.summary).toContain('### ✅ mlci train: pass');
    expect(first.summary).toContain('| loss_decreases | ✅ pass |');
    const record = JSON.parse(await readFile(first.outputs['training-record'], 'utf8'));
    expect(record.params).toMatchObject({ lr: 0.3, name: 'x' });
    expect(record.cache.key).toBe(key.outputs.key);
    expect(existsSync(join(key.outputs.path, 'model.onnx'))).toBe(true);

    const second = await runAction(project.root, inputs);
    expect(second.outputs['cache-hit']).toBe('true');
    expect(second.outputs.sha256).toBe(first.outputs.sha256);
    expect(await runCount(project.root)).toBe(1);
  });

  it('neither restores nor stores runs with cache: false', async () => {
    const project = await makeProject();
    const inputs = { config: 'mlci.yml', out: 'out', cache: 'false' };
    expect((await runAction(project.root, inputs)).outputs['cache-hit']).toBe('false');
    expect((await runAction(project.root, inputs)).outputs['cache-hit']).toBe('false');
    expect(await runCount(project.root)).toBe(2);
    expect(existsSync(join(project.root, '.mlci', 'cache'))).toBe(false);
  });

  it('fails with exit 1, the check in the message and the summary', async () => {
    const project = await makeProject({ mode: 'rising' });
    const result = await runAction(project.root, { config: 'mlci.yml', out: 'out' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::training check failed: loss_decreases: the loss did not decrease'
    );
    expect(result.outputs.status).toBe('fail');
    expect(result.summary).toContain('| loss_decreases | ❌ fail |');
  });

  it('gives the training command no mlci or GitHub credential from its environment', async () => {
    const project = await makeProject();
    const secrets = {
      GITHUB_TOKEN: 'ghs_job',
      GH_TOKEN: 'ghs_gh',
      MLCI_INPUT_TOKEN: 'ghs_input',
      MLCI_INPUT_ADMIN_TOKEN: 'admin_input',
      MLCI_ADMIN_TOKEN: 'admin',
      INPUT_GITHUB_TOKEN: 'ghs_js_input',
      ACTIONS_RUNTIME_TOKEN: 'runtime',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example',
      ACTIONS_CACHE_URL: 'https://cache.example',
      ACTIONS_RESULTS_URL: 'https://results.example'
    };
    const result = await runAction(
      project.root,
      {
        config: 'mlci.yml',
        out: 'mlci-out/train',
        cache: 'false',
        command: 'env > seen-env.txt; bash train.sh'
      },
      undefined,
      { ...secrets, MLCI_KEEP_ME: 'visible' }
    );
    expect(result.code).toBe(0);
    const seen = await readFile(join(project.root, 'seen-env.txt'), 'utf8');
    // The probe is real: ordinary variables pass through.
    expect(seen).toContain('MLCI_KEEP_ME=visible');
    expect(seen).toContain('MLCI_SEED=');
    for (const [name, value] of Object.entries(secrets)) {
      expect(seen).not.toContain(`${name}=`);
      expect(seen).not.toContain(value);
    }
  });
});
