// `mlci serve --threshold` thresholds the positive class's probability (class 1, else the greater label),
// as evaluate does: a model naming its classes [1, 0] was answered from p(class 0).
import { classOneFirstModel } from '../evaluate/hunt-models.js';
import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import { http, makeRegistry } from './support.js';

let registry: Awaited<ReturnType<typeof makeRegistry>>;
let server: ModelServer;

beforeAll(async () => {
  registry = await makeRegistry([classOneFirstModel()]);
  server = await ModelServer.start({
    source: registrySource(registry.registry),
    port: 0,
    processMetrics: false,
    threshold: 0.7,
    model: { name: 'churn', version: 2 }
  });
}, 60_000);
afterAll(async () => {
  await server.close();
  await registry.cleanup();
});

test('a [1, 0] model: positive (1) when p(class 1) > the threshold, read from its first column', async () => {
  // The model answers p(class 1) = q.
  const answer = await http('POST', `${server.url}/v2/models/churn/infer`, {
    inputs: [{ name: 'q', shape: [3, 1], datatype: 'FP32', data: [0.9, 0.6, 0.2] }]
  });
  expect(answer.status).toBe(200);
  const outputs = (answer.json() as { outputs: { name: string; data: number[] }[] }).outputs;
  expect(outputs.find((o) => o.name === 'label')?.data).toEqual([1, 0, 0]);
});
