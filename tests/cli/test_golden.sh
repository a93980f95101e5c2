#!/bin/bash
# Golden test: `tally check --format json` on each example report must equal
# examples/NAME.expected.json exactly. After a deliberate change, regenerate
# them with `make golden` (tests/cli/regen_golden.sh) and review the diff.
set -u
TALLY=$1
SRC=$2
cd "$SRC"
fail=0
n=0
for report in examples/*.txt; do
  expected="${report%.txt}.expected.json"
  n=$((n + 1))
  if [ ! -f "$expected" ]; then
    echo "FAIL $report: no $expected (run make golden)"
    fail=$((fail + 1))
    continue
  fi
  actual=$("$TALLY" check --format json "$report")
  rc=$?
  if [ $rc -gt 1 ]; then
    echo "FAIL $report: exit code $rc"
    fail=$((fail + 1))
    continue
  fi
  if ! diff -u "$expected" <(printf '%s\n' "$actual") > /tmp/tally-golden-diff.$$; then
    echo "FAIL $report differs from $expected:"
    head -40 /tmp/tally-golden-diff.$$
    fail=$((fail + 1))
  fi
  rm -f /tmp/tally-golden-diff.$$
done
echo "$((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
