import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { pacedLoad } from '../../src/deploy/traffic.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource, type ModelSource } from '../../src/serve/source.js';
import type { LocalRegistry } from '../../src/registry/local.js';
import { binaryModel, FEATURES, http, makeRegistry, row, STABLE_WEIGHTS, v2Body } from './support.js';

const TOKEN = 'correct-horse';
let server: ModelServer;
let registry: LocalRegistry;
let dir: string;
let cleanup: () => Promise<void>;

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** p(positive) of the stable model computed by hand. */
function expectedP1(r: Record<string, number>): number {
  return sigmoid(FEATURES.reduce((sum, f, j) => sum + r[f] * STABLE_WEIGHTS[j][0], 0.1));
}

beforeAll(async () => {
  const made = await makeRegistry([
    binaryModel(
      STABLE_WEIGHTS.map(([w]) => [w * 1.02]),
      0.1
    )
  ]);
  ({ registry, dir, cleanup } = made);
  server = await ModelServer.start({
    model: { name: 'churn', alias: 'production' },
    source: registrySource(registry),
    port: 0,
    adminToken: TOKEN,
    maxBodyBytes: 64 * 1024,
    log: {
      path: join(dir, 'logs', 'predictions.jsonl'),
      sampleRate: 1,
      maxBytes: 4096,
      keep: 2,
      statsIntervalMs: 60_000
    }
  });
});

afterAll(async () => {
  await server.close();
  await cleanup();
});

afterEach(() => server.rollback());

