import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli/program.js';
import { MLCI_VERSION } from '../../src/core/version.js';
import { runCli } from '../../test-support/cli.js';
import type { Command } from 'commander';

function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [path, ...commandPaths(sub, path)];
  });
}

describe('mlci CLI', () => {
  it('prints top-level help listing every stage command', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const name of [
      'validate-data',
      'train',
      'evaluate',
      'register',
      'registry',
      'serve',
      'deploy-canary',
      'pipeline',
      'monitor',
      'init',
      'schema',
      'report'
    ]) {
      expect(run.stdout).toContain(name);
    }
    expect(run.stdout).toContain('Exit codes: 0 pass');
  });

  it('prints help with a usage line for every subcommand, and examples for every leaf command', async () => {
    const paths = commandPaths(buildProgram());
    expect(paths.length).toBeGreaterThanOrEqual(16);
    for (const path of paths) {
      const run = await runCli([...path, '--help']);
      expect({ path, code: run.code }).toEqual({ path, code: 0 });
      expect(run.stdout).toContain(`Usage: mlci ${path.join(' ')}`);
      const leaf = buildProgram().commands.find((c) => c.name() === path[0]);
      const node = path
        .slice(1)
        .reduce<Command | undefined>((c, name) => c?.commands.find((s) => s.name() === name), leaf);
      if (node && node.commands.length === 0)
        expect({ path, examples: run.stdout.includes('Examples:\n  $ mlci') }).toEqual({
          path,
          examples: true
        });
    }
  });

  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(MLCI_VERSION).toBe(pkg.version);
    expect((await runCli(['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 with a suggestion on an unknown command or option', async () => {
    const run = await runCli(['evalute']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'evalute'");
    expect(run.stderr).toContain('evaluate');
    const option = await runCli(['init', '--nme', 'x']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--nme'");
  });

  describe('with a config file', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mlci-cli-'));
    });

    it('init writes a starter file that pipeline --dry-run accepts, and refuses to overwrite it', async () => {
      const file = join(dir, 'mlci.yml');
      const init = await runCli(['init', '--name', 'churn', '--file', file]);
      expect(init.code).toBe(0);
      expect(await readFile(file, 'utf8')).toContain('name: churn');
      const again = await runCli(['init', '--file', file]);
      expect(again.code).toBe(2);
      expect(again.stderr).toBe(`mlci: ${file} already exists; use --force to overwrite it\n`);
      const dry = await runCli(['pipeline', '--dry-run', '--config', file, '--json']);
      expect(dry.code).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({
        model: { name: 'churn', task: 'binary' },
        stages: ['validate-data', 'train', 'evaluate', 'register', 'deploy-canary']
      });
    });

    const malformed: [string, string, RegExp][] = [
      [
        'wrong type',
        'version: 1\nmodel:\n  name: m\n  task: binary\ntrain:\n  command: 42\n',
        /:6:12: train\.command: got 42 \(number\), expected string$/
      ],
      [
        'unknown key',
        'version: 1\nmodel:\n  name: m\n  task: binary\n  labels: y\n',
        /:5:3: unknown key "labels" in model \(did you mean "label"\?\)/
      ],
      [
        'missing required key',
        'version: 1\nmodel:\n  task: binary\n',
        /:3:3: missing required key "name" in model$/
      ],
      ['invalid YAML', 'version: 1\nmodel: {name: m, task: binary\n', /:\d+:\d+: invalid YAML: /],
      ['empty file', '', /: the file is empty; expected at least `version: 1`/]
    ];
    it.each(malformed)(
      'a malformed mlci.yml (%s) gives one clear line and exit 2',
      async (_name, text, pattern) => {
        const file = join(dir, `bad-${_name.replace(/ /g, '-')}.yml`);
        await writeFile(file, text);
        const run = await runCli(['pipeline', '--dry-run', '--config', file]);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        const lines = run.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0].startsWith(`mlci: ${file}:`)).toBe(true);
        expect(lines[0]).toMatch(pattern);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
    );

    it('names a missing config file', async () => {
      const run = await runCli(['pipeline', '--dry-run', '--config', join(dir, 'nope.yml')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('nope.yml: not found');
    });
  });
});
