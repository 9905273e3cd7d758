import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pythonInCommand } from '../../src/lineage/environment.js';
import { canonicalJson, expandGlobs, globToRegExp } from '../../src/lineage/files.js';
import { checkLossDecreases, checkSignature } from '../../src/train/checks.js';
import {
  lossCurve,
  nonFiniteValues,
  parseLenientJson,
  readReportedMetrics,
  downsample
} from '../../src/train/metrics.js';
import { applyOverrides, loadParamsFile, parseOverrides } from '../../src/train/params.js';
import { describeExit, runCommand } from '../../src/train/runner.js';
import { linearModelOnnx } from '../../src/model/onnx-build.js';
import { readModelSignature } from '../../src/model/signature.js';

describe('params', () => {
  it('parses overrides as YAML scalars and applies dotted keys to nested mappings', () => {
    const overrides = parseOverrides([
      'lr=0.05',
      'epochs=20',
      'fast=true',
      'name=adam',
      'layers=[64, 32]',
      'opt.beta=0.9',
      'empty=',
      'tag=2024-01-01'
    ]);
    expect(overrides).toEqual({
      lr: 0.05,
      epochs: 20,
      fast: true,
      name: 'adam',
      layers: [64, 32],
      'opt.beta': 0.9,
      empty: '',
      tag: '2024-01-01'
    });
    expect(applyOverrides({ lr: 0.1, opt: { beta: 0.5, eps: 1e-8 }, keep: 1 }, overrides)).toEqual({
      lr: 0.05,
      opt: { beta: 0.9, eps: 1e-8 },
      keep: 1,
      epochs: 20,
      fast: true,
      name: 'adam',
      layers: [64, 32],
      empty: '',
      tag: '2024-01-01'
    });
    expect(() => parseOverrides(['=3'])).toThrow('--set: got "=3", expected key=value');
    expect(() => parseOverrides(['a b=3'])).toThrow('"a b" is not a param name');
  });

  it('keeps a param named __proto__ as a param and never reaches the object prototype', () => {
    // Before: `--set __proto__=1` was dropped and `--set __proto__.polluted=1` set Object.prototype.polluted.
    const overrides = parseOverrides(['__proto__=1', 'a.__proto__.b=2']);
    expect(Object.keys(overrides)).toEqual(['__proto__', 'a.__proto__.b']);
    const params = applyOverrides({ keep: 1 }, overrides);
    expect(JSON.stringify(params)).toBe('{"keep":1,"__proto__":1,"a":{"__proto__":{"b":2}}}');
    const nested = applyOverrides({}, parseOverrides(['__proto__.polluted=1']));
    expect(JSON.stringify(nested)).toBe('{"__proto__":{"polluted":1}}');
    expect(Object.getPrototypeOf(nested)).toBe(Object.getPrototypeOf(structuredClone({})));
    expect((Object.getPrototypeOf(nested) as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads YAML and JSON params files and names a broken one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-params-'));
    await writeFile(join(dir, 'p.yaml'), 'lr: 0.1\nlayers: [1, 2]\n');
    await writeFile(join(dir, 'p.json'), '{"lr": 0.2}');
    await writeFile(join(dir, 'bad.json'), '{"lr": ');
    await writeFile(join(dir, 'list.yaml'), '- 1\n- 2\n');
    expect(await loadParamsFile(join(dir, 'p.yaml'))).toEqual({ lr: 0.1, layers: [1, 2] });
    expect(await loadParamsFile(join(dir, 'p.json'))).toEqual({ lr: 0.2 });
    await expect(loadParamsFile(join(dir, 'bad.json'))).rejects.toThrow(
      `${join(dir, 'bad.json')}: not valid JSON`
    );
    await expect(loadParamsFile(join(dir, 'list.yaml'))).rejects.toThrow(
      'expected a mapping of param names to values, got a list'
    );
    await expect(loadParamsFile(join(dir, 'none.yaml'))).rejects.toThrow('params file not found');
  });

  it('hashes params independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe(
      '{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}'
    );
  });
});

