#!/bin/bash
# The minimal-pair suite (tests/pairs): each class's flag cases caught and pass cases left alone, at
# least as well as tests/pairs/thresholds.txt says.
set -u
exec python3 "$2/tests/pairs/run_pairs.py" "$1"
