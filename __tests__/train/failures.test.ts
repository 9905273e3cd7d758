import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CheckFailedError, ExitCode } from '../../src/core/errors.js';
import { failureOf, makeProject, readRecord, runCount, train } from './helpers.js';

/** A process is gone when /proc no longer lists it or it is a zombie waiting for its reaper. */
async function alive(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
}

describe('mlci train: failing runs exit 1 and say which check failed and why', () => {
  it('reports a failing command with its exit code and the last lines of output', async () => {
    const project = await makeProject({ mode: 'fail' });
    const error = await failureOf(train(project));
    expect(error).toBeInstanceOf(CheckFailedError);
    expect(error.exitCode).toBe(ExitCode.CheckFailed);
    expect(error.message).toContain('the training command failed: exit code 3 (command: bash train.sh)');
    expect(error.message).toContain('Traceback: something broke in the trainer');
    const record = await readRecord(project.out);
    expect(record.status).toBe('fail');
    expect(record.failed_checks).toEqual(['command']);
    expect(record.process?.exit_code).toBe(3);
  });

  it('stops the whole process tree on a timeout, grandchildren included', async () => {
    const project = await makeProject();
    const pidFile = join(project.root, 'grandchild.pid');
    const started = Date.now();
    const error = await failureOf(
      train(project, { command: `echo starting; sleep 30 & echo $! > "${pidFile}"; sleep 30`, timeout: '1s' })
    );
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(CheckFailedError);
    expect(error.message).toContain('timed out after 1 s; the process tree was stopped');
    expect(error.message).toContain('starting');
    expect(elapsed).toBeLessThan(10_000);
    const grandchild = Number(await readFile(pidFile, 'utf8'));
    expect(grandchild).toBeGreaterThan(0);
    expect(await alive(grandchild)).toBe(false);
    expect((await readRecord(project.out)).process?.timed_out).toBe(true);
  });

  it('stops background jobs a finished command left behind', async () => {
    const project = await makeProject();
    const pidFile = join(project.root, 'daemon.pid');
    await train(project, { command: `(sleep 30 & echo $! > "${pidFile}"); bash train.sh` });
    expect(await alive(Number(await readFile(pidFile, 'utf8')))).toBe(false);
  });

  it('fails when the command writes no model', async () => {
    const error = await failureOf(train(await makeProject({ mode: 'no-model' })));
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(
      `training check failed: model_exists: the command wrote no model at model.onnx\nrecord: ${error.message.split('record: ')[1]}`
    );
  });

  it('fails when the model is not ONNX', async () => {
    const project = await makeProject({ mode: 'not-onnx' });
    const error = await failureOf(train(project));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/^training check failed: model_is_onnx: model\.onnx: not an ONNX model/);
    const record = await readRecord(project.out);
    expect(record.checks.find((c) => c.name === 'model_loads')?.status).toBe('skipped');
    expect(record.model).toBeNull();
  });

  it('fails on a NaN loss written by JSON.stringify (null)', async () => {
    const error = await failureOf(train(await makeProject({ mode: 'nan' })));
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain('finite_metrics: loss is null at step 7');
  });

  it("fails on a NaN loss written by Python's json (a bare NaN token)", async () => {
    const error = await failureOf(train(await makeProject({ mode: 'nan-token' })));
    expect(error.message).toContain('finite_metrics: loss is NaN at step 5');
  });

  it('fails on a loss written as a string, which would hide a NaN', async () => {
    const error = await failureOf(train(await makeProject({ mode: 'nan-string' })));
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(
      'metrics_format: $MLCI_METRICS_PATH:6: "loss" is the string "nan", not a number'
    );
  });

  it('fails on a rising loss, naming the means it compared', async () => {
    const project = await makeProject({ mode: 'rising' });
    const error = await failureOf(train(project));
    expect(error.exitCode).toBe(1);
    // 20 steps, window 4: mean of 0.32..0.38 = 0.35, of 0.64..0.70 = 0.67.
    expect(error.message).toContain(
      'loss_decreases: the loss did not decrease: mean loss of the first 4 of 20 steps 0.35, of the last 4 0.67 (rose 91.43 %)'
    );
    expect((await readRecord(project.out)).metrics.loss_points).toBe(20);
  });

  it('passes a rising loss when the check is switched off', async () => {
    const result = await train(
      await makeProject({ mode: 'rising', trainYaml: '  checks:\n    loss_decreases: false' })
    );
    expect(result.record.status).toBe('pass');
    expect(result.record.checks.map((c) => c.name)).not.toContain('loss_decreases');
  });

  it('applies a minimum relative decrease when configured', async () => {
    // The ok curve 0.7·exp(−step/8) + 0.1 falls from 0.6171 to 0.1700 over windows of 4 (72.46 %).
    const strict = await failureOf(
      train(
        await makeProject({ trainYaml: '  checks:\n    loss_decreases: { window: 0.2, min_decrease: 0.8 }' })
      )
    );
    expect(strict.message).toContain(
      'the loss fell too little: mean loss of the first 4 of 20 steps 0.6171, of the last 4 0.17 (fell 72.46 %); required a fall of at least 80 %'
    );
    const lenient = await train(
      await makeProject({ trainYaml: '  checks:\n    loss_decreases: { window: 0.2, min_decrease: 0.7 }' })
    );
    expect(lenient.record.status).toBe('pass');
  });

  it('fails when the inputs do not match model.features', async () => {
    const error = await failureOf(
      train(await makeProject({ mode: 'wide', modelYaml: '  features: [x1, x2]' }))
    );
    expect(error.message).toContain('signature: inputs do not match model.features: unexpected "x3"');
  });

  it('rejects a missing production model before training (exit 2)', async () => {
    const project = await makeProject();
    const error = await failureOf(train(project, { productionModel: join(project.root, 'prod.onnx') }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`--production-model not found: ${join(project.root, 'prod.onnx')}`);
    expect(await runCount(project.root)).toBe(0);
  });

  it('refuses a timeout longer than a timer can wait (600h stopped the command at once)', async () => {
    const project = await makeProject({ trainYaml: '  timeout: 600h' });
    const error = await failureOf(train(project));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      'train.timeout: got "600h", longer than the 596h (24.8 days) a timer can wait'
    );
    expect(await runCount(project.root)).toBe(0);
    const flag = await failureOf(train(await makeProject(), { timeout: '9999h' }));
    expect(flag.message).toContain('longer than the 596h');
  });

  it('refuses a model or metrics path that is a directory before training (exit 2)', async () => {
    const project = await makeProject();
    await mkdir(join(project.root, 'model.onnx'));
    const error = await failureOf(train(project));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      `the model path (train.workdir/model.onnx) is a directory: ${join(project.root, 'model.onnx')}; it must name the file the training command writes`
    );
    const metrics = await makeProject({ trainYaml: '  metrics: logs/metrics.jsonl' });
    await mkdir(join(metrics.root, 'logs', 'metrics.json'), { recursive: true });
    const final = await failureOf(train(metrics));
    expect(final.exitCode).toBe(2);
    expect(final.message).toContain(
      `the final metrics path (metrics.json beside train.metrics) is a directory: ${join(metrics.root, 'logs', 'metrics.json')}`
    );
    expect(await runCount(project.root)).toBe(0);
    expect(await runCount(metrics.root)).toBe(0);
  });

  it("fails when the signature differs from the production model's", async () => {
    const production = await makeProject();
    await train(production);
    const candidate = await makeProject({ mode: 'wide' });
    const error = await failureOf(train(candidate, { productionModel: join(production.out, 'model.onnx') }));
    expect(error.message).toContain('signature_production: not compatible with');
    expect(error.message).toContain('new input "x3"');
  });
});
