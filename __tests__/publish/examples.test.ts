/**
 * Each example is a project of its own: copied to a folder outside the repository, it installs what
 * its README says and trains, evaluates and registers with the built CLI there (dist/ stands in for
 * `npx mlci`). churn-node installs with `npm ci --offline`: its lock pins the versions of mlci's own
 * lock, so mlci's `npm ci` has put every tarball in the npm cache — no network, and no borrowing of
 * the repository's node_modules (the copy is outside it, so Node cannot resolve them from there).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = process.cwd();
const cli = join(repo, 'dist/cli/index.js');

interface Lock {
  packages: Record<string, { version?: string }>;
}
interface PipelineResult {
  verdict: string;
  version: number | null;
  stages: { stage: string; status: string; summary?: string }[];
}

const copyOut = (example: string): string => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `mlci-example-${example}-`)));
  expect(dir.startsWith(`${realpathSync(repo)}/`)).toBe(false);
  cpSync(join(repo, 'examples', example), dir, {
    recursive: true,
    filter: (src) => !/(^|\/)(node_modules|\.mlci|model\.onnx)$/.test(src)
  });
  return dir;
};

const pipeline = (dir: string, args: string[] = ['--until', 'register']): PipelineResult => {
  const out = execFileSync(process.execPath, [cli, 'pipeline', ...args, '--json'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  });
  return JSON.parse(out) as PipelineResult;
};

const expectRegistered = (result: PipelineResult, dir: string) => {
  expect(result.stages.filter((s) => s.stage !== 'deploy-canary').map((s) => [s.stage, s.status])).toEqual([
    ['validate-data', 'pass'],
    ['train', 'pass'],
    ['evaluate', 'pass'],
    ['register', 'pass']
  ]);
  expect(result.version).toBe(1);
  expect(existsSync(resolve(dir, '.mlci/registry'))).toBe(true);
};

describe('examples copied out of the repository', () => {
  it('churn-node: its lock matches mlci’s, npm ci --offline installs it, and the pipeline registers v1', () => {
    const dir = copyOut('churn-node');
    const own = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as Lock;
    const root = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as Lock;
    const mismatched = Object.entries(own.packages)
      .filter(([path]) => path !== '')
      .filter(([path, entry]) => root.packages[path]?.version !== entry.version)
      .map(([path, entry]) => `${path}@${entry.version}`);
    expect(mismatched).toEqual([]);
    execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe']
    });
    expectRegistered(pipeline(dir), dir);
  }, 240_000);

  it('sklearn-python: the requirements pin Debian’s versions and the pipeline registers v1', () => {
    const dir = copyOut('sklearn-python');
    const pins = Object.fromEntries(
      readFileSync(join(dir, 'requirements.txt'), 'utf8')
        .split('\n')
        .filter((l) => /^[\w-]+==/.test(l))
        .map((l) => l.split('=='))
    ) as Record<string, string>;
    const installed = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import json,numpy,pandas,sklearn,scipy,onnx;print(json.dumps({m.__name__:m.__version__ for m in (numpy,pandas,sklearn,scipy,onnx)}))'
      ],
      { encoding: 'utf8' }
    );
    const versions = JSON.parse(installed) as Record<string, string>;
    expect(pins).toEqual({
      numpy: versions.numpy,
      pandas: versions.pandas,
      'scikit-learn': versions.sklearn,
      scipy: versions.scipy,
      onnx: versions.onnx
    });
    expectRegistered(pipeline(dir), dir);
  }, 240_000);

  it('pytorch-python: the requirements pin Debian’s versions, and the whole pipeline registers v1, then rolls v2 out as a canary', () => {
    const dir = copyOut('pytorch-python');
    const pins = Object.fromEntries(
      readFileSync(join(dir, 'requirements.txt'), 'utf8')
        .split('\n')
        .filter((l) => /^[\w-]+==/.test(l))
        .map((l) => l.split('=='))
    ) as Record<string, string>;
    const installed = JSON.parse(
      execFileSync(
        '/usr/bin/python3',
        [
          '-c',
          'import json,numpy,pandas,torch;print(json.dumps({m.__name__:m.__version__ for m in (numpy,pandas,torch)}))'
        ],
        { encoding: 'utf8' }
      )
    ) as Record<string, string>;
    // Debian's torch 1.13.1 reports itself as 1.13.0a0: the pin is the release, compared by major.minor.
    const minor = (v: string) => v.split('.').slice(0, 2).join('.');
    expect({ ...pins, torch: minor(pins.torch) }).toEqual({
      numpy: installed.numpy,
      pandas: installed.pandas,
      torch: minor(installed.torch)
    });
    const first = pipeline(dir, []);
    expectRegistered(first, dir);
    expect(first.stages.find((s) => s.stage === 'deploy-canary')?.status).toBe('pass');
    const second = pipeline(dir, ['--seed', '7']);
    expect(second.stages.map((s) => [s.stage, s.status])).toEqual([
      ['validate-data', 'pass'],
      ['train', 'pass'],
      ['evaluate', 'pass'],
      ['register', 'pass'],
      ['deploy-canary', 'pass']
    ]);
    expect(second.version).toBe(2);
    expect(second.stages.find((s) => s.stage === 'deploy-canary')).toMatchObject({
      summary: expect.stringMatching(/^promoted: all 3 steps passed/)
    });
  }, 300_000);
});
