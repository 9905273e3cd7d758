import { inflateRawSync } from 'node:zlib';
import type { ArtifactBaseline } from '../evaluation/baseline.js';
import type { MlciOctokit } from './octokit.js';

/** Where the baseline model artifact of the main branch lives. */
export interface BaselineArtifactQuery {
  octokit: MlciOctokit;
  owner: string;
  repo: string;
  /** Artifact name, e.g. `mlci-model`. */
  artifactName: string;
  /** The file inside the artifact; default the first `*.onnx`. */
  file?: string;
  /** Branch whose successful runs count; default `main`. */
  branch?: string;
  /** Workflow file (e.g. `ci.yml`) to restrict the runs to; default every workflow. */
  workflow?: string;
  /** Runs looked at before giving up (default 50). */
  maxRuns?: number;
}

interface Run {
  id: number;
  head_sha: string;
  html_url?: string;
}

interface Artifact {
  id: number;
  name: string;
  expired: boolean;
}

/**
 * Finds the baseline in the newest successful run of the branch that has an unexpired artifact
 * of that name, by listing runs and their artifacts directly (no git history needed: works on a
 * shallow checkout), and returns the model file from the artifact's zip.
 */
export async function findBaselineArtifact(query: BaselineArtifactQuery): Promise<ArtifactBaseline | null> {
  const { octokit, owner, repo } = query;
  const branch = query.branch ?? 'main';
  const maxRuns = query.maxRuns ?? 50;
  const base = { owner, repo, branch, status: 'success' as const, per_page: 100 };
  const pages = query.workflow
    ? octokit.paginate.iterator('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
        ...base,
        workflow_id: query.workflow
      })
    : octokit.paginate.iterator('GET /repos/{owner}/{repo}/actions/runs', base);
  let seen = 0;
  for await (const page of pages) {
    for (const run of page.data as unknown as Run[]) {
      if (++seen > maxRuns) return null;
      const entries = await downloadRunArtifact(octokit, owner, repo, run.id, query.artifactName);
      if (!entries) continue;
      const name = query.file ?? [...entries.keys()].find((n) => n.toLowerCase().endsWith('.onnx'));
      const bytes = name ? entries.get(name) : undefined;
      if (!bytes) continue;
      return {
        bytes,
        ref: `${query.artifactName}/${name} from run ${run.id} (${branch}@${run.head_sha.slice(0, 7)})`
      };
    }
  }
  return null;
}

/** Downloads the named artifact of one workflow run and returns its files; null when absent or expired. */
export async function downloadRunArtifact(
  octokit: MlciOctokit,
  owner: string,
  repo: string,
  runId: number,
  artifactName: string
): Promise<Map<string, Uint8Array> | null> {
  const res = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
    owner,
    repo,
    run_id: runId,
    name: artifactName,
    per_page: 100
  });
  const artifact = (res.data.artifacts as Artifact[]).find((a) => a.name === artifactName && !a.expired);
  if (!artifact) return null;
  const zip = await octokit.request(
    'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
    {
      owner,
      repo,
      artifact_id: artifact.id,
      archive_format: 'zip'
    }
  );
  return readZip(new Uint8Array(zip.data as ArrayBuffer));
}

/** Reads the files of a zip archive (stored or deflated entries), from its central directory. */
export function readZip(data: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const files = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
    const localName = view.getUint16(local + 26, true);
    const localExtra = view.getUint16(local + 28, true);
    const start = local + 30 + localName + localExtra;
    const raw = data.subarray(start, start + compressed);
    if (!name.endsWith('/')) {
      if (method === 0) files.set(name, raw.slice());
      else if (method === 8) files.set(name, new Uint8Array(inflateRawSync(raw)));
      else throw new Error(`zip entry ${name}: unsupported compression method ${method}`);
    }
    p += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
