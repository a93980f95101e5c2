#!/usr/bin/env python3
"""Compares what Neovim received from `tally lsp` with `tally check --format json`.

usage: compare.py REPORT CHECK_JSON NVIM_JSON
`tally check` positions are 1-based lines and code-point columns; LSP ranges are
0-based lines and UTF-16 columns, so they are converted here. Exit 0 = agree,
1 = disagree, 2 = the comparison could not run (details on stdout).
"""
import json
import sys


def as_list(v):
    # vim.json encodes an empty Lua table as {}.
    return v if isinstance(v, list) else []


def utf16_col(line_text, cp_col):
    prefix = line_text[: cp_col - 1]
    return sum(2 if ord(c) > 0xFFFF else 1 for c in prefix)


def lsp_range(lines, d):
    def pos(line, col):
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        return {"line": line - 1, "character": utf16_col(text, col)}
    return {"start": pos(d["line"], d["column"]), "end": pos(d["end_line"], d["end_column"])}


SEVERITY = {"error": 1, "warning": 2, "info": 3}


def main():
    report, check_path, nvim_path = sys.argv[1:4]
    text = open(report, encoding="utf-8").read()
    lines = text.split("\n")
    check = json.load(open(check_path, encoding="utf-8"))
    nvim = json.load(open(nvim_path, encoding="utf-8"))
    failures = []
    if as_list(nvim.get("errors")):
        failures.append("Neovim side failed: %s" % nvim["errors"])
    published = as_list(nvim.get("published"))
    if not published:
        failures.append("no publishDiagnostics reached Neovim")
    else:
        last = published[-1]
        if last.get("version") != 0 and not isinstance(last.get("version"), int):
            failures.append("publishDiagnostics without a version")
        got = sorted(
            (json.dumps(d["range"], sort_keys=True), d.get("code"), d.get("severity"), d.get("message"),
             json.dumps([[r["location"]["range"], r["message"]] for r in as_list(d.get("relatedInformation"))],
                        sort_keys=True))
            for d in as_list(last.get("diagnostics"))
        )
        want = sorted(
            (
                json.dumps(lsp_range(lines, d), sort_keys=True),
                d["rule"],
                SEVERITY[d["severity"]],
                "\n".join([d["message"]] + d.get("notes", [])),
                json.dumps([[lsp_range(lines, r), r["message"]] for r in d.get("related", [])], sort_keys=True),
            )
            for d in check["diagnostics"]
        )
        if not want:
            print("SKIP comparison: `tally check` reports no diagnostics for %s (the engine finds nothing yet);"
                  " checked only that the LSP agrees (%d diagnostics)" % (report, len(got)))
        else:
            print("comparing %d diagnostics" % len(want))
        if got != want:
            failures.append("LSP diagnostics differ from tally check:\n  lsp:   %s\n  check: %s" % (got, want))
        if want and nvim.get("shown", 0) < 1:
            failures.append("Neovim shows no diagnostic although tally check reports %d" % len(want))
        hover = nvim.get("hover")
        if not isinstance(hover, dict) or "error" in hover:
            failures.append("hover failed: %r" % (hover,))
        elif want:
            # Neovim hovered the first diagnostic's start: the hover must name that finding's rule.
            first_code = as_list(last.get("diagnostics"))[0].get("code") if got else None
            contents = (hover.get("result") or {}).get("contents") if isinstance(hover.get("result"), dict) else None
            value = contents.get("value", "") if isinstance(contents, dict) else ""
            if not first_code or ("`%s`" % first_code) not in value:
                failures.append("hover on the first diagnostic does not mention rule %r: %r" % (first_code, value))
        # The quick fix Neovim applied must give the text `tally check`'s fix describes.
        fixes = [d for d in check["diagnostics"] if d.get("fix")]
        first = sorted(check["diagnostics"], key=lambda d: (d["line"], d["column"]))[0] if want else None
        if first and first.get("fix"):
            f = first["fix"]
            ls = text.split("\n")
            row = ls[f["line"] - 1]
            assert f["line"] == f["end_line"], "multi-line fix"
            ls[f["line"] - 1] = row[: f["column"] - 1] + f["replacement"] + row[f["end_column"] - 1:]
            expected = "\n".join(ls).rstrip("\n")
            if nvim.get("applied_title") is None:
                failures.append("a fix exists but Neovim was offered no preferred quick fix")
            elif nvim.get("buffer", "").rstrip("\n") != expected:
                failures.append("buffer after the quick fix differs:\n%s\n---\n%s" % (nvim.get("buffer"), expected))
            else:
                print("quick fix applied: %s" % nvim["applied_title"])
        elif want:
            print("the first diagnostic has no fix; %d of %d have one" % (len(fixes), len(want)))
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
