// Source of schema/mlci.schema.json and its build-time validator src/config/validate.generated.js, kept as code so shared pieces are written once.
// Run `node scripts/schema-src.mjs` (npm run build does) to regenerate the JSON file.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  DEFAULT_CANARY_ANALYSIS,
  DEFAULT_CANARY_STEPS,
  DEFAULT_DRIFT_SHARE,
  DEFAULT_FAILURE_LIMIT
} from '../src/config/defaults.js';
import * as LOAD_TEST from '../src/config/load-test-defaults.js';

const duration = {
  description: 'A duration: seconds as a number, or a string such as "90s", "5m", "2h".',
  anyOf: [
    { type: 'number', exclusiveMinimum: 0 },
    { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$' }
  ]
};
const severity = { type: 'string', enum: ['error', 'warning', 'off'] };
const driftTest = {
  type: 'string',
  enum: ['ks', 'chi2', 'z', 'wasserstein', 'jensen_shannon', 'psi'],
  // Held against src/data/drift/catalog.ts by __tests__/data/drift.test.ts.
  description:
    'Statistical test; the default is chosen per column type and reference size as Evidently does (table, thresholds and examples: docs/drift.md).'
};
const anomalyCodes = [
  'missing_column', 'new_column', 'type_mismatch', 'out_of_domain', 'out_of_range', 'unexpected_nulls',
  'nan_values', 'inf_values', 'too_few_rows', 'duplicate_share', 'train_test_overlap', 'drift'
];
const loadTest = {
  type: 'object',
  additionalProperties: false,
  description:
    'Load test run before the first canary traffic step (and by `mlci loadtest`): candidate and stable driven open-loop at the same rate, gated on objectives; requests are the rows of deploy.replay, else of the evaluation data (docs/loadtest.md).',
  properties: {
    rate: {
      type: 'number',
      exclusiveMinimum: 0,
      description: "Target rate in requests per second (default: the production server's observed rate × headroom)."
    },
    headroom: {
      type: 'number',
      minimum: 1,
      default: LOAD_TEST.DEFAULT_LOAD_TEST_HEADROOM,
      description: "Multiplier of the production server's observed rate when no rate is set."
    },
    duration: { ...duration, default: LOAD_TEST.DEFAULT_LOAD_TEST_DURATION_S },
    ramp: {
      type: 'array',
      items: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      default: [...LOAD_TEST.DEFAULT_LOAD_TEST_RAMP],
      description: 'Fractions of the target rate measured first (shorter), for the latency-vs-rate chart.'
    },
    objectives: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max_p99_ms: { type: 'number', exclusiveMinimum: 0, description: "Candidate's p99 latency limit in ms." },
        min_rps: { type: 'number', exclusiveMinimum: 0, description: 'Achieved rate the candidate must sustain.' },
        max_error_rate: { type: 'number', minimum: 0, maximum: 1, default: LOAD_TEST.DEFAULT_LOAD_TEST_MAX_ERROR_RATE },
        max_p99_ratio_vs_stable: {
          type: 'number',
          exclusiveMinimum: 0,
          default: LOAD_TEST.DEFAULT_LOAD_TEST_MAX_P99_RATIO,
          description: "Candidate p99 / stable p99 measured in the same run."
        },
        p99_slack_ms: {
          type: 'number',
          minimum: 0,
          default: LOAD_TEST.DEFAULT_LOAD_TEST_P99_SLACK_MS,
          description: 'A p99 difference from stable below this many ms passes the ratio objective.'
        }
      }
    }
  }
};
const severities = {
  type: 'object',
  description: 'Severity per anomaly code: error blocks the pipeline, warning reports, off ignores.',
  additionalProperties: false,
  properties: Object.fromEntries(anomalyCodes.map((code) => [code, severity]))
};
const gate = {
  type: 'object',
  description: 'Thresholds for one metric. Change gates compare with the baseline (production) model.',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    min: { type: 'number', description: 'The candidate value must be at least this.' },
    max: { type: 'number', description: 'The candidate value must be at most this.' },
    max_drop: { type: 'number', minimum: 0, description: 'Largest allowed fall (baseline − candidate).' },
    max_rise: { type: 'number', minimum: 0, description: 'Largest allowed rise (candidate − baseline).' },
    min_relative_change: {
      type: 'number',
      description: 'Smallest allowed (candidate − baseline) / |baseline|, e.g. -0.02 allows a 2 % fall.'
    }
  }
};
const gates = {
  type: 'object',
  description: 'Gates by metric name (scikit-learn names: roc_auc, f1, rmse, …).',
  additionalProperties: gate,
  propertyNames: { pattern: '^[a-z][a-z0-9_]*$' }
};
const stringList = { type: 'array', items: { type: 'string', minLength: 1 } };

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://mlci.dev/schema/mlci.schema.json',
  title: 'mlci.yml',
  description: 'Configuration of an mlci pipeline: validate-data → train → evaluate → register → deploy-canary.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'model'],
  properties: {
    version: { const: 1, description: 'Version of this file format. Always 1.' },
    model: {
      type: 'object',
      description: 'The model this pipeline builds.',
      additionalProperties: false,
      required: ['name', 'task'],
      properties: {
        name: {
          type: 'string',
          pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
          description: 'Registry name of the model (letters, digits, . _ -).'
        },
        task: {
          type: 'string',
          enum: ['binary', 'multiclass', 'regression'],
          description: 'The learning task: decides the metrics and how model outputs are read.'
        },
        label: { type: 'string', minLength: 1, description: 'Name of the label column.' },
        features: {
          ...stringList,
          description: 'Column order of a model with one 2-D float input (else the model metadata feature_names).'
        },
        threshold: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'Binary decision threshold: positive when p(positive class: 1, else the greater label) > threshold (default: argmax).'
        }
      }
    },
    data: {
      type: 'object',
      description: 'Data files and the checks validate-data runs on them.',
      additionalProperties: false,
      properties: {
        train: { type: 'string', description: 'Training data: a file or a glob of shards (CSV, JSON Lines, Parquet).' },
        eval: { type: 'string', description: 'Evaluation (test) data.' },
        reference: { type: 'string', description: 'Reference for drift: a data file or a statistics.json.' },
        schema: { type: 'string', description: 'A schema.json written by `mlci schema infer`.' },
        format: {
          type: 'string',
          enum: ['auto', 'csv', 'jsonl', 'parquet'],
          default: 'auto',
          description: 'File format; auto picks it from the extension.'
        },
        delimiter: { type: 'string', minLength: 1, maxLength: 1, description: 'CSV delimiter (sniffed when absent).' },
        min_rows: { type: 'integer', minimum: 0, description: 'Fewer rows is the too_few_rows anomaly.' },
        max_duplicate_share: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'A larger share of duplicate rows is the duplicate_share anomaly.'
        },
        max_overlap_share: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          default: 0.005,
          description:
            'A larger share of evaluation rows also in the training data (validate-data --train) makes train_test_overlap an error; at or below it, a warning. data.severity.train_test_overlap overrides both.'
        },
        severity: severities,
        drift: {
          type: 'object',
          additionalProperties: false,
          properties: {
            share: {
              type: 'number',
              minimum: 0,
              maximum: 1,
              default: DEFAULT_DRIFT_SHARE,
              description: 'Dataset drift when at least this share of the tested columns drift (docs/drift.md).'
            },
            blocking: { type: 'boolean', default: false, description: 'Dataset drift fails the stage.' },
            ignore: { ...stringList, description: 'Columns left out of drift detection.' }
          }
        },
        columns: {
          type: 'object',
          description: 'Per-column overrides.',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: {
              drift_test: driftTest,
              drift_threshold: {
                type: 'number',
                minimum: 0,
                description: "Threshold of the column's drift test (default per test: docs/drift.md)."
              },
              severity: severities
            }
          }
        }
      }
    },
    train: {
      type: 'object',
      additionalProperties: false,
      required: ['command'],
      properties: {
        command: { type: 'string', minLength: 1, description: 'The training command, run with bash.' },
        model: { type: 'string', default: 'model.onnx', description: 'Path of the ONNX model the command writes.' },
        params: { type: 'string', description: 'Params file (YAML or JSON) passed to the command.' },
        set: {
          type: 'object',
          description: 'Param overrides (as `--set key=value`).',
          additionalProperties: { type: ['string', 'number', 'boolean'] }
        },
        seed: { type: 'integer', minimum: 0, default: 42 },
        workdir: { type: 'string' },
        timeout: duration,
        sources: { ...stringList, description: 'Globs of the training sources (part of the cache key).' },
        metrics: { type: 'string', description: 'JSON Lines file of {"step", "loss"} the command appends to.' },
        cache: { type: 'boolean', default: true },
        tolerance: {
          type: 'number',
          minimum: 0,
          default: 1e-6,
          description: 'Largest prediction difference `mlci train --check-reproducible` accepts when model bytes differ.'
        },
        checks: {
          type: 'object',
          additionalProperties: false,
          properties: {
            loss_decreases: {
              description:
                'Mean loss over the last window of reported steps must be below the mean over the first window.',
              default: true,
              anyOf: [
                { type: 'boolean' },
                {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    window: { type: 'number', exclusiveMinimum: 0, maximum: 0.5, default: 0.2, description: 'Window as a fraction of the steps.' },
                    min_decrease: { type: 'number', minimum: 0, default: 0, description: 'Smallest relative fall, e.g. 0.1 for 10 %.' }
                  }
                }
              ]
            },
            finite_metrics: { type: 'boolean', default: true },
            signature: { type: 'boolean', default: true }
          }
        }
      }
    },
    evaluate: {
      type: 'object',
      additionalProperties: false,
      properties: {
        data: { type: 'string', description: 'Evaluation data (defaults to data.eval).' },
        baseline: { type: 'string', description: 'Explicit baseline model file (else the production alias).' },
        slices: { ...stringList, description: 'Columns whose values define slices.' },
        min_slice_size: { type: 'integer', minimum: 1, default: 30 },
        batch_size: { type: 'integer', minimum: 1, default: 8192 },
        bootstrap: {
          type: 'object',
          additionalProperties: false,
          properties: {
            resamples: { type: 'integer', minimum: 0, default: 1000 },
            seed: { type: 'integer', minimum: 0, default: 0 },
            confidence: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.95 }
          }
        },
        gates,
        slice_gates: {
          type: 'object',
          description: 'Gates applied within each slice of a column.',
          additionalProperties: gates
        }
      }
    },
    register: {
      type: 'object',
      additionalProperties: false,
      properties: {
        registry: { type: 'string', description: '"github", or a directory (default .mlci/registry).' },
        aliases: { ...stringList, description: 'Aliases moved to each new version (e.g. staging).' },
        allow_failed: { type: 'boolean', default: false, description: 'Register even when the gate failed.' }
      }
    },
    deploy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        target: { type: 'string', enum: ['local', 'server', 'kserve'], default: 'local' },
        server: { type: 'string', format: 'uri', description: 'URL of a running mlci server (target server).' },
        steps: {
          type: 'array',
          items: { type: 'integer', minimum: 1, maximum: 100 },
          minItems: 1,
          default: [...DEFAULT_CANARY_STEPS],
          description: 'Canary traffic percentages, increasing.'
        },
        interval: {
          ...duration,
          description:
            'Analysis interval per step. Default: long enough for the canary to answer min_requests at the replay rate (or the rate of production traffic measured before the first step).'
        },
        failure_limit: {
          type: 'integer',
          minimum: 0,
          default: DEFAULT_FAILURE_LIMIT,
          description:
            'Consecutive failed analyses tolerated before rolling back (a failed analysis is retried at the same step).'
        },
        replay: { type: 'string', description: 'Request file replayed at each step (e.g. the test set).' },
        rate: { type: 'number', exclusiveMinimum: 0, description: 'Replay rate in requests per second.' },
        analysis: {
          type: 'object',
          additionalProperties: false,
          description:
            'Canary analysis: each metric fails only when a one-sided test is significant at alpha and the effect passes its limit (docs/serving.md).',
          properties: {
            alpha: {
              type: 'number',
              exclusiveMinimum: 0,
              maximum: 0.5,
              default: DEFAULT_CANARY_ANALYSIS.alpha,
              description:
                'Significance level of each test: the chance that one analysis of a candidate as good as stable fails.'
            },
            max_error_rate: {
              type: 'number',
              minimum: 0,
              maximum: 1,
              default: DEFAULT_CANARY_ANALYSIS.maxErrorRate,
              description: "Largest excess of the canary's error rate over stable's (Fisher's exact test)."
            },
            max_p99_ratio: {
              type: 'number',
              exclusiveMinimum: 0,
              default: DEFAULT_CANARY_ANALYSIS.maxP99Ratio,
              description:
                "Limit on the canary's p99 (stable p99 + the shift of the median) as a multiple of stable p99 (Mann–Whitney U test)."
            },
            p99_slack_ms: {
              type: 'number',
              minimum: 0,
              default: DEFAULT_CANARY_ANALYSIS.p99SlackMs,
              description: 'The p99 limit is at least stable p99 + this many ms.'
            },
            max_divergence: {
              type: 'number',
              minimum: 0,
              maximum: 1,
              default: DEFAULT_CANARY_ANALYSIS.maxDivergence,
              description:
                'Largest prediction change: paired (shadow) mean |change of the score|, else Kolmogorov–Smirnov distance.'
            },
            min_requests: {
              type: 'integer',
              minimum: 0,
              default: DEFAULT_CANARY_ANALYSIS.minRequests,
              description: 'Canary requests an analysis needs before the error and divergence tests can pass.'
            }
          }
        },
        kserve: {
          type: 'object',
          additionalProperties: false,
          properties: {
            namespace: { type: 'string' },
            storage_uri: { type: 'string' },
            runtime: { type: 'string' },
            onnxruntime: {
              type: 'string',
              pattern: '^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$',
              description: 'ONNX Runtime version of the serving runtime image (e.g. 1.16.3): the candidate is checked against it before the first apply.'
            }
          }
        },
        load_test: loadTest
      }
    },
    monitor: {
      type: 'object',
      additionalProperties: false,
      properties: {
        log: { type: 'string', description: 'Prediction log written by mlci serve.' },
        data: { type: 'string', description: 'A batch of production data (instead of the log).' },
        labels: { type: 'string', description: 'Delayed labels joined to predictions by id.' },
        label: {
          type: 'string',
          description: 'Label column of the labels file or of the batch data (default: model.label).'
        },
        id_column: {
          type: 'string',
          default: 'request_id',
          description: 'Column of the labels file holding the request id of a logged prediction.'
        },
        since: {
          type: 'string',
          description: 'Window of logged rows: a duration back from now (24h, 7d, 90m) or an ISO time.'
        },
        min_rows: {
          type: 'integer',
          minimum: 1,
          default: 100,
          description: 'Fewer rows (or labelled rows) than this: verdict insufficient_data, nothing is triggered.'
        },
        drift_share: { type: 'number', minimum: 0, maximum: 1, default: DEFAULT_DRIFT_SHARE },
        max_metric_drop: gates,
        trigger: {
          type: 'object',
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: ['workflow_dispatch', 'repository_dispatch', 'none'] },
            workflow: { type: 'string', description: 'Workflow file of retraining (workflow_dispatch).' },
            ref: { type: 'string', default: 'main' },
            event_type: { type: 'string', default: 'mlci-retrain' }
          }
        }
      }
    }
  }
};

