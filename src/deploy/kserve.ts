import { spawn } from 'node:child_process';
import { stringify } from 'yaml';
import { CheckFailedError, InputError } from '../core/errors.js';
import { MODEL_ASSET } from '../registry/record.js';
import type { ServerState, StatsWindow } from '../serve/server.js';
import { VariantStats, type ScoreKind } from '../serve/stats.js';
import type { CanaryTarget } from './target.js';
import type { PacedResult } from './traffic.js';
import validateInferenceService from './inferenceservice.generated.js';

/** The annotation mlci writes on the InferenceService: the ONNX Runtime version of its serving runtime. */
export const ONNXRUNTIME_ANNOTATION = 'mlci.dev/onnxruntime-version';

/** The registry spec of the GitHub Releases backend (`--registry github`). */
const GITHUB_REGISTRY = 'github';

/**
 * The storageUri template of a version when none is configured: the release asset of the GitHub
 * registry (`<server>/<owner>/<repo>/releases/download/<name>@v<N>/model.onnx`, fetched anonymously
 * by KServe's storage initializer; private repositories need the credentials of
 * deploy/kserve/README.md). A local registry has no URL a cluster can reach: that is an error
 * naming the settings that give one.
 */
export function registryStorageUri(
  registrySpec: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): string {
  if (registrySpec !== GITHUB_REGISTRY) {
    throw new InputError(
      `target kserve: the local registry ${registrySpec ?? '.mlci/registry'} has no URL a cluster can fetch the model from; ` +
        'register to GitHub (--registry github) or set --kserve-storage-uri (deploy.kserve.storage_uri) to where the model is, ' +
        'e.g. s3://models/{name}/v{version} or a modelcar image oci://ghcr.io/acme/models/{name}:v{version}'
    );
  }
  const [owner, repo, extra] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo || extra !== undefined)
    throw new InputError(
      `target kserve with --registry github needs GITHUB_REPOSITORY=owner/repo for the release asset URL (got "${env.GITHUB_REPOSITORY ?? ''}")`
    );
  let server = env.GITHUB_SERVER_URL || 'https://github.com';
  while (server.endsWith('/')) server = server.slice(0, -1);
  return `${server}/${owner}/${repo}/releases/download/{name}%40v{version}/${MODEL_ASSET}`;
}

/** An OCI reference as KServe's modelcars take it: oci://registry[:port]/repository[:tag|@sha256:digest]. */
const OCI_REFERENCE =
  /^oci:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})?$/;

/** Settings of the KServe target (mlci.yml `deploy.kserve`). */
export interface KServeOptions {
  namespace?: string;
  /**
   * Where versions live, with `{name}` and `{version}` placeholders, e.g. `s3://models/{name}/v{version}`
   * or a modelcar `oci://ghcr.io/acme/models/{name}:v{version}`; default registryStorageUri.
   */
  storageUri: string;
  /** ServingRuntime to pin (else KServe picks one supporting ONNX). */
  runtime?: string;
  /**
   * The ONNX Runtime version the serving runtime's image runs (e.g. 1.16.3): written to the manifest
   * as an annotation, and the candidate's opsets are checked against it before the first apply.
   */
  onnxruntime?: string;
  /** InferenceService name (default the model name). */
  service?: string;
  /** Base URL of the InferenceService (ingress) for replayed traffic. */
  url?: string;
  /** The kubectl binary (default kubectl). */
  kubectl?: string;
  /** Seconds to wait for the InferenceService to become Ready after each apply (default 300). */
  readyTimeoutSeconds?: number;
  /** Only write the manifests (to stdout or a directory), never call kubectl. */
  dryRun?: boolean;
  /** Receives each rendered manifest (for --dry-run output and tests). */
  onManifest?: (yaml: string, step: string) => void;
}

/** The InferenceService fields mlci sets (serving.kserve.io/v1beta1). */
export interface InferenceService {
  apiVersion: 'serving.kserve.io/v1beta1';
  kind: 'InferenceService';
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  spec: {
    predictor: {
      canaryTrafficPercent?: number;
      model: {
        modelFormat: { name: 'onnx' };
        protocolVersion: 'v2';
        runtime?: string;
        storageUri: string;
      };
    };
  };
}

/**
 * Renders the InferenceService for one version. With `canaryTrafficPercent`, KServe splits traffic
 * between the last rolled-out revision and this one; without it, this revision gets all traffic.
 */