describe('Open Inference Protocol', () => {
  test('health, server and model metadata', async () => {
    expect((await http('GET', `${server.url}/v2/health/live`)).status).toBe(200);
    expect((await http('GET', `${server.url}/v2/health/ready`)).json()).toEqual({ ready: true });
    const meta = (await http('GET', `${server.url}/v2/models/churn`)).json() as {
      name: string;
      versions: string[];
      inputs: unknown[];
      outputs: unknown[];
      parameters: { feature_names: string[] };
    };
    expect(meta.name).toBe('churn');
    expect(meta.versions).toEqual(['1']);
    expect(meta.inputs).toEqual([{ name: 'input', datatype: 'FP32', shape: [-1, 10] }]);
    expect(meta.outputs).toEqual([{ name: 'probabilities', datatype: 'FP32', shape: [-1, 2] }]);
    expect(meta.parameters.feature_names).toEqual(FEATURES);
    expect((await http('GET', `${server.url}/v2/models/churn/ready`)).json()).toEqual({
      name: 'churn',
      ready: true
    });
  });

  test('infer with one input per column returns the model probabilities and labels', async () => {
    const rows = [row(1), row(2), row(3)];
    const answer = await http('POST', `${server.url}/v2/models/churn/infer`, {
      id: 'req-1',
      ...(v2Body(rows) as object)
    });
    expect(answer.status).toBe(200);
    const body = answer.json() as {
      id: string;
      model_version: string;
      outputs: { name: string; shape: number[]; data: number[] }[];
    };
    expect(body.id).toBe('req-1');
    expect(body.model_version).toBe('1');
    const [probabilities, label] = body.outputs;
    expect(probabilities.shape).toEqual([3, 2]);
    rows.forEach((r, i) => {
      expect(probabilities.data[i * 2 + 1]).toBeCloseTo(expectedP1(r), 5);
      expect(label.data[i]).toBe(expectedP1(r) > 0.5 ? 1 : 0);
    });
  });

  test('infer with the 2-D tensor, nested data, gives the same answer', async () => {
    const rows = [row(4), row(5)];
    const answer = await http('POST', `${server.url}/v2/models/churn/infer`, {
      inputs: [
        { name: 'input', shape: [2, 10], datatype: 'FP32', data: rows.map((r) => FEATURES.map((f) => r[f])) }
      ]
    });
    const body = answer.json() as { outputs: { data: number[] }[] };
    expect(body.outputs[0].data[1]).toBeCloseTo(expectedP1(rows[0]), 5);
    expect(body.outputs[0].data[3]).toBeCloseTo(expectedP1(rows[1]), 5);
  });

  test('plain JSON rows on /v1/models/{name}:predict', async () => {
    const answer = await http('POST', `${server.url}/v1/models/churn:predict`, {
      instances: [row(6), FEATURES.map((f) => row(7)[f])]
    });
    expect(answer.status).toBe(200);
    const body = answer.json() as { predictions: number[]; probabilities: number[][] };
    expect(body.probabilities[0][1]).toBeCloseTo(expectedP1(row(6)), 5);
    expect(body.probabilities[1][1]).toBeCloseTo(expectedP1(row(7)), 5);
    expect(body.predictions).toEqual([row(6), row(7)].map((r) => (expectedP1(r) > 0.5 ? 1 : 0)));
  });

  test('a missing number is null on both endpoints and reaches the model as NaN', async () => {
    const missing = { ...row(8), [FEATURES[0]]: null };
    const rows = await http('POST', `${server.url}/v1/models/churn:predict`, { instances: [missing] });
    expect(rows.status).toBe(200);
    const v2 = await http('POST', `${server.url}/v2/models/churn/infer`, {
      inputs: [{ name: 'input', shape: [1, 10], datatype: 'FP32', data: FEATURES.map((f) => missing[f]) }]
    });
    expect(v2.status).toBe(200);
    const p = (rows.json() as { probabilities: (number | null)[][] }).probabilities[0];
    const q = (v2.json() as { outputs: { data: (number | null)[] }[] }).outputs[0].data;
    expect(p).toEqual(q);
    // This model cannot use a missing value: no probabilities and no label, not class 0's label.
    expect(p).toEqual([null, null]);
    expect((rows.json() as { predictions: unknown[] }).predictions).toEqual([null]);
    expect((v2.json() as { outputs: { data: unknown[] }[] }).outputs[1].data).toEqual([null]);
    const bad = await http('POST', `${server.url}/v1/models/churn:predict`, {
      instances: [{ ...row(8), [FEATURES[0]]: true }]
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain(
      `instances[0].${FEATURES[0]}: expected a number, a string or null, got boolean`
    );
  });
});

test('every spelling of the infer path reaches the model, and in-flight requests are counted down', async () => {
  const body = v2Body([row(2)]);
  type Answer = { outputs: { data: number[] }[] };
  const direct = (await http('POST', `${server.url}/v2/models/churn/infer`, body)).json() as Answer;
  const version = server.state().stable.version;
  for (const path of [
    '/v2/models/churn/infer?trace=1',
    '/v2/models/%63hurn/infer',
    `/v2/models/churn/versions/${version}/infer`
  ]) {
    const answer = await http('POST', `${server.url}${path}`, body);
    expect(answer.status).toBe(200);
    expect((answer.json() as Answer).outputs[0].data).toEqual(direct.outputs[0].data);
  }
  expect((await http('GET', `${server.url}/v2/models/churn/infer`)).status).toBe(404);
  // Only the scrape itself is in flight.
  const metrics = await http('GET', `${server.url}/metrics`);
  expect(metrics.body).toMatch(/^mlci_inflight_requests 1$/m);
});

describe('malformed requests get a 4xx with {error} and the server stays up', () => {
  const infer = () => `${server.url}/v2/models/churn/infer`;
  const cases: [string, () => Promise<{ status: number; json: () => unknown }>, number, RegExp][] = [
    ['bad JSON', () => http('POST', infer(), '{"inputs": ['), 400, /malformed JSON/],
    ['empty body', () => http('POST', infer(), ''), 400, /empty request body/],
    ['no inputs', () => http('POST', infer(), { foo: 1 }), 400, /"inputs"/],
    [
      'wrong shape',
      () =>
        http('POST', infer(), {
          inputs: [{ name: 'input', shape: [1, 9], datatype: 'FP32', data: new Array(9).fill(0) }]
        }),
      400,
      /expected \[N, 10\]/
    ],
    [
      'data length does not match the shape',
      () =>
        http('POST', infer(), {
          inputs: [{ name: 'input', shape: [2, 10], datatype: 'FP32', data: new Array(10).fill(0) }]
        }),
      400,
      /needs 20 values, got 10/
    ],
    [
      'wrong dtype',
      () =>
        http('POST', infer(), {
          inputs: [{ name: 'input', shape: [1, 10], datatype: 'BYTES', data: new Array(10).fill('x') }]
        }),
      400,
      /datatype "BYTES", expected FP32/
    ],
    [
      'strings in FP32 data',
      () =>
        http('POST', infer(), {
          inputs: FEATURES.map((f) => ({
            name: f,
            shape: [1],
            datatype: 'FP32',
            data: [f === 'f3' ? 'oops' : 1]
          }))
        }),
      400,
      /f3.*FP32 data must be numbers/
    ],
    [
      'missing column',
      () => http('POST', infer(), { inputs: [{ name: 'f0', shape: [1], datatype: 'FP32', data: [1] }] }),
      400,
      /missing input "f1"/
    ],
    [
      'an input given twice',
      () =>
        http('POST', infer(), {
          inputs: [
            { name: 'f0', shape: [1], datatype: 'FP32', data: [1] },
            { name: 'f0', shape: [1], datatype: 'FP32', data: [2] }
          ]
        }),
      400,
      /input "f0" is given twice/
    ],
    [
      'unknown column',
      () => http('POST', infer(), { inputs: [{ name: 'nope', shape: [1], datatype: 'FP32', data: [1] }] }),
      400,
      /unknown input "nope"/
    ],
    [
      'unknown model',
      () => http('POST', `${server.url}/v2/models/other/infer`, v2Body([row(1)])),
      404,
      /model "other" not found/
    ],
    [
      'unknown version',
      () => http('POST', `${server.url}/v2/models/churn/versions/9/infer`, v2Body([row(1)])),
      404,
      /version 9 is not loaded/
    ],
    ['unknown route', () => http('GET', `${server.url}/v3/anything`), 404, /no route/],
    [
      'oversized body',
      () =>
        http('POST', infer(), {
          inputs: [
            { name: 'input', shape: [4000, 10], datatype: 'FP32', data: new Array(40000).fill(0.123456) }
          ]
        }),
      413,
      /exceeds the limit of 65536/
    ]
  ];
  test.each(cases)('%s', async (_, send, status, message) => {
    const answer = await send();
    expect(answer.status).toBe(status);
    expect((answer.json() as { error: string }).error).toMatch(message);
    expect((await http('POST', infer(), v2Body([row(1)]))).status).toBe(200);
  });

  test('a body that streams past the limit without a content-length is cut off with 413', async () => {
    const url = new URL(server.url);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(
          'POST /v2/models/churn/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n'
        );
        const chunk = 'x'.repeat(16 * 1024);
        for (let i = 0; i < 6; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      });
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
      setTimeout(() => socket.destroy(), 3000);
    });
    expect(answer).toMatch(/^HTTP\/1.1 413/);
    expect((await http('GET', `${server.url}/v2/health/live`)).status).toBe(200);
  });
});

