import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { writeFileAtomic, writeJsonAtomic, requireFile } from '../../src/core/files.js';
import { streamProgress } from '../../src/core/progress.js';
import { durationMs } from '../../src/config/duration.js';
import { CheckFailedError, ExitCode, InputError, describeError } from '../../src/core/errors.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    }
  }) as unknown as NodeJS.WriteStream;
  (stream as { isTTY?: boolean }).isTTY = isTTY;
  return { stream, text: () => chunks.join('') };
}

describe('atomic files', () => {
  it('replaces a file whole and leaves no temporary files behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-files-'));
    const path = join(dir, 'sub', 'out.json');
    await writeJsonAtomic(path, { a: 1 });
    await writeFileAtomic(path, 'second');
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(join(dir, 'sub'))).toEqual(['out.json']);
  });

  it('keeps the old content and no temporary file when the new write fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-files-'));
    const path = join(dir, 'out.txt');
    await writeFile(path, 'old');
    const unwritable = { length: 1 } as unknown as Uint8Array;
    await expect(writeFileAtomic(path, unwritable)).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('names a missing file and a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-files-'));
    await expect(requireFile(join(dir, 'x.csv'), 'data file')).rejects.toThrow(
      `data file not found: ${join(dir, 'x.csv')}`
    );
    await expect(requireFile(dir, 'data file')).rejects.toThrow('is a directory');
  });
});

describe('progress', () => {
  const saved = process.env.CI;
  afterEach(() => {
    if (saved === undefined) delete process.env.CI;
    else process.env.CI = saved;
  });

  it('prints plain lines at each quarter in CI logs', () => {
    process.env.CI = 'true';
    const { stream, text } = fakeStream(false);
    const progress = streamProgress(stream);
    progress.start('profiling', 100);
    for (let i = 1; i <= 100; i++) progress.update(i);
    progress.finish('20 columns');
    const lines = text().trimEnd().split('\n');
    expect(lines[0]).toBe('profiling…');
    expect(lines.slice(1, 5).map((l) => l.replace(/ \(.*\)$/, ''))).toEqual([
      'profiling: 25%',
      'profiling: 50%',
      'profiling: 75%',
      'profiling: 100%'
    ]);
    expect(lines[5]).toMatch(/^profiling: 20 columns in \d+\.\ds$/);
    expect(text()).not.toContain('\r');
  });

  it('redraws one live bar on a terminal', () => {
    delete process.env.CI;
    const { stream, text } = fakeStream(true);
    const progress = streamProgress(stream);
    progress.start('scoring', 10);
    progress.update(10);
    progress.finish();
    expect(text()).toContain('\rscoring [########################] 100%');
    expect(text()).toMatch(new RegExp(String.raw`\r${'\u001b'}\[2Kscoring: done in \d+\.\ds\n$`));
  });
});

describe('errors and durations', () => {
  it('maps errors to exit codes and one-line messages', () => {
    expect(new InputError('x').exitCode).toBe(ExitCode.Usage);
    expect(new CheckFailedError('y').exitCode).toBe(ExitCode.CheckFailed);
    expect(describeError(new InputError('bad input'))).toBe('bad input');
    expect(describeError(new TypeError('oops'))).toBe('TypeError: oops');
  });

  it('parses durations', () => {
    expect(durationMs(90)).toBe(90_000);
    expect(durationMs('250ms')).toBe(250);
    expect(durationMs('5m')).toBe(300_000);
    expect(() => durationMs('5 minutes', 'train.timeout')).toThrow('train.timeout: got "5 minutes"');
  });
});
