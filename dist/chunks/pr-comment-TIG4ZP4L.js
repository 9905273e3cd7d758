import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  truncateMarkdown
} from "./chunk-N3GLJ5J5.js";
import "./chunk-3CG65SHH.js";

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
function status(error) {
  return typeof error?.status === "number" ? error.status : void 0;
}
async function upsertStickyComment(request) {
  const { octokit, owner, repo, issueNumber, key } = request;
  const marker = commentMarker(key);
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
    existing = page.data.find((c) => c.body?.includes(marker));
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
export {
  MAX_COMMENT_CHARS,
  commentMarker,
  composeCommentBody,
  upsertStickyComment
};