describe('admin API', () => {
  test('refuses a missing or wrong token and accepts the right one', async () => {
    const missing = await http('GET', `${server.url}/admin/state`);
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toMatch(/Bearer/);
    const wrong = await http(
      'POST',
      `${server.url}/admin/canary`,
      { version: 2, weight: 50 },
      { authorization: 'Bearer nope' }
    );
    expect(wrong.status).toBe(403);
    expect(server.state().canary).toBeNull();
    const right = await http('GET', `${server.url}/admin/state`, undefined, {
      authorization: `Bearer ${TOKEN}`
    });
    expect(right.status).toBe(200);
    expect(right.json()).toMatchObject({ model: 'churn', stable: { version: 1 }, canary: null });
  });

  test('a server without a token has the admin API disabled', async () => {
    const bare = await ModelServer.start({
      model: { name: 'churn', version: 1 },
      source: registrySource(registry),
      port: 0,
      processMetrics: false
    });
    try {
      const answer = await http('POST', `${bare.url}/admin/promote`, undefined, {
        authorization: 'Bearer anything'
      });
      expect(answer.status).toBe(403);
      expect((answer.json() as { error: string }).error).toMatch(/disabled/);
    } finally {
      await bare.close();
    }
  });

  test('canary weight routes the share of traffic, then promote and rollback', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const set = await http(
      'POST',
      `${server.url}/admin/canary`,
      { version: 'v2', weight: 30, shadow: true },
      auth
    );
    expect(set.json()).toMatchObject({
      stable: { version: 1 },
      canary: { version: 2, weight: 30 },
      shadow: true
    });
    const versions: string[] = [];
    for (let i = 0; i < 200; i++) {
      const answer = await http('POST', `${server.url}/v2/models/churn/infer`, v2Body([row(i)]));
      versions.push(String(answer.headers['mlci-model-version']));
    }
    const share = versions.filter((v) => v === '2').length / versions.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.42);
    const stats = (await http('GET', `${server.url}/admin/stats`, undefined, auth)).json() as {
      stable: { requests: number };
      canary: { requests: number; pairs: number[][] };
    };
    expect(stats.stable.requests + stats.canary.requests).toBe(200);
    // shadow mode: stable scored the canary's requests too, so pairs exist and differ by the 2 % weight change
    await new Promise((r) => setTimeout(r, 50));
    const pairs = ((await http('GET', `${server.url}/admin/stats`, undefined, auth)).json() as typeof stats)
      .canary.pairs;
    expect(pairs.length).toBe(stats.canary.requests);
    for (const [c, s] of pairs) expect(Math.abs(c - s)).toBeLessThan(0.05);

    const metrics = (await http('GET', `${server.url}/metrics`)).body;
    expect(metrics).toMatch(/mlci_canary_weight_percent\{model="churn"\} 30/);
    expect(metrics).toMatch(
      new RegExp(
        `mlci_requests_total\\{model="churn",version="v2",variant="canary",code="200"\\} ${stats.canary.requests}`
      )
    );
    expect(metrics).toMatch(
      /mlci_request_duration_seconds_bucket\{le="0.005",model="churn",version="v1",variant="stable"\}/
    );

    expect((await http('POST', `${server.url}/admin/rollback`, undefined, auth)).json()).toMatchObject({
      canary: null,
      stable: { version: 1 }
    });
    await http('POST', `${server.url}/admin/canary`, { version: 2, weight: 10 }, auth);
    expect((await http('POST', `${server.url}/admin/promote`, undefined, auth)).json()).toMatchObject({
      canary: null,
      stable: { version: 2 }
    });
    const after = await http('POST', `${server.url}/v2/models/churn/infer`, v2Body([row(1)]));
    expect(after.headers['mlci-model-version']).toBe('2');
    // restore v1 as stable
    await server.setCanary(1, 0);
    server.promote();
  });

  test('loading a version that is not in the registry answers 422 and keeps serving', async () => {
    const answer = await http(
      'POST',
      `${server.url}/admin/canary`,
      { version: 7, weight: 10 },
      { authorization: `Bearer ${TOKEN}` }
    );
    expect(answer.status).toBe(422);
    expect((answer.json() as { error: string }).error).toMatch(/v7/);
    expect(server.state().canary).toBeNull();
  });
});

