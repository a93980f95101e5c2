#!/bin/bash
# Neovim on a real terminal (tmux) shows tally's diagnostic under a figure.
# Saves the screen as text to tests/artifacts/nvim-screen.txt (shown in docs/editors.md).
# usage: test_lsp_screen.sh TALLY SOURCE_DIR   (exit 77 = skipped: no nvim or tmux)
set -u
TALLY=$1
SRC=$2
command -v nvim >/dev/null && command -v tmux >/dev/null || { echo "skip: needs nvim and tmux"; exit 77; }
out="$SRC/tests/artifacts/nvim-screen.txt"
bash "$SRC/tests/lsp/capture_screen.sh" "$TALLY" "$SRC" "$out" || exit 1
first=$("$TALLY" check --format json "$SRC/tests/lsp/report.md" | python3 -c '
import json, sys
d = sorted(json.load(sys.stdin)["diagnostics"], key=lambda d: (d["line"], d["column"]))
print(d[0]["message"][:24] if d else "")')
if [ -z "$first" ]; then
  echo "SKIP content check: tally check reports no diagnostics for report.md"
  exit 0
fi
grep -qF -- "$first" "$out" || { echo "FAIL: the screen does not show '$first'"; exit 1; }
grep -q "┌" "$out" || { echo "FAIL: no diagnostic float on the screen"; exit 1; }
grep -qE '^[EWIH] +[0-9]+ ' "$out" || { echo "FAIL: no diagnostic sign in the sign column"; exit 1; }
echo "ok: the screen shows '$first'"
