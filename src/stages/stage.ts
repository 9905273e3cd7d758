import type { MlciConfig } from '../config/types.js';
import type { Progress } from '../core/progress.js';
import type { ModelVersion, Registry } from '../registry/types.js';
import type { PipelineOptions, StageName } from './pipeline.js';

/** How a stage ended: passed, failed its check, paused (a rollout waiting for a decision) or did not run. */
export type StageVerdict = 'pass' | 'fail' | 'paused' | 'skipped';

/** What every stage of the pipeline returns. */
export interface StageResult {
  verdict: StageVerdict;
  /** One line: what happened, or why the stage did not run. */
  summary: string;
  /** Files the stage wrote. */
  files: string[];
  /** The stage's Markdown report, when it has one (evaluate's is the pull-request comment). */
  markdown: string | null;
}

/** What the stages of one pipeline run share; later stages read what earlier ones produced. */
export interface PipelineContext {
  options: PipelineOptions;
  config: MlciConfig;
  /** Folder of mlci.yml: the project root of the training lineage. */
  root: string;
  /** The pipeline's output folder (absolute). */
  out: string;
  registry: Registry;
  progress: Progress;
  /** The version the production alias points to, updated by the stages that move it. */
  production: ModelVersion | null;
  /** The version registered by this run. */
  registered: ModelVersion | null;
  /** Outputs of earlier stages. */
  paths: {
    statistics?: string;
    validation?: string;
    model?: string;
    training?: string;
    evaluation?: string;
  };
}

/** One stage of the pipeline: its name and how to run it in its output folder. */
export interface StageDescriptor {
  name: StageName;
  run(context: PipelineContext, dir: string): Promise<StageResult>;
}

/** A result with no files and no Markdown. */
export function stageResult(verdict: StageVerdict, summary: string, files: string[] = []): StageResult {
  return { verdict, summary, files, markdown: null };
}
