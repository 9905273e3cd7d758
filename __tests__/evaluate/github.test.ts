import { crc32, deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { findBaselineArtifact, readZip } from '../../src/github/baseline-artifact.js';
import { createVerdictCheckRun } from '../../src/github/check-run.js';
import { createOctokit, type MlciOctokit } from '../../src/github/octokit.js';
import { MAX_COMMENT_CHARS, commentMarker, upsertStickyComment } from '../../src/github/pr-comment.js';

const owner = 'octo-org';
const repo = 'ml-repo';
const headSha = 'abc1230000000000000000000000000000000001';
let gh: GitHubEmulator;
let octokit: MlciOctokit;

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  octokit = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
  gh.addPullRequest({ number: 7, headSha, headRef: 'feature', baseRef: 'main' });
});
afterEach(async () => {
  await gh.close();
});

const post = (body: string, runLabel?: string, client = octokit) =>
  upsertStickyComment({ octokit: client, owner, repo, issueNumber: 7, key: 'ci.yml/churn', body, runLabel });

/** A zip archive with the given files (the first stored, the rest deflated), as the artifact service serves. */
function zip(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  Object.entries(files).forEach(([name, data], i) => {
    const method = i === 0 ? 0 : 8;
    const body = method === 0 ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  });
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

describe('sticky PR comment', () => {
  it('leaves exactly one comment after two pushes, updated, with the previous run folded', async () => {
    const first = await post('## ✅ run one report', 'abc1230');
    expect(first.action).toBe('created');
    const second = await post('## ❌ run two report', 'def4560');
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    const mine = gh.state.comments.filter((c) => c.issue_number === 7);
    expect(mine).toHaveLength(1);
    const body = mine[0].body;
    expect(body.startsWith(commentMarker('ci.yml/churn'))).toBe(true);
    expect(body.indexOf('run two report')).toBeLessThan(
      body.indexOf('<details><summary>Previous run (abc1230)</summary>')
    );
    expect(body).toContain('run one report');
    const third = await post('## run three', 'fff0000');
    expect(third.action).toBe('updated');
    const after = gh.state.comments.find((c) => c.id === first.id)?.body ?? '';
    expect(after).toContain('Previous run (def4560)');
    expect(after).not.toContain('run one report');
  });

  it('finds its comment behind 150 other comments (every page is read)', async () => {
    for (let i = 0; i < 150; i++) {
      gh.state.comments.push({
        id: 100 + i,
        issue_number: 7,
        body: `chatter ${i}`,
        user: 'someone',
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z'
      });
    }
    const first = await post('report v1');
    expect(first.action).toBe('created');
    const before = gh.state.requests.length;
    const again = await post('report v2');
    expect(again).toMatchObject({ action: 'updated', id: first.id });
    expect(gh.state.comments.filter((c) => c.body.includes(commentMarker('ci.yml/churn')))).toHaveLength(1);
    expect(gh.state.comments).toHaveLength(151);
    const reads = gh.state.requests
      .slice(before)
      .filter((r) => r.method === 'GET' && r.path.includes('/issues/7/comments'));
    expect(reads.map((r) => r.query)).toEqual([
      expect.not.stringContaining('page=2'),
      expect.stringContaining('page=2')
    ]);
  });

  it('keeps one comment per (workflow, model): another model gets its own', async () => {
    await post('churn report');
    await upsertStickyComment({
      octokit,
      owner,
      repo,
      issueNumber: 7,
      key: 'ci.yml/fraud',
      body: 'fraud report'
    });
    expect(gh.state.comments.filter((c) => c.issue_number === 7)).toHaveLength(2);
  });

  it('posts nothing and fails nothing with a read-only token', async () => {
    const readOnly = createOctokit({ token: gh.readOnlyToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
    const res = await post('report', undefined, readOnly);
    expect(res.action).toBe('skipped');
    expect(res.reason).toMatch(/read-only token/);
    expect(gh.state.comments).toHaveLength(0);
    const check = await createVerdictCheckRun({
      octokit: readOnly,
      owner,
      repo,
      headSha,
      name: 'mlci evaluate',
      verdict: 'fail',
      rubberStamp: false,
      summary: 's',
      report: 'r'
    });
    expect(check.action).toBe('skipped');
    expect(gh.state.checkRuns).toHaveLength(0);
  });

  it('retries a transient 502', async () => {
    gh.inject({ route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', kind: '502', times: 1 });
    const res = await post('report after a 502');
    expect(res.action).toBe('created');
    expect(gh.state.comments).toHaveLength(1);
    const posts = gh.state.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/issues/7/comments')
    );
    expect(posts.map((r) => r.status)).toEqual([502, 201]);
  });

  it('keeps the body under 65,536 characters however long the report', async () => {
    const huge = `## report\n\n${'| a | b |\n'.repeat(9000)}`;
    await post(huge, 'one');
    const res = await post(huge, 'two');
    expect(res.action).toBe('updated');
    const body = gh.state.comments[0].body;
    expect(body.length).toBeLessThan(MAX_COMMENT_CHARS);
    expect(body).toContain('report truncated');
  });
});

describe('check run', () => {
  it('is created on the head SHA with the verdict as conclusion', async () => {
    const res = await createVerdictCheckRun({
      octokit,
      owner,
      repo,
      headSha,
      name: 'mlci evaluate (churn)',
      verdict: 'fail',
      rubberStamp: false,
      summary: 'fail: 1 of 2 gates failed (roc_auc)',
      report: '## report'
    });
    expect(res).toMatchObject({ action: 'created', conclusion: 'failure' });
    const run = gh.state.checkRuns[0];
    expect(run).toMatchObject({
      head_sha: headSha,
      name: 'mlci evaluate (churn)',
      status: 'completed',
      conclusion: 'failure'
    });
    const pass = await createVerdictCheckRun({
      octokit,
      owner,
      repo,
      headSha,
      name: 'x',
      verdict: 'pass',
      rubberStamp: true,
      summary: 'first run',
      report: 'r'
    });
    expect(pass.conclusion).toBe('success');
    expect(gh.state.checkRuns[1].output.title).toMatch(/rubber stamp/);
  });
});

describe('baseline artifact of the latest successful main-branch run', () => {
  const model = Buffer.from('onnx model bytes v1');

  it('skips failed runs, other branches and expired artifacts, and reads the model from the zip', async () => {
    const old = gh.addWorkflowRun({
      name: 'ci',
      workflowFile: 'ci.yml',
      headBranch: 'main',
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      headSha: 'a'.repeat(40),
      createdAt: '2026-01-01T00:00:00Z'
    });
    gh.addArtifact(old.id, {
      name: 'mlci-model',
      data: zip({ 'README.txt': Buffer.from('x'), 'model.onnx': model })
    });
    const expired = gh.addWorkflowRun({
      name: 'ci',
      workflowFile: 'ci.yml',
      headBranch: 'main',
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      headSha: 'b'.repeat(40),
      createdAt: '2026-01-02T00:00:00Z'
    });
    gh.addArtifact(expired.id, {
      name: 'mlci-model',
      data: zip({ 'model.onnx': Buffer.from('expired') }),
      expired: true
    });
    const failed = gh.addWorkflowRun({
      name: 'ci',
      workflowFile: 'ci.yml',
      headBranch: 'main',
      event: 'push',
      status: 'completed',
      conclusion: 'failure',
      headSha: 'c'.repeat(40),
      createdAt: '2026-01-03T00:00:00Z'
    });
    gh.addArtifact(failed.id, { name: 'mlci-model', data: zip({ 'model.onnx': Buffer.from('failed') }) });
    const branch = gh.addWorkflowRun({
      name: 'ci',
      workflowFile: 'ci.yml',
      headBranch: 'feature',
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      headSha: 'd'.repeat(40),
      createdAt: '2026-01-04T00:00:00Z'
    });
    gh.addArtifact(branch.id, { name: 'mlci-model', data: zip({ 'model.onnx': Buffer.from('branch') }) });

    const found = await findBaselineArtifact({
      octokit,
      owner,
      repo,
      artifactName: 'mlci-model',
      workflow: 'ci.yml'
    });
    expect(Buffer.from(found?.bytes ?? []).toString()).toBe('onnx model bytes v1');
    expect(found?.ref).toContain(`run ${old.id}`);
    const anyWorkflow = await findBaselineArtifact({ octokit, owner, repo, artifactName: 'mlci-model' });
    expect(Buffer.from(anyWorkflow?.bytes ?? []).toString()).toBe('onnx model bytes v1');
  });

  it('answers null when no run has the artifact', async () => {
    gh.addWorkflowRun({
      name: 'ci',
      workflowFile: 'ci.yml',
      headBranch: 'main',
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      headSha: 'e'.repeat(40)
    });
    expect(await findBaselineArtifact({ octokit, owner, repo, artifactName: 'mlci-model' })).toBeNull();
  });

  it('reads stored and deflated zip entries', () => {
    const files = readZip(
      zip({ 'a.txt': Buffer.from('stored'), 'b/model.onnx': Buffer.from('deflated '.repeat(100)) })
    );
    expect(Buffer.from(files.get('a.txt') ?? []).toString()).toBe('stored');
    expect(Buffer.from(files.get('b/model.onnx') ?? []).toString()).toBe('deflated '.repeat(100));
  });
});
