#!/bin/bash
# The minimal-pair suite (tests/pairs): each class's flag cases caught and pass cases left alone, at
# least as well as tests/pairs/thresholds.txt says.
# usage: test_pairs.sh TALLY SRC_DIR   (exit 77 = skipped)
set -u
TALLY="${1:?usage: test_pairs.sh TALLY SRC_DIR}"
SRC="${2:?usage: test_pairs.sh TALLY SRC_DIR}"
if ! command -v python3 >/dev/null 2>&1; then
  echo "skipped: python3 not found"
  exit 77
fi
if [ ! -x "$TALLY" ]; then
  echo "skipped: $TALLY is not an executable"
  exit 77
fi
exec python3 "$SRC/tests/pairs/run_pairs.py" "$TALLY"
