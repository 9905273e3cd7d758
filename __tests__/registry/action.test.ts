import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/actions/register/main.js';
import { sha256Hex } from '../../src/registry/integrity.js';
import { LocalRegistry } from '../../src/registry/local.js';
import { model } from './contract.js';

let work: string;
let summaryFile: string;
const saved = { ...process.env };

// @actions/core remembers the summary path of its first write, so every run shares one file.
beforeAll(async () => {
  summaryFile = join(await mkdtemp(join(tmpdir(), 'mlci-register-summary-')), 'summary.md');
});

async function runAction(
  inputs: Record<string, string>
): Promise<{ code: number; outputs: string; summary: string; stdout: string }> {
  const outputFile = join(work, `output-${Math.random()}`);
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  for (const key of Object.keys(process.env)) if (key.startsWith('MLCI_INPUT_')) delete process.env[key];
  process.env.GITHUB_OUTPUT = outputFile;
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  for (const [name, value] of Object.entries(inputs))
    process.env[`MLCI_INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.exitCode = undefined;
  try {
    await run();
  } finally {
    process.stdout.write = write;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return {
    code,
    outputs: await readFile(outputFile, 'utf8'),
    summary: await readFile(summaryFile, 'utf8'),
    stdout: out.join('')
  };
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'mlci-register-action-'));
  await mkdir(join(work, 'train'));
  await writeFile(join(work, 'train', 'model.onnx'), model(1));
  await writeFile(
    join(work, 'pass.json'),
    JSON.stringify({ verdict: 'pass', candidate: { metrics: { accuracy: 0.9 } } })
  );
  await writeFile(
    join(work, 'fail.json'),
    JSON.stringify({ verdict: 'fail', candidate: { metrics: { accuracy: 0.5 } } })
  );
});
afterEach(async () => {
  process.env = { ...saved };
  await rm(work, { recursive: true, force: true });
});

describe('register action', () => {
  it('registers, moves aliases, sets outputs and writes registration.json and the summary', async () => {
    const inputs = {
      model: join(work, 'train', 'model.onnx'),
      name: 'churn',
      evaluation: join(work, 'pass.json'),
      registry: join(work, 'registry'),
      aliases: 'staging, canary',
      config: join(work, 'none.yml'),
      out: join(work, 'out')
    };
    const result = await runAction(inputs);
    expect(result.code).toBe(0);
    expect(result.outputs).toContain('version<<');
    expect(result.outputs).toMatch(/tag<<.*\nchurn@v1\n/);
    expect(result.outputs).toContain(sha256Hex(model(1)));
    expect(result.outputs).toMatch(/created<<.*\ntrue\n/);
    expect(result.summary).toContain('### 📦 mlci register: `churn@v1` registered');
    expect(result.summary).toContain('- alias `staging`: nothing → v1');
    expect(result.summary).toContain('| accuracy | 0.9000 | — | — |');
    const registration = JSON.parse(await readFile(join(work, 'out', 'registration.json'), 'utf8'));
    expect(registration).toMatchObject({
      registered: true,
      version: { version: 1, sha256: sha256Hex(model(1)) }
    });
    expect(await new LocalRegistry(inputs.registry).aliases('churn')).toEqual({ staging: 1, canary: 1 });

    const again = await runAction(inputs);
    expect(again.code).toBe(0);
    expect(again.outputs).toMatch(/created<<.*\nfalse\n/);
    expect(await new LocalRegistry(inputs.registry).history('churn')).toHaveLength(2);
  });

  it('fails with exit 1 on a failed verdict and exit 2 when forcing without a reason', async () => {
    const base = {
      model: join(work, 'train', 'model.onnx'),
      name: 'churn',
      evaluation: join(work, 'fail.json'),
      registry: join(work, 'registry'),
      config: join(work, 'none.yml'),
      out: join(work, 'out')
    };
    const refused = await runAction(base);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('::error::refusing to register churn: its evaluation verdict is fail');
    const noReason = await runAction({ ...base, force: 'true' });
    expect(noReason.code).toBe(2);
    expect(noReason.stdout).toContain('"reason" is empty');
    const forced = await runAction({ ...base, force: 'true', reason: 'hotfix' });
    expect(forced.stdout).not.toContain('::error::');
    expect(forced.code).toBe(0);
    expect((await new LocalRegistry(base.registry).resolve({ name: 'churn' }))?.forced?.reason).toBe(
      'hotfix'
    );
  });
});
