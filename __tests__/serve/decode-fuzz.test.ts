// Bounded fuzzing of the request decoder: random mutations of valid bodies for several input layouts.
// The decoder must return a well-formed batch or throw a RequestError with a 4xx status, nothing else.
// Replay a failure with MLCI_FUZZ_SEED=<seed printed below>.
import { decodeRows, decodeV2, RequestError, type TensorConstructor } from '../../src/serve/decode.js';
import { loadOrt, type InputLayout } from '../../src/serve/model.js';
import { seededRandom } from '../../test-support/random.js';

const SECONDS = Number(process.env.MLCI_FUZZ_SECONDS ?? 3);
const SEED = Number(process.env.MLCI_FUZZ_SEED ?? Date.now() % 2 ** 31);

const generator = seededRandom;

const FEATURES = ['a', 'b', 'c'];
const LAYOUTS: InputLayout[] = [
  { kind: 'matrix', input: { name: 'input', type: 'float', shape: ['N', 3] }, features: FEATURES },
  { kind: 'matrix', input: { name: 'input', type: 'float', shape: ['N', 3] }, features: null },
  {
    kind: 'columns',
    inputs: [
      { name: 'a', type: 'float', shape: ['N', 1] },
      { name: 'b', type: 'int64', shape: ['N', 1] },
      { name: 'c', type: 'string', shape: ['N'] },
      { name: 'd', type: 'double', shape: ['N', 1] },
      { name: 'e', type: 'int32', shape: ['N', 1] }
    ]
  }
];

function validBodies(layout: InputLayout): { body: unknown; protocol: 'v2' | 'rows' }[] {
  if (layout.kind === 'matrix') {
    const matrix = {
      inputs: [
        {
          name: 'input',
          shape: [2, 3],
          datatype: 'FP32',
          data: [
            [1, 2, 3],
            [4, null, 6]
          ]
        }
      ]
    };
    if (!layout.features) return [{ body: matrix, protocol: 'v2' }];
    return [
      { body: matrix, protocol: 'v2' },
      {
        body: {
          id: 'r1',
          inputs: FEATURES.map((name, j) => ({ name, shape: [2], datatype: 'FP32', data: [j, j + 0.5] }))
        },
        protocol: 'v2'
      },
      { body: { instances: [{ a: 1, b: 2, c: 3 }, [4, 5, null]] }, protocol: 'rows' }
    ];
  }
  const v2 = {
    inputs: [
      { name: 'a', shape: [2, 1], datatype: 'FP32', data: [0.5, null] },
      { name: 'b', shape: [2], datatype: 'INT64', data: [1, -2] },
      { name: 'c', shape: [2], datatype: 'BYTES', data: ['x', 'y'] },
      { name: 'd', shape: [2, 1], datatype: 'FP64', data: [[1e300], [2]] },
      { name: 'e', shape: [2], datatype: 'INT32', data: [7, 8] }
    ]
  };
  return [
    { body: v2, protocol: 'v2' },
    { body: { instances: [{ a: 1, b: 2, c: 'z', d: 0.1, e: 3 }] }, protocol: 'rows' }
  ];
}

function hostileValue(random: () => number): unknown {
  const pick = Math.floor(random() * 16);
  const depth = 1 + Math.floor(random() * 50_000);
  switch (pick) {
    case 0:
      return JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
    case 1:
      return Infinity;
    case 2:
      return -1e39;
    case 3:
      return 2 ** 63;
    case 4:
      return 1.5;
    case 5:
      return null;
    case 6:
      return 'x'.repeat(Math.floor(random() * 100_000));
    case 7:
      return {};
    case 8:
      return [];
    case 9:
      return -1;
    case 10:
      return [1, [2, [3]]];
    case 11:
      return { name: 'a', shape: [1e9, 3], datatype: 'FP32', data: [] };
    case 12:
      return 'FP16';
    case 13:
      return 3_000_000_000;
    case 14:
      return true;
    default:
      return JSON.parse(`${'{"a":'.repeat(Math.min(depth, 20_000))}1${'}'.repeat(Math.min(depth, 20_000))}`);
  }
}

/** Replaces, removes or duplicates one node found by a short random walk from the root. */
function mutate(root: unknown, random: () => number): unknown {
  if (random() < 0.05 || typeof root !== 'object' || root === null) return hostileValue(random);
  let node = root as Record<string, unknown> | unknown[];
  for (let step = 0; step < 5; step++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[Math.floor(random() * keys.length)];
    const child = (node as Record<string, unknown>)[key];
    const descend = typeof child === 'object' && child !== null && random() < 0.7;
    if (descend) {
      node = child as Record<string, unknown>;
      continue;
    }
    const action = random();
    if (action < 0.6) (node as Record<string, unknown>)[key] = hostileValue(random);
    else if (action < 0.8) {
      if (Array.isArray(node)) node.splice(Number(key), 1);
      else delete node[key];
    } else if (Array.isArray(node)) node.push(child);
    else node[`${key}_`] = child;
    break;
  }
  return root;
}

/** The start of a body for a failure message (a deeply nested one cannot be stringified). */
function preview(body: unknown): string {
  try {
    return JSON.stringify(body).slice(0, 300);
  } catch {
    return '(too deeply nested to print)';
  }
}

test(`the request decoder returns or refuses with a 4xx on random mutations (seed ${SEED})`, async () => {
  process.stdout.write(`decoder fuzz seed ${SEED} (MLCI_FUZZ_SEED to replay)\n`);
  const Tensor = (await loadOrt()).Tensor as TensorConstructor;
  const random = generator(SEED);
  const stop = Date.now() + SECONDS * 1000;
  let runs = 0;
  let accepted = 0;
  while (Date.now() < stop) {
    const layout = LAYOUTS[Math.floor(random() * LAYOUTS.length)];
    const bodies = validBodies(layout);
    const { body, protocol } = bodies[Math.floor(random() * bodies.length)];
    let mutated: unknown = structuredClone(body);
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) mutated = mutate(mutated, random);
    runs += 1;
    try {
      const batch =
        protocol === 'v2' ? decodeV2(mutated, layout, Tensor, 100) : decodeRows(mutated, layout, Tensor, 100);
      accepted += 1;
      expect(batch.rows).toBeGreaterThan(0);
      expect(batch.rows).toBeLessThanOrEqual(100);
      for (const tensor of Object.values(batch.feeds)) {
        expect(tensor.dims[0]).toBe(batch.rows);
        if (tensor.type === 'float32' || tensor.type === 'float64')
          for (const v of tensor.data as Float32Array)
            if (!Number.isNaN(v)) expect(Number.isFinite(v)).toBe(true);
      }
      batch.row(batch.rows - 1);
    } catch (error) {
      if (!(error instanceof RequestError) || error.status < 400 || error.status >= 500) {
        throw new Error(
          `seed ${SEED}, run ${runs}: ${protocol} body ${preview(mutated)} gave ${String(error)}`,
          { cause: error }
        );
      }
      expect(error.message.length).toBeLessThan(1000);
    }
  }
  process.stdout.write(`decoder fuzz: ${runs} bodies, ${accepted} accepted\n`);
  expect(runs).toBeGreaterThan(100);
}, 30_000);
