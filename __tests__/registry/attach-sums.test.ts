// After an attachment, SHA256SUMS and the model card follow the record: `sha256sum -c SHA256SUMS`
// passes and lists every stored file, and the card's table shows each file's current sha256.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseSha256Sums, sha256Hex } from '../../src/registry/integrity.js';
import { LocalRegistry } from '../../src/registry/local.js';

const run = promisify(execFile);
const bytes = (text: string) => new TextEncoder().encode(text);

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'mlci-attach-sums-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('attach keeps SHA256SUMS and the model card in step with the record', () => {
  it('lists the replacing and the added files with their new sha256', async () => {
    const store = new LocalRegistry(work);
    await store.register({ name: 'churn', model: bytes('model one'), verdict: 'pass' });
    const oldEvaluation = bytes('{"verdict":"pass"}');
    await store.register({
      name: 'churn',
      model: bytes('model two'),
      verdict: 'pass',
      metrics: { auc: 0.9 },
      files: { 'evaluation.json': oldEvaluation }
    });
    const newEvaluation = bytes('{"verdict":"pass","note":"re-run"}');
    const record = await store.attach({
      name: 'churn',
      version: 2,
      files: { 'evaluation.json': newEvaluation, 'notes.txt': bytes('notes') },
      force: true,
      by: 'me'
    });
    const dir = store.versionDir('churn', 2);

    const { stdout } = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir });
    expect(stdout).not.toContain('FAILED');
    const sums = parseSha256Sums(await readFile(join(dir, 'SHA256SUMS'), 'utf8'));
    const stored = (await readdir(dir)).filter((f) => f !== 'SHA256SUMS' && f !== 'version.json').sort();
    expect(Object.keys(sums).sort()).toEqual(stored);
    expect(sums['evaluation.json']).toBe(sha256Hex(newEvaluation));
    expect(sums['notes.txt']).toBe(sha256Hex('notes'));

    // The record names the new card and SHA256SUMS, so a verified download of each succeeds.
    const card = new TextDecoder().decode(await store.download('churn', 2, 'model-card.md'));
    await store.download('churn', 2, 'SHA256SUMS');
    expect(record.checksums!['SHA256SUMS']).toBe(sha256Hex(await readFile(join(dir, 'SHA256SUMS'))));
    expect(card).toContain(`| evaluation.json | \`${sha256Hex(newEvaluation)}\` |`);
    expect(card).toContain(`| notes.txt | \`${sha256Hex('notes')}\` |`);
    expect(card).not.toContain(`| evaluation.json | \`${sha256Hex(oldEvaluation)}\` |`);
    expect(card).toContain(`evaluation.json on ${record.attachments![0].at} by me, replacing sha256`);
    // Still compared with the version before it, as at registration.
    expect(card).toContain('| previous version | v1 |');
  });
});
