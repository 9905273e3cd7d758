// The readers behind the root action's inputs: one boolean parser for every action input, and the
// `params` splitter, which must give each pair exactly as `--set` would take it.
import { afterEach, describe, expect, it } from '@jest/globals';
import { actionBooleanInput } from '../../src/actions/inputs.js';
import { parseBoolean } from '../../src/config/parse.js';
import { InputError } from '../../src/core/errors.js';
import { parseParams } from '../../src/train/params.js';
import { parseOverrides } from '../../src/train/params.js';

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('not refused');
};

describe('boolean inputs', () => {
  afterEach(() => {
    delete process.env.MLCI_INPUT_CHECK_RUN;
  });

  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    [' false ', false],
    ['False', false],
    ['FALSE', false]
  ])('%s reads as %s, in an action input and in parseBoolean', (text, value) => {
    process.env.MLCI_INPUT_CHECK_RUN = text;
    expect(actionBooleanInput('check-run', !value)).toBe(value);
    expect(parseBoolean(text, '--x')).toBe(value);
  });

  it('an empty input gives the default', () => {
    process.env.MLCI_INPUT_CHECK_RUN = '';
    expect(actionBooleanInput('check-run', true)).toBe(true);
    expect(actionBooleanInput('check-run', false)).toBe(false);
  });

  it.each(['off', 'on', 'yes', 'no', '1', '0', 'ture'])('%s is refused, naming the input', (text) => {
    process.env.MLCI_INPUT_CHECK_RUN = text;
    expect(refusal(() => actionBooleanInput('check-run', true))).toBe(
      `input "check-run": got "${text}", expected true or false`
    );
    expect(refusal(() => parseBoolean(text, 'force'))).toBe(`force: got "${text}", expected true or false`);
  });
});

describe("the root action's params", () => {
  it.each([
    ['hidden_layers=[64,32]', ['hidden_layers=[64,32]']],
    ['a=1,b=2\nc=3', ['a=1', 'b=2', 'c=3']],
    ['a=1, b=2\r\n\n  c=3  ', ['a=1', 'b=2', 'c=3']],
    ['note="a, b", x=1', ['note="a, b"', 'x=1']],
    ["q='it''s, fine', z=1", ["q='it''s, fine'", 'z=1']],
    ["name=it's,y=2", ["name=it's", 'y=2']],
    ['m={a: 1, b: [2, 3]}, k=v', ['m={a: 1, b: [2, 3]}', 'k=v']],
    ['# a comment, with commas\nlr=0.1', ['lr=0.1']],
    // Brackets that do not balance: the line is one pair, as --set takes it.
    ['a=[1,2', ['a=[1,2']],
    ['a=1],b', ['a=1],b']],
    ['', []]
  ])('%j gives %j', (text, pairs) => {
    expect(parseParams(text)).toEqual(pairs);
  });

  it('each pair means what --set gives it', () => {
    const pairs = parseParams('hidden_layers=[64,32], note="a, b", optimizer.lr=0.05, flag=true');
    expect(parseOverrides(pairs)).toEqual({
      hidden_layers: [64, 32],
      note: 'a, b',
      'optimizer.lr': 0.05,
      flag: true
    });
  });

  it('refuses, naming the input, a piece that is not key=value and a bad name', () => {
    expect(refusal(() => parseParams('note=a,b'))).toBe(
      'input "params": got "b" after a comma in "note=a,b", expected key=value (quote a value that holds a comma: note="a,b")'
    );
    expect(refusal(() => parseParams('lr 0.1'))).toBe('input "params": got "lr 0.1", expected key=value');
    expect(refusal(() => parseParams('1lr=0.1'))).toMatch(/^input "params": "1lr" is not a param name/);
  });
});

describe('the train action’s `set` input is read as the root action’s `params`', () => {
  it('keeps a comma inside brackets or quotes and splits the others', async () => {
    const { readTrainInputs } = await import('../../src/actions/train/inputs.js');
    const saved = process.env.MLCI_INPUT_SET;
    process.env.MLCI_INPUT_SET = 'hidden_layers=[64,32], note="a, b"\noptimizer.lr=0.05';
    try {
      expect(readTrainInputs().set).toEqual(['hidden_layers=[64,32]', 'note="a, b"', 'optimizer.lr=0.05']);
    } finally {
      if (saved === undefined) delete process.env.MLCI_INPUT_SET;
      else process.env.MLCI_INPUT_SET = saved;
    }
  });
});
