/** The notices generator: which package a bundled file belongs to, and its licence text. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- a build script in plain JavaScript, without types
import { bundledPackages, renderNotices } from '../../scripts/notices.mjs';

interface Bundled {
  name: string;
  version: string;
  license: string;
  text?: string;
}

const pkg = (root: string, dir: string, manifest: object, licence?: [string, string]) => {
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, 'package.json'), JSON.stringify(manifest));
  if (licence) writeFileSync(join(root, dir, licence[0]), licence[1]);
};

describe('bundledPackages', () => {
  it('lists scoped, nested and plain packages once each with their licence text', () => {
    const root = mkdtempSync(join(tmpdir(), 'mlci-notices-'));
    pkg(root, 'node_modules/plain', { name: 'plain', version: '1.0.0', license: 'MIT' }, [
      'LICENSE',
      'MIT text\r\n'
    ]);
    pkg(root, 'node_modules/@scope/lib', { name: '@scope/lib', version: '2.0.0', license: { type: 'ISC' } }, [
      'LICENCE.md',
      'ISC text'
    ]);
    pkg(root, 'node_modules/plain/node_modules/dep', {
      name: 'dep',
      version: '0.1.0',
      licenses: [{ type: 'BSD-3-Clause' }]
    });
    const inputs = Object.fromEntries(
      [
        'src/cli/index.ts',
        'node_modules/plain/index.js',
        'node_modules/plain/lib/a.js',
        'node_modules/@scope/lib/dist/x.js',
        'node_modules/plain/node_modules/dep/y.js'
      ].map((p) => [join(root, p), {}])
    );
    const list = bundledPackages({ inputs }) as Bundled[];
    expect(list.map((p) => [p.name, p.version, p.license, p.text])).toEqual([
      ['@scope/lib', '2.0.0', 'ISC', 'ISC text'],
      ['dep', '0.1.0', 'BSD-3-Clause', undefined],
      ['plain', '1.0.0', 'MIT', 'MIT text']
    ]);
    const md = renderNotices(list) as string;
    expect(md).toContain('| @scope/lib | 2.0.0 | ISC |');
    expect(md).toContain('## dep@0.1.0 (BSD-3-Clause)\n\nThe package ships no licence file');
  });
});
