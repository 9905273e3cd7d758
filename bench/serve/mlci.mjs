// mlci serve as benchmarked: the bundled ModelServer with routing, validation and metrics on,
// loading the model from a local registry (sha256 verified). Usage: node mlci.mjs BUNDLE REGISTRY PORT
const [bundle, registryDir, port] = process.argv.slice(2);
const { ModelServer, registrySource, LocalRegistry } = await import(bundle);
const server = await ModelServer.start({
  model: { name: 'churn', alias: 'production' },
  source: registrySource(new LocalRegistry(registryDir)),
  port: Number(port),
  adminToken: 'bench'
});
process.on('SIGTERM', () => server.close(1000).then(() => process.exit(0)));
process.send?.('ready');
