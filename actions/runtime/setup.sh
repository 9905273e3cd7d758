#!/usr/bin/env bash
# The mlci actions' runtime, set up without touching the user's job: no actions/setup-node (it would
# leave its Node on the PATH for every later step), nothing written into the workspace (with
# `uses: ./` the action's folder IS the workspace). The native packages are installed once per job
# under the runner's tool cache, keyed by actions/runtime/package-lock.json, with only this
# platform's binaries kept. See actions/runtime/README.md.
#
#   setup.sh locate ROOT   → GITHUB_OUTPUT: root, node, runtime, cache-key, present
#   setup.sh install       ← MLCI_ROOT, MLCI_NODE, MLCI_RUNTIME_DIR
set -euo pipefail

NODE_MAJOR=24
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# A Node to run mlci with, by absolute path: the tool cache's Node 24 (hosted runners have one),
# else the job's own node when it is 20 or later, else Node 24 downloaded into the tool cache.
find_node() {
  local cache="${RUNNER_TOOL_CACHE:-}" arch candidate
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
  if [ -n "$cache" ]; then
    candidate="$(ls -d "$cache"/node/"$NODE_MAJOR".*/"$arch"/bin/node 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return; fi
  fi
  if command -v node >/dev/null 2>&1; then
    local major
    major="$(node -p 'process.versions.node.split(".")[0]')"
    if [ "$major" -ge 20 ]; then command -v node; return; fi
  fi
  download_node "$arch"
}

download_node() {
  local arch="$1" os base version dir
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) echo "mlci: no Node $NODE_MAJOR for $(uname -s); set one up before this step" >&2; exit 2 ;; esac
  base="https://nodejs.org/dist/latest-v$NODE_MAJOR.x"
  version="$(curl -fsSL "$base/SHASUMS256.txt" | sed -n "s/.*node-\(v[0-9.]*\)-$os-$arch.tar.gz$/\1/p" | head -n 1)"
  dir="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/mlci-node/$version/$arch"
  if [ ! -x "$dir/bin/node" ]; then
    local tmp
    tmp="$(mktemp -d)"
    curl -fsSL -o "$tmp/node.tar.gz" "$base/node-$version-$os-$arch.tar.gz"
    curl -fsSL "$base/SHASUMS256.txt" | grep " node-$version-$os-$arch.tar.gz\$" | sed "s# .*#  $tmp/node.tar.gz#" | sha256sum -c - >&2
    mkdir -p "$dir"
    tar -xzf "$tmp/node.tar.gz" -C "$dir" --strip-components=1
    rm -rf "$tmp"
  fi
  echo "$dir/bin/node"
}

locate() {
  local root node hash platform dir
  root="$(cd "$1" && pwd)"
  node="$(find_node)"
  hash="$(sha256sum "$here/package-lock.json" | cut -c1-16)"
  platform="$("$node" -p 'process.platform + "-" + process.arch')"
  dir="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/mlci-runtime/$platform-$hash"
  {
    echo "root=$root"
    echo "node=$node"
    echo "runtime=$dir"
    echo "cache-key=mlci-runtime-$platform-$hash"
    echo "present=$([ -f "$dir/.complete" ] && echo true || echo false)"
  } >> "$GITHUB_OUTPUT"
}

install() {
  local dir="$MLCI_RUNTIME_DIR" platform arch os libc
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$here/package.json" "$here/package-lock.json" "$dir/"
  # The npm beside the chosen node, for this step only (the job's PATH stays as it was).
  (cd "$dir" && PATH="$(dirname "$MLCI_NODE"):$PATH" ONNXRUNTIME_NODE_INSTALL=skip \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
  os="$("$MLCI_NODE" -p process.platform)"
  arch="$("$MLCI_NODE" -p process.arch)"
  platform="$os-$arch"
  libc="$("$MLCI_NODE" -p 'process.report.getReport().header.glibcVersionRuntime ? "" : "-musl"')"
  # onnxruntime-node ships every platform's binaries (~290 MB); keep this one's.
  for bin in "$dir"/node_modules/onnxruntime-node/bin/napi-v*/*; do
    [ "$(basename "$bin")" = "$os" ] || rm -rf "$bin"
  done
  for bin in "$dir"/node_modules/onnxruntime-node/bin/napi-v*/"$os"/*; do
    [ "$(basename "$bin")" = "$arch" ] || rm -rf "$bin"
  done
  for pkg in "$dir"/node_modules/@duckdb/node-bindings-*; do
    [ -e "$pkg" ] || continue
    [ "$(basename "$pkg")" = "node-bindings-$platform$libc" ] || rm -rf "$pkg"
  done
  touch "$dir/.complete"
  echo "mlci: native runtime for $platform installed in $dir ($(du -sh "$dir" | cut -f1))"
}

case "${1:-}" in
  locate) locate "${2:?locate needs the mlci root}" ;;
  install) install ;;
  *) echo "usage: setup.sh locate ROOT | install" >&2; exit 2 ;;
esac
