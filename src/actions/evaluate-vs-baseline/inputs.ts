import { configFileOr } from '../../config/default-file.js';
import { actionBooleanInput, actionInput } from '../inputs.js';
import type { EvaluateFlags } from '../../stages/evaluate-options.js';

/** The inputs of actions/evaluate-vs-baseline. */
export interface EvaluateActionInputs {
  flags: EvaluateFlags;
  config: string;
  comment: boolean;
  checkRun: boolean;
  /** Fail the step when the verdict is fail. */
  failOnGate: boolean;
  /** Artifact of main-branch runs that holds the production model (the last baseline fallback). */
  baselineArtifact: string;
  baselineWorkflow: string;
  baselineBranch: string;
  token: string;
  /** Publish-only mode (the workflow_run poster): a folder with evaluation.json and pull-request.json. */
  publishFrom: string;
  /** Publish-only mode: the id of the evaluating run whose artifact (artifact-name) holds the report. */
  publishFromRun: string;
  /** Name of that artifact. */
  artifactName: string;
  /** In publish-only mode: the head SHA the triggering run tested (github.event.workflow_run.head_sha). */
  expectedHeadSha: string;
  /** In publish-only mode: the evaluating workflow's file (github.event.workflow_run.path), so the sticky comment is the same. */
  workflow: string;
}

/** Reads the action's inputs (MLCI_INPUT_* variables, see src/actions/inputs.ts). */
export function readEvaluateInputs(): EvaluateActionInputs {
  const optional = (name: string) => actionInput(name) || undefined;
  const gates = actionInput('gates')
    .split(/[\n,]/)
    .map((g) => g.trim())
    .filter((g) => g !== '');
  const publishFrom = actionInput('publish-from') || (actionInput('publish-from-run') ? 'run' : '');
  return {
    publishFrom,
    publishFromRun: actionInput('publish-from-run'),
    artifactName: actionInput('artifact-name', { fallback: 'mlci-evaluation' }),
    expectedHeadSha: actionInput('expected-head-sha'),
    workflow: actionInput('workflow'),
    flags: {
      model: publishFrom ? actionInput('model') : actionInput('model', { required: true }),
      baseline: optional('baseline'),
      data: optional('data'),
      label: optional('label'),
      task: optional('task'),
      name: optional('name'),
      registry: optional('registry'),
      slices: optional('slices'),
      bootstrap: optional('bootstrap'),
      threshold: optional('threshold'),
      gate: gates,
      validation: optional('validation'),
      out: actionInput('out', { fallback: 'mlci-out/evaluation' })
    },
    config: configFileOr(actionInput('config')),
    comment: actionBooleanInput('comment', true),
    checkRun: actionBooleanInput('check-run', true),
    failOnGate: actionBooleanInput('fail-on-gate', true),
    baselineArtifact: actionInput('baseline-artifact', { fallback: 'mlci-model' }),
    baselineWorkflow: actionInput('baseline-workflow'),
    baselineBranch: actionInput('baseline-branch', { fallback: 'main' }),
    token: actionInput('token') || process.env.GITHUB_TOKEN || ''
  };
}
