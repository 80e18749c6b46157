#!/usr/bin/env bash
# Checks the README's Emacs eglot snippet against a real server (needs emacs with eglot:
# Emacs 29+, or Debian's emacs-nox + elpa-eglot on Emacs 28). Not part of editors/test.sh.
#   DOSSIER_BIN=/abs/path/to/dossier editors/emacs/check.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/ws" "$tmp/home"
cp -r "$here/../test-workspace/." "$tmp/ws/"
DOSSIER_WS="$tmp/ws" HOME="$tmp/home" timeout 120 emacs --batch -l "$here/eglot-check.el"
