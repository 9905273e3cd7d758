import { appendFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadOptionalConfig } from '../../config/load.js';
import type { LoadTestFlags } from '../../stages/loadtest-request.js';
import { handle, printResult, withCommonOptions, withExamples, type CommonOptions } from '../kit.js';

type LoadTestCliOptions = LoadTestFlags & CommonOptions;

/** `mlci loadtest`: flags → buildLoadTestRequest → runLoadTest → printed report. */
export function registerLoadTest(program: Command): void {
  const command = program
    .command('loadtest')
    .summary('load-test a version against stable before it gets traffic')
    .description(
      'Starts the candidate (and the stable version) in the serving stack of mlci serve, or uses --url, ' +
        'checks that it answers, drives both open-loop at a target rate with real request rows (latency ' +
        'from each scheduled send time, versions alternating in slices), and gates on max_p99_ms, ' +
        'min_rps, max_error_rate and max_p99_ratio_vs_stable. Writes loadtest.json and loadtest.md. ' +
        'Exit 0 pass, 1 an objective or check failed, 2 usage error.'
    )
    .option('--model <name>', 'model name (default model.name)')
    .option('--version <vN>', 'candidate version, started from the registry')
    .option('--url <url>', 'a running server to test instead of starting the candidate')
    .option('--stable-url <url>', 'with --url: a running server of the stable version to compare with')
    .option('--production-url <url>', 'production server whose observed rate × headroom sets the rate')
    .option('--registry <dir>', 'registry directory, or "github" (default .mlci/registry)')
    .option('--alias <alias>', 'alias of the stable version (default production)')
    .option('--rate <rps>', 'target rate in requests per second (default deploy.load_test.rate)')
    .option('--headroom <x>', "multiplier of production's observed rate (default 2)")
    .option('--duration <duration>', 'time each version is driven at the target rate (default 10s)')
    .option('--ramp <fractions>', 'fractions of the rate measured first, e.g. 0.25,0.5')
    .option('--replay <file>', 'request rows, CSV or JSONL (default deploy.replay, else the evaluation data)')
    .option('--label <column>', 'column of the rows to leave out (default model.label)')
    .option('--max-p99-ms <ms>', 'fail above this candidate p99')
    .option('--min-rps <rps>', 'fail when the candidate answers fewer requests per second')
    .option('--max-error-rate <rate>', 'fail above this candidate error rate (default 0.01)')
    .option(
      '--max-p99-ratio <ratio>',
      "fail when the candidate's p99 exceeds ratio × stable's (default 1.5) …"
    )
    .option('--p99-slack-ms <ms>', "… and stable's + this many ms (default 2)");
  withExamples(withCommonOptions(command), [
    'mlci loadtest --version v4 --rate 200 --out out/loadtest',
    'mlci loadtest --url http://127.0.0.1:8081 --stable-url http://127.0.0.1:8080 --rate 500 --replay data/test.csv'
  ]);
  command.action(
    handle<LoadTestCliOptions>(async (options, { progress }) => {
      const configPath = options.config ?? 'mlci.yml';
      const config = await loadOptionalConfig(configPath);
      const { buildLoadTestRequest } = await import('../../stages/loadtest-request.js');
      const request = await buildLoadTestRequest(options, config, { configPath });
      const { runLoadTest } = await import('../../stages/loadtest.js');
      const result = await runLoadTest({ ...request, progress });
      const r = result.report;
      const text = [
        `load test ${r.model}${r.candidate.version ? `@v${r.candidate.version}` : ''}: ${r.verdict === 'pass' ? 'passed' : 'failed'}`,
        `  ${r.summary}`,
        ...r.objectives.map((o) => `  ${o.passed ? 'ok  ' : 'FAIL'} ${o.objective}: ${o.detail}`),
        ...r.infrastructure.map((c) => `  ${c.passed ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`)
      ].join('\n');
      printResult(options, { ...r, files: result.files }, text);
      const summary = process.env.GITHUB_STEP_SUMMARY;
      if (process.env.GITHUB_ACTIONS === 'true' && summary)
        await appendFile(summary, `${result.markdown}\n`).catch(() => undefined);
      return result.exitCode;
    })
  );
}
