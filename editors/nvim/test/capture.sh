#!/usr/bin/env bash
# Shows the dossier hover card in a real Neovim inside tmux and saves the screen as text:
#   docs/nvim-hover.txt, docs/nvim-hover.ansi (with colours) and, with chromium, docs/nvim-hover.png.
#   DOSSIER_BIN=/abs/path/to/dossier NVIM=/path/to/nvim editors/nvim/test/capture.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugin="$(cd "$here/.." && pwd)"
editors="$(cd "$plugin/.." && pwd)"
repo="$(cd "$editors/.." && pwd)"
out="${SHOT_DIR:-$repo/docs}"
nvim="${NVIM:-nvim}"
command -v tmux >/dev/null || { echo "capture: tmux not installed" >&2; exit 2; }

tmp="$(mktemp -d)"
sock="dossier-capture-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
cd "$editors/test-workspace"
tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 26 \
  "env TERM=tmux-256color XDG_CONFIG_HOME=$tmp/c XDG_STATE_HOME=$tmp/s XDG_DATA_HOME=$tmp/d \
   DOSSIER_BIN='$DOSSIER_BIN' DOSSIER_PLUGIN='$plugin' DOSSIER_CAPTURE_READY='$tmp/ready' \
   '$nvim' --clean -u '$here/capture_init.lua' committee-notes.txt"
for _ in $(seq 1 100); do
  [ -f "$tmp/ready" ] && break
  sleep 0.2
done
[ -f "$tmp/ready" ] || { echo "capture: no hover card within 20 s" >&2; tmux -L "$sock" capture-pane -p >&2 || true; exit 1; }
mkdir -p "$out"
tmux -L "$sock" capture-pane -p >"$out/nvim-hover.txt"
tmux -L "$sock" capture-pane -p -e >"$out/nvim-hover.ansi"
echo "capture: wrote $out/nvim-hover.txt"
# A picture of the same screen: the coloured dump as HTML, photographed by headless Chromium.
if command -v chromium >/dev/null 2>&1; then
  python3 "$here/ansi2html.py" "$out/nvim-hover.ansi" "$tmp/screen.html"
  rows="$(wc -l <"$out/nvim-hover.txt")"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$tmp/chromium" --hide-scrollbars \
    --window-size=920,$((rows * 18 + 16)) --screenshot="$out/nvim-hover.png" "file://$tmp/screen.html" >/dev/null 2>&1 \
    && echo "capture: wrote $out/nvim-hover.png"
fi