const json = JSON.stringify(schema, null, 2);
writeFileSync(new URL('../schema/mlci.schema.json', import.meta.url), json + '\n');

// Validators compiled at build time: compiling a schema with Ajv at start-up costs ~60 ms.
const { Ajv2020 } = await import('ajv/dist/2020.js');
const { Ajv } = await import('ajv');
const standaloneCode = (await import('ajv/dist/standalone/index.js')).default.default;
const addFormats = (await import('ajv-formats')).default.default;

/** Writes Ajv standalone code for `schemaValue` (or a compiled validator) to `target` (.js and .d.ts), described by `what`. */
function writeValidator(ajv, schemaValue, target, what, source) {
  // Ajv's "esm" output still calls require() for its runtime helpers: turn those into imports.
  const modules = [];
  const compiled = typeof schemaValue === 'function' ? schemaValue : ajv.compile(schemaValue);
  const validatorSource = standaloneCode(ajv, compiled).replace(/require\("([^"]+)"\)/g, (_, name) => {
    if (!modules.includes(name)) modules.push(name);
    return `__mlciImport${modules.indexOf(name)}`;
  });
  const imports = modules.map((name, i) => `import __mlciImport${i} from '${name}.js';`).join('\n');
  writeFileSync(
    new URL(`../${target}.js`, import.meta.url),
    `// Generated by scripts/schema-src.mjs (Ajv standalone code for ${source}). Do not edit.\n${imports}\n${validatorSource}\n`
  );
  writeFileSync(
    new URL(`../${target}.d.ts`, import.meta.url),
    `// Generated by scripts/schema-src.mjs. Do not edit.\nimport type { ValidateFunction } from 'ajv';\n/** Validates ${what} against ${source} (errors in validate.errors). */\nexport declare const validate: ValidateFunction;\nexport default validate;\n`
  );
}

