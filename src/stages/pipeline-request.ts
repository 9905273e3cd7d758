import { parseSeed } from '../config/parse.js';
import type { MlciConfig } from '../config/types.js';
import { parseStages, plannedStages, type PipelineOptions } from './pipeline.js';
import { built } from './request-hook.js';

/** mlci pipeline's settings as text, the way the CLI flags and the root action's inputs give them. */
export interface PipelineFlags {
  /** Last stage to run. */
  until?: string;
  /** Comma-separated stages not to run. */
  skip?: string;
  /** Comma-separated stages to run (the root action's `stages`): the others configured are skipped. */
  stages?: string;
  registry?: string;
  /** `key=value` training parameter overrides. */
  set?: string[];
  seed?: string;
  force?: boolean;
  out?: string;
}

/** The pipeline's output folder when neither a flag nor an input names one. */
export const DEFAULT_PIPELINE_OUT = '.mlci/pipeline';

/** A pipeline request: the run's options without the caller's registry opener, recorder, progress and sinks. */
export type PipelineRequest = Pick<
  PipelineOptions,
  'config' | 'configPath' | 'out' | 'until' | 'skip' | 'registry' | 'overrides' | 'seed' | 'force'
>;

/** Lays flags over mlci.yml into one pipeline request, validated; errors name the flag. */
export function buildPipelineRequest(
  flags: PipelineFlags,
  config: MlciConfig,
  configPath: string
): PipelineRequest {
  const until = flags.until ? parseStages(flags.until, '--until')[0] : undefined;
  const skip = [...(flags.skip ? parseStages(flags.skip, '--skip') : [])];
  if (flags.stages) {
    const chosen = parseStages(flags.stages, '--stages');
    skip.push(...plannedStages(config).filter((s) => !chosen.includes(s) && !skip.includes(s)));
  }
  return built('pipeline', {
    config,
    configPath,
    out: flags.out ?? DEFAULT_PIPELINE_OUT,
    until,
    skip,
    registry: flags.registry,
    overrides: flags.set ?? [],
    seed: parseSeed(flags.seed, '--seed'),
    force: flags.force ?? false
  });
}
