import { InputError } from '../../src/core/errors.js';
import {
  admissionFromEvaluation,
  githubTargetFromEnv,
  lineageFromTraining
} from '../../src/stages/register.js';

describe('register stage inputs', () => {
  it('reads lineage from a hand-written training.json, filling commit and run from Actions', () => {
    const env = {
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_RUN_ID: '42',
      GITHUB_SERVER_URL: 'https://ghe.example'
    };
    expect(lineageFromTraining({ data: { 'train.csv': 'a'.repeat(64) }, params: { depth: 3 } }, env)).toEqual(
      {
        commit: 'f'.repeat(40),
        runUrl: 'https://ghe.example/o/r/actions/runs/42',
        dataHashes: { 'train.csv': 'a'.repeat(64) },
        params: { depth: 3 }
      }
    );
    expect(
      lineageFromTraining(
        {
          git: { sha: 'c'.repeat(40), dirty: true },
          run_url: 'https://x/runs/1',
          data: [{ path: 'd.parquet', sha256: 'b'.repeat(64) }]
        },
        env
      )
    ).toEqual({
      commit: 'c'.repeat(40),
      dirty: true,
      runUrl: 'https://x/runs/1',
      dataHashes: { 'd.parquet': 'b'.repeat(64) }
    });
    expect(lineageFromTraining({}, {})).toEqual({});
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
