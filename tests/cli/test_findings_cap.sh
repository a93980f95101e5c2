#!/bin/bash
# At most --max-findings (default 1000) findings per file, then one summary
# finding counting the rest, in every output format; the exit code is unchanged.
# usage: test_findings_cap.sh TALLY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "skip: python3 is not installed"; exit 77; }
# 1,500 invented sentences, each with a 其中 breakdown that does not add up (x + 90 ≠ 200 + ...).
python3 -c '
for i in range(1500):
    print("第%d校专任教师 %d 人，其中男教师 120 人，女教师 %d 人。" % (i + 1, 200 + i, 90 + i))
' > "$TMP/many.txt"
python3 - "$TALLY" "$TMP/many.txt" <<'PY'
import json, subprocess, sys
tally, path = sys.argv[1], sys.argv[2]
ok = True
def run(*args):
    p = subprocess.run([tally, "check", "--no-config", *args, path], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout

code, out = run("--format", "json", "--max-findings", "0")
everything = json.loads(out)["diagnostics"]
print("uncapped: %d findings" % len(everything))
if len(everything) <= 1000 or code != 1:
    print("FAIL: the generated file should give over 1000 findings (got %d, exit %d)" % (len(everything), code)); ok = False

code, out = run("--format", "json")
d = json.loads(out)["diagnostics"]
last = d[-1] if d else {}
if len(d) != 1001 or last.get("rule") != "too-many-findings" or code != 1:
    print("FAIL: default cap: %d findings, last %r, exit %d" % (len(d), last.get("rule"), code)); ok = False
elif "%d more findings" % (len(everything) - 1000) not in last["message"] or last["line"] != everything[1000]["line"]:
    print("FAIL: summary: %r at line %r" % (last["message"], last["line"])); ok = False
if d[:1000] != everything[:1000]:
    print("FAIL: the capped findings are not the first 1000"); ok = False

code, out = run("--max-findings", "10")
lines = [l for l in out.splitlines() if "error[" in l or "warning[" in l or "info[" in l]
if len(lines) != 11 or "[too-many-findings]" not in lines[-1] or code != 1:
    print("FAIL: text with --max-findings 10: %d findings, last %r" % (len(lines), lines[-1:])); ok = False

code, out = run("--format", "sarif", "--max-findings", "5")
sarif = json.loads(out)["runs"][0]
rules = [r["id"] for r in sarif["tool"]["driver"]["rules"]]
results = sarif["results"]
if len(results) != 6 or results[-1]["ruleId"] != "too-many-findings" or "too-many-findings" not in rules:
    print("FAIL: sarif: %d results, rules %s" % (len(results), "too-many-findings" in rules)); ok = False

for fmt in ("rdjson", "github", "html"):
    code, out = run("--format", fmt, "--max-findings", "5")
    if "too-many-findings" not in out or code != 1:
        print("FAIL: %s: no summary finding (exit %d)" % (fmt, code)); ok = False

p = subprocess.run([tally, "check", "--max-findings", "x", path], capture_output=True, text=True)
if p.returncode != 2:
    print("FAIL: --max-findings x should be a usage error, got %d" % p.returncode); ok = False
print("ok" if ok else "")
sys.exit(0 if ok else 1)
PY
