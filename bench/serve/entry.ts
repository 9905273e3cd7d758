// Bundled by run.mjs with esbuild so the benchmark drives mlci's own code from src/.
export { ModelServer } from '../../src/serve/server.js';
export { registrySource } from '../../src/serve/source.js';
export { LocalRegistry } from '../../src/registry/local.js';
export { pacedLoad, readReplayFile, replayBodies } from '../../src/deploy/traffic.js';
export { runLoadTest } from '../../src/stages/loadtest.js';
export { withDefaults } from '../../src/loadtest/objectives.js';
