import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  VariantStats
} from "./chunk-D4WWN4FX.js";
import {
  MODEL_ASSET
} from "./chunk-O4FGEGHA.js";
import {
  require_dist
} from "./chunk-U7QWIZPG.js";
import {
  CheckFailedError,
  InputError
} from "./chunk-HRKM2MUG.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// src/deploy/kserve.ts
var import_yaml = __toESM(require_dist(), 1);
import { spawn } from "node:child_process";
var GITHUB_REGISTRY = "github";
function registryStorageUri(registrySpec, env = process.env) {
  if (registrySpec !== GITHUB_REGISTRY) {
    throw new InputError(
      `target kserve: the local registry ${registrySpec ?? ".mlci/registry"} has no URL a cluster can fetch the model from; register to GitHub (--registry github) or set --kserve-storage-uri (deploy.kserve.storage_uri) to where the model is, e.g. s3://models/{name}/v{version} or a modelcar image oci://ghcr.io/acme/models/{name}:v{version}`
    );
  }
  const [owner, repo, extra] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || extra !== void 0)
    throw new InputError(
      `target kserve with --registry github needs GITHUB_REPOSITORY=owner/repo for the release asset URL (got "${env.GITHUB_REPOSITORY ?? ""}")`
    );
  let server = env.GITHUB_SERVER_URL || "https://github.com";
  while (server.endsWith("/")) server = server.slice(0, -1);
  return `${server}/${owner}/${repo}/releases/download/{name}%40v{version}/${MODEL_ASSET}`;
}
var OCI_REFERENCE = /^oci:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})?$/;
function renderInferenceService(options) {
  const name = options.service ?? options.model;
  if (!/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) {
    throw new InputError(
      `"${name}" is not a valid InferenceService name (lower-case letters, digits and -, at most 63); set deploy.kserve.service`
    );
  }
  const storageUri = options.storageUri.replaceAll("{name}", options.model).replaceAll("{version}", String(options.version));
  if (storageUri.startsWith("oci://") && !OCI_REFERENCE.test(storageUri))
    throw new InputError(
      `storageUri "${storageUri}" is not an OCI reference such as oci://ghcr.io/acme/models/churn:v4 (lower-case repository, tag of letters, digits, ".", "_", "-")`
    );
  const model = {
    modelFormat: { name: "onnx" },
    protocolVersion: "v2",
    storageUri
  };
  if (options.runtime) model.runtime = options.runtime;
  const predictor = { model };
  if (options.canaryTrafficPercent !== void 0) {
    const p = options.canaryTrafficPercent;
    if (!Number.isInteger(p) || p < 0 || p > 100)
      throw new InputError(`canaryTrafficPercent must be 0..100, got ${p}`);
    predictor.canaryTrafficPercent = p;
  }
  return {
    apiVersion: "serving.kserve.io/v1beta1",
    kind: "InferenceService",
    metadata: {
      name,
      namespace: options.namespace ?? "default",
      labels: {
        "app.kubernetes.io/managed-by": "mlci",
        "mlci.dev/model": labelValue(options.model),
        "mlci.dev/version": `v${options.version}`
      },
      // Canary rollouts need KServe's serverless (Knative) mode.
      annotations: { "serving.kserve.io/deploymentMode": "Serverless" }
    },
    spec: { predictor }
  };
}
function manifestYaml(service) {
  return (0, import_yaml.stringify)(service, { lineWidth: 0 });
}
var runCommand = (command, args, input) => new Promise((resolve, reject) => {
  const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
  const out = [];
  const err = [];
  child.stdout.on("data", (c) => out.push(c));
  child.stderr.on("data", (c) => err.push(c));
  child.on("error", (error) => reject(new InputError(`cannot run ${command}: ${error.message}`)));
  child.on("close", (code) => {
    if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
    else
      reject(
        new CheckFailedError(
          `${command} ${args.join(" ")} failed (exit ${code}): ${Buffer.concat(err).toString("utf8").trim()}`
        )
      );
  });
  child.stdin.end(input ?? "");
});
var KServeTarget = class {
  constructor(model, stableVersion, options, run = runCommand) {
    this.model = model;
    this.stableVersion = stableVersion;
    this.options = options;
    this.run = run;
    const service = options.service ?? model;
    this.description = `KServe InferenceService ${options.namespace ?? "default"}/${service}`;
    this.inferUrl = options.url ? new URL(`/v2/models/${encodeURIComponent(service)}/infer`, options.url).toString() : "";
    this.window = new VariantStats(stableVersion, this.kind);
  }
  model;
  stableVersion;
  options;
  run;
  description;
  inferUrl;
  canary = null;
  window;
  kind = "probability";
  async state() {
    return {
      model: this.model,
      stable: { version: this.stableVersion, sha256: "" },
      canary: this.canary ? { version: this.canary.version, sha256: "", weight: this.canary.weight } : null,
      shadow: false,
      draining: false
    };
  }
  async setCanary(version, weight) {
    this.canary = { version, weight };
    if (weight > 0) await this.apply(version, weight, `canary-${weight}`);
  }
  async resetStats() {
    this.window = new VariantStats(
      this.canary && this.canary.weight > 0 ? this.canary.version : this.stableVersion,
      this.kind
    );
  }
  async stats() {
    const snapshot = this.window.snapshot();
    const empty = new VariantStats(this.stableVersion, this.kind).snapshot();
    const mixed = this.canary !== null && this.canary.weight > 0;
    return { since: "", stable: mixed ? empty : snapshot, canary: mixed ? snapshot : null, shadow: false };
  }
  async promote() {
    if (!this.canary) return;
    await this.apply(this.canary.version, void 0, "promote");
    this.canary = null;
  }
  async rollback() {
    await this.apply(this.stableVersion, void 0, "rollback");
    this.canary = null;
  }
  async features() {
    return null;
  }
  observe(result) {
    const ok = result.status >= 200 && result.status < 300;
    const score = ok ? scoreOf(result.body) : null;
    if (score) this.kind = score.kind;
    this.window.record(result.latencyMs, ok && score !== null, score ? [score.value] : void 0);
  }
  async apply(version, canaryTrafficPercent, step) {
    const manifest = renderInferenceService({
      model: this.model,
      version,
      storageUri: this.options.storageUri,
      namespace: this.options.namespace,
      service: this.options.service,
      runtime: this.options.runtime,
      canaryTrafficPercent
    });
    const yaml = manifestYaml(manifest);
    this.options.onManifest?.(yaml, step);
    if (this.options.dryRun) return;
    const kubectl = this.options.kubectl ?? "kubectl";
    const ns = ["--namespace", manifest.metadata.namespace];
    await this.run(kubectl, ["apply", ...ns, "-f", "-"], yaml);
    await this.run(kubectl, [
      "wait",
      ...ns,
      "--for=condition=Ready",
      `inferenceservice/${manifest.metadata.name}`,
      `--timeout=${this.options.readyTimeoutSeconds ?? 300}s`
    ]);
  }
};
function scoreOf(body) {
  try {
    const answer = JSON.parse(body);
    const outputs = answer.outputs ?? [];
    const probabilities = outputs.find((o) => o.name === "probabilities") ?? outputs.find((o) => o.shape?.length === 2 && o.shape[1] >= 2);
    if (probabilities) {
      const width = probabilities.shape[1];
      if (width === 2) return { kind: "probability", value: probabilities.data[1] };
      let best = 0;
      for (let c = 1; c < width; c++) if (probabilities.data[c] > probabilities.data[best]) best = c;
      return { kind: "class", value: best };
    }
    const first = outputs[0];
    return first && typeof first.data?.[0] === "number" ? { kind: "value", value: first.data[0] } : null;
  } catch {
    return null;
  }
}
function labelValue(text) {
  return text.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 63);
}
function rolloutManifests(model, version, kserve, steps, stableVersion) {
  const manifests = {};
  for (const weight of steps) {
    manifests[`canary-${weight}.yaml`] = manifestYaml(
      renderInferenceService({ model, version, ...kserve, canaryTrafficPercent: weight })
    );
  }
  manifests["promote.yaml"] = manifestYaml(renderInferenceService({ model, version, ...kserve }));
  if (stableVersion !== null)
    manifests["rollback.yaml"] = manifestYaml(
      renderInferenceService({ model, version: stableVersion, ...kserve })
    );
  return manifests;
}

export {
  registryStorageUri,
  renderInferenceService,
  manifestYaml,
  KServeTarget,
  rolloutManifests
};