describe('metrics convention', () => {
  it("reads Python's NaN/Infinity tokens and JSON.stringify's null as non-finite values", async () => {
    expect(parseLenientJson('{"loss": NaN, "x": -Infinity, "s": "NaN", "l": [Infinity, 1]}')).toEqual({
      loss: NaN,
      x: -Infinity,
      s: 'NaN',
      l: [Infinity, 1]
    });
    const dir = await mkdtemp(join(tmpdir(), 'mlci-metrics-'));
    await writeFile(
      join(dir, 'm.jsonl'),
      '{"step": 1, "loss": 0.5}\n\n{"step": 2, "loss": null, "acc": Infinity}\nnot json\n[1]\n'
    );
    await writeFile(join(dir, 'metrics.json'), '{"auc": NaN}');
    const metrics = await readReportedMetrics(join(dir, 'm.jsonl'), join(dir, 'metrics.json'));
    expect(metrics.lines).toHaveLength(2);
    expect(metrics.malformed.map((m) => m.line)).toEqual([4, 5]);
    expect(lossCurve(metrics).map((p) => p.loss)).toEqual([0.5, NaN]);
    expect(nonFiniteValues(metrics)).toEqual([
      { where: 'step 2', key: 'loss', value: 'null' },
      { where: 'step 2', key: 'acc', value: 'Infinity' },
      { where: 'metrics.json', key: 'auc', value: 'NaN' }
    ]);
    const none = await readReportedMetrics(join(dir, 'absent.jsonl'), join(dir, 'absent.json'));
    expect(none.reported).toBe(false);
  });

  it('judges the loss by window means and skips with too few points', () => {
    const points = (losses: number[]) => losses.map((loss, step) => ({ step, loss }));
    // Noisy but falling: a step-to-step rise does not fail the check.
    expect(checkLossDecreases(points([1, 1.2, 0.9, 0.95, 0.7, 0.8, 0.5, 0.6, 0.4, 0.45])).status).toBe(
      'pass'
    );
    expect(checkLossDecreases(points([1, 1, 1, 1])).status).toBe('fail');
    expect(checkLossDecreases(points([0.5])).status).toBe('skipped');
    const wide = checkLossDecreases(points([1, 2, 3, 0.5, 0.4, 0.3, 0.2, 0.1, 3, 3]), {
      window: 0.5,
      minDecrease: 0
    });
    // Windows of 5: mean 1.38 vs 1.32.
    expect(wide.detail).toContain('first 5 of 10 steps 1.38, of the last 5 1.32');
    expect(downsample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4)).toEqual([1, 4, 7, 10]);
  });
});

describe('signature checks', () => {
  const matrix = readModelSignature(
    linearModelOnnx({ task: 'binary', featureNames: ['a', 'b'], weights: [[1], [2]], bias: [0] }),
    'm'
  );
  it('reads a 2-D input through feature_names and compares with model.features in order', () => {
    expect(checkSignature(matrix, { task: 'binary', features: ['a', 'b'] }).status).toBe('pass');
    expect(checkSignature(matrix, { task: 'binary', features: ['b', 'a'] }).detail).toContain(
      'order differs'
    );
    expect(checkSignature(matrix, { task: 'binary', label: 'a' }).detail).toContain(
      'takes the label column "a"'
    );
    expect(checkSignature(matrix, { task: 'regression' }).status).toBe('pass');
  });
  it('rejects a regressor where a classifier is expected', () => {
    const regressor = readModelSignature(
      linearModelOnnx({
        task: 'regression',
        featureNames: ['a'],
        weights: [[1]],
        bias: [0],
        inputMode: 'columns'
      }),
      'r'
    );
    expect(checkSignature(regressor, { task: 'binary' }).detail).toBe(
      'output "variable" has 1 columns; a binary classifier gives [N, 2]'
    );
  });
});

