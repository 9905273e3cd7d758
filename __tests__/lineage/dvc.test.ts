// DVC-tracked data, with dvc.lock and .dvc files shaped exactly as DVC 3 writes them: lineage takes
// DVC's md5 instead of hashing the file again, a tracked file missing from the workspace says
// "run dvc pull" (exit 2) wherever data is opened, and "What changed" names DVC data versions.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EvaluationJson } from '../../src/evaluation/types.js';
import { describeDataFiles, withShapes } from '../../src/lineage/data-files.js';
import { dvcRecordFor } from '../../src/lineage/dvc.js';
import type { TrainingRecord } from '../../src/lineage/record.js';
import { runCli } from '../../test-support/cli.js';
import { corpusDir, expectCliClass, removeCorpusDir } from '../../test-support/corpus.js';
import { copyExample, removeExampleCopies } from '../../test-support/examples.js';
import { writeBinaryModel } from '../evaluate/helpers.js';

const md5 = (bytes: string | Buffer) => createHash('md5').update(bytes).digest('hex');

/** A `<file>.dvc` as `dvc add` writes it (DVC 3). */
function dotDvc(name: string, bytes: string | Buffer, hash = md5(bytes)): string {
  return `outs:\n- md5: ${hash}\n  size: ${Buffer.byteLength(bytes)}\n  hash: md5\n  path: ${name}\n`;
}

/** A dvc.lock as `dvc repro` writes it (schema 2.0, DVC 3): a stage reading raw data and writing a folder. */
function dvcLock(raw: { md5: string; size: number }, prepared: { md5: string; size: number }): string {
  return [
    "schema: '2.0'",
    'stages:',
    '  prepare:',
    '    cmd: python src/prepare.py data/raw.csv',
    '    deps:',
    '    - path: data/raw.csv',
    '      hash: md5',
    `      md5: ${raw.md5}`,
    `      size: ${raw.size}`,
    '    - path: src/prepare.py',
    '      hash: md5',
    '      md5: f09ea0c15980b43010257ccb9f0055e2',
    '      size: 1576',
    '    params:',
    '      params.yaml:',
    '        prepare.seed: 20170428',
    '        prepare.split: 0.2',
    '    outs:',
    '    - path: data/prepared',
    '      hash: md5',
    `      md5: ${prepared.md5}.dir`,
    `      size: ${prepared.size}`,
    '      nfiles: 2',
    ''
  ].join('\n');
}

let dir: string;
beforeAll(async () => {
  dir = await corpusDir('dvc');
  await mkdir(join(dir, '.dvc'));
  await mkdir(join(dir, 'data', 'prepared'), { recursive: true });
});
afterAll(async () => {
  await removeCorpusDir(dir);
  await removeExampleCopies();
});

describe('reading DVC records', () => {
  it('takes the md5 of a .dvc file and of a dvc.lock stage (deps, and a folder in outs), relative to the file recording them', async () => {
    const csv = 'x,y\n1,0\n2,1\n';
    await writeFile(join(dir, 'data', 'tracked.csv'), csv);
    await writeFile(join(dir, 'data', 'tracked.csv.dvc'), dotDvc('tracked.csv', csv));
    await writeFile(join(dir, 'data', 'raw.csv'), csv);
    await writeFile(join(dir, 'data', 'prepared', 'train.csv'), csv);
    await writeFile(
      join(dir, 'dvc.lock'),
      dvcLock({ md5: md5(csv), size: csv.length }, { md5: '153aad06d376b6595932470e459ef42a', size: 8437363 })
    );
    await writeFile(join(dir, 'data', 'plain.csv'), csv);

    expect(await dvcRecordFor(join(dir, 'data', 'tracked.csv'), dir)).toEqual({
      md5: md5(csv),
      size: csv.length,
      file: 'data/tracked.csv.dvc',
      path: 'data/tracked.csv'
    });
    expect(await dvcRecordFor(join(dir, 'data', 'raw.csv'), dir)).toEqual({
      md5: md5(csv),
      size: csv.length,
      file: 'dvc.lock',
      path: 'data/raw.csv'
    });
    expect(await dvcRecordFor(join(dir, 'data', 'prepared', 'train.csv'), dir)).toEqual({
      md5: '153aad06d376b6595932470e459ef42a.dir',
      size: 8437363,
      file: 'dvc.lock',
      path: 'data/prepared'
    });
    expect(await dvcRecordFor(join(dir, 'data', 'plain.csv'), dir)).toBeNull();
  });

  it("records DVC's md5 without hashing the file, and hashes it when the size no longer matches DVC's record", async () => {
    const csv = 'a,b\n1,2\n3,4\n';
    await writeFile(join(dir, 'data', 'big.csv'), csv);
    // Not the file's md5: had mlci hashed the file, it could not have recorded this value.
    const recorded = 'e'.repeat(32);
    await writeFile(join(dir, 'data', 'big.csv.dvc'), dotDvc('big.csv', csv, recorded));
    const [tracked] = await withShapes(await describeDataFiles(['data/big.csv'], dir, 'train'), dir);
    expect(tracked).toMatchObject({ path: 'data/big.csv', sha256: null, rows: 2, columns: ['a', 'b'] });
    expect(tracked.dvc).toEqual({
      md5: recorded,
      size: csv.length,
      file: 'data/big.csv.dvc',
      path: 'data/big.csv'
    });

    await writeFile(join(dir, 'data', 'big.csv'), `${csv}5,6\n`);
    const [stale] = await describeDataFiles(['data/big.csv'], dir, 'train');
    expect(stale.dvc).toBeUndefined();
    expect(stale.sha256).toBe(createHash('sha256').update(`${csv}5,6\n`).digest('hex'));
  });
});

