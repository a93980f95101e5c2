#!/bin/bash
# When the shared corpus and gold labels are present: break each relation that holds in them, one
# figure at a time (../shared/tools/mutate.py), and require tally to notice at least 80% of the breaks.
set -u
TALLY=$1
SRC=$2
SHARED="$SRC/../shared"
if [ ! -f "$SHARED/tools/mutate.py" ] || [ ! -d "$SHARED/corpus" ]; then
  echo "skipped: no ../shared/corpus next to the source tree"
  exit 77
fi
json=$(mktemp)
out=$(python3 "$SHARED/tools/mutate.py" --json "$json" "$TALLY" 2>/dev/null)
echo "$out" | grep -E '^mutants:'
python3 - "$json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ms = d["mutants"] if isinstance(d, dict) and "mutants" in d else d
n = len(ms)
det = sum(1 for m in ms if m.get("detected"))
rate = det / n if n else 0
print(f"detected {det} of {n} broken relations ({rate:.1%}), bar 80%")
print("1 passed, 0 failed" if rate >= 0.80 else "0 passed, 1 failed")
sys.exit(0 if rate >= 0.80 else 1)
PY
rc=$?
rm -f "$json"
exit $rc
