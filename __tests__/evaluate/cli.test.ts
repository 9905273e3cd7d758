import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { buildProgram } from '../../src/cli/program.js';
import { tempDir, writeBinaryData, writeBinaryModel } from './helpers.js';

let dir: string;
let data: string;
let good: string;
let weak: string;

beforeAll(async () => {
  dir = await tempDir('mlci-eval-cli-');
  data = await writeBinaryData(dir, 1500, 4);
  good = await writeBinaryModel(dir, 'good.onnx', 1.4, -0.7);
  weak = await writeBinaryModel(dir, 'weak.onnx', 0.3, 0.1);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = 0;
  try {
    await buildProgram().parseAsync(['node', 'mlci', ...args]);
  } catch {
    // commander's exitOverride throws after reporting; the exit code is what matters
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout, stderr };
}

describe('mlci evaluate', () => {
  it('exits 0 and prints evaluation.json with --json when the gates hold', async () => {
    const res = await run([
      'evaluate',
      '--model',
      good,
      '--baseline',
      weak,
      '--data',
      data,
      '--label',
      'y',
      '--task',
      'binary',
      '--gate',
      'roc_auc:max_drop=0.01',
      '--bootstrap',
      '100',
      '--json'
    ]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const e = JSON.parse(res.stdout);
    expect(e.verdict).toBe('pass');
    expect(e.gates[0]).toMatchObject({ metric: 'roc_auc', kind: 'max_drop', status: 'pass' });
    expect(e.bootstrap).toMatchObject({ resamples: 100, seed: 0 });
  });

  it('exits 1 when a gate fails and writes both files to --out', async () => {
    const out = join(dir, 'out');
    const res = await run([
      'evaluate',
      '--model',
      weak,
      '--baseline',
      good,
      '--data',
      data,
      '--label',
      'y',
      '--task',
      'binary',
      '--gate',
      'roc_auc:max_drop=0.01',
      '--gate',
      'accuracy:min=0.5',
      '--out',
      out,
      '--bootstrap',
      '50'
    ]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/^FAIL: 1 of 2 gates failed \(roc_auc\)/);
    expect(res.stdout).toContain(`wrote ${join(out, 'evaluation.json')}`);
    const e = JSON.parse(await readFile(join(out, 'evaluation.json'), 'utf8'));
    expect(e.verdict).toBe('fail');
    expect(await readFile(join(out, 'evaluation.md'), 'utf8')).toMatch(/^## ❌ mlci evaluate: \*\*FAIL\*\*/);
  });

  it('reads gates, slices and bootstrap settings from mlci.yml', async () => {
    const config = join(dir, 'mlci.yml');
    await writeFile(
      config,
      [
        'version: 1',
        'model:',
        '  name: churn',
        '  task: binary',
        '  label: y',
        'evaluate:',
        `  data: ${data}`,
        '  slices: [country]',
        '  min_slice_size: 100',
        '  bootstrap: { resamples: 20, seed: 4 }',
        '  gates:',
        '    f1: { min: 0.99 }'
      ].join('\n')
    );
    const res = await run([
      'evaluate',
      '--model',
      good,
      '--config',
      config,
      '--json',
      '--registry',
      join(dir, 'empty-registry')
    ]);
    expect(res.code).toBe(1);
    const e = JSON.parse(res.stdout);
    expect(e.model_name).toBe('churn');
    expect(e.slices.map((s: { value: string }) => s.value)).toEqual(
      expect.arrayContaining(['FR', 'DE', 'LU'])
    );
    expect(e.gates).toMatchObject([{ metric: 'f1', kind: 'min', status: 'fail' }]);
    expect(e.baseline_source.tried[0]).toBe('registry: no churn@production');
  });

  it('refuses more resamples than fit in memory, naming the setting (it crashed allocating them)', async () => {
    const res = await run([
      ...['evaluate', '--model', good, '--baseline', weak, '--data', data, '--label', 'y'],
      ...['--task', 'binary', '--gate', 'roc_auc:max_drop=0.01', '--bootstrap', '100000000']
    ]);
    expect(res.stderr).not.toContain('unexpected error');
    expect(res.stderr).toMatch(/bootstrap: 100000000 resamples .* at most \d+ resamples fit in 1024 MiB/);
    expect(res.code).toBe(2);
  });

  it('exits 2 naming what is missing or malformed', async () => {
    const missing = await run(['evaluate', '--model', good, '--data', data]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('evaluate needs --label, --task');
    const badGate = await run([
      'evaluate',
      '--model',
      good,
      '--data',
      data,
      '--label',
      'y',
      '--task',
      'binary',
      '--gate',
      'roc_auc:maximum=1'
    ]);
    expect(badGate.code).toBe(2);
    expect(badGate.stderr).toContain('unknown kind "maximum"');
    const badTask = await run([
      'evaluate',
      '--model',
      good,
      '--data',
      data,
      '--label',
      'y',
      '--task',
      'ranking'
    ]);
    expect(badTask.stderr).toContain('--task: got "ranking"');
    const explicitConfig = await run(['evaluate', '--model', good, '--config', join(dir, 'nope.yml')]);
    expect(explicitConfig.code).toBe(2);
    expect(explicitConfig.stderr).toContain('nope.yml: not found');
  });
});
