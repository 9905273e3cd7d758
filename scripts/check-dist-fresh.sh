#!/usr/bin/env bash
# Rebuilds and fails when the committed build outputs differ from what `npm run build` writes:
# dist/, the third-party notices, the schema and its validator, and the generated reference docs.
# .ci/run and the release workflow both call it, so the list of generated paths lives here only.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run build >/dev/null || exit 1
changes=$(git status --porcelain --untracked-files=all -- dist THIRD_PARTY_NOTICES.md schema src/config docs/config.md docs/cli.md docs/actions.md)
if [ -n "$changes" ]; then
  echo "the build outputs are stale after npm run build (run it and commit them):"
  echo "$changes"
  exit 1
fi
