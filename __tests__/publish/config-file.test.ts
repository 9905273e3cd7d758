/**
 * mlci.yaml is read like mlci.yml by every door (a CLI command, `mlci pipeline`, an action's inputs)
 * when no config file is named; both files at once is refused before any work.
 */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readValidateDataInputs } from '../../src/actions/validate-data/inputs.js';
import { runCli, type CliRun } from '../../test-support/cli.js';
import { copyExample, removeExampleCopies } from '../../test-support/examples.js';

afterAll(removeExampleCopies);

/** Runs `mlci <args>` with `dir` as the working directory, where the default config file is looked up. */
const mlciIn = async (dir: string, args: string[]): Promise<CliRun> => {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return await runCli(args);
  } finally {
    process.chdir(previous);
  }
};

describe('mlci.yaml as the default config file', () => {
  let example: string;
  beforeAll(async () => {
    example = await copyExample('churn-node');
    await rename(join(example, 'mlci.yml'), join(example, 'mlci.yaml'));
  });

  it('a stage command reads it: validate-data takes data, label and drift settings from mlci.yaml', async () => {
    const run = await mlciIn(example, ['validate-data', '--out', 'out/validate', '--json']);
    expect(run.stderr).not.toContain('mlci: ');
    expect(run.code).toBe(0);
    const validation = JSON.parse(readFileSync(join(example, 'out/validate/validation.json'), 'utf8')) as {
      drift?: unknown;
    };
    // The reference (data.reference) and the label come from mlci.yaml only.
    expect(validation.drift).toBeTruthy();
  });

  it('mlci pipeline reads it and runs the stages it configures', async () => {
    const run = await mlciIn(example, ['pipeline', '--until', 'evaluate', '--out', 'out/pipeline', '--json']);
    expect(run.stderr).not.toContain('mlci: ');
    expect(run.code).toBe(0);
    const stages = (JSON.parse(run.stdout) as { stages: { stage: string; status: string }[] }).stages;
    expect(Object.fromEntries(stages.map((s) => [s.stage, s.status]))).toMatchObject({
      'validate-data': 'pass',
      train: 'pass',
      evaluate: 'pass'
    });
  }, 180_000);

  it('an action reads it when its config input is not set (no action.yml gives the input a default)', () => {
    const previous = process.cwd();
    const saved = process.env.MLCI_INPUT_CONFIG;
    delete process.env.MLCI_INPUT_CONFIG;
    process.chdir(example);
    try {
      expect(readValidateDataInputs().config).toBe('mlci.yaml');
    } finally {
      process.chdir(previous);
      if (saved !== undefined) process.env.MLCI_INPUT_CONFIG = saved;
    }
    for (const file of [
      'action.yml',
      ...['validate-data', 'train', 'evaluate-vs-baseline', 'register', 'deploy-canary', 'monitor'].map(
        (a) => `actions/${a}/action.yml`
      )
    ]) {
      const { inputs } = parse(readFileSync(file, 'utf8')) as {
        inputs: Record<string, { default?: string }>;
      };
      expect({ file, default: inputs.config.default }).toEqual({ file, default: undefined });
    }
  });

  it('both mlci.yml and mlci.yaml: every door refuses with exit 2 before writing anything', async () => {
    const both = await copyExample('churn-node');
    await copyFile(join(both, 'mlci.yml'), join(both, 'mlci.yaml'));
    for (const args of [
      ['validate-data', '--out', 'out/v'],
      ['pipeline', '--out', 'out/p'],
      ['train', '--out', 'out/t'],
      ['register', '--model', 'model.onnx', '--out', 'out/r']
    ]) {
      const run = await mlciIn(both, args);
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({
        args,
        code: 2,
        stderr: 'mlci: mlci.yml and mlci.yaml both exist: keep one (mlci reads either, not both)\n'
      });
    }
    expect(existsSync(join(both, 'out'))).toBe(false);
    // A named file is read as named, whatever else lies beside it.
    expect((await mlciIn(both, ['validate-data', '--config', 'mlci.yaml', '--out', 'out/v'])).code).toBe(0);
  });
});
