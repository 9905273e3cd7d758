import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkOutputDir, ensureDir, writeFileAtomic } from '../../src/core/files.js';
import { InputError } from '../../src/core/errors.js';
import { PredictionLog } from '../../src/serve/prediction-log.js';
import { corpusDir, expectCliClass, removeCorpusDir } from '../../test-support/corpus.js';

// An output path of the wrong kind (issue 16): --out naming a file, a folder under a file,
// --predictions naming a folder. Each is exit 2 naming the path, before any work or write.

const data = 'examples/churn-node/data/test.csv';

describe('bad-input corpus: output paths of the wrong kind', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await corpusDir('outputs');
    file = join(dir, 'a-file');
    await writeFile(file, 'x');
    await mkdir(join(dir, 'a-folder'));
  });
  afterAll(() => removeCorpusDir(dir));

  const commands: [string, (out: string) => string[]][] = [
    ['validate-data', (out) => ['validate-data', '--data', data, '--out', out]],
    [
      'evaluate',
      (out) => [
        'evaluate',
        '--model',
        'm.onnx',
        '--data',
        data,
        '--label',
        'churned',
        '--task',
        'binary',
        '--out',
        out
      ]
    ],
    ['report', (out) => ['report', '--validation', join(dir, 'validation.json'), '--out', out]]
  ];

  it.each(commands)('%s --out naming a file, or a folder under a file', async (_name, args) => {
    await expectCliClass(args(file), {
      code: 2,
      stderr: `mlci: --out ${file}: exists and is a file, expected a directory`,
      withinMs: 5000
    });
    await expectCliClass(args(join(file, 'sub')), {
      code: 2,
      stderr: `mlci: --out ${join(file, 'sub')}: ${file} is a file, expected a directory`,
      withinMs: 5000
    });
    expect(await readdir(dir)).toEqual(['a-file', 'a-folder']);
  });

  it('evaluate --predictions naming a folder', async () => {
    await expectCliClass(
      [
        'evaluate',
        '--model',
        'm.onnx',
        '--data',
        data,
        '--label',
        'churned',
        '--task',
        'binary',
        '--predictions',
        join(dir, 'a-folder')
      ],
      {
        code: 2,
        stderr: `mlci: --predictions ${join(dir, 'a-folder')}: is a directory, expected a file`,
        withinMs: 5000
      }
    );
  });

  it('serve --log under a file or naming a folder', async () => {
    await expect(PredictionLog.open({ path: join(file, 'log.jsonl'), sampleRate: 1 })).rejects.toThrow(
      new InputError(`prediction log ${join(file, 'log.jsonl')}: ${file} is a file, expected a directory`)
    );
    await expect(PredictionLog.open({ path: join(dir, 'a-folder'), sampleRate: 1 })).rejects.toThrow(
      `prediction log ${join(dir, 'a-folder')}: is a directory, expected a file`
    );
  });

  it('the write helpers name the path when a file or folder is in the way', async () => {
    await expect(ensureDir(join(file, 'x', 'y'))).rejects.toThrow(
      `${join(file, 'x', 'y')}: ${file} is a file, expected a directory`
    );
    await expect(ensureDir(file)).rejects.toBeInstanceOf(InputError);
    await expect(writeFileAtomic(join(file, 'out.json'), '{}')).rejects.toThrow(
      `${file}: exists and is a file`
    );
    await expect(writeFileAtomic(join(dir, 'a-folder'), '{}')).rejects.toThrow(
      `${join(dir, 'a-folder')}: is a directory, expected a file`
    );
    await expect(checkOutputDir(join(dir, 'new', 'deeper'))).resolves.toBeUndefined();
    expect((await readdir(dir)).sort()).toEqual(['a-file', 'a-folder']);
  });
});
