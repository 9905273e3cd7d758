import { ModelServer } from '../../src/serve/server.js';
import { registrySource } from '../../src/serve/source.js';
import { makeRegistry, slowModel, erroringModel, divergingModel, http, v2Body, row } from './support.js';

test('smoke', async () => {
  const { registry, cleanup } = await makeRegistry([slowModel(), erroringModel(), divergingModel()]);
  const server = await ModelServer.start({ model: { name: 'churn', alias: 'production' }, source: registrySource(registry), port: 0, adminToken: 't' });
  const r = await http('POST', `${server.url}/v2/models/churn/infer`, v2Body([row(1), row(2)]));
  console.log(r.status, r.body);
  for (const v of [2, 3, 4]) {
    const t0 = performance.now();
    const a = await http('POST', `${server.url}/v2/models/churn/versions/1/infer`, v2Body([row(1)]));
    await server.setCanary(v, 0);
    const t1 = performance.now();
    const b = await http('POST', `${server.url}/v2/models/churn/versions/${v}/infer`, v2Body([row(1)]));
    const t2 = performance.now();
    for (let i = 0; i < 5; i++) await http('POST', `${server.url}/v2/models/churn/versions/${v}/infer`, v2Body([row(1)]));
    const t3 = performance.now();
    console.log(v, b.status, b.body.slice(0, 200), (t2 - t1).toFixed(1), ((t3 - t2) / 5).toFixed(1));
  }
  const m = await http('GET', `${server.url}/metrics`);
  console.log(m.body.split('\n').filter((l) => l.startsWith('mlci_requests') || l.startsWith('mlci_model')).join('\n'));
  await server.close();
  await cleanup();
});
