// A real production setup for monitor tests: the churn example trained by its own trainer, its
// training statistics from validate-data, its metrics from evaluate, registered in a local registry
// as production, and prediction logs written by the real server answering real requests.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readReplayFile, rowBody } from '../../src/deploy/traffic.js';
import { evaluate } from '../../src/stages/evaluate.js';
import { validateData } from '../../src/stages/validate-data.js';
import { LocalRegistry } from '../../src/registry/local.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import { http } from '../serve/support.js';

export const EXAMPLE = resolve('examples/churn-node');
export const TRAIN = join(EXAMPLE, 'data/train.csv');
export const TEST = join(EXAMPLE, 'data/test.csv');
export const NEW_DATA = join(EXAMPLE, 'data/new-data.csv');
export const LABEL = 'churned';

/** The registered production model and where everything lives. */
export interface Production {
  dir: string;
  registryDir: string;
  registry: LocalRegistry;
  modelPath: string;
  metrics: Record<string, number | null>;
  cleanup: () => Promise<void>;
}

/** Trains the example, profiles its training data, evaluates it and registers it as churn@production (v1). */
export async function setUpProduction(): Promise<Production> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-monitor-'));
  const modelPath = join(dir, 'model.onnx');
  execFileSync(process.execPath, [join(EXAMPLE, 'train.mjs')], {
    env: { ...process.env, MLCI_MODEL_PATH: modelPath, MLCI_SEED: '42' },
    stdio: 'ignore'
  });
  await validateData({ data: TRAIN, label: LABEL, out: join(dir, 'train-validation') });
  const { evaluation } = await evaluate({
    model: modelPath,
    data: TEST,
    label: LABEL,
    task: 'binary',
    bootstrap: { resamples: 0 }
  });
  const registryDir = join(dir, 'registry');
  const registry = new LocalRegistry(registryDir);
  await registry.register({
    name: 'churn',
    model: new Uint8Array(await readFile(modelPath)),
    metrics: evaluation.candidate.metrics,
    verdict: 'pass',
    files: {
      'statistics.json': new Uint8Array(await readFile(join(dir, 'train-validation/statistics.json')))
    }
  });
  await registry.promote('churn', 1, 'production', 'test');
  return {
    dir,
    registryDir,
    registry,
    modelPath,
    metrics: evaluation.candidate.metrics,
    cleanup: () => rm(dir, { recursive: true, force: true })
  };
}

/** Options of one logging session of the server. */
export interface LogSession {
  /** Rows sent from this CSV (the label column is left out of the requests). */
  csv: string;
  /** Send only the first N rows. */
  limit?: number;
  /** Request ids are `${idPrefix}${row index}`; one row per request. */
  idPrefix: string;
  /** Rotate past this many bytes. */
  maxBytes?: number;
}

/**
 * Serves churn@production with a prediction log (every request logged), sends the rows of a CSV as
 * Open Inference Protocol requests with ids, and closes the server so the log is flushed.
 */
export async function logTraffic(
  production: Production,
  logPath: string,
  session: LogSession
): Promise<number> {
  const server = await ModelServer.start({
    model: { name: 'churn', alias: 'production' },
    source: registrySource(production.registry),
    port: 0,
    log: { path: logPath, sampleRate: 1, maxBytes: session.maxBytes, keep: 50, statsIntervalMs: 60_000 }
  });
  try {
    const { rows } = await readReplayFile(session.csv, [LABEL]);
    const sent = rows.slice(0, session.limit ?? rows.length);
    for (let start = 0; start < sent.length; start += 50) {
      const answers = await Promise.all(
        sent.slice(start, start + 50).map((row, k) =>
          http('POST', `${server.url}/v2/models/churn/infer`, {
            id: `${session.idPrefix}${start + k}`,
            ...(rowBody(row) as object)
          })
        )
      );
      for (const a of answers) if (a.status !== 200) throw new Error(`infer answered ${a.status}: ${a.body}`);
    }
    return sent.length;
  } finally {
    await server.close();
  }
}

/** Writes the labels of a CSV's first N rows as `request_id,churned` with the ids logTraffic used. */
export async function writeLabels(
  csv: string,
  path: string,
  idPrefix: string,
  limit?: number
): Promise<void> {
  const { rows } = await readReplayFile(csv);
  const lines = rows.slice(0, limit ?? rows.length).map((r, i) => `${idPrefix}${i},${r[LABEL]}`);
  await writeFile(path, `request_id,${LABEL}\n${lines.join('\n')}\n`);
}
