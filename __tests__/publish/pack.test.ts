/**
 * What `npm pack` ships: the licence, the third-party notices, the bundle, the schema and the
 * actions — and none of the sources, tests, benchmarks or fixtures the package does not need.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface PackEntry {
  path: string;
}

const packed = (): string[] => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore']
  });
  const [pack] = JSON.parse(out) as [{ files: PackEntry[] }];
  return pack.files.map((f) => f.path);
};

describe('npm pack', () => {
  let files: string[];
  beforeAll(() => {
    files = packed();
  });

  it('contains the licence, the notices, dist, the schema, the actions and the README', () => {
    for (const path of [
      'LICENSE',
      'THIRD_PARTY_NOTICES.md',
      'README.md',
      'package.json',
      'action.yml',
      'dist/cli/index.js'
    ]) {
      expect(files).toContain(path);
    }
    expect(files).toContain('schema/mlci.schema.json');
    const actions = files.filter((f) => /^actions\/[^/]+\/action\.yml$/.test(f));
    expect(actions.length).toBeGreaterThanOrEqual(6);
    expect(files.filter((f) => /^dist\/actions\/[^/]+\/index\.js$/.test(f)).length).toBe(actions.length + 1);
  });

  it('contains no source, test, benchmark, fixture or example file', () => {
    const unwanted = files.filter(
      (f) =>
        /^(src|__tests__|__fixtures__|bench|test-support|examples|scripts|docs|deploy|node_modules|\.ci|\.github)\//.test(
          f
        ) ||
        /\.(ts|map)$/.test(f) ||
        /(^|\/)(tsconfig|jest\.config|eslint\.config)/.test(f)
    );
    expect(unwanted).toEqual([]);
  });

  it('ships notices that name every bundled package the lock file resolves', () => {
    const notices = readFileSync('THIRD_PARTY_NOTICES.md', 'utf8');
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    const rows = [...notices.matchAll(/^\| (\S+) \| (\S+) \| (\S+) \|$/gm)]
      .slice(1)
      .map(([, name, version, licence]) => ({
        name,
        version,
        licence
      }));
    expect(rows.length).toBeGreaterThan(50);
    for (const { name, version, licence } of rows) {
      const locked = Object.entries(lock.packages).some(
        ([path, entry]) =>
          (path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`)) &&
          entry.version === version
      );
      expect({ name, version, locked }).toEqual({ name, version, locked: true });
      expect(licence).not.toBe('UNKNOWN');
      expect(notices).toContain(`## ${name}@${version} (${licence})`);
    }
  });
});
