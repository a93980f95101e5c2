#!/usr/bin/env python3
"""Runs the minimal-pair suite: tests/pairs/<class>.txt, one short invented passage per case.

usage: run_pairs.py TALLY [--class NAME] [-v] [--suggest]

A case is a header line and the passage below it, up to the next header:
  === pass | what it shows          tally must report no error or warning
  === flag FIGURE | what it shows   tally must report an error or warning whose own span, or one of
                                    whose related spans, covers FIGURE's printed text (FIGURE#2: its 2nd
                                    occurrence in the passage)
Prints caught / silent per class and compares with thresholds.txt (class, least share of flag cases
caught, most false alarms on pass cases); exits 1 when a class falls below its line, and prints
"N passed, M failed" (classes). -v lists every miss and false alarm; --suggest prints the thresholds.txt
lines of today's results (caught share rounded down to 0.05, today's false alarms) to ratchet the bar.
Lines starting with # in a case file are comments.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def parse(path):
    cases, cur = [], None
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("#"):
            continue
        if line.startswith("=== "):
            head, _, desc = line[4:].partition("|")
            words = head.split()
            cur = {"kind": words[0], "figure": words[1] if len(words) > 1 else None, "desc": desc.strip(), "lines": []}
            cases.append(cur)
        elif cur is not None:
            cur["lines"].append(line)
    for c in cases:
        c["text"] = "\n".join(c["lines"]).strip("\n") + "\n"
    return cases


def indent(text):
    return "\n".join("    " + l for l in text.strip().split("\n"))


def figure_offset(text, figure):
    """Code-point (line, first column, end column) of the figure's n-th occurrence, 1-based, end exclusive."""
    fig, _, nth = figure.partition("#")
    nth = int(nth or 1)
    at = -1
    glued = lambda ch: ch.isdigit() or ch in ".,"
    while nth > 0:
        at = text.find(fig, at + 1)
        if at < 0:
            return None
        # A whole figure, not digits inside a longer one ("31" in "245331").
        before = text[at - 1] if at > 0 else " "
        after = text[at + len(fig)] if at + len(fig) < len(text) else " "
        if not (glued(before) or (fig[-1].isdigit() and glued(after) and not after == "," )):
            nth -= 1
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return line, col, col + len(fig)


def covers(span, want):
    """The span (line, column .. end_line, end_column, end exclusive) overlaps the figure's text."""
    line, col, end = want
    sl, sc = span.get("line"), span.get("column")
    el, ec = span.get("end_line") or sl, span.get("end_column") or (sc or 0) + 1
    if sl is None or sc is None:
        return False
    return (sl, sc) < (line, end) and (el, ec) > (line, col)


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    tally, verbose, only = args[0], "-v" in args, None
    if "--class" in args:
        only = args[args.index("--class") + 1]
    files = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    thresholds = {}
    for line in open(os.path.join(HERE, "thresholds.txt"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            name, ratio, alarms = line.split()
            thresholds[name] = (float(ratio), int(alarms))
    passed = failed = 0
    total_flag = total_caught = total_pass = total_alarms = 0
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for f in files:
            cls = f[:-4]
            if only and cls != only:
                continue
            for i, c in enumerate(parse(os.path.join(HERE, f))):
                p = os.path.join(tmp, f"{cls}-{i:03d}.txt")
                open(p, "w", encoding="utf-8").write(c["text"])
                paths[p] = (cls, c)
        r = subprocess.run([tally, "check", "--no-config", "--format", "json", "--fail-on", "never", tmp],
                           capture_output=True, text=True)
        if r.returncode != 0:
            print(f"tally failed ({r.returncode}): {r.stderr[-500:]}")
            return 1
        diags = {}
        for d in json.loads(r.stdout)["diagnostics"]:
            if d.get("severity") in ("error", "warning"):
                diags.setdefault(os.path.normpath(d["file"]), []).append(d)
        per = {}
        for p, (cls, c) in paths.items():
            s = per.setdefault(cls, {"flag": 0, "caught": 0, "pass": 0, "alarms": 0, "notes": []})
            ds = diags.get(os.path.normpath(p), [])
            if c["kind"] == "pass":
                s["pass"] += 1
                if ds:
                    s["alarms"] += 1
                    s["notes"].append(f"  FALSE ALARM {cls}: {c['desc']}\n" + indent(c["text"]) + f"\n    → {ds[0]['rule']}: {ds[0]['message']}")
                continue
            s["flag"] += 1
            want = figure_offset(c["text"], c["figure"]) if c["figure"] else None
            if want is None:
                s["notes"].append(f"  BAD CASE {cls}: figure {c['figure']!r} not found in the passage: {c['desc']}")
                continue
            hit = any(covers(x, want) for d in ds for x in [d] + list(d.get("related") or []))
            if hit:
                s["caught"] += 1
            else:
                s["notes"].append(f"  SILENT {cls}: {c['desc']} ({c['figure']})\n" + indent(c["text"]))
    print(f"{'class':<16}{'flag caught':>14}{'pass silent':>14}   threshold")
    for cls in sorted(per):
        s = per[cls]
        ratio = s["caught"] / s["flag"] if s["flag"] else 1.0
        need, most = thresholds.get(cls, (1.0, 0))
        ok = ratio + 1e-9 >= need and s["alarms"] <= most
        passed += ok
        failed += not ok
        total_flag += s["flag"]
        total_caught += s["caught"]
        total_pass += s["pass"]
        total_alarms += s["alarms"]
        print(f"{cls:<16}{s['caught']:>8}/{s['flag']:<5}{s['pass'] - s['alarms']:>8}/{s['pass']:<5}   "
              f"≥ {need:.2f}, ≤ {most} alarms{'' if ok else '   BELOW'}")
        if verbose or not ok:
            for n in s["notes"]:
                print(n)
    if "--suggest" in args:
        import math
        for cls in sorted(per):
            s = per[cls]
            ratio = s["caught"] / s["flag"] if s["flag"] else 1.0
            print(f"{cls:<15}{math.floor(ratio * 20 + 1e-9) / 20:.2f}    {s['alarms']}")
    print(f"{'all':<16}{total_caught:>8}/{total_flag:<5}{total_pass - total_alarms:>8}/{total_pass:<5}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
