import { crc32 } from 'node:zlib';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { run } from '../../src/actions/evaluate-vs-baseline/main.js';
import { tempDir, writeBinaryData, writeBinaryModel } from './helpers.js';

const owner = 'octo-org';
const repo = 'ml-repo';
let dir: string;
let data: string;
let candidate: string;
let baselineBytes: Buffer;
let gh: GitHubEmulator;
const saved = { ...process.env };

/** A one-file stored zip, as the artifact service serves it. */
function zipOne(name: string, data: Buffer): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + data.length, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

/** A zip with evaluation.json and pull-request.json. */
function zipTwo(evaluation: string, pr: string): Buffer {
  const a = zipOne('evaluation.json', Buffer.from(evaluation));
  const b = zipOne('pull-request.json', Buffer.from(pr));
  // Merge two one-entry archives: entries, then both central records with the second offset moved.
  const entryA = a.subarray(0, a.length - 22 - (46 + 'evaluation.json'.length));
  const entryB = b.subarray(0, b.length - 22 - (46 + 'pull-request.json'.length));
  const centralA = a.subarray(entryA.length, a.length - 22);
  const centralB = Buffer.from(b.subarray(entryB.length, b.length - 22));
  centralB.writeUInt32LE(entryA.length, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(2, 8);
  end.writeUInt16LE(2, 10);
  end.writeUInt32LE(centralA.length + centralB.length, 12);
  end.writeUInt32LE(entryA.length + entryB.length, 16);
  return Buffer.concat([entryA, entryB, centralA, centralB, end]);
}

beforeAll(async () => {
  dir = await tempDir('mlci-eval-action-');
  data = await writeBinaryData(dir, 800, 8);
  candidate = await writeBinaryModel(dir, 'candidate.onnx', 1.4, -0.7);
  baselineBytes = await readFile(await writeBinaryModel(dir, 'baseline.onnx', 1.0, -0.3));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  gh.addPullRequest({ number: 12, headSha: 'f00d000000000000000000000000000000000012', headRef: 'feature' });
  const mainRun = gh.addWorkflowRun({
    name: 'ci',
    workflowFile: 'ci.yml',
    headBranch: 'main',
    event: 'push',
    status: 'completed',
    conclusion: 'success',
    headSha: 'a'.repeat(40)
  });
  gh.addArtifact(mainRun.id, { name: 'mlci-model', data: zipOne('model.onnx', baselineBytes) });
});
afterEach(async () => {
  await gh.close();
  process.env = { ...saved };
  process.exitCode = 0;
});

async function runAction(
  token: string,
  headSha: string,
  extra: Record<string, string> = {}
): Promise<{ code: number; summary: string; outputs: string }> {
  // @actions/core caches the summary path of its first write: one file for every run, read from where it ended.
  const summary = join(dir, 'summary.md');
  const outputs = join(dir, `outputs-${Math.random()}.txt`);
  const event = join(dir, 'event.json');
  const before = await readFile(summary, 'utf8').catch(() => '');
  await writeFile(summary, before);
  await writeFile(outputs, '');
  await writeFile(event, JSON.stringify({ pull_request: { number: 12, head: { sha: headSha } } }));
  Object.assign(process.env, {
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_API_URL: gh.baseUrl,
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKFLOW: 'ci',
    GITHUB_RUN_ID: '99',
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: outputs,
    MLCI_INPUT_MODEL: candidate,
    MLCI_INPUT_DATA: data,
    MLCI_INPUT_LABEL: 'y',
    MLCI_INPUT_TASK: 'binary',
    MLCI_INPUT_NAME: 'churn',
    MLCI_INPUT_REGISTRY: join(dir, 'empty-registry'),
    MLCI_INPUT_GATES: 'roc_auc:max_drop=0.05',
    MLCI_INPUT_BOOTSTRAP: '50',
    MLCI_INPUT_CONFIG: join(dir, 'absent.yml'),
    MLCI_INPUT_OUT: join(dir, 'out'),
    MLCI_INPUT_TOKEN: token,
    ...extra
  });
  process.exitCode = 0;
  await run();
  return {
    code: Number(process.exitCode ?? 0),
    summary: (await readFile(summary, 'utf8')).slice(before.length),
    outputs: await readFile(outputs, 'utf8')
  };
}

describe('actions/evaluate-vs-baseline against the emulator', () => {
  it('takes the baseline from the main-branch artifact, and two pushes leave one updated comment and a check run each', async () => {
    const first = await runAction(gh.writeToken, 'f00d000000000000000000000000000000000012');
    expect(first.code).toBe(0);
    expect(first.outputs).toContain('verdict');
    const e = JSON.parse(await readFile(join(dir, 'out', 'evaluation.json'), 'utf8'));
    expect(e.baseline_source.kind).toBe('artifact');
    expect(e.baseline_source.tried).toEqual([
      'registry: no churn@production',
      expect.stringContaining('artifact: mlci-model/model.onnx from run')
    ]);
    expect(first.summary).toMatch(/^## ✅ mlci evaluate · churn: \*\*PASS\*\*/);
    // report.html goes into the uploaded folder, and the summary points at it.
    const html = await readFile(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(first.summary).toContain('the `report.html` artifact of');
    const second = await runAction(gh.writeToken, 'beef000000000000000000000000000000000034');
    expect(second.code).toBe(0);
    const comments = gh.state.comments.filter((c) => c.issue_number === 12);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('Previous run (f00d000)');
    expect(comments[0].body).toContain('the `report.html` artifact of');
    expect(comments[0].body).toContain('also in the `mlci-evaluation` artifact');
    expect(gh.state.checkRuns.map((c) => [c.head_sha.slice(0, 4), c.conclusion])).toEqual([
      ['f00d', 'success'],
      ['beef', 'success']
    ]);
  });

  it('with a read-only token (fork) writes the summary and the files, posts nothing and fails nothing', async () => {
    const res = await runAction(gh.readOnlyToken, 'f00d000000000000000000000000000000000012');
    expect(res.code).toBe(0);
    expect(res.summary).toContain('mlci evaluate');
    expect(gh.state.comments).toHaveLength(0);
    expect(gh.state.checkRuns).toHaveLength(0);
    expect(JSON.parse(await readFile(join(dir, 'out', 'evaluation.json'), 'utf8')).verdict).toBe('pass');
  });

  it('fails the step (exit 1) when a gate fails, after reporting', async () => {
    const res = await runAction(gh.writeToken, 'f00d000000000000000000000000000000000012', {
      MLCI_INPUT_GATES: 'accuracy:min=0.999'
    });
    expect(res.code).toBe(1);
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.state.checkRuns[0].conclusion).toBe('failure');
  });

  it('names a rejected input as the workflow wrote it (input "bootstrap"), not as the CLI flag', async () => {
    const original = process.stdout.write.bind(process.stdout);
    const log: string[] = [];
    process.stdout.write = ((chunk: string) => log.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      const res = await runAction(gh.writeToken, 'f00d000000000000000000000000000000000013', {
        MLCI_INPUT_BOOTSTRAP: 'many'
      });
      expect(res.code).toBe(2);
    } finally {
      process.stdout.write = original;
    }
    expect(log.join('')).toMatch(/::error::input "bootstrap": got "many", expected a whole number/);
  });

  it('publish-only mode (workflow_run poster) posts the report of a fork run after checking the head SHA, re-rendering it from sanitised JSON', async () => {
    const sha = 'f00d000000000000000000000000000000000012';
    const fork = await runAction(gh.readOnlyToken, sha);
    expect(fork.code).toBe(0);
    expect(gh.state.comments).toHaveLength(0);
    const out = join(dir, 'out');
    const e = JSON.parse(await readFile(join(out, 'evaluation.json'), 'utf8'));
    expect(JSON.parse(await readFile(join(out, 'pull-request.json'), 'utf8'))).toEqual({
      number: 12,
      head_sha: sha
    });
    // What a malicious fork could put in its artifact: a mention, markup, a bogus metric name.
    e.summary = 'pass @octo-org/admins <img src=x onerror=alert(1)>';
    e.candidate.metrics['evil`name @someone'] = 1;
    await writeFile(join(out, 'evaluation.json'), JSON.stringify(e));
    await writeFile(join(out, 'evaluation.md'), 'IGNORED @everyone');
    const wrong = await runAction(gh.writeToken, sha, {
      MLCI_INPUT_PUBLISH_FROM: out,
      MLCI_INPUT_EXPECTED_HEAD_SHA: 'b'.repeat(40),
      MLCI_INPUT_WORKFLOW: '.github/workflows/ci.yml'
    });
    expect(wrong.code).toBe(2);
    expect(gh.state.comments).toHaveLength(0);
    const posted = await runAction(gh.writeToken, sha, {
      MLCI_INPUT_PUBLISH_FROM: out,
      MLCI_INPUT_EXPECTED_HEAD_SHA: sha,
      MLCI_INPUT_WORKFLOW: '.github/workflows/ci.yml'
    });
    expect(posted.code).toBe(0);
    expect(gh.state.comments).toHaveLength(1);
    const body = gh.state.comments[0].body;
    expect(body).toContain('<!-- mlci-evaluate:ci.yml%2Fchurn -->');
    expect(body).not.toContain('IGNORED');
    expect(body).not.toContain('evil');
    expect(body).not.toMatch(/@octo-org/);
    expect(body).toContain('@\u200bocto-org/admins &lt;img');
    expect(gh.state.checkRuns[0]).toMatchObject({ head_sha: sha, conclusion: 'success' });

    // The same through the API: the evaluating run's artifact, as the documented poster reads it.
    const prRun = gh.addWorkflowRun({
      name: 'ci',
      workflowFile: 'ci.yml',
      headBranch: 'feature',
      event: 'pull_request',
      status: 'completed',
      conclusion: 'success',
      headSha: sha
    });
    e.summary = 'second post';
    const artifact = Buffer.concat([zipOne('evaluation.json', Buffer.from(JSON.stringify(e)))]);
    gh.addArtifact(prRun.id, { name: 'mlci-evaluation', data: artifact });
    const missingPr = await runAction(gh.writeToken, sha, {
      MLCI_INPUT_PUBLISH_FROM_RUN: String(prRun.id),
      MLCI_INPUT_EXPECTED_HEAD_SHA: sha
    });
    expect(missingPr.code).toBe(2);
    gh.state.artifacts.pop();
    gh.addArtifact(prRun.id, {
      name: 'mlci-evaluation',
      data: zipTwo(JSON.stringify(e), JSON.stringify({ number: 12, head_sha: sha }))
    });
    const viaRun = await runAction(gh.writeToken, sha, {
      MLCI_INPUT_PUBLISH_FROM_RUN: String(prRun.id),
      MLCI_INPUT_EXPECTED_HEAD_SHA: sha,
      MLCI_INPUT_WORKFLOW: '.github/workflows/ci.yml'
    });
    expect(viaRun.code).toBe(0);
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.state.comments[0].body).toContain('second post');
  });
});
