// Hostile HTTP requests to a real `mlci serve` (ModelServer on 127.0.0.1): each must get a 4xx with
// a JSON {error}, leave the server healthy, and never count as an error of the serving version.
import { connect } from 'node:net';
import { readFile } from 'node:fs/promises';
import { ModelServer, REQUEST_TIMEOUT_MS } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import { binaryModel, FEATURES, http, makeRegistry, row, v2Body } from '../serve/support.js';

const TOKEN = 'correct-horse-battery';
let server: ModelServer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const made = await makeRegistry([binaryModel(undefined, 0.2)]);
  cleanup = made.cleanup;
  server = await ModelServer.start({
    model: { name: 'churn', alias: 'production' },
    source: registrySource(made.registry),
    port: 0,
    adminToken: TOKEN,
    maxBodyBytes: 1024 * 1024,
    processMetrics: false
  });
});

afterAll(async () => {
  await server.close();
  await cleanup();
});

/** One raw HTTP/1.1 exchange on its own connection: what a hostile client can send, byte for byte. */
function raw(head: string, body: Buffer | string = ''): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(head);
      socket.write(body);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (!status) return reject(new Error(`no HTTP status in ${JSON.stringify(text.slice(0, 200))}`));
      resolve({ status: Number(status[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
  });
}

/** A request with the usual headers around a path, method, extra header lines and body. */
function request(
  method: string,
  path: string,
  body: Buffer | string = '',
  extra: string[] = ['content-type: application/json']
): Promise<{ status: number; body: string }> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const headers = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1', ...extra];
  if (!extra.some((h) => /^(content-length|transfer-encoding):/i.test(h)))
    headers.push(`content-length: ${bytes.length}`);
  return raw(`${headers.join('\r\n')}\r\nconnection: close\r\n\r\n`, bytes);
}

const INFER = '/v2/models/churn/infer';
const PREDICT = '/v1/models/churn:predict';
const valid = () => JSON.stringify(v2Body([row(1), row(2)]));
const column = (name: string, data: unknown, extra: object = {}) =>
  JSON.stringify({
    inputs: FEATURES.map((f) =>
      f === name
        ? { name: f, shape: [1], datatype: 'FP32', data, ...extra }
        : { name: f, shape: [1], datatype: 'FP32', data: [0.5] }
    )
  });
const deep = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const bearer = (token: string) => [`authorization: Bearer ${token}`, 'content-type: application/json'];

type Case = [string, () => Promise<{ status: number; body: string }>, number, RegExp];

