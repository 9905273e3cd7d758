import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';
import { starterConfig } from '../../src/config/starter.js';
import { runCli } from '../../test-support/cli.js';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const minimal = 'version: 1\nmodel:\n  name: churn\n  task: binary\n';

function errorOf(text: string): string {
  try {
    parseConfig(text, 'mlci.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('mlci.yml loader', () => {
  it('accepts a minimal file and the starter file', () => {
    expect(parseConfig(minimal).model).toEqual({ name: 'churn', task: 'binary' });
    const starter = parseConfig(starterConfig('churn'));
    expect(starter.evaluate?.gates?.roc_auc).toEqual({ min: 0.7, max_drop: 0.01 });
    expect(starter.deploy?.steps).toEqual([10, 50, 100]);
  });

  it('names the path, the value and the expected type on a wrong type', () => {
    const message = errorOf(minimal + 'evaluate:\n  gates:\n    roc_auc:\n      min: high\n');
    expect(message).toBe('mlci.yml:8:12: evaluate.gates.roc_auc.min: got "high" (string), expected number');
  });

  it('rejects an unknown key with a suggestion and the allowed keys', () => {
    const message = errorOf(minimal + 'evaluate:\n  gate:\n    roc_auc: {min: 0.7}\n');
    expect(message).toContain('mlci.yml:6:3: unknown key "gate" in evaluate (did you mean "gates"?)');
    expect(message).toContain('expected one of: data, baseline, slices');
  });

  it('rejects an unknown key at the top level', () => {
    expect(errorOf(minimal + 'trian:\n  command: x\n')).toMatch(
      /^mlci.yml:5:1: unknown key "trian" in \(top level\) \(did you mean "train"\?\)/
    );
  });

  it('names a missing required key', () => {
    expect(errorOf('version: 1\nmodel:\n  name: churn\n')).toBe(
      'mlci.yml:3:3: missing required key "task" in model'
    );
    expect(errorOf('version: 1\n')).toBe('mlci.yml:1:1: missing required key "model" in (top level)');
  });

  it('lists the allowed values of an enum', () => {
    expect(errorOf('version: 1\nmodel:\n  name: churn\n  task: clustering\n')).toBe(
      'mlci.yml:4:9: model.task: got "clustering" (string), expected one of: "binary", "multiclass", "regression"'
    );
  });

  it('reports invalid YAML with line and column', () => {
    expect(errorOf('version: 1\nmodel:\n  name: [churn\n')).toMatch(/^mlci.yml:\d+:\d+: invalid YAML: /);
    expect(errorOf('version: 1\nversion: 1\n')).toMatch(/^mlci.yml:2:1: invalid YAML: .*unique/i);
  });

  it('reports an empty file and a file that is not a mapping', () => {
    expect(errorOf('')).toContain('mlci.yml: the file is empty');
    expect(errorOf('# only a comment\n')).toContain('the file is empty');
    expect(errorOf('- a\n- b\n')).toBe(
      'mlci.yml: expected a mapping of keys (version, model, data, …), got a list (["a","b"])'
    );
  });

  it('answers a 10,000-comment-line header in linear time (issue 16: the old check backtracked)', async () => {
    const header = '# licence header line\n'.repeat(10_000);
    // Warm the parser and the validator first: the limit is about the input's length, not the first
    // call's compilation (which alone took over a second on a loaded machine).
    parseConfig(minimal);
    // Each answer within a second (the old check took minutes from about 28 lines on): the best of
    // three tries, so that a busy machine's pauses (a shared CI runner) do not count as the parser's.
    const timed = <T>(fn: () => T): T => {
      let best = Infinity;
      let value: T | undefined;
      for (let attempt = 0; attempt < 3 && best >= 1000; attempt++) {
        const t0 = performance.now();
        value = fn();
        best = Math.min(best, performance.now() - t0);
      }
      expect(best).toBeLessThan(1000);
      return value as T;
    };
    expect(timed(() => parseConfig(header + minimal)).model.name).toBe('churn');
    expect(timed(() => errorOf(header))).toContain('the file is empty');
    expect(timed(() => errorOf(header + '   \n\t\n'))).toContain('the file is empty');
    const dir = await mkdtemp(join(tmpdir(), 'mlci-config-'));
    await writeFile(join(dir, 'mlci.yml'), header + minimal);
    const started = performance.now();
    const run = await runCli(['pipeline', '--dry-run', '--config', join(dir, 'mlci.yml')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports a missing file and a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-config-'));
    await expect(loadConfig(join(dir, 'mlci.yml'))).rejects.toThrow(/mlci.yml: not found \(run `mlci init`/);
    await mkdir(join(dir, 'sub.yml'));
    await expect(loadConfig(join(dir, 'sub.yml'))).rejects.toThrow(/is a directory/);
    await writeFile(join(dir, 'ok.yml'), minimal);
    await expect(loadConfig(join(dir, 'ok.yml'))).resolves.toMatchObject({ version: 1 });
  });

  it('ships a schema file that agrees with the build-time validator', () => {
    const shipped = JSON.parse(readFileSync('schema/mlci.schema.json', 'utf8'));
    const ajv = new Ajv2020({ strict: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const check = ajv.compile(shipped);
    const samples = [
      minimal,
      starterConfig('x'),
      minimal + 'deploy:\n  steps: [0]\n',
      minimal + 'extra: 1\n'
    ];
    for (const text of samples) {
      let loaderAccepts = true;
      try {
        parseConfig(text);
      } catch {
        loaderAccepts = false;
      }
      expect(check(YAML.parse(text))).toBe(loaderAccepts);
    }
  });
});