const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, code: { source: true, esm: true } });
addFormats(ajv);
writeValidator(ajv, schema, 'src/config/validate.generated', 'a parsed mlci.yml', 'schema/mlci.schema.json');
// One metric's gate on its own, for `--gate metric:kind=value` flags: the bounds of mlci.yml's gates hold for flags too.
writeValidator(ajv, gate, 'src/config/validate-gate.generated', "one metric's gate", "schema/mlci.schema.json's gate");

const kserveSchemaFile = 'deploy/kserve/inferenceservice.schema.json';
const kserveSchema = JSON.parse(readFileSync(new URL(`../${kserveSchemaFile}`, import.meta.url), 'utf8'));
writeValidator(
  new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true } }),
  kserveSchema,
  'src/deploy/inferenceservice.generated',
  'a rendered InferenceService',
  kserveSchemaFile
);

// The draft 2020-12 meta-schema: a data schema (--schema) is checked against it without compiling
// Ajv's meta-schemas at start-up, ≈ 65 ms of every validate-data run (src/data/schema.ts).
const metaAjv = new Ajv2020({ strict: false, code: { source: true, esm: true } });
writeValidator(
  metaAjv,
  metaAjv.getSchema('https://json-schema.org/draft/2020-12/schema'),
  'src/data/json-schema.generated',
  'a data schema',
  'the JSON Schema draft 2020-12 meta-schema'
);
