#!/usr/bin/env python3
"""Checks tally against the hand-written specification in examples/README.md.

For each example: every contradiction the README lists (line:col, kind, severity) must be reported at
that position by a rule of that kind with that severity, and nothing else may be reported as an error
or warning. Files the README calls clean must produce no diagnostic at all.
"""
import json
import os
import re
import subprocess
import sys

KINDS = {
    "percent": {"percent"},
    "sum": {"sum"},
    "subset": {"subset", "nesting"},
    "ratio": {"ratio-sum", "enrolment-ratio", "student-teacher-ratio"},
    "per-capita": {"per-capita", "per-capita-magnitude"},
    "change": {"net-change", "table-change", "growth"},
    "count": {"count"},
    "table-sum": {"sum"},
    "table-rows": {"table-rows"},
    "consistent": {"consistent"},
    "malformed-number": {"malformed-number"},
}


def spec(readme):
    """{file: [(line, col, kind, severity)]} from the README's tables."""
    out, current = {}, None
    for line in open(readme, encoding="utf-8"):
        m = re.match(r"## (\S+\.txt)", line)
        if m:
            current = m.group(1)
            out[current] = []
            continue
        m = re.match(r"\|\s*\d+\s*\|\s*(\d+):(\d+)\s*\|.*\|\s*([a-z-]+)[^|]*\|\s*\**(error|warning)\**\s*\|\s*$", line)
        if m and current:
            out[current].append((int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)))
    return out


def main():
    tally, src = sys.argv[1], sys.argv[2]
    os.chdir(src)
    expected = spec("examples/README.md")
    passed = failed = 0
    for name, items in sorted(expected.items()):
        path = os.path.join("examples", name)
        r = subprocess.run([tally, "check", "--format", "json", path], capture_output=True, text=True)
        diags = json.loads(r.stdout)["diagnostics"]
        found = [(d["line"], d["column"], d["rule"], d["severity"]) for d in diags if d["severity"] != "info"]
        for (ln, col, kind, sev) in items:
            ok = any(d[0] == ln and d[1] == col and d[2] in KINDS.get(kind, {kind}) and d[3] == sev for d in found)
            if ok:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {name}:{ln}:{col}: expected {sev} of kind {kind}; got {[d for d in found if d[0] == ln]}")
        listed = {(ln, col) for (ln, col, _, _) in items}
        for d in found:
            if (d[0], d[1]) not in listed:
                failed += 1
                print(f"FAIL {name}:{d[0]}:{d[1]}: unexpected {d[3]}[{d[2]}]")
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
