import type { Command } from 'commander';
import { withCommonOptions, withExamples } from '../kit.js';
import { notAvailableYet } from './not-yet.js';

/** `mlci serve` and `mlci deploy-canary`. */
export function registerServe(program: Command): void {
  const serve = program
    .command('serve')
    .summary('serve a registered model over the Open Inference Protocol')
    .description(
      'Starts an HTTP model server (KServe v2 REST: /v2/health/live, /v2/health/ready, ' +
        '/v2/models/{name}, /v2/models/{name}/infer) with Prometheus metrics on /metrics.'
    )
    .option('--registry <dir>', 'registry directory (default .mlci/registry)')
    .option('--model <ref>', 'model: NAME, NAME@ALIAS or NAME@vN')
    .option('--port <port>', 'port on 127.0.0.1', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1');
  withExamples(serve, ['mlci serve --model churn@production --port 8080']);
  notAvailableYet(serve, 'serve');

  const deploy = program
    .command('deploy-canary')
    .summary('roll a version out in traffic steps, then promote it or roll back')
    .description(
      'Moves traffic to a canary version in steps (default 10 → 50 → 100), analyses error rate, p99 ' +
        'latency and prediction divergence at each step, then promotes (moves production) or rolls back. ' +
        'Exit 1 when rolled back.'
    )
    .option('--server <url>', 'URL of a running mlci server')
    .option('--model <name>', 'model name')
    .option('--version <vN>', 'version to roll out');
  withExamples(withCommonOptions(deploy), [
    'mlci deploy-canary --server http://127.0.0.1:8080 --model churn --version v4'
  ]);
  notAvailableYet(deploy, 'deploy-canary');
}
