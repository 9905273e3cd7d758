#!/usr/bin/env bash
# The README's second set-up command: installs what the test suite needs on a fresh clone — the
# Debian packages that are missing (root only for apt-get, through sudo when not root) and the npm
# packages — then runs the whole suite (arguments are passed to jest). .ci/run calls it too.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=$(node scripts/check-test-env.mjs --missing-debian-packages)
if [ -n "$missing" ]; then
  echo "The tests need these Debian packages, which are missing: $missing"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    echo "apt-get needs root: installing them with sudo."
    as_root=(sudo)
  else
    echo "Not root and no sudo: run as root 'apt-get install -y $missing', then this script again." >&2
    exit 1
  fi
  # shellcheck disable=SC2086 # $missing is a list of package names
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

# onnxruntime-node's CPU build ships in the package; skip its optional CUDA download.
export ONNXRUNTIME_NODE_INSTALL=skip
npm ci --no-audit --no-fund
npm test -- "$@"
