import { DEFAULT_DRIFT_SHARE } from './defaults.js';
import type { Task } from './types.js';
/**
 * The JSON Schema of mlci.yml at the current major release tag: it resolves for users of the actions
 * alone, who have no node_modules/mlci (the release workflow moves the tag; see CHANGELOG.md).
 */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/mlci/mlci/v0/schema/mlci.schema.json';

// Gates that fit each task (the metrics each task has: docs/metrics.md): a floor on the headline
// metric, how far it may fall below production, and a guard on the calibration of classifiers.
const STARTER_GATES: Record<Task, string> = {
  binary: `    roc_auc:
      min: 0.70            # absolute floor
      max_drop: 0.01       # at most 0.01 below production
    log_loss:
      max_rise: 0.02`,
  multiclass: `    roc_auc_ovr:           # macro one-vs-rest ROC AUC
      min: 0.70            # absolute floor
      max_drop: 0.01       # at most 0.01 below production
    f1_macro:
      max_drop: 0.02
    log_loss:
      max_rise: 0.02`,
  regression: `    r2:
      min: 0.50            # absolute floor
      max_drop: 0.01       # at most 0.01 below production
    # rmse:                # in the label's units: pick a bound that fits your data
    #   max_rise: 0.5`
};

/** The task `mlci init` writes when none is given. */
export const STARTER_TASK: Task = 'binary';

/** The commented starter mlci.yml that `mlci init` writes, with gates that fit the task. */
export function starterConfig(name: string, task: Task = STARTER_TASK): string {
  // Quoted unless plain, so the file holds exactly the name given ("churn #v2" is not "churn" and a comment).
  const value = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? name : JSON.stringify(name);
  return `# yaml-language-server: $schema=${SCHEMA_URL}
# Offline, with mlci installed in the project: ./node_modules/mlci/schema/mlci.schema.json is the same file.
# mlci pipeline configuration. Reference: docs/config.md. Check it with \`mlci pipeline --dry-run\`.
version: 1

model:
  name: ${value}            # registry name: releases are tagged ${name}@v1, ${name}@v2, …
  task: ${task.padEnd(18)} # binary | multiclass | regression
  label: label             # the label column in your data
  # features: [age, plan]  # column order when the model takes one 2-D float tensor

data:
  train: data/train.csv    # CSV, JSON Lines or Parquet; a glob of shards works too
  eval: data/test.csv
  # reference: data/train.csv   # drift reference: a data file or a statistics.json
  # schema: schema.json         # write one with \`mlci schema infer --data data/train.csv\`
  drift:
    share: ${DEFAULT_DRIFT_SHARE}             # dataset drift when half of the columns drift
    blocking: false        # true: dataset drift fails validate-data

train:
  command: python train.py # any command; it must write the model below
  model: model.onnx
  # params: params.yaml    # passed to the command; override with \`mlci train --set key=value\`
  seed: 42                 # exported as MLCI_SEED and PYTHONHASHSEED
  timeout: 30m

evaluate:
  # slices: [region]       # metrics per value of these columns
  bootstrap:
    resamples: 1000        # paired bootstrap: is a change more than noise?
  gates:                   # metrics per task: docs/metrics.md
${STARTER_GATES[task]}

register:
  registry: .mlci/registry # or "github" for GitHub Releases
  aliases: [staging]

deploy:
  target: local            # local | server | kserve
  steps: [10, 50, 100]     # canary traffic percentages
  analysis:
    max_error_rate: 0.01
    max_p99_ratio: 1.5     # canary p99 at most 1.5 × stable
    max_divergence: 0.1    # Jensen–Shannon distance of predictions
    min_requests: 100
`;
}
