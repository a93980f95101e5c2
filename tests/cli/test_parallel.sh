#!/bin/bash
# Files checked on several threads share the loaded packs. A check that reads them through an API that
# is not thread-safe (yaml-cpp's node lookups once were) crashes a run now and then, so: a folder of
# every minimal-pair passage (some 850 files) that exercise every rule, checked with -j4 many times, must never crash, and must
# give the same output every time (and the same as -j1).
#   bash test_parallel.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || exit 77
python3 - "$SRC/tests/pairs" "$TMP/in" <<'PY'
import os, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
n = 0
for f in sorted(os.listdir(src)):
    if not f.endswith(".txt") or f == "thresholds.txt":
        continue
    text, cur = open(os.path.join(src, f), encoding="utf-8").read().split("\n"), []
    cases = []
    for line in text:
        if line.startswith("=== "):
            cur = []
            cases.append(cur)
        elif not line.startswith("#") and cases:
            cur.append(line)
    for c in cases:
        n += 1
        open(os.path.join(out, "%03d.txt" % n), "w", encoding="utf-8").write("\n".join(c).strip() + "\n")
PY
"$TALLY" check -j1 --no-config --format json --fail-on never "$TMP/in" >"$TMP/j1.json" 2>"$TMP/err"
if [ $? -ne 0 ]; then
  echo "FAIL: -j1 run failed: $(head -1 "$TMP/err")"
  exit 1
fi
runs=40
[ "${TALLY_OPTIMIZED:-1}" == 1 ] || runs=4
for i in $(seq 1 $runs); do
  "$TALLY" check -j4 --no-config --format json --fail-on never "$TMP/in" >"$TMP/j4.json" 2>"$TMP/err"
  rc=$?
  if [ $rc -ne 0 ]; then
    bad "run $i of -j4 exited $rc"
    break
  fi
  if ! cmp -s "$TMP/j1.json" "$TMP/j4.json"; then
    bad "run $i of -j4 differs from -j1"
    break
  fi
done
[ "$failed" = 0 ] && ok "$runs parallel runs over $(ls "$TMP/in" | wc -l) files: no crash, same output as -j1"
finish
