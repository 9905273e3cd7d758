// Bad-input corpus: hostile registry operations. Each case ends with exit 2 and a message naming
// the fault (or a consistent repair), never "unexpected error", and a refusal writes nothing.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCli } from '../../test-support/cli.js';
import { InputError } from '../../src/core/errors.js';
import { LocalRegistry } from '../../src/registry/local.js';
import { model } from '../registry/contract.js';

const NO_CONFIG = ['--config', '/nonexistent/mlci.yml'];
let work: string;
let dir: string;
let modelPath: string;
const reg = () => ['--registry', dir, ...NO_CONFIG];

/** Every file under the registry with a digest of its bytes (directories too, as empty entries). */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (path: string) => {
    const info = await stat(path).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      out[relative(root, path) + '/'] = '';
      for (const entry of await readdir(path)) await walk(join(path, entry));
    } else {
      out[relative(root, path)] = createHash('sha256')
        .update(await readFile(path))
        .digest('hex');
    }
  };
  await walk(root);
  return out;
}

/** Runs the CLI and checks exit 2, a message matching `fault`, no crash report, and no change on disk. */
async function refused(args: string[], fault: RegExp | string): Promise<void> {
  const before = await snapshot(dir);
  const result = await runCli([...args, ...reg()]);
  expect(result.stderr).not.toMatch(/unexpected error|this is a bug|\n\s+at /);
  expect([result.code, result.stderr]).toEqual([2, expect.stringMatching(fault)]);
  expect(await snapshot(dir)).toEqual(before);
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'mlci-corpus-registry-'));
  dir = join(work, 'registry');
  modelPath = join(work, 'model.onnx');
  await writeFile(modelPath, model(1));
  const store = new LocalRegistry(dir);
  await store.register({ name: 'churn', model: model(1), by: 'setup' });
  await store.promote('churn', 1, 'production', 'setup');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const HOSTILE_NAMES: [string, string][] = [
  ['dot-dot', '..'],
  ['traversal', '../etc'],
  ['slash', 'a/b'],
  ['backslash', 'a\\b'],
  ['nul', 'a\0b'],
  ['leading dot', '.hidden'],
  ['trailing dot', 'churn.'],
  ['very long', 'x'.repeat(300)],
  ['empty-looking', ' '],
  ['at sign', 'a@b@c']
];

describe('registry corpus: hostile model names', () => {
  it.each(HOSTILE_NAMES)('register --name (%s) is refused', async (_label, name) => {
    await refused(['register', '--model', modelPath, '--name', name], /model name .* is not valid|--name/);
  });
  it.each(HOSTILE_NAMES)('registry promote/list/show/attach (%s) are refused', async (_label, name) => {
    await refused(['registry', 'promote', name, 'v1'], /is not valid/);
    await refused(['registry', 'rollback', name], /is not valid/);
    if (!name.includes('@')) await refused(['registry', 'list', name], /is not valid/);
    await refused(['registry', 'show', `${name}@v1`], /is not valid/);
    const stats = join(work, 's.json');
    await writeFile(stats, '{"format":"mlci-statistics","columns":{}}');
    await refused(['registry', 'attach', name, 'v1', '--statistics', stats], /is not valid/);
  });
});

describe('registry corpus: hostile aliases and versions', () => {
  it.each([
    ['../x'],
    ['v1'],
    ['V2'.toLowerCase()],
    [''],
    ['a/b'],
    ['x\0y'],
    ['aliases'],
    ['-'.repeat(3)],
    ['y'.repeat(200)]
  ])('alias %j is refused by register and promote', async (alias) => {
    await refused(
      ['register', '--model', modelPath, '--name', 'churn', '--alias', alias],
      /alias .* (is not valid|is reserved)/
    );
    await refused(
      ['registry', 'promote', 'churn', 'v1', '--alias', alias],
      /alias .* (is not valid|is reserved)/
    );
  });
  it.each([['v0'], ['-1'], ['v1.5'], ['latest'], ['v99999999999999999999']])(
    'version %j is refused',
    async (version) => {
      await refused(['registry', 'promote', 'churn', version], /version .* is not valid|no such version/);
    }
  );
  it('refuses attaching a registry file or a path-like name', async () => {
    const model2 = join(work, 'x', 'model.onnx');
    await mkdir(join(work, 'x'));
    await writeFile(model2, model(2));
    await refused(['registry', 'attach', 'churn', 'v1', '--file', model2], /cannot attach "model.onnx"/);
    await refused(['registry', 'attach', 'churn', 'v1', '--file', join(work, 'missing.txt')], /not found/);
    await refused(['registry', 'attach', 'churn', 'v1', '--file', work], /is a directory/);
  });
});

