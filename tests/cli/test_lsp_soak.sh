#!/bin/bash
# `tally lsp` under 10,000 malformed or hostile messages mixed with valid ones
# (tests/lsp/soak.py): still answering correctly at the end, memory back near
# where the warm-up left it, under 60 s in an optimised build.
# usage: test_lsp_soak.sh TALLY SOURCE_DIR
set -u
TALLY=$1
SRC=$2
command -v python3 >/dev/null || { echo "skip: python3 is not installed"; exit 77; }
[ -r /proc/self/status ] || { echo "skip: no /proc to read memory from"; exit 77; }
exec python3 "$SRC/tests/lsp/soak.py" "$TALLY" 10000
