import { readFileSync } from 'node:fs';
import { DEFAULT_CANARY_STEPS, DEFAULT_DRIFT_SHARE } from '../../src/config/defaults.js';
import {
  parseBoolean,
  parseDuration,
  parseInteger,
  parseList,
  parseNumber,
  parseProbability,
  parseSeed,
  parseTask
} from '../../src/config/parse.js';
import { parseConfig } from '../../src/config/load.js';
import { starterConfig } from '../../src/config/starter.js';
import { InputError } from '../../src/core/errors.js';
import { runCli } from '../../test-support/cli.js';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('shared parsers for flag and input text', () => {
  it('leave an absent value absent', () => {
    for (const parse of [
      parseNumber,
      parseInteger,
      parseProbability,
      parseSeed,
      parseTask,
      parseDuration,
      parseBoolean
    ])
      expect(parse(undefined, '--x')).toBeUndefined();
    expect(parseList(undefined)).toBeUndefined();
  });

  it('parse good values', () => {
    expect(parseNumber('1e-3', '--rate', { min: 0, exclusiveMin: true })).toBe(0.001);
    expect(parseInteger(' 42 ', '--n', { min: 1 })).toBe(42);
    expect(parseProbability('0.25', '--threshold')).toBe(0.25);
    expect(parseSeed('0', '--seed')).toBe(0);
    expect(parseTask('multiclass', '--task')).toBe('multiclass');
    expect(parseDuration('90s', '--interval')).toBe(90_000);
    expect(parseDuration('2.5', '--interval')).toBe(2500);
    expect(parseList(' a, ,b ,c', '--slices')).toEqual(['a', 'b', 'c']);
    expect(parseBoolean('True', 'force')).toBe(true);
    expect(() => parseBoolean('Yes', 'force')).toThrow('force: got "Yes", expected true or false');
    expect(parseBoolean('', 'force')).toBe(false);
  });

  it('refuse bad values with a message naming the flag or input', () => {
    expect(refusal(() => parseNumber('abc', '--rate'))).toBe('--rate: got "abc", expected a number');
    expect(refusal(() => parseNumber('0', '--rate', { min: 0, exclusiveMin: true }))).toBe(
      '--rate: got "0", expected a number > 0'
    );
    expect(refusal(() => parseNumber('Infinity', '--rate'))).toContain('--rate');
    expect(refusal(() => parseNumber(' ', '--rate'))).toContain('--rate');
    // Number() reads hexadecimal and binary literals: "0x1" passed as 1 where --min-rows refused it.
    expect(refusal(() => parseNumber('0x1', '--drift-share'))).toBe(
      '--drift-share: got "0x1", expected a number'
    );
    expect(refusal(() => parseNumber('0b1', '--rate'))).toContain('--rate');
    expect(parseNumber(' .5 ', '--rate')).toBe(0.5);
    expect(parseNumber('-2.5E+1', '--rate')).toBe(-25);
    expect(refusal(() => parseInteger('1.5', '--batch-size', { min: 1 }))).toBe(
      '--batch-size: got "1.5", expected a whole number ≥ 1'
    );
    expect(refusal(() => parseInteger('0', '--batch-size', { min: 1, max: 9 }))).toBe(
      '--batch-size: got "0", expected a whole number in [1, 9]'
    );
    expect(refusal(() => parseInteger('99999999999999999999', '--n'))).toContain('--n');
    expect(refusal(() => parseProbability('1.5', '--threshold'))).toBe(
      '--threshold: got "1.5", expected a probability in [0, 1]'
    );
    expect(refusal(() => parseProbability('', 'threshold'))).toContain('threshold');
    expect(refusal(() => parseSeed('-1', '--seed'))).toBe('--seed: got "-1", expected a whole number ≥ 0');
    expect(refusal(() => parseTask('clustering', 'task'))).toBe(
      'task: got "clustering", expected binary, multiclass, regression'
    );
    expect(refusal(() => parseDuration('soon', '--interval'))).toContain('--interval: got "soon"');
    // Past 2^31 − 1 ms a timer fires at once: 600h and 2,200,000 seconds are refused, not run as 1 ms.
    expect(refusal(() => parseDuration('600h', '--timeout'))).toContain('longer than the 596h');
    expect(refusal(() => parseDuration('2200000', '--timeout'))).toContain('longer than the 596h');
    expect(refusal(() => parseDuration('0', '--interval'))).toContain('--interval');
    expect(refusal(() => parseBoolean('maybe', 'force'))).toBe('force: got "maybe", expected true or false');
  });

  it('are what the commands use: a bad flag is exit 2 naming it', async () => {
    const seed = await runCli(['pipeline', '--seed', '1.5', '--config', 'examples/churn-node/mlci.yml']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('mlci: --seed: got "1.5", expected a whole number ≥ 0\n');
    const batch = await runCli([
      'evaluate',
      '--model',
      'm.onnx',
      '--data',
      'd.csv',
      '--label',
      'y',
      '--task',
      'binary',
      '--batch-size',
      '0'
    ]);
    expect(batch.stderr).toContain('mlci: --batch-size: got "0", expected a whole number ≥ 1\n');
    const task = await runCli([
      'evaluate',
      '--model',
      'm.onnx',
      '--data',
      'd.csv',
      '--label',
      'y',
      '--task',
      'cluster'
    ]);
    expect(task.stderr).toContain('mlci: --task: got "cluster", expected binary, multiclass, regression\n');
  });
});

describe('defaults written once', () => {
  it('the schema, the starter file and the loader agree with src/config/defaults', () => {
    const schema = JSON.parse(readFileSync('schema/mlci.schema.json', 'utf8'));
    expect(schema.properties.data.properties.drift.properties.share.default).toBe(DEFAULT_DRIFT_SHARE);
    expect(schema.properties.monitor.properties.drift_share.default).toBe(DEFAULT_DRIFT_SHARE);
    expect(schema.properties.deploy.properties.steps.default).toEqual([...DEFAULT_CANARY_STEPS]);
    expect(parseConfig(starterConfig('x')).data?.drift?.share).toBe(DEFAULT_DRIFT_SHARE);
  });
});
