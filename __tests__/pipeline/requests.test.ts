// The request builders refuse bad flag or input text with one InputError naming the flag, before
// anything runs, whichever door the text came through.
import { InputError } from '../../src/core/errors.js';
import { buildMonitorRequest } from '../../src/stages/monitor-request.js';
import { buildRegisterRequest } from '../../src/stages/register-request.js';
import { buildTrainRequest } from '../../src/stages/train-request.js';
import { buildValidateDataRequest } from '../../src/stages/validate-data-request.js';

const refuses = (build: () => unknown, message: RegExp) => {
  expect(build).toThrow(InputError);
  expect(build).toThrow(message);
};

describe('request builders', () => {
  test('validate-data: --format and --delimiter are checked, a tab may be spelt \\t', () => {
    refuses(() => buildValidateDataRequest({ data: 'd.csv', format: 'xlsx' }, null), /--format: got "xlsx"/);
    refuses(
      () => buildValidateDataRequest({ data: 'd.csv', delimiter: ';;' }, null),
      /--delimiter: got ";;"/
    );
    refuses(() => buildValidateDataRequest({}, null), /--data is required/);
    expect(buildValidateDataRequest({ data: 'd.csv', delimiter: '\\t' }, null).config).toEqual({
      delimiter: '\t'
    });
    refuses(
      () => buildValidateDataRequest({ data: 'd.csv', memoryLimit: 'lots' }, null),
      /--memory-limit: got "lots"/
    );
  });

  test('train: --seed and --tolerance are checked', () => {
    refuses(() => buildTrainRequest({ seed: '-1' }, null), /--seed: got "-1"/);
    refuses(() => buildTrainRequest({ seed: '1.5' }, null), /--seed: got "1.5"/);
    refuses(() => buildTrainRequest({ tolerance: 'NaN' }, null), /--tolerance: got "NaN"/);
    expect(buildTrainRequest({ seed: '7', tolerance: '0.001' }, null)).toMatchObject({
      seed: 7,
      tolerance: 0.001
    });
  });

  test('register: a model, a name, and a reason for --force', () => {
    refuses(() => buildRegisterRequest({ name: 'm' }, null), /--model is required/);
    refuses(() => buildRegisterRequest({ model: 'm.onnx' }, null), /--name is required/);
    refuses(
      () => buildRegisterRequest({ model: 'm.onnx', name: 'm', force: true }, null),
      /--force needs --reason/
    );
    expect(
      buildRegisterRequest({ model: 'm.onnx', name: 'm', aliases: 'staging,\n canary' }, null).stage.aliases
    ).toEqual(['staging', 'canary']);
  });

  test('monitor: --trigger, --drift-share, --min-rows and --task are checked', () => {
    const base = { model: 'm', data: 'd.csv' };
    refuses(() => buildMonitorRequest({ ...base, trigger: 'cron' }, null), /--trigger: got "cron"/);
    refuses(() => buildMonitorRequest({ ...base, driftShare: '0' }, null), /--drift-share: got "0"/);
    refuses(() => buildMonitorRequest({ ...base, minRows: '0' }, null), /--min-rows: got "0"/);
    refuses(() => buildMonitorRequest({ ...base, task: 'ranking' }, null), /--task: got "ranking"/);
    refuses(() => buildMonitorRequest({ data: 'd.csv' }, null), /--model is required/);
  });
});