describe('registry corpus: damaged registry contents', () => {
  it.each([
    ['not JSON', '{"name": "churn", '],
    ['an array', '[]'],
    ['null', 'null'],
    [
      'another version',
      JSON.stringify({
        name: 'churn',
        version: 7,
        sha256: 'a'.repeat(64),
        assets: [],
        metrics: {},
        lineage: {}
      })
    ],
    ['no sha256', JSON.stringify({ name: 'churn', version: 1, assets: [], metrics: {}, lineage: {} })],
    [
      'assets not a list',
      JSON.stringify({
        name: 'churn',
        version: 1,
        sha256: 'a'.repeat(64),
        assets: 'x',
        metrics: {},
        lineage: {}
      })
    ]
  ])('a version record that is %s is named, and nothing is written', async (_label, text) => {
    const record = join(dir, 'churn', 'v1', 'version.json');
    await writeFile(record, text);
    await refused(['registry', 'list', 'churn'], record);
    await refused(['registry', 'show', 'churn@production'], record);
    await refused(['registry', 'promote', 'churn', 'v1', '--alias', 'staging'], record);
    await refused(['register', '--model', join(work, 'model.onnx'), '--name', 'churn'], record);
  });

  it.each([
    ['not JSON', '{'],
    ['history not a list', '{"history": 5}'],
    ['a bad history entry', '{"history": [{"alias": "production", "to": "v1", "kind": "promote"}]}'],
    ['null', 'null']
  ])('an alias file that is %s is named, and nothing is written', async (_label, text) => {
    const aliases = join(dir, 'churn', 'aliases.json');
    await writeFile(aliases, text);
    await refused(['registry', 'promote', 'churn', 'v1', '--alias', 'staging'], aliases);
    await refused(['registry', 'rollback', 'churn'], aliases);
    await refused(['registry', 'show', 'churn@production'], aliases);
  });

  it('refuses a training.json that is not an mlci training record, naming the file', async () => {
    const training = join(work, 'training.json');
    for (const body of ['{"git": {"sha": "abc"}}', '[]', '{"schema": "mlci-training/v0"}']) {
      await writeFile(training, body);
      await refused(
        ['register', '--model', modelPath, '--name', 'churn', '--training', training],
        /training\.json: not (an mlci training record|valid JSON)/
      );
    }
  });

  it('names a missing model file instead of crashing', async () => {
    const path = join(dir, 'churn', 'v1', 'model.onnx');
    await unlink(path);
    const error = await new LocalRegistry(dir).download('churn', 1).catch((e: Error) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`churn@v1: its file "model.onnx" is missing from ${path}`);
  });

  it('repairs around a version folder without a record: its number is skipped, nothing else changes', async () => {
    await mkdir(join(dir, 'churn', 'v2'));
    await writeFile(join(dir, 'churn', 'v2', 'model.onnx'), 'half a model');
    const listed = await runCli(['registry', 'list', 'churn', '--json', ...reg()]);
    expect(JSON.parse(listed.stdout).versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const model2 = join(work, 'two', 'model.onnx');
    await mkdir(join(work, 'two'));
    await writeFile(model2, model(2));
    const result = await runCli(['register', '--model', model2, '--name', 'churn', '--json', ...reg()]);
    expect([result.code, JSON.parse(result.stdout).version]).toEqual([0, 3]);
    expect(await readFile(join(dir, 'churn', 'v2', 'model.onnx'), 'utf8')).toBe('half a model');
    await refused(['registry', 'promote', 'churn', 'v2'], 'no such version');
  });

  it('takes over hostile lock leftovers: a dead owner with a path-like token and claims of dead breakers', async () => {
    const { spawnSync } = await import('node:child_process');
    const { hostname } = await import('node:os');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const root = join(dir, 'churn');
    const owner = (token: string) => JSON.stringify({ pid: dead, host: hostname(), token, at: 'then' });
    await writeFile(join(root, '.lock'), owner('../../../etc/passwd'));
    // Claims left by breakers killed mid-claim: one readable, one garbage.
    await writeFile(join(root, '.lock.break-t0123456789abcdef0123'), owner('aa'));
    await writeFile(join(root, '.lock.break-i42'), 'not json');
    const past = new Date(Date.now() - 60_000);
    await (await import('node:fs/promises')).utimes(join(root, '.lock.break-i42'), past, past);
    const result = await runCli(['registry', 'promote', 'churn', 'v1', '--alias', 'staging', ...reg()]);
    expect(result.stderr).not.toMatch(/unexpected error|this is a bug|\n\s+at /);
    expect(result.code).toBe(0);
    expect((await readdir(root)).sort()).toEqual(['aliases.json', 'v1']);
  });
});
