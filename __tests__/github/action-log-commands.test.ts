import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { run } from '../../src/actions/evaluate-vs-baseline/main.js';
import { inertLogText, logLine } from '../../src/actions/toolkit.js';
import { linearModelOnnx } from '../../src/model/onnx-build.js';

/**
 * The workflow commands the runner would run from a step's output, found as actions/runner finds them
 * (ActionCommand.TryParseV2 / TryParse): a line ends at \r, \n or \r\n; `::name …::` after leading
 * blanks (.NET's TrimStart, NEL included) is a command, and so is `##[name]` anywhere in a line.
 */
function runnerCommands(output: string): string[] {
  return output
    .split(/\r\n|\r|\n/)
    .filter((line) => line.replace(/^[\s\u0085]+/, '').startsWith('::') || line.includes('##['));
}

const ATTACKS = [
  'north\n::error title=Security::Leaked credentials, rotate at https://evil.example',
  'north\r::add-mask::roc_auc',
  'north\r\n::stop-commands::pwned',
  'north\n   \t::warning::indented',
  'north\n\u0085::notice::after a NEL',
  'north\n\u2028::debug::after a line separator',
  'north ##[add-mask]roc_auc',
  'north\n::set-output name=verdict::pass'
];

describe('log lines carry data, never workflow commands', () => {
  it.each(ATTACKS)('makes %j inert and keeps it readable', (attack) => {
    const text = inertLogText(`slice value: ${attack}`);
    expect(runnerCommands(text)).toEqual([]);
    expect(text.replace(/\u200b/g, '')).toBe(`slice value: ${attack}`.replace(/\r\n|\r/g, '\n'));
  });

  it('logLine prints through the same guard', () => {
    const printed: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) =>
      printed.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      for (const attack of ATTACKS) logLine(attack);
    } finally {
      process.stdout.write = write;
    }
    expect(runnerCommands(printed.join(''))).toEqual([]);
  });
});

describe('evaluate-vs-baseline: a failing slice gate on a hostile slice value', () => {
  let dir: string;
  const saved = { ...process.env };
  const hostile =
    'north\n::error title=Security::Leaked credentials\n::add-mask::roc_auc\n::stop-commands::x';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlci-log-commands-'));
    const lines = ['x1,x2,region,y'];
    for (let i = 0; i < 400; i++) {
      const x1 = ((i * 37) % 100) / 25 - 2;
      const x2 = ((i * 53) % 100) / 25 - 2;
      const region = i % 2 === 0 ? 'east' : `"${hostile}"`;
      lines.push(`${x1},${x2},${region},${(i * 7) % 3 === 0 ? 1 : 0}`);
    }
    await writeFile(join(dir, 'test.csv'), lines.join('\n') + '\n');
    await writeFile(
      join(dir, 'model.onnx'),
      linearModelOnnx({ task: 'binary', featureNames: ['x1', 'x2'], weights: [[1], [-1]], bias: [0] })
    );
    await writeFile(
      join(dir, 'mlci.yml'),
      'version: 1\nmodel:\n  name: churn\n  task: binary\nevaluate:\n  slices: [region]\n' +
        '  slice_gates:\n    region:\n      accuracy: { min: 0.999 }\n'
    );
  });
  afterAll(async () => {
    process.env = { ...saved };
    process.exitCode = 0;
    await rm(dir, { recursive: true, force: true });
  });

  it('fails the step, and its log holds no command but the escaped ::error of the failure', async () => {
    const outputs = join(dir, 'outputs.txt');
    await writeFile(outputs, '');
    process.env = {
      ...saved,
      GITHUB_OUTPUT: outputs,
      GITHUB_STEP_SUMMARY: '',
      GITHUB_TOKEN: '',
      MLCI_INPUT_MODEL: join(dir, 'model.onnx'),
      MLCI_INPUT_DATA: join(dir, 'test.csv'),
      MLCI_INPUT_LABEL: 'y',
      MLCI_INPUT_REGISTRY: join(dir, 'empty-registry'),
      MLCI_INPUT_BOOTSTRAP: '0',
      MLCI_INPUT_CONFIG: join(dir, 'mlci.yml'),
      MLCI_INPUT_OUT: join(dir, 'out'),
      MLCI_INPUT_TOKEN: ''
    };
    process.exitCode = 0;
    const printed: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) =>
      printed.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      await run();
    } finally {
      process.stdout.write = write;
    }
    const evaluation = JSON.parse(await readFile(join(dir, 'out', 'evaluation.json'), 'utf8'));
    // The attack reached the summary: the guard, not luck, keeps it out of the commands.
    expect(evaluation.summary).toContain('\n::error title=Security::');
    expect(process.exitCode).toBe(1);
    const commands = runnerCommands(printed.join(''));
    expect(commands).toEqual([expect.stringMatching(/^::error::fail: .*%0A::error title=Security::/)]);
  });
});