const cases: Case[] = [
  // body
  ['bad JSON', () => request('POST', INFER, '{"inputs": ['), 400, /malformed JSON/],
  ['JSON with trailing garbage', () => request('POST', INFER, `${valid()}}`), 400, /malformed JSON/],
  [
    'NaN literal',
    () => request('POST', INFER, column('f2', ['NaN']).replace('"NaN"', 'NaN')),
    400,
    /malformed JSON/
  ],
  ['empty body', () => request('POST', INFER, ''), 400, /empty request body/],
  ['a JSON string body', () => request('POST', INFER, '"inputs"'), 400, /JSON object with "inputs"/],
  ['inputs is an object', () => request('POST', INFER, '{"inputs": {}}'), 400, /"inputs" must be/],
  [
    'body over the limit (declared)',
    () => request('POST', INFER, '', ['content-type: application/json', 'content-length: 5000000']),
    413,
    /exceeds the limit/
  ],
  ['wrong content-type', () => request('POST', INFER, valid(), ['content-type: text/html']), 415, /not JSON/],
  [
    'form content-type',
    () => request('POST', INFER, valid(), ['content-type: application/x-www-form-urlencoded']),
    415,
    /not JSON/
  ],
  [
    'bad UTF-8',
    () =>
      request(
        'POST',
        INFER,
        Buffer.concat([
          Buffer.from('{"inputs": [{"name": "f'),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('"}]}')
        ])
      ),
    400,
    /not valid UTF-8/
  ],
  // shapes and datatypes
  [
    'negative shape',
    () => request('POST', INFER, column('f1', [1], { shape: [-1] })),
    400,
    /non-negative integers/
  ],
  ['shape as text', () => request('POST', INFER, column('f1', [1], { shape: '1' })), 400, /"shape" must be/],
  [
    'rank-3 shape',
    () => request('POST', INFER, column('f1', [1], { shape: [1, 1, 1] })),
    400,
    /expected \[N\]/
  ],
  [
    'unknown datatype',
    () => request('POST', INFER, column('f1', [1], { datatype: 'FP128' })),
    400,
    /unsupported datatype/
  ],
  [
    'no datatype',
    () => request('POST', INFER, column('f1', [1], { datatype: undefined })),
    400,
    /needs a "datatype"/
  ],
  [
    'BYTES for a number',
    () => request('POST', INFER, column('f1', ['x'], { datatype: 'BYTES' })),
    400,
    /expected numbers/
  ],
  ['object in data', () => request('POST', INFER, column('f1', [{ a: 1 }])), 400, /got an object/],
  // duplicate keys: JSON.parse would keep the last and score it
  [
    'a row with a column twice',
    () => request('POST', PREDICT, `{"instances": [${JSON.stringify(row(1)).replace('{', '{"f7":99,')}]}`),
    400,
    /key "f7" appears twice in one object/
  ],
  [
    'a tensor with data twice (the second spelled with an escape)',
    () => request('POST', INFER, valid().replace('"data":', '"data":[5,5],"d\\u0061ta":')),
    400,
    /key "data" appears twice/
  ],
  [
    'inputs twice',
    () => request('POST', INFER, `{"inputs": [], ${valid().slice(1)}`),
    400,
    /key "inputs" appears twice/
  ],
  // special floats
  [
    '1e309 (becomes Infinity)',
    () => request('POST', INFER, column('f4', ['X']).replace('"X"', '1e309')),
    400,
    /input "f4", row 0: .*FP32 range/
  ],
  [
    '-1e309 on the rows endpoint',
    () =>
      request(
        'POST',
        PREDICT,
        `{"instances": [${JSON.stringify(row(1)).replace(/"f7":[^,]+/, '"f7":-1e309')}]}`
      ),
    400,
    /input "f7", row 0/
  ],
  [
    '3e38 < x: overflows FP32',
    () => request('POST', INFER, column('f3', [1e39])),
    400,
    /input "f3", row 0: .*FP32/
  ],
  [
    'matrix tensor with 1e309 in row 1',
    () =>
      request(
        'POST',
        INFER,
        JSON.stringify({
          inputs: [{ name: 'input', shape: [2, 10], datatype: 'FP32', data: new Array(20).fill(0.1) }]
        }).replace(/0\.1\]/, '1e309]')
      ),
    400,
    /input "input", row 1/
  ],
  // nesting
  [
    '200,000-deep data',
    () => request('POST', INFER, column('f1', ['X']).replace('["X"]', deep(200_000))),
    400,
    /nested deeper/
  ],
  [
    'deep data in the 2-D tensor',
    () =>
      request(
        'POST',
        INFER,
        JSON.stringify({
          inputs: [{ name: 'input', shape: [1, 10], datatype: 'FP32', data: ['X'] }]
        }).replace('["X"]', deep(100_000))
      ),
    400,
    /nested deeper/
  ],
  ['deep rows', () => request('POST', PREDICT, `{"instances": ${deep(200_000)}}`), 400, /instances\[0\]/],
  [
    'deep value in a row',
    () => request('POST', PREDICT, `{"instances": [[${deep(200_000)}]]}`),
    400,
    /instances\[0\]/
  ],
  // URL
  [
    'malformed percent-encoding (v2)',
    () => request('GET', '/v2/models/%E0%A4%A/ready'),
    400,
    /malformed percent-encoding/
  ],
  [
    'malformed percent-encoding (v1)',
    () => request('POST', '/v1/models/%ff:predict', valid()),
    400,
    /malformed percent-encoding/
  ],
  [
    'lone % in the model name',
    () => request('POST', '/v2/models/%/infer', valid()),
    400,
    /malformed percent-encoding/
  ],
  ['overlong URL', () => request('GET', `/v2/models/${'a'.repeat(20_000)}/ready`), 431, /too large/],
  [
    'long unknown model name',
    () => request('GET', `/v2/models/${'a'.repeat(8_000)}/ready`),
    404,
    /not found/
  ],
  [
    'path traversal in the model name',
    () => request('POST', '/v2/models/..%2F..%2Fetc%2Fpasswd/infer', valid()),
    404,
    /not found/
  ],
  ['dot segments', () => request('GET', '/v2/models/../../etc/passwd'), 404, /not found|no route/],
  ['unknown model', () => request('POST', '/v2/models/other/infer', valid()), 404, /"other" not found/],
  ['bad version', () => request('POST', '/v2/models/churn/versions/x1/infer', valid()), 404, /not loaded/],
  ['unknown method', () => request('DELETE', '/v2/models/churn'), 405, /no route/],
  // headers
  [
    'content-length and chunked together',
    () =>
      raw(
        `POST ${INFER} HTTP/1.1\r\nhost: x\r\ncontent-length: 4\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n`
      ),
    400,
    /malformed HTTP request/
  ],
  [
    'two different content-lengths',
    () => raw(`POST ${INFER} HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}`),
    400,
    /malformed HTTP request/
  ],
  [
    'content-length not a number',
    () => raw(`POST ${INFER} HTTP/1.1\r\nhost: x\r\ncontent-length: lots\r\n\r\n{}`),
    400,
    /malformed HTTP request/
  ],
  [
    'a header with a bare CR',
    () => raw(`GET /v2/health/live HTTP/1.1\r\nhost: x\rx-a: b\r\n\r\n`),
    400,
    /malformed HTTP request/
  ],
  [
    'headers over 16 KiB',
    () => raw(`GET /v2/health/live HTTP/1.1\r\nhost: x\r\nx-big: ${'b'.repeat(20_000)}\r\n\r\n`),
    431,
    /too large/
  ],
  [
    'not HTTP at all',
    () => raw('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n'),
    400,
    /malformed HTTP request/
  ],
  // admin API
  ['admin without a token', () => request('GET', '/admin/state'), 401, /Bearer/],
  [
    'admin with a wrong token',
    () => request('GET', '/admin/state', '', bearer('correct-horse-batterx')),
    403,
    /wrong admin token/
  ],
  [
    'admin with a longer token',
    () => request('GET', '/admin/state', '', bearer(`${TOKEN}x`)),
    403,
    /wrong admin token/
  ],
  [
    'admin with Basic auth',
    () => request('GET', '/admin/state', '', [`authorization: Basic ${TOKEN}`]),
    401,
    /Bearer/
  ],
  [
    'admin canary with a nested version',
    () => request('POST', '/admin/canary', `{"version": ${deep(30_000)}}`, bearer(TOKEN)),
    400,
    /"version" must be/
  ],
  [
    'admin weight as text',
    () => request('POST', '/admin/weight', '{"weight": "half"}', bearer(TOKEN)),
    400,
    /"weight" must be a percentage/
  ],
  [
    'admin canary with a null body',
    () => request('POST', '/admin/canary', 'null', bearer(TOKEN)),
    400,
    /JSON object body/
  ],
  [
    'admin canary, malformed body',
    () => request('POST', '/admin/canary', '{"version"', bearer(TOKEN)),
    400,
    /malformed JSON/
  ],
  [
    'admin canary of a missing version',
    () => request('POST', '/admin/canary', '{"version": 99, "weight": 10}', bearer(TOKEN)),
    422,
    /cannot load v99/
  ]
];