test('no request fails while the canary is set, promoted and rolled back under load', async () => {
  const bodies = Array.from({ length: 50 }, (_, i) => JSON.stringify(v2Body([row(i)])));
  const load = pacedLoad({ url: `${server.url}/v2/models/churn/infer`, bodies, rate: 400, count: 1200 });
  const versions = new Set<number>();
  for (let i = 0; i < 6; i++) {
    await server.setCanary(2, 50);
    await new Promise((r) => setTimeout(r, 150));
    server.promote();
    versions.add(server.state().stable.version);
    await new Promise((r) => setTimeout(r, 100));
    await server.setCanary(1, 30);
    await new Promise((r) => setTimeout(r, 100));
    server.rollback();
    await server.setCanary(1, 100);
    server.promote();
    versions.add(server.state().stable.version);
  }
  const summary = await load;
  expect(summary.sent).toBe(1200);
  expect(summary.failed).toBe(0);
  expect(summary.ok).toBe(1200);
  expect(versions).toEqual(new Set([1, 2]));
});

test('the sha256 of a model is checked on load', async () => {
  const bytes = binaryModel();
  const tampered: ModelSource = {
    fetch: async () => ({
      record: { ...(await registry.resolve({ name: 'churn', version: 1 }))!, sha256: 'f'.repeat(64) },
      bytes
    })
  };
  await expect(
    ModelServer.start({ model: { name: 'churn', version: 1 }, source: tampered, port: 0 })
  ).rejects.toThrow(/sha256 mismatch/);
});

test('graceful shutdown lets an in-flight request finish', async () => {
  const own = await ModelServer.start({
    model: { name: 'churn', version: 1 },
    source: registrySource(registry),
    port: 0,
    processMetrics: false
  });
  const url = new URL(own.url);
  // Send headers now and the body later, so the request is in flight when close() begins.
  const body = JSON.stringify(v2Body([row(1)]));
  const answer = new Promise<string>((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(
        `POST /v2/models/churn/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`
      );
    });
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('close', () => resolve(text));
    setTimeout(() => socket.write(body), 200);
  });
  await new Promise((r) => setTimeout(r, 50));
  const closing = own.close(5000);
  const text = await answer;
  await closing;
  expect(text).toMatch(/^HTTP\/1.1 200/);
  expect(text).toMatch(/connection: close/i);
  await expect(http('GET', `${own.url}/v2/health/live`)).rejects.toThrow();
});

test('the prediction log is sampled JSONL, rotated, with running feature statistics', async () => {
  for (let i = 0; i < 40; i++)
    await http('POST', `${server.url}/v2/models/churn/infer`, v2Body([row(100 + i)]));
  const path = join(dir, 'logs', 'predictions.jsonl');
  await server['log']!.flushStats();
  await new Promise((r) => setTimeout(r, 100));
  const rotated = await readFile(`${path}.1`, 'utf8');
  const first = JSON.parse(rotated.split('\n')[0]);
  expect(first).toMatchObject({ model: 'churn', variant: 'stable' });
  expect(Object.keys(first.features)).toEqual(FEATURES);
  expect(first.prediction.probabilities).toHaveLength(2);
  expect(first.prediction.probabilities[1]).toBeCloseTo(expectedP1(first.features), 5);
  const stats = JSON.parse(await readFile(`${path}.stats.json`, 'utf8'));
  expect(stats.rows).toBeGreaterThanOrEqual(40);
  expect(stats.features.f0.count + stats.features.f0.missing).toBe(stats.rows);
  expect(stats.features.f0.min).toBeLessThanOrEqual(stats.features.f0.max);
  // rotation keeps at most 2 old files of at most ~4 KiB
  await expect(readFile(`${path}.3`)).rejects.toThrow();
  expect((await readFile(path)).length).toBeLessThanOrEqual(4096);
});
