// Bad flag text answered by the stage's request builder: exit 2 naming the flag, before anything runs.
import { expectCliClass } from '../../test-support/corpus.js';

const none = ['--config', '/nonexistent/mlci.yml'];
const cases: [string, string[], RegExp][] = [
  [
    'a two-character delimiter',
    ['validate-data', '--data', 'd.csv', '--delimiter', ';;'],
    /--delimiter: got ";;"/
  ],
  ['an unknown format', ['validate-data', '--data', 'd.csv', '--format', 'xlsx'], /--format: got "xlsx"/],
  ['a negative seed', ['train', '--command', 'true', '--seed', '-1'], /--seed: got "-1"/],
  [
    '--force without a reason',
    ['register', '--model', 'm.onnx', '--name', 'm', '--force', ...none],
    /--force needs --reason/
  ],
  [
    'an unknown trigger',
    ['monitor', '--model', 'm', '--data', 'd.csv', '--trigger', 'cron'],
    /--trigger.*cron/
  ],
  [
    'a drift share of 0',
    ['monitor', '--model', 'm', '--data', 'd.csv', '--drift-share', '0'],
    /--drift-share: got "0"/
  ],
  [
    'a monitor gate on a metric the task does not compute',
    ['monitor', '--model', 'm', '--data', 'd.csv', '--task', 'multiclass', '--gate', 'roc_auc:max_drop=0.05'],
    /--gate roc_auc:.*roc_auc_ovr/
  ],
  [
    'a negative max_drop gate flag, which mlci.yml refuses',
    [
      'evaluate',
      '--model',
      'm',
      '--data',
      'd.csv',
      '--label',
      'y',
      '--task',
      'binary',
      '--gate',
      'roc_auc:max_drop=-1'
    ],
    /--gate roc_auc:max_drop=-1: max_drop must be >= 0/
  ],
  [
    'a negative max_rise gate flag on monitor',
    ['monitor', '--model', 'm', '--data', 'd.csv', '--task', 'regression', '--gate', 'rmse:max_rise=-0.5'],
    /--gate rmse:max_rise=-0.5: max_rise must be >= 0/
  ],
  [
    'a gate flag value that underflows to 0',
    [
      'evaluate',
      '--model',
      'm',
      '--data',
      'd.csv',
      '--label',
      'y',
      '--task',
      'binary',
      '--gate',
      'roc_auc:min=1e-400'
    ],
    /--gate roc_auc:min=1e-400: got "1e-400", a number too small to tell from 0/
  ],
  [
    'a gate flag value in hex',
    [
      'evaluate',
      '--model',
      'm',
      '--data',
      'd.csv',
      '--label',
      'y',
      '--task',
      'binary',
      '--gate',
      'roc_auc:min=0x1'
    ],
    /--gate roc_auc:min=0x1: got "0x1", expected a number/
  ]
];

describe('bad-input corpus: request flags', () => {
  test.each(cases)('%s', async (_name, args, stderr) => {
    await expectCliClass(args, { code: 2, stderr, withinMs: 10_000 });
  });
});