test.each(cases)('%s', async (_, send, status, message) => {
  const answer = await send();
  expect(answer.status).toBe(status);
  const body = JSON.parse(answer.body) as { error: string };
  expect(body.error).toMatch(message);
  expect((await http('POST', `${server.url}${INFER}`, v2Body([row(3)]))).status).toBe(200);
});

test('after the corpus: healthy, no 5xx counted, and no error charged to the serving version', async () => {
  expect((await http('GET', `${server.url}/v2/health/ready`)).status).toBe(200);
  const metrics = (await http('GET', `${server.url}/metrics`)).body;
  const requests = metrics.split('\n').filter((l) => l.startsWith('mlci_requests_total{'));
  expect(requests.some((l) => l.includes('code="200"'))).toBe(true);
  expect(requests.filter((l) => /code="5\d\d"/.test(l))).toEqual([]);
  expect(metrics).not.toMatch(/mlci_rejected_requests_total\{code="5/);
  const stats = (
    await http('GET', `${server.url}/admin/stats`, undefined, { authorization: `Bearer ${TOKEN}` })
  ).json() as {
    stable: { errors: number; requests: number };
  };
  expect(stats.stable.errors).toBe(0);
  expect(stats.stable.requests).toBeGreaterThan(0);
});

test('a hostile request routed to the canary is not an error of the canary', async () => {
  const admin = { authorization: `Bearer ${TOKEN}` };
  expect((await http('POST', `${server.url}/admin/canary`, { version: 2, weight: 100 }, admin)).status).toBe(
    200
  );
  try {
    const deepBody = column('f1', ['X']).replace('["X"]', deep(200_000));
    expect((await request('POST', INFER, deepBody)).status).toBe(400);
    expect((await request('POST', INFER, column('f4', ['X']).replace('"X"', '1e309'))).status).toBe(400);
    expect((await http('POST', `${server.url}${INFER}`, v2Body([row(5)]))).headers['mlci-variant']).toBe(
      'canary'
    );
    const stats = (await http('GET', `${server.url}/admin/stats`, undefined, admin)).json() as {
      canary: { requests: number; errors: number };
    };
    expect(stats.canary).toMatchObject({ requests: 1, errors: 0 });
    const metrics = (await http('GET', `${server.url}/metrics`)).body;
    expect(metrics).toMatch(/mlci_requests_total\{[^}]*variant="canary"[^}]*code="400"\} 2/);
    expect(metrics).not.toMatch(/mlci_requests_total\{[^}]*code="5\d\d"/);
  } finally {
    await http('POST', `${server.url}/admin/rollback`, {}, admin);
  }
});

test('a slow client is cut at the request timeout with a JSON 408', async () => {
  const made = await makeRegistry();
  const slow = await ModelServer.start({
    model: { name: 'churn', alias: 'production' },
    source: registrySource(made.registry),
    port: 0,
    requestTimeoutMs: 400,
    processMetrics: false
  });
  try {
    const url = new URL(slow.url);
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () =>
        socket.write(
          `POST ${INFER} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"in`
        )
      );
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    const elapsed = Date.now() - started;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error).toMatch(/within 0\.4 s/);
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(2000);
    expect((await http('GET', `${slow.url}/v2/health/live`)).status).toBe(200);
  } finally {
    await slow.close();
    await made.cleanup();
  }
});

test('docs/serving.md states the request timeout the server applies', async () => {
  const doc = await readFile(new URL('../../docs/serving.md', import.meta.url), 'utf8');
  expect(doc.replace(/\s+/g, ' ')).toContain(`did not arrive within ${REQUEST_TIMEOUT_MS / 1000} s`);
});