export function renderInferenceService(options: {
  model: string;
  version: number;
  storageUri: string;
  namespace?: string;
  service?: string;
  runtime?: string;
  onnxruntime?: string;
  canaryTrafficPercent?: number;
}): InferenceService {
  const name = options.service ?? options.model;
  if (!/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) {
    throw new InputError(
      `"${name}" is not a valid InferenceService name (lower-case letters, digits and -, at most 63); set deploy.kserve.service`
    );
  }
  const storageUri = options.storageUri
    .replaceAll('{name}', options.model)
    .replaceAll('{version}', String(options.version));
  if (storageUri.startsWith('oci://') && !OCI_REFERENCE.test(storageUri))
    throw new InputError(
      `storageUri "${storageUri}" is not an OCI reference such as oci://ghcr.io/acme/models/churn:v4 (lower-case repository, tag of letters, digits, ".", "_", "-")`
    );
  const model: InferenceService['spec']['predictor']['model'] = {
    modelFormat: { name: 'onnx' },
    protocolVersion: 'v2',
    storageUri
  };
  if (options.runtime) model.runtime = options.runtime;
  const predictor: InferenceService['spec']['predictor'] = { model };
  if (options.canaryTrafficPercent !== undefined) {
    const p = options.canaryTrafficPercent;
    if (!Number.isInteger(p) || p < 0 || p > 100)
      throw new InputError(`canaryTrafficPercent must be 0..100, got ${p}`);
    predictor.canaryTrafficPercent = p;
  }
  return checkedInferenceService({
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      labels: {
        'app.kubernetes.io/managed-by': 'mlci',
        'mlci.dev/model': labelValue(options.model),
        'mlci.dev/version': `v${options.version}`
      },
      // Canary rollouts need KServe's serverless (Knative) mode.
      annotations: {
        'serving.kserve.io/deploymentMode': 'Serverless',
        ...(options.onnxruntime ? { [ONNXRUNTIME_ANNOTATION]: options.onnxruntime } : {})
      }
    },
    spec: { predictor }
  });
}

/** Refuses a manifest KServe's schema would refuse (a dry run of the API server's validation, before any apply). */
function checkedInferenceService(service: InferenceService): InferenceService {
  const name = service.metadata.name;
  if (!validateInferenceService(service)) {
    const problems = (validateInferenceService.errors ?? [])
      .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is not valid'}`)
      .join('; ');
    throw new InputError(
      `the InferenceService for ${name} does not match KServe's schema (deploy/kserve/inferenceservice.schema.json): ${problems}`
    );
  }
  return service;
}

/** The manifest as YAML. */
export function manifestYaml(service: InferenceService): string {
  return stringify(service, { lineWidth: 0 });
}

/** Runs a command with stdin and returns stdout; throws with stderr on failure. */
export type CommandRunner = (command: string, args: string[], input?: string) => Promise<string>;

