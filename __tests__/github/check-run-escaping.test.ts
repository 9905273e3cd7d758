import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { createVerdictCheckRun } from '../../src/github/check-run.js';
import { createOctokit, type MlciOctokit } from '../../src/github/octokit.js';
import { publishEvaluation } from '../../src/github/publish-evaluation.js';
import { sanitizeEvaluation } from '../../src/evaluation/sanitize.js';
import { renderEvaluationMarkdown } from '../../src/report/evaluation-md.js';

const owner = 'octo-org';
const repo = 'ml-repo';
const headSha = 'b'.repeat(40);
const HOSTILE =
  'pass: all gates passed — [Maintainers: click here to approve](https://evil.example/phish) ' +
  '<img src="https://evil.example/pixel.png"> @octo/admins **LGTM**';
let gh: GitHubEmulator;
let octokit: MlciOctokit;

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner, repo });
  octokit = createOctokit({ token: gh.writeToken, baseUrl: gh.baseUrl, timeScale: 0.001 });
  gh.addPullRequest({ number: 12, headSha, headRef: 'feature', fork: true });
});
afterEach(async () => {
  await gh.close();
});

/** What GitHub would render live from a summary: links, images, HTML tags, mentions. */
function liveMarkup(summary: string): string[] {
  const found: string[] = [];
  if (/\]\(/.test(summary)) found.push('link');
  if (/<[a-z]/i.test(summary)) found.push('html');
  if (/https?:\/\//.test(summary)) found.push('url');
  if (/@[a-z0-9]/i.test(summary)) found.push('mention');
  if (/(^|[^\\])\*\*/.test(summary)) found.push('emphasis');
  return found;
}

describe('the check run summary is text, never live Markdown', () => {
  it('escapes links, images, HTML and @mentions, and keeps the words', async () => {
    await createVerdictCheckRun({
      octokit,
      owner,
      repo,
      headSha,
      name: 'mlci evaluate (churn)',
      verdict: 'pass',
      rubberStamp: false,
      summary: HOSTILE,
      report: '## report'
    });
    const summary = gh.state.checkRuns[0].output.summary ?? '';
    expect(liveMarkup(summary)).toEqual([]);
    expect(summary).toContain('Maintainers: click here to approve');
    expect(summary).toContain('&lt;img');
  });

  it('the workflow_run poster of a fork: the sanitised summary is one line and escaped in the check run', async () => {
    const evaluation = sanitizeEvaluation({
      schema_version: 1,
      task: 'binary',
      verdict: 'pass',
      model_name: 'churn',
      summary: `${HOSTILE}\n\n# Approved by the security team\r\n::error::x`,
      candidate: { source: 'model.onnx', sha256: 'a'.repeat(64), size_bytes: 1, metrics: { roc_auc: 0.9 } },
      deltas: {},
      gates: [],
      slices: []
    });
    expect(evaluation.summary).not.toMatch(/[\r\n]/);
    const notices: string[] = [];
    const log = {
      info() {},
      notice: (m: string) => notices.push(m),
      warning: (m: string) => notices.push(m)
    };
    await publishEvaluation({
      context: {
        owner,
        repo,
        apiUrl: gh.baseUrl,
        serverUrl: 'https://github.com',
        workflow: 'mlci-pr.yml',
        eventName: 'workflow_run',
        pullNumber: 12,
        headSha,
        ref: headSha,
        actor: null,
        runUrl: null,
        token: gh.writeToken
      },
      evaluation,
      markdown: renderEvaluationMarkdown(evaluation),
      comment: true,
      checkRun: true,
      octokit,
      log
    });
    expect(notices).toEqual([]);
    const summary = gh.state.checkRuns[0].output.summary ?? '';
    expect(liveMarkup(summary)).toEqual([]);
    expect(summary).not.toMatch(/^#/m);
    // The comment escapes the same string: both copies now agree.
    expect(
      liveMarkup(gh.state.comments[0].body.split('\n').find((l) => l.includes('Maintainers')) ?? '')
    ).toEqual([]);
  });
});
