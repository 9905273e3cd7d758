// The floor: a minimal node:http + onnxruntime-node server for the Open Inference Protocol, with no
// routing, validation, metrics or logging. Same onnxruntime session options as mlci serve.
// Usage: node floor.mjs MODEL.onnx PORT
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import ort from 'onnxruntime-node';

const [modelPath, port] = process.argv.slice(2);
const session = await ort.InferenceSession.create(modelPath, {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all'
});

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const feeds = {};
    for (const t of body.inputs) {
      feeds[t.name] =
        t.datatype === 'BYTES'
          ? new ort.Tensor('string', t.data, [t.data.length, 1])
          : new ort.Tensor('float32', Float32Array.from(t.data), [t.data.length, 1]);
    }
    const out = (await session.run(feeds)).probabilities;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        model_name: 'churn',
        outputs: [{ name: 'probabilities', datatype: 'FP32', shape: out.dims, data: Array.from(out.data) }]
      })
    );
  });
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
