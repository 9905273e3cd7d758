import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  truncateMarkdown
} from "./chunk-N3GLJ5J5.js";
import "./chunk-3CG65SHH.js";

// src/github/check-run.ts
var MAX_CHECK_OUTPUT_CHARS = 65535;
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
        summary: truncateMarkdown(check.summary, 1e3),
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
export {
  MAX_CHECK_OUTPUT_CHARS,
  createVerdictCheckRun
};
