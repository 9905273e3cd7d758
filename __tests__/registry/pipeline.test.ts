import { InputError } from '../../src/core/errors.js';
import {
  admissionFromEvaluation,
  githubTargetFromEnv,
  lineageFromEnvironment,
  readRegistration
} from '../../src/stages/register.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linearModelOnnx } from '../../src/model/onnx-build.js';

describe('register stage inputs', () => {
  it('fills the commit and the run from Actions when there is no training record', () => {
    const env = {
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_RUN_ID: '42',
      GITHUB_SERVER_URL: 'https://ghe.example'
    };
    expect(lineageFromEnvironment(env)).toEqual({
      commit: 'f'.repeat(40),
      runUrl: 'https://ghe.example/o/r/actions/runs/42'
    });
    expect(lineageFromEnvironment({})).toEqual({});
  });

  it('refuses a training.json that is not the record mlci train writes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-register-'));
    const model = join(dir, 'model.onnx');
    await writeFile(
      model,
      linearModelOnnx({
        task: 'regression',
        featureNames: ['a', 'b'],
        weights: [[1], [-1]],
        bias: [0],
        inputMode: 'columns'
      })
    );
    // The field names an older tolerant reader accepted and nothing writes.
    const training = join(dir, 'hand.json');
    await writeFile(training, JSON.stringify({ git: { sha: 'c'.repeat(40) }, data_hashes: {} }));
    const error = await readRegistration({ model, name: 'm', training }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(`training record ${training}: not an mlci training record`);
  });

  it('reads the verdict and metrics of evaluation.json, keeping undefined metrics as null', () => {
    expect(
      admissionFromEvaluation(
        {
          verdict: 'pass',
          rubber_stamp: true,
          candidate: {
            metrics: { accuracy: 0.8, roc_auc: null, f1: { value: null, reason: 'one class' }, label: 'x' }
          }
        },
        'e.json'
      )
    ).toEqual({ verdict: 'pass', rubberStamp: true, metrics: { accuracy: 0.8, roc_auc: null, f1: null } });
    expect(() => admissionFromEvaluation({ verdict: 'maybe' }, 'e.json')).toThrow(
      'e.json: "verdict" is "maybe", expected "pass" or "fail"'
    );
  });

  it('names what is missing for --registry github', () => {
    expect(() => githubTargetFromEnv({ GITHUB_TOKEN: 't' })).toThrow(InputError);
    expect(() => githubTargetFromEnv({ GITHUB_TOKEN: 't' })).toThrow('GITHUB_REPOSITORY=owner/repo');
    expect(
      githubTargetFromEnv({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'o/r', GITHUB_API_URL: 'https://api.ghe' })
    ).toEqual({
      token: 't',
      owner: 'o',
      repo: 'r',
      baseUrl: 'https://api.ghe'
    });
  });
});
