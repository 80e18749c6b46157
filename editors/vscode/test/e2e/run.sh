#!/usr/bin/env bash
# End-to-end test of the VS Code extension in code-server + headless Chromium.
#   DOSSIER_BIN=/abs/path/to/dossier editors/vscode/test/e2e/run.sh
# Installs (cached under ~/.cache/dossier-ci, or $DOSSIER_CI_CACHE): code-server from npm, and,
# when missing, Debian's chromium and ripgrep. Packages the extension, installs the .vsix into a
# fresh extensions folder, starts code-server on 127.0.0.1 on a free port, runs hover.e2e.js,
# saves docs/vscode-hover.png and docs/vscode-problems.png, then kills code-server's process group.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ext="$(cd "$here/../.." && pwd)"
editors="$(cd "$ext/.." && pwd)"
repo="$(cd "$editors/.." && pwd)"
cache="${DOSSIER_CI_CACHE:-$HOME/.cache/dossier-ci}"
cs_version="${CODE_SERVER_VERSION:-4.100.3}"
log() { echo "vscode-e2e: $*"; }

bin="${DOSSIER_BIN:-$repo/target/release/dossier}"
case "$bin" in /*) ;; *) bin="$repo/$bin" ;; esac
if [ ! -x "$bin" ]; then
  echo "vscode-e2e: no dossier binary at $bin (set DOSSIER_BIN)" >&2
  exit 2
fi

# --- system packages (only when missing) --------------------------------------------------
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
if [ "${#need[@]}" -gt 0 ]; then
  log "apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# --- code-server, cached --------------------------------------------------------------------
cs_dir="$cache/code-server-$cs_version"
cs_bin="$cs_dir/node_modules/.bin/code-server"
if [ ! -x "$cs_bin" ] || [ ! -f "$cs_dir/.complete" ]; then
  t0=$SECONDS
  log "installing code-server $cs_version into $cs_dir (once; about a minute or two)"
  # The kerberos module builds from source.
  if ! dpkg -s libkrb5-dev pkg-config >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkrb5-dev pkg-config >/dev/null
  fi
  rm -rf "$cs_dir"
  mkdir -p "$cs_dir"
  # @vscode/ripgrep downloads rg from the internet; hand it Debian's rg as its cached archive.
  rgtmp="$cache/rg-tmp"
  mkdir -p "$rgtmp/vscode-ripgrep-cache-1.15.11"
  rgpack="$(mktemp -d)"
  cp "$(command -v rg)" "$rgpack/rg"
  tar -C "$rgpack" -czf "$rgtmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
  rm -rf "$rgpack"
  echo '{ "name": "dossier-code-server", "private": true }' >"$cs_dir/package.json"
  (cd "$cs_dir" && TMPDIR="$rgtmp" npm_config_unsafe_perm=true npm_config_yes=true \
    nice -n 10 npm install --no-audit --no-fund --loglevel=error "code-server@$cs_version" --foreground-scripts \
    >"$cache/code-server-install.log" 2>&1) || {
    tail -30 "$cache/code-server-install.log" >&2
    exit 1
  }
  touch "$cs_dir/.complete"
  log "code-server installed in $((SECONDS - t0)) s"
fi

# --- the extension: dependencies and .vsix ---------------------------------------------------
cd "$ext"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
# E2E_BUNDLE=1: put the server inside the .vsix and leave dossier.server.path unset, to test the
# extension's own lookup of a bundled binary.
if [ "${E2E_BUNDLE:-0}" = 1 ]; then
  DOSSIER_BUNDLE_BIN="$bin" npm run --silent package >"$here/package.log" 2>&1 || { cat "$here/package.log" >&2; exit 1; }
  server_path_setting=""
else
  npm run --silent package >"$here/package.log" 2>&1 || { cat "$here/package.log" >&2; exit 1; }
  server_path_setting="\"dossier.server.path\": \"$bin\","
fi
log "packaged $(ls -l dossier.vsix | awk '{print $5}') bytes"

# --- a fresh VS Code profile ------------------------------------------------------------------
tmp="$(mktemp -d)"
pgid=""
cleanup() {
  if [ -n "$pgid" ]; then
    kill -- "-$pgid" 2>/dev/null || true
    sleep 0.5
    kill -9 -- "-$pgid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/data/User" "$tmp/extensions" "$tmp/ws"
cp -r "$editors/test-workspace/." "$tmp/ws/"
cat >"$tmp/data/User/settings.json" <<JSON
{
  $server_path_setting
  "dossier.rules": { "unattributed-claim": "error" },
  "dossier.trace.server": "messages",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "editor.hover.delay": 300,
  "editor.minimap.enabled": false,
  "window.commandCenter": false,
  "chat.commandCenter.enabled": false,
  "workbench.colorTheme": "Default Light Modern"
}
JSON
"$cs_bin" --user-data-dir "$tmp/data" --extensions-dir "$tmp/extensions" --install-extension "$ext/dossier.vsix" >"$tmp/install.log" 2>&1 \
  || { cat "$tmp/install.log" >&2; exit 1; }
log "installed the .vsix"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
setsid "$cs_bin" --bind-addr "127.0.0.1:$port" --auth none --user-data-dir "$tmp/data" --extensions-dir "$tmp/extensions" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  "$tmp/ws" >"$tmp/code-server.log" 2>&1 &
pgid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pgid" 2>/dev/null; then cat "$tmp/code-server.log" >&2; exit 1; fi
  sleep 0.25
done
log "code-server on 127.0.0.1:$port"

results="${RESULTS_DIR:-$here/results}"
rm -rf "$results"
mkdir -p "$results"
status=0
VSCODE_DATA_DIR="$tmp/data" CODE_URL="http://127.0.0.1:$port" DOSSIER_WS="$tmp/ws" DOSSIER_BIN="$bin" E2E_BUNDLE="${E2E_BUNDLE:-0}" SHOT_DIR="${SHOT_DIR:-$repo/docs}" RESULTS_DIR="$results" \
  timeout 300 node "$here/hover.e2e.js" || status=$?
cp "$tmp/code-server.log" "$results/code-server.log" 2>/dev/null || true
# The extension's output channel and the extension host log, for failures.
find "$tmp/data/logs" -name '*dossier*' -exec cp {} "$results/" \; 2>/dev/null || true
find "$tmp/data/logs" -name 'remoteexthost.log' -exec cp {} "$results/" \; 2>/dev/null || true
exit "$status"