describe('a DVC-tracked file missing from the workspace (bad-input corpus)', () => {
  const pull = /tracked by DVC.*run `dvc pull` \(\S*data\/pulled\.csv\.dvc records md5 [0-9a-f]{32}\)/;
  beforeAll(async () => {
    await writeFile(join(dir, 'data', 'pulled.csv.dvc'), dotDvc('pulled.csv', 'x,y\n1,0\n'));
    await writeFile(
      join(dir, 'mlci.yml'),
      'version: 1\nmodel: { name: m, task: binary, label: y }\ndata: { train: data/pulled.csv }\ntrain: { command: "true" }\n'
    );
  });

  it('validate-data says run dvc pull', async () => {
    await expectCliClass(['validate-data', '--data', join(dir, 'data', 'pulled.csv')], {
      code: 2,
      stderr: pull,
      withinMs: 20_000
    });
  });

  it('evaluate says run dvc pull', async () => {
    const model = await writeBinaryModel(dir, 'model.onnx', 1, -1);
    await expectCliClass(
      [
        'evaluate',
        '--model',
        model,
        '--data',
        join(dir, 'data', 'pulled.csv'),
        '--label',
        'y',
        '--task',
        'binary'
      ],
      { code: 2, stderr: pull, withinMs: 20_000 }
    );
  });

  it('train says run dvc pull for data.train', async () => {
    await expectCliClass(['train', '--config', join(dir, 'mlci.yml')], {
      code: 2,
      stderr:
        /data\.train: data file .*pulled\.csv is tracked by DVC but is not in the workspace: run `dvc pull`/,
      withinMs: 20_000
    });
  });

  it('a file that DVC does not track is still "not found"', async () => {
    await expectCliClass(['validate-data', '--data', join(dir, 'data', 'absent.csv')], {
      code: 2,
      stderr: /data file not found: .*absent\.csv/,
      withinMs: 20_000
    });
  });
});

describe('what changed names DVC data versions (train → register → evaluate on examples/churn-node)', () => {
  it('shows the md5 DVC recorded, labelled, old → new', async () => {
    const example = await copyExample('churn-node');
    await mkdir(join(example, '.dvc'));
    const config = join(example, 'mlci.yml');
    const registry = join(example, '.mlci', 'registry');
    const trainCsv = join(example, 'data', 'train.csv');
    const original = await readFile(trainCsv);
    await writeFile(`${trainCsv}.dvc`, dotDvc('train.csv', original));
    const ok = async (args: string[]) => {
      const run = await runCli(args);
      if (run.code !== 0) throw new Error(`mlci ${args.join(' ')}: exit ${run.code}\n${run.stderr}`);
    };
    await ok(['train', '--config', config, '--out', join(example, 'out', 'v1')]);
    const v1 = JSON.parse(
      await readFile(join(example, 'out', 'v1', 'training.json'), 'utf8')
    ) as TrainingRecord;
    expect(v1.data.find((d) => d.role === 'train')).toMatchObject({
      sha256: null,
      dvc: { md5: md5(original) }
    });
    await ok([
      'register',
      '--config',
      config,
      '--model',
      join(example, 'out', 'v1', 'model.onnx'),
      '--registry',
      registry,
      '--alias',
      'production'
    ]);

    // `dvc add` after editing the data: a new file and a new .dvc.
    const changed = original.toString('utf8').trimEnd().split('\n').slice(0, 9001).join('\n') + '\n';
    await writeFile(trainCsv, changed);
    await writeFile(`${trainCsv}.dvc`, dotDvc('train.csv', changed));
    await ok(['train', '--config', config, '--out', join(example, 'out', 'pr', 'train')]);
    await runCli([
      'evaluate',
      '--config',
      config,
      '--model',
      join(example, 'out', 'pr', 'train', 'model.onnx'),
      '--registry',
      registry,
      '--bootstrap',
      '0',
      '--out',
      join(example, 'out', 'pr', 'evaluate')
    ]);
    const evaluation = JSON.parse(
      await readFile(join(example, 'out', 'pr', 'evaluate', 'evaluation.json'), 'utf8')
    ) as EvaluationJson;
    const w = evaluation.what_changed!;
    expect(w.params).toEqual([]);
    expect(w.code).toBeNull();
    expect(w.data).toHaveLength(1);
    expect(w.data[0]).toMatchObject({
      path: 'data/train.csv',
      baseline: { algorithm: 'md5', hash: md5(original), dvc_file: 'data/train.csv.dvc', rows: 12_000 },
      candidate: { algorithm: 'md5', hash: md5(changed), dvc_file: 'data/train.csv.dvc', rows: 9_000 }
    });
    const markdown = (await readFile(join(example, 'out', 'pr', 'evaluate', 'evaluation.md'), 'utf8'))
      .replace(/\\(.)/g, '$1')
      .replace(/\u200b/g, '');
    expect(markdown).toContain(
      `**Data:** data/train.csv (train) md5 (DVC data/train.csv.dvc) ${md5(original).slice(0, 8)} → ${md5(changed).slice(0, 8)}, rows 12,000 → 9,000`
    );
    await rm(join(example, '.dvc'), { recursive: true });
  }, 180_000);
});
