#!/bin/bash
# When the shared corpus and gold labels are present (a developer's or CI's checkout, not a user's
# clone), tally must keep the bar of the relations issue on them, at figure level (a diagnostic counts
# only when it or a related figure is one of the finding's own numbers): precision at least 0.95,
# recall at least 0.80, no diagnostic on a trap line, and a clean output contract.
set -u
TALLY=$1
SRC=$2
SHARED="$SRC/../shared"
if [ ! -f "$SHARED/tools/score.py" ] || [ ! -d "$SHARED/corpus" ]; then
  echo "skipped: no ../shared/corpus next to the source tree"
  exit 77
fi
out=$(python3 "$SHARED/tools/score.py" --json /tmp/tally-score.$$.json "$TALLY")
echo "$out" | head -8
python3 - /tmp/tally-score.$$.json <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["total"]
ok = (t["recall_fig"] or 0) >= 0.80 and (t["precision_fig"] is None or t["precision_fig"] >= 0.95) \
    and t["trap_hits"] == 0 and t["contract_problems"] == 0
print(f"figure level: recall {t['recall_fig']}, precision {t['precision_fig']}; trap hits {t['trap_hits']}, "
      f"contract problems {t['contract_problems']}")
print("1 passed, 0 failed" if ok else "0 passed, 1 failed")
sys.exit(0 if ok else 1)
PY
rc=$?
rm -f /tmp/tally-score.$$.json
exit $rc
