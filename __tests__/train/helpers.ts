import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import type { MlciConfig } from '../../src/config/types.js';
import type { TrainingRecord } from '../../src/lineage/record.js';
import { trainStage, type TrainStageOptions } from '../../src/stages/train.js';

/** The fake trainer of __fixtures__/train (it misbehaves on request through params.mode). */
export const TRAINER = resolve('__fixtures__/train/trainer.mjs');

/** process.env without the GitHub Actions variables, so lineage tests see what they set. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('GITHUB_') && !key.startsWith('RUNNER_'))
  );
  return { ...env, ...extra };
}

/** A temporary project: mlci.yml, params.yaml, a train.sh that runs the fake trainer, and eval data. */
export async function makeProject(
  options: { mode?: string; trainYaml?: string; modelYaml?: string; params?: Record<string, unknown> } = {}
) {
  const root = await mkdtemp(join(tmpdir(), 'mlci-train-test-'));
  await mkdir(join(root, 'data'));
  const rows = ['x1,x2,y'];
  for (let i = 0; i < 200; i++)
    rows.push(`${((i * 37) % 100) / 10 - 5},${((i * 11) % 50) / 5 - 5},${i % 3 === 0 ? 1 : 0}`);
  await writeFile(join(root, 'data', 'eval.csv'), rows.join('\n') + '\n');
  await writeFile(join(root, 'data', 'train.csv'), rows.slice(0, 120).join('\n') + '\n');
  await writeFile(join(root, 'train.sh'), `node "${TRAINER}"\n`);
  const params = { mode: options.mode ?? 'ok', runs_file: join(root, 'runs.txt'), ...options.params };
  await writeFile(
    join(root, 'params.yaml'),
    Object.entries(params)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join('\n') + '\n'
  );
  const yaml = [
    'version: 1',
    'model:',
    '  name: fake',
    '  task: binary',
    '  label: y',
    ...(options.modelYaml ? [options.modelYaml] : []),
    'data:',
    '  train: data/train.csv',
    '  eval: data/eval.csv',
    'train:',
    '  command: bash train.sh',
    '  params: params.yaml',
    '  seed: 7',
    ...(options.trainYaml ? [options.trainYaml] : [])
  ].join('\n');
  await writeFile(join(root, 'mlci.yml'), yaml + '\n');
  const config: MlciConfig = parseConfig(yaml, join(root, 'mlci.yml'));
  return { root, config, out: join(root, 'out') };
}

/** Runs the train stage with test defaults (quiet, clean env, short kill grace). */
export function train(
  project: { root: string; config: MlciConfig; out: string },
  options: Partial<TrainStageOptions> = {}
) {
  return trainStage({
    config: project.config,
    root: project.root,
    out: project.out,
    env: cleanEnv(),
    killGraceMs: 500,
    onOutput: () => {},
    ...options
  });
}

/** Reads the training.json a run left in the output directory. */
export async function readRecord(out: string): Promise<TrainingRecord> {
  return JSON.parse(await readFile(join(out, 'training.json'), 'utf8')) as TrainingRecord;
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function failureOf(promise: Promise<unknown>): Promise<Error & { exitCode?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { exitCode?: number };
  }
  throw new Error('expected the run to fail');
}

/** Number of times the fake trainer really ran in a project. */
export async function runCount(root: string): Promise<number> {
  try {
    return (await readFile(join(root, 'runs.txt'), 'utf8')).trim().split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}
