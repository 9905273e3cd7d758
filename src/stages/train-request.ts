import { dirname, resolve } from 'node:path';
import { parseNumber, parseSeed } from '../config/parse.js';
import type { MlciConfig } from '../config/types.js';
import { built } from './request-hook.js';
import type { TrainStageOptions } from './train.js';

/** train's settings as text, the way the CLI flags and the action inputs give them. */
export interface TrainFlags {
  command?: string;
  /** `key=value` param overrides. */
  set?: string[];
  seed?: string;
  timeout?: string;
  force?: boolean;
  checkReproducible?: boolean;
  tolerance?: string;
  productionModel?: string;
  /** false: neither restore from nor store in the training cache, whatever train.cache says. */
  cache?: boolean;
  out?: string;
}

/** A train request: the stage's options without the caller's progress, output sink and environment. */
export type TrainRequest = Omit<TrainStageOptions, 'progress' | 'onOutput' | 'env'>;

/**
 * Lays flags over mlci.yml's `train:` section into one train request, validated; errors name the
 * flag. The training command runs in the folder of mlci.yml (`configPath`), or in the working
 * directory when there is no mlci.yml (a bare `--command`).
 */
export function buildTrainRequest(
  flags: TrainFlags,
  loaded: MlciConfig | null,
  context: { configPath?: string } = {}
): TrainRequest {
  const config =
    flags.cache === false && loaded?.train ? { ...loaded, train: { ...loaded.train, cache: false } } : loaded;
  return built('train', {
    config,
    root: loaded && context.configPath ? dirname(resolve(context.configPath)) : process.cwd(),
    command: flags.command,
    overrides: flags.set ?? [],
    seed: parseSeed(flags.seed, '--seed'),
    timeout: flags.timeout,
    force: flags.force ?? false,
    checkReproducible: flags.checkReproducible ?? false,
    tolerance: parseNumber(flags.tolerance, '--tolerance', { min: 0 }),
    out: flags.out,
    productionModel: flags.productionModel
  });
}
