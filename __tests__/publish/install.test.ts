/**
 * The CLI installed into a user's own project the way the README says: from the package npm pack
 * makes (what the registry or a git tag serves), into an empty project, then `npx mlci` used there.
 * Needs the npm registry for the package's dependencies, as a user's install does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = process.cwd();
const env = { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip', NODE_OPTIONS: '' };
let work: string;
let project: string;

const run = (command: string, args: string[], cwd: string): string =>
  execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mlci-install-'));
  project = join(work, 'project');
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], repo);
  const [tarball] = (await readdir(work)).filter((f) => f.endsWith('.tgz'));
  run('mkdir', ['-p', project], work);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'my-model', private: true }));
  run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', join(work, tarball)], project);
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm install --save-dev mlci in a project of ones own', () => {
  it('gives a working `npx mlci`: init writes an mlci.yml whose local schema path exists', () => {
    const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version as string;
    expect(run('npx', ['mlci', '--version'], project).trim()).toBe(version);
    run('npx', ['mlci', 'init', '--task', 'binary'], project);
    const written = readFileSync(join(project, 'mlci.yml'), 'utf8');
    const local = /\.\/(node_modules\/mlci\/schema\/mlci\.schema\.json)/.exec(written);
    expect(local).not.toBeNull();
    expect(existsSync(join(project, local![1]))).toBe(true);
  });

  it('loads its native packages there: validate-data reads a CSV through DuckDB', async () => {
    await writeFile(join(project, 'd.csv'), 'a,b,label\n1,2,0\n3,4,1\n5,6,0\n');
    const out = run(
      'npx',
      ['mlci', 'validate-data', '--data', 'd.csv', '--label', 'label', '--out', 'out'],
      project
    );
    expect(out).toMatch(/validate-data: PASS — 3 rows/);
    expect(existsSync(join(project, 'out', 'validation.json'))).toBe(true);
  });
});