const runCommand: CommandRunner = (command, args, input) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (error) => reject(new InputError(`cannot run ${command}: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new CheckFailedError(
            `${command} ${args.join(' ')} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`
          )
        );
    });
    child.stdin.end(input ?? '');
  });

/**
 * KServe as a canary target: each step applies the InferenceService with `canaryTrafficPercent`
 * through kubectl and waits until it is Ready. KServe does not say which revision answered a
 * request, so the analysis measures replayed traffic on the client side: the mixed traffic of a
 * step against stable alone before the rollout (effects are diluted by the step's weight).
 */
export class KServeTarget implements CanaryTarget {
  readonly description: string;
  readonly inferUrl: string;
  // Only the mixed traffic of a step is measured: stable before the rollout, under the same replay, is its reference.
  readonly latencyAgainstBaseline = true;
  private canary: { version: number; weight: number } | null = null;
  private window: VariantStats;
  private kind: ScoreKind = 'probability';

  constructor(
    private readonly model: string,
    private readonly stableVersion: number,
    private readonly options: KServeOptions,
    private readonly run: CommandRunner = runCommand
  ) {
    const service = options.service ?? model;
    this.description = `KServe InferenceService ${options.namespace ?? 'default'}/${service}`;
    this.inferUrl = options.url
      ? new URL(`/v2/models/${encodeURIComponent(service)}/infer`, options.url).toString()
      : '';
    this.window = new VariantStats(stableVersion, this.kind);
  }

  async state(): Promise<ServerState> {
    return {
      model: this.model,
      stable: { version: this.stableVersion, sha256: '' },
      canary: this.canary ? { version: this.canary.version, sha256: '', weight: this.canary.weight } : null,
      shadow: false,
      draining: false
    };
  }

  async setCanary(version: number, weight: number): Promise<void> {
    this.canary = { version, weight };
    // Weight 0 is the baseline: stable as it runs, nothing to apply.
    if (weight > 0) await this.apply(version, weight, `canary-${weight}`);
  }

  async resetStats(): Promise<void> {
    this.window = new VariantStats(
      this.canary && this.canary.weight > 0 ? this.canary.version : this.stableVersion,
      this.kind
    );
  }

  async stats(): Promise<StatsWindow> {
    const snapshot = this.window.snapshot();
    const empty = new VariantStats(this.stableVersion, this.kind).snapshot();
    const mixed = this.canary !== null && this.canary.weight > 0;
    return { since: '', stable: mixed ? empty : snapshot, canary: mixed ? snapshot : null, shadow: false };
  }

  async promote(): Promise<void> {
    if (!this.canary) return;
    await this.apply(this.canary.version, undefined, 'promote');
    this.canary = null;
  }

  async rollback(): Promise<void> {
    await this.apply(this.stableVersion, undefined, 'rollback');
    this.canary = null;
  }

  async features(): Promise<string[] | null> {
    return null;
  }

  observe(result: PacedResult): void {
    const ok = result.status >= 200 && result.status < 300;
    const score = ok ? scoreOf(result.body) : null;
    if (score) this.kind = score.kind;
    this.window.record(result.latencyMs, ok && score !== null, score ? [score.value] : undefined);
  }

  private async apply(
    version: number,
    canaryTrafficPercent: number | undefined,
    step: string
  ): Promise<void> {
    const manifest = renderInferenceService({
      model: this.model,
      version,
      storageUri: this.options.storageUri,
      namespace: this.options.namespace,
      service: this.options.service,
      runtime: this.options.runtime,
      onnxruntime: this.options.onnxruntime,
      canaryTrafficPercent
    });
    const yaml = manifestYaml(manifest);
    this.options.onManifest?.(yaml, step);
    if (this.options.dryRun) return;
    const kubectl = this.options.kubectl ?? 'kubectl';
    const ns = ['--namespace', manifest.metadata.namespace];
    await this.run(kubectl, ['apply', ...ns, '-f', '-'], yaml);
    await this.run(kubectl, [
      'wait',
      ...ns,
      '--for=condition=Ready',
      `inferenceservice/${manifest.metadata.name}`,
      `--timeout=${this.options.readyTimeoutSeconds ?? 300}s`
    ]);
  }
}

/** The score of a one-row Open Inference Protocol answer: p1 of a binary classifier, class index, or value. */
function scoreOf(body: string): { kind: ScoreKind; value: number } | null {
  try {
    const answer = JSON.parse(body) as { outputs?: { name: string; shape: number[]; data: number[] }[] };
    const outputs = answer.outputs ?? [];
    const probabilities =
      outputs.find((o) => o.name === 'probabilities') ??
      outputs.find((o) => o.shape?.length === 2 && o.shape[1] >= 2);
    if (probabilities) {
      const width = probabilities.shape[1];
      if (width === 2) return { kind: 'probability', value: probabilities.data[1] };
      let best = 0;
      for (let c = 1; c < width; c++) if (probabilities.data[c] > probabilities.data[best]) best = c;
      return { kind: 'class', value: best };
    }
    const first = outputs[0];
    return first && typeof first.data?.[0] === 'number' ? { kind: 'value', value: first.data[0] } : null;
  } catch {
    return null;
  }
}

function labelValue(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 63);
}

/**
 * The manifests of a whole rollout without applying them: one per traffic step, the promotion,
 * and the rollback to `stableVersion` when there is one. File name → YAML.
 */
export function rolloutManifests(
  model: string,
  version: number,
  kserve: KServeOptions,
  steps: number[],
  stableVersion: number | null
): Record<string, string> {
  const manifests: Record<string, string> = {};
  for (const weight of steps) {
    manifests[`canary-${weight}.yaml`] = manifestYaml(
      renderInferenceService({ model, version, ...kserve, canaryTrafficPercent: weight })
    );
  }
  manifests['promote.yaml'] = manifestYaml(renderInferenceService({ model, version, ...kserve }));
  if (stableVersion !== null)
    manifests['rollback.yaml'] = manifestYaml(
      renderInferenceService({ model, version: stableVersion, ...kserve })
    );
  return manifests;
}
