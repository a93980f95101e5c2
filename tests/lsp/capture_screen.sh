#!/bin/bash
# Captures Neovim showing tally's diagnostics, as text, with tmux.
# usage: capture_screen.sh TALLY SOURCE_DIR [OUT]   (default OUT: SOURCE_DIR/tests/artifacts/nvim-screen.txt)
set -eu
TALLY=$(realpath "$1")
SRC=$(realpath "$2")
OUT=${3:-$SRC/tests/artifacts/nvim-screen.txt}
command -v nvim >/dev/null && command -v tmux >/dev/null || { echo "skip: needs nvim and tmux"; exit 77; }
work=$(mktemp -d)
sock="tally-capture-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$SRC/tests/lsp/report.md" "$work/report.md"
cd "$work"
TERM=xterm-256color tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 20 \
  "env TALLY='$TALLY' XDG_CONFIG_HOME='$work' XDG_DATA_HOME='$work' XDG_STATE_HOME='$work' nvim --clean -n -u '$SRC/tests/lsp/screen_init.lua' report.md"
# Wait for the float that the first diagnostic opens.
for _ in $(seq 1 100); do
  sleep 0.1
  tmux -L "$sock" capture-pane -p >"$work/screen.txt"
  grep -q "┌" "$work/screen.txt" && break
done
sleep 0.3
mkdir -p "$(dirname "$OUT")"
tmux -L "$sock" capture-pane -p | sed -e 's/[[:space:]]*$//' >"$OUT"
cat "$OUT"
