// Requests the server must refuse as the client's mistake (a 400 naming what is wrong), never as a
// 500 of the version nor as a silently converted value; and the counters that count them.
import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { OnnxGraphBuilder } from '../../src/model/onnx-build.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import { binaryModel, FEATURES, http, makeRegistry, row, STABLE_WEIGHTS, v2Body } from './support.js';

jest.setTimeout(60_000);

const TOKEN = 'strict-token';
const admin = { authorization: `Bearer ${TOKEN}` };
const INFER = '/v2/models/churn/infer';

/** The stable model, but its ONNX input width is symbolic (['N', 'F']): only feature_names say 10. */
function symbolicWidthModel(): Uint8Array {
  const g = new OnnxGraphBuilder();
  g.input('input', 'float', ['N', 'F']);
  const w = g.floatConstant([FEATURES.length, 1], STABLE_WEIGHTS.flat());
  const p1 = g.node('Sigmoid', [g.node('MatMul', ['input', w])]);
  const one = g.floatConstant([1], [1]);
  const p0 = g.node('Sub', [one, p1]);
  g.node('Concat', [p0, p1], { outputs: ['probabilities'], attributes: { axis: { i: 1 } } });
  g.output('probabilities', 'float', ['N', 2]);
  return g.toBytes({ metadata: { feature_names: FEATURES } });
}

/** A v2 body of `rows` rows whose column f0 is replaced by the given tensor. */
function withF0(tensor: { shape: number[]; datatype: string; data: unknown }, rows = 1): unknown {
  const body = v2Body(Array.from({ length: rows }, (_, i) => row(i))) as { inputs: { name: string }[] };
  return { inputs: body.inputs.map((t) => (t.name === 'f0' ? { name: 'f0', ...tensor } : t)) };
}

