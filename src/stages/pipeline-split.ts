// The pipeline in three parts, for the root action: a token must not be in the environment of any
// process alive while the user's training code runs (it can read /proc/<pid>/environ of every process
// of its user), so the action runs the stages that need GitHub in steps of their own, before and after
// the training step, and carries the run between them in a folder of plain files.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { writeJsonAtomic } from '../core/files.js';
import { verifySha256 } from '../registry/integrity.js';
import type { ModelVersion, Registry } from '../registry/types.js';
import {
  finishPipeline,
  openPipelineRegistry,
  runPipelineStages,
  stageWillRun,
  startPipeline,
  type PipelineOptions,
  type PipelineResult,
  type PipelineState,
  type StageName
} from './pipeline.js';
import type { PipelineRequest } from './pipeline-request.js';

/** The parts of a split run, in order. */
export const PIPELINE_PARTS = ['before-training', 'training', 'after-training'] as const;
/** One part of a split run. */
export type PipelinePart = (typeof PIPELINE_PARTS)[number];

/** The stages each part runs. */
export const PART_STAGES: Record<PipelinePart, readonly StageName[]> = {
  'before-training': ['validate-data'],
  training: ['train'],
  'after-training': ['evaluate', 'register', 'deploy-canary']
};

/** What a part gets from its caller rather than from the saved run: who acts and where output goes. */
export type PartOptions = Pick<
  PipelineOptions,
  'by' | 'recorder' | 'progress' | 'onOutput' | 'env' | 'openRegistry'
>;

/** A run carried between parts: the request, where it stands, and the caller's own settings. */
interface SavedRun<S> {
  request: PipelineRequest;
  state: PipelineState;
  settings: S;
}

const RUN_FILE = 'run.json';
const PRODUCTION_MODEL = 'production.onnx';

/**
 * The first part: starts the run in `dir` (production as the registry has it), runs validate-data and,
 * when training will run against a production model, fetches that model for the training part.
 * `settings` are kept for the caller's last part.
 */
export async function runBeforeTraining<S>(
  request: PipelineRequest,
  part: PartOptions,
  dir: string,
  settings: S
): Promise<void> {
  const options = { ...request, ...part };
  const registry = await openPipelineRegistry(options);
  let state = await startPipeline(options, registry);
  state = await runPipelineStages(options, registry, state, PART_STAGES['before-training']);
  if (state.production && stageWillRun('train', options, state)) {
    const { name, version } = state.production;
    await writeFile(join(dir, PRODUCTION_MODEL), await registry.download(name, version));
  }
  await saveRun(dir, { request, state, settings });
}

/** The training part: runs train with no registry but the production model fetched before. */
export async function runTraining(part: PartOptions, dir: string): Promise<void> {
  const run = await loadRun<unknown>(dir);
  const options = { ...run.request, ...part };
  const registry = new PrefetchedRegistry(run.state.production, join(dir, PRODUCTION_MODEL));
  const state = await runPipelineStages(options, registry, run.state, PART_STAGES.training);
  await saveRun(dir, { ...run, state });
}

/** The last part: evaluate, register and deploy-canary with the registry, then pipeline.json and .md. */
export async function runAfterTraining<S>(
  part: PartOptions,
  dir: string
): Promise<{ result: PipelineResult; request: PipelineRequest; settings: S }> {
  const run = await loadRun<S>(dir);
  const options = { ...run.request, ...part };
  const registry = await openPipelineRegistry(options);
  const state = await runPipelineStages(options, registry, run.state, PART_STAGES['after-training']);
  return { result: await finishPipeline(options, state), request: run.request, settings: run.settings };
}

async function saveRun<S>(dir: string, run: SavedRun<S>): Promise<void> {
  await writeJsonAtomic(join(dir, RUN_FILE), run);
}

async function loadRun<S>(dir: string): Promise<SavedRun<S>> {
  const path = join(dir, RUN_FILE);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(
      `${path}: cannot be read (${error.code ?? String(error)}); the part before this one did not finish`
    );
  });
  return JSON.parse(text) as SavedRun<S>;
}

/**
 * The registry of the training part: the production model the first part fetched, and nothing else.
 * The training step has no token, so anything else asked of the registry is a bug, said as such.
 */
export class PrefetchedRegistry implements Registry {
  constructor(
    private readonly production: ModelVersion | null,
    private readonly modelFile: string
  ) {}

  async resolve(ref: { name: string; alias?: string; version?: number }): Promise<ModelVersion | null> {
    const p = this.production;
    if (p && ref.name === p.name && (ref.version === p.version || ref.alias === 'production')) return p;
    throw this.unavailable(`resolve ${ref.name}`);
  }

  async download(name: string, version: number, asset?: string): Promise<Uint8Array> {
    const p = this.production;
    if (!p || name !== p.name || version !== p.version || (asset !== undefined && asset !== 'model.onnx'))
      throw this.unavailable(`download ${name}@v${version}${asset ? ` ${asset}` : ''}`);
    return verifySha256(
      new Uint8Array(await readFile(this.modelFile)),
      p.sha256,
      `${p.tag} (${this.modelFile})`
    );
  }

  register(): never {
    throw this.unavailable('register');
  }
  list(): never {
    throw this.unavailable('list');
  }
  models(): never {
    throw this.unavailable('models');
  }
  aliases(): never {
    throw this.unavailable('aliases');
  }
  promote(): never {
    throw this.unavailable('promote');
  }
  rollback(): never {
    throw this.unavailable('rollback');
  }
  history(): never {
    throw this.unavailable('history');
  }
  attach(): never {
    throw this.unavailable('attach');
  }

  private unavailable(what: string): Error {
    return new Error(`mlci pipeline: the training step has no registry access (no token), cannot ${what}`);
  }
}