describe('helpers', () => {
  it('expands globs with **, braces and classes, and names a glob that matches nothing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mlci-glob-'));
    await mkdir(join(root, 'src', 'lib', 'deep'), { recursive: true });
    await mkdir(join(root, 'node_modules', 'x'), { recursive: true });
    for (const file of [
      'train.py',
      'src/a.py',
      'src/lib/b.py',
      'src/lib/deep/c.py',
      'src/lib/d.txt',
      'node_modules/x/e.py',
      'p1.yaml',
      'p2.yml'
    ]) {
      await writeFile(join(root, file), file);
    }
    expect(await expandGlobs(['src/**/*.py'], root)).toEqual([
      'src/a.py',
      'src/lib/b.py',
      'src/lib/deep/c.py'
    ]);
    expect(await expandGlobs(['**/*.py'], root)).toEqual([
      'src/a.py',
      'src/lib/b.py',
      'src/lib/deep/c.py',
      'train.py'
    ]);
    expect(await expandGlobs(['p[12].{yaml,yml}', 'train.py'], root)).toEqual([
      'p1.yaml',
      'p2.yml',
      'train.py'
    ]);
    expect(await expandGlobs(['src/lib'], root)).toEqual([
      'src/lib/b.py',
      'src/lib/d.txt',
      'src/lib/deep/c.py'
    ]);
    await expect(expandGlobs(['*.toml'], root)).rejects.toThrow('train.sources: "*.toml" matches no file');
    await expect(expandGlobs(['missing.py'], root)).rejects.toThrow('train.sources: "missing.py" not found');
    expect(globToRegExp('a/*.py').test('a/b/c.py')).toBe(false);
  });

  it('finds the python interpreter a command runs', () => {
    expect(pythonInCommand('python train.py')).toBe('python');
    expect(pythonInCommand('cd src && /usr/bin/python3 -m trainer')).toBe('/usr/bin/python3');
    expect(pythonInCommand('uv run python3.11 train.py')).toBe('python3.11');
    expect(pythonInCommand('node train.mjs --python-style')).toBeNull();
    expect(pythonInCommand('bash run_python.sh')).toBeNull();
  });

  it('calls onStarted once while the command runs, so work can overlap with it', async () => {
    // The command waits on a FIFO that only onStarted writes: it can finish only if onStarted ran
    // while it was running.
    const dir = await mkdtemp(join(tmpdir(), 'mlci-started-'));
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    let calls = 0;
    const run = await runCommand({
      command: `read line < ${fifo}; echo "got $line"`,
      cwd: dir,
      env: process.env,
      timeoutMs: 10_000,
      onStarted: () => {
        calls++;
        void writeFile(fifo, 'go\n');
      }
    });
    expect(calls).toBe(1);
    expect(run.timedOut).toBe(false);
    expect(run.exitCode).toBe(0);
    expect(run.tail.join('\n')).toContain('got go');
  });

  it('describes how a command ended', () => {
    expect(describeExit({ exitCode: 3, signal: null, timedOut: false })).toBe('exit code 3');
    expect(describeExit({ exitCode: 137, signal: null, timedOut: false })).toBe(
      'exit code 137 (a process was killed by SIGKILL)'
    );
    expect(describeExit({ exitCode: null, signal: 'SIGTERM', timedOut: false })).toBe('killed by SIGTERM');
    expect(describeExit({ exitCode: null, signal: 'SIGTERM', timedOut: true }, 90_000)).toBe(
      'timed out after 90 s; the process tree was stopped'
    );
  });
});

describe('registry lineage from training.json', () => {
  it('maps commit, dirty flag, run URL, data hashes and params (with the seed)', async () => {
    const { versionLineage } = await import('../../src/lineage/version-lineage.js');
    const record = {
      git: { commit: 'abc', dirty: true, branch: 'main' },
      github: { run_url: 'https://github.com/o/r/actions/runs/1' },
      data: [{ path: 'data/train.csv', sha256: 'f00', bytes: 3, role: 'train' }],
      params: { lr: 0.1 },
      seed: 9
    } as unknown as import('../../src/lineage/record.js').TrainingRecord;
    expect(versionLineage(record)).toEqual({
      commit: 'abc',
      dirty: true,
      runUrl: 'https://github.com/o/r/actions/runs/1',
      dataHashes: { 'data/train.csv': 'f00' },
      params: { lr: 0.1, seed: 9 },
      trainingRecord: 'training.json'
    });
  });
});