/** The sum of a counter's samples in a Prometheus text exposition. */
function total(metrics: string, name: string): number {
  return metrics
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

let registry: Awaited<ReturnType<typeof makeRegistry>>;
let server: ModelServer;
let symbolic: ModelServer;

beforeAll(async () => {
  // v1 stable (production), v2 the symbolic-width model, v3 a canary candidate.
  registry = await makeRegistry([symbolicWidthModel(), binaryModel(STABLE_WEIGHTS.map(([w]) => [w * 1.02]))]);
  const common = {
    source: registrySource(registry.registry),
    port: 0,
    adminToken: TOKEN,
    processMetrics: false
  };
  server = await ModelServer.start({ ...common, model: { name: 'churn', alias: 'production' } });
  symbolic = await ModelServer.start({ ...common, model: { name: 'churn', version: 2 } });
});

afterAll(async () => {
  await server.close();
  await symbolic.close();
  await registry.cleanup();
});

describe('a model whose input width is symbolic', () => {
  test('a tensor of the wrong width is a 400 naming the shape, not an error of the version', async () => {
    const wrong = await http('POST', `${symbolic.url}${INFER}`, {
      inputs: [{ name: 'input', shape: [1, 11], datatype: 'FP32', data: new Array(11).fill(0.5) }]
    });
    expect(wrong.json()).toEqual({ error: 'input "input": shape [1, 11], expected [N, 10]' });
    expect(wrong.status).toBe(400);
    const right = await http('POST', `${symbolic.url}${INFER}`, {
      inputs: [{ name: 'input', shape: [1, 10], datatype: 'FP32', data: new Array(10).fill(0.5) }]
    });
    expect(right.status).toBe(200);
    const metrics = (await http('GET', `${symbolic.url}/metrics`)).body;
    expect(metrics).not.toMatch(/mlci_requests_total\{[^}]*code="5\d\d"/);
    const stats = (await http('GET', `${symbolic.url}/admin/stats`, undefined, admin)).json() as {
      stable: { errors: number };
    };
    expect(stats.stable.errors).toBe(0);
  });
});

describe('the declared datatype and the shape of nested data', () => {
  const refused: [string, unknown, RegExp][] = [
    ['UINT8', -5, /row 0: -5 is outside the UINT8 range 0\.\.255/],
    ['UINT8', 256, /UINT8 range/],
    ['INT8', 1000, /row 0: 1000 is outside the INT8 range -128\.\.127/],
    ['INT8', -129, /INT8 range/],
    ['INT16', 1e9, /INT16 range -32768\.\.32767/],
    ['UINT16', 65536, /UINT16 range/],
    ['INT32', 2 ** 31, /INT32 range/],
    ['UINT32', -1, /UINT32 range 0\.\.4294967295/],
    ['UINT32', 2 ** 32, /UINT32 range/],
    ['INT64', 2 ** 53, /INT64 range/],
    ['UINT64', -1, /UINT64 range/],
    ['INT16', 1.5, /INT16 data must be integers/],
    ['FP16', 100000, /row 0: the value is out of the FP16 range \(\|x\| ≤ 65504\)/],
    ['FP16', -65505, /FP16 range/],
    ['FP32', 1e39, /FP32 range/]
  ];
  test.each(refused)('%s [%p] is a 400', async (datatype, value, message) => {
    const answer = await http(
      'POST',
      `${server.url}${INFER}`,
      withF0({ shape: [1], datatype, data: [value] })
    );
    expect((answer.json() as { error: string }).error).toMatch(message);
    expect((answer.json() as { error: string }).error).toMatch(/^input "f0"/);
    expect(answer.status).toBe(400);
  });

  const accepted: [string, unknown][] = [
    ['UINT8', 255],
    ['UINT8', 0],
    ['INT8', -128],
    ['INT16', -32768],
    ['UINT32', 4294967295],
    ['INT64', 9007199254740991],
    ['FP16', 65504],
    ['FP16', null],
    ['FP64', 1e30]
  ];
  test.each(accepted)('%s [%p] is scored', async (datatype, value) => {
    const answer = await http(
      'POST',
      `${server.url}${INFER}`,
      withF0({ shape: [1], datatype, data: [value] })
    );
    expect(answer.status).toBe(200);
  });

  test('nested data must follow the shape: [[33, 40]] is not shape [2, 1]', async () => {
    const wrong = await http(
      'POST',
      `${server.url}${INFER}`,
      withF0({ shape: [2, 1], datatype: 'FP32', data: [[33, 40]] }, 2)
    );
    expect((wrong.json() as { error: string }).error).toMatch(
      /^input "f0": nested "data" does not match its shape \[2, 1\]/
    );
    expect(wrong.status).toBe(400);
    const right = await http(
      'POST',
      `${server.url}${INFER}`,
      withF0({ shape: [2, 1], datatype: 'FP32', data: [[33], [40]] }, 2)
    );
    expect(right.status).toBe(200);
  });

  test('a nested 2-D tensor must have shape[0] rows of shape[1] values', async () => {
    const values = Array.from({ length: 20 }, (_, i) => i / 20);
    const send = (data: unknown) =>
      http('POST', `${server.url}${INFER}`, {
        inputs: [{ name: 'input', shape: [2, 10], datatype: 'FP32', data }]
      });
    const oneLongRow = await send([values]);
    expect((oneLongRow.json() as { error: string }).error).toMatch(/does not match its shape \[2, 10\]/);
    expect(oneLongRow.status).toBe(400);
    const ragged = await send([values.slice(0, 9), values.slice(9)]);
    expect(ragged.status).toBe(400);
    expect((await send([values.slice(0, 10), values.slice(10)])).status).toBe(200);
    expect((await send(values)).status).toBe(200);
  });
});

describe('the admin API takes JSON types as documented', () => {
  afterEach(() => server.rollback());

  test('"shadow" must be a boolean: "false" does not turn shadow mode on', async () => {
    const answer = await http(
      'POST',
      `${server.url}/admin/canary`,
      { version: 3, weight: 10, shadow: 'false' },
      admin
    );
    expect(answer.json()).toEqual({ error: '"shadow" must be true or false, got "false"' });
    expect(answer.status).toBe(400);
    expect(server.state()).toMatchObject({ canary: null, shadow: false });
  });

  test('"weight" must be a number 0..100, never a converted string, null, array or boolean', async () => {
    const set = await http(
      'POST',
      `${server.url}/admin/canary`,
      { version: 3, weight: 10, shadow: false },
      admin
    );
    expect(set.status).toBe(200);
    expect(set.json()).toMatchObject({ canary: { version: 3, weight: 10 }, shadow: false });
    for (const weight of ['0x32', null, '  ', [75], true, 'half', '50', 101, -1]) {
      const answer = await http('POST', `${server.url}/admin/weight`, { weight }, admin);
      expect([weight, answer.status]).toEqual([weight, 400]);
      expect((answer.json() as { error: string }).error).toMatch(
        /^"weight" must be a percentage, a number from 0 to 100, got /
      );
    }
    const missing = await http('POST', `${server.url}/admin/weight`, {}, admin);
    expect(missing.status).toBe(400);
    expect(server.state().canary?.weight).toBe(10);
    const canaryWeight = await http(
      'POST',
      `${server.url}/admin/canary`,
      { version: 3, weight: '10' },
      admin
    );
    expect(canaryWeight.status).toBe(400);
    expect((await http('POST', `${server.url}/admin/weight`, { weight: 50 }, admin)).json()).toMatchObject({
      canary: { weight: 50 }
    });
  });
});

test('a server on an alias with --watch 0 still reloads on POST /admin/reload', async () => {
  const f = await makeRegistry([binaryModel(STABLE_WEIGHTS.map(([w]) => [w * 1.02]))]);
  const onAlias = await ModelServer.start({
    model: { name: 'churn', alias: 'production' },
    source: registrySource(f.registry),
    port: 0,
    adminToken: TOKEN,
    processMetrics: false,
    watchIntervalMs: 0
  });
  try {
    await f.registry.promote('churn', 2, 'production', 'elsewhere');
    const reloaded = await http('POST', `${onAlias.url}/admin/reload`, '', admin);
    expect(reloaded.json()).toMatchObject({ stable: { version: 2 }, alias: { points_to: 2, served: 2 } });
    expect(reloaded.status).toBe(200);
  } finally {
    await onAlias.close();
    await f.cleanup();
  }
});

test('the request counters add up as docs/serving.md says: refused before routing in mlci_rejected_requests_total only, routed in mlci_requests_total (and its 4xx in both)', async () => {
  const doc = await readFile('docs/serving.md', 'utf8');
  expect(doc).not.toMatch(
    /Client\s+errors \(4xx\) are counted in `mlci_requests_total` under their own code/
  );
  expect(doc).toMatch(/refused before a version is picked[^]*`mlci_rejected_requests_total\{code\}` only/);
  const f = await makeRegistry();
  const fresh = await ModelServer.start({
    model: { name: 'churn', alias: 'production' },
    source: registrySource(f.registry),
    port: 0,
    processMetrics: false
  });
  try {
    const url = `${fresh.url}${INFER}`;
    const before = [
      await http('POST', url, '{"inputs": ['),
      await http('POST', url, v2Body([row(1)]), { 'content-type': 'text/plain' }),
      await http('POST', url, v2Body([row(1)]), { 'mlci-traffic': 'x' }),
      await http('POST', `${fresh.url}/v2/models/other/infer`, v2Body([row(1)]))
    ];
    expect(before.map((a) => a.status)).toEqual([400, 415, 400, 404]);
    const routed = [
      await http('POST', url, v2Body([row(1)])),
      await http('POST', `${fresh.url}/v1/models/churn:predict`, { instances: [[1]] }),
      await http('POST', url, withF0({ shape: [1], datatype: 'FP32', data: ['x'] }))
    ];
    expect(routed.map((a) => a.status)).toEqual([200, 400, 400]);
    const metrics = (await http('GET', `${fresh.url}/metrics`)).body;
    expect(total(metrics, 'mlci_requests_total')).toBe(routed.length);
    expect(metrics).toMatch(
      /^mlci_requests_total\{model="churn",version="v1",variant="stable",code="400"\} 2$/m
    );
    const routedClientErrors = routed.filter((a) => a.status >= 400 && a.status < 500).length;
    expect(total(metrics, 'mlci_rejected_requests_total')).toBe(before.length + routedClientErrors);
  } finally {
    await fresh.close();
    await f.cleanup();
  }
});

test('a version that is not a number is named as sent in the 404', async () => {
  const answer = await http('POST', `${server.url}/v2/models/churn/versions/1e0/infer`, v2Body([row(1)]));
  expect(answer.status).toBe(404);
  expect((answer.json() as { error: string }).error).not.toMatch(/NaN/);
  expect((answer.json() as { error: string }).error).toMatch(/"1e0"/);
});
