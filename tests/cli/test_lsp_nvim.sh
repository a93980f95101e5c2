#!/bin/bash
# Integration test with a real editor: Neovim's built-in LSP client talks to
# `tally lsp`, and what it receives must match `tally check --format json`.
# usage: test_lsp_nvim.sh TALLY SOURCE_DIR   (exit 77 = skipped: no nvim)
set -u
TALLY=$1
SRC=$2
command -v nvim >/dev/null || { echo "skip: nvim is not installed"; exit 77; }
command -v python3 >/dev/null || { echo "skip: python3 is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$SRC/tests/lsp/report.md" "$work/report.md"

"$TALLY" check --format json "$work/report.md" >"$work/check.json"
rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
  echo "FAIL: tally check exited $rc"
  exit 1
fi

export TALLY REPORT="$work/report.md" OUT="$work/nvim.json"
# XDG dirs inside $work keep the user's configuration and state out of it.
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
  timeout 90 nvim --headless --clean -n -c "luafile $SRC/tests/lsp/nvim_client.lua" >"$work/nvim.log" 2>&1
rc=$?
if [ "$rc" -ne 0 ] || [ ! -s "$OUT" ]; then
  echo "FAIL: nvim exited $rc"
  cat "$work/nvim.log"
  [ -s "$OUT" ] && cat "$OUT"
  exit 1
fi
python3 "$SRC/tests/lsp/compare.py" "$work/report.md" "$work/check.json" "$OUT"
