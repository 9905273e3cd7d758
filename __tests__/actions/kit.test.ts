import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { runAction } from '../../src/actions/toolkit.js';
import { ExitCode, InputError, MlciError } from '../../src/core/errors.js';
import { run as runValidateData } from '../../src/actions/validate-data/main.js';

/** Output blocks @actions/core writes to GITHUB_OUTPUT (name<<DELIMITER / value / DELIMITER). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]] = match[3];
  return outputs;
}

describe('runAction (the action kit)', () => {
  const saved = { ...process.env };
  let dir: string;
  let log: string[];
  const original = process.stdout.write.bind(process.stdout);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlci-kit-'));
    await writeFile(join(dir, 'outputs'), '');
    await writeFile(join(dir, 'summary'), '');
    process.env.GITHUB_OUTPUT = join(dir, 'outputs');
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary');
    // Whatever ran before in this worker may have set it; the kit must leave it as it finds it.
    process.exitCode = undefined;
    log = [];
    process.stdout.write = ((chunk: string) => {
      log.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
  });
  afterEach(() => {
    process.stdout.write = original;
    process.env = { ...saved };
    process.exitCode = undefined;
  });

  it('sets the outputs, appends the summary and leaves the exit code alone on success', async () => {
    await runAction(async () => ({
      outputs: { verdict: 'pass', 'drifted-columns': 'a,b' },
      summary: '## ok\n'
    }));
    expect(process.exitCode).toBeUndefined();
    expect(parseOutputs(await readFile(join(dir, 'outputs'), 'utf8'))).toEqual({
      verdict: 'pass',
      'drifted-columns': 'a,b'
    });
    expect(await readFile(join(dir, 'summary'), 'utf8')).toBe('## ok\n\n');
  });

  it('fails with exit 1 when the report says so, after publishing outputs and summary', async () => {
    await runAction(async () => ({
      outputs: { verdict: 'fail' },
      summary: 'gate failed',
      failure: 'a gate failed'
    }));
    expect(process.exitCode).toBe(1);
    expect(log.join('')).toContain('::error::a gate failed');
    expect(parseOutputs(await readFile(join(dir, 'outputs'), 'utf8')).verdict).toBe('fail');
    expect(await readFile(join(dir, 'summary'), 'utf8')).toBe('gate failed\n');
  });

  it("uses an MlciError's exit code and message, 2 for anything else", async () => {
    await runAction(async () => {
      throw new InputError('input "data": file not found');
    });
    expect(process.exitCode).toBe(2);
    expect(log.join('')).toContain('::error::input "data": file not found');
    process.exitCode = undefined;
    await runAction(async () => {
      throw new MlciError('custom', ExitCode.CheckFailed);
    });
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    await runAction(async () => {
      throw new TypeError('boom');
    });
    expect(process.exitCode).toBe(2);
  });

  it("names a rejected setting as the action's input, not as the command-line flag the builder knows", async () => {
    process.env.MLCI_INPUT_MIN_SLICE_SIZE = 'zero';
    process.env.MLCI_INPUT_MODEL = '';
    await runAction(async () => {
      throw new InputError(
        '--min-slice-size: got "zero", expected a whole number ≥ 1; missing --model, --task'
      );
    });
    // --task is no input of this action: its flag name stays.
    expect(log.join('')).toContain(
      '::error::input "min-slice-size": got "zero", expected a whole number ≥ 1; missing input "model", --task'
    );
  });

  it('publishes what onError still finds worth publishing, then fails', async () => {
    await runAction(
      async () => {
        throw new InputError('training failed');
      },
      { onError: async () => ({ outputs: { status: 'fail' }, summary: 'record' }) }
    );
    expect(process.exitCode).toBe(2);
    expect(parseOutputs(await readFile(join(dir, 'outputs'), 'utf8')).status).toBe('fail');
    expect(await readFile(join(dir, 'summary'), 'utf8')).toBe('record\n');
  });

  it("keeps the output folder out of git with a .gitignore inside it, leaving a user's own alone", async () => {
    execFileSync('git', ['init', '-q', dir]);
    await mkdir(join(dir, 'mlci-out', 'train'), { recursive: true });
    await writeFile(join(dir, 'mlci-out', 'train', 'model.onnx'), 'bytes');
    await runAction(async () => ({ outputFolder: join(dir, 'mlci-out', 'train') }));
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], {
      cwd: dir,
      encoding: 'utf8'
    });
    expect(status.split('\n').filter((l) => l.includes('mlci-out'))).toEqual([]);
    await writeFile(join(dir, 'own', '.gitignore'), 'mine\n').catch(async () => {
      await mkdir(join(dir, 'own'));
      await writeFile(join(dir, 'own', '.gitignore'), 'mine\n');
    });
    await runAction(async () => ({ outputFolder: join(dir, 'own') }));
    expect(await readFile(join(dir, 'own', '.gitignore'), 'utf8')).toBe('mine\n');
  }, 30_000);

  it('turns a job summary that cannot be written into a warning, never a failed step', async () => {
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'no-such-folder', 'summary');
    await runAction(async () => ({ outputs: { verdict: 'pass' }, summary: 'x' }));
    expect(process.exitCode).toBeUndefined();
    expect(log.join('')).toContain('::warning::could not write the job summary');
  });

  it('validate-data: an unwritable summary no longer fails the step (it used core.summary directly)', async () => {
    await writeFile(join(dir, 'data.csv'), 'a\n1\n2\n3\n');
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'no-such-folder', 'summary');
    process.env.MLCI_INPUT_DATA = join(dir, 'data.csv');
    process.env.MLCI_INPUT_OUT = join(dir, 'out');
    process.env.MLCI_INPUT_CONFIG = join(dir, 'mlci.yml');
    await runValidateData();
    expect(process.exitCode).toBeUndefined();
    expect(parseOutputs(await readFile(join(dir, 'outputs'), 'utf8')).verdict).toBe('pass');
    expect(log.join('')).toContain('::warning::could not write the job summary');
  }, 30_000);
});

describe('action entries', () => {
  const root = 'src/actions';
  it('import no other action entry and do not drive the CLI', async () => {
    const folders = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory());
    for (const folder of folders) {
      for (const file of await readdir(join(root, folder.name))) {
        const text = await readFile(join(root, folder.name, file), 'utf8');
        const imports = [...text.matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => m[1]);
        for (const spec of imports) {
          expect({
            file: `${folder.name}/${file}`,
            spec,
            otherAction: /^\.\.\/[a-z-]+\//.test(spec)
          }).toEqual({
            file: `${folder.name}/${file}`,
            spec,
            otherAction: false
          });
          expect(spec).not.toMatch(/\/cli\//);
        }
        expect(text).not.toMatch(/core\.setFailed|process\.exitCode/);
      }
    }
  });
});
