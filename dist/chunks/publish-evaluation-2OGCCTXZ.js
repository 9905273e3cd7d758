import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  githubClient
} from "./chunk-E4VRRSWS.js";
import "./chunk-N2TVV43K.js";
import "./chunk-3U3CFE5T.js";
import {
  escapeMarkdown,
  truncateMarkdown
} from "./chunk-KFMS7UDB.js";
import {
  describeError
} from "./chunk-HRKM2MUG.js";
import "./chunk-3CG65SHH.js";

// src/github/check-run.ts
var MAX_CHECK_OUTPUT_CHARS = 65535;
var MAX_CHECK_SUMMARY_CHARS = 1e3;
async function createVerdictCheckRun(check) {
  const conclusion = check.verdict === "pass" ? "success" : "failure";
  const title = check.verdict === "fail" ? "Gates failed" : check.rubberStamp ? "Passed as a rubber stamp (no baseline)" : "All gates passed";
  try {
    const res = await check.octokit.request("POST /repos/{owner}/{repo}/check-runs", {
      owner: check.owner,
      repo: check.repo,
      name: check.name,
      head_sha: check.headSha,
      status: "completed",
      conclusion,
      ...check.detailsUrl ? { details_url: check.detailsUrl } : {},
      output: {
        title,
        // GitHub renders the summary as Markdown under the base repository's name: links, images,
        // HTML and @mentions in it must stay text, as in the PR comment.
        summary: escapeMarkdown(check.summary, MAX_CHECK_SUMMARY_CHARS),
        text: truncateMarkdown(check.report, MAX_CHECK_OUTPUT_CHARS - 100)
      }
    });
    return { action: "created", id: Number(res.data.id), conclusion };
  } catch (error) {
    const code = error.status;
    if (code === 403 || code === 404) {
      return {
        action: "skipped",
        reason: "the token cannot create check runs (checks: write is needed; fork pull requests get a read-only token)"
      };
    }
    throw error;
  }
}

// src/github/pr-comment.ts
var MAX_COMMENT_CHARS = 65536;
var BUDGET = MAX_COMMENT_CHARS - 1024;
var CURRENT_START = "<!-- mlci:current:start -->";
var CURRENT_END = "<!-- mlci:current:end -->";
function commentMarker(key) {
  return `<!-- mlci-evaluate:${encodeURIComponent(key)} -->`;
}
function composeCommentBody(key, report, previousBody, runLabel) {
  const label = runLabel ? `<!-- mlci:run:${runLabel.replace(/-->/g, "")} -->
` : "";
  const current = `${CURRENT_START}
${label}${report.trim()}
${CURRENT_END}`;
  let previous = "";
  if (previousBody) {
    const start = previousBody.indexOf(CURRENT_START);
    const end = previousBody.indexOf(CURRENT_END);
    if (start >= 0 && end > start) {
      const old = previousBody.slice(start + CURRENT_START.length, end).trim();
      const oldLabel = /<!-- mlci:run:(.*?) -->/.exec(old)?.[1];
      const content = old.replace(/<!-- mlci:run:.*? -->\n?/, "").replace(/<!--[\s\S]*?-->/g, "");
      previous = `

<details><summary>Previous run${oldLabel ? ` (${oldLabel})` : ""}</summary>

${content}

</details>`;
    }
  }
  const marker = commentMarker(key);
  let body = `${marker}
${current}${previous}`;
  if (body.length > BUDGET) body = `${marker}
${current}`;
  if (body.length > BUDGET) {
    const trimmed = truncateMarkdown(
      report.trim(),
      BUDGET - marker.length - CURRENT_START.length - CURRENT_END.length - label.length - 8
    );
    body = `${marker}
${CURRENT_START}
${label}${trimmed}
${CURRENT_END}`;
  }
  return body;
}
var ACTIONS_BOT_LOGIN = "github-actions[bot]";
async function tokenLogin(octokit) {
  try {
    const res = await octokit.request("GET /user");
    return res.data.login;
  } catch (error) {
    const code = status(error);
    if (code !== void 0 && code >= 400 && code < 500) return ACTIONS_BOT_LOGIN;
    throw error;
  }
}
function status(error) {
  return typeof error?.status === "number" ? error.status : void 0;
}
async function upsertStickyComment(request) {
  const { octokit, owner, repo, issueNumber, key } = request;
  const marker = commentMarker(key);
  const author = request.author ?? await tokenLogin(octokit);
  const ours = (c) => c.user?.login === author && (c.body ?? "").startsWith(marker);
  let existing;
  for await (const page of octokit.paginate.iterator(
    "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100
    }
  )) {
    existing = page.data.find(ours);
    if (existing) break;
  }
  const body = composeCommentBody(key, request.body, existing?.body ?? null, request.runLabel);
  try {
    if (existing) {
      const res2 = await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
        owner,
        repo,
        comment_id: existing.id,
        body
      });
      return { action: "updated", id: Number(res2.data.id), url: res2.data.html_url };
    }
    const res = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner,
      repo,
      issue_number: issueNumber,
      body
    });
    return { action: "created", id: Number(res.data.id), url: res.data.html_url };
  } catch (error) {
    if (status(error) === 403 || status(error) === 404) {
      return {
        action: "skipped",
        reason: "the token cannot write comments (a pull request from a fork gets a read-only token); the report is in the job summary and the artifact; see docs/fork-pull-requests.md to post it from workflow_run"
      };
    }
    throw error;
  }
}

// src/github/publish-evaluation.ts
async function publishEvaluation(options) {
  const { context, evaluation, log } = options;
  const octokit = options.octokit ?? githubClient(context);
  const model = evaluation.model_name ?? "model";
  let commentId = null;
  if (options.comment && context.pullNumber !== null) {
    const pullNumber = context.pullNumber;
    await warnOnFailure(log, "could not post the PR comment", async () => {
      const res = await upsertStickyComment({
        octokit,
        owner: context.owner,
        repo: context.repo,
        issueNumber: pullNumber,
        key: `${context.workflow}/${model}`,
        body: options.markdown,
        runLabel: context.headSha.slice(0, 7)
      });
      if (res.action === "skipped") log.notice(`no PR comment: ${res.reason}`);
      else log.info(`PR comment ${res.action}: ${res.url ?? res.id}`);
      commentId = res.id ?? null;
    });
  }
  if (options.checkRun && context.headSha) {
    await warnOnFailure(log, "could not create the check run", async () => {
      const res = await createVerdictCheckRun({
        octokit,
        owner: context.owner,
        repo: context.repo,
        headSha: context.headSha,
        name: `mlci evaluate (${model})`,
        verdict: evaluation.verdict,
        rubberStamp: evaluation.rubber_stamp,
        summary: evaluation.summary,
        report: options.markdown,
        detailsUrl: context.runUrl ?? void 0
      });
      if (res.action === "skipped") log.notice(`no check run: ${res.reason}`);
    });
  }
  return { commentId };
}
async function warnOnFailure(log, what, work) {
  try {
    await work();
  } catch (error) {
    log.warning(`${what}: ${describeError(error)}`);
  }
}
export {
  publishEvaluation
};
