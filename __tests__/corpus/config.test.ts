import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  corpusDir,
  expectCliClass,
  garbageBytes,
  removeCorpusDir,
  seededRandom,
  type CorpusExpectation
} from '../../test-support/corpus.js';

// The bad-input corpus for mlci.yml (issue 16): every hostile or broken config text, run through
// the CLI entry, must give its class of answer within the time limit, never a crash or a hang.

const minimal = 'version: 1\nmodel:\n  name: churn\n  task: binary\n';
const FAST = 2000;

function aliasBomb(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let previous = 'a';
  for (const key of 'bcdefghi') {
    text += `${key}: &${key} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    previous = key;
  }
  return text;
}

function blockNesting(levels: number): string {
  let text = minimal + 'train:\n  set:\n';
  for (let i = 0; i < levels; i++) text += `${'  '.repeat(i + 2)}k${i}:\n`;
  return text;
}

interface ConfigCase {
  name: string;
  text: string | Buffer;
  expect: Omit<CorpusExpectation, 'withinMs'> & { withinMs?: number };
}

const cases: ConfigCase[] = [
  { name: 'minimal', text: minimal, expect: { code: 0 } },
  {
    name: 'licence header of 10,000 comment lines (ReDoS-shaped)',
    text: '# licence line\n'.repeat(10_000) + minimal,
    expect: { code: 0, withinMs: 1000 }
  },
  {
    name: 'only comments, 10,000 lines',
    text: '#\n'.repeat(10_000),
    expect: { code: 2, stderr: /mlci.yml: the file is empty/, withinMs: 1000 }
  },
  {
    name: 'comment lines with spaces then a non-YAML tail',
    text: '  # x\n'.repeat(5000) + '\t: : :\n',
    expect: { code: 2, stderr: /mlci.yml:5001:\d+: invalid YAML/, withinMs: 1000 }
  },
  { name: 'empty', text: '', expect: { code: 2, stderr: /mlci.yml: the file is empty/ } },
  { name: 'whitespace only', text: ' \n\t\n\r\n', expect: { code: 2, stderr: /the file is empty/ } },
  {
    name: 'alias bomb (billion laughs)',
    text: aliasBomb(),
    expect: { code: 2, stderr: /mlci.yml:2: YAML aliases expand to too many values/ }
  },
  {
    name: '60,000 nested flow brackets',
    text: `version: 1\nmodel: ${'['.repeat(60_000)}${']'.repeat(60_000)}\n`,
    expect: { code: 2, stderr: /mlci.yml:2: nested more than 64 levels deep/ }
  },
  {
    name: '40,000 nested flow mappings',
    text: `version: 1\nmodel: ${'{a: '.repeat(40_000)}1${'}'.repeat(40_000)}\n`,
    expect: { code: 2, stderr: /mlci.yml:2: nested more than 64 levels deep/ }
  },
  {
    name: '300 nested block mappings',
    text: blockNesting(300),
    expect: { code: 2, stderr: /mlci.yml:\d+: nested more than 64 levels deep/ }
  },
  {
    name: '100,000 compact nested sequences',
    text: `version: 1\nmodel:\n  ${'- '.repeat(100_000)}x\n`,
    expect: { code: 2, stderr: /mlci.yml:3: nested more than 64 levels deep/ }
  },
  {
    name: 'nesting a real config never reaches is still accepted',
    text: minimal + `train:\n  command: "echo ${'['.repeat(20)}"\n  set:\n    a: 1\n`,
    expect: { code: 0 }
  },
  {
    name: 'huge file (2 MiB of comments)',
    text: minimal + '# padding padding padding padding\n'.repeat(60_000),
    expect: { code: 2, stderr: /mlci.yml: \d+ bytes, more than the 262144 bytes \(256 KiB\)/ }
  },
  {
    name: 'just under the size limit: 20,000 unknown keys',
    text: minimal + Array.from({ length: 20_000 }, (_, i) => `x${i}: ${i}`).join('\n') + '\n',
    expect: { code: 2, stderr: /mlci.yml:5:1: unknown key "x0" in \(top level\)/, withinMs: 5000 }
  },
  {
    name: '15,000 keys in one mapping, the last a duplicate',
    text:
      minimal +
      'train:\n  set:\n' +
      Array.from({ length: 15_000 }, (_, i) => `    k${i}: ${i}`).join('\n') +
      '\n    k7: 1\n',
    expect: { code: 2, stderr: /mlci.yml:15007:5: invalid YAML: duplicate key "k7"/, withinMs: 5000 }
  },
  {
    name: 'wrong type',
    text: minimal.replace('binary', '3'),
    expect: { code: 2, stderr: 'mlci.yml:4:9: model.task: got 3 (number), expected string' }
  },
  {
    name: 'version as a string',
    text: minimal.replace('version: 1', 'version: "1"'),
    expect: { code: 2, stderr: /mlci.yml:1:\d+: version: got "1" \(string\)/ }
  },
  {
    name: 'deploy steps not increasing',
    text: minimal + 'deploy:\n  steps: [50, 10, 100]\n',
    expect: { code: 2, stderr: 'mlci.yml:6:10: deploy.steps must increase: 50, 10, 100' }
  },
  {
    name: 'deploy steps repeated',
    text: minimal + 'deploy:\n  steps: [10, 10, 100]\n',
    expect: { code: 2, stderr: 'deploy.steps must increase' }
  },
  {
    name: 'deploy step out of range',
    text: minimal + 'deploy:\n  steps: [10, 500]\n',
    expect: { code: 2, stderr: /mlci.yml:6:\d+: deploy.steps/ }
  },
  {
    name: 'canary analysis alpha of 0 (no analysis could ever fail)',
    text: minimal + 'deploy:\n  analysis:\n    alpha: 0\n',
    expect: { code: 2, stderr: /deploy.analysis.alpha/ }
  },
  {
    name: 'binary garbage',
    text: garbageBytes(seededRandom(16), 4096),
    expect: { code: 2, stderr: /mlci.yml(:\d+:\d+: invalid YAML|: expected a mapping)/ }
  },
  {
    name: 'a NUL byte',
    text: minimal + 'data:\n  train: a\u0000b\n',
    expect: { code: 2, stderr: 'mlci.yml:6: contains a NUL byte' }
  },
  { name: 'UTF-8 byte order mark', text: '\uFEFF' + minimal, expect: { code: 0 } },
  {
    name: 'byte order mark then a wrong type',
    text: '\uFEFF' + minimal.replace('churn', '[1]'),
    expect: { code: 2, stderr: /mlci.yml:3:9: model.name: got a list/ }
  },
  { name: 'CRLF line ends', text: minimal.replace(/\n/g, '\r\n'), expect: { code: 0 } },
  {
    name: 'tabs for indentation',
    text: 'version: 1\nmodel:\n\tname: churn\n\ttask: binary\n',
    expect: { code: 2, stderr: /mlci.yml:3:1: invalid YAML: Tabs are not allowed/ }
  },
  {
    name: 'Latin-1 bytes in a value',
    text: Buffer.concat([
      Buffer.from(minimal + 'data:\n  train: '),
      Buffer.from([0xe9, 0x74, 0xe9]),
      Buffer.from('\n')
    ]),
    expect: { code: 0 }
  },
  {
    name: 'duplicate key',
    text: minimal + 'model:\n  name: other\n',
    expect: { code: 2, stderr: /mlci.yml:5:1: invalid YAML: .*unique/i }
  },
  {
    name: 'a list at the top',
    text: '- version: 1\n',
    expect: { code: 2, stderr: 'mlci.yml: expected a mapping' }
  },
  {
    name: 'a scalar at the top',
    text: 'hello\n',
    expect: { code: 2, stderr: 'mlci.yml: expected a mapping' }
  },
  { name: 'null document', text: '~\n', expect: { code: 2, stderr: 'got nothing (null)' } },
  {
    name: 'several documents',
    text: minimal + '---\n' + minimal,
    expect: { code: 2, stderr: /mlci.yml:\d+:\d+: invalid YAML/ }
  },
  {
    name: 'a binary tag where text is expected',
    text: minimal.replace('churn', '!!binary aGVsbG8='),
    expect: { code: 2, stderr: /mlci.yml:3:\d+: model.name/ }
  },
  {
    name: 'a merge key',
    text: 'base: &b {name: churn, task: binary}\nversion: 1\nmodel:\n  <<: *b\n',
    expect: { code: 2, stderr: /mlci.yml:\d+:\d+: unknown key "(base|<<)"/ }
  },
  {
    name: 'a roc_auc gate on a multiclass model (a binary metric)',
    text: minimal.replace('binary', 'multiclass') + 'evaluate:\n  gates:\n    roc_auc: { max_drop: 0.01 }\n',
    expect: { code: 2, stderr: /mlci.yml:7:5: evaluate.gates.roc_auc: .*did you mean "roc_auc_ovr"\?/ }
  },
  {
    name: 'an f1 slice gate on a regression model',
    text:
      minimal.replace('binary', 'regression') +
      'evaluate:\n  slices: [region]\n  slice_gates:\n    region:\n      f1: { min: 0.5 }\n',
    expect: {
      code: 2,
      stderr:
        /evaluate.slice_gates.region.f1: "f1" is not computed for a regression model.*regression metrics: rmse, mae, r2, mape/
    }
  },
  {
    name: 'an ordered-map tag hiding gates (it read as an empty mapping: every key passed unchecked)',
    text: minimal + 'evaluate:\n  gates: !!omap [ {roc_auc: {min: 0.99}}, {not_a_metric: {bogus: 1}} ]\n',
    expect: { code: 2, stderr: /mlci.yml:6:\d+: evaluate.gates/ }
  },
  {
    name: 'a set tag as a whole section',
    text: minimal + 'evaluate: !!set {typo_key}\n',
    expect: { code: 2, stderr: /mlci.yml:5:\d+: unknown key "typo_key" in evaluate/ }
  },
  {
    name: 'a NaN threshold (it passed the dry run, then failed every gate)',
    text: minimal + 'evaluate:\n  gates:\n    roc_auc: {min: .nan}\n',
    expect: { code: 2, stderr: /mlci.yml:7:\d+: evaluate.gates.roc_auc.min: .*not a finite number/ }
  },
  {
    name: 'an infinite whole number (1e400 read as Infinity, accepted as an integer)',
    text: minimal + 'evaluate:\n  min_slice_size: 1e400\n',
    expect: { code: 2, stderr: /mlci.yml:6:\d+: evaluate.min_slice_size: .*not a finite number/ }
  },
  {
    name: 'duplicate keys 1 and "1" (the same key once read)',
    text: minimal + 'train:\n  command: x\n  set:\n    1: a\n    "1": b\n',
    expect: { code: 2, stderr: /mlci.yml:9:5: invalid YAML: duplicate key "1"/ }
  },
  {
    name: 'a 250 KiB scalar',
    text: minimal + `train:\n  command: "${'x'.repeat(250 * 1024)}"\n  model: m.onnx\n`,
    expect: { code: 0, withinMs: 3000 }
  }
];

describe('bad-input corpus: mlci.yml', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await corpusDir('config');
  });
  afterAll(() => removeCorpusDir(dir));

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', async (_name, index) => {
    const { text, expect: expected } = cases[index];
    const caseDir = join(dir, `case-${index}`);
    await mkdir(caseDir);
    const file = join(caseDir, 'mlci.yml');
    await writeFile(file, text);
    const run = await expectCliClass(['pipeline', '--dry-run', '--config', file], {
      withinMs: FAST,
      ...expected
    });
    if (expected.code === 2) expect(run.stderr).toContain(file);
  });

  it('a hostile mlci.yml is refused the same way by every command that reads it', async () => {
    const hostile: [string, string | RegExp][] = [
      [aliasBomb(), 'YAML aliases expand'],
      ['# x\n'.repeat(10_000) + minimal + 'deploy:\n  steps: [50, 10, 100]\n', 'deploy.steps must increase'],
      [`version: 1\nmodel: ${'['.repeat(60_000)}\n`, 'nested more than 64 levels']
    ];
    for (const [index, [text, message]] of hostile.entries()) {
      const file = join(dir, `every-${index}.yml`);
      await writeFile(file, text);
      for (const args of [
        ['validate-data', '--data', file],
        ['evaluate', '--model', file, '--data', file],
        ['train'],
        ['registry', 'list'],
        ['pipeline']
      ]) {
        // validate-data loads the data engine before it reads mlci.yml: seconds on a busy machine.
        const run = await expectCliClass([...args, '--config', file], {
          code: 2,
          stderr: message,
          withinMs: 15_000
        });
        expect(run.stderr).toContain(file);
      }
    }
  });

  it('refuses a missing file and a directory with the path', async () => {
    await expectCliClass(['pipeline', '--dry-run', '--config', join(dir, 'nope.yml')], {
      code: 2,
      stderr: /nope.yml: not found/,
      withinMs: FAST
    });
    await mkdir(join(dir, 'folder.yml'));
    await expectCliClass(['pipeline', '--dry-run', '--config', join(dir, 'folder.yml')], {
      code: 2,
      stderr: /folder.yml: is a directory/,
      withinMs: FAST
    });
  });
});
